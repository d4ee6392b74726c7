import logging
import uuid

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for

from .. import models
from ..security import csrf_protect, login_required
from ..tokens import issue_download_token

bp = Blueprint("albums", __name__, url_prefix="/albums")
log = logging.getLogger(__name__)


def _own_album(album_id):
    album = models.get_album(album_id)
    if album is None:
        abort(404)
    if album["owner_id"] != g.user["id"]:
        abort(403)
    return album


def _can_view_album(album):
    if not album["is_private"]:
        return True
    return g.user is not None and (g.user["id"] == album["owner_id"] or g.user["is_admin"])


@bp.route("/new", methods=["GET", "POST"])
@login_required
@csrf_protect
def create():
    if request.method == "POST":
        title = request.form.get("title", "").strip()[:100]
        if not title:
            flash("Give the album a title.", "error")
        else:
            album_id = models.create_album(
                g.user["id"],
                title,
                request.form.get("description", "").strip()[:1000],
                request.form.get("private") == "on",
            )
            return redirect(url_for("albums.show", album_id=album_id))
    return render_template("albums/new.html")


@bp.route("/<int:album_id>")
def show(album_id):
    album = models.get_album(album_id)
    if album is None or not _can_view_album(album):
        abort(404)
    owner = models.get_user(album["owner_id"])
    return render_template("albums/album.html", album=album, owner=owner, photos=models.album_photos(album_id))


@bp.route("/<int:album_id>/add", methods=["POST"])
@login_required
@csrf_protect
def add_photo(album_id):
    album = _own_album(album_id)
    photo = models.get_photo(request.form.get("photo_id", type=int) or 0)
    if photo is None or photo["owner_id"] != g.user["id"]:
        abort(400)
    models.add_to_album(album["id"], photo["id"])
    return redirect(url_for("albums.show", album_id=album["id"]))


@bp.route("/<int:album_id>/share", methods=["POST"])
@login_required
@csrf_protect
def share(album_id):
    album = _own_album(album_id)
    token = album["share_token"]
    if not token or request.form.get("regenerate"):
        token = uuid.uuid1().hex
        models.set_share_token(album["id"], token)
    link = url_for("albums.shared", token=token, _external=True)
    flash("Anyone with this link can see the album: %s" % link, "info")
    return redirect(url_for("albums.show", album_id=album["id"]))


@bp.route("/shared/<token>")
def shared(token):
    album = models.get_album_by_share_token(token)
    if album is None:
        abort(404)
    owner = models.get_user(album["owner_id"])
    return render_template(
        "albums/album.html", album=album, owner=owner, photos=models.album_photos(album["id"]), shared=True
    )


@bp.route("/<int:album_id>/download-links", methods=["POST"])
@login_required
@csrf_protect
def download_links(album_id):
    album = models.get_album(album_id)
    if album is None or not _can_view_album(album):
        abort(404)
    links = []
    for photo in models.album_photos(album["id"]):
        token = issue_download_token(photo["id"], g.user["id"], ttl=1800)
        links.append({"id": photo["id"], "url": url_for("photos.original", token=token, _external=True)})
    token_count = len(links)
    log.info("issued %d download tokens for album %s", token_count, album["id"])
    return jsonify(album=album["id"], links=links)
