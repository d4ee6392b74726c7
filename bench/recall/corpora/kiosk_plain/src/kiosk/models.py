"""Plain dataclasses for the rows we pass around between services."""
import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import List, Optional


def _ts(value):
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


@dataclass
class Film:
    id: int
    title: str
    rating: str
    runtime_minutes: int
    synopsis: str = ""
    poster_url: Optional[str] = None

    @classmethod
    def from_row(cls, row):
        return cls(
            id=row["id"],
            title=row["title"],
            rating=row["rating"],
            runtime_minutes=row["runtime_minutes"],
            synopsis=row.get("synopsis") or "",
            poster_url=row.get("poster_url"),
        )


@dataclass
class Showing:
    id: int
    film_id: int
    screen: int
    starts_at: dt.datetime
    price_cents: int
    seats_total: int
    seats_sold: int = 0
    film_title: Optional[str] = None

    @property
    def seats_left(self):
        return max(self.seats_total - self.seats_sold, 0)

    @property
    def is_past(self):
        return self.starts_at < dt.datetime.now()

    @classmethod
    def from_row(cls, row):
        return cls(
            id=row["id"],
            film_id=row["film_id"],
            screen=row["screen"],
            starts_at=_ts(row["starts_at"]),
            price_cents=row["price_cents"],
            seats_total=row["seats_total"],
            seats_sold=row.get("seats_sold") or 0,
            film_title=row.get("title"),
        )


@dataclass
class Booking:
    id: int
    reference: str
    showing_id: int
    customer_name: str
    email: str
    seats: List[str] = field(default_factory=list)
    status: str = "held"
    total_cents: int = 0
    customer_id: Optional[int] = None
    payment_ref: Optional[str] = None
    created_at: Optional[dt.datetime] = None

    @classmethod
    def from_row(cls, row, seats=None):
        return cls(
            id=row["id"],
            reference=row["reference"],
            showing_id=row["showing_id"],
            customer_name=row["customer_name"],
            email=row["email"],
            seats=list(seats or []),
            status=row["status"],
            total_cents=row["total_cents"],
            customer_id=row.get("customer_id"),
            payment_ref=row.get("payment_ref"),
            created_at=_ts(row.get("created_at")),
        )

    def public_dict(self):
        data = asdict(self)
        data.pop("customer_id", None)
        data.pop("payment_ref", None)
        if self.created_at:
            data["created_at"] = self.created_at.isoformat()
        return data


@dataclass
class Device:
    id: int
    name: str
    location: str
    paired_at: Optional[dt.datetime] = None
    revoked: bool = False

    @classmethod
    def from_row(cls, row):
        return cls(
            id=row["id"],
            name=row["name"],
            location=row["location"],
            paired_at=_ts(row.get("paired_at")),
            revoked=bool(row.get("revoked")),
        )
