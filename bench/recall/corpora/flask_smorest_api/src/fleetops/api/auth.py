import logging

from flask.views import MethodView
from flask_jwt_extended import create_access_token, get_jwt_identity, jwt_required
from flask_smorest import Blueprint, abort

from ..extensions import limiter
from ..schemas.auth import (
    ClientTokenRequestSchema,
    PasswordResetConfirmSchema,
    PasswordResetRequestSchema,
    RegisterSchema,
    TokenRequestSchema,
    TokenResponseSchema,
    UserSchema,
)
from ..services.auth_service import AuthError, AuthService
from ..services.invite_service import InviteError, InviteService

logger = logging.getLogger("fleetops.api.auth")

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Authentication")


@blp.route("/token")
class TokenView(MethodView):
    @blp.arguments(TokenRequestSchema)
    @blp.response(200, TokenResponseSchema)
    def post(self, credentials):
        logger.debug("Token request received: %s", credentials)
        try:
            user = AuthService().authenticate(credentials["email"], credentials["password"])
        except AuthError:
            abort(401, message="Invalid email or password.")
        return AuthService().issue_tokens(user)


@blp.route("/client-token")
class ClientTokenView(MethodView):
    decorators = [limiter.limit("20 per minute")]

    @blp.arguments(ClientTokenRequestSchema)
    @blp.response(200, TokenResponseSchema)
    def post(self, args):
        service = AuthService()
        try:
            client = service.authenticate_client(args["client_id"], args["client_secret"])
        except AuthError:
            abort(401, message="Invalid client credentials.")
        return service.issue_client_token(client, args["client_secret"])


@blp.route("/refresh")
class RefreshView(MethodView):
    decorators = [limiter.limit("30 per minute")]

    @jwt_required(refresh=True)
    @blp.response(200, TokenResponseSchema)
    def post(self):
        identity = get_jwt_identity()
        return {"access_token": create_access_token(identity=identity)}


@blp.route("/password-reset")
class PasswordResetRequestView(MethodView):
    @blp.arguments(PasswordResetRequestSchema)
    @blp.response(202)
    def post(self, args):
        AuthService().start_password_reset(args["email"])
        return {"message": "If the address is registered, a code has been sent."}


@blp.route("/password-reset/confirm")
class PasswordResetConfirmView(MethodView):
    decorators = [limiter.limit("5 per 15 minutes")]

    @blp.arguments(PasswordResetConfirmSchema)
    @blp.response(204)
    def post(self, args):
        try:
            AuthService().complete_password_reset(args["email"], args["code"], args["new_password"])
        except AuthError:
            abort(400, message="The code is invalid or has expired.")


@blp.route("/register")
class RegisterView(MethodView):
    @blp.arguments(RegisterSchema)
    @blp.response(201, UserSchema)
    def post(self, args):
        try:
            return InviteService().redeem(
                args["invite_code"], args["full_name"], args["password"], args.get("badge_number")
            )
        except InviteError as exc:
            abort(400, message=str(exc))
