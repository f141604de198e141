"""The trust's priority targets register: what is measured, by whom it is owned, and the
red/amber/green status each computed period was given."""
