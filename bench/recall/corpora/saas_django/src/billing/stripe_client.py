import stripe
from django.conf import settings

stripe.api_key = settings.STRIPE_SECRET_KEY
stripe.max_network_retries = 2


def ensure_customer(tenant, email):
    if tenant.stripe_customer_id:
        return tenant.stripe_customer_id
    customer = stripe.Customer.create(
        email=email,
        name=tenant.name,
        metadata={"tenant_id": tenant.pk, "slug": tenant.slug},
    )
    tenant.stripe_customer_id = customer.id
    tenant.save(update_fields=["stripe_customer_id"])
    return customer.id


def create_checkout_session(tenant, user, plan, success_url, cancel_url):
    price = settings.STRIPE_PRICE_IDS[plan]
    return stripe.checkout.Session.create(
        mode="subscription",
        customer=ensure_customer(tenant, user.email),
        line_items=[{"price": price, "quantity": 1}],
        success_url=success_url,
        cancel_url=cancel_url,
        client_reference_id=str(tenant.pk),
        subscription_data={"metadata": {"tenant_id": tenant.pk}},
    )


def create_portal_session(tenant, return_url):
    return stripe.billing_portal.Session.create(customer=tenant.stripe_customer_id, return_url=return_url)


def retrieve_subscription(subscription_id):
    return stripe.Subscription.retrieve(subscription_id)
