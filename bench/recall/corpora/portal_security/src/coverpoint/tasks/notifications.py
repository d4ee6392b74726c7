"""Outbound e-mail and SMS.

Templates live in ``templates/email`` (HTML) and ``templates/sms`` (plain
text). They are rendered with standalone Jinja environments because most of
these run in the worker, outside any request.
"""
from __future__ import annotations

import logging

import requests
from celery import shared_task
from flask import current_app, url_for
from flask_mail import Message
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..extensions import db, mail
from ..models import CallbackRequest, Claim, DocumentShare, Partner, Policy

log = logging.getLogger(__name__)

email_env = Environment(loader=PackageLoader("coverpoint", "templates/email"), undefined=StrictUndefined)
sms_env = Environment(loader=PackageLoader("coverpoint", "templates/sms"), autoescape=False, trim_blocks=True)

CLAIM_SUBJECTS = {
    "submitted": "We've received your claim {ref}",
    "message": "New message about your claim {ref}",
    "status": "Update on your claim {ref}",
    "withdrawn": "Your claim {ref} has been withdrawn",
}


def _send_email(to: list[str], subject: str, template: str, **context) -> None:
    context.setdefault("broker_name", current_app.config["BROKER_NAME"])
    context.setdefault("support_phone", current_app.config["SUPPORT_PHONE"])
    html = email_env.get_template(template).render(**context)
    mail.send(Message(subject=subject, recipients=to, html=html))


def _send_sms(to: str, template: str, **context) -> None:
    cfg = current_app.config
    if not cfg.get("SMS_GATEWAY_URL"):
        log.info("SMS gateway not configured; skipping %s", template)
        return
    body = sms_env.get_template(template).render(**context)
    resp = requests.post(
        cfg["SMS_GATEWAY_URL"],
        json={"to": to, "from": cfg["SMS_SENDER_ID"], "body": body[:459]},
        headers={"Authorization": f"Bearer {cfg['SMS_GATEWAY_TOKEN']}"},
        timeout=10,
    )
    resp.raise_for_status()


@shared_task(bind=True, max_retries=5)
def notify_claim_update(self, claim_id: int, event: str) -> None:
    claim = db.session.get(Claim, claim_id)
    if claim is None:
        return
    customer = claim.policy.customer
    subject = CLAIM_SUBJECTS.get(event, "Update on your claim {ref}").format(ref=claim.reference)
    try:
        with current_app.test_request_context():
            link = url_for("claims.detail", reference=claim.reference, _external=True)
        _send_email(
            [customer.email],
            subject,
            "claim_update.html",
            customer=customer,
            claim=claim,
            event=event,
            latest_message=claim.messages[-1].body if claim.messages else None,
            link=link,
        )
    except Exception as exc:  # SMTP hiccups are common; back off and retry
        raise self.retry(exc=exc, countdown=60 * 2 ** self.request.retries)


@shared_task(bind=True, max_retries=3)
def send_callback_confirmation(self, callback_id: int) -> None:
    callback = db.session.get(CallbackRequest, callback_id)
    if callback is None:
        return
    customer = callback.customer
    try:
        _send_sms(callback.phone, "callback_confirmation.txt", customer=customer, callback=callback)
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=30)
    _send_email(
        [current_app.config["BROKER_TEAM_EMAIL"]],
        f"Callback requested by {customer.reference}",
        "claim_update.html",
        customer=customer,
        claim=None,
        event="callback",
        latest_message=callback.reason,
        link=None,
    )


@shared_task
def send_share_email(share_id: int) -> None:
    share = db.session.get(DocumentShare, share_id)
    if share is None:
        return
    with current_app.test_request_context():
        link = url_for("documents.shared_access", token=share.token, _external=True)
    customer = share.document.customer
    _send_email(
        [share.recipient_email],
        f"{customer.full_name} has shared a document with you",
        "claim_update.html",
        customer=customer,
        claim=None,
        event="share",
        latest_message=f"{share.document.original_name} is available until {share.expires_at:%d %B %Y}.",
        link=link,
    )


@shared_task
def notify_policy_change(policy_id: int, event_type: str) -> None:
    policy = db.session.get(Policy, policy_id)
    if policy is None or event_type != "policy.renewal_offered":
        return
    customer = policy.customer
    if customer.contact_preference.value == "sms" and customer.phone:
        _send_sms(customer.phone, "renewal_offered.txt", customer=customer, policy=policy)


@shared_task
def notify_quote_request(partner_id: int, product: str, applicant: dict, sum_insured: str) -> None:
    partner = db.session.get(Partner, partner_id)
    _send_email(
        [current_app.config["BROKER_TEAM_EMAIL"]],
        f"New {product} quote request via {partner.name if partner else 'partner API'}",
        "claim_update.html",
        customer=None,
        claim=None,
        event="quote",
        latest_message=(
            f"{applicant.get('first_name')} {applicant.get('last_name')} ({applicant.get('email')}, "
            f"{applicant.get('postcode')}) – sum insured £{sum_insured}"
        ),
        link=None,
    )
