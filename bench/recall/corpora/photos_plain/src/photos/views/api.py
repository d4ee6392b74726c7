"""JSON API used by the mobile apps and the site's own JavaScript."""
import functools
import logging
import traceback

import jwt
from flask import Blueprint, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from .. import models
from ..ratelimit import rate_limit
from ..security import verify_password
from ..tokens import decode_access_token, decode_refresh_token, issue_access_token, issue_refresh_token
from ..utils import page_args

bp = Blueprint("api", __name__, url_prefix="/api/v1")
log = logging.getLogger(__name__)


@bp.after_request
def cors_headers(resp):
    origin = request.headers.get("Origin")
    if origin:
        resp.headers["Access-Control-Allow-Origin"] = origin
        resp.headers["Access-Control-Allow-Credentials"] = "true"
        resp.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-CSRF-Token"
        resp.headers["Access-Control-Allow-Methods"] = "GET, POST, DELETE, OPTIONS"
        resp.headers["Vary"] = "Origin"
    return resp


@bp.errorhandler(Exception)
def api_error(e):
    if isinstance(e, HTTPException):
        return jsonify(error=e.description), e.code
    log.exception("api error on %s", request.path)
    return jsonify(error=str(e), type=type(e).__name__, trace=traceback.format_exc()), 500


def _bearer_token():
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def api_auth(view):
    """Accept a bearer token from the apps, or the session cookie for reads."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        token = _bearer_token()
        if token:
            try:
                claims = decode_access_token(token)
            except jwt.InvalidTokenError:
                return jsonify(error="invalid token"), 401
            user = models.get_user(int(claims["sub"]))
        elif request.method == "GET":
            # the site's own pages only read through the session
            user = g.get("user")
        else:
            user = None
        if user is None or not user["is_active"]:
            return jsonify(error="authentication required"), 401
        g.api_user = user
        return view(*args, **kwargs)

    return wrapped


def _photo_json(p):
    return {
        "id": p["id"],
        "title": p["title"],
        "caption": p["caption"],
        "owner": p["username"],
        "likes": p["like_count"],
        "views": p["view_count"],
        "public": bool(p["is_public"]),
        "created_at": str(p["created_at"]),
        "width": p["width"],
        "height": p["height"],
    }


@bp.route("/token", methods=["POST"])
def token():
    data = request.get_json(silent=True) or request.form
    login_name = (data.get("username") or "").strip()
    password = data.get("password") or ""
    user = models.get_user_by_login(login_name)
    if user is None or not user["is_active"] or not verify_password(user["password_hash"], password):
        return jsonify(error="invalid credentials"), 401
    access = issue_access_token(user)
    refresh = issue_refresh_token(user)
    log.info("issued api token for %s: %s", user["username"], access)
    return jsonify(access_token=access, refresh_token=refresh, token_type="Bearer")


@bp.route("/token/refresh", methods=["POST"])
@rate_limit("api-refresh", 30, 300)
def refresh():
    data = request.get_json(silent=True) or {}
    try:
        claims = decode_refresh_token(data.get("refresh_token", ""))
    except jwt.InvalidTokenError:
        return jsonify(error="invalid refresh token"), 401
    user = models.get_user(int(claims["sub"]))
    if user is None or not user["is_active"]:
        return jsonify(error="invalid refresh token"), 401
    return jsonify(access_token=issue_access_token(user), token_type="Bearer")


@bp.route("/me")
@api_auth
def me():
    u = g.api_user
    followers, following = models.follower_counts(u["id"])
    return jsonify(
        id=u["id"],
        username=u["username"],
        email=u["email"],
        display_name=u["display_name"],
        bio=u["bio"],
        email_verified=bool(u["email_verified"]),
        followers=followers,
        following=following,
    )


@bp.route("/me/photos")
@api_auth
def my_photos():
    page, per_page, offset = page_args(request, 30)
    order = request.args.get("order", "new")
    rows = models.user_gallery(g.api_user["id"], order, per_page, offset, include_private=True)
    return jsonify(page=page, photos=[_photo_json(p) for p in rows])


@bp.route("/users/<username>/photos")
def user_photos(username):
    user = models.get_user_by_username(username)
    if user is None or not user["is_active"]:
        return jsonify(error="not found"), 404
    page, per_page, offset = page_args(request, 30)
    rows = models.user_gallery(user["id"], request.args.get("order", "new"), per_page, offset)
    return jsonify(page=page, photos=[_photo_json(p) for p in rows])


@bp.route("/photos/<int:photo_id>")
@api_auth
def photo_detail(photo_id):
    p = models.get_photo(photo_id)
    if p is None or (not p["is_public"] and p["owner_id"] != g.api_user["id"]):
        return jsonify(error="not found"), 404
    data = _photo_json(p)
    data["tags"] = models.tags_for(photo_id)
    data["comments"] = [
        {"id": c["id"], "author": c["username"], "body": c["body"], "created_at": str(c["created_at"])}
        for c in models.comments_for(photo_id, current_app.config["COMMENTS_PER_PAGE"])
    ]
    return jsonify(data)


@bp.route("/photos/<int:photo_id>/like", methods=["POST"])
@api_auth
def like(photo_id):
    p = models.get_photo(photo_id)
    if p is None or not p["is_public"]:
        return jsonify(error="not found"), 404
    return jsonify(liked=models.toggle_like(g.api_user["id"], photo_id))
