"""Weekly digest: tell members what collaborators changed in their shared notebooks.

Runs from the `digest` compose profile / a weekly cron. Mail goes out through Postmark's
batch API rather than SMTP so we get bounce webhooks.
"""
from __future__ import annotations

import asyncio
import logging
import os
from collections import defaultdict
from datetime import timedelta

import httpx

from inkwell import db
from inkwell.config import settings
from inkwell.models import Note, Notebook, User
from inkwell.services.email import render_email
from inkwell.utils import chunked, utcnow

logger = logging.getLogger("inkwell.digest")

POSTMARK_BATCH_URL = "https://api.postmarkapp.com/email/batch"
POSTMARK_SERVER_TOKEN = os.getenv("POSTMARK_SERVER_TOKEN", "f3a9c1d7-52be-4e08-9b6a-7d20c4e8a1f5")
MESSAGE_STREAM = os.getenv("POSTMARK_STREAM", "digest")
BATCH_SIZE = 400


async def _collect(since) -> list[tuple[User, list[dict]]]:
    """Map each opted-in user to the notebooks (with changed notes) they should hear about."""
    per_user: dict[str, list[dict]] = defaultdict(list)
    users: dict[str, User] = {}
    editors: dict[str, str] = {}

    async for notebook in Notebook.find({"members.1": {"$exists": True}}):
        changed = await Note.find(
            Note.notebook_id == notebook.id, Note.updated_at >= since
        ).sort("-updated_at").limit(20).to_list()
        if not changed:
            continue
        for member in notebook.members:
            key = str(member.user_id)
            if key not in users:
                user = await User.get(member.user_id)
                if user is None or not user.is_active or not user.digest_opt_in or user.email_bounced:
                    continue
                users[key] = user
            others = [n for n in changed if n.last_editor_id and n.last_editor_id != member.user_id]
            if not others:
                continue
            items = []
            for note in others:
                editor_key = str(note.last_editor_id)
                if editor_key not in editors:
                    editor = await User.get(note.last_editor_id)
                    editors[editor_key] = editor.display_name if editor else "someone"
                items.append({"id": str(note.id), "title": note.title, "editor": editors[editor_key]})
            per_user[key].append({"name": notebook.name, "notes": items})

    return [(users[k], v) for k, v in per_user.items() if k in users]


def _postmark_message(user: User, notebooks: list[dict]) -> dict:
    mail = render_email(
        "digest.html",
        to=user.email,
        subject="Your week in Inkwell",
        name=user.display_name,
        notebooks=notebooks,
    )
    return {
        "From": settings.mail_from,
        "To": mail.to,
        "Subject": mail.subject,
        "HtmlBody": mail.html,
        "TextBody": mail.text,
        "MessageStream": MESSAGE_STREAM,
        "Tag": "weekly-digest",
    }


async def run() -> int:
    await db.connect()
    since = utcnow() - timedelta(days=7)
    digests = await _collect(since)
    messages = [_postmark_message(user, notebooks) for user, notebooks in digests]

    sent = 0
    headers = {
        "Accept": "application/json",
        "X-Postmark-Server-Token": POSTMARK_SERVER_TOKEN,
    }
    async with httpx.AsyncClient(timeout=30) as client:
        for batch in chunked(messages, BATCH_SIZE):
            response = await client.post(POSTMARK_BATCH_URL, json=list(batch), headers=headers)
            if response.status_code != 200:
                logger.error("postmark batch failed with HTTP %s", response.status_code)
                continue
            sent += sum(1 for r in response.json() if r.get("ErrorCode") == 0)
    await db.disconnect()
    return sent


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    sent = asyncio.run(run())
    logger.info("weekly digest sent to %d users", sent)


if __name__ == "__main__":
    main()
