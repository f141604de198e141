"""The trust's organisation: directorates, services and locations (wards, units, teams)."""
