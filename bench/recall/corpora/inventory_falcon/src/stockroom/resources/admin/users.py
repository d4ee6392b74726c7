"""User management: invitations, activation and scanner passcodes."""

import logging

import falcon
from marshmallow import ValidationError

from stockroom.hooks import rate_limit, require_role
from stockroom.repositories.users import InviteRepository, UserRepository
from stockroom.resources.admin.base import AdminResource
from stockroom.schemas import ROLES, InviteSchema
from stockroom.services import accounts

logger = logging.getLogger(__name__)

_users = UserRepository()
_invites = InviteRepository()


class _UsersPage(AdminResource):
    nav_section = "users"

    def _render_list(self, req, resp, *, status=None, notice=None, errors=None, form=None):
        self.render(
            req,
            resp,
            "users.html",
            status=status,
            users=_users.list(),
            pending=_invites.pending(),
            roles=ROLES,
            notice=notice,
            errors=errors or {},
            form=form or {},
        )


@falcon.before(require_role("manager"))
class AdminUsersResource(_UsersPage):
    def on_get(self, req, resp):
        self._render_list(req, resp)

    @falcon.before(rate_limit("send-invite", limit=30, window=3600))
    def on_post(self, req, resp):
        form = self.form(req)
        try:
            data = InviteSchema().load({k: form.get(k) for k in ("email", "full_name", "role") if form.get(k)})
        except ValidationError as err:
            self._render_list(req, resp, status=falcon.HTTP_400, errors=err.messages, form=form)
            return
        if data["role"] == "admin" and req.context.user["role"] != "admin":
            raise falcon.HTTPForbidden(description="Only admins can invite admins.")
        invite = accounts.create_invite(data["email"], data["full_name"], data["role"], invited_by=req.context.user["id"])
        notice = f"Invitation sent to {invite['full_name']} ({invite['email']})."
        self._render_list(req, resp, notice=notice)


@falcon.before(require_role("manager"))
class UserBulkActionResource(_UsersPage):
    csrf_exempt = True

    def on_post(self, req, resp):
        form = self.form(req)
        action = form.get("action")
        ids = [int(v) for v in self.form_list(form, "user_id") if str(v).isdigit()]
        ids = [i for i in ids if i != req.context.user["id"]]
        if action == "deactivate":
            changed = _users.set_active(ids, False)
        elif action == "reactivate":
            changed = _users.set_active(ids, True)
        else:
            raise falcon.HTTPBadRequest(description="Unknown action.")
        logger.info("user %s: bulk %s on %s (%d changed)", req.context.user["id"], action, ids, changed)
        self.redirect("/stockroom/users")


@falcon.before(require_role("manager"))
class UserPasscodeResource(_UsersPage):
    def on_post(self, req, resp, user_id):
        passcode = (self.form(req).get("passcode") or "").strip()
        if not passcode.isdigit() or not 6 <= len(passcode) <= 8:
            self._render_list(req, resp, status=falcon.HTTP_400, errors={"passcode": ["Use 6 to 8 digits."]})
            return
        if _users.get(user_id) is None:
            raise falcon.HTTPNotFound()
        accounts.set_scanner_passcode(user_id, passcode)
        self.redirect("/stockroom/users")
