"""Back office: order list, order detail, refunds and shipping."""
import logging

from flask import Blueprint, abort, current_app, flash, g, jsonify, make_response, redirect, render_template, request, url_for

from ..repositories import OrderRepository
from ..security import staff_required
from ..services import mailer, payments
from ..services.invoices import render_invoice

logger = logging.getLogger(__name__)

bp = Blueprint("admin", __name__)

ORDER_STATUSES = ("pending", "paid", "shipped", "refunded", "cancelled")


@bp.before_request
@staff_required
def _staff_only():
    return None


@bp.route("/orders")
def orders():
    statuses = request.args.getlist("status")
    sort = request.args.get("sort", "newest")
    page = max(request.args.get("page", 1, type=int), 1)
    rows = OrderRepository().list_for_admin(statuses=statuses, sort=sort, limit=50, offset=(page - 1) * 50)
    if request.accept_mimetypes.best == "application/json":
        return jsonify(orders=rows)
    return render_template("admin/orders.html", orders=rows, statuses=ORDER_STATUSES, selected=statuses, sort=sort, page=page)


@bp.route("/orders/<int:order_id>")
def order_detail(order_id):
    repo = OrderRepository()
    order = repo.get(order_id)
    if order is None:
        abort(404)
    return render_template("admin/order_detail.html", order=order, items=repo.items(order_id))


@bp.route("/orders/<int:order_id>/invoice")
def order_invoice(order_id):
    repo = OrderRepository()
    order = repo.get(order_id)
    if order is None:
        abort(404)
    seller = {"name": current_app.config["SITE_NAME"], "vat_id": "NL859173046B01"}
    response = make_response(render_invoice(order, repo.items(order_id), seller))
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


@bp.route("/orders/<int:order_id>/refund", methods=["POST"])
def refund(order_id):
    repo = OrderRepository()
    order = repo.get(order_id)
    if order is None or order["status"] not in ("paid", "shipped"):
        abort(409)
    amount = request.form.get("amount_cents", type=int)
    payments.refund_payment(order["payment_intent_id"], amount)
    repo.set_status(order_id, "refunded")
    logger.info("order %s refunded by staff user %s", order["number"], g.user["id"])
    flash(f"Order {order['number']} refunded.", "success")
    return redirect(url_for("admin.order_detail", order_id=order_id))


@bp.route("/orders/<int:order_id>/ship", methods=["POST"])
def ship(order_id):
    repo = OrderRepository()
    order = repo.get(order_id)
    if order is None:
        abort(404)
    tracking = request.form.get("tracking_number", "").strip()
    repo.set_tracking(order["number"], tracking)
    mailer.send_order_shipped(repo.get(order_id), repo.items(order_id))
    flash(f"Order {order['number']} marked as shipped.", "success")
    return redirect(url_for("admin.order_detail", order_id=order_id))
