"""Messages the platform sends: the email gateway and its outbox."""
