from flask import request

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 200


def page_args():
    try:
        page = max(int(request.args.get("page", 1)), 1)
    except ValueError:
        page = 1
    try:
        per_page = int(request.args.get("per_page", DEFAULT_PER_PAGE))
    except ValueError:
        per_page = DEFAULT_PER_PAGE
    return page, max(1, min(per_page, MAX_PER_PAGE))


def paginate(query):
    page, per_page = page_args()
    pager = query.paginate(page=page, per_page=per_page, error_out=False)
    return {
        "items": pager.items,
        "page": pager.page,
        "per_page": pager.per_page,
        "total": pager.total,
        "pages": pager.pages,
    }
