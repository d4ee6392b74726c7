"""Inbound webhooks: Stripe billing and the transcoding service."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time

from quart import Blueprint, abort, current_app, jsonify, request

from ..csrf import csrf_exempt
from ..extensions import db
from ..repositories import episodes as episodes_repo

log = logging.getLogger(__name__)

bp = Blueprint("webhooks", __name__)

STRIPE_TOLERANCE_SECONDS = 300


def _verify_stripe_signature(payload: bytes, header: str, secret: str) -> bool:
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        signature = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > STRIPE_TOLERANCE_SECONDS:
        return False
    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@bp.post("/stripe")
@csrf_exempt
async def stripe_webhook():
    payload = await request.get_data()
    signature = request.headers.get("Stripe-Signature", "")
    if not _verify_stripe_signature(payload, signature, current_app.config["STRIPE_WEBHOOK_SECRET"]):
        abort(400)
    event = json.loads(payload)
    try:
        await _handle_stripe_event(event)
    except Exception:
        log.exception("Stripe event %s failed", event.get("id"))
        return jsonify(error="webhook processing failed"), 500
    return jsonify(received=True)


async def _handle_stripe_event(event: dict) -> None:
    kind = event["type"]
    obj = event["data"]["object"]
    if kind == "customer.subscription.created":
        await db.pool.execute(
            "UPDATE shows SET is_private = true, stripe_product = $2 WHERE id = $1",
            int(obj["metadata"]["show_id"]),
            obj["items"]["data"][0]["price"]["product"],
        )
    elif kind == "customer.subscription.deleted":
        await db.pool.execute(
            "UPDATE private_feed_tokens SET revoked_at = now() WHERE stripe_subscription = $1",
            obj["id"],
        )
    else:
        log.debug("Ignoring Stripe event %s", kind)


def _transcoder_authorized() -> bool:
    supplied = request.headers.get("X-Transcoder-Token", "")
    return supplied == current_app.config["TRANSCODER_CALLBACK_SECRET"]


@bp.post("/transcoder")
@csrf_exempt
async def transcoder_callback():
    if not _transcoder_authorized():
        abort(401)
    body = await request.get_json()
    episode_id = int(body["episode_id"])
    if body.get("status") == "failed":
        log.warning("Transcode failed for episode %s: %s", episode_id, body.get("error"))
        await db.pool.execute("UPDATE episodes SET status = 'failed' WHERE id = $1", episode_id)
        return jsonify(ok=True)
    await db.pool.execute(
        "UPDATE episodes SET status = 'ready', duration_seconds = $2 WHERE id = $1",
        episode_id,
        int(body.get("duration_seconds") or 0),
    )
    episode = await episodes_repo.get(db.pool, episode_id)
    log.info("Episode %s ready (%s)", episode_id, episode["title"] if episode else "?")
    return jsonify(ok=True)
