import os

from app import create_app

app = create_app()

if __name__ == "__main__":
    if os.getenv("FLASK_ENV") == "development":
        app.run(host="0.0.0.0", debug=True)
    else:
        app.run()
