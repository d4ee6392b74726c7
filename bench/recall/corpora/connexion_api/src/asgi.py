"""ASGI entry point for gunicorn/uvicorn: ``gunicorn -c gunicorn.conf.py asgi:app``."""
from labtrack.app import create_app

app = create_app()
