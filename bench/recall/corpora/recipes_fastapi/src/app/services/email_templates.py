from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from app.core.config import settings
from app.utils.strings import format_minutes, truncate

EMAIL_TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "emails"

_env = Environment(loader=FileSystemLoader(str(EMAIL_TEMPLATE_DIR)), trim_blocks=True, lstrip_blocks=True)
_env.filters["truncate_words"] = truncate
_env.filters["minutes"] = format_minutes
_env.globals["site_name"] = settings.PROJECT_NAME
_env.globals["base_url"] = settings.BASE_URL


def render_email(template_name: str, **context: Any) -> str:
    return _env.get_template(template_name).render(**context)


def render_subject(template_name: str, **context: Any) -> str:
    # subjects live in the first line of the template as "{# subject: ... #}"
    source, _, _ = _env.loader.get_source(_env, template_name)
    first_line = source.splitlines()[0] if source else ""
    if first_line.startswith("{# subject:") and first_line.endswith("#}"):
        subject = first_line[len("{# subject:"):-2].strip()
        return _env.from_string(subject).render(**context)
    return settings.PROJECT_NAME
