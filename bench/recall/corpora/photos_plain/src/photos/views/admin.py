import logging
import secrets

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from .. import db, mail, models
from ..security import admin_required, csrf_protect, hash_password

bp = Blueprint("admin", __name__, url_prefix="/admin")
log = logging.getLogger(__name__)


@bp.route("/")
@admin_required
def dashboard():
    stats = {table: db.count_rows(table) for table in db.COUNTABLE_TABLES}
    pending = db.query(
        "SELECT COUNT(*) AS n FROM photos WHERE status = 'pending'", one=True
    )["n"]
    failed = db.query(
        "SELECT id, title, owner_id, created_at FROM photos WHERE status = 'failed' ORDER BY id DESC LIMIT 20"
    )
    return render_template(
        "admin/dashboard.html",
        stats=stats,
        pending=pending,
        failed=failed,
        mail_pending=mail.pending_count(),
    )


@bp.route("/users")
@admin_required
def users():
    q = request.args.get("q", "")
    rows = models.find_users(q) if q else models.recent_users()
    return render_template("admin/users.html", users=rows, q=q)


def _target_user(user_id):
    user = models.get_user(user_id)
    if user is None:
        abort(404)
    return user


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
@admin_required
@csrf_protect
def force_password_reset(user_id):
    user = _target_user(user_id)
    temp_password = secrets.token_urlsafe(16)
    models.set_password(user["id"], hash_password(temp_password))
    mail.queue_temp_password(user, temp_password)
    log.info("admin %s reset the password of user %s", g.user["id"], user["id"])
    flash("A temporary password was e-mailed to %s." % user["username"], "success")
    return redirect(url_for("admin.users", q=user["username"]))


@bp.route("/users/<int:user_id>/admin", methods=["POST"])
@admin_required
@csrf_protect
def toggle_admin(user_id):
    user = _target_user(user_id)
    if user["id"] == g.user["id"]:
        flash("You can't change your own admin flag.", "error")
    else:
        models.set_admin(user["id"], not user["is_admin"])
        log.info("admin %s toggled admin flag on user %s", g.user["id"], user["id"])
    return redirect(url_for("admin.users", q=user["username"]))


@bp.route("/users/<int:user_id>/suspend", methods=["POST"])
@admin_required
@csrf_protect
def toggle_active(user_id):
    user = _target_user(user_id)
    models.set_active(user["id"], not user["is_active"])
    log.info("admin %s set is_active=%s on user %s", g.user["id"], not user["is_active"], user["id"])
    return redirect(url_for("admin.users", q=user["username"]))


@bp.route("/mail")
@admin_required
def mail_queue():
    rows = db.query(
        "SELECT id, to_addr, template, created_at, sent_at, attempts, last_error FROM mail_queue ORDER BY id DESC LIMIT 200"
    )
    return render_template("admin/mail.html", rows=rows)
