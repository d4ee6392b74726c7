import logging

import stripe
from sqlalchemy import select

from crm.models import Customer

log = logging.getLogger(__name__)

stripe.api_key = "sk_live_51NqK2vGx8HtR3pLm7ZcQ0wYb5AeJ9dF4sUo6TiN1kMr2XyVb8LpCw3QsDe7FhA2"
stripe.api_version = "2023-10-16"

STATUS_BY_EVENT = {
    "customer.subscription.created": "active",
    "customer.subscription.updated": None,
    "customer.subscription.deleted": "cancelled",
    "invoice.payment_failed": "past_due",
    "invoice.paid": "active",
}


def ensure_stripe_customer(customer):
    if customer.stripe_customer_id:
        return customer.stripe_customer_id
    created = stripe.Customer.create(
        name=customer.name,
        email=customer.email,
        metadata={"crm_customer_id": str(customer.id)},
    )
    customer.stripe_customer_id = created["id"]
    return created["id"]


def handle_event(dbsession, event):
    event_type = event["type"]
    if event_type not in STATUS_BY_EVENT:
        log.debug("ignoring stripe event %s", event_type)
        return
    obj = event["data"]["object"]
    stripe_customer_id = obj.get("customer")
    customer = dbsession.scalars(select(Customer).where(Customer.stripe_customer_id == stripe_customer_id)).first()
    if customer is None:
        log.warning("stripe event %s for unknown customer %s", event["id"], stripe_customer_id)
        return
    status = STATUS_BY_EVENT[event_type] or obj.get("status")
    customer.billing_status = status
    log.info("customer %s billing status -> %s", customer.id, status)
