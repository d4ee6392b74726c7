"""Server-rendered UI for coordinators (Flask-Login session)."""
import logging

from flask import Blueprint, abort, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import Markup, escape

from .extensions import csrf
from .models import Observation, Site, Survey
from .services import analytics
from .services.sampling import visit_order
from .utils.templating import status_class

log = logging.getLogger(__name__)

web_bp = Blueprint("web", __name__)

MAP_LAYERS = ("terrain", "satellite", "streets")

SPECIES_NAMES = {
    "BUBO": "Eurasian eagle-owl",
    "LARARG": "European herring gull",
    "PICVIR": "European green woodpecker",
    "ALCATT": "Common kingfisher",
    "CORCOR": "Carrion crow",
}


def _member_survey_or_404(slug):
    survey = Survey.objects(slug=slug).first()
    if survey is None or not survey.is_member(current_user):
        abort(404)
    return survey


def _tag_badges(survey):
    badge = Markup('<span class="badge text-bg-{}">{}</span>')
    parts = [badge.format(status_class(survey.status), survey.status)]
    parts.extend(Markup('<span class="badge text-bg-info">{}</span>').format(tag) for tag in survey.tags)
    return Markup(" ").join(parts)


@web_bp.route("/")
@login_required
def dashboard():
    surveys = Survey.objects(__raw__={"$or": [{"owner": current_user.id}, {"team": current_user.id}]})
    map_layer = request.cookies.get("map_layer", "terrain")
    return render_template("web/dashboard.html", surveys=surveys, map_layer=map_layer, layers=MAP_LAYERS)


@web_bp.route("/surveys/<slug>")
@login_required
def survey_detail(slug):
    survey = _member_survey_or_404(slug)
    sites = visit_order(Site.objects(survey=survey))
    summary = analytics.species_summary(survey.id, limit=10)
    return render_template(
        "web/survey_detail.html",
        survey=survey,
        sites=sites,
        summary=summary,
        badges=_tag_badges(survey),
    )


@web_bp.route("/surveys/<slug>/archive", methods=["POST"])
@login_required
def archive_survey(slug):
    survey = _member_survey_or_404(slug)
    if survey.owner.id != current_user.id:
        abort(403)
    survey.update(set__status="archived")
    flash(f"{survey.title} archived.", "info")
    return redirect(url_for("web.dashboard"))


@web_bp.route("/surveys/<slug>/sites/<code>")
@login_required
def site_detail(slug, code):
    survey = _member_survey_or_404(slug)
    site = Site.objects(survey=survey, code=code).first()
    if site is None:
        abort(404)
    observations = Observation.objects(site=site).order_by("-observed_at").limit(50)
    return render_template("web/site_detail.html", survey=survey, site=site, observations=observations)


@web_bp.route("/surveys/<slug>/search")
@login_required
def search(slug):
    survey = _member_survey_or_404(slug)
    q = request.args.get("q", "").strip()
    results = []
    if q:
        results = Observation.objects(survey=survey, notes__icontains=q).order_by("-observed_at").limit(100)
    return render_template("web/search.html", survey=survey, q=q, results=results)


@web_bp.route("/sites/lookup")
@login_required
def site_lookup():
    """HTMX endpoint behind the 'jump to site' box."""
    code = request.args.get("code", "").strip().upper()
    site = Site.objects(code=code).first()
    if site is None or not site.survey.is_member(current_user):
        return f'<div class="lookup-empty">No site with code <strong>{escape(code)}</strong>.</div>'
    response = make_response("", 204)
    response.headers["HX-Redirect"] = url_for("web.site_detail", slug=site.survey.slug, code=site.code)
    return response


@web_bp.route("/species/lookup")
@login_required
def species_lookup():
    """HTMX autocomplete for the species field on the observation form."""
    term = request.args.get("q", "").strip()
    matches = [(code, name) for code, name in SPECIES_NAMES.items() if term.lower() in name.lower() or term.upper() in code]
    if not matches:
        return f'<li class="list-group-item text-muted">No species matching "{term}"</li>'
    return "".join(
        f'<li class="list-group-item" data-code="{escape(code)}">{escape(name)} <small>{escape(code)}</small></li>'
        for code, name in matches
    )


@web_bp.route("/observations/<observation_id>/flag", methods=["POST"])
@csrf.exempt
@login_required
def flag_observation(observation_id):
    """Called with fetch() from the map popup."""
    obs = Observation.objects(id=observation_id).first()
    if obs is None or not obs.survey.is_member(current_user):
        abort(404)
    payload = request.get_json(silent=True) or request.form
    reason = (payload.get("reason") or "").strip()[:200]
    obs.update(set__flagged=True, set__flag_reason=reason, set__flagged_by=current_user.id)
    log.info("observation %s flagged by %s", obs.id, current_user.id)
    return jsonify(flagged=True, reason=reason)


@web_bp.route("/preferences/map-layer", methods=["POST"])
@login_required
def set_map_layer():
    layer = request.form.get("layer", "terrain")
    if layer not in MAP_LAYERS:
        abort(400)
    response = redirect(url_for("web.dashboard"))
    response.set_cookie("map_layer", layer, max_age=60 * 60 * 24 * 365)
    return response
