"""Health and metrics endpoints for the platform."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import Response
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from devportal.config import get_settings
from devportal.deps import SessionDep
from devportal.limiter import limiter

router = APIRouter(include_in_schema=False)
_basic = HTTPBasic()


@router.get("/healthz")
async def healthz(session: SessionDep) -> dict[str, str]:
    await session.execute(text("SELECT 1"))
    return {"status": "ok"}


@router.get("/metrics")
@limiter.limit("60/minute")
async def metrics(request: Request, credentials: Annotated[HTTPBasicCredentials, Depends(_basic)]) -> Response:
    settings = get_settings()
    expected_password = settings.metrics_password.get_secret_value()
    if credentials.username != settings.metrics_username or credentials.password != expected_password:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, headers={"WWW-Authenticate": "Basic"})
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
