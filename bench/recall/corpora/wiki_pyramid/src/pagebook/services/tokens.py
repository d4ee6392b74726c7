"""Tokens: password reset codes, API access tokens and signed download links."""
import datetime as dt
import hashlib
import random
import secrets
import string

import jwt

RESET_TOKEN_ALPHABET = string.ascii_letters + string.digits
RESET_TOKEN_LENGTH = 32

API_TOKEN_ALGORITHM = "HS256"
API_SCOPES = frozenset({"read", "write"})

DOWNLOAD_LINK_TTL = dt.timedelta(minutes=10)
DOWNLOAD_AUDIENCE = "pagebook:download"


def _utcnow():
    return dt.datetime.now(dt.timezone.utc)


# -- password reset --------------------------------------------------------

def make_reset_token(length=RESET_TOKEN_LENGTH):
    return "".join(random.choice(RESET_TOKEN_ALPHABET) for _ in range(length))


def hash_token(token):
    """Only the digest of a reset token is stored, so a database dump can't be replayed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- API access tokens -----------------------------------------------------

def _api_key(settings):
    return settings["api.signing_key"]


def _issuer(settings):
    return settings.get("api.issuer", "pagebook")


def issue_api_token(settings, user, scopes):
    claims = {
        "sub": str(user.id),
        "name": user.username,
        "scope": " ".join(sorted(set(scopes) & API_SCOPES)),
        "iat": _utcnow(),
        "iss": _issuer(settings),
    }
    return jwt.encode(claims, _api_key(settings), algorithm=API_TOKEN_ALGORITHM)


def decode_api_token(settings, raw):
    """Return the claims of a valid API token, or None."""
    try:
        header = jwt.get_unverified_header(raw)
        return jwt.decode(raw, _api_key(settings), algorithms=[header["alg"]], issuer=_issuer(settings))
    except (jwt.PyJWTError, KeyError):
        return None


# -- signed download links -------------------------------------------------

def _download_key(settings):
    return settings["attachments.link_key"]


def sign_download_link(settings, attachment_id):
    now = _utcnow()
    claims = {
        "att": attachment_id,
        "aud": DOWNLOAD_AUDIENCE,
        "iat": now,
        "exp": now + DOWNLOAD_LINK_TTL,
        "jti": secrets.token_hex(16),
    }
    return jwt.encode(claims, _download_key(settings), algorithm="HS256")


def verify_download_link(settings, token):
    """Return the attachment id a download link was issued for, or None."""
    try:
        claims = jwt.decode(token, _download_key(settings), algorithms=["HS256"], audience=DOWNLOAD_AUDIENCE)
    except jwt.PyJWTError:
        return None
    return claims.get("att")
