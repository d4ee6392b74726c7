"""WSGI entry point for gunicorn: ``gunicorn wsgi:app``."""
import os

from werkzeug.debug import DebuggedApplication

from wiki import create_app

app = create_app(os.environ.get("WIKI_CONFIG", "production"))
app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)
