"""Sign-in, registration, e-mail verification and password reset."""
import logging
import re

import tornado.web
from tornado.options import options

from forum.handlers.base import BaseHandler
from forum.models import users
from forum.security import jwt_auth, passwords, tokens
from forum.services import mailer
from forum.services.ratelimit import rate_limited

log = logging.getLogger("forum.auth")

USERNAME_RE = re.compile(r"^[A-Za-z0-9_]{3,30}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _local_next(value):
    # only allow local redirects
    if not value or not value.startswith("/") or value.startswith("//"):
        return "/"
    return value


class LoginHandler(BaseHandler):
    def get(self):
        if self.current_user:
            return self.redirect("/")
        self.render("login.html", error=None, next=_local_next(self.get_argument("next", "/")), login="")

    @rate_limited("login", limit=10, period=300)
    async def post(self):
        login = self.get_argument("login", "").strip()
        password = self.get_argument("password", "")
        next_url = _local_next(self.get_argument("next", "/"))
        user = await users.get_for_login(self.db, login)
        ok, new_hash = passwords.verify_password(password, user["password_hash"] if user else None)
        if not user or not ok:
            log.info("failed login for %r from %s", login, self.request.remote_ip)
            self.set_status(401)
            return self.render("login.html", error="Wrong username or password.", next=next_url, login=login)
        if users.is_banned(user):
            return self.render("login.html", error="This account is suspended.", next=next_url, login=login)
        if new_hash:
            await users.update_password_hash(self.db, user["id"], new_hash)
        self.start_session(user, remember=self.get_argument("remember", None) == "on")
        await users.touch(self.db, user["id"])
        self.redirect(next_url)


class LogoutHandler(BaseHandler):
    def post(self):
        self.end_session()
        self.redirect("/")


class RegisterHandler(BaseHandler):
    def get(self):
        self.render("register.html", errors=[], form={})

    @rate_limited("register", limit=5, period=3600)
    async def post(self):
        form = {
            "username": self.get_argument("username", "").strip(),
            "email": self.get_argument("email", "").strip().lower(),
        }
        password = self.get_argument("password", "")
        errors = []
        if not USERNAME_RE.match(form["username"]):
            errors.append("Usernames are 3-30 letters, digits or underscores.")
        if not EMAIL_RE.match(form["email"]):
            errors.append("Please enter a valid e-mail address.")
        if password != self.get_argument("password_confirm", ""):
            errors.append("Passwords do not match.")
        try:
            passwords.check_policy(password, username=form["username"])
        except passwords.PasswordPolicyError as exc:
            errors.append(str(exc))
        if errors:
            self.set_status(400)
            return self.render("register.html", errors=errors, form=form)
        try:
            user_id, verify_token = await users.create_user(self.db, form["username"], form["email"], password)
        except users.UserExists:
            self.set_status(409)
            return self.render("register.html", errors=["That username or e-mail is already registered."], form=form)
        user = await users.get_by_id(self.db, user_id)
        await mailer.send_verification(user, verify_token)
        # sign the new member straight in so they can start posting
        self.set_secure_cookie("forum_session", str(user_id), expires_days=options.session_days)
        self.flash("Welcome! Check your inbox to confirm your e-mail address.")
        self.redirect("/")


class VerifyEmailHandler(BaseHandler):
    async def get(self, token):
        user_id = await users.verify_email(self.db, token)
        if user_id is None:
            raise tornado.web.HTTPError(404)
        self.flash("Thanks, your e-mail address is confirmed.")
        self.redirect("/")


class ForgotPasswordHandler(BaseHandler):
    def get(self):
        self.render("forgot.html", sent=False)

    async def post(self):
        email = self.get_argument("email", "").strip().lower()
        user = await users.get_by_email(self.db, email)
        if user is not None:
            token = tokens.new_reset_token()
            await users.create_reset(self.db, user["id"], token, options.reset_token_ttl)
            await mailer.send_password_reset(user, token)
        # same answer whether or not the address exists
        self.render("forgot.html", sent=True)


class ResetPasswordHandler(BaseHandler):
    def get(self, token):
        self.render("reset.html", token=token, error=None)

    async def post(self, token):
        password = self.get_argument("password", "")
        if password != self.get_argument("password_confirm", ""):
            return self.render("reset.html", token=token, error="Passwords do not match.")
        try:
            passwords.check_policy(password)
        except passwords.PasswordPolicyError as exc:
            return self.render("reset.html", token=token, error=str(exc))
        user_id = await users.consume_reset(self.db, token)
        if user_id is None:
            self.set_status(400)
            return self.render("reset.html", token=None, error="This reset link has expired.")
        await users.set_password(self.db, user_id, password)
        log.info("password reset completed for user_id=%s", user_id)
        self.flash("Your password was changed. Please sign in.")
        self.redirect("/login")


class EmailLoginRequestHandler(BaseHandler):
    def get(self):
        self.render("email_login.html", sent=False)

    @rate_limited("email-login", limit=3, period=900)
    async def post(self):
        email = self.get_argument("email", "").strip().lower()
        user = await users.get_by_email(self.db, email)
        if user is not None and not users.is_banned(user):
            await mailer.send_login_link(user, jwt_auth.issue_login_link_token(user))
        self.render("email_login.html", sent=True)


class EmailLoginHandler(BaseHandler):
    async def get(self):
        try:
            claims = jwt_auth.decode_login_link_token(self.get_argument("token"))
        except jwt_auth.TokenError:
            raise tornado.web.HTTPError(400, "invalid sign-in link")
        user = await users.get_by_id(self.db, int(claims["sub"]))
        if user is None or users.is_banned(user):
            raise tornado.web.HTTPError(403)
        self.start_session(user)
        self.redirect("/")
