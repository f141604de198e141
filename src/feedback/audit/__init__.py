"""An append-only trail of who viewed or changed each complaint, urgent comment and account."""
