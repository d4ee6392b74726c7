"""Receivers for Flask-Security signals."""
from flask import flash
from flask_security.signals import user_authenticated, user_registered

from .extensions import db
from .models import Membership, Subscription


@user_registered.connect
def on_user_registered(app, user, **extra):
    form_data = extra.get("form_data") or {}
    if form_data.get("section"):
        user.section = form_data["section"]
    db.session.add(Membership(user=user, tier="junior" if user.section == "juniors" else "adult"))
    if not Subscription.query.filter_by(email=user.email).first():
        db.session.add(Subscription(email=user.email, user_id=user.id))
    db.session.commit()


@user_authenticated.connect
def on_user_authenticated(app, user, authn_via=None, **extra):
    if authn_via and "token" in authn_via:
        return
    greeting = user.first_name or user.email
    flash(f"Welcome back, {greeting}!", "success")
