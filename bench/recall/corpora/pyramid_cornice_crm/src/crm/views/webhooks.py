import logging

import stripe
from pyramid.httpexceptions import HTTPBadRequest, HTTPServiceUnavailable
from pyramid.view import view_config

from crm.config import WEBHOOK_SECRET_SETTING
from crm.services.billing import handle_event

log = logging.getLogger(__name__)


@view_config(route_name="stripe_webhook", request_method="POST", renderer="json", require_csrf=False)
def stripe_webhook(request):
    secret = request.registry.settings.get(WEBHOOK_SECRET_SETTING)
    if not secret:
        log.error("stripe webhook called but no signing secret is configured")
        raise HTTPServiceUnavailable()
    try:
        event = stripe.Webhook.construct_event(request.body, request.headers.get("Stripe-Signature", ""), secret)
    except (ValueError, stripe.error.SignatureVerificationError):
        log.warning("rejected stripe webhook from %s", request.client_addr)
        raise HTTPBadRequest()
    handle_event(request.dbsession, event)
    return {"received": True}
