"""Small view helpers and Jinja filters."""
import hashlib
import random
import re
import time
from datetime import datetime
from urllib.parse import urlencode

import bleach
import markdown
from markupsafe import Markup

AVATAR_COLOURS = ["#1abc9c", "#3498db", "#9b59b6", "#e67e22", "#e74c3c", "#16a085", "#2c3e50", "#d35400"]

KB_ALLOWED_TAGS = [
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i",
    "img", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
]
KB_ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "img": ["src", "alt", "title"],
    "abbr": ["title"],
}

TAG_RE = re.compile(r"^[a-z0-9][a-z0-9 _.-]{0,30}$")

STATUS_CLASSES = {
    "open": "badge-blue",
    "pending": "badge-yellow",
    "resolved": "badge-green",
    "closed": "badge-grey",
}


def avatar_colour(username):
    """Stable colour for the initials bubble next to a user name."""
    rng = random.Random(username)
    return rng.choice(AVATAR_COLOURS)


def gravatar_url(email, size=48):
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?" + urlencode({"s": size, "d": "identicon"})


def generate_api_key(user_id):
    raw = f"{user_id}:{time.time()}"
    return "hd_" + hashlib.md5(raw.encode("utf-8")).hexdigest()


def render_signature(text):
    """Jinja filter: user signature under their comments, keeping line breaks."""
    if not text:
        return ""
    return Markup('<div class="signature">' + text.replace("\n", "<br>") + "</div>")


def render_markdown(text):
    html = markdown.markdown(text or "", extensions=["fenced_code", "tables"])
    return bleach.clean(html, tags=KB_ALLOWED_TAGS, attributes=KB_ALLOWED_ATTRIBUTES, strip=True)


def parse_tags(raw):
    seen = []
    for part in (raw or "").split(","):
        tag = part.strip().lower()
        if tag and tag not in seen:
            seen.append(tag)
    return seen[:10]


def valid_tags(tags):
    return [t for t in tags if TAG_RE.match(t)]


def status_class(status):
    return STATUS_CLASSES.get(status, "badge-grey")


def humanize_delta(value):
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    seconds = int((datetime.utcnow() - value).total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"


def slugify(title):
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:80] or "article"


def extract_ticket_id(subject):
    """Find '[#1234]' in a mail subject."""
    match = re.search(r"\[#(\d+)\]", subject or "")
    return int(match.group(1)) if match else None
