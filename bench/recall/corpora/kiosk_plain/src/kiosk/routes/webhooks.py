"""Callbacks from the payment provider."""
import json
import logging

from bottle import Bottle, HTTPResponse, request

from kiosk.csrf import CsrfPlugin, csrf_exempt
from kiosk.services import payments

log = logging.getLogger(__name__)

app = Bottle()
app.install(CsrfPlugin())


@app.post("/payments")
@csrf_exempt
def payment_event():
    payload = request.body.read()
    if not payments.verify_webhook(payload, request.get_header("Stripe-Signature")):
        log.warning("payment webhook with bad signature from %s", request.remote_addr)
        return HTTPResponse(status=400, body="bad signature")
    try:
        event = json.loads(payload)
    except ValueError:
        return HTTPResponse(status=400, body="bad payload")
    handled = payments.handle_event(event)
    return {"received": True, "handled": handled}
