"""Forgotten password flow."""
import datetime as dt
import logging

from ..helpers import random_code
from ..models import Customer, PasswordReset, utcnow
from ..security import hash_password
from . import mailer

log = logging.getLogger(__name__)

RESET_TTL = dt.timedelta(hours=2)
TOKEN_LENGTH = 32


def request_reset(email, base_url):
    """Send a reset link if the address belongs to an account.

    Always behaves the same for unknown addresses so the form can't be used
    to find out who has an account.
    """
    customer = Customer.get_or_none(Customer.email == email.strip().lower())
    if customer is None or not customer.is_active:
        log.info("Password reset requested for unknown address")
        return None

    token = random_code(TOKEN_LENGTH)
    PasswordReset.create(customer=customer, token=token, expires_at=utcnow() + RESET_TTL)

    reset_url = f"{base_url.rstrip('/')}/password/reset/{token}"
    mailer.send_template(
        customer.email,
        "Reset your Inkhouse password",
        "emails/password_reset.html",
        customer=customer,
        reset_url=reset_url,
        valid_hours=int(RESET_TTL.total_seconds() // 3600),
    )
    log.info("Password reset e-mail sent to customer %s: %s", customer.id, reset_url)
    return customer


def find_reset(token):
    reset = PasswordReset.get_or_none(PasswordReset.token == token)
    if reset is None or not reset.is_valid:
        return None
    return reset


def complete_reset(reset, new_password):
    customer = reset.customer
    customer.password_hash = hash_password(new_password)
    customer.save()
    reset.used_at = utcnow()
    reset.save()
    (PasswordReset
     .update(used_at=utcnow())
     .where((PasswordReset.customer == customer) & (PasswordReset.used_at.is_null()))
     .execute())
    return customer
