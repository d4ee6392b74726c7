from datetime import date

from flask import make_response, redirect, request, url_for
from flask_appbuilder import BaseView, IndexView, expose, has_access
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import or_

from ..formatting import nl2br
from ..models.shipment import Shipment
from ..services.reporting import ReportRepository, cached


class DashboardIndexView(IndexView):
    index_template = "dashboard/index.html"

    @expose("/")
    def index(self):
        if not current_user.is_authenticated:
            return redirect(self.appbuilder.get_url_for_login)

        session = self.appbuilder.get_session
        repo = ReportRepository(session)
        depot = getattr(current_user, "depot", None)
        today = date.today()

        summary = repo.depot_summary(depot.id, today) if depot else {}
        late = cached("late_by_carrier", {"days": 7}, lambda: repo.late_by_carrier(days=7))
        notice_html = nl2br(depot.notice) if depot else Markup("")

        return self.render_template(
            self.index_template,
            appbuilder=self.appbuilder,
            depot=depot,
            today=today,
            summary=summary,
            late=late,
            notice_html=notice_html,
        )


class DashboardView(BaseView):
    route_base = "/dashboard"
    default_view = "lookup"

    @expose("/lookup")
    @has_access
    def lookup(self):
        """Quick lookup box on the dashboard (htmx)."""
        ref = request.args.get("ref", "").strip()
        shipment = None
        if ref:
            shipment = (
                self.appbuilder.get_session.query(Shipment)
                .filter(or_(Shipment.reference == ref, Shipment.tracking_number == ref))
                .first()
            )
        if shipment is None:
            return f'<div class="alert alert-warning">No shipment matches <strong>{ref}</strong>.</div>'
        resp = make_response("", 204)
        resp.headers["HX-Redirect"] = url_for("ShipmentModelView.timeline", pk=shipment.id)
        return resp
