import os

from shop import create_app

app = create_app()

if __name__ == "__main__":
    app.run(debug=os.environ.get("QUART_DEBUG") == "1")
