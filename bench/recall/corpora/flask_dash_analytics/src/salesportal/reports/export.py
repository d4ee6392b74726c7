"""CSV and Excel exports of reporting data."""
import io
import logging
import traceback
from datetime import date

import pandas as pd
from flask import current_app, jsonify, request, send_file
from flask_login import login_required
from sqlalchemy.exc import SQLAlchemyError

from ..repositories import sales as sales_repo
from . import bp, service

log = logging.getLogger(__name__)


def _filename(stem, ext):
    return f"{stem}-{date.today():%Y%m%d}.{ext}"


@bp.route("/export/orders.csv")
@login_required
def export_orders_csv():
    columns = request.args.getlist("col") or sales_repo.DEFAULT_EXPORT_COLUMNS
    region = request.args.get("region") or None
    try:
        frame = sales_repo.orders_frame(columns, region, current_app.config["EXPORT_MAX_ROWS"])
    except SQLAlchemyError as exc:
        log.exception("Order export failed")
        return jsonify(error="export_failed", detail=str(exc), trace=traceback.format_exc()), 500

    payload = io.BytesIO(frame.to_csv(index=False).encode("utf-8"))
    return send_file(payload, mimetype="text/csv", as_attachment=True, download_name=_filename("orders", "csv"))


@bp.route("/export/revenue.xlsx")
@login_required
def export_revenue_xlsx():
    start, end = service.parse_date_range(request.args)
    overview = service.revenue_overview(start, end, "month", "bucket")

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(overview["buckets"]).to_excel(writer, sheet_name="Revenue", index=False)
        pd.DataFrame(overview["products"]).to_excel(writer, sheet_name="Top products", index=False)
        pd.DataFrame(overview["customers"]).to_excel(writer, sheet_name="Top customers", index=False)
    buffer.seek(0)
    return send_file(
        buffer,
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        as_attachment=True,
        download_name=_filename("revenue", "xlsx"),
    )
