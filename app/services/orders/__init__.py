"""The orders screen's read-only queries."""
