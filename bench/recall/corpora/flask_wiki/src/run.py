"""Local development entry point: ``python run.py``."""
import os

from wiki import create_app

app = create_app(os.environ.get("WIKI_CONFIG", "development"))

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")), use_reloader=True)
