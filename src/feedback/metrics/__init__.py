"""Figures computed from feedback, and the rules for showing them outside the staff team."""
