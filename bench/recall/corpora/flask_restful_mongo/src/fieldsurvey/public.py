"""Unauthenticated pages reached through share links."""
from datetime import datetime, timezone

from flask import Blueprint, abort, jsonify, render_template_string, send_file

from .models import ExportJob, Observation, Survey
from .services import analytics

public_bp = Blueprint("public", __name__)

EMBED_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{{ survey.title }} – live count</title>
  <style>
    body { font: 14px/1.4 system-ui, sans-serif; margin: 0; padding: 12px; }
    .total { font-size: 28px; font-weight: 600; }
  </style>
</head>
<body>
  <div class="title">{{ survey.title }}</div>
  <div class="total">{{ total }}</div>
  <div class="muted">records{% if survey.region %} in {{ survey.region }}{% endif %}</div>
  <ol>
  {% for row in top %}<li>{{ row.species_code }} – {{ row.total }}</li>{% endfor %}
  </ol>
</body>
</html>
"""


def _shared_survey(token):
    survey = Survey.objects(share_token=token, public=True).first()
    if survey is None:
        abort(404)
    return survey


@public_bp.route("/embed/<token>")
def embed(token):
    survey = _shared_survey(token)
    total = Observation.objects(survey=survey).count()
    top = analytics.species_summary(survey.id, limit=5)
    return render_template_string(EMBED_TEMPLATE, survey=survey, total=total, top=top)


@public_bp.route("/summary/<token>")
def summary(token):
    survey = _shared_survey(token)
    return jsonify(
        title=survey.title,
        region=survey.region,
        species=analytics.species_summary(survey.id, limit=25),
    )


@public_bp.route("/exports/<token>")
def download_export(token):
    job = ExportJob.objects(download_token=token, status="ready").first()
    if job is None:
        abort(404)
    if job.expires_at and job.expires_at < datetime.now(timezone.utc):
        abort(410)
    filename = f"{job.survey.slug}.{job.fmt}"
    return send_file(job.file_path, as_attachment=True, download_name=filename)
