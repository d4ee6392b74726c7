"""Local development entry point: ``python run.py``.

Production runs through gunicorn and ``wsgi.py``; this file always builds the
development configuration and only listens on the loopback interface.
"""
from salesportal import create_app

app = create_app("development")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)
