"""User administration.  These screens still use the old Chameleon templates."""
from markupsafe import Markup
from pyramid.httpexceptions import HTTPBadRequest, HTTPNotFound, HTTPSeeOther
from pyramid.view import view_config, view_defaults
from sqlalchemy import or_, select

from ..models import AuditEntry, User
from ..resources import AdminResource

TOGGLE_ACTIONS = {
    "disable": ("is_active", False),
    "enable": ("is_active", True),
    "grant_admin": ("is_admin", True),
    "revoke_admin": ("is_admin", False),
}


@view_defaults(context=AdminResource, permission="admin", require_csrf=False)
class AdminViews:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    @view_config(route_name="admin_users", request_method="GET", renderer="pagebook:templates/admin/users.pt")
    def users(self):
        q = self.request.params.get("q", "").strip()
        stmt = select(User).order_by(User.username)
        if q:
            stmt = stmt.where(or_(User.username.ilike(f"%{q}%"), User.email.ilike(f"%{q}%")))
        return {
            "users": self.request.dbsession.scalars(stmt.limit(200)).all(),
            "q": q,
            "messages": self.request.session.pop_flash(),
        }

    @view_config(route_name="admin_user_toggle", request_method="POST")
    def toggle(self):
        try:
            user = self.request.dbsession.get(User, int(self.request.matchdict["id"]))
        except ValueError:
            raise HTTPNotFound()
        if user is None:
            raise HTTPNotFound()

        action = self.request.POST.get("action")
        if action not in TOGGLE_ACTIONS:
            raise HTTPBadRequest("unknown action")
        if user.id == self.request.identity.id and action in ("disable", "revoke_admin"):
            self.request.session.flash("You cannot lock yourself out.")
            return HTTPSeeOther(self.request.route_url("admin_users"))

        attribute, value = TOGGLE_ACTIONS[action]
        setattr(user, attribute, value)
        AuditEntry.record(self.request, f"user.{action}", user.username)
        self.request.session.flash(f"{user.username}: {action.replace('_', ' ')}")
        return HTTPSeeOther(self.request.route_url("admin_users"))

    @view_config(route_name="admin_audit", request_method="GET", renderer="pagebook:templates/admin/audit.pt")
    def audit(self):
        entries = self.request.dbsession.scalars(
            select(AuditEntry).order_by(AuditEntry.created_at.desc()).limit(500)
        ).all()
        return {"entries": [(entry, self.describe(entry)) for entry in entries]}

    @staticmethod
    def describe(entry):
        return Markup("<strong>{}</strong> {} <code>{}</code>").format(
            entry.actor_name, entry.action, entry.target
        )
