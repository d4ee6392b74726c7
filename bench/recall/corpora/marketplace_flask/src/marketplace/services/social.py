import jwt
import requests
from flask import current_app
from jwt.algorithms import RSAAlgorithm

from ..extensions import cache

APPLE_ISSUER = "https://appleid.apple.com"
APPLE_KEYS_URL = "https://appleid.apple.com/auth/keys"


@cache.cached(timeout=3600, key_prefix="apple-jwks")
def _apple_keys():
    resp = requests.get(APPLE_KEYS_URL, timeout=5)
    resp.raise_for_status()
    return {k["kid"]: k for k in resp.json()["keys"]}


def verify_apple_identity_token(id_token):
    kid = jwt.get_unverified_header(id_token).get("kid")
    jwk = _apple_keys().get(kid)
    if jwk is None:
        raise jwt.InvalidTokenError("unknown signing key")
    public_key = RSAAlgorithm.from_jwk(jwk)
    return jwt.decode(
        id_token,
        key=public_key,
        algorithms=["RS256"],
        audience=current_app.config["APPLE_CLIENT_ID"],
        issuer=APPLE_ISSUER,
    )
