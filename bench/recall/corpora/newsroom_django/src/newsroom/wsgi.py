"""WSGI entry point for gunicorn. Defaults to production so a bare run never gets laptop settings."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

application = get_wsgi_application()
