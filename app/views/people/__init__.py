"""People: sign-in, the users screen and the audit trail."""
