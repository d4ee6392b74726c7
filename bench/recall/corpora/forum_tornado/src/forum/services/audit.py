"""Moderator audit trail."""
import logging

from forum.models import reports

log = logging.getLogger("forum.audit")


async def record(db, moderator, action, target, **details):
    log.info("moderation: %s %s %s", moderator["username"], action, target)
    await reports.record_audit(db, moderator["id"], action, target, details)
