import structlog
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from .. import __version__, db

router = APIRouter(tags=["health"])
log = structlog.get_logger(__name__)


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    checks: dict[str, bool] = {}
    try:
        checks["database"] = await run_in_threadpool(db.ping)
    except Exception:
        log.exception("readyz.database_failed")
        checks["database"] = False
    try:
        checks["redis"] = bool(await request.app.state.arq.ping())
    except Exception:
        log.exception("readyz.redis_failed")
        checks["redis"] = False

    ok = all(checks.values())
    return JSONResponse({"status": "ok" if ok else "degraded", "checks": checks}, status_code=200 if ok else 503)
