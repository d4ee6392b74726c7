from datetime import date, datetime, timedelta

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask.views import MethodView

from ..extensions import csrf
from ..repositories import shifts as shift_repo
from ..repositories import staff as staff_repo
from ..security.decorators import login_required, role_required
from ..services import autofill, mailer
from . import bp


def _week_start(value):
    if value:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    else:
        day = date.today()
    return day - timedelta(days=day.weekday())


def _ordering(args):
    sort = args.get("sort", "s.starts_at")
    direction = "DESC" if args.get("dir") == "desc" else "ASC"
    return f"{sort} {direction}"


@bp.get("/")
@login_required
def index():
    start = _week_start(request.args.get("week"))
    rows = shift_repo.list_for_clinic(
        g.user["clinic_id"], start, start + timedelta(days=7), order_by=_ordering(request.args)
    )
    return render_template("index.html", shifts=rows, week_start=start)


class ShiftDetail(MethodView):
    decorators = [login_required]

    def _load(self, shift_id):
        shift = shift_repo.get(shift_id)
        if shift is None or shift["clinic_id"] != g.user["clinic_id"]:
            abort(404)
        return shift

    def get(self, shift_id):
        shift = self._load(shift_id)
        colleagues = staff_repo.by_role(g.user["clinic_id"], shift["role"])
        return render_template("detail.html", shift=shift, colleagues=colleagues)

    def post(self, shift_id):
        shift = self._load(shift_id)
        if shift["user_id"] != g.user["id"] and g.user["role"] != "manager":
            abort(403)
        shift_repo.update_notes(shift_id, request.form.get("handover_notes", "")[:4000])
        flash("Handover notes saved.", "success")
        return redirect(url_for("schedule.detail", shift_id=shift_id))


bp.add_url_rule("/shifts/<int:shift_id>", view_func=ShiftDetail.as_view("detail"))


@bp.post("/shifts/<int:shift_id>/swap")
@login_required
def offer_swap(shift_id):
    shift = shift_repo.get(shift_id)
    if shift is None or shift["user_id"] != g.user["id"]:
        abort(404)
    to_user = int(request.form["to_user_id"])
    swap_id = shift_repo.create_swap(
        shift_id, g.user["id"], to_user, request.form.get("message", "")[:500]
    )
    flash("Swap offered.", "success")
    return redirect(url_for("schedule.swap", swap_id=swap_id))


@bp.get("/swaps/<int:swap_id>")
@login_required
def swap(swap_id):
    swap_row = shift_repo.get_swap(swap_id)
    if swap_row is None or g.user["id"] not in (swap_row["from_user_id"], swap_row["to_user_id"]):
        abort(404)
    return render_template("swap_offer.html", swap=swap_row, shift=shift_repo.get(swap_row["shift_id"]))


@bp.post("/swaps/<int:swap_id>/accept")
@csrf.exempt
@login_required
def accept_swap(swap_id):
    swap_row = shift_repo.get_swap(swap_id)
    if swap_row is None or swap_row["to_user_id"] != g.user["id"] or swap_row["status"] != "offered":
        abort(404)
    shift_repo.accept_swap(swap_row)
    mailer.send_shift_assigned(g.user, shift_repo.get(swap_row["shift_id"]))
    flash("Shift swapped.", "success")
    return redirect(url_for("schedule.index"))


@bp.post("/autofill")
@role_required("manager")
def run_autofill():
    start = _week_start(request.form.get("week"))
    filled = autofill.autofill_week(g.user["clinic_id"], start)
    flash(f"Filled {filled} open shifts.", "success")
    return redirect(url_for("schedule.index", week=start.isoformat()))
