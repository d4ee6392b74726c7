"""Booking endpoints for staff, plus the subscribable calendar feed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.di import Provide
from litestar.dto import DTOData
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.params import Parameter
from litestar.security.jwt import Token
from sqlalchemy.ext.asyncio import AsyncSession

from studio.db.models import Booking, User
from studio.db.repositories import StudioRepository
from studio.dependencies import provide_booking_service
from studio.schemas import BookingReadDTO, BookingWriteDTO
from studio.security.guards import requires_owner, requires_staff
from studio.security.tokens import TokenError, decode_calendar_feed_token
from studio.services.bookings import BookingService


def _day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min, tzinfo=UTC), datetime.combine(end, time.max, tzinfo=UTC)


class BookingController(Controller):
    path = "/bookings"
    tags = ["bookings"]
    guards = [requires_staff]
    dependencies = {"booking_service": Provide(provide_booking_service)}
    return_dto = BookingReadDTO

    @get("/")
    async def list_bookings(
        self,
        request: Request[User, Token, Any],
        booking_service: BookingService,
        start: date,
        end: date,
        sort: Annotated[str, Parameter(description="column to sort by")] = "starts_at",
        direction: Literal["asc", "desc"] = "asc",
    ) -> Sequence[Booking]:
        range_start, range_end = _day_bounds(start, end)
        return await booking_service.calendar(
            request.user.studio_id, range_start, range_end, sort=sort, direction=direction
        )

    @get("/{booking_id:uuid}")
    async def get_booking(
        self, request: Request[User, Token, Any], booking_service: BookingService, booking_id: UUID
    ) -> Booking:
        return await booking_service.get_one(id=booking_id, studio_id=request.user.studio_id)

    @post("/", dto=BookingWriteDTO)
    async def create_booking(
        self, request: Request[User, Token, Any], booking_service: BookingService, data: DTOData[Booking]
    ) -> Booking:
        booking = data.create_instance(studio_id=request.user.studio_id)
        if booking.ends_at <= booking.starts_at:
            raise PermissionDeniedException("A booking must end after it starts")
        await booking_service.ensure_no_conflict(booking)
        return await booking_service.create(booking, auto_commit=True)

    @put("/{booking_id:uuid}", dto=BookingWriteDTO)
    async def update_booking(
        self,
        request: Request[User, Token, Any],
        booking_service: BookingService,
        booking_id: UUID,
        data: DTOData[Booking],
    ) -> Booking:
        booking = await booking_service.get_one(id=booking_id, studio_id=request.user.studio_id)
        booking = data.update_instance(booking)
        await booking_service.ensure_no_conflict(booking)
        return await booking_service.update(booking, auto_commit=True)

    @post("/{booking_id:uuid}/confirm")
    async def confirm_booking(
        self, request: Request[User, Token, Any], booking_service: BookingService, booking_id: UUID
    ) -> Booking:
        await booking_service.get_one(id=booking_id, studio_id=request.user.studio_id)
        return await booking_service.confirm(booking_id)

    @post("/{booking_id:uuid}/cancel")
    async def cancel_booking(
        self, request: Request[User, Token, Any], booking_service: BookingService, booking_id: UUID
    ) -> Booking:
        await booking_service.get_one(id=booking_id, studio_id=request.user.studio_id)
        return await booking_service.cancel(booking_id)

    @delete("/{booking_id:uuid}", guards=[requires_owner], return_dto=None)
    async def delete_booking(
        self, request: Request[User, Token, Any], booking_service: BookingService, booking_id: UUID
    ) -> None:
        await booking_service.get_one(id=booking_id, studio_id=request.user.studio_id)
        await booking_service.delete(booking_id, auto_commit=True)


@get(
    "/feeds/bookings.ics",
    exclude_from_auth=True,
    media_type="text/calendar",
    dependencies={"booking_service": Provide(provide_booking_service)},
    tags=["bookings"],
)
async def bookings_feed(token: str, booking_service: BookingService, db_session: AsyncSession) -> Response[bytes]:
    try:
        _user_id, studio_id = decode_calendar_feed_token(token)
    except TokenError as exc:
        raise NotAuthorizedException("Invalid calendar link") from exc
    studio = await StudioRepository(session=db_session).get(studio_id)
    today = datetime.now(tz=UTC).date()
    start, end = _day_bounds(today.replace(day=1), today.replace(year=today.year + 1))
    bookings = await booking_service.calendar(studio_id, start, end)
    return Response(
        BookingService.to_ics(bookings, studio.name),
        media_type="text/calendar",
        headers={"Content-Disposition": 'inline; filename="bookings.ics"'},
    )
