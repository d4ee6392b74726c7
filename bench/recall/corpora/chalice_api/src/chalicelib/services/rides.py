"""Ride lifecycle, fares, receipts and payment status."""
import datetime as dt
import logging
import math
import uuid

import jwt
from markupsafe import Markup, escape

from chalicelib import dynamo, settings
from chalicelib.repositories import BikeRepository, RiderRepository, RideRepository, StationRepository
from chalicelib.security import tokens
from chalicelib.services.mailer import Mailer

log = logging.getLogger(__name__)

UNLOCK_FEE_CENTS = 100
PER_STARTED_MINUTE_CENTS = 20
DAILY_CAP_CENTS = 1500
FREE_MINUTES_FOR_PASS_HOLDERS = 30
PAYMENT_EVENTS = {"payment.succeeded", "payment.failed", "payment.refunded"}
RECEIPT_AUDIENCE = "bikeshare-receipt"


def fare_cents(duration_s, has_pass=False):
    minutes = max(1, math.ceil(duration_s / 60))
    if has_pass:
        billable = max(0, minutes - FREE_MINUTES_FOR_PASS_HOLDERS)
        return min(billable * PER_STARTED_MINUTE_CENTS, DAILY_CAP_CENTS)
    return min(UNLOCK_FEE_CENTS + minutes * PER_STARTED_MINUTE_CENTS, DAILY_CAP_CENTS)


def _receipt_key():
    if not settings.RECEIPT_LINK_SECRET:
        raise RuntimeError("RECEIPT_LINK_SECRET is not configured")
    return settings.RECEIPT_LINK_SECRET


def receipt_link(ride):
    token = jwt.encode(
        {"aud": RECEIPT_AUDIENCE, "ride_id": ride["ride_id"], "rider_id": ride["rider_id"]},
        _receipt_key(),
        algorithm="HS256",
    )
    return f"{settings.PUBLIC_BASE_URL}/receipts/{token}"


def read_receipt_token(token):
    return jwt.decode(token, _receipt_key(), algorithms=["HS256"], audience=RECEIPT_AUDIENCE)


def format_address(station):
    lines = [station.get("name", ""), station.get("street", ""), station.get("city", "")]
    return Markup("<br>").join(escape(line) for line in lines if line)


def duration_label(seconds):
    minutes, secs = divmod(int(seconds or 0), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"


class RideStateError(Exception):
    pass


class RideService:
    def __init__(self, rides=None, bikes=None, stations=None, riders=None, mailer=None):
        self.rides = rides or RideRepository()
        self.bikes = bikes or BikeRepository()
        self.stations = stations or StationRepository()
        self.riders = riders or RiderRepository()
        self.mailer = mailer or Mailer()

    def start(self, rider_id, station_id, bike_id):
        if self.rides.active_for_rider(rider_id):
            raise RideStateError("You already have an active ride")
        bike = self.bikes.get(bike_id)
        if bike is None or bike.get("status") != "docked" or bike.get("station_id") != station_id:
            raise RideStateError("This bike is not available at this station")
        ride = {
            "ride_id": str(uuid.uuid4()),
            "rider_id": rider_id,
            "bike_id": bike_id,
            "start_station_id": station_id,
            "started_at": dynamo.utcnow_iso(),
            "status": "active",
        }
        self.rides.put(ride)
        self.bikes.set_status(bike_id, "in_use", station_id="")
        self.stations.adjust_docked(station_id, -1)
        unlock_token = tokens.issue_unlock_token(ride["ride_id"], bike_id, station_id)
        log.info("ride %s started by rider %s on bike %s", ride["ride_id"], rider_id, bike_id)
        return ride, unlock_token

    def end(self, rider_id, ride_id, station_id):
        ride = self.rides.get(ride_id)
        if ride is None or ride["rider_id"] != rider_id:
            raise RideStateError("Unknown ride")
        if ride["status"] != "active":
            raise RideStateError("Ride already ended")
        started = dt.datetime.fromisoformat(ride["started_at"])
        ended = dynamo.utcnow()
        duration_s = int((ended - started).total_seconds())
        rider = self.riders.get(rider_id) or {}
        fare = fare_cents(duration_s, has_pass=bool(rider.get("pass_valid_until")))
        finished = self.rides.finish(
            ride_id, station_id, ended.isoformat(timespec="seconds"), duration_s, fare
        )
        self.bikes.set_status(ride["bike_id"], "docked", station_id=station_id)
        self.stations.adjust_docked(station_id, 1)
        self._send_receipt(rider, dynamo.plain(finished))
        return dynamo.plain(finished)

    def _send_receipt(self, rider, ride):
        if not rider.get("email"):
            return
        self.mailer.send_receipt(
            rider["email"],
            rider.get("name", ""),
            ride,
            self.stations.get(ride["start_station_id"]) or {},
            self.stations.get(ride["end_station_id"]) or {},
            receipt_link(ride),
        )

    def history(self, rider_id, limit=25):
        return [dynamo.plain(r) for r in self.rides.for_rider(rider_id, limit=limit)]


class BillingService:
    def __init__(self, rides=None):
        self.rides = rides or RideRepository()

    def apply_payment_event(self, event):
        kind = event.get("type")
        if kind not in PAYMENT_EVENTS:
            log.debug("ignoring payment event type %s", kind)
            return False
        payment = event["data"]
        ride_id = payment.get("metadata", {}).get("ride_id")
        if not ride_id:
            log.warning("payment %s has no ride reference", payment.get("id"))
            return False
        if kind == "payment.succeeded":
            self.rides.mark_paid(ride_id, payment["id"])
        return True
