import hashlib
import os
from datetime import datetime, timezone

from flask import current_app
from jinja2 import Environment, PackageLoader, select_autoescape
from weasyprint import HTML

from .filters import money, nl2br, status_badge

_env = Environment(
    loader=PackageLoader("grants", "templates/pdf"),
    autoescape=select_autoescape(["html", "xml"]),
)
_env.filters.update(money=money, nl2br=nl2br, status_badge=status_badge)


def render_summary_html(application):
    template = _env.get_template("summary.html")
    return template.render(
        application=application,
        round=application.round,
        program=application.round.program,
        generated_at=datetime.now(timezone.utc),
    )


def render_summary_pdf(application):
    html = render_summary_html(application)
    return HTML(string=html, base_url=current_app.root_path).write_pdf()


def pdf_filename(application):
    return f"application-{application.id}.pdf"


def store_pdf(application, data):
    path = os.path.join(current_app.config["PDF_DIR"], pdf_filename(application))
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def pdf_etag(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()
