"""Themes and personal details in free text (the themes issue grows this package)."""
