"""Public show pages and the podcaster dashboard."""
from __future__ import annotations

import random
import re
from datetime import date, timedelta

from markupsafe import escape
from quart import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from quart_auth import current_user, login_required
from quart_rate_limiter import rate_limit

from ..auth_user import current_user_id
from ..csrf import csrf_exempt
from ..extensions import db
from ..repositories import analytics as analytics_repo
from ..repositories import episodes as episodes_repo
from ..repositories import shows as shows_repo
from ..services import feeds, invites, storage

bp = Blueprint("shows", __name__)

_SLUG_RE = re.compile(r"[^a-z0-9]+")
CATEGORIES = ("Arts", "Business", "Comedy", "Education", "History", "News", "Science", "Technology", "True Crime")


def slugify(value: str) -> str:
    return _SLUG_RE.sub("-", value.lower()).strip("-")[:80] or "show"


async def _show_for_member(slug: str, *roles: str) -> dict:
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    role = await shows_repo.member_role(db.pool, show["id"], await current_user_id())
    if role is None or (roles and role not in roles):
        abort(403)
    return dict(show)


@bp.get("/")
async def index():
    page = max(request.args.get("page", 1, type=int), 1)
    order = request.args.get("order", "newest")
    per_page = current_app.config["EPISODES_PER_PAGE"]
    shows = await shows_repo.list_public(db.pool, order=order, limit=per_page, offset=(page - 1) * per_page)
    return await render_template("shows/index.html", shows=shows, order=order, page=page)


@bp.get("/shows/suggest")
async def suggest():
    """htmx partial for the header search box."""
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return ""
    matches = await shows_repo.search_titles(db.pool, term)
    if not matches:
        return f'<li class="suggest-empty">No shows match <b>{term}</b></li>'
    items = "".join(
        f'<li><a href="{url_for("shows.detail", slug=m["slug"])}">{escape(m["title"])}</a></li>'
        for m in matches
    )
    return items


@bp.get("/dashboard")
@login_required
async def dashboard():
    user_id = await current_user_id()
    shows = await shows_repo.for_member(db.pool, user_id)
    return await render_template("shows/dashboard.html", shows=shows)


@bp.route("/shows/new", methods=["GET", "POST"])
@login_required
async def new_show():
    if request.method == "POST":
        form = await request.form
        title = form.get("title", "").strip()
        if not title:
            await flash("Your show needs a title.", "error")
            return await render_template("shows/edit.html", show=None, form=form, categories=CATEGORIES), 400
        show_id = await shows_repo.create(
            db.pool,
            owner_id=await current_user_id(),
            slug=slugify(form.get("slug") or title),
            title=title,
            author=form.get("author", "").strip(),
            description=form.get("description", ""),
            language=form.get("language", "en"),
            category=form.get("category", "Technology"),
            explicit=form.get("explicit") == "on",
        )
        show = await shows_repo.get_by_id(db.pool, show_id)
        return redirect(url_for("shows.detail", slug=show["slug"]))
    return await render_template("shows/edit.html", show=None, form={}, categories=CATEGORIES)


@bp.get("/shows/<slug>")
async def detail(slug: str):
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None or show["is_private"]:
        abort(404)
    episodes = await episodes_repo.list_for_show(db.pool, show["id"], limit=30)
    return await render_template(
        "shows/detail.html",
        show=show,
        episodes=episodes,
        artwork_url=storage.public_url(show["artwork_key"]),
    )


@bp.get("/shows/<slug>/shuffle")
async def shuffle(slug: str):
    """'Surprise me' button: a random listening order for back catalogues."""
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None or show["is_private"]:
        abort(404)
    episodes = [dict(e) for e in await episodes_repo.list_for_show(db.pool, show["id"], limit=200)]
    random.shuffle(episodes)
    return await render_template(
        "shows/detail.html",
        show=show,
        episodes=episodes[:10],
        shuffled=True,
        artwork_url=storage.public_url(show["artwork_key"]),
    )


