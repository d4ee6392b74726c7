"""Card payments through Stripe (terminal + online)."""
import logging

import stripe

from . import PaymentError

log = logging.getLogger(__name__)


class StripeGateway:
    # restricted key: PaymentIntents + Refunds only
    secret_key = "sk_live_51NfK2aLx9QeR7tWb3Hc4Ym8Pz6Vd1Js0Gu5Ao2Ki7Ex9Lw3Rn4Ty8Uq6Ib1Mc5Od2Pf7SgT3hVkR9wZ"
    api_version = "2024-04-10"

    def __init__(self, secret_key=None, timeout=15):
        self._client = stripe.StripeClient(
            secret_key or self.secret_key,
            stripe_version=self.api_version,
            http_client=stripe.RequestsClient(timeout=timeout),
        )

    def create_intent(self, invoice, customer_email=None):
        outstanding = invoice["total_cents"] - invoice["paid_cents"]
        if outstanding <= 0:
            raise PaymentError("Invoice is already settled", invoice_number=invoice["number"])
        try:
            intent = self._client.payment_intents.create(
                params={
                    "amount": outstanding,
                    "currency": invoice["currency"].lower(),
                    "receipt_email": customer_email,
                    "metadata": {"invoice_number": invoice["number"], "clinic_id": invoice["clinic_id"]},
                    "automatic_payment_methods": {"enabled": True},
                },
                options={"idempotency_key": f"invoice-{invoice['number']}-{outstanding}"},
            )
        except stripe.StripeError as exc:
            raise PaymentError(
                "Payment provider error", invoice_number=invoice["number"], provider_code=exc.code
            ) from exc
        return {"client_secret": intent.client_secret, "intent_id": intent.id, "amount": outstanding}

    def refund(self, payment_intent_id, amount_cents=None, reason="requested_by_customer"):
        params = {"payment_intent": payment_intent_id, "reason": reason}
        if amount_cents:
            params["amount"] = amount_cents
        try:
            refund = self._client.refunds.create(params=params)
        except stripe.StripeError as exc:
            raise PaymentError("Refund failed", provider_code=exc.code) from exc
        log.info("Refund %s created for %s", refund.id, payment_intent_id)
        return refund.id
