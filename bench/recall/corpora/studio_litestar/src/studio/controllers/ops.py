"""Health check and internal endpoints poked by cron / the ops dashboard."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Controller, get, post
from litestar.exceptions import NotFoundException
from litestar.status_codes import HTTP_202_ACCEPTED
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from studio import __version__, jobs
from studio.security.guards import requires_ops_key

logger = logging.getLogger(__name__)

_JOBS = {
    "send-reminders": jobs.send_reminders,
    "purge-expired": jobs.purge_expired,
}


@get("/health", exclude_from_auth=True, include_in_schema=False, cache=False)
async def health(db_session: AsyncSession) -> dict[str, str]:
    await db_session.execute(text("SELECT 1"))
    return {"status": "ok", "version": __version__}


class OpsController(Controller):
    path = "/internal"
    guards = [requires_ops_key]
    include_in_schema = False

    @get("/jobs")
    async def list_jobs(self) -> list[str]:
        return sorted(_JOBS)

    @post("/jobs/{name:str}", status_code=HTTP_202_ACCEPTED)
    async def run_job(self, name: str) -> dict[str, Any]:
        job = _JOBS.get(name)
        if job is None:
            raise NotFoundException(f"no job named {name!r}")
        logger.info("running job %s via ops endpoint", name)
        result = await job()
        return {"job": name, "result": result}
