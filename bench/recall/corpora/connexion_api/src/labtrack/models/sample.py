from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labtrack.models.base import Base, TimestampMixin

SAMPLE_STATUSES = ("registered", "in_transit", "received", "in_analysis", "reported", "disposed", "rejected")


class Sample(TimestampMixin, Base):
    __tablename__ = "samples"

    id: Mapped[int] = mapped_column(primary_key=True)
    barcode: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    patient_ref: Mapped[str] = mapped_column(String(64), index=True)
    site_code: Mapped[str] = mapped_column(String(16), index=True)
    sample_type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="registered", index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    result_comment: Mapped[str | None] = mapped_column(Text)
    collected_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    events: Mapped[list["SampleEvent"]] = relationship(
        back_populates="sample", order_by="SampleEvent.at", cascade="all, delete-orphan"
    )

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "barcode": self.barcode,
            "patient_ref": self.patient_ref,
            "site_code": self.site_code,
            "sample_type": self.sample_type,
            "status": self.status,
            "notes": self.notes,
            "result_comment": self.result_comment,
            "collected_at": self.collected_at.isoformat() if self.collected_at else None,
            "received_at": self.received_at.isoformat() if self.received_at else None,
            "reported_at": self.reported_at.isoformat() if self.reported_at else None,
        }


class SampleEvent(Base):
    __tablename__ = "sample_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(255))
    detail: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    sample: Mapped[Sample] = relationship(back_populates="events")
