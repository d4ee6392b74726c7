from __future__ import annotations

from datetime import date, datetime, timedelta

import strawberry
from strawberry.types import Info

from ..models import Organization as OrganizationModel
from ..models import utcnow
from ..repositories import reports
from ..repositories import shifts as shifts_repo
from ..services import accounts
from .context import Context, IsAuthenticated, IsCoordinator, UserFacingError
from .types import CoverageGap, HoursRow, HoursSort, Organization, Shift, Volunteer

MAX_PAGE = 200


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[IsAuthenticated])
    def me(self, info: Info[Context, None]) -> Volunteer:
        return Volunteer.from_model(info.context.require_user())

    @strawberry.field(permission_classes=[IsAuthenticated])
    def organization(self, info: Info[Context, None]) -> Organization:
        org = info.context.db.get(OrganizationModel, info.context.org_id)
        if org is None:
            raise UserFacingError("Organisation not found")
        return Organization.from_model(org)

    @strawberry.field(permission_classes=[IsAuthenticated])
    def shifts(
        self,
        info: Info[Context, None],
        starts_after: datetime | None = None,
        starts_before: datetime | None = None,
        status: str | None = None,
    ) -> list[Shift]:
        if starts_after is None:
            starts_after = utcnow() - timedelta(days=1)
        rows = shifts_repo.list_shifts(
            info.context.db, info.context.org_id, starts_after, starts_before, status, limit=MAX_PAGE
        )
        return [Shift.from_model(s) for s in rows]

    @strawberry.field(permission_classes=[IsAuthenticated])
    def shift(self, info: Info[Context, None], id: strawberry.ID) -> Shift | None:
        shift = shifts_repo.get_for_org(info.context.db, info.context.org_id, int(id))
        return Shift.from_model(shift) if shift else None

    @strawberry.field(permission_classes=[IsCoordinator])
    def volunteers(
        self,
        info: Info[Context, None],
        search: str | None = None,
        limit: int = 50,
    ) -> list[Volunteer]:
        rows = accounts.search_volunteers(info.context.db, info.context.org_id, search, limit=min(limit, MAX_PAGE))
        return [Volunteer.from_row(r) for r in rows]

    @strawberry.field(permission_classes=[IsCoordinator])
    def coverage_gaps(
        self,
        info: Info[Context, None],
        days: int = 14,
        location: str | None = None,
    ) -> list[CoverageGap]:
        now = utcnow()
        rows = shifts_repo.coverage_gaps(
            info.context.db, info.context.org_id, now, now + timedelta(days=min(days, 60)), location
        )
        return [
            CoverageGap(
                shift_id=strawberry.ID(str(r["id"])),
                title=r["title"],
                location=r["location"],
                starts_at=r["starts_at"],
                capacity=r["capacity"],
                filled=r["filled"],
            )
            for r in rows
        ]

    @strawberry.field(permission_classes=[IsCoordinator])
    async def volunteer_hours(
        self,
        info: Info[Context, None],
        start: date,
        end: date,
        sort: HoursSort = HoursSort.HOURS,
        descending: bool = True,
    ) -> list[HoursRow]:
        if end <= start or (end - start).days > 366:
            raise UserFacingError("Choose a range of at most one year.")
        rows = await reports.volunteer_hours(
            info.context.reports_pool, info.context.org_id, start, end, sort=sort.value, descending=descending
        )
        return [
            HoursRow(
                volunteer_id=strawberry.ID(str(r["volunteer_id"])),
                display_name=r["display_name"],
                shift_count=r["shift_count"],
                total_hours=float(r["total_hours"]),
                last_shift_at=r["last_shift_at"],
            )
            for r in rows
        ]
