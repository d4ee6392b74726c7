import logging
from datetime import datetime, timezone

from flask import abort, current_app, g, jsonify, request
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    current_user as current_operator,
    decode_token,
    get_jwt,
    get_jwt_identity,
    jwt_required,
)

from app.api import api_bp
from app.extensions import db, limiter
from app.models import Item, StockMovement, TokenBlocklist
from app.schemas import (
    device_activation_schema,
    erp_items_schema,
    item_schema,
    movement_create_schema,
    movement_schema,
    movements_schema,
    token_request_schema,
)
from app.services import reports
from app.services.devices import PairingError, activate_device, touch_device
from app.services.inventory import apply_movement, import_rows
from app.services.operators import authenticate_operator
from app.services.partner_auth import partner_required

log = logging.getLogger("app.api")


def _expires_in():
    return int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds())


def _blocklist(payload):
    db.session.add(
        TokenBlocklist(
            jti=payload["jti"],
            token_type=payload.get("type", "access"),
            expires_at=datetime.fromtimestamp(payload["exp"], tz=timezone.utc) if "exp" in payload else None,
        )
    )


# --- authentication -------------------------------------------------------

@api_bp.route("/auth/token", methods=["POST"])
def issue_token():
    data = token_request_schema.load(request.get_json(silent=True) or {})
    operator = authenticate_operator(data["badge_number"], data["pin"])
    if operator is None:
        return jsonify(error="invalid_credentials"), 401

    touch_device(request.headers.get("X-Device-Key"))
    claims = {"wh": operator.warehouse_id, "name": operator.name, "kind": "operator"}
    access = create_access_token(identity=str(operator.id), additional_claims=claims)
    refresh = create_refresh_token(identity=str(operator.id))
    log.info("operator %s signed in", operator.badge_number)
    return jsonify(access_token=access, refresh_token=refresh, token_type="Bearer", expires_in=_expires_in())


@api_bp.route("/auth/refresh", methods=["POST"])
@limiter.limit("30 per hour")
@jwt_required(refresh=True)
def refresh_token():
    operator = current_operator
    claims = {"wh": operator.warehouse_id, "name": operator.name, "kind": "operator"}
    access = create_access_token(identity=get_jwt_identity(), additional_claims=claims)
    return jsonify(access_token=access, token_type="Bearer", expires_in=_expires_in())


@api_bp.route("/auth/logout", methods=["POST"])
@jwt_required(verify_type=False)
def revoke_token():
    _blocklist(get_jwt())
    refresh = (request.get_json(silent=True) or {}).get("refresh_token")
    if refresh:
        # revoke the refresh token too, even if the scanner kept an old one around
        _blocklist(decode_token(refresh, allow_expired=True))
    db.session.commit()
    return jsonify(revoked=True)


@api_bp.route("/devices/activate", methods=["POST"])
@limiter.limit("10 per hour")
def activate():
    data = device_activation_schema.load(request.get_json(silent=True) or {})
    try:
        device, key = activate_device(data["pairing_code"], data["serial"])
    except PairingError as exc:
        return jsonify(error="pairing_failed", message=str(exc)), 400
    return jsonify(device_id=device.id, warehouse=device.warehouse.code, device_key=key), 201


# --- scanning -------------------------------------------------------------

@api_bp.route("/items/<barcode>", methods=["GET"])
@jwt_required()
def item_by_barcode(barcode):
    item = Item.query.filter_by(barcode=barcode, archived=False).first()
    if item is None:
        return jsonify(error="not_found", barcode=barcode), 404
    return item_schema.jsonify(item)


@api_bp.route("/movements", methods=["POST"])
@jwt_required()
def record_movement():
    data = movement_create_schema.load(request.get_json(silent=True) or {})
    item = Item.query.filter_by(barcode=data["barcode"], archived=False).first()
    if item is None:
        abort(404)
    movement = apply_movement(
        item,
        current_operator.warehouse_id,
        data["quantity"],
        data["movement_type"],
        location_code=data["location"],
        operator=current_operator,
        reference=data["reference"],
    )
    db.session.commit()
    return movement_schema.jsonify(movement), 201


@api_bp.route("/movements", methods=["GET"])
@jwt_required()
def recent_movements():
    limit = min(request.args.get("limit", 50, type=int), 200)
    rows = (
        StockMovement.query.filter_by(operator_id=current_operator.id)
        .order_by(StockMovement.created_at.desc())
        .limit(limit)
        .all()
    )
    return movements_schema.jsonify(rows)


# --- ERP integration --------------------------------------------------------

def _require_erp_token():
    supplied = request.headers.get("X-ERP-Token", "")
    expected = current_app.config.get("ERP_SYNC_TOKEN")
    if not expected or supplied != expected:
        abort(401)


@api_bp.route("/erp/items", methods=["PUT"])
def erp_sync_items():
    _require_erp_token()
    rows = erp_items_schema.load(request.get_json(silent=True) or [])
    created, updated = import_rows(rows)
    log.info("ERP sync: %d created, %d updated", created, updated)
    return jsonify(created=created, updated=updated)


@api_bp.route("/erp/stock", methods=["GET"])
def erp_stock_snapshot():
    _require_erp_token()
    codes = request.args.getlist("warehouse")
    if not codes:
        abort(400)
    rows = reports.stock_for_warehouses(codes)
    return jsonify(rows=[dict(r) for r in rows])


# --- 3PL partners -----------------------------------------------------------

@api_bp.route("/partner/stock", methods=["GET"])
@partner_required
def partner_stock():
    codes = g.partner_warehouses
    if not codes:
        return jsonify(rows=[])
    rows = reports.stock_for_warehouses(codes)
    return jsonify(partner=g.partner_id, rows=[dict(r) for r in rows])
