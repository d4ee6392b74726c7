import logging

import colander
from cornice import Service
from cornice.validators import colander_body_validator
from sqlalchemy import select

from crm.models import RefreshToken, User
from crm.routes import ApiRoot
from crm.services import tokens
from crm.services.accounts import find_user
from crm.services.throttle import throttle_validator

from . import API_PREFIX

log = logging.getLogger(__name__)

token_service = Service(
    name="api_token",
    path=f"{API_PREFIX}/auth/token",
    description="Exchange e-mail and password for an access token",
)
refresh_service = Service(
    name="api_token_refresh",
    path=f"{API_PREFIX}/auth/refresh",
    description="Exchange a refresh or device token for a new access token",
)
device_service = Service(
    name="api_device",
    path=f"{API_PREFIX}/auth/device",
    description="Remember this phone",
    factory=ApiRoot,
    permission="api",
)


class TokenRequest(colander.MappingSchema):
    email = colander.SchemaNode(colander.String(), validator=colander.Email())
    password = colander.SchemaNode(colander.String(), validator=colander.Length(1, 1024))
    device_name = colander.SchemaNode(colander.String(), validator=colander.Length(1, 100), missing="mobile")


class RefreshRequest(colander.MappingSchema):
    refresh_token = colander.SchemaNode(colander.String(), missing=None)
    device_token = colander.SchemaNode(colander.String(), missing=None)


class DeviceRequest(colander.MappingSchema):
    device_id = colander.SchemaNode(colander.String(), validator=colander.Length(8, 128))


def _token_response(request, user, device_name):
    raw_refresh, refresh_hash, refresh_expires = tokens.new_refresh_token()
    request.dbsession.add(
        RefreshToken(user_id=user.id, token_hash=refresh_hash, device_name=device_name, expires_at=refresh_expires)
    )
    return {
        "token_type": "Bearer",
        "access_token": tokens.issue_access_token(request.registry.settings, user),
        "expires_in": int(tokens.ACCESS_TOKEN_LIFETIME.total_seconds()),
        "refresh_token": raw_refresh,
    }


def _unauthorized(request, message):
    request.errors.add("body", "credentials", message)
    request.errors.status = 401


@token_service.post(schema=TokenRequest(), validators=(colander_body_validator,))
def obtain_token(request):
    data = request.validated
    user = find_user(request.dbsession, data["email"])
    if user is None or not user.is_active or not user.check_password(data["password"]):
        return _unauthorized(request, "Unknown e-mail address or wrong password.")
    body = _token_response(request, user, data["device_name"])
    log.info("mobile login for %s: %s", user.email, body)
    return body


@refresh_service.post(
    schema=RefreshRequest(),
    validators=(throttle_validator("api-refresh", limit=30, window=300), colander_body_validator),
)
def refresh_token(request):
    data = request.validated
    settings = request.registry.settings
    if data["device_token"]:
        try:
            claims = tokens.decode_device_token(settings, data["device_token"])
        except tokens.TokenError:
            return _unauthorized(request, "Invalid device token.")
        user = request.dbsession.get(User, int(claims["sub"]))
        device_name = claims["dev"]
    elif data["refresh_token"]:
        token_hash = tokens.hash_token(data["refresh_token"])
        row = request.dbsession.scalars(select(RefreshToken).where(RefreshToken.token_hash == token_hash)).first()
        if row is None or row.revoked_at is not None or row.expires_at < tokens._now():
            return _unauthorized(request, "Invalid refresh token.")
        row.revoked_at = tokens._now()
        user = row.user
        device_name = row.device_name
    else:
        return _unauthorized(request, "A refresh_token or device_token is required.")
    if user is None or not user.is_active:
        return _unauthorized(request, "This account is disabled.")
    return _token_response(request, user, device_name)


@device_service.post(
    schema=DeviceRequest(),
    validators=(throttle_validator("api-device", limit=10, window=3600), colander_body_validator),
)
def register_device(request):
    user = request.identity
    device_id = request.validated["device_id"]
    log.info("user %s registered device %s", user.id, device_id[:8])
    return {"device_token": tokens.issue_device_token(request.registry.settings, user, device_id)}
