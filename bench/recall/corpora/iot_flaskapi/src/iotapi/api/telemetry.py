"""Telemetry ingest (from the MQTT bridge and from devices over HTTPS) and queries."""
import datetime as dt
import hmac

from flask import abort, g, request
from flask.views import MethodView

from . import api_bp
from .. import settings
from ..cache import cached_json
from ..security.decorators import device_required, jwt_required
from ..storage import devices as device_store
from ..storage import telemetry as telemetry_store

MAX_BATCH = 500


def _rows_from(device_id, samples):
    for sample in samples[:MAX_BATCH]:
        ts = dt.datetime.fromtimestamp(float(sample["ts"]), tz=dt.timezone.utc)
        for metric, value in sample.get("values", {}).items():
            yield (device_id, ts, str(metric)[:64], float(value))


class BridgeIngestView(MethodView):
    def post(self):
        presented = request.headers.get("X-Bridge-Key", "")
        if not settings.BRIDGE_API_KEY or not hmac.compare_digest(presented, settings.BRIDGE_API_KEY):
            abort(401)
        body = request.get_json(force=True)
        written = 0
        for message in body.get("messages", []):
            written += telemetry_store.insert_readings(_rows_from(message["device_id"], message["samples"]))
        return {"written": written}, 202


class DeviceIngestView(MethodView):
    decorators = [device_required]

    def post(self):
        body = request.get_json(force=True)
        written = telemetry_store.insert_readings(_rows_from(g.device_id, body.get("samples", [])))
        device_store.touch(g.device_id)
        return {"written": written}, 202


class TelemetryQueryView(MethodView):
    decorators = [jwt_required]

    def get(self, device_id):
        device = device_store.get_device(device_id)
        if device is None or device["owner_id"] != g.user_id:
            abort(404)
        metrics = request.args.getlist("metric")
        hours = min(request.args.get("hours", 24, type=int), 24 * 31)
        since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=hours)
        since = since.replace(minute=0, second=0, microsecond=0)

        def load():
            rows = telemetry_store.query_readings(device_id, metrics, since)
            return [{"ts": r["ts"].isoformat(), "metric": r["metric"], "value": r["value"]} for r in rows]

        items = cached_json("tele", (device_id, sorted(metrics), since), settings.TELEMETRY_CACHE_TTL, load)
        return {"device_id": device_id, "since": since.isoformat(), "items": items}


api_bp.add_url_rule("/telemetry/ingest", view_func=BridgeIngestView.as_view("telemetry_bridge_ingest"))
api_bp.add_url_rule("/telemetry", view_func=DeviceIngestView.as_view("telemetry_device_ingest"))
api_bp.add_url_rule("/devices/<int:device_id>/telemetry", view_func=TelemetryQueryView.as_view("telemetry_query"))
