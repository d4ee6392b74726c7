"""Client for the Paylane payments API."""
from decimal import Decimal

import requests
from django.conf import settings

PAYLANE_API = "https://api.paylane.com/v1"
WEBHOOK_SECRET_HEADER = "X-Paylane-Signature"


class PaylaneError(Exception):
    pass


class PaylaneClient:
    def __init__(self, api_key: str | None = None, timeout: float = 10.0):
        self.api_key = api_key or settings.PAYLANE_API_KEY
        self.timeout = timeout

    def _post(self, path: str, payload: dict) -> dict:
        response = requests.post(
            f"{PAYLANE_API}{path}",
            json=payload,
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=self.timeout,
        )
        if response.status_code >= 400:
            raise PaylaneError(f"Paylane returned {response.status_code} for {path}")
        return response.json()

    def create_checkout(self, lease, amount: Decimal, return_url: str) -> str:
        data = self._post(
            "/checkouts",
            {
                "amount": str(amount),
                "currency": "USD",
                "reference": f"lease-{lease.pk}",
                "return_url": return_url,
            },
        )
        return data["checkout_url"]

    def get_charge(self, charge_id: str) -> dict:
        response = requests.get(
            f"{PAYLANE_API}/charges/{charge_id}",
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=self.timeout,
        )
        response.raise_for_status()
        return response.json()
