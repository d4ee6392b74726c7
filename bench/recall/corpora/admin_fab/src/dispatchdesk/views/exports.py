"""CSV / Excel exports for dispatchers and account managers."""
import csv
import io
import json
from datetime import datetime

import pandas as pd
from flask import abort, current_app, request, send_file
from flask_appbuilder import BaseView, expose, has_access

from ..extensions import db
from ..models.shipment import SHIPMENT_STATUSES, SavedFilter, Shipment

EXPORT_COLUMNS = [
    "reference",
    "tracking_number",
    "status",
    "consignee_name",
    "postcode",
    "promised_on",
    "delivered_on",
]

# saved-filter criteria key -> SQL column
CRITERIA_COLUMNS = {
    "status": "s.status",
    "depot_code": "d.code",
    "carrier_slug": "c.slug",
    "postcode": "s.postcode",
}


def _criteria_where(criteria):
    clauses = []
    for key, value in criteria.items():
        column = CRITERIA_COLUMNS.get(key)
        if column is None or value in (None, ""):
            continue
        clauses.append(f"{column} = '{value}'")
    return " AND ".join(clauses) or "TRUE"


class ExportView(BaseView):
    route_base = "/exports"
    default_view = "shipments_csv"

    @expose("/shipments.csv")
    @has_access
    def shipments_csv(self):
        query = self.appbuilder.get_session.query(Shipment)
        status = request.args.get("status")
        if status in SHIPMENT_STATUSES:
            query = query.filter(Shipment.status == status)
        depot_id = request.args.get("depot", type=int)
        if depot_id:
            query = query.filter(Shipment.depot_id == depot_id)

        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(EXPORT_COLUMNS)
        limit = current_app.config["EXPORT_MAX_ROWS"]
        for shipment in query.order_by(Shipment.created_on.desc()).limit(limit):
            writer.writerow([getattr(shipment, col) or "" for col in EXPORT_COLUMNS])

        data = io.BytesIO(buf.getvalue().encode("utf-8-sig"))
        filename = f"shipments-{datetime.utcnow():%Y%m%d-%H%M}.csv"
        return send_file(data, mimetype="text/csv", as_attachment=True, download_name=filename)

    @expose("/saved/<int:pk>.xlsx")
    @has_access
    def saved_filter_xlsx(self, pk):
        saved = self.appbuilder.get_session.get(SavedFilter, pk)
        if saved is None:
            abort(404)
        criteria = json.loads(saved.criteria_json or "{}")
        sql = (
            "SELECT s.reference, s.tracking_number, s.status, d.code AS depot, "
            "c.name AS carrier, s.consignee_name, s.postcode, s.promised_on, s.delivered_on "
            "FROM shipment s JOIN depot d ON d.id = s.depot_id "
            "LEFT JOIN carrier c ON c.id = s.carrier_id "
            f"WHERE {_criteria_where(criteria)} "
            f"ORDER BY s.created_on DESC LIMIT {int(current_app.config['EXPORT_MAX_ROWS'])}"
        )
        frame = pd.read_sql(sql, db.engine)

        out = io.BytesIO()
        with pd.ExcelWriter(out, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name=saved.name[:31] or "Shipments")
        out.seek(0)
        return send_file(
            out,
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            as_attachment=True,
            download_name=f"{saved.name}.xlsx",
        )
