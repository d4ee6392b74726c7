"""Device resources."""
from flask import abort, g, request
from flask.views import MethodView

from . import api_bp
from ..provisioning import provisioner
from ..ratelimit import throttle
from ..security.decorators import admin_required, jwt_required
from ..security.passwords import verify_password
from ..security.tokens import issue_device_token
from ..storage import devices as device_store

DEVICE_SCOPES = ["telemetry:write", "firmware:read"]


def _serialize(row):
    return {
        "id": row["id"],
        "name": row["name"],
        "serial": row["serial"],
        "model": row["model"],
        "status": row["status"],
        "firmware_version": row["firmware_version"],
        "notes": row["notes"],
        "last_seen": row["last_seen"].isoformat() if row["last_seen"] else None,
    }


class DeviceListView(MethodView):
    decorators = [jwt_required]

    def get(self):
        sort = request.args.get("sort", "created_at")
        direction = request.args.get("order", "desc")
        limit = min(request.args.get("limit", 50, type=int), 200)
        rows = device_store.list_devices(g.user_id, sort=sort, direction=direction, limit=limit)
        return {"items": [_serialize(r) for r in rows]}


class DeviceProvisionView(MethodView):
    """Used by the factory line tooling; returns the secret exactly once."""

    decorators = [admin_required]

    def post(self):
        body = request.get_json(silent=True) or {}
        if not body.get("model") or not body.get("serial"):
            abort(400, "model and serial are required")
        result = provisioner.provision(body["model"], body["serial"], name=body.get("name"))
        return result, 201


class DeviceView(MethodView):
    decorators = [jwt_required]

    def _owned(self, device_id):
        device = device_store.get_device(device_id)
        if device is None or device["owner_id"] != g.user_id:
            abort(404)
        return device

    def get(self, device_id):
        return _serialize(self._owned(device_id))

    def patch(self, device_id):
        self._owned(device_id)
        body = request.get_json(silent=True) or {}
        device_store.update_device(device_id, g.user_id, name=body.get("name"), notes=body.get("notes"))
        return _serialize(self._owned(device_id))

    def delete(self, device_id):
        self._owned(device_id)
        device_store.delete_device(device_id, g.user_id)
        return "", 204


class DeviceClaimView(MethodView):
    decorators = [jwt_required]

    def post(self):
        token = (request.get_json(silent=True) or {}).get("claim_token", "")
        device_id = device_store.claim_device(token, g.user_id)
        if device_id is None:
            abort(404, "unknown or already claimed device")
        return {"device_id": device_id}, 200


class DeviceTokenView(MethodView):
    """Devices exchange their id and secret for a bearer token."""

    decorators = [throttle("device-token", limit=10, window=300)]

    def post(self):
        body = request.get_json(silent=True) or {}
        device = device_store.get_device(str(body.get("device_id", "")))
        if device is None or not verify_password(body.get("device_secret", ""), device["secret_hash"]):
            return {"error": "invalid_device_credentials"}, 401
        device_store.touch(device["id"], firmware_version=body.get("firmware_version"))
        return {"token": issue_device_token(device["id"], DEVICE_SCOPES), "token_type": "Bearer"}


api_bp.add_url_rule("/devices", view_func=DeviceListView.as_view("devices"))
api_bp.add_url_rule("/devices/provision", view_func=DeviceProvisionView.as_view("device_provision"))
api_bp.add_url_rule("/devices/claim", view_func=DeviceClaimView.as_view("device_claim"))
api_bp.add_url_rule("/devices/token", view_func=DeviceTokenView.as_view("device_token"))
api_bp.add_url_rule("/devices/<int:device_id>", view_func=DeviceView.as_view("device"))
