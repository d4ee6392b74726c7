"""WSGI entry point used by uwsgi (deploy/uwsgi.ini: module = wsgi:application)."""
from werkzeug.debug import DebuggedApplication
from werkzeug.middleware.proxy_fix import ProxyFix

from docsign import create_app

app = create_app()
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

# interactive tracebacks make the staging box much easier to debug
application = DebuggedApplication(app, evalex=True)
