import os

from fleetops import create_app

app = create_app(os.environ.get("FLEETOPS_ENV"))
celery_app = app.extensions["celery"]

if __name__ == "__main__":
    app.run(
        host="0.0.0.0",
        port=int(os.environ.get("PORT", "5000")),
        debug=True,
    )
