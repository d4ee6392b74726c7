"""Sign in / sign up / password reset pages."""
from __future__ import annotations

import logging

from sanic import Blueprint, Request
from sanic.response import redirect
from sanic.views import HTTPMethodView
from sanic_ext import render

from gatepass.security import client_ip
from gatepass.security.ratelimit import by_user, rate_limit
from gatepass.security.sessions import attach_session, clear_session, login_required, safe_next
from gatepass.services.accounts import AccountError, AccountService

logger = logging.getLogger(__name__)

bp = Blueprint("auth")


class LoginView(HTTPMethodView):
    async def get(self, request: Request):
        if request.ctx.user is not None:
            return redirect(safe_next(request.args.get("next")))
        return await render("auth/login.html", context={"next": safe_next(request.args.get("next"))})

    @rate_limit("login", limit=5, window=60)
    async def post(self, request: Request):
        email = (request.form.get("email") or "").strip().lower()
        password = request.form.get("password") or ""
        next_url = safe_next(request.form.get("next"))

        user = await AccountService(request.app).authenticate(email, password)
        if user is None:
            logger.info("failed login for %s from %s", email, client_ip(request))
            return await render(
                "auth/login.html",
                status=401,
                context={"error": "That e-mail and password don't match.", "email": email, "next": next_url},
            )
        response = redirect(next_url)
        return attach_session(response, user, request.app.config)


class RegisterView(HTTPMethodView):
    async def get(self, request: Request):
        return await render("auth/register.html", context={"step": "details"})

    @rate_limit("register", limit=3, window=3600)
    async def post(self, request: Request):
        form = request.form
        values = {"email": form.get("email", ""), "full_name": form.get("full_name", "")}
        try:
            user = await AccountService(request.app).register(password=form.get("password", ""), **values)
        except AccountError as exc:
            return await render(
                "auth/register.html",
                status=400,
                context={"step": "details", "errors": exc.problems, **values},
            )
        response = redirect("/verify")
        return attach_session(response, user, request.app.config)


class VerifyEmailView(HTTPMethodView):
    decorators = [login_required]

    async def get(self, request: Request):
        return await render("auth/register.html", context={"step": "verify", "email": request.ctx.user["email"]})

    @rate_limit("verify-email", limit=10, window=600, key=by_user)
    async def post(self, request: Request):
        ok = await AccountService(request.app).verify_email(request.ctx.user, request.form.get("code", ""))
        if not ok:
            return await render(
                "auth/register.html",
                status=400,
                context={"step": "verify", "email": request.ctx.user["email"], "errors": ["That code didn't work."]},
            )
        return redirect("/?welcome=1")


class ForgotPasswordView(HTTPMethodView):
    async def get(self, request: Request):
        return await render("auth/password.html", context={"step": "request"})

    async def post(self, request: Request):
        email = (request.form.get("email") or "").strip()
        if email:
            await AccountService(request.app).request_password_reset(email)
        return await render("auth/password.html", context={"step": "sent", "email": email})


class ResetPasswordView(HTTPMethodView):
    async def get(self, request: Request):
        token = request.args.get("token", "")
        return await render("auth/password.html", context={"step": "reset", "token": token})

    @rate_limit("password-reset", limit=10, window=600)
    async def post(self, request: Request):
        token = request.form.get("token", "")
        try:
            user = await AccountService(request.app).reset_password(token, request.form.get("password", ""))
        except AccountError as exc:
            return await render(
                "auth/password.html",
                status=400,
                context={"step": "reset", "token": token, "errors": exc.problems},
            )
        response = redirect("/tickets/?password_reset=1")
        return attach_session(response, user, request.app.config)


@bp.post("/logout")
async def logout(request: Request):
    response = redirect("/")
    return clear_session(response, request.app.config)


bp.add_route(LoginView.as_view(), "/login")
bp.add_route(RegisterView.as_view(), "/register")
bp.add_route(VerifyEmailView.as_view(), "/verify")
bp.add_route(ForgotPasswordView.as_view(), "/password/forgot")
bp.add_route(ResetPasswordView.as_view(), "/password/reset")
