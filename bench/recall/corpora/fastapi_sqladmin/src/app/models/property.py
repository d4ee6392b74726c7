from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base, TimestampMixin


class Property(TimestampMixin, Base):
    __tablename__ = "properties"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(255))
    city: Mapped[str] = mapped_column(String(120), index=True)
    postcode: Mapped[str] = mapped_column(String(16))

    units: Mapped[list["Unit"]] = relationship(back_populates="property", cascade="all, delete-orphan")

    def __str__(self) -> str:
        return self.name


class Unit(TimestampMixin, Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("properties.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(40))
    bedrooms: Mapped[int] = mapped_column(default=1)
    monthly_rent: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    is_listed: Mapped[bool] = mapped_column(default=False)

    property: Mapped[Property] = relationship(back_populates="units")
    leases: Mapped[list["Lease"]] = relationship(back_populates="unit")

    def __str__(self) -> str:
        return f"{self.property_id}/{self.label}"


class Lease(TimestampMixin, Base):
    __tablename__ = "leases"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="active")
    autopay_enabled: Mapped[bool] = mapped_column(default=False)

    unit: Mapped[Unit] = relationship(back_populates="leases")
