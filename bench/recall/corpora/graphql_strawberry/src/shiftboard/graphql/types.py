from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from .. import models


@strawberry.type
class Organization:
    id: strawberry.ID
    name: str
    slug: str
    timezone: str
    announcement: str | None

    @classmethod
    def from_model(cls, org: models.Organization) -> "Organization":
        return cls(
            id=strawberry.ID(str(org.id)),
            name=org.name,
            slug=org.slug,
            timezone=org.timezone,
            announcement=org.announcement,
        )


@strawberry.type
class Volunteer:
    id: strawberry.ID
    display_name: str
    email: str
    role: str
    skills: list[str]
    bio: str | None

    @classmethod
    def from_model(cls, user: models.User) -> "Volunteer":
        return cls(
            id=strawberry.ID(str(user.id)),
            display_name=user.display_name,
            email=user.email,
            role=user.role,
            skills=user.skill_list,
            bio=user.bio,
        )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Volunteer":
        skills = [s for s in (row.get("skills") or "").split(",") if s]
        return cls(
            id=strawberry.ID(str(row["id"])),
            display_name=row["display_name"],
            email=row["email"],
            role=row["role"],
            skills=skills,
            bio=row.get("bio"),
        )


@strawberry.type
class Shift:
    id: strawberry.ID
    title: str
    location: str | None
    starts_at: datetime
    ends_at: datetime
    capacity: int
    status: str
    notes: str | None
    has_attachment: bool

    @classmethod
    def from_model(cls, shift: models.Shift) -> "Shift":
        return cls(
            id=strawberry.ID(str(shift.id)),
            title=shift.title,
            location=shift.location,
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            capacity=shift.capacity,
            status=shift.status,
            notes=shift.notes,
            has_attachment=bool(shift.attachment_path),
        )


@strawberry.type
class Signup:
    id: strawberry.ID
    shift_id: strawberry.ID
    status: str
    created_at: datetime

    @classmethod
    def from_model(cls, signup: models.ShiftSignup) -> "Signup":
        return cls(
            id=strawberry.ID(str(signup.id)),
            shift_id=strawberry.ID(str(signup.shift_id)),
            status=signup.status,
            created_at=signup.created_at,
        )


@strawberry.type
class CoverageGap:
    shift_id: strawberry.ID
    title: str
    location: str | None
    starts_at: datetime
    capacity: int
    filled: int


@strawberry.type
class HoursRow:
    volunteer_id: strawberry.ID
    display_name: str
    shift_count: int
    total_hours: float
    last_shift_at: datetime | None


@strawberry.type
class InviteResult:
    email: str
    invite_link: str | None = None
    skipped_reason: str | None = None


@strawberry.enum
class HoursSort(Enum):
    NAME = "name"
    HOURS = "hours"
    SHIFTS = "shifts"
    LAST = "last"


@strawberry.input
class ShiftInput:
    title: str
    starts_at: datetime
    ends_at: datetime
    capacity: int = 1
    location: str | None = None
    notes: str | None = None


@strawberry.input
class ShiftPatch:
    title: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    capacity: int | None = None
    location: str | None = None
    notes: str | None = None


@strawberry.input
class ProfileInput:
    display_name: str | None = None
    bio: str | None = None
    skills: list[str] | None = None
    phone: str | None = None
