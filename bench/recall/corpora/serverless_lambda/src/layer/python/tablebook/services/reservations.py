"""Booking rules: availability, creation, changes and cancellation."""
import json
import logging
from datetime import date, datetime, time, timedelta, timezone

import boto3

from ..config import get_settings
from ..http import HTTPError
from ..repositories import reservations as reservations_repo
from ..repositories import restaurants as restaurants_repo
from . import codes
from .tokens import issue_guest_link_token

logger = logging.getLogger(__name__)

_sqs = None
SLOT_MINUTES = 15
MAX_SPECIAL_REQUESTS = 500


def _queue():
    global _sqs
    if _sqs is None:
        _sqs = boto3.client("sqs")
    return _sqs


def enqueue_notification(kind: str, **payload) -> None:
    _queue().send_message(
        QueueUrl=get_settings().notifications_queue_url,
        MessageBody=json.dumps({"type": kind, **payload}, default=str),
    )


def manage_url(reservation_id: str, guest_email: str) -> str:
    token = issue_guest_link_token(reservation_id, guest_email)
    return f"{get_settings().public_base_url}/r/{reservation_id}?t={token}"


def _parse_slot(day: str, slot: str) -> datetime:
    try:
        service_date = date.fromisoformat(day)
        hour, minute = (int(part) for part in slot.split(":", 1))
        start = datetime.combine(service_date, time(hour, minute), tzinfo=timezone.utc)
    except (ValueError, TypeError):
        raise HTTPError(400, "date must be YYYY-MM-DD and time HH:MM")
    if minute % SLOT_MINUTES:
        raise HTTPError(400, f"bookings start on {SLOT_MINUTES}-minute slots")
    if start < datetime.now(timezone.utc):
        raise HTTPError(400, "that time has already passed")
    return start


def create_reservation(guest: dict, restaurant_id: str, day: str, slot: str,
                       party_size: int, special_requests: str = "") -> dict:
    restaurant = restaurants_repo.get(restaurant_id)
    if not restaurant or restaurant.get("status") != "active":
        raise HTTPError(404, "restaurant not found")
    if not 1 <= party_size <= int(restaurant.get("max_party_size", 8)):
        raise HTTPError(400, "party size not accepted online, please call the restaurant")
    if len(special_requests or "") > MAX_SPECIAL_REQUESTS:
        raise HTTPError(400, "special requests are too long")

    start = _parse_slot(day, slot)
    booked = reservations_repo.covers_for_slot(restaurant_id, start.isoformat())
    if booked + party_size > int(restaurant.get("covers_per_slot", 40)):
        raise HTTPError(409, "no tables left at that time")

    reservation = {
        "reservation_id": codes.reservation_id(),
        "restaurant_id": restaurant_id,
        "user_id": guest.get("user_id", ""),
        "guest_name": guest["name"],
        "guest_email": guest["email"],
        "guest_phone": guest.get("phone", ""),
        "starts_at": start.isoformat(),
        "service_date": start.date().isoformat(),
        "party_size": party_size,
        "special_requests": special_requests or "",
        "status": "confirmed",
        "created_at": datetime.now(timezone.utc).isoformat(),
    }
    reservations_repo.put(reservation)
    enqueue_notification(
        "booking_created",
        reservation_id=reservation["reservation_id"],
        manage_url=manage_url(reservation["reservation_id"], reservation["guest_email"]),
    )
    logger.info("reservation %s created for restaurant %s", reservation["reservation_id"], restaurant_id)
    return reservation


def change_party_size(reservation: dict, party_size: int) -> dict:
    restaurant = restaurants_repo.get(reservation["restaurant_id"])
    if not 1 <= party_size <= int(restaurant.get("max_party_size", 8)):
        raise HTTPError(400, "party size not accepted online")
    return reservations_repo.update_fields(reservation["reservation_id"], {"party_size": party_size})


def cancel(reservation: dict, reason: str = "guest") -> dict:
    if reservation["status"] == "cancelled":
        return reservation
    updated = reservations_repo.update_fields(
        reservation["reservation_id"],
        {"status": "cancelled", "cancelled_by": reason,
         "cancelled_at": datetime.now(timezone.utc).isoformat()},
    )
    enqueue_notification("booking_cancelled", reservation_id=reservation["reservation_id"])
    return updated


def create_group_invite(reservation: dict) -> dict:
    invite = {
        "code": codes.group_invite_code(),
        "expires_at": (datetime.now(timezone.utc) + timedelta(days=7)).isoformat(),
    }
    reservations_repo.set_invite(reservation["reservation_id"], invite)
    return invite


def join_group(code: str, member: dict) -> dict:
    reservation = reservations_repo.find_by_invite(code)
    if not reservation or reservation["status"] != "confirmed":
        raise HTTPError(404, "this invitation is not valid")
    if datetime.fromisoformat(reservation["invite_expires_at"]) < datetime.now(timezone.utc):
        raise HTTPError(410, "this invitation has expired")
    members = reservation.get("group_members", [])
    if any(m["user_id"] == member["user_id"] for m in members):
        return reservation
    if len(members) + 1 >= int(reservation["party_size"]):
        raise HTTPError(409, "the group is already complete")
    reservations_repo.add_group_member(reservation["reservation_id"], member)
    return reservation
