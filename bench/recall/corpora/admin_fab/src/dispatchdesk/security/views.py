"""Security-related views: rate-limited login, user admin, password reset."""
from flask import flash, redirect
from flask_appbuilder import BaseView, expose
from flask_appbuilder.actions import action
from flask_appbuilder.security.views import AuthDBView, UserDBModelView

from ..extensions import limiter
from ..forms import ForgotPasswordForm, ResetPasswordForm


class DispatchAuthDBView(AuthDBView):
    @expose("/login/", methods=["GET", "POST"])
    @limiter.limit("10 per minute", methods=["POST"])
    def login(self):
        return super().login()


class DispatchUserDBModelView(UserDBModelView):
    show_fieldsets = [
        (
            "User info",
            {"fields": ["username", "active", "roles", "login_count", "depot", "phone"]},
        ),
        ("Personal info", {"fields": ["first_name", "last_name", "email"], "expanded": True}),
        (
            "Audit info",
            {
                "fields": [
                    "last_login",
                    "fail_login_count",
                    "created_on",
                    "created_by",
                    "changed_on",
                    "changed_by",
                    "api_key_created_on",
                ],
                "expanded": False,
            },
        ),
    ]
    user_show_fieldsets = [
        ("User info", {"fields": ["username", "active", "roles", "depot"]}),
        ("Personal info", {"fields": ["first_name", "last_name", "email", "phone"]}),
    ]
    add_columns = [
        "first_name",
        "last_name",
        "username",
        "active",
        "email",
        "phone",
        "depot",
        "roles",
        "password",
        "conf_password",
    ]
    edit_columns = [
        "first_name",
        "last_name",
        "username",
        "active",
        "email",
        "phone",
        "depot",
        "roles",
    ]
    list_columns = ["first_name", "last_name", "username", "email", "depot", "active", "roles"]

    @action(
        "rotate_api_key",
        "Rotate API key",
        "Issue a new API key? The old key stops working immediately.",
        "fa-key",
        multiple=False,
    )
    def rotate_api_key(self, item):
        raw_key = self.appbuilder.sm.issue_api_key(item)
        flash(
            f"New API key for {item.username}: {raw_key} (copy it now, it is not shown again)",
            "warning",
        )
        return redirect(self.get_redirect())


class ForgotPasswordView(BaseView):
    route_base = "/account"
    default_view = "forgot"

    @expose("/forgot/", methods=["GET", "POST"])
    def forgot(self):
        form = ForgotPasswordForm()
        if form.validate_on_submit():
            self.appbuilder.sm.start_password_reset(form.email.data.strip().lower())
            flash(
                "If the address belongs to an active account, a reset link is on its way.",
                "info",
            )
            return redirect(self.appbuilder.get_url_for_login)
        return self.render_template("security/forgot_password.html", form=form)


class ResetPasswordView(BaseView):
    route_base = "/account"
    default_view = "reset"

    @expose("/reset/<string:token>", methods=["GET", "POST"])
    @limiter.limit("10 per hour", methods=["POST"])
    def reset(self, token):
        form = ResetPasswordForm()
        if form.validate_on_submit():
            if self.appbuilder.sm.complete_password_reset(token, form.password.data):
                flash("Your password has been changed. Please sign in.", "success")
                return redirect(self.appbuilder.get_url_for_login)
            flash("This reset link is invalid or has expired.", "danger")
        return self.render_template("security/reset_password.html", form=form, token=token)
