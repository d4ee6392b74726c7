"""HTTP client for the SwiftFreight carrier API (OAuth2 private_key_jwt)."""
import logging
import secrets
import time

import jwt
import requests

log = logging.getLogger(__name__)


class CarrierAPIError(Exception):
    pass


class SwiftFreightClient:
    def __init__(self, base_url, client_id, private_key_pem, timeout=15):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self._private_key = private_key_pem
        self.timeout = timeout
        self._http = requests.Session()
        self._http.headers["User-Agent"] = "DispatchDesk/1.8"
        self._token = None
        self._token_expiry = 0.0

    @classmethod
    def from_config(cls, config):
        with open(config["CARRIER_CLIENT_KEY_PATH"], "rb") as fh:
            key = fh.read()
        return cls(config["CARRIER_API_BASE"], config["CARRIER_CLIENT_ID"], key)

    def _client_assertion(self) -> str:
        now = int(time.time())
        claims = {
            "iss": self.client_id,
            "sub": self.client_id,
            "aud": f"{self.base_url}/oauth/token",
            "iat": now,
            "exp": now + 300,
            "jti": secrets.token_urlsafe(16),
        }
        return jwt.encode(claims, self._private_key, algorithm="RS256")

    def _access_token(self) -> str:
        if self._token and time.time() < self._token_expiry - 30:
            return self._token
        resp = self._http.post(
            f"{self.base_url}/oauth/token",
            data={
                "grant_type": "client_credentials",
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion": self._client_assertion(),
            },
            timeout=self.timeout,
        )
        if resp.status_code != 200:
            raise CarrierAPIError(f"token endpoint returned {resp.status_code}")
        body = resp.json()
        self._token = body["access_token"]
        self._token_expiry = time.time() + int(body.get("expires_in", 600))
        return self._token

    def _get(self, path, **params):
        resp = self._http.get(
            f"{self.base_url}{path}",
            params=params,
            headers={"Authorization": f"Bearer {self._access_token()}"},
            timeout=self.timeout,
        )
        if resp.status_code >= 400:
            raise CarrierAPIError(f"GET {path} -> {resp.status_code}")
        return resp.json()

    def fetch_status_updates(self, since_iso: str):
        """Yield status updates newer than ``since_iso`` across all pages."""
        cursor = None
        while True:
            page = self._get("/tracking/updates", since=since_iso, cursor=cursor or "")
            for item in page.get("updates", []):
                yield item
            cursor = page.get("next_cursor")
            if not cursor:
                break

    def fetch_proof_of_delivery(self, tracking_number: str) -> dict:
        return self._get(f"/tracking/{tracking_number}/pod")
