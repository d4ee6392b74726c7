"""Thin client for the Paddle Billing API."""
import requests
from django.conf import settings

LIVE_API_URL = "https://api.paddle.com"
SANDBOX_API_URL = "https://sandbox-api.paddle.com"


class PaddleError(Exception):
    pass


class PaddleClient:
    def __init__(self, api_key=None, *, sandbox=None, timeout=10):
        self.api_key = api_key or settings.PADDLE_API_KEY
        sandbox = settings.PADDLE_SANDBOX if sandbox is None else sandbox
        self.base_url = SANDBOX_API_URL if sandbox else LIVE_API_URL
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"})

    def _request(self, method, path, **kwargs):
        try:
            response = self.session.request(method, f"{self.base_url}{path}", timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise PaddleError(f"{method} {path} failed: {exc.__class__.__name__}") from exc
        if response.status_code >= 400:
            raise PaddleError(f"{method} {path} returned {response.status_code}")
        return response.json()

    def create_customer(self, *, email, name, tenant_schema):
        payload = {"email": email, "name": name, "custom_data": {"tenant_schema": tenant_schema}}
        return self._request("POST", "/customers", json=payload)["data"]

    def get_subscription(self, subscription_id):
        return self._request("GET", f"/subscriptions/{subscription_id}")["data"]

    def cancel_subscription(self, subscription_id, *, effective_from="next_billing_period"):
        return self._request("POST", f"/subscriptions/{subscription_id}/cancel", json={"effective_from": effective_from})["data"]
