"""Admin pages: dashboard, records, appointments, staff and reports."""
import io
import logging
from datetime import date, datetime, timedelta, timezone
from functools import wraps

import pandas as pd
from bson import ObjectId
from flask import Response, abort, flash, redirect, render_template, render_template_string, request, url_for
from flask_login import current_user, login_required

from ..billing.db import billing_connection
from ..billing.repository import InvoiceRepository
from ..extensions import csrf, limiter
from ..models.accounts import StaffUser
from ..models.appointments import STATUSES, Appointment
from ..models.clinics import Clinic
from ..models.pets import Pet
from ..services.scheduling import invalidate_slots
from . import admin_bp
from .auth_views import send_invitation
from .forms import StaffForm

log = logging.getLogger(__name__)

STATUS_BADGES = {
    "requested": '<span class="badge badge-grey">Requested</span>',
    "confirmed": '<span class="badge badge-blue">Confirmed</span>',
    "checked_in": '<span class="badge badge-green">Checked in</span>',
    "completed": '<span class="badge badge-dark">Completed</span>',
    "cancelled": '<span class="badge badge-red">Cancelled</span>',
    "no_show": '<span class="badge badge-orange">No show</span>',
}

LABEL_TEMPLATE = """
<div class="label">
  <strong>{{ pet.name }}</strong> ({{ pet.species }}{% if pet.breed %}, {{ pet.breed }}{% endif %})<br>
  Owner: {{ pet.owner.display_name }}<br>
  Chip: {{ pet.microchip or "-" }}<br>
  {% if pet.allergies %}<em>Allergies: {{ pet.allergies | join(", ") }}</em>{% endif %}
  <small>{{ clinic.name }} &middot; {{ clinic.phone }}</small>
</div>
"""

OUTSTANDING_SQL = """
    SELECT i.number, a.full_name AS account, a.email, i.issued_at::date AS issued,
           i.due_at::date AS due, i.total_cents, i.paid_cents,
           (i.total_cents - i.paid_cents) AS outstanding_cents
      FROM invoices i
      JOIN billing_accounts a ON a.id = i.account_id
     WHERE i.clinic_id = %(clinic_id)s
       AND i.status = '{status}'
     ORDER BY i.due_at
"""


