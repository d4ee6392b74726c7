"""Hourly housekeeping: expired share links, refresh tokens, reset codes, invites, analytics.

    */60 * * * *  python scripts/cleanup.py
"""
from __future__ import annotations

import asyncio
import logging

from inkwell import db
from inkwell.models import Notebook, PasswordReset, RefreshToken, ShareLink
from inkwell.services import analytics_store
from inkwell.utils import utcnow

logger = logging.getLogger("inkwell.cleanup")


async def run() -> dict[str, int]:
    await db.connect()
    now = utcnow()
    stats: dict[str, int] = {}

    result = await ShareLink.find(ShareLink.expires_at < now).delete()
    stats["share_links"] = result.deleted_count if result else 0

    result = await RefreshToken.find(RefreshToken.expires_at < now).delete()
    stats["refresh_tokens"] = result.deleted_count if result else 0

    result = await PasswordReset.find(PasswordReset.expires_at < now).delete()
    stats["password_resets"] = result.deleted_count if result else 0

    collection = Notebook.get_motor_collection()
    update = await collection.update_many(
        {"invites.expires_at": {"$lt": now}},
        {"$pull": {"invites": {"expires_at": {"$lt": now}}}},
    )
    stats["notebooks_with_expired_invites"] = update.modified_count

    stats["analytics_events"] = analytics_store.prune_expired()
    await db.disconnect()
    return stats


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stats = asyncio.run(run())
    logger.info("cleanup done: %s", ", ".join(f"{k}={v}" for k, v in stats.items()))


if __name__ == "__main__":
    main()
