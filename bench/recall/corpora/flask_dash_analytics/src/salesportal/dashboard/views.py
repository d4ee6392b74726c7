"""Plain Flask endpoints that complement the Dash app: saved views and embeds."""
from datetime import datetime, timezone

import jwt
import plotly.express as px
from flask import Blueprint, Response, abort, current_app, jsonify, redirect, request, url_for
from flask_login import current_user, login_required

from ..extensions import csrf, db
from ..models import SavedView
from . import data

bp = Blueprint("dashboard_api", __name__, url_prefix="/dashboard-api")


def make_embed_token(view, user):
    claims = {
        "view": view.id,
        "owner": user.id,
        "scope": "embed:read",
        "iat": datetime.now(timezone.utc),
    }
    return jwt.encode(claims, current_app.config["EMBED_SIGNING_KEY"], algorithm="HS256")


def read_embed_token(token):
    return jwt.decode(token, current_app.config["EMBED_SIGNING_KEY"], algorithms=["HS256"])


@bp.route("/views", methods=["GET"])
@login_required
def list_views():
    views = SavedView.query.filter_by(user_id=current_user.id).order_by(SavedView.created_at.desc()).all()
    return jsonify([{"id": v.id, "name": v.name, "filters": v.filters} for v in views])


@bp.route("/views", methods=["POST"])
@csrf.exempt
@login_required
def save_view():
    name = (request.form.get("name") or "").strip()[:80] or "Untitled view"
    filters = {key: request.form[key] for key in ("region", "start_date", "end_date") if request.form.get(key)}
    view = SavedView(user_id=current_user.id, name=name, filters=filters)
    db.session.add(view)
    db.session.commit()
    return redirect(f"/dashboard/?view={view.id}")


@bp.route("/views/<int:view_id>/embed-link")
@login_required
def embed_link(view_id):
    view = SavedView.query.filter_by(id=view_id, user_id=current_user.id).first_or_404()
    token = make_embed_token(view, current_user)
    return jsonify(url=url_for("dashboard_api.embed", token=token, _external=True))


@bp.route("/embed/<token>")
def embed(token):
    try:
        claims = read_embed_token(token)
    except jwt.PyJWTError:
        abort(404)
    view = db.session.get(SavedView, claims["view"]) or abort(404)
    filters = view.filters or {}
    frame = data.region_daily_revenue(filters.get("region"), filters.get("start_date"), filters.get("end_date"))
    fig = px.area(frame, x="day", y="revenue")
    fig.update_layout(margin=dict(l=20, r=20, t=20, b=20))
    return Response(fig.to_html(full_html=True, include_plotlyjs="cdn"), mimetype="text/html")
