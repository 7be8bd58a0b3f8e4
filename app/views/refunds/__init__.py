"""The refund-approval queue: its table, detail pane and decision dialogs."""
