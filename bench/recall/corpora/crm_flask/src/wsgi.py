"""Entry point for gunicorn (`gunicorn wsgi:app`) and for local runs."""
import os

from crm import create_app

app = create_app(os.environ.get("CRM_ENV"))


if __name__ == "__main__":
    app.run(
        host=os.environ.get("CRM_HOST", "127.0.0.1"),
        port=int(os.environ.get("CRM_PORT", "5000")),
        debug=os.environ.get("FLASK_DEBUG") == "1",
    )
