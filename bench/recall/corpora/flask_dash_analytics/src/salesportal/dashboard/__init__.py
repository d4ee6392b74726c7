"""Plotly Dash dashboard mounted on the Flask server under /dashboard/."""
from dash import Dash
from flask_login import login_required

from ..extensions import csrf
from .callbacks import register_callbacks
from .layout import build_layout

URL_BASE = "/dashboard/"
BOOTSTRAP_CSS = "https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css"


def init_dashboard(server):
    dash_app = Dash(
        __name__,
        server=server,
        url_base_pathname=URL_BASE,
        title="Sales dashboard",
        suppress_callback_exceptions=True,
        external_stylesheets=[BOOTSTRAP_CSS],
    )
    dash_app.layout = build_layout
    register_callbacks(dash_app)
    _protect_dash_views(server, dash_app)
    dash_app.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    return dash_app


def _protect_dash_views(server, dash_app):
    """Require a portal login for every Dash route.

    Dash posts its (read-only) callback requests as application/json without a
    CSRF token, so those views are exempted from Flask-WTF's form check.
    """
    for endpoint, view in list(server.view_functions.items()):
        if endpoint.startswith(dash_app.config.url_base_pathname):
            protected = login_required(view)
            server.view_functions[endpoint] = protected
            csrf.exempt(protected)
