"""What every screen shares: the background helper, big tables, paging, formatting."""
