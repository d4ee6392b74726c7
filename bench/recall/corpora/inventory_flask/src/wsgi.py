import os

from app import create_app
from app.celery_app import init_celery

app = create_app(os.environ.get("FLASK_CONFIG"))
init_celery(app)


if __name__ == "__main__":
    app.run(
        host="0.0.0.0",
        port=int(os.environ.get("PORT", "5000")),
        debug=True,
    )
