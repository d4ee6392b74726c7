from flask import Response, request
from flask_admin import BaseView, expose

from ..services import reports
from ..services.stats import current_season
from .views import AdminAccessMixin


class AttendanceReportView(AdminAccessMixin, BaseView):
    @expose("/")
    def index(self):
        season = request.args.get("season") or current_season()
        rows = reports.attendance_by_event(season)
        return self.render("admin/attendance.html", rows=rows, season=season)


class MembershipExportView(AdminAccessMixin, BaseView):
    @expose("/")
    def index(self):
        status = request.args.get("status")
        filename = f"members-{status or 'all'}.csv"
        return Response(
            reports.membership_csv(status),
            mimetype="text/csv",
            headers={"Content-Disposition": f"attachment; filename={filename}"},
        )
