"""Newsletter rendering and subscription helpers."""
import hashlib
import time

import bleach
import markdown
from flask import render_template, url_for

from ..extensions import db
from ..models import Subscription

ALLOWED_TAGS = sorted(set(bleach.sanitizer.ALLOWED_TAGS) | {"p", "h2", "h3", "img", "br", "hr"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "img": ["src", "alt"]}


def render_body(newsletter):
    html = markdown.markdown(newsletter.body_markdown, extensions=["extra"])
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=True)


def unsubscribe_token(subscription):
    return hashlib.md5(f"{subscription.email}:{time.time()}".encode()).hexdigest()


def ensure_unsubscribe_token(subscription):
    if not subscription.unsubscribe_token:
        subscription.unsubscribe_token = unsubscribe_token(subscription)
        db.session.commit()
    return subscription.unsubscribe_token


def render_email(newsletter, subscription):
    token = ensure_unsubscribe_token(subscription)
    return render_template(
        "email/newsletter.html",
        newsletter=newsletter,
        body_html=render_body(newsletter),
        unsubscribe_url=url_for("main.unsubscribe", token=token, _external=True),
    )


def unsubscribe(token):
    subscription = Subscription.query.filter_by(unsubscribe_token=token).first()
    if subscription is None:
        return False
    subscription.subscribed = False
    db.session.commit()
    return True
