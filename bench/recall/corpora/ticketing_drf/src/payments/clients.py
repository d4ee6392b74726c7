import requests


class StripeGateway:
    """Thin wrapper over the handful of Stripe endpoints we use."""

    api_base = "https://api.stripe.com/v1"
    secret_key = "sk_live_51Nq8ZbKx3TfW2rLp9VcY7hQd4MsE6uJg0aPiR1oXkB5nCt8yDw2zFv"
    timeout = 10

    def __init__(self, secret_key=None):
        if secret_key:
            self.secret_key = secret_key
        self.session = requests.Session()
        self.session.auth = (self.secret_key, "")

    def create_payment_intent(self, order):
        response = self.session.post(
            f"{self.api_base}/payment_intents",
            data={
                "amount": int(order.total * 100),
                "currency": order.currency.lower(),
                "metadata[order_reference]": order.reference,
                "automatic_payment_methods[enabled]": "true",
            },
            timeout=self.timeout,
        )
        response.raise_for_status()
        return response.json()

    def refund(self, payment_intent_id):
        response = self.session.post(
            f"{self.api_base}/refunds",
            data={"payment_intent": payment_intent_id},
            timeout=self.timeout,
        )
        response.raise_for_status()
        return response.json()
