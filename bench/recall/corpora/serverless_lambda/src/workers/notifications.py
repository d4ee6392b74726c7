"""SQS consumer that sends booking e-mails (partial batch responses enabled)."""
import json
import logging
import random
import time

from botocore.exceptions import ClientError

from tablebook.alerts import notify_ops
from tablebook.logging_setup import configure_logging
from tablebook.repositories import reservations as reservations_repo
from tablebook.repositories import restaurants
from tablebook.services import mailer

configure_logging()
logger = logging.getLogger(__name__)

RETRYABLE = {"Throttling", "TooManyRequestsException", "ServiceUnavailable"}
BASE_DELAY_SECONDS = 0.5
ATTEMPTS = 4


def _with_retry(send, *args):
    for attempt in range(ATTEMPTS):
        try:
            return send(*args)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code not in RETRYABLE or attempt == ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0, BASE_DELAY_SECONDS * 2 ** attempt))


def _booking_created(message: dict) -> None:
    reservation = reservations_repo.get(message["reservation_id"])
    if not reservation:
        logger.warning("reservation %s vanished before notification", message["reservation_id"])
        return
    restaurant = restaurants.get(reservation["restaurant_id"])
    _with_retry(mailer.send_booking_confirmation, reservation, restaurant, message["manage_url"])
    if restaurant.get("bookings_email"):
        _with_retry(mailer.send_restaurant_notification, reservation, restaurant)


def _booking_cancelled(message: dict) -> None:
    reservation = reservations_repo.get(message["reservation_id"])
    restaurant = restaurants.get(reservation["restaurant_id"]) if reservation else None
    if restaurant and restaurant.get("bookings_email"):
        _with_retry(mailer.send, restaurant["bookings_email"],
                    f"Cancelled: {reservation['guest_name']} on {reservation['service_date']}",
                    "restaurant_new_booking.html", reservation=reservation, restaurant=restaurant,
                    heading="Cancelled booking")


DISPATCH = {
    "booking_created": _booking_created,
    "booking_cancelled": _booking_cancelled,
}


def handler(event, context):
    failures = []
    for record in event.get("Records", []):
        message_id = record["messageId"]
        try:
            message = json.loads(record["body"])
            DISPATCH[message["type"]](message)
        except Exception:  # noqa: BLE001 - report the item and keep going
            logger.exception("notification %s failed", message_id)
            receive_count = int(record.get("attributes", {}).get("ApproximateReceiveCount", "1"))
            if receive_count >= 3:
                notify_ops(f"notification {message_id} failed {receive_count} times", severity="error")
            failures.append({"itemIdentifier": message_id})
    return {"batchItemFailures": failures}
