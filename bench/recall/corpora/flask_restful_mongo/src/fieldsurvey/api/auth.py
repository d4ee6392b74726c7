import logging
from datetime import datetime, timezone

from flask_restful import Resource, abort, reqparse

from ..auth.tokens import send_confirmation_email
from ..extensions import limiter
from ..models import Enumerator, RevokedToken, Survey, User
from .tokens import TokenError, decode_token, issue_access_token, issue_refresh_token, issue_sync_token

log = logging.getLogger(__name__)

credentials_parser = reqparse.RequestParser(bundle_errors=True)
credentials_parser.add_argument("email", type=str, required=True, location="json")
credentials_parser.add_argument("password", type=str, required=True, location="json")

refresh_parser = reqparse.RequestParser()
refresh_parser.add_argument("refresh_token", type=str, required=True, location="json")

enumerator_parser = reqparse.RequestParser(bundle_errors=True)
enumerator_parser.add_argument("code", type=str, required=True, location="json")
enumerator_parser.add_argument("passphrase", type=str, required=True, location="json")
enumerator_parser.add_argument("survey_id", type=str, required=True, location="json")

email_parser = reqparse.RequestParser()
email_parser.add_argument("email", type=str, required=True, location="json")


def _token_response(user):
    from flask import current_app

    return {
        "access_token": issue_access_token(user),
        "refresh_token": issue_refresh_token(user),
        "token_type": "Bearer",
        "expires_in": int(current_app.config["JWT_ACCESS_TTL"].total_seconds()),
    }


class TokenResource(Resource):
    def post(self):
        args = credentials_parser.parse_args()
        user = User.objects(email=args["email"].strip().lower(), active=True).first()
        if user is None or not user.check_password(args["password"]):
            abort(401, message="invalid credentials")
        if not user.confirmed:
            abort(403, message="e-mail address not confirmed")
        user.update(set__last_login_at=datetime.now(timezone.utc))
        return _token_response(user)


class RefreshResource(Resource):
    decorators = [limiter.limit("30 per hour")]

    def post(self):
        args = refresh_parser.parse_args()
        try:
            claims = decode_token(args["refresh_token"], expected_type="refresh")
        except TokenError:
            abort(401, message="invalid refresh token")
        if RevokedToken.objects(jti=claims["jti"]).first() is not None:
            abort(401, message="refresh token already used")

        user = User.objects(id=claims["sub"], active=True).first()
        if user is None:
            abort(401, message="unknown user")
        RevokedToken(
            jti=claims["jti"],
            user_id=claims["sub"],
            expires_at=datetime.fromtimestamp(claims["exp"], tz=timezone.utc),
        ).save()
        log.info("rotated refresh token jti=%s for user %s", claims["jti"], claims["sub"])
        return _token_response(user)


class EnumeratorTokenResource(Resource):
    decorators = [limiter.limit("10 per minute")]

    def post(self):
        args = enumerator_parser.parse_args()
        enumerator = Enumerator.objects(code=args["code"].strip().upper(), active=True).first()
        if enumerator is None or not enumerator.check_passphrase(args["passphrase"]):
            abort(401, message="invalid code or passphrase")
        survey = Survey.objects(id=args["survey_id"], status="active").first()
        if survey is None or not enumerator.can_collect_for(survey):
            abort(403, message="not assigned to this survey")
        return {"sync_token": issue_sync_token(enumerator, survey), "survey": str(survey.id)}


class ResendConfirmationResource(Resource):
    decorators = [limiter.limit("3 per hour")]

    def post(self):
        args = email_parser.parse_args()
        user = User.objects(email=args["email"].strip().lower(), confirmed=False).first()
        if user is not None:
            send_confirmation_email(user)
        return {"message": "If the account exists and is unconfirmed, a new e-mail has been sent."}, 202
