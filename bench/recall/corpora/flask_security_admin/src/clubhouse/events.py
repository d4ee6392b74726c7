from datetime import datetime

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask.views import MethodView
from flask_security import auth_required, current_user, roles_accepted

from .extensions import cache, db, limiter
from .forms import EventForm, GuestPassForm, RsvpForm
from .models import Event, Rsvp
from .services import invites
from .services.pairings import social_doubles
from .services.stats import current_season

bp = Blueprint("events", __name__, url_prefix="/events")


@bp.route("/")
@cache.cached(timeout=120, unless=lambda: current_user.is_authenticated)
def index():
    events = (
        Event.query.filter(Event.published.is_(True), Event.starts_at >= datetime.utcnow())
        .order_by(Event.starts_at)
        .all()
    )
    return render_template("events/list.html", events=events)


@bp.route("/<int:event_id>")
def detail(event_id):
    event = Event.query.get_or_404(event_id)
    if not event.published and not _can_edit(event):
        abort(404)
    rsvp = None
    passes_left = 0
    if current_user.is_authenticated:
        rsvp = Rsvp.query.filter_by(event_id=event.id, user_id=current_user.id).first()
        passes_left = invites.passes_left(event, current_user)
    return render_template(
        "events/detail.html",
        event=event,
        rsvp=rsvp,
        rsvp_form=RsvpForm(),
        guest_form=GuestPassForm(),
        passes_left=passes_left,
    )


def _can_edit(event):
    if not current_user.is_authenticated:
        return False
    return current_user.has_role("admin") or event.organizer_id == current_user.id


class EventEditView(MethodView):
    decorators = [roles_accepted("organizer", "admin"), auth_required()]

    def _load(self, event_id):
        if event_id is None:
            return Event(organizer_id=current_user.id, season=current_season())
        event = Event.query.get_or_404(event_id)
        if not _can_edit(event):
            abort(403)
        return event

    def get(self, event_id=None):
        event = self._load(event_id)
        return render_template("events/form.html", form=EventForm(obj=event), event=event)

    def post(self, event_id=None):
        event = self._load(event_id)
        form = EventForm()
        if not form.validate_on_submit():
            return render_template("events/form.html", form=form, event=event), 400
        form.populate_obj(event)
        event.section = form.section.data or None
        db.session.add(event)
        db.session.commit()
        cache.clear()
        flash("Event saved.", "success")
        return redirect(url_for("events.detail", event_id=event.id))


edit_view = EventEditView.as_view("edit")
bp.add_url_rule("/new", view_func=edit_view, methods=["GET", "POST"])
bp.add_url_rule("/<int:event_id>/edit", view_func=edit_view, methods=["GET", "POST"])


@bp.route("/<int:event_id>/rsvp", methods=["POST"])
@auth_required()
def rsvp(event_id):
    event = Event.query.get_or_404(event_id)
    form = RsvpForm()
    if not form.validate_on_submit():
        abort(400)
    status = "going" if request.form.get("going") == "1" else "not_going"
    entry = Rsvp.query.filter_by(event_id=event.id, user_id=current_user.id).first()
    if entry is None:
        entry = Rsvp(event=event, user_id=current_user.id)
        db.session.add(entry)
    if status == "going" and event.capacity and event.going_count >= event.capacity and entry.status != "going":
        flash("Sorry, this event is full.", "warning")
        return redirect(url_for("events.detail", event_id=event.id))
    entry.status = status
    db.session.commit()
    return redirect(url_for("events.detail", event_id=event.id))


@bp.route("/<int:event_id>/guest-pass", methods=["POST"])
@auth_required()
@limiter.limit("10 per hour")
def guest_pass(event_id):
    event = Event.query.get_or_404(event_id)
    form = GuestPassForm()
    if form.validate_on_submit():
        try:
            invites.create_guest_pass(event, current_user, form.guest_name.data, form.guest_email.data)
        except invites.GuestPassError as exc:
            flash(str(exc), "warning")
        else:
            flash(f"Guest pass sent to {form.guest_email.data}.", "success")
    return redirect(url_for("events.detail", event_id=event.id))


@bp.route("/<int:event_id>/doubles")
@auth_required()
@roles_accepted("organizer", "admin")
def doubles_draw(event_id):
    event = Event.query.get_or_404(event_id)
    players = [r.user.full_name for r in event.rsvps.filter(Rsvp.checked_in_at.isnot(None))]
    matches, sitting_out = social_doubles(players, courts=["1", "2", "3", "4"])
    return jsonify(matches=matches, sitting_out=sitting_out)
