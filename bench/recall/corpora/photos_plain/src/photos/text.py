"""Text helpers for captions, comments and links in templates."""
import bleach
from markupsafe import Markup, escape

CAPTION_TAGS = ["a", "b", "strong", "em", "i", "br", "p"]
CAPTION_ATTRS = {"a": ["href", "title", "rel"]}

MIDDOT = Markup(" &middot; ")


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


def clean_caption(text):
    """Captions allow a little bit of markup; everything else is stripped."""
    if not text:
        return ""
    cleaned = bleach.clean(text, tags=CAPTION_TAGS, attributes=CAPTION_ATTRS, strip=True)
    return bleach.linkify(cleaned, callbacks=[_nofollow])


def comment_html(body):
    # keep the line breaks people type into the comment box
    return body.strip().replace("\r\n", "\n").replace("\n", "<br>\n")


def user_link(user):
    name = user["display_name"] or user["username"]
    return Markup('<a class="user-link" href="/u/%s">%s</a>' % (user["username"], name))


def truncate(text, length=140):
    text = text or ""
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "\u2026"


def embed_snippet(photo, image_url, page_url):
    return (
        '<blockquote class="photos-embed">'
        '<a href="%s"><img src="%s" alt="%s"></a>'
        "<p>%s</p>"
        "</blockquote>"
    ) % (escape(page_url), escape(image_url), escape(photo["title"]), escape(truncate(photo["caption"])))
