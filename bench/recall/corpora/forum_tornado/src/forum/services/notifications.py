"""Mention / reply notifications."""
import logging

from forum.models import api_tokens, users
from forum.services import render

log = logging.getLogger("forum.notify")


async def notify_post(db, thread, post_id, author, body):
    targets = set()
    for name in render.mentions(body):
        if name.lower() == author["username"].lower():
            continue
        user = await users.get_by_username(db, name)
        if user:
            targets.add((user["id"], "mention"))
    if thread["author_id"] != author["id"]:
        targets.add((thread["author_id"], "reply"))
    for user_id, kind in targets:
        await api_tokens.add_notification(db, user_id, kind, thread["id"], post_id, author["username"])
    if targets:
        log.debug("post %s notified %d users", post_id, len(targets))
    return len(targets)
