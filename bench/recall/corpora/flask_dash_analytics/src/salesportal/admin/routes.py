import logging
import uuid

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Email, Length

from ..extensions import cache, db
from ..models import PartnerClient, User
from ..repositories import users as users_repo
from . import bp, ops_bp

log = logging.getLogger(__name__)


class PartnerForm(FlaskForm):
    name = StringField("Partner name", validators=[DataRequired(), Length(max=120)])
    contact_email = EmailField("Technical contact", validators=[DataRequired(), Email()])
    regions = StringField("Regions (comma separated, empty = none)", validators=[Length(max=255)])


def _new_partner_key():
    return f"sp_{uuid.uuid1().hex}"


@bp.before_request
@login_required
def require_admin():
    if not current_user.is_admin:
        abort(403)


@bp.route("/users")
def users():
    return render_template("admin/users.html", users=users_repo.list_users(), roles=User.ROLES)


@bp.route("/users/<int:user_id>", methods=["POST"])
def user_action(user_id):
    user = db.session.get(User, user_id) or abort(404)
    action = request.form.get("action")
    if action == "approve":
        users_repo.approve(user)
    elif action == "deactivate":
        users_repo.deactivate(user)
    elif action == "role":
        try:
            users_repo.set_role(user, request.form.get("role", ""))
        except ValueError:
            abort(400)
    else:
        abort(400)
    log.info("Admin %s applied %s to user %s", current_user.id, action, user.id)
    flash(f"Updated {user.email}.", "success")
    return redirect(url_for("admin.users"))


@bp.route("/partners", methods=["GET", "POST"])
def partners():
    form = PartnerForm()
    new_key = None
    if form.validate_on_submit():
        new_key = _new_partner_key()
        client = PartnerClient(
            name=form.name.data,
            contact_email=form.contact_email.data,
            regions=form.regions.data or "",
            key_prefix=new_key[:8],
            key_hash=PartnerClient.hash_key(new_key),
        )
        db.session.add(client)
        db.session.commit()
        log.info("Admin %s created partner client %s", current_user.id, client.id)
        form = PartnerForm(formdata=None)
    clients = PartnerClient.query.order_by(PartnerClient.created_at.desc()).all()
    return render_template("admin/partners.html", form=form, clients=clients, new_key=new_key)


@bp.route("/partners/<int:client_id>/revoke", methods=["POST"])
def revoke_partner(client_id):
    client = db.session.get(PartnerClient, client_id) or abort(404)
    client.active = False
    db.session.commit()
    flash(f"Revoked API access for {client.name}.", "success")
    return redirect(url_for("admin.partners"))


@ops_bp.route("/cache/flush", methods=["POST"])
def flush_cache():
    supplied = request.headers.get("X-Ops-Token", "")
    expected = current_app.config.get("OPS_TOKEN")
    if not expected or supplied != expected:
        abort(403)
    cache.clear()
    log.info("Report cache flushed from %s", request.remote_addr)
    return jsonify(status="ok")
