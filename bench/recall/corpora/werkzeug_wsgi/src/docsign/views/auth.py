from werkzeug.utils import redirect

from docsign.ratelimit import rate_limit
from docsign.services.passwords import validate_new_password
from docsign.views.base import Handler, safe_next


class AuthHandler(Handler):
    @rate_limit(5, 60, scope="login")
    def login(self, request):
        error = None
        email = request.form.get("email", "")
        if request.method == "POST":
            user = self.auth.authenticate(email, request.form.get("password", ""))
            if user is not None:
                request.session.clear()
                request.session["user_id"] = user["id"]
                self.audit.record(user["id"], "login")
                response = redirect(safe_next(request.args.get("next")))
                if request.form.get("remember") == "on":
                    response.set_cookie(
                        self.config.REMEMBER_COOKIE_NAME,
                        self.app.remember.issue(user["id"]),
                        max_age=self.config.REMEMBER_LIFETIME,
                    )
                return response
            error = "Invalid e-mail or password."
        return self.render(request, "auth/login.html", error=error, email=email)

    def logout(self, request):
        if request.user is not None:
            self.audit.record(request.user["id"], "logout")
        request.session.clear()
        response = redirect("/login")
        response.delete_cookie(self.config.REMEMBER_COOKIE_NAME)
        return response

    @rate_limit(3, 3600, scope="register")
    def register(self, request):
        errors = []
        form = request.form
        if request.method == "POST":
            email = form.get("email", "").strip()
            full_name = form.get("full_name", "").strip()
            password = form.get("password", "")
            errors = validate_new_password(password, form.get("password_confirm", ""))
            if not email.endswith("@corp.example"):
                errors.append("Use your corporate e-mail address.")
            if not full_name:
                errors.append("Tell us your name.")
            if not errors:
                self.auth.start_signup(email, full_name, password)
                return self.render(request, "message.html", title="Check your inbox",
                                   message="We sent you a link to confirm your account.",
                                   back_url="/login", back_label="Back to sign in")
        return self.render(request, "auth/register.html", errors=errors, form=form)

    def verify_signup(self, request, token):
        user_id = self.auth.complete_signup(token)
        if user_id is None:
            self.flash(request, "That confirmation link has expired.", "error")
        else:
            self.flash(request, "Your account is ready, you can sign in now.")
        return redirect("/login")

    def reset_request(self, request):
        if request.method == "POST":
            self.password_resets.start(request.form.get("email", ""))
            return self.render(request, "message.html", title="Check your inbox",
                               message="If the address has an account, a reset link is on its way.",
                               back_url="/login", back_label="Back to sign in")
        return self.render(request, "auth/reset.html", step="request")

    @rate_limit(10, 900, scope="reset-confirm")
    def reset_confirm(self, request):
        errors = []
        code = request.values.get("code", "")
        if request.method == "POST":
            password = request.form.get("password", "")
            errors = validate_new_password(password, request.form.get("password_confirm", ""))
            if not errors and self.password_resets.complete(code, password):
                self.flash(request, "Password changed, please sign in.")
                return redirect("/login")
            errors = errors or ["That reset code is invalid or has expired."]
        return self.render(request, "auth/reset.html", step="confirm", code=code, errors=errors)
