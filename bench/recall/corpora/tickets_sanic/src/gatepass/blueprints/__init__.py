"""Blueprint wiring.

``site``  - the cookie-authenticated website (CSRF middleware applies)
``api``   - JSON API and scanner endpoints under /api (bearer tokens)
``admin`` - organiser back office under /admin
"""
from sanic import Blueprint

from gatepass.blueprints import account, admin as admin_views, api as api_views, auth, events, orders, scanner, tickets, webhooks
from gatepass.security.csrf import csrf_request_middleware, csrf_response_middleware

site = Blueprint.group(auth.bp, account.bp, events.bp, orders.bp, tickets.bp, webhooks.bp)
site.middleware(csrf_request_middleware, "request")
site.middleware(csrf_response_middleware, "response")

api = Blueprint.group(api_views.bp, scanner.bp, url_prefix="/api")

admin = admin_views.bp

__all__ = ["site", "api", "admin"]
