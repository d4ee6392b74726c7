"""Episode pages, editing, uploads and the embeddable player."""
from __future__ import annotations

import asyncio
import logging
import secrets
import uuid

from quart import (
    Blueprint, abort, current_app, flash, make_response, redirect, render_template,
    render_template_string, request, url_for, websocket,
)
from quart_auth import login_required

from ..auth_user import current_user_id
from ..extensions import db
from ..repositories import episodes as episodes_repo
from ..repositories import shows as shows_repo
from ..services import listeners, mailer, storage, transcoding
from ..services.search import SearchQuery, search_episodes

log = logging.getLogger(__name__)

bp = Blueprint("episodes", __name__)

EPISODE_TYPES = ("full", "trailer", "bonus")
LISTENER_COOKIE = "ph_listener"


async def _load(slug: str, episode_slug: str) -> tuple[dict, dict]:
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    episode = await episodes_repo.get_by_slug(db.pool, show["id"], episode_slug)
    if episode is None:
        abort(404)
    return dict(show), dict(episode)


async def _require_editor(show: dict) -> None:
    role = await shows_repo.member_role(db.pool, show["id"], await current_user_id())
    if role not in ("owner", "cohost", "producer"):
        abort(403)


def _episode_fields(form) -> dict:
    fields = {
        "title": form.get("title", "").strip(),
        "summary": form.get("summary", "").strip(),
        "notes": form.get("notes", ""),
        "episode_type": form.get("episode_type", "full"),
        "explicit": form.get("explicit") == "on",
    }
    for numeric in ("season", "number"):
        value = form.get(numeric)
        fields[numeric] = int(value) if value and value.isdigit() else None
    if fields["episode_type"] not in EPISODE_TYPES:
        fields["episode_type"] = "full"
    return fields


@bp.get("/search")
async def search():
    query = SearchQuery(
        term=request.args.get("q", ""),
        sort=request.args.get("sort", "rank"),
        direction=request.args.get("dir", "desc"),
        page=request.args.get("page", 1, type=int),
    )
    results = await search_episodes(query)
    return await render_template("search.html", results=results, q=query.term, sort=query.sort)


@bp.get("/shows/<slug>/<episode_slug>")
async def detail(slug: str, episode_slug: str):
    show, episode = await _load(slug, episode_slug)
    if episode["status"] != "published" or show["is_private"]:
        abort(404)
    context = {
        "show": show,
        "episode": episode,
        "audio_url": url_for("episodes.download", episode_id=episode["id"], _external=True),
        "live_count": await listeners.count(episode["id"]),
    }
    if show["footer_template"]:
        # Podcasters can customise the block under the player, e.g.
        # "Support {{ show.title }} on Patreon" or a sponsor line per episode.
        page = (
            "{% extends 'episodes/detail.html' %}{% block footer %}"
            + show["footer_template"]
            + "{% endblock %}"
        )
        return await render_template_string(page, **context)
    return await render_template("episodes/detail.html", **context)


@bp.route("/shows/<slug>/episodes/new", methods=["GET", "POST"])
@login_required
async def new(slug: str):
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    show = dict(show)
    await _require_editor(show)
    if request.method == "POST":
        form = await request.form
        fields = _episode_fields(form)
        if not fields["title"]:
            await flash("Episodes need a title.", "error")
            return await render_template("episodes/edit.html", show=show, episode=None, form=form), 400
        fields["guid"] = str(uuid.uuid4())
        fields["slug"] = fields["title"].lower().replace(" ", "-")[:80]
        episode_id = await episodes_repo.create(db.pool, show["id"], fields)
        return redirect(url_for("episodes.edit", slug=slug, episode_id=episode_id))
    return await render_template("episodes/edit.html", show=show, episode=None, form={})


@bp.route("/shows/<slug>/episodes/<int:episode_id>/edit", methods=["GET", "POST"])
@login_required
async def edit(slug: str, episode_id: int):
    show = await shows_repo.get_by_slug(db.pool, slug)
    episode = await episodes_repo.get(db.pool, episode_id)
    if show is None or episode is None or episode["show_id"] != show["id"]:
        abort(404)
    show = dict(show)
    await _require_editor(show)
    if request.method == "POST":
        form = await request.form
        await episodes_repo.update(db.pool, episode_id, _episode_fields(form))
        await flash("Episode saved.", "success")
        return redirect(url_for("episodes.edit", slug=slug, episode_id=episode_id))
    return await render_template("episodes/edit.html", show=show, episode=episode, form=episode)


