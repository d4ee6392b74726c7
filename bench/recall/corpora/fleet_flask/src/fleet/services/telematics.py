"""Client for the TrackBox telematics provider."""
import hashlib
import hmac
import logging

import jwt
import requests
from flask import current_app

log = logging.getLogger(__name__)


class TelematicsError(Exception):
    pass


def verify_webhook_signature(raw_body, signature_header):
    secret = current_app.config["TELEMATICS_WEBHOOK_SECRET"]
    if not secret or not signature_header:
        return False
    expected = hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
    provided = signature_header.split("=", 1)[-1]
    return hmac.compare_digest(expected, provided)


def vehicle_from_unit_token(unit_token):
    """The in-cab units send a JWT issued by TrackBox identifying the vehicle.

    We only need the unit id from it to look the vehicle up.
    """
    claims = jwt.decode(unit_token, options={"verify_signature": False})
    return claims.get("unit_id"), claims.get("odometer_km")


class TrackBoxClient:
    def __init__(self, base_url=None, api_token=None, timeout=10):
        self.base_url = (base_url or current_app.config["TELEMATICS_BASE_URL"]).rstrip("/")
        self.api_token = api_token or current_app.config.get("TELEMATICS_API_TOKEN")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.api_token}"

    def _get(self, path, **params):
        resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        if resp.status_code >= 400:
            raise TelematicsError(f"TrackBox {path} returned {resp.status_code}")
        return resp.json()

    def last_position(self, unit_id):
        return self._get(f"/units/{unit_id}/position")

    def odometer(self, unit_id):
        data = self._get(f"/units/{unit_id}/odometer")
        return int(data.get("km", 0))

    def trips(self, unit_id, since):
        return self._get(f"/units/{unit_id}/trips", since=since.isoformat())
