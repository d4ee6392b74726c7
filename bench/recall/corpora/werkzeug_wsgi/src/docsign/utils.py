import json
from datetime import datetime, timezone

from markupsafe import Markup, escape
from werkzeug.wrappers import Response


def utcnow():
    return datetime.now(timezone.utc)


def isoformat(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def json_response(data, status=200, headers=None):
    return Response(
        json.dumps(data, default=str),
        status=status,
        headers=headers,
        mimetype="application/json",
    )


def client_ip(request):
    # ProxyFix in wsgi.py already rewrote remote_addr from X-Forwarded-For
    return request.remote_addr or "unknown"


def render_notes(text):
    """Turn plain-text notes into HTML paragraphs, escaping every line."""
    paragraphs = [p for p in (text or "").split("\n\n") if p.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in p.splitlines()))
        for p in paragraphs
    )


def row_to_dict(row, fields=None):
    if row is None:
        return None
    keys = fields or row.keys()
    return {key: row[key] for key in keys}
