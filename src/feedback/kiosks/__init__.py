"""Ward tablets: a kiosk link for one location that staff can revoke at any moment."""
