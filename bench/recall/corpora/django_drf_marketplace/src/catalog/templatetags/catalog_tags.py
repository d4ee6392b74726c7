from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

HEART_ICON = mark_safe(
    '<svg class="icon icon-heart" viewBox="0 0 24 24" aria-hidden="true">'
    '<path d="M12 21s-7.5-4.6-10-9.2C.3 8.4 2.4 4 6.3 4c2.1 0 3.7 1.2 4.7 2.7C12 5.2 13.6 4 15.7 4'
    'c3.9 0 6 4.4 4.3 7.8C19.5 16.4 12 21 12 21z"/></svg>'
)


@register.simple_tag
def heart_icon():
    return HEART_ICON


@register.filter
def price(cents, currency="EUR"):
    symbol = {"EUR": "€", "GBP": "£", "USD": "$"}.get(currency, currency + " ")
    return f"{symbol}{cents / 100:,.2f}"


@register.filter
def shop_bio(text):
    """Turn the seller's plain-text bio into paragraphs, keeping their line breaks."""
    if not text:
        return ""
    paragraphs = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    html = "".join("<p>{}</p>".format(block.replace("\n", "<br>")) for block in paragraphs)
    return mark_safe(html)


@register.simple_tag
def shop_link(shop):
    return format_html('<a class="shop-link" href="{}">{}</a>', shop.get_absolute_url(), shop.name)


@register.simple_tag
def rating_stars(rating, out_of=5):
    filled = max(0, min(out_of, int(round(rating or 0))))
    return format_html_join(
        "",
        '<span class="star star-{}" aria-hidden="true">★</span>',
        (("filled" if i < filled else "empty",) for i in range(out_of)),
    )
