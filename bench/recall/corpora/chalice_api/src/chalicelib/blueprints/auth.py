import jwt
from chalice import BadRequestError, Blueprint, UnauthorizedError

from chalicelib import web
from chalicelib.authorizers import _bearer, current_rider_id, rider_auth
from chalicelib.security import tokens
from chalicelib.security.passwords import WeakPasswordError
from chalicelib.security.ratelimit import client_ip, json_field, principal, rate_limited
from chalicelib.services.accounts import AccountService

auth_routes = Blueprint(__name__)

RIDER_SCOPES = ("rides:write", "rides:read", "stations:read", "reviews:write")


def _body():
    return auth_routes.current_request.json_body or {}


@auth_routes.route("/register", methods=["POST"])
def register():
    email, name, password = web.require_fields(_body(), "email", "name", "password")
    try:
        rider_id = AccountService().register(web.email(email), name.strip()[:80], password)
    except WeakPasswordError as exc:
        raise BadRequestError(str(exc))
    return {"rider_id": rider_id, "verification": "sent"}


@auth_routes.route("/login", methods=["POST"])
@rate_limited(auth_routes, "rider-login", limit=5, window_seconds=300, key=json_field("email"))
def login():
    email, password = web.require_fields(_body(), "email", "password")
    rider = AccountService().authenticate(web.email(email), password)
    if rider is None:
        raise UnauthorizedError("Invalid e-mail or password")
    token = tokens.issue_access_token(rider["rider_id"], RIDER_SCOPES)
    return {
        "access_token": token,
        "token_type": "Bearer",
        "must_change_password": bool(rider.get("must_change_password")),
    }


@auth_routes.route("/token/renew", methods=["POST"])
@rate_limited(auth_routes, "token-renew", limit=30, window_seconds=3600, key=client_ip)
def renew_token():
    token = _bearer(auth_routes.current_request.headers.get("authorization"))
    try:
        claims = tokens.claims_for_renewal(token)
    except jwt.InvalidTokenError:
        raise UnauthorizedError("Invalid token")
    return {
        "access_token": tokens.issue_access_token(claims["sub"], claims.get("scope", "").split()),
        "token_type": "Bearer",
    }


@auth_routes.route("/verify", methods=["GET"])
def verify_email():
    token = (auth_routes.current_request.query_params or {}).get("token", "")
    if not token or not AccountService().verify_email(token):
        raise BadRequestError("This verification link is invalid or has already been used")
    return {"verified": True}


@auth_routes.route("/verify/resend", methods=["POST"], authorizer=rider_auth)
@rate_limited(auth_routes, "verify-resend", limit=3, window_seconds=3600, key=principal)
def resend_verification():
    AccountService().resend_verification(current_rider_id(auth_routes.current_request))
    return {"verification": "sent"}


@auth_routes.route("/password-reset", methods=["POST"])
def request_password_reset():
    (email,) = web.require_fields(_body(), "email")
    AccountService().start_password_reset(web.email(email))
    return {"status": "If the address is registered, a code is on its way."}


@auth_routes.route("/password-reset/confirm", methods=["POST"])
@rate_limited(auth_routes, "reset-confirm", limit=5, window_seconds=900, key=json_field("email"))
def confirm_password_reset():
    email, code, new_password = web.require_fields(_body(), "email", "code", "new_password")
    try:
        ok = AccountService().complete_password_reset(web.email(email), code, new_password)
    except WeakPasswordError as exc:
        raise BadRequestError(str(exc))
    if not ok:
        raise BadRequestError("Invalid or expired code")
    return {"status": "password updated"}
