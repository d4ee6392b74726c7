from flask import Blueprint, g, render_template, request

from .repositories import staff as staff_repo
from .security.decorators import login_required

bp = Blueprint("staff", __name__, template_folder="templates/staff")


def _search_params(args):
    return args.get("q", "").strip(), args.get("sort", "name")


@bp.get("/")
@login_required
def directory():
    term, sort = _search_params(request.args)
    if term:
        people = staff_repo.search(g.user["clinic_id"], term)
    else:
        people = staff_repo.list_all(g.user["clinic_id"], sort)
    return render_template("search.html", people=people, term=term, sort=sort)
