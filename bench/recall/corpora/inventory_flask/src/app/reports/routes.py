import csv
import io
from datetime import date, timedelta

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.extensions import db
from app.models import MovementType, ReportSchedule, Role, Warehouse
from app.reports import reports_bp
from app.reports.forms import ScheduleForm
from app.services import reports
from app.services.cache import cached_rows, report_cache_key
from app.utils.charts import chart_dataset
from app.utils.decorators import role_required


@reports_bp.route("/")
@login_required
def index():
    warehouses = Warehouse.query.order_by(Warehouse.code).all()
    warehouse_id = request.args.get("warehouse", type=int) or (warehouses[0].id if warehouses else None)
    sort = request.args.get("sort", "sku")
    descending = request.args.get("dir") == "desc"

    rows = []
    if warehouse_id:
        key = report_cache_key("valuation", wh=warehouse_id, sort=sort, desc=descending)
        rows = cached_rows(key, lambda: reports.stock_valuation(warehouse_id, sort, descending))
    chart = chart_dataset(rows[:15], "sku", "stock_value")
    return render_template(
        "reports/index.html",
        rows=rows,
        chart=chart,
        warehouses=warehouses,
        warehouse_id=warehouse_id,
        sort=sort,
        descending=descending,
    )


@reports_bp.route("/summary/<period>")
@login_required
def summary(period):
    if period not in reports.SUMMARY_TABLES:
        abort(404)
    warehouse_id = request.args.get("warehouse", type=int)
    if not warehouse_id:
        abort(400)
    rows = reports.period_summary(period, warehouse_id)
    return render_template("reports/summary.html", rows=rows, period=period)


@reports_bp.route("/movements")
@login_required
def movements():
    since = request.args.get("since") or (date.today() - timedelta(days=7)).isoformat()
    codes = request.args.getlist("wh") or [w.code for w in Warehouse.query.all()]
    movement_type = request.args.get("type")
    if movement_type and movement_type not in MovementType.ALL:
        movement_type = None
    rows = reports.movement_report(since, codes, movement_type)
    return render_template(
        "reports/movements.html",
        rows=rows,
        since=since,
        codes=codes,
        movement_type=movement_type,
        movement_types=MovementType.ALL,
        warehouses=Warehouse.query.order_by(Warehouse.code).all(),
    )


@reports_bp.route("/export", methods=["POST"])
@login_required
def export():
    warehouse_id = request.form.get("warehouse", type=int)
    if not warehouse_id:
        abort(400)
    rows = reports.stock_valuation(warehouse_id, request.form.get("sort", "sku"))
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["sku", "name", "quantity", "value"])
    for r in rows:
        writer.writerow([r["sku"], r["name"], r["total_qty"], r["stock_value"]])
    filename = f"valuation-{warehouse_id}-{date.today():%Y%m%d}.csv"
    return Response(
        buf.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )


@reports_bp.route("/schedules", methods=["GET", "POST"])
@login_required
@role_required(Role.MANAGER)
def schedules():
    form = ScheduleForm()
    form.warehouse_id.choices = [(w.id, w.code) for w in Warehouse.query.order_by(Warehouse.code)]
    if form.validate_on_submit():
        schedule = ReportSchedule(
            name=form.name.data,
            report_type=form.report_type.data,
            warehouse_id=form.warehouse_id.data,
            frequency=form.frequency.data,
            recipients=form.recipients.data,
            created_by=current_user,
        )
        db.session.add(schedule)
        db.session.commit()
        flash("Schedule added.", "success")
        return redirect(url_for("reports.schedules"))
    rows = ReportSchedule.query.order_by(ReportSchedule.name).all()
    return render_template("reports/schedules.html", form=form, schedules=rows)


@reports_bp.route("/schedules/<int:schedule_id>/delete", methods=["POST"])
@login_required
@role_required(Role.MANAGER)
def delete_schedule(schedule_id):
    schedule = db.get_or_404(ReportSchedule, schedule_id)
    db.session.delete(schedule)
    db.session.commit()
    flash(f"Removed schedule {schedule.name}.", "info")
    return redirect(url_for("reports.schedules"))

