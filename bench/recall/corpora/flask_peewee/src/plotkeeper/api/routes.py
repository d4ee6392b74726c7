import datetime
import logging

import jwt
from flask import abort, current_app, g, jsonify, request

from ..extensions import limiter
from ..models import ApiRefreshToken, HarvestEntry, NoticePost, Plot, Site, Tenancy, User, WaterLog
from ..services.tokens import hash_refresh_token, new_refresh_token
from . import bp
from .auth import kiosk_key_required, token_required
from .jwt_tokens import decode_for_renewal, issue_access_token
from .serializers import harvest_to_dict, notice_to_dict, plot_to_dict

log = logging.getLogger("plotkeeper.api")


def _token_response(user, device_name=None):
    raw_refresh, refresh_hash = new_refresh_token()
    ApiRefreshToken.create(
        user=user,
        token_hash=refresh_hash,
        device_name=device_name,
        expires_at=datetime.datetime.utcnow() + current_app.config["API_REFRESH_TOKEN_TTL"],
    )
    ttl = current_app.config["API_ACCESS_TOKEN_TTL"]
    return jsonify(
        access_token=issue_access_token(user),
        refresh_token=raw_refresh,
        token_type="Bearer",
        expires_in=int(ttl.total_seconds()),
    )


@bp.route("/token", methods=["POST"])
def obtain_token():
    payload = request.get_json(silent=True) or {}
    log.debug("token request from %s: %s", request.remote_addr, payload)
    email = (payload.get("email") or "").strip().lower()
    password = payload.get("password") or ""
    user = User.get_or_none(User.email == email)
    if user is None or not user.is_active or not user.check_password(password):
        return jsonify(error="invalid credentials"), 401
    log.info("issued API tokens for user %s (%s)", user.id, payload.get("device_name", "unknown device"))
    return _token_response(user, payload.get("device_name"))


@bp.route("/token/refresh", methods=["POST"])
@limiter.limit("30 per hour")
def refresh_token():
    raw = (request.get_json(silent=True) or {}).get("refresh_token", "")
    record = ApiRefreshToken.get_or_none(ApiRefreshToken.token_hash == hash_refresh_token(raw))
    if record is None or not record.is_valid:
        return jsonify(error="invalid refresh token"), 401
    record.revoked = True
    record.save()
    return _token_response(record.user, record.device_name)


@bp.route("/token/renew", methods=["POST"])
@limiter.limit("30 per hour")
def renew_legacy_token():
    token = (request.get_json(silent=True) or {}).get("access_token", "")
    try:
        claims = decode_for_renewal(token)
    except jwt.PyJWTError:
        return jsonify(error="invalid token"), 401
    user = User.get_or_none(User.id == int(claims["sub"]))
    if user is None or not user.is_active:
        return jsonify(error="invalid token"), 401
    return jsonify(access_token=issue_access_token(user), token_type="Bearer")


@bp.route("/plots")
@token_required
def my_plots():
    plots = (
        Plot.select(Plot, Site)
        .join(Site)
        .switch(Plot)
        .join(Tenancy)
        .where((Tenancy.tenant == g.api_user.id) & (Tenancy.status == "active"))
    )
    return jsonify(plots=[plot_to_dict(p) for p in plots])


@bp.route("/plots/<int:plot_id>/harvests", methods=["GET", "POST"])
@token_required
def plot_harvests(plot_id):
    tenancy = Tenancy.get_or_none(
        (Tenancy.plot == plot_id) & (Tenancy.tenant == g.api_user.id) & (Tenancy.status == "active")
    )
    if tenancy is None:
        abort(404)
    if request.method == "POST":
        data = request.get_json(silent=True) or {}
        try:
            harvested_on = datetime.date.fromisoformat(data["harvested_on"])
            weight = float(data["weight_kg"])
            crop = str(data["crop"])[:60]
        except (KeyError, TypeError, ValueError):
            return jsonify(error="crop, weight_kg and harvested_on are required"), 400
        entry = HarvestEntry.create(
            plot=plot_id,
            recorded_by=g.api_user.id,
            crop=crop,
            weight_kg=weight,
            harvested_on=harvested_on,
            season=str(harvested_on.year),
        )
        return jsonify(harvest_to_dict(entry)), 201
    entries = HarvestEntry.select().where(HarvestEntry.plot == plot_id).order_by(HarvestEntry.harvested_on.desc())
    return jsonify(harvests=[harvest_to_dict(e) for e in entries])


@bp.route("/sites/<slug>/notices")
@token_required
def site_notices(slug):
    site = Site.get_or_none(Site.slug == slug)
    if site is None:
        abort(404)
    posts = NoticePost.select().where(NoticePost.site == site).order_by(NoticePost.created_at.desc()).limit(50)
    return jsonify(notices=[notice_to_dict(p) for p in posts])


@bp.route("/kiosk/water-reading", methods=["POST"])
@kiosk_key_required
@limiter.limit("60 per hour")
def kiosk_water_reading():
    data = request.get_json(silent=True) or {}
    site = Site.get_or_none(Site.slug == data.get("site"))
    if site is None:
        abort(404)
    reading = WaterLog.create(
        site=site,
        meter_reading=float(data.get("reading", 0)),
        recorded_at=datetime.datetime.utcnow(),
    )
    return jsonify(id=reading.id), 201
