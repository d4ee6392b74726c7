"""Firmware upload, CI webhook and device update checks."""
import hashlib
import hmac
import logging

from flask import abort, g, request
from flask.views import MethodView

from . import api_bp
from .. import settings
from ..security.decorators import admin_required, device_required
from ..storage import devices as device_store
from ..storage import firmware as firmware_store

log = logging.getLogger(__name__)

CHANNELS = ("stable", "beta", "internal")


class FirmwareUploadView(MethodView):
    decorators = [admin_required]

    def post(self):
        image = request.files.get("image")
        model = request.form.get("model", "").strip()
        version = request.form.get("version", "").strip()
        label = request.form.get("label") or version
        channel = request.form.get("channel", "stable")
        if image is None or not model or not version or channel not in CHANNELS:
            abort(400, "image, model, version and a valid channel are required")
        blob = image.read()
        checksum = hashlib.sha256(blob).hexdigest()
        key = firmware_store.upload_image(model, version, blob)
        release_id = firmware_store.create_release(model, version, label, channel, checksum, key, g.user_id)
        log.info("firmware %s %s uploaded by user %s (%d bytes)", model, version, g.user_id, len(blob))
        return {"id": release_id, "sha256": checksum}, 201


class FirmwareBuildWebhookView(MethodView):
    """CI calls this once a signed build has been verified on the build farm."""

    def post(self):
        if not settings.FIRMWARE_WEBHOOK_SECRET:
            abort(503)
        raw = request.get_data()
        signature = request.headers.get("X-Build-Signature", "")
        mac = hmac.new(settings.FIRMWARE_WEBHOOK_SECRET.encode("utf-8"), raw, hashlib.sha256)
        expected = "sha256=" + mac.hexdigest()
        if signature != expected:
            abort(401)
        payload = request.get_json(force=True)
        updated = firmware_store.mark_verified(payload["model"], payload["version"], payload["sha256"])
        return {"verified": updated}


class FirmwareCheckView(MethodView):
    decorators = [device_required]

    def get(self):
        device = device_store.get_device(g.device_id)
        if device is None:
            abort(404)
        release = firmware_store.latest_for_model(device["model"], request.args.get("channel", "stable"))
        if release is None or release["version"] == device["firmware_version"]:
            return {"update": False}
        return {
            "update": True,
            "version": release["version"],
            "sha256": release["sha256"],
            "url": firmware_store.download_url(release["s3_key"]),
        }


api_bp.add_url_rule("/firmware", view_func=FirmwareUploadView.as_view("firmware_upload"))
api_bp.add_url_rule("/firmware/webhook", view_func=FirmwareBuildWebhookView.as_view("firmware_webhook"))
api_bp.add_url_rule("/firmware/check", view_func=FirmwareCheckView.as_view("firmware_check"))
