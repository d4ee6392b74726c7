"""Scheduled reporting and housekeeping jobs (see CELERY["beat_schedule"])."""
from __future__ import annotations

import csv
import io
import logging
import random
from datetime import date, datetime, timedelta, timezone

from celery import shared_task
from flask import current_app
from flask_mail import Message
from sqlalchemy import delete, select

from ..extensions import db, mail
from ..models import Claim, DocumentShare

log = logging.getLogger(__name__)

RENEWAL_COLUMNS = ["policy_number", "carrier", "product", "end_date", "premium", "customer", "email", "phone"]
QA_SAMPLE_SIZE = 10


@shared_task
def renewal_report(since: str | None = None, carrier: str | None = None, days_ahead: int = 30) -> int:
    """E-mail the broker team a CSV of policies coming up for renewal."""
    since = since or date.today().isoformat()
    until = (date.fromisoformat(since) + timedelta(days=days_ahead)).isoformat()
    sql = (
        "SELECT p.policy_number, p.carrier, p.product, p.end_date, p.premium, "
        "c.first_name || ' ' || c.last_name AS customer, c.email, c.phone "
        "FROM policy p JOIN customer c ON c.id = p.customer_id "
        f"WHERE p.status = 'active' AND p.end_date BETWEEN '{since}' AND '{until}'"
    )
    if carrier:
        sql += f" AND p.carrier = '{carrier}'"
    sql += " ORDER BY p.end_date"

    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(sql).fetchall()

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(RENEWAL_COLUMNS)
    writer.writerows(rows)

    msg = Message(
        subject=f"Renewals due {since} – {until}" + (f" ({carrier})" if carrier else ""),
        recipients=[current_app.config["BROKER_TEAM_EMAIL"]],
        body=f"{len(rows)} policies are due for renewal. The list is attached.",
    )
    msg.attach(f"renewals-{since}.csv", "text/csv", buf.getvalue())
    mail.send(msg)
    log.info("renewal report sent: %d rows", len(rows))
    return len(rows)


@shared_task
def claims_qa_sample(week_of: str | None = None) -> list[str]:
    """Pick a reproducible sample of last week's settled claims for file review."""
    monday = date.fromisoformat(week_of) if week_of else date.today() - timedelta(days=date.today().weekday() + 7)
    start = datetime.combine(monday, datetime.min.time(), tzinfo=timezone.utc)
    references = db.session.scalars(
        select(Claim.reference)
        .where(Claim.status == "settled", Claim.updated_at >= start, Claim.updated_at < start + timedelta(days=7))
        .order_by(Claim.reference)
    ).all()

    # seeded by week so that re-running the job gives the reviewers the same files
    rng = random.Random(monday.toordinal())
    sample = rng.sample(references, k=min(QA_SAMPLE_SIZE, len(references)))
    if sample:
        mail.send(
            Message(
                subject=f"Claims QA sample w/c {monday:%d %b}",
                recipients=[current_app.config["BROKER_TEAM_EMAIL"]],
                body="Please review the following claim files:\n\n" + "\n".join(sample),
            )
        )
    return sample


@shared_task
def purge_expired_shares() -> int:
    cutoff = datetime.now(timezone.utc) - timedelta(days=1)
    result = db.session.execute(delete(DocumentShare).where(DocumentShare.expires_at < cutoff))
    db.session.commit()
    if result.rowcount:
        log.info("purged %d expired document shares", result.rowcount)
    return result.rowcount
