"""JSON API for the browser dialer widget, the mobile app and integrations."""
import hmac
import traceback

from flask import Blueprint, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from ..extensions import db, limiter
from ..models import ApiClient, Contact, User
from ..services import auth_service, token_service

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.errorhandler(Exception)
def handle_error(exc):
    if isinstance(exc, HTTPException):
        return jsonify(error=exc.name.lower().replace(" ", "_"), message=exc.description), exc.code
    current_app.logger.exception("unhandled API error on %s", request.path)
    db.session.rollback()
    return jsonify(error="internal_error", detail=str(exc), trace=traceback.format_exc()), 500


def _bearer_token():
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[7:]
    return request.headers.get(current_app.config["API_TOKEN_HEADER"])


def _require_user():
    token = _bearer_token()
    if not token:
        return None
    try:
        claims = token_service.decode_api_token(token)
    except token_service.TokenError:
        return None
    user = db.session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        return None
    g.api_user = user
    return user


def _contact_json(c):
    return {"id": c.id, "first_name": c.first_name, "last_name": c.last_name,
            "email": c.email, "phone": c.phone, "company": c.company, "tags": c.tag_list}


@bp.route("/token", methods=["POST"])
def issue_token():
    data = request.get_json(silent=True) or {}
    user = auth_service.authenticate(data.get("email", ""), data.get("password", ""))
    if user is None:
        return jsonify(error="invalid_credentials"), 401
    token = token_service.issue_api_token(user)
    current_app.logger.info("issued API token for %s: %s", user.email, token)
    ttl = int(current_app.config["API_TOKEN_TTL"].total_seconds())
    return jsonify(access_token=token, token_type="bearer", expires_in=ttl)


@bp.route("/token/refresh", methods=["POST"])
@limiter.limit("30 per hour")
def refresh_token():
    token = _bearer_token()
    if not token:
        return jsonify(error="missing_token"), 401
    try:
        fresh = token_service.refresh_api_token(token)
    except token_service.TokenError:
        return jsonify(error="invalid_token"), 401
    return jsonify(access_token=fresh, token_type="bearer")


@bp.route("/contacts")
@limiter.limit("120 per minute")
def list_contacts():
    user = _require_user()
    if user is None:
        return jsonify(error="unauthorized"), 401
    contacts = Contact.query.filter_by(owner_id=user.id).order_by(Contact.last_name).limit(200).all()
    return jsonify(contacts=[_contact_json(c) for c in contacts])


@bp.route("/contacts", methods=["POST"])
@limiter.limit("60 per minute")
def create_contact():
    user = _require_user()
    if user is None:
        return jsonify(error="unauthorized"), 401
    data = request.get_json(force=True)
    contact = Contact(owner_id=user.id, first_name=data["first_name"], last_name=data["last_name"],
                      email=data.get("email"), phone=data.get("phone"), company=data.get("company"))
    db.session.add(contact)
    db.session.commit()
    return jsonify(_contact_json(contact)), 201


@bp.route("/leads", methods=["POST"])
@limiter.limit("30 per minute")
def inbound_lead():
    """Website lead form. Authenticated with an integration key, not a user token."""
    presented = request.headers.get(current_app.config["API_CLIENT_KEY_HEADER"], "")
    client = ApiClient.query.filter_by(key=presented, revoked_at=None).first()
    if client is None or not hmac.compare_digest(client.key, presented):
        return jsonify(error="unauthorized"), 401
    data = request.get_json(force=True)
    owner = User.query.filter_by(is_admin=True).order_by(User.id).first()
    contact = Contact(owner_id=owner.id, first_name=data.get("first_name", ""),
                      last_name=data.get("last_name", ""), email=data.get("email"),
                      company=data.get("company"), tags="inbound")
    db.session.add(contact)
    db.session.commit()
    return jsonify(id=contact.id), 201
