"""Operational alerts posted to the on-call Slack channel."""
import json
import logging
import urllib.request

logger = logging.getLogger(__name__)

SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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"


def notify_ops(text: str, *, severity: str = "warning") -> None:
    icon = {"warning": ":warning:", "error": ":rotating_light:"}.get(severity, ":information_source:")
    payload = json.dumps({"text": f"{icon} {text}"}).encode("utf-8")
    req = urllib.request.Request(
        SLACK_WEBHOOK_URL,
        data=payload,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=3) as resp:
            resp.read()
    except OSError:
        logger.warning("could not deliver ops alert", exc_info=True)
