import random
from datetime import datetime

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_mail import Message
from flask_security import auth_required, current_user

from .extensions import cache, limiter, mail
from .forms import SECTIONS, ContactForm
from .models import Event, User
from .services import newsletter, stats

bp = Blueprint("main", __name__)

GALLERY = [
    "img/gallery/regatta-2023.jpg",
    "img/gallery/junior-camp.jpg",
    "img/gallery/clubhouse-opening.jpg",
    "img/gallery/winter-league.jpg",
    "img/gallery/eights-at-dawn.jpg",
    "img/gallery/summer-tournament.jpg",
    "img/gallery/cross-country.jpg",
    "img/gallery/volunteers-day.jpg",
]


@bp.route("/")
def index():
    upcoming = (
        Event.query.filter(Event.published.is_(True), Event.starts_at >= datetime.utcnow())
        .order_by(Event.starts_at)
        .limit(5)
        .all()
    )
    photos = random.sample(GALLERY, k=4)
    return render_template("main/index.html", upcoming=upcoming, photos=photos, totals=stats.club_totals())


@bp.route("/members")
@auth_required()
def members_home():
    my_events = [r.event for r in current_user_rsvps()]
    return render_template("main/members.html", my_events=my_events)


def current_user_rsvps():
    from .models import Rsvp

    return Rsvp.query.filter_by(user_id=current_user.id, status="going").join(Event).order_by(Event.starts_at).all()


@bp.route("/search")
@auth_required()
def search():
    q = request.args.get("q", "").strip()
    members = []
    if len(q) >= 2:
        members = (
            User.query.filter(User.active.is_(True))
            .filter(User.last_name.ilike(f"%{q}%") | User.first_name.ilike(f"%{q}%"))
            .order_by(User.last_name)
            .limit(50)
            .all()
        )
    return render_template("main/search.html", q=q, members=members)


@bp.route("/leaderboard")
@cache.cached(timeout=300, query_string=True)
def leaderboard():
    season = request.args.get("season") or stats.current_season()
    section = request.args.get("section")
    rows = stats.leaderboard(season, section)
    return render_template(
        "main/leaderboard.html", rows=rows, season=season, section=section, sections=SECTIONS
    )


@bp.route("/contact", methods=["GET", "POST"])
@limiter.limit("3 per hour", methods=["POST"])
def contact():
    form = ContactForm()
    if form.validate_on_submit():
        msg = Message(
            subject=f"[website] message from {form.name.data}",
            recipients=[current_app.config["MAIL_DEFAULT_SENDER"]],
            reply_to=form.email.data,
            body=form.message.data,
        )
        mail.send(msg)
        flash("Thanks, the committee will get back to you.", "success")
        return redirect(url_for("main.contact"))
    return render_template("main/contact.html", form=form)


@bp.route("/newsletter/unsubscribe/<token>")
def unsubscribe(token):
    if newsletter.unsubscribe(token):
        flash("You are unsubscribed and will no longer receive the club newsletter.", "info")
    else:
        flash("This unsubscribe link is invalid or has already been used.", "warning")
    return redirect(url_for("main.index"))
