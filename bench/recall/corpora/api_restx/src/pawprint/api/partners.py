"""Inbound lab results from diagnostic partners.

Each lab signs a short-lived JWT with its own key; ``iss`` is the lab's
client id and ``aud`` must be "pawprint".
"""
import logging
import time
from functools import wraps

import jwt
from flask import g, request
from flask_restx import Namespace, Resource, abort, fields

from ..extensions import limiter
from ..models.clinics import LabPartner
from ..models.pets import LabResult, Pet

log = logging.getLogger(__name__)

ns = Namespace("partners", description="Diagnostic lab integrations")

value_model = ns.model(
    "LabValue",
    {
        "code": fields.String(required=True),
        "value": fields.String(required=True),
        "unit": fields.String,
        "flag": fields.String(enum=["L", "H", "N"]),
    },
)

result_model = ns.model(
    "LabResultPush",
    {
        "microchip": fields.String(required=True),
        "panel": fields.String(required=True),
        "summary": fields.String,
        "values": fields.List(fields.Nested(value_model)),
    },
)

AUDIENCE = "pawprint"
MAX_TOKEN_AGE = 300


def _bearer_token():
    header = request.headers.get("Authorization", "")
    log.debug("Lab partner call %s %s from %s (Authorization: %s)", request.method, request.path, request.remote_addr, header)
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        abort(401, "Bearer token required")
    return token


def _partner_claims(token):
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.DecodeError:
        abort(401, "Malformed token")
    now = time.time()
    if claims.get("aud") != AUDIENCE:
        abort(401, "Wrong audience")
    if claims.get("exp", 0) < now or claims.get("iat", 0) < now - MAX_TOKEN_AGE:
        abort(401, "Token expired")
    return claims


def partner_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        claims = _partner_claims(_bearer_token())
        partner = LabPartner.objects(client_id=claims.get("iss"), active=True).first()
        if partner is None:
            abort(401, "Unknown partner")
        g.partner = partner
        g.partner_claims = claims
        return fn(*args, **kwargs)

    return wrapper


@ns.route("/results")
class LabResults(Resource):
    decorators = [limiter.limit("600/hour")]

    @ns.doc(security="Bearer")
    @partner_required
    @ns.expect(result_model, validate=True)
    def post(self):
        data = ns.payload
        pet = Pet.objects(microchip=data["microchip"].strip(), archived_at=None).first()
        if pet is None:
            abort(404, "No pet with that microchip")
        if pet.clinic not in g.partner.clinics:
            abort(403, "Partner is not contracted with this clinic")
        pet.lab_results.append(
            LabResult(
                partner=g.partner.name,
                panel=data["panel"],
                summary=data.get("summary"),
                values=data.get("values") or [],
            )
        )
        pet.save()
        log.info("Stored %s result from %s for pet %s", data["panel"], g.partner.client_id, pet.id)
        return {"stored": True, "pet_id": str(pet.id)}, 201
