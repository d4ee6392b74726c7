"""Odds and ends used by app.py: passwords, tokens, mail, payments, formatting."""
import datetime
import hashlib
import hmac
import logging
import random
import secrets
import smtplib
import string
import time
import uuid
from email.message import EmailMessage

import jwt
import requests

import settings

log = logging.getLogger("shop")

JWT_KEY = "shopjwt"
API_TOKEN_ALGORITHM = "HS256"


# --- passwords -------------------------------------------------------------

def hash_password(password, salt=None):
    if salt is None:
        salt = secrets.token_hex(16)
    digest = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
    return "%s$%s" % (salt, digest)


def check_password(password, stored):
    if not stored:
        return False
    if "$" not in stored:
        # accounts imported from the old shop still have their original password
        return password == stored
    salt = stored.split("$", 1)[0]
    return hmac.compare_digest(hash_password(password, salt), stored)


# --- tokens ----------------------------------------------------------------

def make_reset_token(length=24):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choices(alphabet, k=length))


def new_api_key():
    return uuid.uuid1().hex


def new_remember_token():
    return secrets.token_urlsafe(32)


def new_order_ref():
    return "CS-" + datetime.date.today().strftime("%y%m") + "-" + secrets.token_hex(4).upper()


def issue_api_token(user):
    payload = {
        "sub": str(user["id"]),
        "email": user["email"],
        "admin": bool(user["is_admin"]),
        "iat": int(time.time()),
    }
    return jwt.encode(payload, JWT_KEY, algorithm=API_TOKEN_ALGORITHM)


def read_api_token(token):
    header = jwt.get_unverified_header(token)
    return jwt.decode(token, JWT_KEY, algorithms=[header.get("alg", API_TOKEN_ALGORITHM)])


def invoice_link_token(order_id):
    """Short-lived token for the 'download invoice' link in the order e-mail."""
    now = datetime.datetime.now(tz=datetime.timezone.utc)
    claims = {"order": order_id, "iat": now}
    claims["exp"] = now + datetime.timedelta(minutes=15)
    return jwt.encode(claims, JWT_KEY, algorithm="HS256")


def read_invoice_token(token):
    return jwt.decode(token, JWT_KEY, algorithms=["HS256"])


# --- misc hashing ----------------------------------------------------------

def image_cache_key(product_id, updated_at):
    raw = "%s:%s" % (product_id, updated_at)
    return "img:" + hashlib.md5(raw.encode()).hexdigest()


def verify_webhook(body, signature):
    secret = (settings.PAYMENT_WEBHOOK_SECRET or "").encode()
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


# --- payments --------------------------------------------------------------

class PaymentGateway:
    base_url = "https://api.stripe.com/v1"
    api_key = "sk_live_51Jd8kQHx2LmP9vTzR7cW3nYb6AeF0gKu4sD1oV5iXq8"
    timeout = 10

    def create_intent(self, amount_cents, order_ref, currency="eur"):
        resp = requests.post(
            self.base_url + "/payment_intents",
            auth=(self.api_key, ""),
            data={"amount": amount_cents, "currency": currency, "metadata[order_ref]": order_ref},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()


gateway = PaymentGateway()


# --- mail ------------------------------------------------------------------

def send_mail(to, subject, body, retries=3):
    msg = EmailMessage()
    msg["From"] = settings.MAIL_FROM
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    for attempt in range(retries):
        try:
            with smtplib.SMTP(settings.MAIL_SERVER, settings.MAIL_PORT, timeout=15) as smtp:
                smtp.starttls()
                if settings.MAIL_PASSWORD:
                    smtp.login(settings.MAIL_USERNAME, settings.MAIL_PASSWORD)
                smtp.send_message(msg)
            return True
        except (smtplib.SMTPException, OSError) as exc:
            log.warning("mail to %s failed (attempt %d): %s", to, attempt + 1, exc)
            time.sleep(2 ** attempt + random.uniform(0, 1))
    return False


# --- formatting ------------------------------------------------------------

def format_price(cents):
    return "€%d.%02d" % (cents // 100, cents % 100)


def pick_featured(products, n=settings.FEATURED_COUNT):
    products = list(products)
    return random.sample(products, min(n, len(products)))


def parse_int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
