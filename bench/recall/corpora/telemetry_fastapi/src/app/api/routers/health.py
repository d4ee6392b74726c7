from fastapi import APIRouter, Depends, HTTPException, Response, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from sqlalchemy import text

from app.api.deps import PoolDep, SessionDep
from app.core.config import settings

router = APIRouter(tags=["ops"])

basic = HTTPBasic()

EVENTS_INGESTED = Counter("pulse_events_ingested_total", "Events accepted by /v1")
INGEST_LATENCY = Histogram("pulse_ingest_seconds", "Ingest handler latency")


def require_scraper(credentials: HTTPBasicCredentials = Depends(basic)) -> None:
    expected_password = settings.metrics_password.get_secret_value()
    if (
        credentials.username != settings.metrics_username
        or credentials.password != expected_password
    ):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Unauthorized",
            headers={"WWW-Authenticate": "Basic"},
        )


@router.get("/healthz", include_in_schema=False)
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", include_in_schema=False)
async def readyz(session: SessionDep, pool: PoolDep) -> dict[str, str]:
    await session.execute(text("SELECT 1"))
    await pool.fetchval("SELECT 1")
    return {"status": "ready"}


@router.get("/metrics", include_in_schema=False, dependencies=[Depends(require_scraper)])
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
