"""The staff pulse survey: NHS England's quarterly engagement items, anonymous, in windows set
by admins, with results by directorate, staff group, ethnic group and disability that never
show a group of fewer than 10 staff. Only the dashboard imports this package."""
