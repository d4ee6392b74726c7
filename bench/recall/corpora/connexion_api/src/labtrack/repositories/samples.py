from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from labtrack.models import Sample, SampleEvent

SORTABLE = {
    "barcode": Sample.barcode,
    "received": Sample.received_at,
    "collected": Sample.collected_at,
    "status": Sample.status,
}


def get(session: Session, sample_id: int) -> Sample | None:
    return session.get(Sample, sample_id)


def get_by_barcode(session: Session, barcode: str) -> Sample | None:
    return session.scalar(select(Sample).where(Sample.barcode == barcode))


def list_samples(
    session: Session,
    *,
    site_code: str | None = None,
    status: str | None = None,
    sort: str = "received",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> Sequence[Sample]:
    stmt = select(Sample)
    if site_code:
        stmt = stmt.where(Sample.site_code == site_code)
    if status:
        stmt = stmt.where(Sample.status == status)
    column = SORTABLE.get(sort, Sample.received_at)
    stmt = stmt.order_by(column.desc().nulls_last() if descending else column.asc())
    return session.scalars(stmt.limit(limit).offset(offset)).all()


def search(session: Session, term: str, site_code: str | None = None, limit: int = 25) -> Sequence[Sample]:
    """Free-text lookup on barcode and patient reference, as typed at the bench."""
    stmt = select(Sample).where(
        text("barcode ILIKE '%" + term + "%' OR patient_ref ILIKE '%" + term + "%'")
    )
    if site_code:
        stmt = stmt.where(Sample.site_code == site_code)
    return session.scalars(stmt.order_by(Sample.id.desc()).limit(limit)).all()


def statuses_for(session: Session, sample_ids: list[int]) -> list[dict]:
    if not sample_ids:
        return []
    placeholders = ", ".join(f":id{i}" for i in range(len(sample_ids)))
    params = {f"id{i}": value for i, value in enumerate(sample_ids)}
    rows = session.execute(
        text(f"SELECT id, barcode, status, updated_at FROM samples WHERE id IN ({placeholders})"), params
    )
    return [dict(row._mapping) for row in rows]


def record_event(session: Session, sample: Sample, event: str, actor: str, detail: str | None = None) -> SampleEvent:
    entry = SampleEvent(sample=sample, event=event, actor=actor, detail=detail, at=datetime.now(timezone.utc))
    session.add(entry)
    return entry


def set_status(session: Session, sample: Sample, status: str, actor: str) -> None:
    previous = sample.status
    sample.status = status
    now = datetime.now(timezone.utc)
    if status == "received" and sample.received_at is None:
        sample.received_at = now
    if status == "reported":
        sample.reported_at = now
    record_event(session, sample, "status", actor, f"{previous} -> {status}")


def events_for(session: Session, sample_id: int) -> Sequence[SampleEvent]:
    stmt = select(SampleEvent).where(SampleEvent.sample_id == sample_id).order_by(SampleEvent.at)
    return session.scalars(stmt).all()
