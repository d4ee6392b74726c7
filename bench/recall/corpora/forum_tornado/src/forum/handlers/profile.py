"""Member profiles, settings and private-board invites."""
import re

import tornado.web
from tornado.options import options

from forum.handlers.base import BaseHandler
from forum.models import boards, invites, users
from forum.services import mailer
from forum.services.ratelimit import rate_limited

WEBSITE_RE = re.compile(r"^https?://[^\s<>\"']+$")


class ProfileHandler(BaseHandler):
    async def get(self, username):
        member = await users.get_by_username(self.db, username)
        if member is None:
            raise tornado.web.HTTPError(404)
        self.render("profile.html", member=member, is_self=self.current_user and self.current_user["id"] == member["id"])


class SettingsHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        self.render("settings.html", error=None, saved=False)

    @tornado.web.authenticated
    async def post(self):
        about = self.get_argument("about", "")[:2000]
        location = self.get_argument("location", "")[:100]
        website = self.get_argument("website", "").strip()
        if website and not WEBSITE_RE.match(website):
            return self.render("settings.html", error="Website must be an http(s) URL.", saved=False)
        await users.update_profile(self.db, self.current_user["id"], about, location, website)
        self.current_user.update(about=about, location=location, website=website)
        self.render("settings.html", error=None, saved=True)


class InviteHandler(BaseHandler):
    async def _board(self, slug):
        board = await boards.get_by_slug(self.db, slug)
        if board is None or not board["is_private"]:
            raise tornado.web.HTTPError(404)
        if board["owner_id"] != self.current_user["id"] and not self.is_moderator():
            raise tornado.web.HTTPError(403)
        return board

    @tornado.web.authenticated
    async def get(self, slug):
        board = await self._board(slug)
        self.render("invites.html", board=board, invites=await invites.list_for_board(self.db, board["id"]))

    @tornado.web.authenticated
    @rate_limited("invite", limit=20, period=3600, key=lambda h: h.current_user["id"])
    async def post(self, slug):
        board = await self._board(slug)
        email = self.get_argument("email", "").strip()
        code = await invites.create_invite(self.db, board["id"], self.current_user["id"], options.invite_ttl_days)
        if email:
            await mailer.send_invite(email, board, self.current_user, code)
        self.redirect(f"/b/{board['slug']}/invites")


class AcceptInviteHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, code):
        invite = await invites.redeem(self.db, code)
        if invite is None:
            raise tornado.web.HTTPError(404, "invite expired or already used")
        await boards.grant_access(self.db, invite["board_id"], self.current_user["id"])
        self.flash("You now have access to this board.")
        self.redirect("/")
