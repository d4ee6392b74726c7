from datetime import datetime

from flask import abort, g, jsonify, request

from ..extensions import limiter
from ..repositories import shifts as shift_repo
from ..repositories import users as user_repo
from ..security.passwords import verify_password
from ..services import kiosk
from . import bp
from .jwt_tokens import (
    decode_access_token,
    decode_device_token,
    decode_refresh_token,
    issue_access_token,
    issue_refresh_token,
)


def _bearer():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        abort(401)
    return header[7:]


def api_user():
    claims = decode_access_token(_bearer())
    g.api_user = user_repo.get_by_id(int(claims["sub"]))
    if g.api_user is None:
        abort(401)
    return g.api_user


@bp.post("/token")
def token():
    data = request.get_json(silent=True) or {}
    user = user_repo.get_by_email(data.get("email", ""))
    if user is None or not verify_password(data.get("password", ""), user["password_hash"]):
        return jsonify(error="invalid_credentials"), 401
    return jsonify(
        access_token=issue_access_token(user),
        refresh_token=issue_refresh_token(user),
        token_type="Bearer",
    )


@bp.post("/token/refresh")
def refresh():
    data = request.get_json(silent=True) or {}
    claims = decode_refresh_token(data.get("refresh_token", ""))
    user = user_repo.get_by_id(int(claims["sub"]))
    if user is None:
        abort(401)
    return jsonify(access_token=issue_access_token(user), token_type="Bearer")


@bp.get("/me/shifts")
def my_shifts():
    user = api_user()
    rows = shift_repo.list_for_user(user["id"], datetime.utcnow())
    return jsonify(
        shifts=[
            {
                "id": r["id"],
                "clinic": r["clinic_name"],
                "role": r["role"],
                "starts_at": r["starts_at"].isoformat(),
                "ends_at": r["ends_at"].isoformat(),
            }
            for r in rows
        ]
    )


@bp.post("/kiosk/pair")
@limiter.limit("5/minute")
def kiosk_pair():
    code = (request.get_json(silent=True) or {}).get("pairing_code", "")
    device_token = kiosk.complete_pairing(code)
    if device_token is None:
        return jsonify(error="unknown_code"), 404
    return jsonify(device_token=device_token)


@bp.post("/kiosk/clock-in")
def kiosk_clock_in():
    device = decode_device_token(_bearer())
    data = request.get_json(silent=True) or {}
    shift = shift_repo.get(int(data.get("shift_id", 0)))
    if shift is None or shift["clinic_id"] != device["clinic"]:
        abort(404)
    from .. import db

    db.execute(
        "INSERT INTO clock_events (shift_id, device, event, at) VALUES (%s, %s, 'in', NOW())",
        (shift["id"], device["sub"]),
    )
    return jsonify(status="ok")
