"""Moderation console handlers (mounted by forum.admin_app)."""
import datetime as dt

import tornado.web

from forum.handlers.base import BaseHandler, moderator_required
from forum.models import posts, reports, threads, users
from forum.services import audit

BAN_LENGTHS = {"1d": 1, "7d": 7, "30d": 30, "perm": 36500}


class DashboardHandler(BaseHandler):
    @moderator_required
    async def get(self):
        open_reports = await reports.open_reports(self.db, limit=10)
        recent = await users.recent_members(self.db, limit=20)
        self.render("admin/dashboard.html", reports=open_reports, members=recent)


class ReportsHandler(BaseHandler):
    @moderator_required
    async def get(self):
        self.render("admin/reports.html", reports=await reports.open_reports(self.db), ban_lengths=BAN_LENGTHS)


class ResolveReportHandler(BaseHandler):
    @moderator_required
    async def post(self, report_id):
        report = await reports.get_report(self.db, int(report_id))
        if report is None:
            raise tornado.web.HTTPError(404)
        action = self.get_argument("action")
        moderator = self.current_user
        if action == "delete_post":
            await posts.delete_posts(self.db, [report["post_id"]])
        elif action == "delete_thread":
            await threads.soft_delete(self.db, report["thread_id"])
        elif action == "ban":
            length = BAN_LENGTHS.get(self.get_argument("ban_length", "7d"), 7)
            until = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=length)
            await users.ban(self.db, report["author_id"], until, f"report #{report['id']}", moderator["id"])
        elif action != "dismiss":
            raise tornado.web.HTTPError(400, "unknown action")
        await reports.resolve(self.db, report["id"], moderator["id"], action)
        await audit.record(self.db, moderator, action, f"report:{report['id']}", post_id=report["post_id"])
        self.redirect("/admin/reports")


class UserHandler(BaseHandler):
    @moderator_required
    async def get(self, username):
        member = await users.get_by_username(self.db, username)
        if member is None:
            raise tornado.web.HTTPError(404)
        self.render("admin/user.html", member=member, ban_lengths=BAN_LENGTHS)

    @moderator_required
    async def post(self, username):
        member = await users.get_by_username(self.db, username)
        if member is None:
            raise tornado.web.HTTPError(404)
        if self.get_argument("action") == "unban":
            await users.ban(self.db, member["id"], None, None, self.current_user["id"])
        else:
            length = BAN_LENGTHS.get(self.get_argument("ban_length", "7d"), 7)
            until = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=length)
            await users.ban(self.db, member["id"], until, self.get_argument("reason", "")[:200], self.current_user["id"])
        await audit.record(self.db, self.current_user, self.get_argument("action", "ban"), f"user:{member['id']}")
        self.redirect(f"/admin/users/{member['username']}")


class AuditLogHandler(BaseHandler):
    @moderator_required
    async def get(self):
        self.render("admin/audit.html", entries=await reports.audit_entries(self.db))
