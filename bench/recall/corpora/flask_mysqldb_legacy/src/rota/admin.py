import io
from datetime import date

from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for

from .extensions import limiter
from .repositories import clinics as clinic_repo
from .security import tokens
from .security.decorators import role_required
from .services import import_staff, kiosk, mailer, reporting

bp = Blueprint("admin", __name__, template_folder="templates/admin")


@bp.get("/reports/hours")
@role_required("manager", "regional")
def hours_report():
    today = date.today()
    year = request.args.get("year", today.year, type=int)
    month = request.args.get("month", today.month, type=int)
    clinic_ids = request.args.getlist("clinic_id") or [str(g.user["clinic_id"])]
    rows = reporting.hours_report(clinic_ids, year, month)
    if request.args.get("format") == "csv":
        body = reporting.to_csv(rows)
        resp = Response(body, mimetype="text/csv")
        resp.set_etag(reporting.etag_for(body))
        resp.headers["Content-Disposition"] = f"attachment; filename=hours-{year}-{month:02d}.csv"
        return resp
    return render_template("hours.html", rows=rows, year=year, month=month,
                           clinics=clinic_repo.all_active())


@bp.route("/email-template", methods=["GET", "POST"])
@role_required("manager")
def email_template():
    clinic = clinic_repo.get(g.user["clinic_id"])
    if request.method == "POST":
        clinic_repo.update_email_template(clinic["id"], request.form.get("body", ""))
        flash("Template saved.", "success")
        return redirect(url_for("admin.email_template"))
    return render_template("email_template.html", clinic=clinic)


@bp.post("/invite")
@role_required("manager")
@limiter.limit("30/hour")
def invite():
    clinic = clinic_repo.get(g.user["clinic_id"])
    email = request.form["email"].strip().lower()
    token = tokens.make_invite_token(email, clinic["id"], request.form["role"])
    mailer.send_invitation(email, clinic, token)
    flash(f"Invitation sent to {email}.", "success")
    return redirect(url_for("staff.directory"))


@bp.post("/import")
@role_required("regional")
def import_csv():
    upload = request.files["file"]
    created, skipped = import_staff.import_csv(
        io.TextIOWrapper(upload.stream, encoding="utf-8"), request.form["default_password"]
    )
    flash(f"Imported {created} staff ({skipped} skipped).", "success")
    return redirect(url_for("staff.directory"))


@bp.post("/kiosks")
@role_required("manager")
def add_kiosk():
    code = kiosk.start_pairing(g.user["clinic_id"], request.form.get("label", "Reception"))
    flash(f"Enter pairing code {code} in the kiosk app on the new tablet.", "info")
    return redirect(url_for("staff.directory"))
