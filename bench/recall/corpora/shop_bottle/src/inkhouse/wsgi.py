"""WSGI entry point.

Production runs ``python manage.py serve`` (waitress) or
``gunicorn inkhouse.wsgi:application``. ``python -m inkhouse.wsgi`` starts the
Bottle development server with auto-reload.
"""
import os

import bottle

from .app import build_wsgi_app, create_app

app = create_app()
application = build_wsgi_app(app)

if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8080"))
    bottle.run(application, host="0.0.0.0", port=port, reloader=True)
