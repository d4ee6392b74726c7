import logging

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select

from ..extensions import db
from ..models import Listing, Order, User
from ..services import mailer, reporting
from ..services.passwords import generate_temporary_password, hash_temporary_password

log = logging.getLogger(__name__)

admin_bp = Blueprint("admin", __name__)

PUBLIC_ENDPOINTS = {"admin.metrics"}


@admin_bp.before_request
def require_admin():
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login", next=request.full_path))
    if not current_user.is_admin:
        abort(403)
    return None


@admin_bp.get("/")
def dashboard():
    return render_template(
        "admin/dashboard.html",
        counts=reporting.table_counts(),
        top_sellers=reporting.top_sellers(),
    )


@admin_bp.get("/users")
def users():
    q = request.args.get("q", "").strip()
    stmt = select(User).order_by(User.created_at.desc()).limit(100)
    if q:
        like = f"%{q}%"
        stmt = stmt.where(or_(User.email.ilike(like), User.username.ilike(like)))
    return render_template("admin/users.html", users=db.session.scalars(stmt).all(), q=q)


@admin_bp.get("/users/<int:user_id>")
def user_detail(user_id):
    user = db.get_or_404(User, user_id)
    listings = db.session.scalars(
        select(Listing).where(Listing.seller_id == user.id).order_by(Listing.created_at.desc())
    ).all()
    orders = db.session.scalars(select(Order).where(Order.buyer_id == user.id)).all()
    return render_template("admin/user_detail.html", user=user, listings=listings, orders=orders)


@admin_bp.post("/users/<int:user_id>/ban")
def ban_user(user_id):
    user = db.get_or_404(User, user_id)
    if user.is_admin:
        flash("Admins cannot be banned from here.", "warning")
        return redirect(url_for("admin.user_detail", user_id=user.id))
    user.is_banned = request.form.get("action") != "unban"
    if user.is_banned:
        db.session.execute(
            Listing.__table__.update().where(Listing.seller_id == user.id, Listing.status == "active").values(status="withdrawn")
        )
    db.session.commit()
    log.info("admin %s set banned=%s on user %s", current_user.id, user.is_banned, user.id)
    return redirect(url_for("admin.user_detail", user_id=user.id))


@admin_bp.post("/users/<int:user_id>/reset-password")
def reset_user_password(user_id):
    user = db.get_or_404(User, user_id)
    temp_password = generate_temporary_password()
    user.password_hash = hash_temporary_password(temp_password)
    db.session.commit()
    mailer.send_temporary_password_email(user, temp_password)
    flash(f"A temporary password was emailed to {user.email}.", "info")
    return redirect(url_for("admin.user_detail", user_id=user.id))


@admin_bp.post("/listings/<int:listing_id>/feature")
def feature_listing(listing_id):
    listing = db.get_or_404(Listing, listing_id)
    listing.featured = not listing.featured
    db.session.commit()
    return redirect(url_for("admin.user_detail", user_id=listing.seller_id))


@admin_bp.get("/reports/sales")
def sales_report():
    status = request.args.get("status", "paid")
    since = request.args.get("since") or reporting.default_since()
    rows = reporting.sales_by_day(status=status, since=since)
    return render_template("admin/sales.html", rows=rows, status=status, since=since)


@admin_bp.get("/metrics")
def metrics():
    expected = current_app.config.get("METRICS_TOKEN")
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not expected or supplied != expected:
        abort(404)
    active = db.session.scalar(select(func.count(Listing.id)).where(Listing.status == "active"))
    users_total = db.session.scalar(select(func.count(User.id)))
    paid = db.session.scalar(select(func.count(Order.id)).where(Order.status == "paid"))
    body = (
        "# TYPE marketplace_active_listings gauge\n"
        f"marketplace_active_listings {active}\n"
        "# TYPE marketplace_users_total gauge\n"
        f"marketplace_users_total {users_total}\n"
        "# TYPE marketplace_paid_orders gauge\n"
        f"marketplace_paid_orders {paid}\n"
    )
    return Response(body, mimetype="text/plain; version=0.0.4")
