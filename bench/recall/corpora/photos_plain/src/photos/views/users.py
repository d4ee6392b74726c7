import logging

from flask import Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for

from .. import mail, models
from ..security import csrf_protect, hash_password, login_required, verify_password
from ..tokens import make_email_verification_token
from ..utils import EMAIL_RE, Page, page_args

bp = Blueprint("users", __name__)
log = logging.getLogger(__name__)


@bp.route("/u/<username>")
def profile(username):
    user = models.get_user_by_username(username)
    if user is None or not user["is_active"]:
        abort(404)
    own = g.user is not None and g.user["id"] == user["id"]
    page, per_page, offset = page_args(request, current_app.config["PHOTOS_PER_PAGE"])
    order = request.args.get("order", "new")
    photos = models.user_gallery(user["id"], order, per_page, offset, include_private=own)
    total = models.count_user_photos(user["id"], include_private=own)
    followers, following = models.follower_counts(user["id"])
    return render_template(
        "users/profile.html",
        user=user,
        own=own,
        page=Page(photos, page, per_page, total),
        order=order,
        followers=followers,
        following=following,
        is_following=g.user is not None and models.is_following(g.user["id"], user["id"]),
        albums=models.albums_for(user["id"]),
    )


@bp.route("/people")
def people():
    q = request.args.get("q", "")
    results = models.search_people(q) if len(q.strip()) >= 2 else []
    return render_template("users/people.html", q=q, people=results)


@bp.route("/u/<username>/follow", methods=["POST"])
@login_required
def follow(username):
    user = models.get_user_by_username(username)
    if user is None:
        abort(404)
    if user["id"] == g.user["id"]:
        return jsonify(error="you can't follow yourself"), 400
    if models.is_following(g.user["id"], user["id"]):
        models.unfollow(g.user["id"], user["id"])
        following = False
    else:
        models.follow(g.user["id"], user["id"])
        following = True
    followers, _ = models.follower_counts(user["id"])
    return jsonify(following=following, followers=followers)


@bp.route("/settings")
@login_required
def settings():
    return render_template("users/settings.html")


@bp.route("/settings/profile", methods=["POST"])
@login_required
@csrf_protect
def update_profile():
    display_name = request.form.get("display_name", "").strip()[:60]
    bio = request.form.get("bio", "").strip()[:500]
    models.update_profile(g.user["id"], display_name or g.user["username"], bio)
    flash("Profile saved.", "success")
    return redirect(url_for("users.settings"))


@bp.route("/settings/email", methods=["POST"])
@login_required
def update_email():
    email = request.form.get("email", "").strip()
    if not EMAIL_RE.match(email):
        flash("That does not look like an e-mail address.", "error")
        return redirect(url_for("users.settings"))
    existing = models.get_user_by_email(email)
    if existing and existing["id"] != g.user["id"]:
        flash("Another account already uses that address.", "error")
        return redirect(url_for("users.settings"))
    token = make_email_verification_token(email)
    models.update_email(g.user["id"], email, token)
    mail.queue_verification(models.get_user(g.user["id"]), token)
    flash("E-mail updated. Please confirm the new address.", "success")
    return redirect(url_for("users.settings"))


@bp.route("/settings/password", methods=["POST"])
@login_required
@csrf_protect
def change_password():
    current = request.form.get("current_password", "")
    new = request.form.get("new_password", "")
    if not verify_password(g.user["password_hash"], current):
        flash("Your current password is not correct.", "error")
    elif len(new) < 10:
        flash("Pick a password with at least 10 characters.", "error")
    elif new != request.form.get("confirm", ""):
        flash("The two new passwords do not match.", "error")
    else:
        models.set_password(g.user["id"], hash_password(new))
        log.info("user %s changed their password", g.user["id"])
        flash("Password changed.", "success")
    return redirect(url_for("users.settings"))
