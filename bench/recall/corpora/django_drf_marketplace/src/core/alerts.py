"""Fire-and-forget notifications to the #marketplace-ops Slack channel."""
import logging

import requests

logger = logging.getLogger(__name__)

OPS_WEBHOOK_URL = "https://hooks.slack.com/services/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"


def notify_ops(text, *, emoji=":rotating_light:"):
    try:
        requests.post(OPS_WEBHOOK_URL, json={"text": f"{emoji} {text}"}, timeout=3)
    except requests.RequestException:
        logger.warning("Could not deliver ops alert", exc_info=True)
