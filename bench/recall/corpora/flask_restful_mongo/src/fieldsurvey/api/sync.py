"""Endpoints used by field hardware: tablet batch uploads and base-station heartbeats."""
import logging
from datetime import datetime, timezone

from flask import current_app, request
from flask_restful import Resource, abort

from ..extensions import limiter
from ..schemas import ObservationBatchSchema
from ..tasks import enqueue
from ..tasks.jobs import ingest_observation_batch

log = logging.getLogger(__name__)

batch_schema = ObservationBatchSchema()


def _station_authorised():
    presented = request.headers.get("X-Station-Secret", "")
    expected = current_app.config.get("STATION_SHARED_SECRET")
    return bool(expected) and presented == expected


class SyncUploadResource(Resource):
    """Tablets upload over 2G from the field, so the request only validates the
    payload shape and hands the batch to the worker."""

    decorators = [limiter.limit("120 per hour")]

    def post(self):
        token = request.headers.get("X-Sync-Token")
        if not token:
            abort(401, message="sync token required")
        batch = batch_schema.load(request.get_json(force=True) or {})
        payload = batch_schema.dump(batch)
        job = enqueue(ingest_observation_batch, token, payload)
        return {"queued": len(payload["observations"]), "job": getattr(job, "id", None)}, 202


class StationHeartbeatResource(Resource):
    decorators = [limiter.limit("30 per minute")]

    def post(self):
        if not _station_authorised():
            abort(401, message="unknown station")
        body = request.get_json(silent=True) or {}
        log.info(
            "heartbeat from station %s battery=%s temp=%s",
            body.get("station_id"),
            body.get("battery"),
            body.get("temperature"),
        )
        return {"received_at": datetime.now(timezone.utc).isoformat()}
