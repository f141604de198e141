"""Scheduled jobs: one registry, one scheduler process, a database lock, and a record of runs."""
