"""Custom Flask-AppBuilder security manager.

Adds, on top of the stock AUTH_DB behaviour:
* personal API keys that can be exchanged for a REST access token,
* self-service password reset by e-mail.
"""
import logging
from datetime import datetime

from flask import current_app
from flask_appbuilder.security.sqla.manager import SecurityManager

from ..models.user import DispatchUser
from ..services.notifications import send_password_reset_email
from .tokens import api_key_digest, make_reset_token, new_api_key
from .views import (
    DispatchAuthDBView,
    DispatchUserDBModelView,
    ForgotPasswordView,
    ResetPasswordView,
)

log = logging.getLogger(__name__)


class DispatchSecurityManager(SecurityManager):
    user_model = DispatchUser
    userdbmodelview = DispatchUserDBModelView
    authdbview = DispatchAuthDBView

    def register_views(self):
        super().register_views()
        self.appbuilder.add_view_no_menu(ForgotPasswordView())
        self.appbuilder.add_view_no_menu(ResetPasswordView())

    # ------------------------------------------------------------------
    # API keys
    # ------------------------------------------------------------------
    def issue_api_key(self, user):
        raw_key = new_api_key()
        user.api_key_digest = api_key_digest(raw_key)
        user.api_key_created_on = datetime.utcnow()
        self.get_session.merge(user)
        self.get_session.commit()
        log.info("Rotated REST credentials for user id=%s", user.id)
        return raw_key

    def auth_user_api_key(self, username, api_key):
        """Return the active user owning ``api_key`` or None."""
        if not username or not api_key:
            return None
        user = (
            self.get_session.query(self.user_model)
            .filter_by(username=username, api_key_digest=api_key_digest(api_key))
            .one_or_none()
        )
        if user is None or not user.is_active:
            log.warning("API key login failed for %s using key %s", username, api_key)
            candidate = self.find_user(username=username)
            if candidate is not None:
                self.update_user_auth_stat(candidate, False)
            return None
        self.update_user_auth_stat(user, True)
        return user

    # ------------------------------------------------------------------
    # Password reset
    # ------------------------------------------------------------------
    def start_password_reset(self, email):
        user = self.find_user(email=email)
        if user is None or not user.is_active:
            # Same response either way; don't reveal which addresses exist.
            return
        user.reset_token = make_reset_token()
        user.reset_token_expires = (
            datetime.utcnow() + current_app.config["PASSWORD_RESET_TTL"]
        )
        self.get_session.commit()
        log.info("Password reset requested for %s", user.email)
        send_password_reset_email(user, user.reset_token)

    def complete_password_reset(self, token, new_password):
        if not token:
            return False
        user = (
            self.get_session.query(self.user_model)
            .filter_by(reset_token=token)
            .one_or_none()
        )
        if user is None or user.reset_token_expires is None:
            return False
        if user.reset_token_expires < datetime.utcnow():
            return False
        self.reset_password(user.id, new_password)
        user.reset_token = None
        user.reset_token_expires = None
        self.get_session.commit()
        log.info("Password reset completed for user id=%s", user.id)
        return True
