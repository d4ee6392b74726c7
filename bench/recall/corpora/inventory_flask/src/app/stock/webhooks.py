"""Inbound advance shipping notices (ASN) from supplier portals."""
import logging

from flask import current_app, jsonify, request

from app.extensions import csrf, db
from app.models import Item, Supplier, Warehouse
from app.services.inventory import StockError, apply_movement
from app.services.security import verify_signature
from app.stock import stock_bp

log = logging.getLogger(__name__)


@stock_bp.route("/webhooks/supplier-asn", methods=["POST"])
@csrf.exempt
def supplier_asn():
    body = request.get_data()
    signature = request.headers.get("X-Supplier-Signature", "")
    if not verify_signature(current_app.config.get("SUPPLIER_WEBHOOK_SECRET"), body, signature):
        log.warning("rejected ASN webhook with bad signature from %s", request.remote_addr)
        return jsonify(error="invalid signature"), 401

    payload = request.get_json(force=True)
    supplier = Supplier.query.filter_by(code=payload.get("supplier")).first()
    warehouse = Warehouse.query.filter_by(code=payload.get("warehouse")).first()
    if supplier is None or warehouse is None:
        return jsonify(error="unknown supplier or warehouse"), 422

    received = 0
    for line in payload.get("lines", []):
        item = Item.query.filter_by(sku=str(line.get("sku", "")).upper()).first()
        if item is None:
            log.warning("ASN %s references unknown sku %s", payload.get("asn"), line.get("sku"))
            continue
        try:
            apply_movement(
                item,
                warehouse.id,
                int(line["quantity"]),
                "receipt",
                location_code=line.get("location"),
                reference=f"ASN {payload.get('asn')}",
            )
        except (StockError, KeyError, ValueError):
            log.warning("skipping bad ASN line %r", line)
            continue
        received += 1
    db.session.commit()
    log.info("ASN %s from %s: %d lines received", payload.get("asn"), supplier.code, received)
    return jsonify(received=received), 202
