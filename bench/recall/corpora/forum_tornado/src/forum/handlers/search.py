"""Search page."""
from forum.handlers.base import BaseHandler
from forum.services import search


class SearchHandler(BaseHandler):
    async def get(self):
        query = self.get_argument("q", "").strip()
        board = self.get_argument("board", None)
        sort = self.get_argument("sort", "relevance")
        results = []
        if len(query) >= 2:
            results = await search.search_posts(self.db, query, board=board, sort=sort)
        self.render("search.html", query=query, board=board, sort=sort, results=results)
