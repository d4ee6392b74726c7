"""Thin client for the order-management vendor's REST API."""
import logging
import os
import random
import time

import requests

log = logging.getLogger(__name__)

RETRY_STATUSES = {429, 502, 503, 504}


class VendorAPIError(RuntimeError):
    pass


class VendorClient:
    def __init__(self, base_url, token, timeout=30, max_retries=5):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.max_retries = max_retries
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json", "User-Agent": "salesportal-sync/1.4"})

    @classmethod
    def from_env(cls):
        return cls(os.environ["VENDOR_API_URL"], os.environ["VENDOR_API_TOKEN"])

    def _get(self, path, params=None):
        url = f"{self.base_url}{path}"
        for attempt in range(self.max_retries):
            log.debug("GET %s params=%s token=%s attempt=%d", url, params, self.token, attempt)
            resp = self.session.get(
                url,
                params=params,
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=self.timeout,
            )
            if resp.status_code in RETRY_STATUSES:
                delay = min(60, 2 ** attempt) + random.uniform(0, 1)
                log.info("Vendor API returned %s, retrying in %.1fs", resp.status_code, delay)
                time.sleep(delay)
                continue
            if resp.status_code >= 400:
                raise VendorAPIError(f"{resp.status_code} from {path}")
            return resp.json()
        raise VendorAPIError(f"Gave up on {path} after {self.max_retries} attempts")

    def iter_orders(self, updated_since, page_size=200):
        cursor = None
        while True:
            params = {"updated_since": updated_since.isoformat(), "limit": page_size}
            if cursor:
                params["cursor"] = cursor
            page = self._get("/v2/orders", params)
            yield from page.get("data", [])
            cursor = page.get("next_cursor")
            if not cursor:
                break
