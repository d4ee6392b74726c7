"""The signed-in guest's own profile and phone verification."""
import hmac
import logging
import re
from datetime import datetime, timedelta, timezone

import boto3

from tablebook.http import HTTPError, json_response
from tablebook.ratelimit import current_user_or_ip, rate_limited
from tablebook.repositories import reservations as reservations_repo
from tablebook.repositories import users
from tablebook.router import Router
from tablebook.services.codes import phone_otp
from tablebook.sessions import csrf_protected, require_user

logger = logging.getLogger(__name__)
router = Router("account")

EDITABLE_FIELDS = ("name", "email", "phone", "marketing_opt_in")
PHONE_RE = re.compile(r"^\+[1-9]\d{7,14}$")
OTP_TTL = timedelta(minutes=10)


@router.get("/me")
@require_user
def me(request):
    user = users.get(request.user_id)
    if not user:
        raise HTTPError(404, "account not found")
    return json_response(200, users.public_view(user))


@router.post("/me")
@require_user
def update_profile(request):
    data = request.data()
    changes = {field: data[field] for field in EDITABLE_FIELDS if field in data}
    if "email" in changes:
        changes["email"] = str(changes["email"]).strip().lower()
        existing = users.get_by_email(changes["email"])
        if existing and existing["user_id"] != request.user_id:
            raise HTTPError(409, "that e-mail is used by another account")
    if "phone" in changes:
        if changes["phone"] and not PHONE_RE.match(changes["phone"]):
            raise HTTPError(400, "phone must be in international format, e.g. +353861234567")
        changes["phone_verified"] = False
    if not changes:
        raise HTTPError(400, "nothing to update")
    user = users.update_fields(request.user_id, changes)
    return json_response(200, users.public_view(user))


@router.get("/me/reservations")
@require_user
def my_reservations(request):
    items = reservations_repo.list_for_user(request.user_id)
    return json_response(200, {"reservations": items})


@router.post("/me/phone/code")
@require_user
@csrf_protected
@rate_limited("phone-otp", limit=3, window_seconds=900, key_func=current_user_or_ip)
def send_phone_code(request):
    user = users.get(request.user_id)
    if not user or not user.get("phone"):
        raise HTTPError(400, "add a phone number first")
    code = phone_otp()
    users.update_fields(user["user_id"], {
        "phone_otp": code,
        "phone_otp_expires_at": (datetime.now(timezone.utc) + OTP_TTL).isoformat(),
        "phone_otp_attempts": 0,
    })
    boto3.client("sns").publish(
        PhoneNumber=user["phone"],
        Message=f"Your TableBook code is {code}. It expires in 10 minutes.",
        MessageAttributes={"AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}},
    )
    return json_response(202, {"status": "sent"})


@router.post("/me/phone/verify")
@require_user
@csrf_protected
def verify_phone(request):
    submitted = str(request.json().get("code", "")).strip()
    user = users.get(request.user_id)
    if not user or not user.get("phone_otp"):
        raise HTTPError(400, "request a code first")
    if int(user.get("phone_otp_attempts", 0)) >= 5:
        raise HTTPError(429, "too many attempts, request a new code")
    if datetime.fromisoformat(user["phone_otp_expires_at"]) < datetime.now(timezone.utc):
        raise HTTPError(400, "code expired")
    if not hmac.compare_digest(submitted, user["phone_otp"]):
        users.update_fields(user["user_id"], {"phone_otp_attempts": int(user.get("phone_otp_attempts", 0)) + 1})
        raise HTTPError(400, "wrong code")
    users.update_fields(user["user_id"], {"phone_verified": True, "phone_otp": "", "phone_otp_attempts": 0})
    return json_response(200, {"status": "verified"})


def handler(event, context):
    return router(event, context)
