"""JSON API used by the editor plugin and CI jobs (bearer-token auth)."""
import functools
import traceback

import jwt
from flask import Blueprint, abort, current_app, g, jsonify, request

from ..extensions import db, limiter
from ..models import ExportJob, Page, Revision, User
from ..repository import pages as page_repo
from .tokens import decode_access_token, issue_access_token, issue_export_token

api_bp = Blueprint("api", __name__)


def token_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        auth = request.headers.get("Authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token:
            abort(401)
        try:
            claims = decode_access_token(token)
        except jwt.InvalidTokenError:
            abort(401)
        g.api_user = db.session.get(User, int(claims["sub"])) or abort(401)
        return view(*args, **kwargs)

    return wrapper


@api_bp.route("/token", methods=["POST"])
@limiter.limit("5 per minute")
def create_token():
    data = request.get_json(silent=True) or {}
    user = User.query.filter_by(username=data.get("username", "")).first()
    if user is None or not user.check_password(data.get("password", "")):
        return jsonify(error="invalid credentials"), 401
    return jsonify(access_token=issue_access_token(user), token_type="Bearer")


@api_bp.route("/pages/<slug>", methods=["GET"])
@token_required
def get_page(slug):
    row = page_repo.get_by_slug(slug)
    if row is None:
        abort(404)
    return jsonify(dict(row))


@api_bp.route("/pages/<slug>", methods=["PUT"])
@token_required
def put_page(slug):
    data = request.get_json(force=True)
    page = Page.query.filter_by(slug=slug).first()
    if page is None:
        page = Page(slug=slug, owner_id=g.api_user.id)
        db.session.add(page)
    page.title = data.get("title", page.title or slug)
    page.body = data["body"]
    db.session.flush()
    db.session.add(Revision(page_id=page.id, author_id=g.api_user.id, body=page.body,
                            summary=data.get("summary", "via API")))
    db.session.commit()
    return jsonify(slug=page.slug, id=page.id)


@api_bp.route("/exports", methods=["POST"])
@token_required
def queue_export():
    page_ids = [int(i) for i in (request.get_json(force=True).get("pages") or [])]
    job = ExportJob(token=issue_export_token(g.api_user, page_ids))
    db.session.add(job)
    db.session.commit()
    return jsonify(job_id=job.id, status=job.status), 202


@api_bp.route("/hooks/ci", methods=["POST"])
def ci_hook():
    """CI posts generated docs here after a successful build."""
    expected = current_app.config["CI_WEBHOOK_TOKEN"]
    supplied = request.headers.get("X-Wiki-Token", "")
    if not expected or supplied != expected:
        current_app.logger.warning("rejected CI hook call, headers=%s", dict(request.headers))
        abort(403)
    payload = request.get_json(force=True)
    bot = User.query.filter_by(username="ci-bot").first_or_404()
    for doc in payload.get("pages", []):
        page = Page.query.filter_by(slug=doc["slug"]).first() or Page(slug=doc["slug"], owner_id=bot.id)
        page.title = doc.get("title", doc["slug"])
        page.body = doc["body"]
        db.session.add(page)
    db.session.commit()
    return jsonify(updated=len(payload.get("pages", [])))


@api_bp.errorhandler(Exception)
def api_error(exc):
    if hasattr(exc, "code") and isinstance(exc.code, int) and exc.code < 500:
        return jsonify(error=getattr(exc, "description", str(exc))), exc.code
    current_app.logger.exception("API request failed")
    return jsonify(error=type(exc).__name__, detail=str(exc), trace=traceback.format_exc().splitlines()), 500
