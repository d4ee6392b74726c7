"""Admin pages: orders, proofs, reviews."""
import csv
import io
import logging
import os

from bottle import abort, redirect, request, response, template

from ..helpers import format_money, status_badge
from ..models import Order, OrderItem, Review, StaffUser
from ..plugins.auth import current_staff, get_session, login_staff
from ..plugins.ratelimit import limiter
from ..repositories import orders as order_queries
from ..settings import as_int
from . import admin_app

log = logging.getLogger(__name__)

PAGE_SIZE = 40
PROOF_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg"}


def _render(name, **context):
    context.setdefault("staff", current_staff())
    context.setdefault("prefix", request.script_name.rstrip("/"))
    context.setdefault("money", format_money)
    context.setdefault("badge", status_badge)
    return template(name, **context)


def _url(path=""):
    return request.script_name.rstrip("/") + "/" + path.lstrip("/")


@admin_app.get("/login", public=True)
def login_form():
    return _render("admin/login.tpl", error=None, username="")


@admin_app.post("/login", public=True)
@limiter.limit("5/minute", scope="admin-login")
def login():
    username = request.forms.username.strip()
    password = request.forms.password
    staff = StaffUser.get_or_none(StaffUser.username == username)
    if staff is None or not staff.is_active or not staff.check_password(password):
        log.warning("Failed admin login for %r from %s", username, request.remote_addr)
        return _render("admin/login.tpl", error="Unknown username or wrong password.", username=username)
    login_staff(staff)
    log.info("Staff %s signed in", staff.username)
    redirect(_url("orders"))


@admin_app.post("/logout")
def logout():
    get_session().delete()
    redirect(_url("login"))


@admin_app.get("/")
def index():
    redirect(_url("orders"))


@admin_app.get("/orders")
def order_list():
    status = request.query.status or None
    if status not in Order.STATUSES:
        status = None
    sort = request.query.sort or "created_at"
    direction = "asc" if request.query.dir == "asc" else "desc"
    page = max(1, as_int(request.query.page, 1))
    q = request.query.q.strip()

    rows = order_queries.search_orders(
        status=status,
        query=q or None,
        sort=sort,
        direction=direction,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    return _render(
        "admin/orders.tpl",
        rows=rows,
        status=status,
        q=q,
        sort=sort,
        direction=direction,
        page=page,
        total=order_queries.count_orders(status),
        summary=order_queries.status_summary(),
        statuses=Order.STATUSES,
    )


@admin_app.get("/orders/<order_id:int>")
def order_detail(order_id):
    order = Order.get_or_none(Order.id == order_id) or abort(404, "No such order")
    return _render("admin/order.tpl", order=order, items=list(order.items), statuses=Order.STATUSES,
                   message=request.query.message or None)


@admin_app.post("/orders/<order_id:int>/status")
def update_status(order_id):
    order = Order.get_or_none(Order.id == order_id) or abort(404, "No such order")
    new_status = request.forms.status
    if new_status not in Order.STATUSES:
        abort(400, "Unknown status")
    log.info("%s changed order %s from %s to %s", current_staff().username, order.reference,
             order.status, new_status)
    order.status = new_status
    order.save()
    redirect(_url(f"orders/{order.id}?message=Status+updated"))


@admin_app.post("/orders/<order_id:int>/items/<item_id:int>/proof")
def upload_proof(order_id, item_id):
    item = OrderItem.get_or_none((OrderItem.id == item_id) & (OrderItem.order == order_id))
    if item is None:
        abort(404, "No such item")
    upload = request.files.get("proof")
    if upload is None:
        abort(400, "No file uploaded")
    ext = os.path.splitext(upload.raw_filename)[1].lower()
    if ext not in PROOF_EXTENSIONS:
        abort(400, "Proofs must be PDF, PNG or JPEG")

    filename = f"{item.order.reference}-{item.id}{ext}"
    proof_dir = request.app.config["app.proof_dir"]
    os.makedirs(proof_dir, exist_ok=True)
    upload.save(os.path.join(proof_dir, filename), overwrite=True)
    item.proof_path = filename
    item.save()
    redirect(_url(f"orders/{order_id}?message=Proof+uploaded"))


@admin_app.get("/reviews")
def review_queue():
    pending = (Review.select()
               .where(Review.approved == False)  # noqa: E712
               .order_by(Review.created_at)
               .limit(100))
    return _render("admin/reviews.tpl", reviews=list(pending))


@admin_app.post("/reviews/<review_id:int>")
def moderate_review(review_id):
    review = Review.get_or_none(Review.id == review_id) or abort(404, "No such review")
    action = request.forms.action
    if action == "approve":
        review.approved = True
        review.save()
    elif action == "delete":
        review.delete_instance()
    else:
        abort(400, "Unknown action")
    redirect(_url("reviews"))


@admin_app.get("/export.csv", owner_only=True)
def export_csv():
    statuses = [s for s in request.query.getall("status") if s in Order.STATUSES] or ["paid"]
    rows = order_queries.export_rows(statuses)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["reference", "shipping_name", "shipping_address",
                                                "sku", "quantity", "personalisation"])
    writer.writeheader()
    writer.writerows(rows)
    response.content_type = "text/csv; charset=utf-8"
    response.set_header("Content-Disposition", 'attachment; filename="packing-list.csv"')
    return buffer.getvalue()
