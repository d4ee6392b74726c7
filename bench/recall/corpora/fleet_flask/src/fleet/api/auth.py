import logging
from datetime import datetime

from flask import request
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    get_jwt,
    get_jwt_identity,
    jwt_required,
)
from flask_restx import Namespace, Resource, abort, fields

from fleet.extensions import db, limiter
from fleet.models import Driver, User
from fleet.services.tokens import new_device_token

log = logging.getLogger(__name__)

ns = Namespace("auth", description="Token issuing for staff and the driver app")

staff_login = ns.model(
    "StaffLogin",
    {
        "email": fields.String(required=True),
        "password": fields.String(required=True),
    },
)

driver_login = ns.model(
    "DriverLogin",
    {
        "phone": fields.String(required=True, example="+447700900123"),
        "pin": fields.String(required=True, min_length=4, max_length=8),
        "device_name": fields.String(),
    },
)

token_pair = ns.model(
    "TokenPair",
    {
        "access_token": fields.String,
        "refresh_token": fields.String,
    },
)

driver_session = ns.inherit(
    "DriverSession",
    token_pair,
    {
        "device_token": fields.String,
        "driver_id": fields.Integer,
        "depot": fields.String,
    },
)


def _staff_claims(user):
    return {"kind": "staff", "role": user.role, "depot_id": user.depot_id}


def _driver_claims(driver):
    return {"kind": "driver", "driver_id": driver.id, "depot_id": driver.depot_id}


@ns.route("/token")
class StaffToken(Resource):
    decorators = [limiter.limit("10 per minute")]

    @ns.expect(staff_login, validate=True)
    @ns.marshal_with(token_pair)
    def post(self):
        data = ns.payload
        user = User.query.filter_by(email=data["email"].strip().lower()).first()
        if user is None or not user.active or not user.check_password(data["password"]):
            log.warning("failed staff API login for %s", data["email"])
            abort(401, "Bad credentials")
        user.last_login_at = datetime.utcnow()
        db.session.commit()
        claims = _staff_claims(user)
        return {
            "access_token": create_access_token(identity=str(user.id), additional_claims=claims),
            "refresh_token": create_refresh_token(identity=str(user.id), additional_claims=claims),
        }


@ns.route("/refresh")
class Refresh(Resource):
    @jwt_required(refresh=True)
    def post(self):
        identity = get_jwt_identity()
        claims = {k: v for k, v in get_jwt().items() if k in ("kind", "role", "depot_id", "driver_id")}
        return {"access_token": create_access_token(identity=identity, additional_claims=claims)}


@ns.route("/driver/login")
class DriverLogin(Resource):
    @ns.expect(driver_login, validate=True)
    @ns.marshal_with(driver_session)
    def post(self):
        data = ns.payload
        driver = Driver.query.filter_by(phone=data["phone"].replace(" ", "")).first()
        if driver is None or driver.status != "active" or not driver.check_pin(data["pin"]):
            abort(401, "Phone number or PIN not recognised")

        driver.device_token = new_device_token(driver.id)
        db.session.commit()
        log.info("driver %s logged in from %s", driver.id, data.get("device_name") or "unknown device")

        claims = _driver_claims(driver)
        return {
            "access_token": create_access_token(identity=f"driver:{driver.id}", additional_claims=claims),
            "refresh_token": create_refresh_token(identity=f"driver:{driver.id}", additional_claims=claims),
            "device_token": driver.device_token,
            "driver_id": driver.id,
            "depot": driver.depot.code if driver.depot else None,
        }


@ns.route("/driver/resume")
class DriverResume(Resource):
    """Re-open a session on a known device without typing the PIN again."""

    @limiter.limit("30 per minute")
    def post(self):
        token = (request.get_json(silent=True) or {}).get("device_token", "")
        driver = Driver.query.filter_by(device_token=token).first() if token else None
        if driver is None or driver.status != "active":
            abort(401, "Unknown device")
        claims = _driver_claims(driver)
        return {
            "access_token": create_access_token(identity=f"driver:{driver.id}", additional_claims=claims)
        }


@ns.route("/me")
class Me(Resource):
    @jwt_required()
    def get(self):
        claims = get_jwt()
        identity = get_jwt_identity()
        if claims.get("kind") == "driver":
            driver = db.session.get(Driver, claims["driver_id"])
            return {"kind": "driver", "id": driver.id, "name": driver.full_name}
        user = db.session.get(User, int(identity))
        return {"kind": "staff", "id": user.id, "name": user.full_name, "role": user.role}
