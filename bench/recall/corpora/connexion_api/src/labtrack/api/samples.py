"""Sample registration, lookup and status updates."""
from __future__ import annotations

from datetime import datetime

from labtrack.api import PAGE_SIZE_MAX, forbidden, not_found, require_scope, site_scope
from labtrack.database import get_session
from labtrack.models import SAMPLE_STATUSES, Sample
from labtrack.repositories import samples as samples_repo


def list_samples(token_info: dict, status: str | None = None, sort: str = "received", order: str = "desc",
                 limit: int = 50, offset: int = 0):
    rows = samples_repo.list_samples(
        get_session(),
        site_code=site_scope(token_info),
        status=status,
        sort=sort,
        descending=order == "desc",
        limit=min(limit, PAGE_SIZE_MAX),
        offset=offset,
    )
    return {"items": [s.to_dict() for s in rows], "limit": limit, "offset": offset}, 200


def search_samples(q: str, token_info: dict, limit: int = 25):
    rows = samples_repo.search(get_session(), q.strip(), site_code=site_scope(token_info), limit=min(limit, 100))
    return {"items": [s.to_dict() for s in rows]}, 200


def get_sample(sample_id: int, token_info: dict):
    sample = samples_repo.get(get_session(), sample_id)
    scope = site_scope(token_info)
    if sample is None or (scope and sample.site_code != scope):
        return not_found("Sample")
    return sample.to_dict(), 200


def create_sample(body: dict, user: str, token_info: dict):
    if not require_scope(token_info, "samples:write"):
        return forbidden()
    session = get_session()
    site = site_scope(token_info) or body["site_code"]
    sample = Sample(
        barcode=body["barcode"],
        patient_ref=body["patient_ref"],
        site_code=site,
        sample_type=body["sample_type"],
        notes=body.get("notes"),
        collected_at=datetime.fromisoformat(body["collected_at"]) if body.get("collected_at") else None,
        owner_id=int(user) if token_info.get("kind") != "instrument" else None,
    )
    session.add(sample)
    samples_repo.record_event(session, sample, "registered", actor=f"user:{user}")
    session.commit()
    return sample.to_dict(), 201


def update_sample(sample_id: int, body: dict, user: str, token_info: dict):
    if not require_scope(token_info, "samples:write"):
        return forbidden()
    session = get_session()
    sample = samples_repo.get(session, sample_id)
    scope = site_scope(token_info)
    if sample is None or (scope and sample.site_code != scope):
        return not_found("Sample")

    if "notes" in body:
        sample.notes = body["notes"]
    if "result_comment" in body:
        sample.result_comment = body["result_comment"]
    if "status" in body and body["status"] != sample.status:
        if body["status"] not in SAMPLE_STATUSES:
            return forbidden(f"Unknown status {body['status']!r}.")
        samples_repo.set_status(session, sample, body["status"], actor=f"user:{user}")
    session.commit()
    return sample.to_dict(), 200


def lookup_statuses(body: dict, token_info: dict):
    ids = [int(i) for i in body["ids"]][:PAGE_SIZE_MAX]
    rows = samples_repo.statuses_for(get_session(), ids)
    for row in rows:
        row["updated_at"] = row["updated_at"].isoformat() if row["updated_at"] else None
    return {"items": rows}, 200
