from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import Vehicle


class VehicleRepository:
    def get(self, vehicle_id: int) -> Vehicle | None:
        return db.session.get(Vehicle, vehicle_id)

    def by_vin(self, vin: str) -> Vehicle | None:
        return db.session.execute(select(Vehicle).where(Vehicle.vin == vin)).scalar_one_or_none()

    def list(self, depot_id: int | None = None, unit_number: str | None = None,
             due_before: date | None = None) -> list[Vehicle]:
        stmt = select(Vehicle)
        if depot_id is not None:
            stmt = stmt.where(Vehicle.depot_id == depot_id)
        if unit_number:
            stmt = stmt.where(Vehicle.unit_number.ilike(f"%{unit_number}%"))
        if due_before is not None:
            stmt = stmt.where(Vehicle.next_service_due <= due_before)
        return list(db.session.execute(stmt.order_by(Vehicle.unit_number)).scalars())

    def quick_search(self, term: str, limit: int = 10) -> list[Vehicle]:
        pattern = f"{term}%"
        stmt = (
            select(Vehicle)
            .where((Vehicle.unit_number.ilike(pattern)) | (Vehicle.vin.ilike(pattern)))
            .limit(limit)
        )
        return list(db.session.execute(stmt).scalars())
