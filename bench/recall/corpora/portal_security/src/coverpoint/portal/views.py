from __future__ import annotations

import logging
import random

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_security import auth_required, current_user

from ..extensions import db
from ..models import CallbackRequest, ContactPreference, record_audit
from ..repositories import claim_counts_by_status, customer_policies, policy_for_customer
from ..services.payments import create_premium_checkout
from ..tasks.notifications import send_callback_confirmation
from ..utils import client_ip, current_customer
from . import bp
from .forms import CallbackForm, PreferencesForm

log = logging.getLogger(__name__)

DASHBOARD_TIPS = [
    "Upload your proof of no-claims before renewal to avoid delays.",
    "You can share documents securely with your solicitor from the Documents page.",
    "Switch on two-factor authentication under Account → Security.",
    "Changing your car or address? Tell us before it happens so your cover stays valid.",
    "Paying annually is usually cheaper than monthly instalments.",
]

THEMES = {"light", "dark", "system"}


@bp.get("/")
@auth_required()
def dashboard():
    customer = current_customer()
    sort = request.args.get("sort", "start_date")
    direction = request.args.get("dir", "desc")
    policies = customer_policies(customer.id, sort=sort, direction=direction)

    prefs = PreferencesForm(
        contact_preference=customer.contact_preference.value,
        marketing_opt_in=customer.marketing_opt_in,
        theme=request.cookies.get("cp_theme", "system"),
    )
    return render_template(
        "portal/dashboard.html",
        customer=customer,
        policies=policies,
        claim_counts=claim_counts_by_status(customer.id),
        sort=sort,
        direction=direction,
        tip=random.choice(DASHBOARD_TIPS),
        callback_form=CallbackForm(phone=customer.phone),
        prefs_form=prefs,
    )


@bp.get("/api/summary")
@auth_required()
def summary():
    """Feeds the renewal countdown widget on the dashboard."""
    customer = current_customer()
    rows = customer_policies(customer.id)
    return jsonify(
        policies=[
            {
                "number": r["policy_number"],
                "product": r["product"],
                "status": r["status"],
                "end_date": str(r["end_date"]) if r["end_date"] else None,
                "open_claims": r["open_claims"],
            }
            for r in rows
        ]
    )


@bp.get("/policies/<policy_number>")
@auth_required()
def policy_detail(policy_number: str):
    customer = current_customer()
    policy = policy_for_customer(policy_number, customer.id)
    if policy is None:
        abort(404)
    return render_template("portal/policy_detail.html", customer=customer, policy=policy)


@bp.post("/policies/<policy_number>/pay")
@auth_required()
def pay(policy_number: str):
    customer = current_customer()
    policy = policy_for_customer(policy_number, customer.id)
    if policy is None or policy.status not in {"quoted", "renewal_due"}:
        abort(404)
    checkout_url = create_premium_checkout(policy, customer)
    return redirect(checkout_url, code=303)


@bp.get("/payments/complete")
@auth_required()
def payment_complete():
    flash("Thanks – your payment is being processed. We'll e-mail your documents shortly.", "success")
    return redirect(url_for(".dashboard"))


@bp.post("/callback")
@auth_required()
def request_callback():
    customer = current_customer()
    form = CallbackForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(errors[0], "error")
        return redirect(url_for(".dashboard"))

    callback = CallbackRequest(
        customer_id=customer.id,
        phone=form.phone.data,
        preferred_time=form.preferred_time.data,
        reason=form.reason.data,
    )
    db.session.add(callback)
    db.session.commit()
    # texts the customer a confirmation and e-mails the broker team
    send_callback_confirmation.delay(callback.id)
    flash("Thanks – one of our brokers will call you back.", "success")
    return redirect(url_for(".dashboard"))


@bp.post("/preferences")
@auth_required()
def preferences():
    customer = current_customer()
    form = PreferencesForm()
    if not form.validate_on_submit():
        flash("We couldn't save your preferences.", "error")
        return redirect(url_for(".dashboard"))

    customer.contact_preference = ContactPreference(form.contact_preference.data)
    customer.marketing_opt_in = form.marketing_opt_in.data
    record_audit("customer.preferences", customer.reference, actor=current_user, ip=client_ip())
    db.session.commit()

    resp = redirect(url_for(".dashboard"))
    theme = form.theme.data if form.theme.data in THEMES else "system"
    resp.set_cookie("cp_theme", theme, max_age=365 * 24 * 3600)
    flash("Preferences saved.", "success")
    return resp
