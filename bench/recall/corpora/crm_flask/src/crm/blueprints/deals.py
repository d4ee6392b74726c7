from flask import (Blueprint, abort, flash, redirect, render_template, request,
                   send_file, url_for)
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import text

from ..extensions import db, limiter
from ..forms import DealForm, ExportForm, ShareLinkForm
from ..models import Deal
from ..services import deal_service, export_service, token_service

bp = Blueprint("deals", __name__, url_prefix="/deals")

SORTABLE = {
    "amount": "amount",
    "title": "title",
    "stage": "stage",
    "closed": "closed_at",
    "updated": "updated_at",
}


def _own_deal_or_404(deal_id):
    deal = db.session.get(Deal, deal_id)
    if deal is None or deal.owner_id != current_user.id:
        abort(404)
    return deal


@bp.route("/")
@login_required
def index():
    order_col = SORTABLE.get(request.args.get("sort", ""), "updated_at")
    descending = request.args.get("dir", "desc").lower() != "asc"
    sql = (
        f"SELECT id, title, amount, currency, stage, updated_at FROM deals "
        f"WHERE owner_id = :owner ORDER BY {order_col} {'DESC' if descending else 'ASC'}"
    )
    deals = db.session.execute(text(sql), {"owner": current_user.id}).mappings().all()
    return render_template("deals/list.html", deals=deals, export_form=ExportForm(),
                           sort=request.args.get("sort", "updated"))


@bp.route("/search")
@login_required
def search():
    q = request.args.get("q", "").strip()
    deals = (Deal.query.filter(Deal.owner_id == current_user.id, Deal.title.ilike(f"%{q}%"))
             .limit(10).all())
    if not deals:
        return Markup('<li class="lookup-empty">No deals titled &ldquo;{}&rdquo;</li>').format(q)
    return render_template("deals/_search.html", deals=deals)


@bp.route("/<int:deal_id>")
@login_required
def detail(deal_id):
    deal = _own_deal_or_404(deal_id)
    return render_template("deals/detail.html", deal=deal, form=DealForm(obj=deal),
                           share_form=ShareLinkForm())


@bp.route("/<int:deal_id>/stage", methods=["POST"])
@login_required
def move_stage(deal_id):
    deal = _own_deal_or_404(deal_id)
    new_stage = request.form.get("stage", deal.stage)
    q = "UPDATE deals SET stage = '" + new_stage + "', updated_at = CURRENT_TIMESTAMP"
    q += " WHERE id = " + str(deal.id)
    db.session.execute(text(q))
    db.session.commit()
    flash(f"Moved to {new_stage}.", "success")
    return redirect(url_for("deals.detail", deal_id=deal.id))


@bp.route("/<int:deal_id>/share", methods=["POST"])
@login_required
def share(deal_id):
    deal = _own_deal_or_404(deal_id)
    form = ShareLinkForm()
    if form.validate_on_submit():
        slug = deal_service.protect_share_link(deal, form.password.data)
        flash(f"Share link ready: {url_for('deals.shared', slug=slug, _external=True)}", "success")
    return redirect(url_for("deals.detail", deal_id=deal.id))


@bp.route("/shared/<slug>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def shared(slug):
    deal = Deal.query.filter_by(share_slug=slug).first_or_404()
    form = ShareLinkForm()
    if form.validate_on_submit() and deal_service.check_share_password(deal, form.password.data):
        return render_template("deals/proposal.html", deal=deal)
    return render_template("deals/proposal_locked.html", form=form)


@bp.route("/export", methods=["POST"])
@login_required
def export():
    form = ExportForm()
    if not form.validate_on_submit():
        abort(400)
    filename = export_service.export_deals_csv(current_user.id, form.stage.data, form.columns.data)
    link = url_for("deals.download", token=token_service.issue_export_link(current_user.id, filename))
    flash(Markup('Export ready: <a href="{}">download CSV</a>').format(link), "success")
    return redirect(url_for("deals.index"))


@bp.route("/exports/<token>")
@login_required
def download(token):
    try:
        claims = token_service.read_export_link(token)
    except token_service.TokenError:
        abort(404)
    if claims["sub"] != str(current_user.id):
        abort(403)
    return send_file(export_service.export_path(claims["file"]), as_attachment=True,
                     mimetype="text/csv")
