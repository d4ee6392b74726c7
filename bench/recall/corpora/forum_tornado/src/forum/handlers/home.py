"""Front page and board listings."""
import random

import tornado.web
from tornado.options import options

from forum.handlers.base import BaseHandler
from forum.models import boards, threads, users

THREAD_SORTS = ("last_post_at", "created_at", "score", "reply_count")


class IndexHandler(BaseHandler):
    async def get(self):
        board_list = await boards.list_boards(self.db, include_private=self.is_moderator())
        hot = await threads.featured(self.db, limit=12)
        # rotate what shows up in the sidebar so older hot threads get a turn
        spotlight = random.sample(hot, k=min(4, len(hot)))
        newcomers = await users.recent_members(self.db, limit=8)
        self.render("index.html", boards=board_list, spotlight=spotlight, newcomers=newcomers)


class BoardHandler(BaseHandler):
    async def get(self, slug):
        board = await boards.get_by_slug(self.db, slug)
        if board is None:
            raise tornado.web.HTTPError(404)
        if not await boards.has_access(self.db, board, self.current_user):
            return self.redirect(self.reverse_url("board", slug) + "/unlock")
        order = self.get_argument("sort", "last_post_at")
        page = self.page_arg()
        thread_list = await threads.list_threads(
            self.db, board["id"], order=order, page=page, per_page=options.threads_per_page
        )
        total = await threads.count_threads(self.db, board["id"])
        self.render(
            "board.html",
            board=board,
            threads=thread_list,
            page=page,
            total=total,
            per_page=options.threads_per_page,
            sort=order,
            sorts=THREAD_SORTS,
        )


class NotFoundHandler(BaseHandler):
    def prepare(self):
        raise tornado.web.HTTPError(404)
