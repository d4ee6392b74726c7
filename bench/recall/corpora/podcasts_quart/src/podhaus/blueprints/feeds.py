"""RSS feeds consumed by podcast apps."""
from __future__ import annotations

from quart import Blueprint, Response, abort, current_app, request, url_for

from ..extensions import db
from ..repositories import shows as shows_repo
from ..services import feeds

bp = Blueprint("feeds", __name__)


def _feed_response(body: bytes, etag: str, *, public: bool) -> Response:
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        response = Response(body, content_type="application/rss+xml; charset=utf-8")
    response.set_etag(etag)
    max_age = current_app.config["FEED_CACHE_SECONDS"]
    if public:
        response.headers["Cache-Control"] = f"public, max-age={max_age}"
        # Web players fetch feeds straight from the browser.
        response.headers["Access-Control-Allow-Origin"] = "*"
    else:
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["X-Robots-Tag"] = "noindex"
    return response


@bp.get("/feeds/<slug>.xml")
async def public_feed(slug: str):
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None or show["is_private"]:
        abort(404)
    body, etag = await feeds.build_feed(dict(show), self_url=url_for("feeds.public_feed", slug=slug, _external=True))
    return _feed_response(body, etag, public=True)


@bp.get("/feeds/<slug>/private/<token>.xml")
async def private_feed(slug: str, token: str):
    show = await shows_repo.show_for_private_token(db.pool, slug, token)
    if show is None:
        abort(404)
    self_url = url_for("feeds.private_feed", slug=slug, token=token, _external=True)
    body, etag = await feeds.build_feed(dict(show), self_url=self_url)
    return _feed_response(body, etag, public=False)
