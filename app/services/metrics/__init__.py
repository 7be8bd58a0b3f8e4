"""The service metrics and the experience-score estimate the dashboard shows."""
