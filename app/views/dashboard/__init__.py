"""The service-metrics dashboard: tiles, charts, the score and exports."""
