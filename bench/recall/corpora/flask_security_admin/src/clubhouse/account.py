from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_security import auth_required, current_user

from .extensions import db
from .forms import ProfileForm, RsvpForm
from .models import User
from .services import calendar
from .filters import gravatar_url

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.route("/", methods=["GET", "POST"])
@auth_required()
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        form.populate_obj(current_user)
        db.session.commit()
        flash("Profile updated.", "success")
        return redirect(url_for("account.profile"))
    feed_url = None
    if current_user.calendar_token:
        feed_url = url_for("account.calendar_feed", token=current_user.calendar_token, _external=True)
    return render_template(
        "account/profile.html",
        form=form,
        feed_url=feed_url,
        avatar=gravatar_url(current_user.email),
        rotate_form=RsvpForm(),
    )


@bp.route("/members/<int:user_id>")
@auth_required()
def member(user_id):
    user = User.query.filter_by(id=user_id, active=True).first_or_404()
    return render_template("account/member.html", member=user, avatar=gravatar_url(user.email, size=160))


@bp.route("/calendar/rotate", methods=["POST"])
@auth_required()
def rotate_calendar():
    form = RsvpForm()
    if not form.validate_on_submit():
        abort(400)
    calendar.rotate_feed_token(current_user)
    flash("Your calendar link was renewed; update your calendar app.", "info")
    return redirect(url_for("account.profile"))


@bp.route("/calendar/<token>.ics")
def calendar_feed(token):
    user = User.query.filter_by(calendar_token=token, active=True).first_or_404()
    return Response(calendar.build_feed(user), mimetype="text/calendar")
