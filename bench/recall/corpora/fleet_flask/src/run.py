"""Local runner: ``python run.py``. In containers we use gunicorn (see gunicorn.conf.py)."""
import os

from fleet import create_app

app = create_app(os.environ.get("FLEET_CONFIG"))

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)), debug=True)
