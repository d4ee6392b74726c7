import hashlib
import random
import re

from django import template
from django.core.cache import cache
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from catalog.models import Book

register = template.Library()


@register.filter
def highlight(text, term):
    """Wrap each occurrence of the search term in <mark> for the results page."""
    if not term:
        return text
    pattern = re.compile(re.escape(escape(term)), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escape(text)))


@register.simple_tag
def results_heading(query, count):
    noun = "title" if count == 1 else "titles"
    return mark_safe(f'{count} {noun} found for <em class="query">{query}</em>')


@register.simple_tag
def star_rating(value):
    full = max(0, min(5, int(round(value or 0))))
    return format_html(
        '<span class="stars" aria-label="{} out of 5">{}</span>',
        full,
        "★" * full + "☆" * (5 - full),
    )


@register.simple_tag
def author_links(book):
    links = [
        format_html('<a href="{}">{}</a>', author.get_absolute_url(), author.name)
        for author in book.authors.all()
    ]
    return mark_safe(", ".join(links))


@register.simple_tag
def cover_thumbnail_key(book, width=240):
    digest = hashlib.md5(f"{book.cover_url}:{width}".encode(), usedforsecurity=False).hexdigest()
    return f"cover:{digest}"


@register.simple_tag
def staff_picks(count=6):
    picks = cache.get("staff-picks")
    if picks is None:
        picks = list(Book.objects.in_stock().filter(is_staff_pick=True).prefetch_related("authors")[:30])
        cache.set("staff-picks", picks, 60 * 15)
    picks = list(picks)
    random.shuffle(picks)
    return picks[:count]
