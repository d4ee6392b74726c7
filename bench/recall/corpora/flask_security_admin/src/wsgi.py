import os

from clubhouse import create_app

app = create_app(os.environ.get("CLUB_CONFIG"))

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")), debug=True)
