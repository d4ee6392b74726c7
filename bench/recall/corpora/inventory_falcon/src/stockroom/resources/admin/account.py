"""Login, logout, password reset and invitation acceptance."""

import logging
from urllib.parse import urlsplit

import falcon

from stockroom.hooks import rate_limit
from stockroom.resources.admin.base import AdminResource
from stockroom.services import accounts

logger = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 12


def _safe_next(target: str | None) -> str:
    if not target:
        return "/stockroom/items"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/stockroom"):
        return "/stockroom/items"
    return target


def _password_problem(password: str, confirm: str | None) -> str | None:
    if password != confirm:
        return "The two passwords do not match."
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    return None


class AdminHomeResource(AdminResource):
    def on_get(self, req, resp):
        self.redirect("/stockroom/items")


class AdminLoginResource(AdminResource):
    login_required = False

    def on_get(self, req, resp):
        if req.context.user is not None:
            self.redirect("/stockroom/items")
        self.render(req, resp, "login.html", next=req.get_param("next", default=""), error=None, email="")

    @falcon.before(rate_limit("admin-login", limit=10, window=300))
    def on_post(self, req, resp):
        form = self.form(req)
        email = (form.get("email") or "").strip().lower()
        user = accounts.authenticate(email, form.get("password") or "")
        if user is None:
            logger.info("failed admin login for %s from %s", email, req.remote_addr)
            self.render(
                req,
                resp,
                "login.html",
                status=falcon.HTTP_401,
                next=form.get("next", ""),
                error="Invalid e-mail address or password.",
                email=email,
            )
            return
        req.context.session.login(user)
        logger.info("admin login: user %s from %s", user["id"], req.remote_addr)
        self.redirect(_safe_next(form.get("next")))


class AdminLogoutResource(AdminResource):
    def on_post(self, req, resp):
        logger.info("admin logout: user %s", req.context.user["id"])
        req.context.session.logout()
        self.redirect("/stockroom/login")


class PasswordResetRequestResource(AdminResource):
    login_required = False

    def on_get(self, req, resp):
        self.render(req, resp, "reset_request.html", sent=False)

    def on_post(self, req, resp):
        form = self.form(req)
        email = (form.get("email") or "").strip().lower()
        if email:
            logger.info("password reset requested for %s from %s", email, req.remote_addr)
            accounts.start_password_reset(email)
        # Same page whether or not the address has an account.
        self.render(req, resp, "reset_request.html", sent=True, email=email)


class PasswordResetConfirmResource(AdminResource):
    login_required = False

    def on_get(self, req, resp):
        self.render(req, resp, "reset_confirm.html", email=req.get_param("email", default=""), error=None)

    @falcon.before(rate_limit("password-reset-confirm", limit=10, window=900))
    def on_post(self, req, resp):
        form = self.form(req)
        email = (form.get("email") or "").strip().lower()
        password = form.get("password") or ""
        problem = _password_problem(password, form.get("password_confirm"))
        if problem is None and not accounts.complete_password_reset(email, form.get("code") or "", password):
            problem = "That code is invalid or has expired. Request a new one."
        if problem:
            self.render(req, resp, "reset_confirm.html", status=falcon.HTTP_400, email=email, error=problem)
            return
        self.redirect("/stockroom/login?reset=1")


class InviteAcceptResource(AdminResource):
    login_required = False

    def on_get(self, req, resp, token):
        invite = accounts.find_invite(token)
        if invite is None:
            self.render(req, resp, "accept_invite.html", status=falcon.HTTP_404, invite=None, error=None)
            return
        self.render(req, resp, "accept_invite.html", invite=invite, error=None)

    @falcon.before(rate_limit("invite-accept", limit=5, window=600))
    def on_post(self, req, resp, token):
        invite = accounts.find_invite(token)
        if invite is None:
            self.render(req, resp, "accept_invite.html", status=falcon.HTTP_404, invite=None, error=None)
            return
        form = self.form(req)
        password = form.get("password") or ""
        problem = _password_problem(password, form.get("password_confirm"))
        if problem:
            self.render(req, resp, "accept_invite.html", status=falcon.HTTP_400, invite=invite, error=problem)
            return
        user = accounts.accept_invite(token, password)
        if user is None:
            self.render(req, resp, "accept_invite.html", status=falcon.HTTP_409, invite=None, error=None)
            return
        req.context.session.login(user)
        self.redirect("/stockroom/items")
