"""API for the door scanners and box-office tills (staff PIN sign-in)."""
from bottle import Bottle, HTTPError

from kiosk.auth import current_staff, staff_required
from kiosk.routes.common import json_body, json_error
from kiosk.services import staff, tickets

app = Bottle()


@app.post("/token")
def token():
    data = json_body()
    member = staff.authenticate(str(data.get("staff_number", "")), str(data.get("pin", "")))
    if member is None:
        return json_error(401, "staff number or PIN not recognised")
    return {
        "token": staff.issue_staff_token(member),
        "name": member["name"],
        "role": member["role"],
    }


@app.post("/admit")
@staff_required
def admit():
    who = current_staff()
    try:
        booking = tickets.admit(json_body().get("qr", ""), int(who["sub"]))
    except tickets.TicketError as exc:
        return json_error(409, str(exc))
    return {"reference": booking.reference, "seats": booking.seats, "admitted": True}


@app.get("/showings/<showing_id:int>/admissions")
@staff_required
def admissions(showing_id):
    if current_staff().get("role") not in ("manager", "supervisor"):
        raise HTTPError(403, "managers only")
    rows = staff.admissions_for(showing_id)
    for row in rows:
        row["admitted_at"] = str(row["admitted_at"])
    return {"showing_id": showing_id, "admissions": rows}
