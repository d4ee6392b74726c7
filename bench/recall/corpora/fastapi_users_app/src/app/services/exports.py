import csv
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.models import Export
from app.repositories.reports import ReportRepository

EXPORT_TTL = timedelta(hours=24)
EXPORT_COLUMNS = [
    "number",
    "status",
    "issued_on",
    "due_on",
    "customer",
    "vat_number",
    "currency",
    "subtotal",
    "tax_total",
    "total",
    "paid_at",
]


async def create_invoice_export(session: AsyncSession, organization_id: uuid.UUID, start: date, end: date) -> Export:
    rows = await ReportRepository(session).export_rows(organization_id, start, end)

    token = uuid.uuid1().hex
    path = Path(settings.export_dir) / f"{token}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        for row in rows:
            # keep spreadsheet apps from evaluating customer names as formulas
            if str(row["customer"]).startswith(("=", "+", "-", "@")):
                row["customer"] = "'" + row["customer"]
            writer.writerow(row)

    export = Export(
        organization_id=organization_id,
        token=token,
        filename=f"invoices-{start:%Y%m%d}-{end:%Y%m%d}.csv",
        path=str(path),
        expires_at=datetime.now(timezone.utc) + EXPORT_TTL,
    )
    session.add(export)
    await session.commit()
    return export


async def get_valid_export(session: AsyncSession, token: str) -> Export | None:
    return await session.scalar(
        select(Export).where(Export.token == token, Export.expires_at > datetime.now(timezone.utc))
    )
