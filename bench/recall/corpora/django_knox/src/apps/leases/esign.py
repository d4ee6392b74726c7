"""Thin client for the InkSign e-signature API."""
import requests
from django.conf import settings

INKSIGN_API = "https://api.inksign.io/v2"
SIGNATURE_HEADER = "X-InkSign-Signature"


def _session() -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {settings.INKSIGN_API_KEY}"
    session.headers["Accept"] = "application/json"
    return session


def create_signing_session(document) -> str:
    response = _session().post(
        f"{INKSIGN_API}/envelopes/{document.envelope_id}/sessions",
        json={
            "return_url": f"{settings.PORTAL_BASE_URL}/leases/signed",
            "metadata": {"signing_token": document.signing_token},
        },
        timeout=10,
    )
    response.raise_for_status()
    return response.json()["url"]
