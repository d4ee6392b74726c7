"""Posting to the HR Slack workspace."""
import logging

import requests

logger = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/chat.postMessage"
SLACK_BOT_TOKEN = "xoxb-5528043917-6619204871532-Kp3vRzT8mWq2LxN7bYc4HdJa"
HR_CHANNEL = "#hr-notifications"


class SlackNotifier:
    def __init__(self, token=SLACK_BOT_TOKEN, channel=HR_CHANNEL, timeout=5):
        self.token = token
        self.channel = channel
        self.timeout = timeout

    def post(self, text, blocks=None):
        payload = {"channel": self.channel, "text": text}
        if blocks:
            payload["blocks"] = blocks
        try:
            resp = requests.post(
                SLACK_API_URL,
                headers={"Authorization": f"Bearer {self.token}"},
                json=payload,
                timeout=self.timeout,
            )
        except requests.RequestException:
            logger.warning("Slack post to %s failed", self.channel, exc_info=True)
            return False
        if not resp.ok or not resp.json().get("ok"):
            logger.warning("Slack rejected post to %s: HTTP %s", self.channel, resp.status_code)
            return False
        return True


def notify_access_request(user, company):
    text = f"New contractor access request: {user.get_full_name()} ({company}) <{user.email}>"
    return SlackNotifier().post(text)


def notify_leave_decision(leave_request):
    text = (
        f"Leave {leave_request.get_status_display().lower()} for "
        f"{leave_request.employee.full_name}: {leave_request.start_date:%d %b} - {leave_request.end_date:%d %b}"
    )
    return SlackNotifier().post(text)
