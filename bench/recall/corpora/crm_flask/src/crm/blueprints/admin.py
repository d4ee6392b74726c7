import uuid

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from ..db import queries
from ..extensions import db, limiter
from ..forms import ApiClientForm, InviteForm
from ..models import ApiClient, User
from ..services import auth_service

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
def require_admin():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403)


@bp.route("/")
def dashboard():
    with db.engine.connect() as conn:
        counts = queries.table_counts(conn)
        pipeline = queries.pipeline_totals(conn)
    return render_template("admin/dashboard.html", counts=counts, pipeline=pipeline)


@bp.route("/users")
def users():
    return render_template("admin/users.html", users=User.query.order_by(User.name).all(),
                           invite_form=InviteForm())


@bp.route("/users/invite", methods=["POST"])
@limiter.limit("20 per hour")
def invite():
    form = InviteForm()
    if form.validate_on_submit():
        auth_service.create_invite(form.email.data, current_user)
        flash(f"Invitation sent to {form.email.data}.", "success")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
def deactivate(user_id):
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        abort(400)
    user.is_active_user = False
    db.session.commit()
    return redirect(url_for("admin.users"))


@bp.route("/api-clients", methods=["GET", "POST"])
def api_clients():
    form = ApiClientForm()
    if form.validate_on_submit():
        client = ApiClient(name=form.name.data.strip(), created_by=current_user.id)
        client.key = uuid.uuid1().hex
        db.session.add(client)
        db.session.commit()
        flash("Integration created. Copy the key now, it is shown only once.", "success")
        return render_template("admin/api_clients.html", form=ApiClientForm(),
                               clients=ApiClient.query.all(), new_key=client.key)
    return render_template("admin/api_clients.html", form=form, clients=ApiClient.query.all())
