import jwt
from flask import after_this_request, current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..extensions import db, limiter
from ..models import User
from ..services.accounts import authenticate
from .auth import api_login_required
from .schemas import LoginSchema, RefreshSchema, ReissueSchema, TokenSchema, UserSchema
from .tokens import (
    claims_from_stale_access_token,
    create_access_token,
    create_refresh_token,
    decode_refresh_token,
)

blp = Blueprint("api_auth", __name__, url_prefix="/api/auth", description="API authentication")


def _token_response(user):
    return {
        "access_token": create_access_token(user),
        "refresh_token": create_refresh_token(user),
        "token_type": "Bearer",
        "expires_in": int(current_app.config["JWT_ACCESS_EXPIRES"].total_seconds()),
    }


@blp.route("/token")
class TokenResource(MethodView):
    @blp.arguments(LoginSchema)
    @blp.response(200, TokenSchema)
    def post(self, creds):
        user = authenticate(creds["email"], creds["password"])
        if user is None:
            current_app.logger.info("API login failed")
            abort(401, message="Invalid e-mail or password.")
        if not user.confirmed:
            abort(403, message="Please confirm your e-mail address first.")
        tokens = _token_response(user)

        if creds.get("set_cookie"):
            @after_this_request
            def remember_token(response):
                response.set_cookie("access_token", tokens["access_token"], max_age=tokens["expires_in"])
                return response

        return tokens


@blp.route("/refresh")
class RefreshResource(MethodView):
    decorators = [limiter.limit("20 per minute")]

    @blp.arguments(RefreshSchema)
    @blp.response(200, TokenSchema)
    def post(self, data):
        try:
            claims = decode_refresh_token(data["refresh_token"])
        except jwt.InvalidTokenError:
            abort(401, message="Invalid refresh token.")
        user = db.session.get(User, int(claims["sub"]))
        if user is None or not user.is_active:
            abort(401, message="Invalid refresh token.")
        return _token_response(user)


@blp.route("/reissue")
class ReissueResource(MethodView):
    decorators = [limiter.limit("20 per minute")]

    @blp.arguments(ReissueSchema)
    @blp.response(200, TokenSchema)
    def post(self, data):
        try:
            claims = claims_from_stale_access_token(data["access_token"])
        except jwt.InvalidTokenError:
            abort(401, message="Invalid token.")
        user = db.session.get(User, int(claims["sub"]))
        if user is None or not user.is_active:
            abort(401, message="Invalid token.")
        return _token_response(user)


@blp.route("/me")
class MeResource(MethodView):
    @api_login_required()
    @blp.response(200, UserSchema)
    def get(self):
        from flask import g

        return g.api_user
