"""Stripe Checkout for paying library fines online."""
import stripe
from django.conf import settings
from django.urls import reverse


def _client():
    stripe.api_key = settings.STRIPE_SECRET_KEY
    return stripe


def create_fines_checkout(request, patron, fines):
    total = sum(f.amount_pence for f in fines)
    if total <= 0:
        return None
    session = _client().checkout.Session.create(
        mode="payment",
        customer_email=patron.email or None,
        line_items=[
            {
                "price_data": {
                    "currency": "gbp",
                    "product_data": {"name": f"Library fines ({len(fines)} item(s))"},
                    "unit_amount": total,
                },
                "quantity": 1,
            }
        ],
        metadata={
            "patron_id": str(patron.pk),
            "fine_ids": ",".join(str(f.pk) for f in fines),
        },
        success_url=request.build_absolute_uri(reverse("circulation:fines") + "?paid=1"),
        cancel_url=request.build_absolute_uri(reverse("circulation:fines")),
    )
    return session.url
