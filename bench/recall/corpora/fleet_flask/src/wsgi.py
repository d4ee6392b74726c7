import os

from werkzeug.middleware.proxy_fix import ProxyFix

from fleet import create_app

app = create_app(os.environ.get("FLEET_CONFIG", "production"))
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
