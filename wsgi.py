"""The WSGI entry point: `gunicorn wsgi:app`."""

import gc

from feedback import create_app

app = create_app()
# The ~300,000 objects the app builds at start live as long as the worker: frozen, the
# garbage collector stops walking them in every full collection (about 5 ms a journey).
gc.freeze()
