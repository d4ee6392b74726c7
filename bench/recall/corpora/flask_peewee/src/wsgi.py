import os

from plotkeeper import create_app

app = create_app(os.environ.get("PLOTKEEPER_CONFIG", "production"))
