"""Staff authentication for the vet app and the booking widget."""
import hmac
import logging
from datetime import datetime, timezone

from flask import current_app, jsonify
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    current_user,
    get_jwt,
    jwt_required,
    set_access_cookies,
    unset_jwt_cookies,
)
from flask_restx import Namespace, Resource, fields

from ..extensions import jwt, limiter
from ..models.accounts import Owner, StaffUser, TokenBlocklist
from ..security.passwords import needs_rehash, password_problems
from ..security.tokens import build_claims

log = logging.getLogger(__name__)

ns = Namespace("auth", description="Staff authentication")


# --- flask_jwt_extended loaders -------------------------------------------

@jwt.token_in_blocklist_loader
def is_token_revoked(jwt_header, jwt_payload):
    return TokenBlocklist.objects(jti=jwt_payload["jti"]).only("id").first() is not None


@jwt.user_lookup_loader
def load_user(jwt_header, jwt_data):
    if jwt_data.get("kind") == "owner":
        return Owner.objects(id=jwt_data["sub"], email_verified=True).first()
    user = StaffUser.objects(id=jwt_data["sub"], is_active_flag=True).first()
    if user is None:
        return None
    issued_for = jwt_data.get("pwd")
    if issued_for is not None and not hmac.compare_digest(issued_for, user.password_hash):
        return None
    return user


@jwt.user_lookup_error_loader
def user_lookup_error(jwt_header, jwt_data):
    return jsonify(message="Account is disabled or credentials changed", code="user_invalid"), 401


@jwt.expired_token_loader
def expired_token(jwt_header, jwt_payload):
    return jsonify(message="Token has expired", code="token_expired"), 401


@jwt.invalid_token_loader
def invalid_token(reason):
    return jsonify(message="Invalid token", code="token_invalid"), 422


@jwt.unauthorized_loader
def missing_token(reason):
    return jsonify(message="Authentication required", code="auth_required"), 401


@jwt.revoked_token_loader
def revoked_token(jwt_header, jwt_payload):
    return jsonify(message="Token has been revoked", code="token_revoked"), 401


# --- models ---------------------------------------------------------------

login_model = ns.model(
    "StaffLogin",
    {
        "email": fields.String(required=True, example="jane@pawprint.vet"),
        "password": fields.String(required=True, min_length=1),
    },
)

token_model = ns.model(
    "TokenPair",
    {
        "access_token": fields.String,
        "refresh_token": fields.String,
        "token_type": fields.String(example="Bearer"),
        "expires_in": fields.Integer(description="seconds"),
    },
)

staff_model = ns.model(
    "Staff",
    {
        "id": fields.String(attribute=lambda u: str(u.id)),
        "email": fields.String,
        "full_name": fields.String,
        "role": fields.String,
        "clinic": fields.String(attribute=lambda u: str(u.clinic.id) if u.clinic else None),
        "last_login_at": fields.DateTime(dt_format="iso8601"),
    },
)

password_change_model = ns.model(
    "PasswordChange",
    {
        "current_password": fields.String(required=True),
        "new_password": fields.String(required=True, min_length=10),
    },
)


def _access_lifetime_seconds():
    return int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds())


def _attach_refresh_cookie(response, refresh_token):
    response.set_cookie(
        current_app.config["JWT_REFRESH_COOKIE_NAME"],
        refresh_token,
        max_age=int(current_app.config["JWT_REFRESH_TOKEN_EXPIRES"].total_seconds()),
        path=current_app.config["JWT_REFRESH_COOKIE_PATH"],
    )
    return response


def _issue_tokens(user, fresh):
    access = create_access_token(identity=str(user.id), additional_claims=build_claims(user), fresh=fresh)
    refresh = create_refresh_token(identity=str(user.id))
    return access, refresh


@ns.route("/login")
class StaffLogin(Resource):
    decorators = [limiter.limit("10/minute"), limiter.limit("100/hour")]

    @ns.expect(login_model, validate=True)
    @ns.response(200, "Logged in", token_model)
    @ns.response(401, "Invalid credentials")
    def post(self):
        data = ns.payload
        email = data["email"].strip().lower()
        user = StaffUser.objects(email=email).first()
        if user is None or not user.is_active or not user.check_password(data["password"]):
            log.info("Failed staff login for %s", email)
            ns.abort(401, "Invalid email or password")

        if needs_rehash(user.password_hash):
            user.set_password(data["password"])
        user.last_login_at = datetime.now(timezone.utc)
        user.save()

        access, refresh = _issue_tokens(user, fresh=True)
        response = jsonify(
            access_token=access,
            refresh_token=refresh,
            token_type="Bearer",
            expires_in=_access_lifetime_seconds(),
        )
        set_access_cookies(response, access)
        _attach_refresh_cookie(response, refresh)
        log.info("Staff %s logged in", user.id)
        return response


@ns.route("/refresh")
class TokenRefresh(Resource):
    decorators = [limiter.limit("30/minute")]

    @jwt_required(refresh=True)
    def post(self):
        user = current_user
        access = create_access_token(identity=str(user.id), additional_claims=build_claims(user), fresh=False)
        response = jsonify(access_token=access, expires_in=_access_lifetime_seconds())
        set_access_cookies(response, access)
        return response


@ns.route("/logout")
class Logout(Resource):
    @jwt_required(verify_type=False)
    def post(self):
        claims = get_jwt()
        TokenBlocklist(
            jti=claims["jti"],
            token_type=claims["type"],
            subject=claims["sub"],
            expires_at=datetime.fromtimestamp(claims["exp"], tz=timezone.utc),
        ).save()
        log.info("Revoked %s token jti=%s for %s", claims["type"], claims["jti"], claims["sub"])
        response = jsonify(message="Logged out")
        unset_jwt_cookies(response)
        return response


@ns.route("/me")
class Me(Resource):
    @jwt_required()
    @ns.marshal_with(staff_model)
    def get(self):
        if get_jwt().get("kind") == "owner":
            ns.abort(403, "Staff only")
        return current_user


@ns.route("/password")
class PasswordChange(Resource):
    decorators = [limiter.limit("5/minute")]

    @jwt_required(fresh=True)
    @ns.expect(password_change_model, validate=True)
    def post(self):
        data = ns.payload
        user = current_user
        if get_jwt().get("kind") == "owner":
            ns.abort(403, "Staff only")
        if not user.check_password(data["current_password"]):
            ns.abort(400, "Current password is incorrect")
        problems = password_problems(data["new_password"])
        if problems:
            ns.abort(400, "Password rejected", errors=problems)
        user.set_password(data["new_password"])
        user.save()
        log.info("Staff %s changed their password", user.id)
        return {"message": "Password updated. Please sign in again."}