def manager_required(fn):
    @wraps(fn)
    @login_required
    def wrapper(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return fn(*args, **kwargs)

    return wrapper


def _clinic_object(model, object_id):
    if not ObjectId.is_valid(object_id):
        abort(404)
    obj = model.objects(id=object_id).first()
    if obj is None:
        abort(404)
    if current_user.role != "admin" and obj.clinic != current_user.clinic:
        abort(404)
    return obj


@admin_bp.route("/")
@login_required
def dashboard():
    today = datetime.combine(date.today(), datetime.min.time(), tzinfo=timezone.utc)
    appointments = Appointment.objects(
        clinic=current_user.clinic,
        starts_at__gte=today,
        starts_at__lt=today + timedelta(days=1),
    ).select_related(max_depth=1)
    staff = StaffUser.objects(clinic=current_user.clinic).order_by("full_name") if current_user.is_admin else []
    return render_template(
        "admin/dashboard.html",
        appointments=appointments,
        staff=staff,
    )


@admin_bp.route("/search")
@login_required
def search():
    q = request.args.get("q", "").strip()
    pets = []
    invoices = []
    if q:
        pets = list(Pet.objects(clinic=current_user.clinic, name__icontains=q, archived_at=None).limit(20))
        invoices = InvoiceRepository().search_by_account(q, str(current_user.clinic.id))
    if request.headers.get("HX-Request") and not pets and not invoices:
        return f'<p class="empty">No pets or invoices match <b>{q}</b>.</p>'
    # htmx swaps in #results from the full page (hx-select)
    return render_template("admin/search.html", q=q, pets=pets, invoices=invoices)


@admin_bp.route("/pets/<pet_id>")
@login_required
def pet_detail(pet_id):
    pet = _clinic_object(Pet, pet_id)
    upcoming = Appointment.objects(pet=pet, starts_at__gte=datetime.now(timezone.utc)).limit(5)
    return render_template("admin/pet_detail.html", pet=pet, upcoming=upcoming)


@admin_bp.route("/pets/<pet_id>/label")
@login_required
def pet_label(pet_id):
    pet = _clinic_object(Pet, pet_id)
    return render_template_string(LABEL_TEMPLATE, pet=pet, clinic=pet.clinic)


@admin_bp.route("/appointments/<appointment_id>")
@login_required
def appointment_detail(appointment_id):
    appointment = _clinic_object(Appointment, appointment_id)
    badge = STATUS_BADGES.get(appointment.status, STATUS_BADGES["requested"])
    return render_template(
        "admin/appointment_detail.html",
        appointment=appointment,
        status_badge=badge,
        statuses=STATUSES,
    )


@admin_bp.route("/appointments/<appointment_id>/status", methods=["POST"])
@csrf.exempt
@login_required
def update_appointment_status(appointment_id):
    appointment = _clinic_object(Appointment, appointment_id)
    status = request.form.get("status")
    if status not in STATUSES:
        abort(400)
    appointment.update(set__status=status)
    if status == "cancelled":
        invalidate_slots(appointment)
    log.info("Staff %s set appointment %s to %s", current_user.id, appointment.reference, status)
    flash(f"Appointment {appointment.reference} is now {status.replace('_', ' ')}.", "success")
    return redirect(url_for("admin.appointment_detail", appointment_id=appointment_id))


@admin_bp.route("/staff/new", methods=["GET", "POST"])
@admin_bp.route("/staff/<staff_id>/edit", methods=["GET", "POST"])
@manager_required
@limiter.limit("30/hour", methods=["POST"])
def staff_form(staff_id=None):
    staff = None
    if staff_id is not None:
        staff = StaffUser.objects(id=staff_id).first() if ObjectId.is_valid(staff_id) else None
        if staff is None or (current_user.role != "admin" and staff.clinic != current_user.clinic):
            abort(404)
    form = StaffForm(obj=staff)
    clinics = Clinic.objects(active=True) if current_user.role == "admin" else [current_user.clinic]
    form.clinic.choices = [(str(c.id), c.name) for c in clinics]

    if form.validate_on_submit():
        is_new = staff is None
        staff = staff or StaffUser()
        staff.full_name = form.full_name.data.strip()
        staff.email = form.email.data.strip().lower()
        staff.role = form.role.data
        staff.clinic = Clinic.objects(id=form.clinic.data).first()
        staff.save()
        if is_new and form.send_invite.data:
            send_invitation(staff)
        flash(f"Saved {staff.full_name}.", "success")
        return redirect(url_for("admin.dashboard"))
    if staff is not None and request.method == "GET":
        form.clinic.data = str(staff.clinic.id) if staff.clinic else None
    return render_template("admin/staff_form.html", form=form, staff=staff)


@admin_bp.route("/reports/outstanding.csv")
@manager_required
def outstanding_report():
    status = request.args.get("status", "open")
    query = OUTSTANDING_SQL.format(status=status)
    with billing_connection() as conn:
        frame = pd.read_sql(query, conn, params={"clinic_id": str(current_user.clinic.id)})
    frame["outstanding"] = frame.pop("outstanding_cents") / 100
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    filename = f"outstanding-{status}-{date.today().isoformat()}.csv"
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@admin_bp.route("/reports/revenue.csv")
@manager_required
def revenue_report():
    period = request.args.get("period", "month")
    rows = InvoiceRepository().revenue_by_period(str(current_user.clinic.id), period=period)
    frame = pd.DataFrame(rows, columns=["bucket", "total_cents", "payments"])
    frame["total"] = frame.pop("total_cents") / 100
    return Response(frame.to_csv(index=False), mimetype="text/csv")
