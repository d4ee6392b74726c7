import logging
from datetime import date, datetime, timedelta

from flask import abort, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import escape
from sqlalchemy import text

from fleet.dashboard import dashboard_bp
from fleet.dashboard.forms import TicketCloseForm, VehicleStatusForm
from fleet.extensions import csrf, db
from fleet.models import Depot, Driver, MaintenanceTicket, Trip, Vehicle
from fleet.services import reports
from fleet.services.sharing import read_share_token

log = logging.getLogger(__name__)

THEMES = ("light", "dark")


def _depot_scope(query, model):
    """Dispatchers and managers only see their own depot."""
    if current_user.is_admin or current_user.depot_id is None:
        return query
    return query.filter(model.depot_id == current_user.depot_id)


@dashboard_bp.route("/")
@login_required
def index():
    vehicles = _depot_scope(Vehicle.query, Vehicle)
    counts = {status: vehicles.filter(Vehicle.status == status).count() for status in Vehicle.STATUSES}
    open_trips = Trip.query.filter(Trip.ended_at.is_(None)).count()
    overdue = reports.overdue_tickets()
    activity = []
    if current_user.depot_id:
        activity = reports.activity_per_day("trips", current_user.depot_id, days=14)
    return render_template(
        "dashboard/index.html",
        counts=counts,
        open_trips=open_trips,
        overdue=overdue,
        activity=activity,
    )


@dashboard_bp.route("/vehicles")
@login_required
def vehicles():
    query = _depot_scope(Vehicle.query, Vehicle)
    q = request.args.get("q", "").strip()
    if q:
        query = query.filter(Vehicle.plate.ilike(f"%{q}%"))
    status = request.args.get("status")
    if status in Vehicle.STATUSES:
        query = query.filter(Vehicle.status == status)
    page = query.order_by(Vehicle.plate).paginate(
        page=request.args.get("page", 1, type=int), per_page=50, error_out=False
    )
    return render_template("dashboard/vehicles.html", page=page, q=q, status=status)


@dashboard_bp.route("/vehicles/lookup")
@login_required
def vehicle_lookup():
    plate = request.args.get("plate", "").strip()
    vehicle = Vehicle.query.filter_by(plate=plate.upper()).first()
    if vehicle is None:
        return f"<p class='empty'>No vehicle registered with plate <b>{plate}</b>.</p>", 404
    return redirect(url_for("dashboard.vehicle_detail", vehicle_id=vehicle.id))


@dashboard_bp.route("/vehicles/<int:vehicle_id>", methods=["GET", "POST"])
@login_required
def vehicle_detail(vehicle_id):
    vehicle = db.get_or_404(Vehicle, vehicle_id)
    form = VehicleStatusForm(obj=vehicle)
    if form.validate_on_submit():
        vehicle.status = form.status.data
        vehicle.status_note = form.status_note.data
        db.session.commit()
        flash(f"{vehicle.plate} updated.", "success")
        return redirect(url_for("dashboard.vehicle_detail", vehicle_id=vehicle.id))
    recent_trips = Trip.query.filter_by(vehicle_id=vehicle.id).order_by(Trip.started_at.desc()).limit(20)
    tickets = vehicle.tickets.order_by(MaintenanceTicket.created_at.desc()).limit(20)
    return render_template(
        "dashboard/vehicle_detail.html",
        vehicle=vehicle,
        form=form,
        recent_trips=recent_trips,
        tickets=tickets,
        documents=vehicle.documents.all(),
    )


@dashboard_bp.route("/vehicles/bulk-status", methods=["POST"])
@csrf.exempt
@login_required
def vehicles_bulk_status():
    """Called from the vehicle table's multi-select toolbar (fetch, JSON body)."""
    payload = request.get_json(force=True, silent=True) or {}
    status = payload.get("status")
    ids = [int(i) for i in payload.get("ids", []) if str(i).isdigit()]
    if status not in Vehicle.STATUSES or not ids:
        return jsonify(error="status and ids are required"), 400
    updated = (
        _depot_scope(Vehicle.query, Vehicle)
        .filter(Vehicle.id.in_(ids))
        .update({"status": status, "status_note": payload.get("note")}, synchronize_session=False)
    )
    db.session.commit()
    log.info("user %s set %d vehicles to %s", current_user.id, updated, status)
    return jsonify(updated=updated)


