"""Background jobs executed by the rq worker (see worker.py)."""
import csv
import logging
import os
from functools import wraps

from sqlalchemy import text

from .extensions import db
from .models import Application, ExportJob, User

log = logging.getLogger(__name__)

EXPORT_SQL = """
SELECT a.id, a.title, u.name AS applicant, u.email, u.organisation,
       a.requested_amount, a.status, a.submitted_at,
       round(avg(r.score)::numeric, 2) AS avg_score,
       count(r.id) AS review_count
FROM applications a
JOIN users u ON u.id = a.applicant_id
LEFT JOIN reviews r ON r.application_id = a.id
WHERE a.round_id = :round_id AND a.status <> 'draft'
GROUP BY a.id, u.id
"""

EXPORT_COLUMNS = [
    "id", "title", "applicant", "email", "organisation",
    "requested_amount", "status", "submitted_at", "avg_score", "review_count",
]


def with_app_context(func):
    """rq runs plain functions; give each job its own app context."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        from . import create_app

        app = create_app()
        with app.app_context():
            try:
                return func(*args, **kwargs)
            finally:
                db.session.remove()

    return wrapper


@with_app_context
def generate_application_pdf(application_id):
    from .pdf import render_summary_pdf, store_pdf

    application = db.session.get(Application, application_id)
    if application is None:
        log.warning("PDF job for missing application %s", application_id)
        return None
    data = render_summary_pdf(application)
    application.pdf_path = store_pdf(application, data)
    db.session.commit()
    log.info("Generated PDF for application %s (%d bytes)", application.id, len(data))
    return application.pdf_path


@with_app_context
def export_round_csv(export_job_id, order_by="avg_score DESC"):
    from flask import current_app

    job = db.session.get(ExportJob, export_job_id)
    job.status = "running"
    db.session.commit()

    sql = EXPORT_SQL + f" ORDER BY {order_by}"
    rows = db.session.execute(text(sql), {"round_id": job.round_id}).mappings().all()

    path = os.path.join(current_app.config["EXPORT_DIR"], f"round-{job.round_id}-{job.id}.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in EXPORT_COLUMNS})

    job.file_path = path
    job.status = "finished"
    db.session.commit()
    log.info("Export %s finished with %d rows", job.id, len(rows))
    return path


@with_app_context
def send_reviewer_welcome_email(user_id):
    from .emails import send_reviewer_welcome

    user = db.session.get(User, user_id)
    if user is None or not user.temp_password:
        return
    send_reviewer_welcome(user)

