"""WSGI entry point (gunicorn ``wsgi:app``) and Celery app (``wsgi.celery_app``)."""
import os

from dotenv import load_dotenv

load_dotenv()

from coverpoint import create_app  # noqa: E402

app = create_app(os.environ.get("COVERPOINT_ENV", "production"))
celery_app = app.extensions["celery"]


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)), use_reloader=True)
