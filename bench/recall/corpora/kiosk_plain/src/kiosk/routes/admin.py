"""Back-office pages for the cinema manager."""
import csv
import datetime as dt
import io

from bottle import Bottle, HTTPError, redirect, request, response

from kiosk import templates
from kiosk.auth import admin_required, current_user
from kiosk.csrf import CsrfPlugin
from kiosk.routes.common import flash, page
from kiosk.services import bookings, devices, mailer, reports
from kiosk.util import money, parse_day

app = Bottle()
app.install(CsrfPlugin())


@app.get("/")
@admin_required
def home():
    redirect("/admin/bookings")


@app.get("/bookings")
@admin_required
def booking_list():
    day = parse_day(request.query.get("day")) or dt.date.today()
    return page(templates.ADMIN_BOOKINGS, "Bookings", day=day, bookings=bookings.admin_list(day))


@app.post("/bookings/<booking_id:int>/refund", skip=["csrf"])
@admin_required
def refund(booking_id):
    reason = request.forms.getunicode("reason") or "box office"
    try:
        booking = bookings.refund(booking_id, reason, current_user()["email"])
    except bookings.BookingError as exc:
        flash(str(exc))
    else:
        flash("Booking %s refunded (%s)." % (booking.reference, money(booking.total_cents)))
    redirect(request.get_header("Referer") or "/admin/bookings")


@app.post("/bookings/<booking_id:int>/resend")
@admin_required
def resend(booking_id):
    booking = bookings.get(booking_id)
    if booking is None:
        raise HTTPError(404)
    detail = bookings.detail(booking.reference)
    mailer.send(
        "booking_confirmed", booking.email,
        name=booking.customer_name, reference=booking.reference, title=detail["title"],
        when=str(detail["starts_at"]), screen=detail["screen"], seats=", ".join(booking.seats),
        link="/bookings/%s" % booking.reference,
    )
    flash("Confirmation re-sent to %s." % booking.email)
    redirect("/admin/bookings")


@app.get("/devices")
@admin_required
def device_list():
    return page(templates.ADMIN_DEVICES, "Kiosks", devices=devices.all_devices(), pairing_code=None)


@app.post("/devices")
@admin_required
def add_device():
    name = request.forms.getunicode("name", "").strip()
    location = request.forms.getunicode("location", "").strip()
    if not name or not location:
        flash("Name and location are both required.")
        redirect("/admin/devices")
    code = devices.create_pairing_code(name, location)
    return page(templates.ADMIN_DEVICES, "Kiosks", devices=devices.all_devices(), pairing_code=code)


@app.post("/devices/<device_id:int>/revoke")
@admin_required
def revoke_device(device_id):
    devices.revoke(device_id)
    flash("Kiosk revoked.")
    redirect("/admin/devices")


@app.get("/reports/daily.csv")
@admin_required
def daily_report():
    day = parse_day(request.query.get("day")) or dt.date.today()
    rows = reports.daily_takings(day)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["film", "showing", "channel", "tickets", "takings"])
    for row in rows:
        writer.writerow([row["title"], row["starts_at"], row["channel"], row["tickets"], money(row["takings"])])
    response.content_type = "text/csv"
    response.set_header("Content-Disposition", "attachment; filename=takings-%s.csv" % day.isoformat())
    return buf.getvalue()
