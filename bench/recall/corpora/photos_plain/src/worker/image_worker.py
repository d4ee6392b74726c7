#!/usr/bin/env python3
"""Image processing worker.

Picks up photos in status 'pending', fixes orientation, strips metadata,
writes the thumbnails and tells the web app the result through
/hooks/worker/photos/<id>. Runs under systemd (deploy/systemd/photos-worker.service).
"""
import argparse
import logging
import os
import random
import signal
import sqlite3
import sys
import time

import requests
from PIL import Image, ImageOps, UnidentifiedImageError

DATABASE = os.environ.get("DATABASE_PATH", "/var/lib/photos/photos.sqlite3")
UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", "/var/lib/photos/uploads")
THUMB_FOLDER = os.environ.get("THUMB_FOLDER", "/var/lib/photos/thumbs")
APP_URL = os.environ.get("WORKER_APP_URL", "http://127.0.0.1:8000")
WORKER_TOKEN = os.environ.get("WORKER_TOKEN", "")
POLL_INTERVAL = float(os.environ.get("WORKER_POLL_INTERVAL", "3"))
BATCH_SIZE = int(os.environ.get("WORKER_BATCH_SIZE", "10"))
MAX_PIXELS = 80_000_000

THUMB_SIZES = {"sm": 320, "md": 1024}

log = logging.getLogger("photos.worker")
_running = True

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def _stop(signum, frame):
    global _running
    log.info("got signal %s, finishing current batch", signum)
    _running = False


def shard_for(stored_name):
    return os.path.join(stored_name[:2], stored_name[2:4])


def original_path(stored_name):
    return os.path.join(UPLOAD_FOLDER, shard_for(stored_name), stored_name)


def thumb_path(stored_name, size):
    base, _ = os.path.splitext(stored_name)
    return os.path.join(THUMB_FOLDER, size, shard_for(stored_name), base + ".jpg")


def connect():
    conn = sqlite3.connect(DATABASE, timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


def claim_batch(conn, size):
    """Move a batch of pending photos to 'processing' so a second worker skips them."""
    with conn:
        rows = conn.execute(
            "SELECT id, stored_name FROM photos WHERE status = 'pending' ORDER BY id LIMIT ?", (size,)
        ).fetchall()
        ids = [r["id"] for r in rows]
        if ids:
            marks = ",".join("?" * len(ids))
            conn.execute(f"UPDATE photos SET status = 'processing' WHERE id IN ({marks})", ids)
    return rows


def release_stale(conn, minutes=15):
    with conn:
        cur = conn.execute(
            "UPDATE photos SET status = 'pending' WHERE status = 'processing' "
            "AND created_at < datetime('now', ?)",
            ("-%d minutes" % minutes,),
        )
    if cur.rowcount:
        log.warning("re-queued %d stale photos", cur.rowcount)


def make_thumbnails(stored_name):
    src = original_path(stored_name)
    with Image.open(src) as im:
        im = ImageOps.exif_transpose(im)
        width, height = im.size
        if im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        # re-save the original without EXIF so GPS data never leaves the server
        clean = Image.new(im.mode, im.size)
        clean.putdata(list(im.getdata()))
        if stored_name.lower().endswith((".jpg", ".jpeg")):
            clean.save(src, "JPEG", quality=92)
        for size, edge in THUMB_SIZES.items():
            dest = thumb_path(stored_name, size)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            thumb = clean.copy()
            thumb.thumbnail((edge, edge), Image.LANCZOS)
            thumb.save(dest, "JPEG", quality=85, optimize=True, progressive=True)
    return width, height


def report(photo_id, payload, session):
    url = "%s/hooks/worker/photos/%d" % (APP_URL, photo_id)
    for attempt in range(3):
        try:
            resp = session.post(url, json=payload, headers={"X-Worker-Token": WORKER_TOKEN}, timeout=10)
            if resp.status_code < 500:
                resp.raise_for_status()
                return True
        except requests.RequestException as exc:
            log.warning("callback for photo %s failed (attempt %d): %s", photo_id, attempt + 1, exc)
        time.sleep(2 ** attempt)
    return False


def process(row, session):
    photo_id, stored_name = row["id"], row["stored_name"]
    started = time.monotonic()
    try:
        width, height = make_thumbnails(stored_name)
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        log.warning("photo %s is not a usable image: %s", photo_id, exc)
        report(photo_id, {"status": "failed", "error": exc.__class__.__name__}, session)
        return False
    except OSError:
        log.exception("could not process photo %s", photo_id)
        report(photo_id, {"status": "failed", "error": "io"}, session)
        return False
    ok = report(photo_id, {"status": "ready", "width": width, "height": height}, session)
    log.info("photo %s done in %.2fs (%dx%d)", photo_id, time.monotonic() - started, width, height)
    return ok


def run_forever(once=False):
    session = requests.Session()
    conn = connect()
    last_stale_check = 0.0
    while _running:
        if time.monotonic() - last_stale_check > 300:
            release_stale(conn)
            last_stale_check = time.monotonic()
        rows = claim_batch(conn, BATCH_SIZE)
        for row in rows:
            process(row, session)
        if once:
            break
        if not rows:
            # spread the polling of several workers a little
            time.sleep(POLL_INTERVAL + random.uniform(0, 1.5))
    conn.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--once", action="store_true", help="process one batch and exit")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    if not WORKER_TOKEN:
        log.error("WORKER_TOKEN is not set; the web app will reject our callbacks")
        return 2
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    log.info("worker started (db=%s, token configured=%s)", DATABASE, bool(WORKER_TOKEN))
    run_forever(once=args.once)
    return 0


if __name__ == "__main__":
    sys.exit(main())
