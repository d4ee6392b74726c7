import logging
import os

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

import jwt

from .. import db, models, storage
from ..security import csrf_protect, login_required
from ..text import clean_caption, comment_html, embed_snippet
from ..tokens import decode_download_token, issue_download_token
from ..utils import Page, allowed_file, page_args, parse_tags

bp = Blueprint("photos", __name__)
log = logging.getLogger(__name__)

TAGGED_SQL = (
    "SELECT DISTINCT p.id, p.title, p.stored_name, p.like_count, p.created_at, u.username, u.display_name "
    "FROM photos p JOIN users u ON u.id = p.owner_id "
    "JOIN photo_tags pt ON pt.photo_id = p.id JOIN tags t ON t.id = pt.tag_id "
    "WHERE t.name IN ({names}) AND p.is_public = 1 AND p.status = 'ready' "
    "ORDER BY p.created_at DESC LIMIT ?"
)


def _can_view(photo):
    if photo is None:
        return False
    if photo["is_public"]:
        return True
    return g.user is not None and (g.user["id"] == photo["owner_id"] or g.user["is_admin"])


def _get_visible_photo(photo_id):
    photo = models.get_photo(photo_id)
    if not _can_view(photo):
        abort(404)
    return photo


def _get_own_photo(photo_id):
    photo = models.get_photo(photo_id)
    if photo is None:
        abort(404)
    if photo["owner_id"] != g.user["id"] and not g.user["is_admin"]:
        abort(403)
    return photo


@bp.route("/")
def index():
    page, per_page, offset = page_args(request, current_app.config["PHOTOS_PER_PAGE"])
    sort = request.args.get("sort", "created_at")
    direction = "ASC" if request.args.get("dir") == "asc" else "DESC"
    sql = f"{models.PHOTO_SELECT} WHERE p.is_public = 1 AND p.status = 'ready' ORDER BY p.{sort} {direction} LIMIT ? OFFSET ?"
    rows = db.query(sql, (per_page, offset))
    total = db.query(
        "SELECT COUNT(*) AS n FROM photos WHERE is_public = 1 AND status = 'ready'", one=True
    )["n"]
    return render_template("photos/index.html", page=Page(rows, page, per_page, total), sort=sort)


@bp.route("/tags")
def tagged():
    tags = [t.strip().lower() for t in request.args.getlist("tag") if t.strip()][:5]
    if not tags:
        return redirect(url_for("photos.index"))
    rows = db.query(TAGGED_SQL.format(names=", ".join("'%s'" % t for t in tags)), (100,))
    return render_template("photos/tagged.html", photos=rows, tags=tags)


@bp.route("/search/suggest")
def search_suggest():
    q = request.args.get("q", "").strip()
    if len(q) < 2:
        return ""
    rows = models.search_titles(q)
    if not rows:
        return '<li class="empty">No photos match <b>' + q + "</b></li>"
    return render_template("photos/_suggest.html", rows=rows, q=q)


@bp.route("/search")
def search():
    q = request.args.get("q", "").strip()
    rows = models.search_titles(q, limit=60) if q else []
    return render_template("photos/search.html", q=q, photos=rows)


@bp.route("/p/<int:photo_id>")
def show(photo_id):
    photo = _get_visible_photo(photo_id)
    if g.user is None or g.user["id"] != photo["owner_id"]:
        models.bump_views(photo_id)
    comments = models.comments_for(photo_id, current_app.config["COMMENTS_PER_PAGE"])
    return render_template(
        "photos/photo.html",
        photo=photo,
        comments=comments,
        tags=models.tags_for(photo_id),
    )


@bp.route("/p/<int:photo_id>/embed")
def embed(photo_id):
    photo = _get_visible_photo(photo_id)
    max_width = request.args.get("maxwidth", 600, type=int)
    image_url = url_for("photos.thumbnail", photo_id=photo_id, size="md", _external=True)
    page_url = url_for("photos.show", photo_id=photo_id, _external=True)
    snippet = embed_snippet(photo, image_url, page_url)
    return f'<div class="photos-embed-wrap" style="max-width:{max_width}px">{snippet}</div>'


