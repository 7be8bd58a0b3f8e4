"""What is due soon across every shop of the desk (refund requests and shipments)."""
