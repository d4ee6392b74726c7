from __future__ import annotations

import hmac
import logging
from datetime import datetime, timezone

import jwt
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_security import hash_password, login_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from ..extensions import csrf, db, limiter, security
from ..models import AgentInvite, as_utc, record_audit
from ..utils import client_ip
from . import bp
from .sso import authorization_url, pop_expected, verify_id_token

log = logging.getLogger(__name__)


class AcceptInviteForm(FlaskForm):
    first_name = StringField("First name", validators=[DataRequired(), Length(max=80)])
    last_name = StringField("Last name", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=12)])
    confirm = PasswordField("Confirm password", validators=[EqualTo("password", "Passwords must match")])


@bp.route("/invite/<code>", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def accept_invite(code: str):
    invite = db.session.scalar(select(AgentInvite).where(AgentInvite.code == code))
    now = datetime.now(timezone.utc)
    if invite is None or invite.accepted_at is not None or as_utc(invite.expires_at) < now:
        abort(404)

    form = AcceptInviteForm()
    if form.validate_on_submit():
        datastore = security.datastore
        if datastore.find_user(email=invite.email):
            flash("An account already exists for this e-mail address. Please sign in.", "error")
            return redirect(url_for("security.login"))
        user = datastore.create_user(
            email=invite.email,
            password=hash_password(form.password.data),
            first_name=form.first_name.data,
            last_name=form.last_name.data,
            roles=["broker"],
            confirmed_at=now,
        )
        invite.accepted_at = now
        record_audit("agent.invite_accepted", invite.email, actor=user, ip=client_ip())
        db.session.commit()
        login_user(user)
        log.info("agent account created for user %s", user.id)
        return redirect(url_for("admin.overview"))

    return render_template("auth/accept_invite.html", form=form, invite=invite)


@bp.get("/sso/carrier")
def sso_start():
    if not current_app.config.get("CARRIER_SSO_CLIENT_ID"):
        abort(404)
    return redirect(authorization_url())


@bp.post("/sso/carrier/callback")
@csrf.exempt
def sso_callback():
    """The IdP posts the id_token back (response_mode=form_post); state ties it to our session."""
    expected = pop_expected()
    state = request.form.get("state", "")
    if not expected or not hmac.compare_digest(state, expected.get("state", "")):
        abort(400)

    try:
        claims = verify_id_token(request.form.get("id_token", ""), expected.get("nonce", ""))
    except jwt.PyJWTError as exc:
        log.warning("carrier SSO token rejected: %s", exc)
        abort(401)

    user = security.datastore.find_user(email=claims.get("email", "").lower())
    if user is None or not user.active or not user.has_role("broker"):
        log.info("carrier SSO login for unknown or inactive agent sub=%s", claims["sub"])
        flash("Your carrier account isn't linked to a CoverPoint agent login.", "error")
        return redirect(url_for("security.login"))

    login_user(user, authn_via=["carrier_sso"])
    record_audit("agent.sso_login", user.email, actor=user, ip=client_ip())
    db.session.commit()
    return redirect(url_for("admin.overview"))
