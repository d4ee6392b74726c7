from types import SimpleNamespace

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from .. import mailer
from ..extensions import db, limiter
from ..forms import CampaignForm
from ..models import Campaign
from ..services import campaign_service

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")

SAMPLE_CONTACT = SimpleNamespace(first_name="Alex", last_name="Sample", full_name="Alex Sample",
                                 company="Acme GmbH", email="alex@example.com")


@bp.route("/")
@login_required
def index():
    campaigns = Campaign.query.order_by(Campaign.created_at.desc()).all()
    return render_template("campaigns/list.html", campaigns=campaigns)


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:campaign_id>/edit", methods=["GET", "POST"])
@login_required
def edit(campaign_id=None):
    campaign = db.session.get(Campaign, campaign_id) if campaign_id else Campaign(created_by=current_user.id)
    if campaign is None:
        abort(404)
    if campaign.sent_at:
        flash("This campaign has already been sent.", "warning")
        return redirect(url_for("campaigns.index"))
    form = CampaignForm(obj=campaign)
    if form.validate_on_submit():
        form.populate_obj(campaign)
        db.session.add(campaign)
        db.session.commit()
        return redirect(url_for("campaigns.preview", campaign_id=campaign.id))
    return render_template("campaigns/edit.html", form=form, campaign=campaign)


@bp.route("/<int:campaign_id>/preview")
@login_required
def preview(campaign_id):
    campaign = db.get_or_404(Campaign, campaign_id)
    rendered = mailer.render_campaign(campaign, SAMPLE_CONTACT)
    audience_size = len(campaign_service.audience(campaign))
    return render_template("campaigns/preview.html", campaign=campaign,
                           preview_html=rendered, audience_size=audience_size)


@bp.route("/<int:campaign_id>/send", methods=["POST"])
@login_required
@limiter.limit("3 per hour")
def send(campaign_id):
    campaign = db.get_or_404(Campaign, campaign_id)
    if campaign.sent_at:
        abort(409)
    sent = campaign_service.send_campaign(campaign)
    flash(f"Campaign sent to {sent} contacts.", "success")
    return redirect(url_for("campaigns.index"))


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token):
    contact = campaign_service.unsubscribe(token)
    return render_template("campaigns/unsubscribed.html", contact=contact)
