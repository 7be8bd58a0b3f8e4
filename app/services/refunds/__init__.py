"""The refund-approval queue's services: reading requests, deciding them, in bulk."""
