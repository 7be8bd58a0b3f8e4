"""The window frame: the application, the main window, the status line, the tray."""
