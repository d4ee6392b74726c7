"""Weekly e-mail summary for every project member who hasn't opted out. Run from cron."""
import asyncio
import logging
from datetime import timedelta

from sqlmodel import select

from app.core.config import settings
from app.core.logging import configure_logging
from app.db import timeseries
from app.db.session import async_session_factory
from app.models import Project, ProjectMember, User
from app.services import mailer, rollups
from app.utils.timeutil import utcnow

logger = logging.getLogger("pulse.reports")


async def main() -> None:
    configure_logging(settings.log_level, settings.log_json)
    pool = await timeseries.connect()
    end = utcnow()
    start = end - timedelta(days=7)
    sent = 0
    async with async_session_factory() as session:
        for project in (await session.exec(select(Project))).all():
            top = [dict(r) for r in await rollups.top_events(pool, project.id, start, end)]
            if not top:
                continue
            stmt = (
                select(User)
                .join(ProjectMember, ProjectMember.user_id == User.id)
                .where(ProjectMember.project_id == project.id, User.email_reports.is_(True))
            )
            for user in (await session.exec(stmt)).all():
                try:
                    await mailer.send_weekly_report(user.email, project.name, top)
                    sent += 1
                except Exception:
                    logger.exception("weekly report failed for user %s", user.id)
    await timeseries.close()
    logger.info("weekly reports sent: %d", sent)


if __name__ == "__main__":
    asyncio.run(main())
