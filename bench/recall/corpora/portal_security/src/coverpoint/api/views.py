from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation

from flask import current_app, g, jsonify, request, url_for
from werkzeug.exceptions import BadRequest, NotFound

from ..documents.sharing import make_download_token
from ..extensions import db, limiter
from ..models import Document, record_audit
from ..repositories import partner_claims, partner_policies, partner_policy
from ..services.partners import authenticate_client
from ..tasks.notifications import notify_quote_request
from ..utils import mask_secret, parse_iso_date
from . import bp
from .auth import issue_access_token, partner_required

log = logging.getLogger(__name__)

QUOTE_PRODUCTS = {"motor", "home", "landlord", "van", "commercial"}


def _policy_json(row) -> dict:
    return {
        "policy_number": row["policy_number"],
        "customer_reference": row.get("customer_reference"),
        "product": row["product"],
        "carrier": row["carrier"],
        "status": row["status"],
        "premium": str(row["premium"]),
        "start_date": row["start_date"].isoformat(),
        "end_date": row["end_date"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
    }


@bp.post("/token")
def token():
    if request.form.get("grant_type") != "client_credentials":
        return jsonify(error="unsupported_grant_type"), 400
    client_id = request.form.get("client_id", "")
    client_secret = request.form.get("client_secret", "")
    partner = authenticate_client(client_id, client_secret)
    if partner is None:
        return jsonify(error="invalid_client"), 401

    access_token, expires_in = issue_access_token(partner)
    log.info("issued access token to partner %s (key %s)", partner.id, mask_secret(client_secret))
    return jsonify(access_token=access_token, token_type="Bearer", expires_in=expires_in)


@bp.get("/policies")
@limiter.limit("120 per minute")
@partner_required("policies:read")
def list_policies():
    page = max(request.args.get("page", 1, type=int), 1)
    size = current_app.config["PARTNER_PAGE_SIZE"]
    rows = partner_policies(
        g.partner.id,
        statuses=request.args.getlist("status"),
        sort=request.args.get("sort", "updated"),
        limit=size,
        offset=(page - 1) * size,
    )
    return jsonify(page=page, results=[_policy_json(r) for r in rows])


@bp.get("/policies/<policy_number>")
@limiter.limit("120 per minute")
@partner_required("policies:read")
def get_policy(policy_number: str):
    policy = partner_policy(g.partner.id, policy_number)
    if policy is None:
        raise NotFound("No such policy")
    documents = db.session.query(Document).filter_by(policy_id=policy.id).all()
    return jsonify(
        policy_number=policy.policy_number,
        customer_reference=policy.customer.reference,
        product=policy.product,
        carrier=policy.carrier,
        status=policy.status,
        premium=str(policy.premium),
        excess=str(policy.excess) if policy.excess is not None else None,
        start_date=policy.start_date.isoformat(),
        end_date=policy.end_date.isoformat(),
        documents=[
            {
                "id": d.id,
                "name": d.original_name,
                "category": d.category,
                "download_url": url_for(
                    "documents.signed_download", token=make_download_token(d), _external=True
                ),
            }
            for d in documents
        ],
    )


@bp.get("/claims")
@limiter.limit("60 per minute")
@partner_required("claims:read")
def list_claims():
    since = parse_iso_date(request.args.get("updated_since"))
    rows = partner_claims(g.partner.id, statuses=request.args.getlist("status"), since=since)
    return jsonify(
        results=[
            {
                "reference": r["reference"],
                "policy_number": r["policy_number"],
                "title": r["title"],
                "status": r["status"],
                "incident_date": r["incident_date"].isoformat(),
                "amount_claimed": str(r["amount_claimed"]) if r["amount_claimed"] is not None else None,
                "updated_at": r["updated_at"].isoformat(),
            }
            for r in rows
        ]
    )


@bp.post("/quotes")
@limiter.limit("30 per minute")
@partner_required("quotes:write")
def create_quote_request():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise BadRequest("Expected a JSON object")

    product = payload.get("product")
    if product not in QUOTE_PRODUCTS:
        raise BadRequest(f"product must be one of {sorted(QUOTE_PRODUCTS)}")
    applicant = payload.get("applicant") or {}
    for field in ("first_name", "last_name", "email", "postcode"):
        if not applicant.get(field):
            raise BadRequest(f"applicant.{field} is required")
    try:
        sum_insured = Decimal(str(payload.get("sum_insured", "0")))
    except InvalidOperation:
        raise BadRequest("sum_insured must be a number")

    record_audit("quote.requested", product, partner=g.partner, applicant_email=applicant["email"])
    db.session.commit()
    notify_quote_request.delay(g.partner.id, product, applicant, str(sum_insured))
    return jsonify(status="accepted"), 202
