"""Personal data kept no longer than the trust's retention periods: a dry run first, always."""
