"""WSGI entry point used by gunicorn (see gunicorn.conf.py)."""
from salesportal import create_app

app = create_app()
