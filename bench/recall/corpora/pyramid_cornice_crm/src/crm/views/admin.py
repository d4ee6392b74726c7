import logging

from pyramid.httpexceptions import HTTPBadRequest, HTTPSeeOther
from pyramid.view import view_config, view_defaults
from sqlalchemy import select

from crm.models import Integration, Invite, User
from crm.models.user import ROLES
from crm.services.accounts import create_invite, find_user
from crm.services.leads import create_integration
from crm.utils import normalize_email

log = logging.getLogger(__name__)


@view_defaults(route_name="admin_users", permission="admin", require_csrf=False)
class AdminUsersView:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    @view_config(request_method="GET", renderer="crm:templates/admin/users.jinja2")
    def index(self):
        dbsession = self.request.dbsession
        return {
            "users": dbsession.scalars(select(User).order_by(User.full_name)).all(),
            "invites": dbsession.scalars(select(Invite).where(Invite.accepted_at.is_(None))).all(),
            "integrations": dbsession.scalars(select(Integration).order_by(Integration.name)).all(),
            "roles": ROLES,
        }

    @view_config(request_method="POST")
    def update_user(self):
        post = self.request.POST
        user = self.request.dbsession.get(User, int(post.get("user_id", 0)))
        role = post.get("role")
        if user is None or role not in ROLES:
            raise HTTPBadRequest()
        if user.id == self.request.identity.id and role != "admin":
            self.request.session.flash("You cannot remove your own admin role.")
            return HTTPSeeOther(self.request.route_url("admin_users"))
        user.role = role
        user.is_active = post.get("active") == "on"
        log.info("admin %s set user %s role=%s active=%s", self.request.identity.id, user.id, role, user.is_active)
        self.request.session.flash(f"Updated {user.email}.")
        return HTTPSeeOther(self.request.route_url("admin_users"))


@view_config(route_name="admin_invite", permission="admin", request_method="POST")
def admin_invite(context, request):
    email = normalize_email(request.POST.get("email"))
    role = request.POST.get("role", "sales")
    if not email or role not in ROLES:
        raise HTTPBadRequest()
    if find_user(request.dbsession, email) is not None:
        request.session.flash(f"{email} already has an account.")
    else:
        create_invite(request, email, role, invited_by=request.identity)
        request.session.flash(f"Invitation sent to {email}.")
    return HTTPSeeOther(request.route_url("admin_users"))


@view_config(
    route_name="admin_integrations",
    permission="admin",
    request_method="POST",
    renderer="crm:templates/admin/users.jinja2",
)
def admin_create_integration(context, request):
    name = request.POST.get("name", "").strip()
    if not name:
        raise HTTPBadRequest()
    integration = create_integration(request.dbsession, name, created_by=request.identity)
    page = AdminUsersView(context, request).index()
    # The key is displayed once on this response and never again.
    page["new_integration"] = integration
    return page
