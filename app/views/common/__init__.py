"""What every screen shares: the background helper, big tables and the table-model base with
column maps, the form-dialog base, paging, formatting."""