@bp.route("/upload", methods=["GET", "POST"])
@login_required
@csrf_protect
def upload():
    if request.method == "POST":
        f = request.files.get("photo")
        title = request.form.get("title", "").strip()[:120]
        caption = request.form.get("caption", "").strip()[:2000]
        is_public = request.form.get("visibility", "public") == "public"
        if f is None or not f.filename:
            flash("Choose a picture to upload.", "error")
        elif not allowed_file(f.filename, current_app.config["ALLOWED_EXTENSIONS"]):
            flash("Only JPEG, PNG, GIF and WebP images are accepted.", "error")
        else:
            checksum = storage.file_checksum(f.stream)
            dupe = models.find_by_checksum(g.user["id"], checksum)
            if dupe:
                flash("You already uploaded this picture.", "info")
                return redirect(url_for("photos.show", photo_id=dupe["id"]))
            stored_name, original_name, checksum = storage.save_upload(f)
            photo_id = models.create_photo(
                g.user["id"],
                title or os.path.splitext(original_name)[0],
                caption,
                clean_caption(caption),
                stored_name,
                original_name,
                checksum,
                is_public,
            )
            models.set_tags(photo_id, parse_tags(request.form.get("tags", "") + " " + caption))
            flash("Uploaded! Your picture will appear once it has been processed.", "success")
            return redirect(url_for("photos.show", photo_id=photo_id))
    return render_template("photos/upload.html")


@bp.route("/p/<int:photo_id>/comment", methods=["POST"])
@login_required
@csrf_protect
def comment(photo_id):
    photo = _get_visible_photo(photo_id)
    body = request.form.get("body", "").strip()
    if not body:
        flash("Comments can't be empty.", "error")
    elif len(body) > 2000:
        flash("That comment is too long.", "error")
    else:
        models.add_comment(photo["id"], g.user["id"], body, comment_html(body))
    return redirect(url_for("photos.show", photo_id=photo_id) + "#comments")


@bp.route("/p/<int:photo_id>/like", methods=["POST"])
@login_required
@csrf_protect
def like(photo_id):
    photo = _get_visible_photo(photo_id)
    liked = models.toggle_like(g.user["id"], photo["id"])
    return jsonify(liked=liked)


@bp.route("/p/<int:photo_id>/delete", methods=["POST"])
@login_required
def delete(photo_id):
    photo = _get_own_photo(photo_id)
    db.execute("DELETE FROM photos WHERE id = ?", (photo["id"],))
    storage.delete_files(photo["stored_name"])
    log.info("photo %s deleted by user %s", photo_id, g.user["id"])
    flash("Photo deleted.", "info")
    return redirect(url_for("users.profile", username=g.user["username"]))


@bp.route("/photos/bulk-delete", methods=["POST"])
@login_required
@csrf_protect
def bulk_delete():
    ids = request.form.getlist("photo_id")
    owned = [models.get_photo(int(i)) for i in ids if i.isdigit()]
    owned = [p for p in owned if p and p["owner_id"] == g.user["id"]]
    deleted = db.delete_owned("photos", g.user["id"], [p["id"] for p in owned])
    for p in owned:
        storage.delete_files(p["stored_name"])
    flash("Deleted %d photos." % deleted, "info")
    return redirect(url_for("users.profile", username=g.user["username"]))


@bp.route("/p/<int:photo_id>/thumb/<size>")
def thumbnail(photo_id, size):
    if size not in storage.THUMB_SIZES:
        abort(404)
    photo = _get_visible_photo(photo_id)
    path = storage.thumb_path(photo["stored_name"], size)
    if not os.path.exists(path):
        abort(404)
    etag = storage.etag_for(path)
    if request.if_none_match and etag in request.if_none_match:
        return "", 304
    resp = send_file(path, mimetype="image/jpeg", max_age=86400)
    resp.set_etag(etag)
    return resp


@bp.route("/p/<int:photo_id>/download")
@login_required
def download(photo_id):
    photo = _get_visible_photo(photo_id)
    token = issue_download_token(photo["id"], g.user["id"])
    return redirect(url_for("photos.original", token=token))


@bp.route("/media/original")
def original():
    token = request.args.get("token", "")
    try:
        claims = decode_download_token(token)
    except jwt.InvalidTokenError:
        abort(403)
    photo = models.get_photo(claims["pid"])
    if photo is None:
        abort(404)
    path = storage.original_path(photo["stored_name"])
    return send_file(path, as_attachment=True, download_name="%s-%d.%s" % (
        photo["title"][:40].replace("/", "_"), photo["id"], photo["stored_name"].rsplit(".", 1)[-1]
    ))
