import datetime
import logging

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField
from wtforms.validators import DataRequired, Email

from ..db import database
from ..models import Application, Plot, Site, Tenancy, User
from ..reports.queries import vacant_plots
from ..services.invites import create_invite
from ..services.lottery import draw_order, waiting_list
from ..utils import committee_required
from . import bp
from .members import search_members

log = logging.getLogger("plotkeeper.admin")


class InviteForm(FlaskForm):
    site = SelectField("Garden", coerce=int, validators=[DataRequired()])
    email = EmailField("E-mail", validators=[DataRequired(), Email()])


@bp.before_request
@login_required
@committee_required
def _guard():
    return None


@bp.route("/members")
def members():
    term = request.args.get("q", "").strip()
    active_only = request.args.get("all") != "1"
    rows = search_members(term, active_only=active_only) if term else []
    return render_template("admin/members.html", rows=rows, q=term)


@bp.route("/sites/<int:site_id>/waiting-list")
def site_waiting_list(site_id):
    site = Site.get_or_none(Site.id == site_id)
    if site is None:
        abort(404)
    ordered = draw_order(waiting_list(site), seed=f"{site.slug}-{datetime.date.today().year}")
    return render_template(
        "admin/waiting_list.html", site=site, applications=ordered, vacant=vacant_plots(site.id)
    )


@bp.route("/applications/<int:app_id>/approve", methods=["POST"])
def approve_application(app_id):
    application = Application.get_or_none(Application.id == app_id)
    if application is None or application.status != "waiting":
        abort(404)
    plot_id = request.form.get("plot_id", type=int)
    plot = Plot.get_or_none(Plot.id == plot_id)
    if plot is None:
        abort(400)
    with database.atomic():
        user = User.get_or_none(User.email == application.email)
        if user is None:
            user = User(email=application.email, display_name=application.display_name)
            user.set_password(application.password)
            user.save()
        Tenancy.create(plot=plot, tenant=user, starts_on=datetime.date.today())
        application.status = "approved"
        application.save()
    log.info("application %s approved by %s; plot %s", app_id, current_user.id, plot.id)
    flash(f"{application.display_name} now holds {plot.label}.", "success")
    return redirect(url_for("admin.site_waiting_list", site_id=plot.site_id))


@bp.route("/invites", methods=["GET", "POST"])
def invites():
    form = InviteForm()
    form.site.choices = [(s.id, s.name) for s in Site.select().order_by(Site.name)]
    if form.validate_on_submit():
        site = Site.get_by_id(form.site.data)
        create_invite(site, form.email.data, current_user.id)
        flash("Invitation sent.", "success")
        return redirect(url_for("admin.invites"))
    return render_template("admin/invites.html", form=form)