@bp.post("/shows/<slug>/episodes/<int:episode_id>/audio")
@login_required
async def upload_audio(slug: str, episode_id: int):
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    await _require_editor(dict(show))
    files = await request.files
    audio = files.get("audio")
    if audio is None or audio.mimetype not in current_app.config["ALLOWED_AUDIO_TYPES"]:
        await flash("Upload an MP3, M4A, WAV or FLAC file.", "error")
        return redirect(url_for("episodes.edit", slug=slug, episode_id=episode_id))

    key = storage.new_object_key(f"audio/{show['id']}/source", audio.filename or "upload")

    async def chunks():
        while chunk := audio.stream.read(1024 * 1024):
            yield chunk

    size = await storage.upload_stream(key, chunks(), audio.mimetype)
    await episodes_repo.attach_audio(db.pool, episode_id, audio_key=key, audio_size=size, audio_type=audio.mimetype)
    current_app.add_background_task(transcoding.enqueue, episode_id, key, audio.filename or "")
    await flash("Upload received. We'll let you know when processing is done.", "info")
    return redirect(url_for("episodes.edit", slug=slug, episode_id=episode_id))


async def _notify_subscribers(show: dict, episode_id: int) -> None:
    episode = await episodes_repo.get(db.pool, episode_id)
    subscribers = await db.pool.fetch(
        "SELECT u.email FROM show_followers f JOIN users u ON u.id = f.user_id WHERE f.show_id = $1",
        show["id"],
    )
    link = f"{current_app.config['PUBLIC_URL']}/shows/{show['slug']}/{episode['slug']}"
    for row in subscribers:
        await mailer.send_episode_published(
            to=row["email"], show_title=show["title"], episode_title=episode["title"], link=link
        )


@bp.post("/shows/<slug>/episodes/<int:episode_id>/publish")
@login_required
async def publish(slug: str, episode_id: int):
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    show = dict(show)
    await _require_editor(show)
    await episodes_repo.publish(db.pool, episode_id)
    current_app.add_background_task(_notify_subscribers, show, episode_id)
    await flash("Published! Feeds will update within a few minutes.", "success")
    return redirect(url_for("episodes.edit", slug=slug, episode_id=episode_id))


@bp.post("/shows/<slug>/episodes/<int:episode_id>/delete")
@login_required
async def delete(slug: str, episode_id: int):
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    await _require_editor(dict(show))
    await episodes_repo.soft_delete(db.pool, episode_id)
    await flash("Episode deleted.", "info")
    return redirect(url_for("shows.edit", slug=slug))


@bp.get("/embed/<int:episode_id>")
async def embed(episode_id: int):
    episode = await episodes_repo.get(db.pool, episode_id)
    if episode is None or episode["status"] != "published":
        abort(404)
    show = await shows_repo.get_by_id(db.pool, episode["show_id"])
    listener_id = request.cookies.get(LISTENER_COOKIE) or secrets.token_urlsafe(16)
    body = await render_template("episodes/embed.html", show=show, episode=episode, listener_id=listener_id)
    response = await make_response(body)
    response.set_cookie(
        LISTENER_COOKIE,
        listener_id,
        max_age=60 * 60 * 24 * 365,
        secure=True,
        httponly=True,
        samesite="None",
    )
    return response


@bp.get("/listen/<int:episode_id>.mp3")
async def download(episode_id: int):
    episode = await episodes_repo.get(db.pool, episode_id)
    if episode is None or not episode["audio_key"]:
        abort(404)
    fingerprint = listeners.listener_fingerprint(
        request.headers.get("X-Forwarded-For", request.remote_addr), request.headers.get("User-Agent")
    )
    current_app.add_background_task(
        episodes_repo.record_download,
        db.pool,
        episode_id,
        country=request.headers.get("CF-IPCountry"),
        user_agent=request.headers.get("User-Agent"),
        listener_hash=fingerprint,
    )
    return redirect(storage.public_url(episode["audio_key"]), code=302)


# -- live listener counts (websockets) ---------------------------------------


@bp.websocket("/ws/episodes/<int:episode_id>/listen")
async def listen(episode_id: int):
    """Opened by the player while audio is playing; sends heartbeats."""
    episode = await episodes_repo.get(db.pool, episode_id)
    if episode is None or episode["status"] != "published":
        await websocket.close(1008)
        return
    listener_id = websocket.cookies.get(LISTENER_COOKIE) or secrets.token_urlsafe(16)
    await websocket.accept()
    try:
        while True:
            await listeners.heartbeat(episode_id, listener_id)
            try:
                message = await asyncio.wait_for(websocket.receive_json(), timeout=listeners.HEARTBEAT_SECONDS)
            except asyncio.TimeoutError:
                continue
            if isinstance(message, dict) and message.get("type") == "stop":
                break
    except asyncio.CancelledError:
        raise
    finally:
        await listeners.leave(episode_id, listener_id)


@bp.websocket("/ws/episodes/<int:episode_id>/count")
async def count(episode_id: int):
    """Pushes the current number of listeners to the episode page."""
    await websocket.accept()
    async for live in listeners.watch(episode_id):
        await websocket.send_json({"episode_id": episode_id, "listeners": live})
