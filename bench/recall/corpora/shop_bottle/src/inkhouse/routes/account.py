"""Customer accounts: sign in, registration, profile and password reset."""
import logging

from bottle import Bottle, redirect, request, template

from ..helpers import mask_email, render
from ..models import Customer, Order, utcnow
from ..plugins.auth import (
    current_customer,
    login_customer,
    login_required,
    logout_customer,
    safe_next,
)
from ..plugins.ratelimit import limiter
from ..security import (
    clear_remember_cookie,
    hash_password,
    needs_rehash,
    password_problems,
    set_remember_cookie,
    verify_password,
)
from ..services import password_reset
from . import EMAIL_RE, base_url

log = logging.getLogger(__name__)

app = Bottle()


def _cookie_secret():
    return request.app.config["app.cookie_secret"]


@app.get("/login")
def login_form():
    if current_customer() is not None:
        redirect("/account")
    return render("login.html", next=request.query.next or "", errors=[], email="", register={})


@app.post("/login")
@limiter.limit("10/minute", scope="login")
def login():
    email = request.forms.email.strip().lower()
    password = request.forms.password
    next_url = safe_next(request.forms.next)

    customer = Customer.get_or_none(Customer.email == email)
    stored_hash = customer.password_hash if customer is not None and customer.is_active else None
    if not verify_password(password, stored_hash):
        log.info("Failed login for %s from %s", mask_email(email), request.remote_addr)
        return render(
            "login.html",
            next=next_url,
            errors=["That e-mail address and password don't match."],
            email=email,
            register={},
        )

    if needs_rehash(customer.password_hash):
        customer.password_hash = hash_password(password)
    customer.last_login_at = utcnow()
    customer.save()

    login_customer(customer)
    if request.forms.remember:
        set_remember_cookie(customer, _cookie_secret())
    redirect(next_url)


@app.post("/logout")
def logout():
    logout_customer()
    clear_remember_cookie()
    redirect("/")


@app.post("/register")
@limiter.limit("5/hour", scope="register")
def register():
    name = request.forms.name.strip()[:120]
    email = request.forms.email.strip().lower()
    password = request.forms.password

    errors = []
    if not name:
        errors.append("Please tell us your name.")
    if not EMAIL_RE.match(email):
        errors.append("Please enter a valid e-mail address.")
    errors.extend(password_problems(password, email))
    if not errors and Customer.select().where(Customer.email == email).exists():
        errors.append("There is already an account for that address. Try signing in instead.")
    if errors:
        return render("login.html", next="", errors=[], email="",
                      register={"errors": errors, "name": name, "email": email})

    customer = Customer.create(
        email=email,
        name=name,
        password_hash=hash_password(password),
        newsletter=bool(request.forms.newsletter),
    )
    log.info("New customer account %s", customer.id)
    login_customer(customer)
    redirect("/account")


@app.get("/account")
@login_required
def account_home():
    customer = current_customer()
    orders = customer.orders.order_by(Order.created_at.desc()).limit(20)
    return render(
        "account.html",
        customer=customer,
        orders=list(orders),
        message=request.query.message or None,
        errors=[],
    )


@app.post("/account/password")
@login_required
@limiter.limit("5/minute", scope="change-password")
def change_password():
    customer = current_customer()
    current = request.forms.current_password
    new = request.forms.new_password

    errors = []
    if not verify_password(current, customer.password_hash):
        errors.append("Your current password is not correct.")
    errors.extend(password_problems(new, customer.email))
    if errors:
        orders = customer.orders.order_by(Order.created_at.desc()).limit(20)
        return render("account.html", customer=customer, orders=list(orders), message=None, errors=errors)

    customer.password_hash = hash_password(new)
    customer.save()
    login_customer(customer)
    clear_remember_cookie()
    redirect("/account?message=password-changed")


@app.get("/account/email")
@login_required
def email_form():
    return template("account/email.tpl", customer=current_customer(), error=None,
                    saved=request.query.saved == "1")


@app.post("/account/email", csrf_exempt=True)
@login_required
def change_email():
    customer = current_customer()
    new_email = request.forms.email.strip().lower()

    error = None
    if not EMAIL_RE.match(new_email):
        error = "Please enter a valid e-mail address."
    elif Customer.select().where((Customer.email == new_email) & (Customer.id != customer.id)).exists():
        error = "That address is already used by another account."
    if error:
        return template("account/email.tpl", customer=customer, error=error, saved=False)

    customer.email = new_email
    customer.email_verified = False
    customer.save()
    redirect("/account/email?saved=1")


@app.get("/password/forgot")
def forgot_form():
    return render("password.html", mode="forgot", sent=False, email="", errors=[])


@app.post("/password/forgot")
def forgot_password():
    email = request.forms.email.strip()
    if EMAIL_RE.match(email):
        password_reset.request_reset(email, base_url(request.app.config))
    # Same answer whether or not the address has an account.
    return render("password.html", mode="forgot", sent=True, email=email, errors=[])


@app.get("/password/reset/<token>")
def reset_form(token):
    reset = password_reset.find_reset(token)
    return render("password.html", mode="reset", token=token, valid=reset is not None, errors=[])


@app.post("/password/reset/<token>")
@limiter.limit("10/hour", scope="password-reset")
def reset_password(token):
    reset = password_reset.find_reset(token)
    if reset is None:
        return render("password.html", mode="reset", token=token, valid=False, errors=[])

    new_password = request.forms.password
    errors = password_problems(new_password, reset.customer.email)
    if new_password != request.forms.password_confirm:
        errors.append("The two passwords don't match.")
    if errors:
        return render("password.html", mode="reset", token=token, valid=True, errors=errors)

    customer = password_reset.complete_reset(reset, new_password)
    login_customer(customer)
    clear_remember_cookie()
    redirect("/account?message=password-reset")
