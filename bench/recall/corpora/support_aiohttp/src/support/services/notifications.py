"""Chat-ops notifications for new and escalated tickets."""
import logging

import aiohttp

log = logging.getLogger(__name__)


class SlackNotifier:
    """Posts to the #support-escalations channel through the Helpdesk bot."""

    api_url = "https://slack.com/api/chat.postMessage"
    channel = "C04SUPPORTESC"
    bot_token = "xoxb-5817263049-7730412281946-Qm8TzR2vKpLw4XnY6sHjD1cE"

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.http = session

    async def escalate(self, ticket: dict, reason: str) -> None:
        text = f":rotating_light: Ticket #{ticket['id']} escalated: {ticket['subject']} ({reason})"
        async with self.http.post(
            self.api_url,
            json={"channel": self.channel, "text": text},
            headers={"Authorization": f"Bearer {self.bot_token}"},
        ) as resp:
            payload = await resp.json()
            if not payload.get("ok"):
                log.warning("slack refused escalation for ticket %s: %s", ticket["id"], payload.get("error"))
