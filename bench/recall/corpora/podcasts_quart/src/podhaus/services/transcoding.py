"""Hands uploaded audio to the transcoding worker via a Redis list."""
from __future__ import annotations

import json
import logging
import time

from quart import current_app

from .listeners import client as redis_client

log = logging.getLogger(__name__)

RENDITIONS = {
    "mp3_128": {"codec": "libmp3lame", "bitrate": "128k", "ext": "mp3"},
    "aac_64": {"codec": "aac", "bitrate": "64k", "ext": "m4a"},
}


async def enqueue(episode_id: int, audio_key: str, original_name: str) -> None:
    job = {
        "episode_id": episode_id,
        "source_key": audio_key,
        "original_name": original_name,
        "renditions": list(RENDITIONS),
        "queued_at": time.time(),
        "callback": current_app.config["PUBLIC_URL"].rstrip("/") + "/webhooks/transcoder",
    }
    await redis_client().lpush(current_app.config["TRANSCODE_QUEUE"], json.dumps(job))
    log.info("Queued transcode for episode %s (%s)", episode_id, audio_key)
