import csv
import hashlib
import io

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..models import Site
from ..tasks import enqueue
from ..utils import committee_required
from . import bp, queries

PLOT_STATUSES = ("active", "vacant")


@bp.route("/sites/<int:site_id>")
@login_required
@committee_required
def site_summary(site_id):
    site = Site.get_or_none(Site.id == site_id)
    if site is None:
        abort(404)
    season = request.args.get("season", type=int)
    sort = request.args.get("sort", "weight")
    totals = queries.site_harvest_totals(site.id)
    breakdown = queries.crop_breakdown(site.id, str(season), sort=sort) if season else []
    return render_template("reports/site.html", site=site, totals=totals, breakdown=breakdown, season=season)


@bp.route("/plots")
@login_required
@committee_required
def plot_list():
    site_name = request.args.get("site", "")
    status = request.args.get("status", "active")
    if status not in PLOT_STATUSES:
        abort(400)
    plots = queries.plots_for_site(site_name, status)
    return render_template("reports/plots.html", plots=plots, site_name=site_name, status=status)


@bp.route("/rent-roll.csv")
@login_required
@committee_required
def rent_roll_csv():
    season = request.args.get("season", type=int)
    if season is None:
        abort(400)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["site", "tenancies", "rent_gbp"])
    for name, count, rent_pence in queries.rent_roll(season):
        writer.writerow([name, count, f"{(rent_pence or 0) / 100:.2f}"])
    body = buf.getvalue()
    etag = hashlib.sha1(body.encode("utf-8")).hexdigest()
    resp = Response(body, mimetype="text/csv")
    resp.headers["Content-Disposition"] = f"attachment; filename=rent-roll-{season}.csv"
    resp.set_etag(etag)
    return resp.make_conditional(request)


@bp.route("/season-summary", methods=["POST"])
@login_required
@committee_required
def request_season_summary():
    site_slug = request.form.get("site", "")
    season = request.form.get("season", "")
    enqueue("plotkeeper.tasks.jobs.email_season_summary", site_slug, season, current_user.email)
    flash("The season summary will be e-mailed to you shortly.", "info")
    return redirect(url_for("reports.site_summary", site_id=request.form.get("site_id", type=int) or 0))