@bp.route("/shows/<slug>/edit", methods=["GET", "POST"])
@login_required
async def edit(slug: str):
    show = await _show_for_member(slug, "owner", "cohost")
    if request.method == "POST":
        form = await request.form
        await shows_repo.update_details(
            db.pool,
            show["id"],
            title=form.get("title", show["title"]).strip(),
            author=form.get("author", show["author"]).strip(),
            description=form.get("description", ""),
            category=form.get("category", show["category"]),
            explicit=form.get("explicit") == "on",
            footer_template=form.get("footer_template") or None,
        )
        files = await request.files
        artwork = files.get("artwork")
        if artwork and artwork.filename:
            if artwork.mimetype not in current_app.config["ALLOWED_IMAGE_TYPES"]:
                await flash("Artwork must be a JPEG or PNG.", "error")
            else:
                key = storage.new_object_key(f"artwork/{show['id']}", artwork.filename)
                await storage.upload_stream(key, _iter_file(artwork), artwork.mimetype)
                await shows_repo.set_artwork(db.pool, show["id"], key)
        await flash("Show updated.", "success")
        return redirect(url_for("shows.edit", slug=slug))
    return await render_template("shows/edit.html", show=show, form=show, categories=CATEGORIES)


async def _iter_file(file_storage, chunk_size: int = 1024 * 256):
    while True:
        chunk = file_storage.stream.read(chunk_size)
        if not chunk:
            break
        yield chunk


@bp.post("/shows/<slug>/episodes/reorder")
@login_required
@csrf_exempt
async def reorder_episodes(slug: str):
    """Called by the drag-and-drop list on the dashboard (fetch + JSON)."""
    show = await _show_for_member(slug, "owner", "cohost", "producer")
    payload = await request.get_json(force=True)
    ordered = [int(i) for i in payload.get("episode_ids", [])]
    await episodes_repo.reorder(db.pool, show["id"], ordered)
    return jsonify(ok=True, count=len(ordered))


@bp.get("/shows/<slug>/analytics")
@login_required
async def analytics(slug: str):
    show = await _show_for_member(slug)
    days = min(max(request.args.get("days", 30, type=int), 1), 365)
    since = date.today() - timedelta(days=days)
    countries = request.args.getlist("country")
    async with db.session() as session:
        daily = await analytics_repo.daily_downloads(session, show["id"], since)
        by_country = await analytics_repo.downloads_by_country(session, show["id"], since, countries)
        by_app = await analytics_repo.downloads_by_app(session, show["id"], since, request.args.getlist("app"))
        top = await analytics_repo.top_episodes(session, show["id"], since)
    return await render_template(
        "shows/analytics.html", show=show, days=days, daily=daily, by_country=by_country,
        by_app=by_app, top=top, countries=countries,
    )


@bp.post("/shows/<slug>/invites")
@login_required
@rate_limit(20, timedelta(hours=1))
async def invite(slug: str):
    show = await _show_for_member(slug, "owner")
    form = await request.form
    inviter = await current_user.record
    try:
        await invites.invite_member(show=show, email=form["email"], role=form.get("role", "cohost"), inviter=inviter)
    except (KeyError, ValueError):
        await flash("Enter an e-mail address and a valid role.", "error")
    else:
        await flash(f"Invitation sent to {form['email']}.", "success")
    return redirect(url_for("shows.edit", slug=slug))


@bp.get("/invites/<code>")
@login_required
async def accept_invite(code: str):
    show_id = await invites.accept(code, await current_user_id())
    if show_id is None:
        await flash("That invitation is no longer valid.", "error")
        return redirect(url_for("shows.dashboard"))
    show = await shows_repo.get_by_id(db.pool, show_id)
    return redirect(url_for("shows.edit", slug=show["slug"]))


@bp.post("/shows/<slug>/subscribe")
@login_required
async def subscribe_private(slug: str):
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None or not show["is_private"]:
        abort(404)
    token = await feeds.issue_private_feed(show["id"], await current_user_id())
    feed_url = url_for("feeds.private_feed", slug=slug, token=token, _external=True)
    await flash(f"Subscribed! Add this private feed to your podcast app: {feed_url}", "success")
    return redirect(url_for("shows.dashboard"))


@bp.post("/shows/<slug>/delete")
@login_required
async def delete(slug: str):
    show = await _show_for_member(slug, "owner")
    await shows_repo.soft_delete(db.pool, show["id"])
    await flash(f"{show['title']} was deleted.", "info")
    return redirect(url_for("shows.dashboard"))
