"""WSGI entry point used by gunicorn (see gunicorn.conf.py)."""
from werkzeug.debug import DebuggedApplication
from werkzeug.middleware.proxy_fix import ProxyFix

from shop import create_app

app = create_app()

# One proxy hop (the load balancer) sets X-Forwarded-For / -Proto.
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
# Interactive tracebacks while we track down the intermittent checkout 500s.
app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)
