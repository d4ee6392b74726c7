import hashlib
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from werkzeug.wrappers import Response

from docsign.sessions import get_csrf_token

STATIC_DIR = Path(__file__).with_name("static")


def format_datetime(value, fmt="%d %b %Y %H:%M"):
    if not value:
        return ""
    if isinstance(value, str):
        return value.replace("T", " ")[:16]
    return value.strftime(fmt)


@lru_cache(maxsize=256)
def _asset_version(filename):
    path = STATIC_DIR / filename
    if not path.is_file():
        return "0"
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()[:10]


def static_url(filename):
    return f"/static/{filename}?v={_asset_version(filename)}"


class TemplateRenderer:
    def __init__(self, config):
        self.config = config
        self.env = Environment(
            loader=PackageLoader("docsign", "templates"),
            autoescape=select_autoescape(["html", "xml"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["datetime"] = format_datetime
        self.env.globals.update(app_name=config.APP_NAME, static_url=static_url)

    def render(self, template_name, request=None, status=200, **context):
        if request is not None:
            session = request.session
            context.setdefault("csrf_token", lambda: get_csrf_token(session))
            context.setdefault("current_user", request.user)
            context.setdefault("flashes", session.pop("_flashes", []) if "_flashes" in session else [])
            context.setdefault("request", request)
        body = self.env.get_template(template_name).render(**context)
        return Response(body, status=status, mimetype="text/html")
