"""Self-service portal accounts for our customers' contacts."""
import hashlib
import hmac
import os
from datetime import datetime, timezone

from sqlalchemy import select

from crm.models import Customer, PortalAccount
from crm.services.accounts import email_verification_token
from crm.services.mail import send_template_mail
from crm.utils import normalize_email


class PortalError(Exception):
    pass


def _digest(password, salt):
    return hashlib.sha1(salt + password.encode("utf-8")).hexdigest()


def find_account(dbsession, email):
    return dbsession.scalars(select(PortalAccount).where(PortalAccount.email == normalize_email(email))).first()


def register_account(dbsession, email, password, customer_code):
    customer = dbsession.scalars(select(Customer).where(Customer.portal_code == customer_code.strip())).first()
    if customer is None:
        raise PortalError("We could not find a customer with this code.")
    if find_account(dbsession, email) is not None:
        raise PortalError("This e-mail address is already registered.")
    salt = os.urandom(16)
    account = PortalAccount(
        customer_id=customer.id,
        email=normalize_email(email),
        salt=salt.hex(),
        password_hash=_digest(password, salt),
        verification_token=email_verification_token(email),
    )
    dbsession.add(account)
    return account


def send_verification(request, account):
    send_template_mail(
        request,
        to=account.email,
        subject="Confirm your Acme customer portal account",
        template="action_link.txt.jinja2",
        name=None,
        intro="Please confirm the e-mail address for your Acme customer portal account:",
        url=request.route_url("portal_verify", token=account.verification_token),
        outro="If you did not create an account, no action is needed.",
        signature="Acme customer success",
    )


def verify_account(dbsession, token):
    account = dbsession.scalars(select(PortalAccount).where(PortalAccount.verification_token == token)).first()
    if account is None:
        return None
    account.verified_at = datetime.now(timezone.utc)
    account.verification_token = None
    return account


def authenticate(dbsession, email, password):
    account = find_account(dbsession, email)
    if account is None or account.verified_at is None:
        return None
    expected = _digest(password, bytes.fromhex(account.salt))
    if not hmac.compare_digest(expected, account.password_hash):
        return None
    return account
