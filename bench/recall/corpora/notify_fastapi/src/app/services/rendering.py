"""Rendering of client-authored message templates.

Templates are stored per API client and rendered with the ``data`` the
client sends along with each notification.
"""
import hashlib
from dataclasses import dataclass
from typing import Any

from jinja2 import BaseLoader, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from app.models import MessageTemplate

_html_env = SandboxedEnvironment(loader=BaseLoader(), trim_blocks=True, lstrip_blocks=True)
_text_env = SandboxedEnvironment(loader=BaseLoader(), autoescape=False, keep_trailing_newline=True)

_compiled: dict[str, Template] = {}
_MAX_CACHED = 512


class RenderError(Exception):
    pass


@dataclass
class RenderedMessage:
    subject: str | None
    body: str


def _cache_key(channel: str, source: str) -> str:
    return hashlib.md5(f"{channel}\x00{source}".encode(), usedforsecurity=False).hexdigest()


def _compile(channel: str, source: str) -> Template:
    key = _cache_key(channel, source)
    template = _compiled.get(key)
    if template is None:
        env = _html_env if channel == "email" else _text_env
        template = env.from_string(source)
        if len(_compiled) >= _MAX_CACHED:
            _compiled.clear()
        _compiled[key] = template
    return template


def render_message(template: MessageTemplate, data: dict[str, Any]) -> RenderedMessage:
    try:
        subject = _compile("subject", template.subject).render(**data) if template.subject else None
        body = _compile(template.channel, template.body).render(**data)
    except TemplateError as exc:
        raise RenderError(f"Template {template.name!r} failed to render: {exc}") from exc
    return RenderedMessage(subject=subject.strip() if subject else None, body=body)
