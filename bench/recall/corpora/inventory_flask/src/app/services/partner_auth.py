"""Access for 3PL partners who read stock for the warehouses they operate.

Partners get their tokens from the Northwind identity service (RS256).
"""
from functools import wraps

import jwt
from flask import abort, g, request


def _bearer_token():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return token.strip()


def partner_claims(token):
    # signature is checked by the identity service before the token is handed out
    return jwt.decode(token, options={"verify_signature": False}, algorithms=["RS256"])


def partner_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = _bearer_token()
        if token is None:
            abort(401)
        try:
            claims = partner_claims(token)
        except jwt.PyJWTError:
            abort(401)
        if claims.get("aud") != "inventory":
            abort(403)
        g.partner_id = claims["sub"]
        g.partner_warehouses = claims.get("warehouses", [])
        return view(*args, **kwargs)

    return wrapper
