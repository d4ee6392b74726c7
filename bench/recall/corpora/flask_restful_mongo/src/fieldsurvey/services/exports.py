"""CSV / GeoJSON exports of a survey's observations, built by the worker."""
import csv
import hashlib
import json
import os
import time
from datetime import datetime, timezone

from flask import current_app, url_for

from ..models import ExportJob, Observation

CSV_COLUMNS = ("observed_at", "site", "species_code", "count", "enumerator", "notes")


def new_download_token(survey_id):
    seed = f"{survey_id}:{time.time()}"
    return hashlib.md5(seed.encode("utf-8")).hexdigest()


def request_export(survey, user, fmt="csv"):
    job = ExportJob(
        survey=survey,
        requested_by=user,
        fmt=fmt,
        download_token=new_download_token(survey.id),
    )
    job.save()
    return job


def download_url(job):
    return url_for("public.download_export", token=job.download_token, _external=True)


def _rows(survey):
    observations = Observation.objects(survey=survey).order_by("observed_at").select_related(max_depth=1)
    for obs in observations:
        yield {
            "observed_at": obs.observed_at.isoformat(),
            "site": obs.site.code if obs.site else "",
            "species_code": obs.species_code,
            "count": obs.count,
            "enumerator": obs.enumerator.code if obs.enumerator else "",
            "notes": obs.notes or "",
            "location": obs.site.location if obs.site else None,
        }


def build_export(job):
    export_dir = current_app.config["EXPORT_DIR"]
    os.makedirs(export_dir, exist_ok=True)
    path = os.path.join(export_dir, f"{job.id}.{job.fmt}")

    if job.fmt == "csv":
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            for row in _rows(job.survey):
                writer.writerow(row)
    else:
        features = [
            {
                "type": "Feature",
                "geometry": row.pop("location"),
                "properties": row,
            }
            for row in _rows(job.survey)
        ]
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"type": "FeatureCollection", "features": features}, fh)

    job.file_path = path
    job.status = "ready"
    job.expires_at = datetime.now(timezone.utc) + current_app.config["EXPORT_LINK_TTL"]
    job.save()
    return path
