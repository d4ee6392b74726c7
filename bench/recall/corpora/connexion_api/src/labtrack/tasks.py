"""Background jobs (run by the Celery worker)."""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import structlog
from celery import shared_task
from flask import current_app

from labtrack.database import get_session
from labtrack.models import User
from labtrack.repositories import samples as samples_repo
from labtrack.services import mailer
from labtrack.services.legacy_export import LegacyLimsExporter

log = structlog.get_logger(__name__)


def _backoff(retries: int) -> float:
    # Exponential backoff with jitter so retries from one outage do not all land together.
    return min(600, 2 ** retries * 10) + random.uniform(0, 5)


@shared_task(bind=True, max_retries=5)
def send_password_reset_email(self, user_id: int, token: str) -> None:
    session = get_session()
    user = session.get(User, user_id)
    if user is None:
        return
    link = f"{current_app.config['PUBLIC_BASE_URL']}/reset-password?token={token}"
    try:
        mailer.send(user.email, "Reset your LabTrack password", "password_reset", user=user, link=link)
    except OSError as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries))


@shared_task(bind=True, max_retries=5)
def send_verification_email(self, user_id: int) -> None:
    session = get_session()
    user = session.get(User, user_id)
    if user is None or user.email_verified or not user.verification_token:
        return
    link = f"{current_app.config['PUBLIC_BASE_URL']}/verify?token={user.verification_token}"
    try:
        mailer.send(user.email, "Confirm your e-mail address", "verify_email", user=user, link=link)
    except OSError as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries))


@shared_task
def ingest_results(payload: dict) -> int:
    """Apply an analyser result batch delivered to the webhook."""
    session = get_session()
    applied = 0
    for item in payload.get("results", []):
        sample = samples_repo.get_by_barcode(session, item.get("barcode", ""))
        if sample is None:
            log.warning("result_for_unknown_sample", barcode=item.get("barcode"))
            continue
        sample.result_comment = item.get("comment")
        samples_repo.set_status(session, sample, "reported", actor=f"analyser:{payload.get('instrument', '?')}")
        applied += 1
    session.commit()
    log.info("results_ingested", applied=applied, instrument=payload.get("instrument"))
    return applied


@shared_task(bind=True, max_retries=2)
def export_legacy_site(self, site_code: str, since: str) -> str:
    exporter = LegacyLimsExporter()
    content = exporter.site_rows_csv(site_code, date.fromisoformat(since))
    target = Path(current_app.config["EXPORT_DIR"]) / f"{site_code}-{since}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content)
    log.info("legacy_export_written", site=site_code, path=str(target), bytes=len(content))
    return str(target)
