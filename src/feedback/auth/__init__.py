"""Staff and involvement accounts: sign-in, roles and the rule every blueprint declares."""
