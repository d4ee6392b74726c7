import logging

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import csrf, db, limiter
from ..repositories import VehicleRepository, WorkOrderRepository
from ..services.auth_service import AuthError, AuthService
from ..services.invite_service import InviteService
from ..services.work_order_service import WorkOrderService
from . import admin_bp
from .filters import render_timeline
from .forms import InviteForm, LoginForm, WorkOrderNoteForm

logger = logging.getLogger("fleetops.admin")

DENSITY_CHOICES = {"compact", "comfortable"}


@admin_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute", methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = AuthService().authenticate(form.email.data, form.password.data)
        except AuthError:
            flash("Invalid email or password.", "danger")
        else:
            login_user(user, remember=form.remember.data)
            logger.info("Admin sign-in for user %s", user.id)
            return redirect(url_for("admin.dashboard"))
    return render_template("admin/login.html", form=form)


@admin_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("admin.login"))


@admin_bp.route("/")
@login_required
def dashboard():
    orders = db.session.execute(
        WorkOrderRepository().list(depot_id=current_user.depot_id, status="open")
    ).scalars().all()
    return render_template("admin/dashboard.html", orders=orders, invite_form=InviteForm())


@admin_bp.route("/work-orders")
@login_required
def work_orders():
    status = request.args.get("status")
    orders = db.session.execute(
        WorkOrderRepository().list(depot_id=current_user.depot_id, status=status)
    ).scalars().all()
    return render_template("admin/work_orders.html", orders=orders, status=status)


@admin_bp.route("/work-orders/<int:work_order_id>", methods=["GET", "POST"])
@login_required
def work_order_detail(work_order_id):
    order = WorkOrderRepository().get(work_order_id)
    if order is None:
        abort(404)
    form = WorkOrderNoteForm(obj=order)
    if form.validate_on_submit():
        WorkOrderService().update(order, {"notes": form.notes.data, "status": form.status.data}, current_user)
        flash("Work order updated.", "success")
        return redirect(url_for("admin.work_order_detail", work_order_id=order.id))
    timeline_html = render_timeline(order.events)
    return render_template("admin/work_order_detail.html", order=order, form=form, timeline_html=timeline_html)


@admin_bp.route("/work-orders/bulk-close", methods=["POST"])
@login_required
@csrf.exempt
def bulk_close():
    ids = [int(value) for value in request.form.getlist("ids") if value.isdigit()]
    if ids:
        closed = WorkOrderService().bulk_close(ids, current_user)
        flash(f"Closed {closed} work orders.", "success")
    return redirect(url_for("admin.work_orders"))


@admin_bp.route("/vehicles/lookup")
@login_required
def vehicle_lookup():
    term = request.args.get("q", "").strip()
    vehicles = VehicleRepository().quick_search(term) if len(term) >= 2 else []
    if not vehicles:
        return f'<div class="lookup-empty">No vehicles match <em>{term}</em></div>'
    return render_template("admin/_vehicle_options.html", vehicles=vehicles, term=term)


@admin_bp.route("/invites", methods=["POST"])
@login_required
def create_invite():
    form = InviteForm()
    if form.validate_on_submit():
        InviteService().create_invite(current_user, form.email.data, form.role.data)
        flash(f"Invitation sent to {form.email.data}.", "success")
    return redirect(url_for("admin.dashboard"))


@admin_bp.route("/preferences/density", methods=["POST"])
@login_required
def set_density():
    density = request.form.get("density", "comfortable")
    if density not in DENSITY_CHOICES:
        density = "comfortable"
    resp = make_response(redirect(request.referrer or url_for("admin.dashboard")))
    resp.set_cookie("table_density", density, max_age=365 * 24 * 3600)
    return resp

