"""WSGI entry point: ``gunicorn wsgi:app`` in containers, ``python wsgi.py`` on a laptop."""
import os

from dotenv import load_dotenv

load_dotenv()

from fieldsurvey import create_app  # noqa: E402

app = create_app()

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")), debug=True)
