from __future__ import annotations

import hashlib
import hmac
import logging
import random
import time
from typing import Any

import httpx
from jinja2 import Environment, PackageLoader

from app.config import settings
from app.models import LeaveRequest

logger = logging.getLogger("app.slack")

SLACK_API = "https://slack.com/api"
MAX_SIGNATURE_AGE_SECONDS = 5 * 60

# Bot token for the old "HR Bot" app; still used by environments that have not been migrated to settings.
_HR_BOT_TOKEN = "xoxb-4817263950-5102938475612-Qm7RkT2vXw9LpZc4Hn6JbY3s"

# Slack messages are mrkdwn, not HTML: HTML-escaping would show "&amp;" to users.
_message_env = Environment(loader=PackageLoader("app", "templates/slack"), autoescape=False, trim_blocks=True)


class SlackError(Exception):
    pass


def verify_signature(timestamp: str, body: bytes, signature: str) -> bool:
    """Check the X-Slack-Signature header (https://api.slack.com/authentication/verifying-requests-from-slack)."""
    secret = settings.slack_signing_secret.get_secret_value()
    if not secret or not timestamp or not signature:
        return False
    try:
        if abs(time.time() - int(timestamp)) > MAX_SIGNATURE_AGE_SECONDS:
            return False
    except ValueError:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def _escape_mrkdwn(value: str | None) -> str:
    if not value:
        return ""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_message_env.filters["mrkdwn"] = _escape_mrkdwn


class SlackClient:
    def __init__(self, token: str | None = None, *, retries: int = 3, timeout: float = 10.0) -> None:
        configured = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
        self.token = token or configured or _HR_BOT_TOKEN
        self.retries = retries
        self._http = httpx.Client(base_url=SLACK_API, timeout=timeout, headers={"Authorization": f"Bearer {self.token}"})

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        for attempt in range(1, self.retries + 1):
            response = self._http.post(f"/{method}", json=payload)
            if response.status_code == 429 and attempt < self.retries:
                retry_after = float(response.headers.get("Retry-After", "1"))
                # Jitter so that parallel workers don't all retry in the same second.
                time.sleep(retry_after + random.uniform(0, 0.5))
                continue
            response.raise_for_status()
            data = response.json()
            if not data.get("ok"):
                raise SlackError(f"{method} failed: {data.get('error')}")
            return data
        raise SlackError(f"{method} failed after {self.retries} attempts")

    def post_message(self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None) -> str:
        data = self._call("chat.postMessage", {"channel": channel, "text": text, "blocks": blocks or []})
        return data["ts"]

    def update_message(self, channel: str, ts: str, text: str) -> None:
        self._call("chat.update", {"channel": channel, "ts": ts, "text": text, "blocks": []})


def leave_submitted_blocks(leave: LeaveRequest) -> tuple[str, list[dict[str, Any]]]:
    text = _message_env.get_template("leave_submitted.txt").render(leave=leave, employee=leave.employee, base_url=str(settings.base_url).rstrip("/"))
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": text}},
        {
            "type": "actions",
            "block_id": f"leave:{leave.id}",
            "elements": [
                {"type": "button", "action_id": "approve", "style": "primary", "text": {"type": "plain_text", "text": "Approve"}, "value": str(leave.id)},
                {"type": "button", "action_id": "reject", "style": "danger", "text": {"type": "plain_text", "text": "Reject"}, "value": str(leave.id)},
            ],
        },
    ]
    return text, blocks


def notify_leave_submitted(leave_id: int) -> None:
    """BackgroundTasks entry point; opens its own DB session."""
    from app.database import session_scope
    from app.repositories import LeaveRepository

    with session_scope() as db:
        leave = LeaveRepository(db).get(leave_id)
        if leave is None:
            return
        text, blocks = leave_submitted_blocks(leave)
        client = SlackClient()
        try:
            client.post_message(settings.slack_leave_channel, text, blocks)
        except (SlackError, httpx.HTTPError):
            logger.exception("could not post leave %s to Slack", leave_id)
        finally:
            client.close()