@dashboard_bp.route("/depots/<code>")
@login_required
def depot(code):
    depot = Depot.query.filter_by(code=code.upper()).first()
    if depot is None:
        return f"<p class='empty'>Unknown depot {escape(code)}</p>", 404
    vehicles = depot.vehicles.order_by(Vehicle.plate).all()
    drivers = Driver.query.filter_by(depot_id=depot.id, status="active").order_by(Driver.last_name).all()
    return render_template("dashboard/depot.html", depot=depot, vehicles=vehicles, drivers=drivers)


@dashboard_bp.route("/drivers")
@login_required
def drivers():
    query = _depot_scope(Driver.query, Driver).filter(Driver.status != "left")
    soon = date.today() + timedelta(days=30)
    expiring = query.filter(Driver.licence_expires <= soon).count()
    return render_template(
        "dashboard/drivers.html",
        drivers=query.order_by(Driver.last_name).all(),
        expiring=expiring,
        soon=soon,
    )


@dashboard_bp.route("/tickets")
@login_required
def tickets():
    status = request.args.get("status", "open")
    query = MaintenanceTicket.query.join(Vehicle)
    if not current_user.is_admin and current_user.depot_id:
        query = query.filter(Vehicle.depot_id == current_user.depot_id)
    if status != "all":
        query = query.filter(MaintenanceTicket.status == status)
    return render_template(
        "dashboard/tickets.html",
        tickets=query.order_by(MaintenanceTicket.created_at.desc()).limit(200).all(),
        status=status,
    )


@dashboard_bp.route("/tickets/<int:ticket_id>", methods=["GET", "POST"])
@login_required
def ticket_detail(ticket_id):
    ticket = db.get_or_404(MaintenanceTicket, ticket_id)
    form = TicketCloseForm(obj=ticket)
    if form.validate_on_submit():
        if ticket.status == "closed":
            abort(409)
        ticket.workshop_notes = form.workshop_notes.data
        ticket.status = "closed"
        ticket.closed_at = datetime.utcnow()
        if ticket.vehicle.status == "maintenance":
            ticket.vehicle.status = "available"
        db.session.commit()
        flash(f"Ticket #{ticket.id} closed.", "success")
        return redirect(url_for("dashboard.tickets"))
    return render_template("dashboard/ticket_detail.html", ticket=ticket, form=form)


@dashboard_bp.route("/reports")
@login_required
def reports_page():
    depot_id = request.args.get("depot_id", type=int) or current_user.depot_id
    sort = request.args.get("sort", "plate")
    direction = request.args.get("dir", "asc")
    since = date.today() - timedelta(days=request.args.get("days", 30, type=int))
    rows = reports.mileage_by_vehicle(depot_id, since, sort=sort, direction=direction) if depot_id else []
    return render_template(
        "dashboard/reports.html", rows=rows, sort=sort, direction=direction, depot_id=depot_id
    )


@dashboard_bp.route("/reports/customer-trips")
@login_required
def customer_trips():
    customer = request.args.get("customer", "").strip()
    rows = []
    if customer:
        rows = db.session.execute(
            text(
                "SELECT t.id, t.started_at, t.ended_at, t.origin, t.destination, v.plate, "
                "CONCAT(d.first_name, ' ', d.last_name) AS driver "
                "FROM trips t JOIN vehicles v ON v.id = t.vehicle_id "
                "JOIN drivers d ON d.id = t.driver_id "
                f"WHERE t.customer_ref LIKE '{customer}%' ORDER BY t.started_at DESC LIMIT 500"
            )
        ).all()
    return render_template("dashboard/customer_trips.html", rows=rows, customer=customer)


@dashboard_bp.route("/preferences/theme", methods=["POST"])
@login_required
def set_theme():
    theme = request.form.get("theme", "light")
    if theme not in THEMES:
        theme = "light"
    resp = make_response(redirect(request.referrer or url_for("dashboard.index")))
    resp.set_cookie("dash_theme", theme, max_age=365 * 24 * 3600)
    return resp


@dashboard_bp.route("/s/<token>")
def track(token):
    """Public page behind the customer share link; no login."""
    trip_id = read_share_token(token)
    trip = db.session.get(Trip, trip_id) if trip_id else None
    if trip is None:
        abort(404)
    return render_template("dashboard/track.html", trip=trip)
