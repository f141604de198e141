"""Signed-in home pages: what each role can do, and where to find it."""
