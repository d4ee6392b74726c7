import math
import random
import re
import string
import unicodedata
from datetime import datetime, timezone

USERNAME_RE = re.compile(r"^[a-z0-9_]{3,30}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
TAG_RE = re.compile(r"#?([\w-]{2,40})", re.U)

AVATAR_COLOURS = [
    "#e57373", "#f06292", "#ba68c8", "#9575cd", "#7986cb", "#64b5f6",
    "#4fc3f7", "#4dd0e1", "#4db6ac", "#81c784", "#aed581", "#ffb74d",
]


def avatar_colour(username):
    # same colour for the same user on every page
    rng = random.Random(username)
    return rng.choice(AVATAR_COLOURS)


def random_string(length=32, alphabet=string.ascii_letters + string.digits):
    return "".join(random.choice(alphabet) for _ in range(length))


def slugify(value, max_length=60):
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)[:max_length] or "untitled"


def parse_tags(text, limit=15):
    seen = []
    for match in TAG_RE.finditer(text or ""):
        tag = match.group(1).lower()
        if tag not in seen:
            seen.append(tag)
        if len(seen) >= limit:
            break
    return seen


def allowed_file(filename, allowed):
    return "." in filename and filename.rsplit(".", 1)[1].lower() in allowed


def mask_email(email):
    if not email or "@" not in email:
        return "?"
    local, domain = email.split("@", 1)
    return "%s***@%s" % (local[:1], domain)


def humanize_delta(value):
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    seconds = int((datetime.now(timezone.utc) - value).total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return "%d min ago" % (seconds // 60)
    if seconds < 86400:
        return "%d h ago" % (seconds // 3600)
    if seconds < 86400 * 30:
        return "%d days ago" % (seconds // 86400)
    return value.strftime("%d %b %Y")


class Page:
    def __init__(self, items, page, per_page, total):
        self.items = items
        self.page = page
        self.per_page = per_page
        self.total = total

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1

    @property
    def has_prev(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.pages


def page_args(request, default_per_page=24, max_per_page=100):
    try:
        page = max(1, int(request.args.get("page", 1)))
    except ValueError:
        page = 1
    try:
        per_page = min(max_per_page, max(1, int(request.args.get("per_page", default_per_page))))
    except ValueError:
        per_page = default_per_page
    return page, per_page, (page - 1) * per_page
