"""Jinja2 environment shared by the HTML pages and the e-mail templates."""
import re

from django.contrib import messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import Environment
from markupsafe import Markup, escape

from core.utils import mask_email


def url(viewname, *args, **kwargs):
    return reverse(viewname, args=args or None, kwargs=kwargs or None)


def highlight(text, term):
    """Wrap case-insensitive matches of ``term`` in ``<mark>``.

    The text is escaped first and the term is matched against the escaped
    form, so the only markup in the result is the ``<mark>`` tags we add.
    """
    escaped = str(escape(text or ""))
    if not term:
        return Markup(escaped)
    pattern = re.compile(re.escape(str(escape(term))), re.IGNORECASE)
    return Markup(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))


def paragraphs(text):
    """Turn an organisation's free-text "about" section into paragraphs."""
    blocks = [block.strip() for block in (text or "").split("\n\n")]
    html = "".join("<p>{}</p>".format(block.replace("\n", "<br>")) for block in blocks if block)
    return Markup(html)


def local_datetime(value, fmt="%a %d %b, %H:%M"):
    if value is None:
        return ""
    return timezone.localtime(value).strftime(fmt)


def environment(**options):
    env = Environment(**options)
    env.globals.update(
        {
            "static": static,
            "url": url,
            "get_messages": messages.get_messages,
        }
    )
    env.filters.update(
        {
            "highlight": highlight,
            "paragraphs": paragraphs,
            "local_datetime": local_datetime,
            "mask_email": mask_email,
        }
    )
    return env
