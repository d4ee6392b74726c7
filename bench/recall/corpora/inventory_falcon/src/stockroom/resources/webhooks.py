"""Inbound webhooks from suppliers."""

import hashlib
import hmac
import json
import logging

import falcon
from marshmallow import ValidationError

from stockroom import settings
from stockroom.middleware.session import csrf_exempt
from stockroom.schemas import AsnSchema
from stockroom.services.stock import StockService

logger = logging.getLogger(__name__)

MAX_BODY = 512 * 1024


@csrf_exempt
class SupplierAsnWebhook:
    """Advance shipping notices pushed by the supplier portal, signed with a shared secret."""

    auth_exempt = True

    def __init__(self, stock: StockService | None = None):
        self._stock = stock or StockService()

    def on_post(self, req, resp):
        if not settings.SUPPLIER_WEBHOOK_SECRET:
            raise falcon.HTTPServiceUnavailable(description="Webhook not configured.")

        body = req.bounded_stream.read(MAX_BODY)
        signature = req.get_header("X-Supplier-Signature", required=True)
        expected = hmac.new(settings.SUPPLIER_WEBHOOK_SECRET.encode("utf-8"), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature.removeprefix("sha256=")):
            logger.warning("supplier webhook with bad signature from %s", req.remote_addr)
            raise falcon.HTTPUnauthorized(title="Bad signature")

        try:
            asn = AsnSchema().load(json.loads(body))
        except (json.JSONDecodeError, ValidationError) as exc:
            logger.info("supplier webhook payload rejected: %s", exc)
            raise falcon.HTTPBadRequest(title="Malformed ASN")

        received = self._stock.receive_asn(asn)
        logger.info("ASN %s from %s: %d lines received", asn["asn_number"], asn["supplier"], len(received))
        resp.media = {"asn_number": asn["asn_number"], "received": received}
