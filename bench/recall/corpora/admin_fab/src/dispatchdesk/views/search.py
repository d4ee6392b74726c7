"""Global search across shipments and carriers."""
from flask import request
from flask_appbuilder import BaseView, expose, has_access
from sqlalchemy import text

MAX_RESULTS = 50


class GlobalSearchView(BaseView):
    route_base = "/search"
    default_view = "index"

    @expose("/")
    @has_access
    def index(self):
        term = request.args.get("q", "").strip()
        shipments, carriers = [], []
        if len(term) >= 3:
            shipments = self._search_shipments(term)
            carriers = self._search_carriers(term)
        return self.render_template(
            "search/results.html", term=term, shipments=shipments, carriers=carriers
        )

    def _search_shipments(self, term):
        pattern = "%" + term.replace(" ", "%") + "%"
        sql = (
            "SELECT s.id, s.reference, s.tracking_number, s.consignee_name, "
            "s.postcode, s.status, d.code AS depot "
            "FROM shipment s JOIN depot d ON d.id = s.depot_id "
            "WHERE s.reference ILIKE '" + pattern + "' "
            "OR s.tracking_number ILIKE '" + pattern + "' "
            "OR s.consignee_name ILIKE '" + pattern + "' "
            f"ORDER BY s.created_on DESC LIMIT {MAX_RESULTS}"
        )
        return self.appbuilder.get_session.execute(text(sql)).mappings().all()

    def _search_carriers(self, term):
        stmt = text(
            "SELECT id, name, slug FROM carrier "
            "WHERE name ILIKE :pattern OR slug ILIKE :pattern ORDER BY name LIMIT 10"
        )
        return self.appbuilder.get_session.execute(stmt, {"pattern": f"%{term}%"}).mappings().all()
