"""Back-office pages for the broker team."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_security import auth_required, roles_accepted
from sqlalchemy import func, select

from .extensions import db
from .filters import highlight
from .models import CallbackRequest, Claim, Customer
from .services.search import search_customers, search_policies

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@auth_required()
@roles_accepted("broker", "admin")
def _require_staff():
    """Every admin page is staff-only."""


@bp.get("/")
def overview():
    open_claims = db.session.scalar(
        select(func.count(Claim.id)).where(Claim.status.in_(Claim.OPEN_STATUSES))
    )
    pending_callbacks = db.session.scalars(
        select(CallbackRequest)
        .where(CallbackRequest.handled_at.is_(None))
        .order_by(CallbackRequest.created_at)
        .limit(20)
    ).all()
    customer_count = db.session.scalar(select(func.count(Customer.id)))
    return render_template(
        "admin/customers.html",
        q="",
        results=[],
        policies=[],
        open_claims=open_claims,
        pending_callbacks=pending_callbacks,
        customer_count=customer_count,
    )


@bp.get("/customers")
def customers():
    q = request.args.get("q", "").strip()
    results, policies = [], []
    if len(q) >= 2:
        results = search_customers(q)
        for row in results:
            row["snippet"] = highlight((row.get("notes") or "")[:200], q)
        policies = search_policies(q)
    return render_template("admin/customers.html", q=q, results=results, policies=policies)
