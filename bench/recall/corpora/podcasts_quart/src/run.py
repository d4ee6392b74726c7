"""Local development entry point.

    python run.py

Production runs under hypercorn (see hypercorn.toml / Dockerfile).
"""
from podhaus import create_app

app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)
