"""Jinja filters and context processors."""
import random

from flask import url_for
from markupsafe import Markup

from .models import Page

AVATAR_COLOURS = ("#1abc9c", "#3498db", "#9b59b6", "#e67e22", "#e74c3c", "#34495e")


def tag_badge(tag):
    label = tag if isinstance(tag, str) else tag.name
    return Markup(f'<span class="badge badge-tag">{label}</span>')


def page_link(page):
    href = url_for("pages.view_page", slug=page.slug)
    return Markup('<a class="page-link" href="{}">{}</a>').format(href, page.title)


def avatar_colour(username):
    """Stable colour per user so the same person always looks the same."""
    rng = random.Random(username)
    return rng.choice(AVATAR_COLOURS)


def explore_pages():
    slugs = [p.slug for p in Page.query.with_entities(Page.slug).limit(200)]
    return random.sample(slugs, k=min(5, len(slugs)))


def register(app):
    app.add_template_filter(tag_badge)
    app.add_template_filter(page_link)
    app.add_template_filter(avatar_colour)

    @app.context_processor
    def inject_explore():
        return {"explore_pages": explore_pages}
