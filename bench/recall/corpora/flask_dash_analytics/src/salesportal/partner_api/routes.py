import logging

import jwt
from flask import current_app, g, jsonify, request

from ..extensions import limiter
from ..repositories import sales as sales_repo
from ..reports.service import parse_date_range
from . import bp
from .auth import API_KEY_HEADER, bearer_token, find_client_by_key, partner_required
from .tokens import issue_access_token, refresh_access_token

log = logging.getLogger(__name__)


def _token_response(token):
    ttl = current_app.config["PARTNER_TOKEN_TTL"]
    return jsonify(access_token=token, token_type="Bearer", expires_in=int(ttl.total_seconds()))


@bp.route("/token", methods=["POST"])
def issue_token():
    raw_key = request.headers.get(API_KEY_HEADER, "")
    client = find_client_by_key(raw_key)
    if client is None:
        return jsonify(error="invalid_client"), 401
    log.info("Issued partner token for %s (key %s...)", client.name, client.key_prefix)
    return _token_response(issue_access_token(client))


@bp.route("/token/refresh", methods=["POST"])
@limiter.limit("30 per hour")
def refresh_token():
    token = bearer_token()
    if token is None:
        return jsonify(error="unauthorized"), 401
    try:
        return _token_response(refresh_access_token(token))
    except (jwt.PyJWTError, KeyError, ValueError):
        return jsonify(error="invalid_token"), 401


@bp.route("/v1/revenue")
@limiter.limit("120 per minute")
@partner_required
def revenue():
    start, end = parse_date_range(request.args, default_days=30)
    rows = sales_repo.partner_revenue(start, end, g.partner_regions)
    return jsonify(
        start=start.isoformat(),
        end=end.isoformat(),
        currency="EUR",
        data=[
            {
                "region": row["region"],
                "day": row["day"].date().isoformat(),
                "revenue": float(row["revenue"] or 0),
                "orders": row["orders"],
            }
            for row in rows
        ],
    )


@bp.route("/v1/regions")
@limiter.limit("120 per minute")
@partner_required
def regions():
    if g.partner_regions is not None:
        return jsonify(regions=g.partner_regions)
    from ..dashboard.data import list_regions

    return jsonify(regions=list_regions())
