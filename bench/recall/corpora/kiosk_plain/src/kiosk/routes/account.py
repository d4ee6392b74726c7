"""Sign-in, registration, password reset and the customer's own account."""
from bottle import Bottle, HTTPError, redirect, request

from kiosk import sessions, templates
from kiosk.auth import current_user, login_required
from kiosk.csrf import CsrfPlugin, csrf_exempt
from kiosk.ratelimit import rate_limited
from kiosk.routes.common import flash, page, safe_next
from kiosk.services import accounts, bookings

app = Bottle()
app.install(CsrfPlugin())


@app.get("/login")
def login_form():
    if current_user():
        redirect("/account")
    return page(templates.LOGIN, "Sign in", error=None, email="",
                next_url=safe_next(request.query.get("next")))


@app.post("/login")
@rate_limited("login", limit=5, per=300)
def login():
    email = request.forms.getunicode("email", "")
    password = request.forms.getunicode("password", "")
    next_url = safe_next(request.forms.get("next"))
    user = accounts.authenticate(email, password)
    if user is None:
        return page(templates.LOGIN, "Sign in", error="E-mail or password not recognised.",
                    email=email, next_url=next_url)
    sessions.login(user, is_admin=user["is_admin"])
    redirect(next_url)


@app.post("/logout")
def logout():
    sessions.destroy()
    redirect("/")


@app.get("/register")
def register_form():
    return page(templates.REGISTER, "Register", error=None, name="", email="")


@app.post("/register")
@rate_limited("register", limit=3, per=3600)
def register():
    name = request.forms.getunicode("name", "")
    email = request.forms.getunicode("email", "")
    password = request.forms.getunicode("password", "")
    try:
        accounts.register(name, email, password)
    except accounts.AccountError as exc:
        return page(templates.REGISTER, "Register", error=str(exc), name=name, email=email)
    return templates.message(
        "Check your e-mail", "Nearly there",
        "We've sent a confirmation link to %s." % email,
        user=None,
    )


@app.get("/register/confirm/<code>")
def confirm(code):
    try:
        user = accounts.confirm_signup(code)
    except accounts.AccountError as exc:
        return page(templates.MESSAGE, "Registration", heading="Link not valid", message=str(exc),
                    link="/register", link_text="Register again")
    sessions.login(user)
    flash("Welcome, %s! Your account is ready." % user["name"])
    redirect("/showings")


@app.get("/password-reset")
def reset_request_form():
    return page(templates.RESET_REQUEST, "Reset password")


@app.post("/password-reset")
def reset_request():
    email = request.forms.getunicode("email", "")
    accounts.request_password_reset(email)
    return page(templates.MESSAGE, "Reset password", heading="Check your e-mail",
                message="If that address has an account, we've sent a reset link.",
                link="/login", link_text="Back to sign in")


@app.get("/password-reset/<token>")
def reset_form(token):
    if not accounts.reset_token_valid(token):
        raise HTTPError(404)
    return page(templates.RESET_FORM, "Reset password", token=token, error=None)


@app.post("/password-reset/<token>")
def reset_submit(token):
    password = request.forms.getunicode("password", "")
    try:
        accounts.reset_password(token, password)
    except accounts.AccountError as exc:
        return page(templates.RESET_FORM, "Reset password", token=token, error=str(exc))
    flash("Password changed. Please sign in.")
    redirect("/login")


@app.get("/account")
@login_required
def account():
    user = current_user()
    return page(templates.ACCOUNT, "Your account", bookings=bookings.for_customer(user["id"]))


@app.post("/account/email")
@csrf_exempt
@login_required
def change_email():
    user = current_user()
    try:
        accounts.change_email(user["id"], request.forms.getunicode("email", ""))
    except accounts.AccountError as exc:
        flash(str(exc))
    else:
        flash("E-mail address updated.")
    redirect("/account")
