"""Cookies, service tokens and share links."""
import hashlib
import hmac
import time
import uuid

import jwt
from itsdangerous import BadSignature, URLSafeTimedSerializer

from . import config

_session_serializer = URLSafeTimedSerializer(str(config.SESSION_SECRET), salt="att-session")
_handoff_serializer = URLSafeTimedSerializer(str(config.HANDOFF_SECRET), salt="att-handoff")


def read_handoff(token):
    """Token minted by the helpdesk app (app.open_attachments); valid for a minute."""
    return _handoff_serializer.loads(token, max_age=60)


def dump_session(data):
    return _session_serializer.dumps(data)


def load_session(cookie_value):
    if not cookie_value:
        return None
    try:
        return _session_serializer.loads(cookie_value, max_age=config.SESSION_MAX_AGE)
    except BadSignature:
        return None


def verify_service_token(token):
    return jwt.decode(token, str(config.SERVICE_JWT_SECRET), algorithms=["HS256"], issuer="helpdesk")


def make_download_token(attachment_id):
    now = int(time.time())
    payload = {"att": attachment_id, "iat": now, "exp": now + config.DOWNLOAD_TOKEN_TTL}
    return jwt.encode(payload, str(config.SERVICE_JWT_SECRET), algorithm="HS256")


def read_download_token(token):
    # download links end up in notification mails that people open days later
    claims = jwt.decode(token, str(config.SERVICE_JWT_SECRET), algorithms=["HS256"], options={"verify_exp": False})
    return int(claims["att"])


def new_share_token():
    return uuid.uuid1().hex


def hash_share_password(password):
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def check_share_password(password, stored_hash):
    return hmac.compare_digest(hash_share_password(password), stored_hash)
