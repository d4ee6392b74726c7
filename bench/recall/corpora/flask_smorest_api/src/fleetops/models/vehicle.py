from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class Depot(db.Model):
    __tablename__ = "depots"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")


class Vehicle(db.Model):
    __tablename__ = "vehicles"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_number: Mapped[str] = mapped_column(String(20), unique=True, index=True)
    vin: Mapped[str] = mapped_column(String(17), unique=True)
    make: Mapped[str] = mapped_column(String(60))
    model: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer)
    odometer_km: Mapped[int] = mapped_column(Integer, default=0)
    next_service_due: Mapped[date | None] = mapped_column(Date)
    depot_id: Mapped[int] = mapped_column(ForeignKey("depots.id"))

    depot: Mapped[Depot] = relationship()
    work_orders = relationship("WorkOrder", back_populates="vehicle", lazy="dynamic")
