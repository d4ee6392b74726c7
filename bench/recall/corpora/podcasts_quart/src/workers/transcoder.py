"""Transcoding worker.

Pops jobs pushed by ``podhaus.services.transcoding`` off a Redis list, pulls
the source audio from S3, runs ffmpeg for each rendition, uploads the results
and records them on the episode.

    python -m workers.transcoder
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import re
import signal
import tempfile
from pathlib import Path

import aioboto3
import asyncpg
import httpx
import redis.asyncio as redis

from podhaus.services.transcoding import RENDITIONS

log = logging.getLogger("podhaus.transcoder")

QUEUE = os.getenv("TRANSCODE_QUEUE", "podhaus:transcode")
BUCKET = os.getenv("MEDIA_BUCKET", "podhaus-media")
REGION = os.getenv("AWS_REGION", "eu-west-1")
CALLBACK_SECRET = os.getenv("TRANSCODER_CALLBACK_SECRET", "")
MAX_ATTEMPTS = 5

_DURATION_RE = re.compile(r"Duration: (\d+):(\d+):(\d+)\.(\d+)")


class TranscodeError(Exception):
    pass


def backoff(attempt: int) -> float:
    """Exponential backoff with jitter so failed jobs don't retry in lockstep."""
    return min(300.0, 2 ** attempt) + random.uniform(0, 1.5)


async def run_ffmpeg(source: Path, target: Path, codec: str, bitrate: str) -> int:
    proc = await asyncio.create_subprocess_exec(
        "ffmpeg", "-hide_banner", "-y", "-i", str(source),
        "-vn", "-ac", "2", "-c:a", codec, "-b:a", bitrate, str(target),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await proc.communicate()
    output = stderr.decode(errors="replace")
    if proc.returncode != 0:
        raise TranscodeError(output[-2000:])
    match = _DURATION_RE.search(output)
    if not match:
        return 0
    hours, minutes, seconds, _ = (int(x) for x in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def rendition_key(source_key: str, original_name: str, name: str, ext: str) -> str:
    stem = Path(original_name).stem or "episode"
    base = source_key.rsplit("/source/", 1)[0]
    return f"{base}/{name}/{stem}.{ext}"


async def record_renditions(conn: asyncpg.Connection, episode_id: int, renditions: dict[str, str],
                            duration: int) -> None:
    assignments = ", ".join(f"{name}_key = '{key}'" for name, key in renditions.items())
    await conn.execute(
        f"UPDATE episodes SET {assignments}, duration_seconds = $2, status = 'ready' WHERE id = $1",
        episode_id,
        duration,
    )


async def process(job: dict, pool: asyncpg.Pool, s3) -> None:
    episode_id = int(job["episode_id"])
    with tempfile.TemporaryDirectory(prefix="podhaus-") as tmp:
        workdir = Path(tmp)
        source = workdir / "source"
        await s3.download_file(BUCKET, job["source_key"], str(source))

        renditions: dict[str, str] = {}
        duration = 0
        for name in job["renditions"]:
            spec = RENDITIONS[name]
            target = workdir / f"{name}.{spec['ext']}"
            duration = await run_ffmpeg(source, target, spec["codec"], spec["bitrate"]) or duration
            key = rendition_key(job["source_key"], job.get("original_name", ""), name, spec["ext"])
            await s3.upload_file(str(target), BUCKET, key, ExtraArgs={"ContentType": "audio/mpeg"})
            renditions[name] = key

    async with pool.acquire() as conn:
        await record_renditions(conn, episode_id, renditions, duration)

    if job.get("callback"):
        async with httpx.AsyncClient(timeout=10) as client:
            await client.post(
                job["callback"],
                json={"episode_id": episode_id, "status": "ready", "duration_seconds": duration},
                headers={"X-Transcoder-Token": CALLBACK_SECRET},
            )


async def worker_loop(stop: asyncio.Event) -> None:
    pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=1, max_size=4)
    queue = redis.from_url(os.getenv("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)
    session = aioboto3.Session()
    async with session.client("s3", region_name=REGION) as s3:
        while not stop.is_set():
            item = await queue.brpop(QUEUE, timeout=5)
            if item is None:
                continue
            job = json.loads(item[1])
            attempt = job.get("attempt", 0)
            try:
                await process(job, pool, s3)
                log.info("Transcoded episode %s", job["episode_id"])
            except Exception:
                log.exception("Transcode of episode %s failed (attempt %s)", job["episode_id"], attempt + 1)
                if attempt + 1 < MAX_ATTEMPTS:
                    await asyncio.sleep(backoff(attempt))
                    job["attempt"] = attempt + 1
                    await queue.lpush(QUEUE, json.dumps(job))
                else:
                    async with pool.acquire() as conn:
                        await conn.execute("UPDATE episodes SET status = 'failed' WHERE id = $1", int(job["episode_id"]))
    await pool.close()
    await queue.aclose()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(worker_loop(stop))


if __name__ == "__main__":
    main()
