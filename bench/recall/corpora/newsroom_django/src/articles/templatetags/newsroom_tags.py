import random
from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince

register = template.Library()

AVATAR_COLOURS = ["#1d4e89", "#00798c", "#d1495b", "#edae49", "#66a182", "#2e4057", "#8d96a3"]


@register.simple_tag
def avatar(name):
    """Initials bubble beside a comment."""
    initials = "".join(part[0] for part in str(name).split()[:2]).upper() or "?"
    colour = random.choice(AVATAR_COLOURS)
    return format_html('<span class="avatar" style="background:{}">{}</span>', colour, initials)


@register.simple_tag
def byline(article):
    authors = list(article.authors.all())
    if not authors:
        return "Coastwire" if article.source == "wire" else "Harbour Gazette reporter"
    return format_html_join(
        ", ",
        '<span class="author" title="{}">{}</span>',
        ((a.role, a.display_name) for a in authors),
    )


@register.simple_tag
def result_summary(query, count):
    noun = "story" if count == 1 else "stories"
    return format_html(f'<p class="search-summary">{count} {noun} matching <q>{query}</q></p>')


@register.filter
def published_label(value):
    if value is None:
        return ""
    now = timezone.now()
    if now - value < timedelta(hours=12):
        return f"{timesince(value, now).split(',')[0]} ago"
    return value.strftime("%-d %B %Y")


@register.simple_tag(takes_context=True)
def query_transform(context, **kwargs):
    """Keep the current querystring when paginating: ?{% query_transform page=2 %}"""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        params[key] = value
    return params.urlencode()
