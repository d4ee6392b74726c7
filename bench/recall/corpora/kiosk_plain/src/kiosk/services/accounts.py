"""Customer accounts: sign-up, sign-in, password reset, contact details."""
import datetime as dt
import logging
import secrets
import uuid

from kiosk import config, db, passwords
from kiosk.services import mailer
from kiosk.util import is_email, mask_email

log = logging.getLogger(__name__)

RESET_TTL = dt.timedelta(hours=1)
SIGNUP_TTL = dt.timedelta(days=2)


class AccountError(Exception):
    pass


def find_by_email(email):
    return db.query_one(
        "SELECT id, name, email, password_hash, is_admin, active FROM customers WHERE email = ?",
        (email.strip().lower(),),
    )


def register(name, email, password):
    email = (email or "").strip().lower()
    if not name or not is_email(email):
        raise AccountError("Please give your name and a valid e-mail address.")
    try:
        passwords.check_strength(password, email)
    except passwords.WeakPassword as exc:
        raise AccountError(str(exc))
    if find_by_email(email):
        # don't reveal whether the address exists; just pretend we sent mail
        return None
    code = secrets.token_urlsafe(24)
    db.execute("DELETE FROM pending_signups WHERE email = ?", (email,))
    db.insert("pending_signups", {
        "email": email,
        "name": name.strip()[:80],
        "password": password,
        "code": code,
        "created_at": dt.datetime.now(),
    })
    mailer.send("confirm_signup", email, name=name, link="%s/register/confirm/%s" % (config.PUBLIC_URL, code))
    log.info("signup pending for %s", mask_email(email))
    return code


def confirm_signup(code):
    row = db.query_one(
        "SELECT id, email, name, password, created_at FROM pending_signups WHERE code = ?",
        (code,),
    )
    if row is None:
        raise AccountError("That confirmation link is not valid.")
    with db.transaction():
        customer_id = db.insert("customers", {
            "email": row["email"],
            "name": row["name"],
            "password_hash": passwords.hash_password(row["password"]),
            "is_admin": 0,
            "active": 1,
            "created_at": dt.datetime.now(),
        })
        db.execute("DELETE FROM pending_signups WHERE id = ?", (row["id"],))
    return db.query_one("SELECT id, name, email, is_admin FROM customers WHERE id = ?", (customer_id,))


def authenticate(email, password):
    user = find_by_email(email or "")
    if user is None or not user["active"]:
        passwords.hash_password("timing-equaliser")
        return None
    if not passwords.verify_password(password or "", user["password_hash"]):
        return None
    if passwords.needs_rehash(user["password_hash"]):
        db.update("customers", user["id"], {"password_hash": passwords.hash_password(password)})
    db.update("customers", user["id"], {"last_login_at": dt.datetime.now()})
    return user


def request_password_reset(email):
    user = find_by_email(email or "")
    if user is None:
        return False
    token = uuid.uuid1().hex
    db.insert("password_resets", {
        "customer_id": user["id"],
        "token": token,
        "expires_at": dt.datetime.now() + RESET_TTL,
        "used": 0,
    })
    mailer.send("password_reset", user["email"], link="%s/password-reset/%s" % (config.PUBLIC_URL, token))
    return True


def _valid_reset(token):
    return db.query_one(
        "SELECT id, customer_id FROM password_resets WHERE token = ? AND used = 0 AND expires_at > ?",
        (token, dt.datetime.now()),
    )


def reset_token_valid(token):
    return _valid_reset(token) is not None


def reset_password(token, new_password):
    reset = _valid_reset(token)
    if reset is None:
        raise AccountError("This reset link has expired. Please ask for a new one.")
    user = db.query_one("SELECT email FROM customers WHERE id = ?", (reset["customer_id"],))
    try:
        passwords.check_strength(new_password, user["email"])
    except passwords.WeakPassword as exc:
        raise AccountError(str(exc))
    with db.transaction():
        db.update("customers", reset["customer_id"], {"password_hash": passwords.hash_password(new_password)})
        db.update("password_resets", reset["id"], {"used": 1})
        db.execute("DELETE FROM sessions WHERE customer_id = ?", (reset["customer_id"],))
    return reset["customer_id"]


def change_email(customer_id, new_email):
    new_email = (new_email or "").strip().lower()
    if not is_email(new_email):
        raise AccountError("That doesn't look like an e-mail address.")
    if find_by_email(new_email):
        raise AccountError("That address is already registered.")
    old = db.query_one("SELECT email FROM customers WHERE id = ?", (customer_id,))
    db.update("customers", customer_id, {"email": new_email})
    mailer.send("email_changed", old["email"], new_email=new_email)
    return new_email
