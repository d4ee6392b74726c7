"""WSGI entry point (gunicorn wsgi:app)."""
import os

from iotapi import create_app, settings

app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=settings.DEBUG)
