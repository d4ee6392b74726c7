from datetime import date, timedelta

from flask import Blueprint, Response, abort, redirect, request, url_for
from markupsafe import escape

from .repositories import clinics as clinic_repo
from .repositories import shifts as shift_repo
from .repositories import users as user_repo
from .services import calendar_feed

bp = Blueprint("public", __name__)


@bp.get("/")
def home():
    return redirect(url_for("schedule.index"))


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


@bp.get("/embed/today")
def embed_today():
    """Tiny HTML fragment shown on the reception screen (iframe)."""
    slug = request.args.get("clinic", "")
    clinic = clinic_repo.get_by_slug(slug)
    if clinic is None:
        return f"<p class='rota-empty'>No rota published for {slug}.</p>", 404
    start = date.today()
    rows = shift_repo.list_for_clinic(clinic["id"], start, start + timedelta(days=1))
    names = ", ".join(
        sorted({str(escape(r["staff_name"].split()[0])) for r in rows if r["staff_name"]})
    )
    return f"<p class='rota-today'>On duty today: {names or 'nobody yet'}</p>"


@bp.get("/calendar/<token>.ics")
def calendar(token):
    user = user_repo.get_by_feed_token(token)
    if user is None:
        abort(404)
    return Response(calendar_feed.build_ics(user), mimetype="text/calendar")
