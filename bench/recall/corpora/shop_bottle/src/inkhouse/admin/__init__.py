"""Back office for studio staff, mounted at /admin.

Pages use SimpleTemplate (``templates/admin/*.tpl``) rather than Jinja2;
they predate the storefront redesign.
"""
from bottle import Bottle

from ..models import database
from ..plugins import PeeweePlugin
from ..plugins.auth import StaffPlugin

admin_app = Bottle()
admin_app.install(PeeweePlugin(database))
admin_app.install(StaffPlugin())

from . import printers, views  # noqa: E402,F401  (registers the routes)
