"""The WSGI entry point: `gunicorn wsgi:app`."""

from feedback import create_app

app = create_app()
