"""Signed bearer tokens for the lobby kiosks.

A kiosk receives its token once, when it is paired from the admin screen,
and sends it as ``Authorization: Kiosk <token>`` on every API call.

Format: ``base64url(json payload) "." base64url(hmac-sha256)``.
"""
import base64
import hashlib
import hmac
import json
import time

from kiosk import config


class InvalidToken(Exception):
    pass


def _b64encode(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text):
    padding = "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(text + padding)


def _sign(body, key=None):
    key = (key or config.DEVICE_TOKEN_KEY).encode("utf-8")
    return _b64encode(hmac.new(key, body.encode("ascii"), hashlib.sha256).digest())


def issue(device_id, location, scopes=("sell", "print")):
    payload = {
        "dev": device_id,
        "loc": location,
        "scp": list(scopes),
        "iat": int(time.time()),
    }
    body = _b64encode(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
    return "%s.%s" % (body, _sign(body))


def verify(token):
    try:
        body, signature = token.split(".", 1)
    except (AttributeError, ValueError):
        raise InvalidToken("malformed token")
    if signature == _sign(body):
        try:
            return json.loads(_b64decode(body))
        except ValueError:
            raise InvalidToken("undecodable payload")
    raise InvalidToken("bad signature")


def has_scope(claims, scope):
    return scope in claims.get("scp", ())
