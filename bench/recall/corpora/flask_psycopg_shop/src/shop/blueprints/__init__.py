"""Blueprint registration."""
from ..extensions import csrf


def register_blueprints(app):
    from . import account, admin, api, auth, cart, catalog, checkout, webhooks

    app.register_blueprint(catalog.bp)
    app.register_blueprint(auth.bp, url_prefix="/account")
    app.register_blueprint(account.bp, url_prefix="/account")
    app.register_blueprint(cart.bp, url_prefix="/cart")
    app.register_blueprint(checkout.bp, url_prefix="/checkout")
    app.register_blueprint(admin.bp, url_prefix="/admin")
    app.register_blueprint(api.bp, url_prefix="/api/v1")
    app.register_blueprint(webhooks.bp, url_prefix="/webhooks")

    # The mobile/warehouse API authenticates every call with a bearer token
    # or an API key header; it never reads the session cookie.
    csrf.exempt(api.bp)
    # The back-office order grid posts with fetch() from the admin bundle.
    csrf.exempt(admin.bp)
