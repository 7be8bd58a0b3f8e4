"""People: accounts, sign-in, permissions and the audit trail."""
