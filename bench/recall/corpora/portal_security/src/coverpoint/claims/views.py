from __future__ import annotations

import logging

from flask import abort, flash, redirect, render_template, render_template_string, request, url_for
from flask_security import auth_required, current_user, login_required, roles_accepted
from sqlalchemy import select

from ..extensions import csrf, db
from ..filters import status_label
from ..models import Claim, ClaimMessage, Policy, record_audit
from ..tasks.notifications import notify_claim_update
from ..utils import client_ip, current_customer, customer_or_staff, next_reference
from . import bp
from .forms import ClaimForm, MessageForm, StatusForm

log = logging.getLogger(__name__)

_STATUS_BADGE = (
    '<span class="badge badge-{{ status }}" hx-get="{{ url }}" hx-trigger="every 60s" hx-swap="outerHTML">'
    "{{ label }}</span>"
)


def _load_claim(reference: str) -> Claim:
    claim = db.session.scalar(select(Claim).where(Claim.reference == reference))
    if claim is None:
        abort(404)
    customer_or_staff(claim.policy.customer_id)
    return claim


@bp.route("/new", methods=["GET", "POST"])
@auth_required()
def new():
    customer = current_customer()
    form = ClaimForm()
    form.policy_id.choices = [(p.id, f"{p.policy_number} – {p.product}") for p in customer.policies if p.status == "active"]
    if request.method == "GET" and request.args.get("policy"):
        form.policy_id.data = request.args.get("policy", type=int)

    if form.validate_on_submit():
        policy = db.session.get(Policy, form.policy_id.data)
        if policy is None or policy.customer_id != customer.id:
            abort(400)
        claim = Claim(
            policy=policy,
            reference=next_reference("CL", Claim),
            title=form.title.data,
            description=form.description.data,
            incident_date=form.incident_date.data,
            amount_claimed=form.amount_claimed.data,
        )
        db.session.add(claim)
        record_audit("claim.submitted", claim.reference, actor=current_user, ip=client_ip())
        db.session.commit()
        notify_claim_update.delay(claim.id, "submitted")
        flash(f"Claim {claim.reference} submitted. We'll be in touch within one working day.", "success")
        return redirect(url_for(".detail", reference=claim.reference))

    return render_template("claims/new.html", form=form)


@bp.get("/<reference>")
@auth_required()
def detail(reference: str):
    claim = _load_claim(reference)
    status_form = StatusForm(status=claim.status) if current_user.is_staff else None
    return render_template(
        "claims/detail.html",
        claim=claim,
        message_form=MessageForm(),
        status_form=status_form,
    )


@bp.get("/<reference>/status")
@auth_required()
def status_badge(reference: str):
    claim = _load_claim(reference)
    return render_template_string(
        _STATUS_BADGE,
        status=claim.status,
        label=status_label(claim.status),
        url=url_for(".status_badge", reference=reference),
    )


@bp.post("/<reference>/messages")
@auth_required()
def add_message(reference: str):
    claim = _load_claim(reference)
    form = MessageForm()
    if form.validate_on_submit():
        db.session.add(ClaimMessage(claim=claim, author_id=current_user.id, body=form.body.data))
        db.session.commit()
        if current_user.is_staff:
            notify_claim_update.delay(claim.id, "message")
        flash("Message sent.", "success")
    else:
        flash("Your message was empty.", "error")
    return redirect(url_for(".detail", reference=reference, _anchor="messages"))


@bp.post("/<reference>/status")
@auth_required()
@roles_accepted("broker", "admin")
def update_status(reference: str):
    claim = _load_claim(reference)
    form = StatusForm()
    if form.validate_on_submit() and form.status.data != claim.status:
        previous, claim.status = claim.status, form.status.data
        record_audit("claim.status", claim.reference, actor=current_user, previous=previous, new=claim.status)
        db.session.commit()
        notify_claim_update.delay(claim.id, "status")
        flash(f"Status changed to {status_label(claim.status)}.", "success")
    return redirect(url_for(".detail", reference=reference))


@bp.post("/<reference>/withdraw")
@csrf.exempt
@login_required
def withdraw(reference: str):
    claim = _load_claim(reference)
    if not claim.is_open:
        flash("This claim can no longer be withdrawn.", "error")
        return redirect(url_for(".detail", reference=reference))
    claim.status = "withdrawn"
    record_audit("claim.withdrawn", claim.reference, actor=current_user, ip=client_ip())
    db.session.commit()
    notify_claim_update.delay(claim.id, "withdrawn")
    flash(f"Claim {claim.reference} has been withdrawn.", "success")
    return redirect(url_for("portal.dashboard"))
