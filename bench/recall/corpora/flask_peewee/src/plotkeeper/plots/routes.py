import datetime
import logging

from flask import abort, flash, jsonify, make_response, redirect, render_template, render_template_string, request, url_for
from flask_login import current_user, login_required

from ..extensions import cache, csrf
from ..models import HarvestEntry, Plot, Site, Tenancy
from ..services.lottery import featured_plots
from ..services.weather import forecast_for_site
from ..utils.html import harvest_table
from . import bp
from .forms import HarvestForm, PlotDetailsForm

log = logging.getLogger("plotkeeper.plots")

THEMES = {"light", "dark", "high-contrast"}

SEARCH_RESULTS_PARTIAL = """
{%- from "macros/plots.html" import plot_row -%}
<p class="hint">{{ plots|length }} plot(s) matching <strong>{{ q }}</strong></p>
<ul class="plot-list">{% for plot in plots %}{{ plot_row(plot) }}{% endfor %}</ul>
"""


def _active_tenancy(plot_id):
    tenancy = (
        Tenancy.select(Tenancy, Plot, Site)
        .join(Plot)
        .join(Site)
        .where(
            (Tenancy.plot == plot_id)
            & (Tenancy.tenant == current_user.id)
            & (Tenancy.status == "active")
        )
        .first()
    )
    if tenancy is None:
        abort(404)
    return tenancy


@bp.route("/")
@login_required
def dashboard():
    tenancies = (
        Tenancy.select(Tenancy, Plot, Site)
        .join(Plot)
        .join(Site)
        .where((Tenancy.tenant == current_user.id) & (Tenancy.status == "active"))
    )
    sites = {t.plot.site.id: t.plot.site for t in tenancies}
    forecasts = {site_id: forecast_for_site(site) for site_id, site in sites.items()}
    vacant = Plot.select().where(~Plot.id.in_(Tenancy.select(Tenancy.plot).where(Tenancy.status == "active")))
    return render_template(
        "plots/dashboard.html",
        tenancies=tenancies,
        forecasts=forecasts,
        featured=featured_plots(vacant),
    )


@bp.route("/plots/search")
@login_required
def search():
    q = request.args.get("q", "").strip()
    plots = (
        Plot.select(Plot, Site)
        .join(Site)
        .where(Plot.nickname.contains(q) | Plot.number.contains(q) | Site.name.contains(q))
        .limit(25)
    )
    if not plots:
        return f'<p class="empty">No plots match <strong>{q}</strong>.</p>'
    return render_template_string(SEARCH_RESULTS_PARTIAL, plots=list(plots), q=q)


@bp.route("/plots/<int:plot_id>")
@login_required
def detail(plot_id):
    tenancy = _active_tenancy(plot_id)
    entries = (
        HarvestEntry.select()
        .where(HarvestEntry.plot == plot_id)
        .order_by(HarvestEntry.harvested_on.desc())
        .limit(50)
    )
    return render_template(
        "plots/detail.html",
        tenancy=tenancy,
        plot=tenancy.plot,
        harvest_html=harvest_table(entries),
        harvest_form=HarvestForm(),
        details_form=PlotDetailsForm(obj=tenancy.plot),
    )


@bp.route("/plots/<int:plot_id>/details", methods=["POST"])
@login_required
def update_details(plot_id):
    tenancy = _active_tenancy(plot_id)
    form = PlotDetailsForm()
    if form.validate_on_submit():
        tenancy.plot.nickname = form.nickname.data or None
        tenancy.plot.save()
        flash("Plot details saved.", "success")
    return redirect(url_for("plots.detail", plot_id=plot_id))


@bp.route("/plots/<int:plot_id>/harvest", methods=["POST"])
@login_required
def record_harvest(plot_id):
    tenancy = _active_tenancy(plot_id)
    form = HarvestForm()
    if form.validate_on_submit():
        HarvestEntry.create(
            plot=tenancy.plot,
            recorded_by=current_user.id,
            crop=form.crop.data,
            weight_kg=form.weight_kg.data,
            harvested_on=form.harvested_on.data,
            season=str(form.harvested_on.data.year),
        )
        cache.delete_memoized(_site_totals_cached)
        flash("Harvest recorded.", "success")
    else:
        flash("Please check the harvest details.", "danger")
    return redirect(url_for("plots.detail", plot_id=plot_id))


@bp.route("/plots/<int:plot_id>/release", methods=["POST"])
@csrf.exempt
@login_required
def release(plot_id):
    tenancy = _active_tenancy(plot_id)
    tenancy.status = "released"
    tenancy.ends_on = datetime.date.today()
    tenancy.save()
    log.info("user %s released plot %s", current_user.id, plot_id)
    flash("You have given up your plot. Thank you for letting us know.", "info")
    return redirect(url_for("plots.dashboard"))


@bp.route("/plots/mine.json")
@login_required
def my_plots_json():
    tenancies = (
        Tenancy.select(Tenancy, Plot, Site)
        .join(Plot)
        .join(Site)
        .where((Tenancy.tenant == current_user.id) & (Tenancy.status == "active"))
    )
    return jsonify(
        [
            {
                "plot": t.plot.number,
                "site": t.plot.site.name,
                "postcode": t.plot.site.postcode,
                "tenant": current_user.display_name,
                "email": current_user.email,
            }
            for t in tenancies
        ]
    )


@cache.memoize(timeout=600)
def _site_totals_cached(site_id):
    from ..reports.queries import site_harvest_totals

    return site_harvest_totals(site_id)


@bp.route("/preferences/theme", methods=["POST"])
def set_theme():
    theme = request.form.get("theme", "light")
    if theme not in THEMES:
        theme = "light"
    resp = make_response(redirect(request.referrer or url_for("plots.dashboard")))
    resp.set_cookie("theme", theme, max_age=60 * 60 * 24 * 365)
    return resp
