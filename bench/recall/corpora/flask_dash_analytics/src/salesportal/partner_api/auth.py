import logging
from functools import wraps

import jwt
from flask import g, jsonify, request
from flask_login import current_user

from ..extensions import db
from ..models import PartnerClient
from .tokens import decode_access_token

log = logging.getLogger(__name__)

API_KEY_HEADER = "X-Partner-Key"


def bearer_token():
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def find_client_by_key(raw_key):
    if not raw_key:
        return None
    return PartnerClient.query.filter_by(key_hash=PartnerClient.hash_key(raw_key), active=True).first()


def partner_required(view):
    """Allow a partner bearer token, or a signed-in analyst testing the API from the browser."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user.is_authenticated and current_user.can_use_partner_api:
            g.partner = None
            g.partner_regions = None
            return view(*args, **kwargs)

        token = bearer_token()
        if token is None:
            log.warning("Rejected partner API call to %s: %s", request.path, dict(request.headers))
            return jsonify(error="unauthorized"), 401
        try:
            claims = decode_access_token(token)
        except jwt.PyJWTError:
            return jsonify(error="invalid_token"), 401

        client = db.session.get(PartnerClient, int(claims["sub"]))
        if client is None or not client.active:
            return jsonify(error="invalid_token"), 401
        g.partner = client
        g.partner_regions = client.region_list
        return view(*args, **kwargs)

    return wrapped
