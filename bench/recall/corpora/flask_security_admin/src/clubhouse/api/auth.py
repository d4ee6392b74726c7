import jwt
from flask import current_app, jsonify, request
from flask.views import MethodView
from flask_security import hash_password
from flask_security.recoverable import send_reset_password_instructions
from flask_security.utils import verify_and_update_password

from ..extensions import db
from ..models import Membership, User
from ..services.mobile_tokens import decode_refresh_token, issue_token_pair, revoke_refresh_token
from . import api_bp


def _json():
    return request.get_json(silent=True) or {}


class TokenAPI(MethodView):
    """Exchange e-mail and password for an access/refresh token pair."""

    def post(self):
        data = _json()
        email = (data.get("email") or "").strip().lower()
        password = data.get("password") or ""
        user = User.query.filter_by(email=email).first()
        if user is None or not user.active or not verify_and_update_password(password, user):
            current_app.logger.info("mobile login failed for %s", email)
            return jsonify(error="invalid_credentials"), 401
        if user.confirmed_at is None:
            return jsonify(error="email_not_confirmed"), 403
        db.session.commit()
        tokens = issue_token_pair(user)
        current_app.logger.debug("mobile login ok for %s, access token %s", email, tokens["access_token"])
        return jsonify(tokens)


class RefreshAPI(MethodView):
    def post(self):
        try:
            claims = decode_refresh_token(_json().get("refresh_token", ""))
        except jwt.InvalidTokenError:
            return jsonify(error="invalid_token"), 401
        user = User.query.filter_by(fs_uniquifier=claims["sub"], active=True).first()
        if user is None:
            return jsonify(error="invalid_token"), 401
        revoke_refresh_token(claims)
        return jsonify(issue_token_pair(user))


class RegisterAPI(MethodView):
    """Sign-up from the app; the confirmation e-mail is sent by Flask-Security."""

    def post(self):
        data = _json()
        email = (data.get("email") or "").strip().lower()
        password = data.get("password") or ""
        if "@" not in email or len(password) < 10:
            return jsonify(error="invalid_input"), 400
        datastore = current_app.user_datastore
        if datastore.find_user(email=email):
            return jsonify(error="email_taken"), 409
        user = datastore.create_user(
            email=email,
            password=hash_password(password),
            first_name=(data.get("first_name") or "").strip()[:80],
            last_name=(data.get("last_name") or "").strip()[:80],
        )
        db.session.add(Membership(user=user))
        db.session.commit()
        from flask_security.confirmable import send_confirmation_instructions

        send_confirmation_instructions(user)
        return jsonify(id=user.id, email=user.email), 201


class PasswordResetAPI(MethodView):
    def post(self):
        email = (_json().get("email") or "").strip().lower()
        user = User.query.filter_by(email=email, active=True).first()
        if user is not None:
            send_reset_password_instructions(user)
        # Same answer either way so the endpoint cannot be used to probe accounts.
        return jsonify(status="ok"), 202


api_bp.add_url_rule("/auth/token", view_func=TokenAPI.as_view("token"))
api_bp.add_url_rule("/auth/refresh", view_func=RefreshAPI.as_view("refresh"))
api_bp.add_url_rule("/auth/register", view_func=RegisterAPI.as_view("register"))
api_bp.add_url_rule("/auth/forgot", view_func=PasswordResetAPI.as_view("forgot"))
