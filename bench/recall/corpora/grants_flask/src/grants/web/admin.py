from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..models import Application, Review, User
from . import role_required

bp = Blueprint("admin", __name__, url_prefix="/admin")

PAGE_SIZE = 50


@bp.route("/users")
@role_required("admin")
def users():
    page = request.args.get("page", 1, type=int)
    role = request.args.get("role")
    stmt = select(User).order_by(User.created_at.desc())
    if role in User.ROLES:
        stmt = stmt.where(User.role == role)
    pagination = db.paginate(stmt, page=page, per_page=PAGE_SIZE, error_out=False)
    return render_template("admin/users.html", pagination=pagination, role=role)


@bp.post("/users/<int:user_id>/toggle-active")
@role_required("admin")
def toggle_active(user_id):
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        flash("You cannot deactivate your own account.", "warning")
    else:
        user.active = not user.active
        db.session.commit()
        flash(f"{user.email} is now {'active' if user.active else 'inactive'}.", "info")
    return redirect(url_for("admin.users"))


@bp.post("/applications/<int:application_id>/assign")
@role_required("admin")
def assign_reviewer(application_id):
    application = db.get_or_404(Application, application_id)
    reviewer = db.get_or_404(User, request.form.get("reviewer_id", type=int))
    if reviewer.role != "reviewer":
        flash("That user is not a reviewer.", "danger")
    elif any(r.reviewer_id == reviewer.id for r in application.reviews):
        flash("Already assigned.", "info")
    else:
        db.session.add(Review(application=application, reviewer=reviewer))
        db.session.commit()
        flash(f"Assigned {reviewer.name}.", "success")
    return redirect(url_for("reviewer.review_application", application_id=application.id))

