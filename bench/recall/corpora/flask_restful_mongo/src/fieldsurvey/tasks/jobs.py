"""Background jobs executed by ``fieldsurvey.tasks.worker``."""
import logging
import uuid
from datetime import datetime

import jwt

from ..models import Enumerator, ExportJob, Observation, Site, Survey
from ..services import exports, mailer, reporting

log = logging.getLogger(__name__)


def send_email(to, subject, template, context):
    mailer.send_mail(to, subject, template, context)


def build_export(job_id):
    job = ExportJob.objects.get(id=job_id)
    try:
        exports.build_export(job)
    except Exception:
        log.exception("export %s failed", job_id)
        job.update(set__status="failed")
        raise
    send_email(
        job.requested_by.email,
        f"Your export of {job.survey.title} is ready",
        "account",
        {
            "name": job.requested_by.full_name or job.requested_by.email,
            "heading": "Export ready",
            "intro": f"The {job.fmt.upper()} export of {job.survey.title} can be downloaded for 48 hours.",
            "action_url": exports.download_url(job),
            "action_label": "Download export",
        },
    )


def ingest_observation_batch(sync_token, batch):
    """Store a batch of observations uploaded by a tablet."""
    claims = jwt.decode(sync_token, options={"verify_signature": False})
    enumerator = Enumerator.objects(id=claims["sub"], active=True).first()
    survey = Survey.objects(id=claims["survey"]).first()
    if enumerator is None or survey is None:
        log.warning("dropping batch for unknown enumerator/survey %s/%s", claims.get("sub"), claims.get("survey"))
        return 0

    sites = {site.code: site for site in Site.objects(survey=survey)}
    stored = 0
    for item in batch["observations"]:
        client_uuid = uuid.UUID(item["client_uuid"])
        if Observation.objects(client_uuid=client_uuid).first():
            continue
        Observation(
            survey=survey,
            site=sites.get(item.get("site_code")),
            enumerator=enumerator,
            client_uuid=client_uuid,
            species_code=item["species_code"],
            count=item.get("count", 1),
            observed_at=datetime.fromisoformat(item["observed_at"]),
            notes=item.get("notes"),
        ).save()
        stored += 1
    log.info("stored %d/%d observations for survey %s", stored, len(batch["observations"]), survey.id)
    return stored


def import_kobo_submission(payload):
    survey = Survey.objects(slug=payload.get("survey_slug")).first()
    if survey is None:
        log.warning("kobo submission for unknown survey %r", payload.get("survey_slug"))
        return
    site = Site.objects(survey=survey, code=payload.get("site_code")).first()
    Observation(
        survey=survey,
        site=site,
        client_uuid=uuid.UUID(payload["_uuid"]),
        species_code=payload["species_code"],
        count=int(payload.get("count", 1)),
        observed_at=datetime.fromisoformat(payload["_submission_time"]),
        notes=payload.get("notes"),
    ).save()


def refresh_reporting_snapshot(survey_id):
    """Rebuild the flattened reporting rows for one survey."""
    survey = Survey.objects.get(id=survey_id)
    observations = Observation.objects(survey=survey).select_related(max_depth=1)
    rows = [
        (
            str(obs.id),
            str(survey.id),
            str(obs.site.id) if obs.site else None,
            survey.region,
            obs.species_code,
            obs.enumerator.code if obs.enumerator else None,
            obs.count,
            obs.observed_at.date().isoformat(),
        )
        for obs in observations
    ]

    conn = reporting.connect()
    try:
        with conn:
            for table in reporting.REPORT_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE survey_id = ?", (str(survey.id),))
            conn.execute("INSERT INTO survey_dim (survey_id, title, region) VALUES ('%s', '%s', '%s')" % (survey.id, survey.title, survey.region or ""))
            conn.executemany(
                "INSERT INTO observation_facts (observation_id, survey_id, site_id, region, species_code, "
                "observer, count, observed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
    finally:
        conn.close()
    log.info("reporting snapshot for survey %s: %d rows", survey.id, len(rows))
    return len(rows)
