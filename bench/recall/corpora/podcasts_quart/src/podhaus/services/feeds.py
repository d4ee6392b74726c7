"""RSS 2.0 / iTunes feed generation."""
from __future__ import annotations

import hashlib
import os
import secrets

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..extensions import db
from ..repositories import episodes as episodes_repo
from ..repositories import shows as shows_repo
from ..templating import render_show_notes, rfc822
from .storage import public_url

_FEED_TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates", "feeds")

_feed_env = Environment(
    loader=FileSystemLoader(_FEED_TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=("xml",), default_for_string=True),
    enable_async=True,
)
_feed_env.filters["rfc822"] = rfc822
_feed_env.filters["show_notes"] = render_show_notes
_feed_env.globals["media_url"] = public_url

FEED_EPISODE_LIMIT = 300


async def build_feed(show: dict, *, self_url: str) -> tuple[bytes, str]:
    """Render the feed and return ``(body, etag)``."""
    episodes = await episodes_repo.list_for_show(db.pool, show["id"], limit=FEED_EPISODE_LIMIT)
    template = _feed_env.get_template("rss.xml")
    body = (await template.render_async(show=show, episodes=episodes, self_url=self_url)).encode("utf-8")
    etag = hashlib.md5(body, usedforsecurity=False).hexdigest()
    return body, etag


def new_private_feed_token() -> str:
    return secrets.token_hex(8)


async def issue_private_feed(show_id: int, subscriber_id: int) -> str:
    token = new_private_feed_token()
    await shows_repo.set_private_feed_token(db.pool, show_id, subscriber_id, token)
    return token
