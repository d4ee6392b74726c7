from pyramid.view import view_config

from ..services.pages import visible_space_ids
from ..services.search import SORT_ORDERS, search_pages, title_suggestions

PAGE_SIZE = 20


def _page_number(request):
    try:
        return max(int(request.params.get("page", 1)), 1)
    except ValueError:
        return 1


@view_config(route_name="search", renderer="pagebook:templates/search.jinja2", permission="view")
def search(request):
    query = request.params.get("q", "").strip()
    space = request.params.get("space") or None
    sort = request.params.get("sort", "rank")
    page = _page_number(request)

    hits = []
    if query:
        hits = search_pages(
            request.dbsession,
            query,
            visible_space_ids(request.dbsession, request.identity),
            space=space,
            sort=sort,
            limit=PAGE_SIZE + 1,
            offset=(page - 1) * PAGE_SIZE,
        )
    return {
        "query": query,
        "space": space,
        "sort": sort if sort in SORT_ORDERS else "rank",
        "sort_options": list(SORT_ORDERS),
        "hits": hits[:PAGE_SIZE],
        "page": page,
        "has_more": len(hits) > PAGE_SIZE,
    }


@view_config(route_name="search_suggest", renderer="json", permission="view")
def suggest(request):
    prefix = request.params.get("q", "").strip()[:100]
    rows = title_suggestions(
        request.dbsession, prefix, visible_space_ids(request.dbsession, request.identity)
    )
    return [
        {
            "title": row["title"],
            "url": request.route_url("page", space=row["space_key"], slug=row["slug"]),
        }
        for row in rows
    ]
