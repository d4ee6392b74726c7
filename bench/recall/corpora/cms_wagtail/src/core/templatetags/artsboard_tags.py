import random
import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from core.models import FooterMenu, Sponsor

register = template.Library()

HERO_BACKGROUNDS = [
    "img/hero/brushstroke-teal.svg",
    "img/hero/brushstroke-amber.svg",
    "img/hero/brushstroke-plum.svg",
]


@register.simple_tag
def hero_background():
    """Pick a decorative background so the homepage doesn't look static."""
    return random.choice(HERO_BACKGROUNDS)


@register.filter(needs_autoescape=True)
def highlight(text, term, autoescape=True):
    """Wrap occurrences of ``term`` in <mark> tags."""
    esc = conditional_escape if autoescape else (lambda x: x)
    text = esc(text or "")
    if not term:
        return mark_safe(text)
    pattern = re.compile(re.escape(esc(term)), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))


@register.simple_tag
def search_summary(query, count):
    noun = "result" if count == 1 else "results"
    if not query:
        return ""
    return mark_safe(f'{count} {noun} for <strong class="query">&ldquo;{query}&rdquo;</strong>')


@register.simple_tag
def sponsor_link(sponsor):
    if not sponsor.url:
        return sponsor.name
    return format_html(
        '<a href="{}" rel="noopener sponsored" target="_blank">{}</a>',
        sponsor.url,
        sponsor.name,
    )


@register.inclusion_tag("includes/sponsor_strip.html")
def sponsor_strip(max_tier=2):
    return {"sponsors": Sponsor.objects.filter(tier__lte=max_tier)}


@register.simple_tag
def footer_links(name="footer"):
    menu = FooterMenu.objects.filter(name=name).prefetch_related("links").first()
    return menu.links.all() if menu else []


@register.filter
def region_label(code):
    from core.models import REGION_CHOICES

    return dict(REGION_CHOICES).get(code, code)
