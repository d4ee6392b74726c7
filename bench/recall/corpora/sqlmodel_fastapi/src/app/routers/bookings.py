import logging

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy.exc import SQLAlchemyError

from app.db import SessionDep
from app.deps import CurrentUser
from app.models import Booking, BookingStatus
from app.repositories import bookings as bookings_repo
from app.repositories import spaces as spaces_repo
from app.schemas import BookingCreate, BookingRead

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/bookings", tags=["bookings"])


@router.get("", response_model=list[BookingRead])
async def list_bookings(
    user: CurrentUser,
    session: SessionDep,
    sort: str = Query(default="start"),
    descending: bool = True,
) -> list[dict]:
    return await bookings_repo.list_for_user(session, user.id, sort=sort, descending=descending)


@router.post("", response_model=BookingRead, status_code=status.HTTP_201_CREATED)
async def create_booking(body: BookingCreate, user: CurrentUser, session: SessionDep) -> Booking:
    space = await spaces_repo.get(session, body.space_id)
    if space is None or not space.is_published:
        raise HTTPException(status_code=404, detail="Space not found")
    try:
        if await bookings_repo.has_overlap(session, space.id, body.starts_at, body.ends_at):
            raise HTTPException(status_code=409, detail="The space is already booked for that slot")
        booking = Booking(
            space_id=space.id,
            user_id=user.id,
            starts_at=body.starts_at,
            ends_at=body.ends_at,
            status=BookingStatus.confirmed,
        )
        return await bookings_repo.create(session, booking)
    except SQLAlchemyError as exc:
        await session.rollback()
        raise HTTPException(status_code=500, detail=f"Could not create booking: {exc}")


@router.post("/{booking_id}/cancel", response_model=BookingRead)
async def cancel_booking(booking_id: int, user: CurrentUser, session: SessionDep) -> Booking:
    booking = await bookings_repo.get_for_user(session, booking_id, user.id)
    if booking is None:
        raise HTTPException(status_code=404)
    if booking.status == BookingStatus.cancelled:
        return booking
    logger.info("booking %s cancelled by user_id=%s", booking.id, user.id)
    return await bookings_repo.cancel(session, booking)
