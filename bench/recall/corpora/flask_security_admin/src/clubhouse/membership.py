from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_security import current_user, login_required

from .extensions import csrf, db
from .forms import CheckoutForm
from .models import Membership
from .services import payments

bp = Blueprint("membership", __name__, url_prefix="/membership")


def _membership():
    membership = current_user.membership
    if membership is None:
        membership = Membership(user=current_user._get_current_object())
        db.session.add(membership)
        db.session.commit()
    return membership


@bp.route("/")
@login_required
def detail():
    membership = _membership()
    if request.args.get("paid"):
        flash("Thank you! Your payment is being processed.", "success")
    form = CheckoutForm(tier=membership.tier)
    return render_template(
        "membership/detail.html",
        membership=membership,
        checkout_form=form,
        payments=membership.payments.order_by(None).all(),
    )


@bp.route("/checkout", methods=["POST"])
@login_required
def checkout():
    form = CheckoutForm()
    if not form.validate_on_submit():
        return redirect(url_for("membership.detail"))
    return redirect(payments.start_checkout(_membership(), form.tier.data), code=303)


@bp.route("/auto-renew", methods=["POST"])
@login_required
@csrf.exempt
def auto_renew():
    membership = _membership()
    membership.auto_renew = request.form.get("enabled") in {"on", "1", "true"}
    db.session.commit()
    if request.accept_mimetypes.best == "application/json":
        return jsonify(auto_renew=membership.auto_renew)
    flash("Automatic renewal %s." % ("enabled" if membership.auto_renew else "disabled"), "info")
    return redirect(url_for("membership.detail"))
