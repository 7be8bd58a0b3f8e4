"""Setting up: the first-run wizard and the settings dialog."""
