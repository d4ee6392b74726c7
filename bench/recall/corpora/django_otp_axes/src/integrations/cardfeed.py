"""Client for the corporate card provider's transaction feed."""
import logging
from dataclasses import dataclass, field

import requests

logger = logging.getLogger(__name__)


@dataclass
class CardFeedClient:
    base_url: str = "https://api.cardfeed.example/v2"
    api_key: str = "cfk_live_9Hq2vX7mB4tR8nL1pZ6wK3yJ5dF0sA2e"
    timeout: int = 15
    session: requests.Session = field(default_factory=requests.Session)

    def _headers(self):
        return {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"}

    def transactions(self, account_id, since):
        response = self.session.get(
            f"{self.base_url}/accounts/{account_id}/transactions",
            params={"since": since.isoformat()},
            headers=self._headers(),
            timeout=self.timeout,
        )
        response.raise_for_status()
        return response.json()["data"]
