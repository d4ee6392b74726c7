"""Local development server.

    SHOP_ENV=development python run.py
"""
import os

from shop import create_app

app = create_app(os.environ.get("SHOP_ENV", "development"))

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")), debug=True)
