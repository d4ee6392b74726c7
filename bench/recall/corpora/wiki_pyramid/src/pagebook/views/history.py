import datetime as dt

from pyramid.httpexceptions import HTTPBadRequest, HTTPNotFound
from pyramid.view import view_config

from ..resources import PageResource
from ..services.history import change_summary, diff_table, get_revision, list_revisions


def _parse_date(value):
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        raise HTTPBadRequest("dates look like 2024-01-31")


def _revision_number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise HTTPBadRequest("revision numbers are integers")


@view_config(
    route_name="page_history",
    context=PageResource,
    renderer="pagebook:templates/history.jinja2",
    permission="view",
)
def page_history(context, request):
    page = context.page
    if page is None:
        raise HTTPNotFound()

    author = request.params.get("author", "").strip() or None
    since = _parse_date(request.params.get("since"))
    revisions = list_revisions(request.dbsession, page.id, author=author, since=since)

    diff = None
    if request.params.get("from") and request.params.get("to"):
        old = get_revision(request.dbsession, page.id, _revision_number(request.params["from"]))
        new = get_revision(request.dbsession, page.id, _revision_number(request.params["to"]))
        if old is None or new is None:
            raise HTTPNotFound()
        added, removed = change_summary(old, new)
        diff = {"old": old, "new": new, "table": diff_table(old, new), "added": added, "removed": removed}

    return {
        "space": context.space,
        "page": page,
        "revisions": revisions,
        "diff": diff,
        "filters": {"author": author or "", "since": request.params.get("since", "")},
    }
