"""Entry points.

* web:    ``gunicorn run:app``
* worker: ``celery -A run:celery worker``
"""
from dotenv import load_dotenv

load_dotenv()

from dispatchdesk import create_app  # noqa: E402
from dispatchdesk.tasks import celery  # noqa: E402,F401

app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080, debug=True)
