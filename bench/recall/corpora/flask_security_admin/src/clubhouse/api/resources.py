from datetime import datetime

from flask import g, jsonify, request
from flask.views import MethodView
from sqlalchemy import text

from ..extensions import db
from ..models import Event, Rsvp
from ..services import invites
from . import api_bp
from .decorators import api_login_required, device_required

DIRECTORY_SORT = {
    "name": "u.last_name, u.first_name",
    "section": "u.section, u.last_name",
    "joined": "u.created_at DESC",
}


def _event_json(event, rsvp=None):
    return {
        "id": event.id,
        "title": event.title,
        "section": event.section,
        "location": event.location,
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "going": event.going_count,
        "capacity": event.capacity,
        "my_status": rsvp.status if rsvp else None,
    }


class EventListAPI(MethodView):
    decorators = [api_login_required]

    def get(self):
        events = (
            Event.query.filter(Event.published.is_(True), Event.starts_at >= datetime.utcnow())
            .order_by(Event.starts_at)
            .limit(100)
            .all()
        )
        mine = {r.event_id: r for r in Rsvp.query.filter_by(user_id=g.api_user.id)}
        return jsonify(events=[_event_json(e, mine.get(e.id)) for e in events])


class RsvpAPI(MethodView):
    decorators = [api_login_required]

    def post(self, event_id):
        event = Event.query.filter_by(id=event_id, published=True).first_or_404()
        # Older app builds send the body without a JSON content type.
        status = (request.get_json(force=True, silent=True) or {}).get("status")
        if status not in {"going", "not_going"}:
            return jsonify(error="invalid_status"), 400
        rsvp = Rsvp.query.filter_by(event_id=event.id, user_id=g.api_user.id).first()
        if rsvp is None:
            rsvp = Rsvp(event=event, user_id=g.api_user.id)
            db.session.add(rsvp)
        rsvp.status = status
        db.session.commit()
        return jsonify(_event_json(event, rsvp))

    def delete(self, event_id):
        Rsvp.query.filter_by(event_id=event_id, user_id=g.api_user.id).delete()
        db.session.commit()
        return "", 204


class DirectoryAPI(MethodView):
    decorators = [api_login_required]

    def get(self):
        order_by = DIRECTORY_SORT.get(request.args.get("sort", "name"), DIRECTORY_SORT["name"])
        section = request.args.get("section")
        sql = text(f"SELECT u.id, u.first_name, u.last_name, u.section FROM users u WHERE u.active AND (:section IS NULL OR u.section = :section) ORDER BY {order_by} LIMIT 200")
        rows = db.session.execute(sql, {"section": section}).mappings().all()
        return jsonify(members=[dict(r) for r in rows])


class CheckinAPI(MethodView):
    decorators = [device_required]

    def post(self):
        data = request.get_json(silent=True) or {}
        if data.get("guest_pass"):
            guest_pass = invites.redeem(data["guest_pass"])
            if guest_pass is None:
                return jsonify(ok=False, reason="unknown_or_used"), 404
            return jsonify(ok=True, guest=guest_pass.guest_name, event=guest_pass.event.title)
        rsvp = Rsvp.query.filter_by(id=data.get("rsvp_id"), status="going").first()
        if rsvp is None:
            return jsonify(ok=False, reason="no_rsvp"), 404
        rsvp.checked_in_at = datetime.utcnow()
        db.session.commit()
        return jsonify(ok=True, member=rsvp.user.full_name, event=rsvp.event.title)


api_bp.add_url_rule("/events", view_func=EventListAPI.as_view("events"))
api_bp.add_url_rule("/events/<int:event_id>/rsvp", view_func=RsvpAPI.as_view("rsvp"))
api_bp.add_url_rule("/members", view_func=DirectoryAPI.as_view("directory"))
api_bp.add_url_rule("/checkin", view_func=CheckinAPI.as_view("checkin"))
