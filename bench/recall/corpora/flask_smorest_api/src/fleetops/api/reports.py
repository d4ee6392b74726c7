from flask.views import MethodView
from flask_smorest import Blueprint

from ..repositories import ReportRepository
from ..schemas.work_order import CostSummaryArgsSchema, DowntimeArgsSchema, PartsUsageArgsSchema
from .permissions import role_required

blp = Blueprint("reports", __name__, url_prefix="/api/v1/reports", description="Workshop reports")


@blp.route("/downtime")
class DowntimeReport(MethodView):
    @role_required("admin", "workshop_manager")
    @blp.arguments(DowntimeArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        return {"rows": ReportRepository().downtime_by_vehicle(args["depot_id"], args["days"])}


@blp.route("/costs")
class CostReport(MethodView):
    @role_required("admin", "workshop_manager")
    @blp.arguments(CostSummaryArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        return {"rows": ReportRepository().cost_summary(args["depot_id"], args["group_by"])}


@blp.route("/parts-usage")
class PartsUsageReport(MethodView):
    @role_required("admin", "workshop_manager")
    @blp.arguments(PartsUsageArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        rows = ReportRepository().parts_usage(args["depot_id"], args["order_by"], args["direction"])
        return {"rows": rows}
