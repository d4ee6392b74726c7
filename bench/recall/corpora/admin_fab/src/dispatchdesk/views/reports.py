"""On-time performance and lateness reports (Chart.js on the client)."""
import json

from flask import abort, flash, jsonify, redirect, request, url_for
from flask_appbuilder import BaseView, expose, has_access
from flask_login import current_user
from sqlalchemy import or_

from ..forms import SavedFilterForm
from ..models.shipment import SavedFilter
from ..services.reporting import GROUPINGS, LATE_ORDERINGS, ReportRepository, cached


class ReportsView(BaseView):
    route_base = "/reports"
    default_view = "on_time"

    def _repo(self):
        return ReportRepository(self.appbuilder.get_session)

    @expose("/on-time/")
    @has_access
    def on_time(self):
        days = min(request.args.get("days", 30, type=int), 365)
        grouping = request.args.get("group", "depot")
        region = request.args.get("region") or None
        rows = self._repo().on_time_rate(days=days, grouping=grouping, region=region)
        return self.render_template(
            "reports/on_time.html",
            rows=rows,
            days=days,
            grouping=grouping,
            groupings=sorted(GROUPINGS),
            region=region,
            chart_data={
                "labels": [r["bucket"] for r in rows],
                "rates": [r["rate"] for r in rows],
            },
        )

    @expose("/late/")
    @has_access
    def late(self):
        days = min(request.args.get("days", 7, type=int), 90)
        order = request.args.get("order", "late")
        rows = cached(
            "late_by_carrier",
            {"days": days, "order": order},
            lambda: self._repo().late_by_carrier(days=days, order=order),
        )
        return jsonify(orderings=sorted(LATE_ORDERINGS), rows=[dict(r) for r in rows])

    # ------------------------------------------------------------------
    # Saved filters
    # ------------------------------------------------------------------
    def _visible_filters(self):
        session = self.appbuilder.get_session
        return (
            session.query(SavedFilter)
            .filter(or_(SavedFilter.created_by_fk == current_user.id, SavedFilter.shared.is_(True)))
            .order_by(SavedFilter.name)
            .all()
        )

    @expose("/filters/", methods=["GET", "POST"])
    @has_access
    def filters(self):
        form = SavedFilterForm()
        if form.validate_on_submit():
            criteria = {
                "status": form.status.data,
                "depot_code": form.depot_code.data,
                "carrier_slug": form.carrier_slug.data,
                "postcode": form.postcode.data,
            }
            saved = SavedFilter(
                name=form.name.data,
                criteria_json=json.dumps({k: v for k, v in criteria.items() if v}),
                shared=form.shared.data,
            )
            self.appbuilder.get_session.add(saved)
            self.appbuilder.get_session.commit()
            flash(f"Filter '{saved.name}' saved.", "success")
            return redirect(url_for("ReportsView.filters"))
        return self.render_template(
            "reports/saved_filters.html", form=form, filters=self._visible_filters()
        )

    @expose("/filters/<int:pk>/delete", methods=["POST"])
    @has_access
    def delete_filter(self, pk):
        session = self.appbuilder.get_session
        saved = session.get(SavedFilter, pk)
        if saved is None:
            abort(404)
        if saved.created_by_fk != current_user.id:
            abort(403)
        session.delete(saved)
        session.commit()
        flash("Filter deleted.", "info")
        return redirect(url_for("ReportsView.filters"))

    @expose("/filters/<int:pk>/share", methods=["POST"])
    @has_access
    def share_filter(self, pk):
        session = self.appbuilder.get_session
        saved = session.get(SavedFilter, pk)
        if saved is None or saved.created_by_fk != current_user.id:
            abort(404)
        payload = request.get_json(silent=True) or {}
        saved.shared = bool(payload.get("shared"))
        session.commit()
        return jsonify(id=saved.id, shared=saved.shared)
