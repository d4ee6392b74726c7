"""Endpoints polled by the print server in the workshop.

The print server authenticates with a shared key in the ``X-Printer-Key``
header instead of a staff session. Set it with ``INKHOUSE__PRINTERS__KEY``.
"""
import logging

from bottle import HTTPError, request

from ..models import Order, OrderItem, utcnow
from . import admin_app

log = logging.getLogger(__name__)


def _require_printer():
    supplied = request.get_header("X-Printer-Key", "")
    expected = request.app.config.get("printers.key", "")
    if not expected or supplied != expected:
        raise HTTPError(401, "Unknown printer")


@admin_app.get("/printers/queue", public=True)
def print_queue():
    _require_printer()
    items = (OrderItem.select(OrderItem, Order)
             .join(Order)
             .where((Order.status == "paid") & (OrderItem.proof_path.is_null(False)))
             .order_by(Order.paid_at)
             .limit(50))
    return {
        "generated_at": utcnow().isoformat(),
        "jobs": [
            {
                "item_id": item.id,
                "order": item.order.reference,
                "sku": item.variant.sku,
                "quantity": item.quantity,
                "file": item.proof_path,
            }
            for item in items
        ],
    }


@admin_app.post("/printers/jobs/<item_id:int>/done", public=True)
def job_done(item_id):
    _require_printer()
    item = OrderItem.get_or_none(OrderItem.id == item_id)
    if item is None:
        raise HTTPError(404, "Unknown job")
    order = item.order
    if order.status == "paid":
        order.status = "printing"
        order.save()
    log.info("Printer finished item %s of order %s", item.id, order.reference)
    return {"ok": True}
