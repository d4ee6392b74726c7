from fastapi import APIRouter, Depends, Header, HTTPException, status

from app.core.config import settings
from app.repositories.reports import COUNTABLE_TABLES, ReportRepository


async def require_internal_key(x_internal_key: str = Header(...)) -> None:
    if x_internal_key != settings.internal_api_key.get_secret_value():
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid internal key")


router = APIRouter(prefix="/internal", dependencies=[Depends(require_internal_key)], include_in_schema=False)


@router.get("/metrics")
async def metrics():
    repo = ReportRepository()
    return {table: await repo.table_count(table) for table in sorted(COUNTABLE_TABLES)}


@router.get("/health")
async def health():
    return {"status": "ok"}
