from flask.views import MethodView
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_smorest import Blueprint, Page, abort

from ..repositories import UserRepository, WorkOrderRepository
from ..schemas.work_order import (
    ExportRequestSchema,
    WorkOrderQueryArgsSchema,
    WorkOrderSchema,
    WorkOrderSearchArgsSchema,
    WorkOrderUpdateSchema,
)
from ..security.share_links import issue_share_token
from ..services.work_order_service import WorkOrderService
from ..tasks.exports import export_work_orders_csv
from .permissions import current_depot_id, role_required

blp = Blueprint("work_orders", __name__, url_prefix="/api/v1/work-orders", description="Work orders")


class SQLAlchemyPage(Page):
    @property
    def item_count(self):
        from sqlalchemy import func, select

        from ..extensions import db

        return db.session.execute(select(func.count()).select_from(self.collection.subquery())).scalar()

    def _get_items(self):
        from ..extensions import db

        stmt = self.collection.offset(self.page_params.first_item).limit(self.page_params.page_size)
        return db.session.execute(stmt).scalars().all()


def _current_user():
    identity = get_jwt_identity()
    if identity and identity.isdigit():
        return UserRepository().get(int(identity))
    return None


@blp.route("/")
class WorkOrderList(MethodView):
    @jwt_required()
    @blp.arguments(WorkOrderQueryArgsSchema, location="query")
    @blp.response(200, WorkOrderSchema(many=True))
    @blp.paginate(SQLAlchemyPage)
    def get(self, args):
        return WorkOrderRepository().list(depot_id=current_depot_id(), **args)

    @jwt_required()
    @blp.arguments(WorkOrderSchema)
    @blp.response(201, WorkOrderSchema)
    def post(self, data):
        return WorkOrderService().open(data, _current_user())


@blp.route("/search")
class WorkOrderSearch(MethodView):
    @jwt_required()
    @blp.arguments(WorkOrderSearchArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        return {"results": WorkOrderRepository().search(args["q"], args["depot_id"])}


@blp.route("/<int:work_order_id>")
class WorkOrderDetail(MethodView):
    @jwt_required()
    @blp.response(200, WorkOrderSchema)
    def get(self, work_order_id):
        return WorkOrderRepository().get(work_order_id) or abort(404)

    @jwt_required()
    @blp.arguments(WorkOrderUpdateSchema)
    @blp.response(200, WorkOrderSchema)
    def patch(self, changes, work_order_id):
        order = WorkOrderRepository().get(work_order_id) or abort(404)
        return WorkOrderService().update(order, changes, _current_user())


@blp.route("/<int:work_order_id>/share-link")
class WorkOrderShareLink(MethodView):
    @role_required("admin", "workshop_manager")
    @blp.response(201)
    def post(self, work_order_id):
        WorkOrderRepository().get(work_order_id) or abort(404)
        return {"token": issue_share_token(work_order_id)}


@blp.route("/exports")
class WorkOrderExport(MethodView):
    @role_required("admin", "workshop_manager")
    @blp.arguments(ExportRequestSchema)
    @blp.response(202)
    def post(self, args):
        user = _current_user() or abort(403)
        task = export_work_orders_csv.delay(args["depot_code"], args["status"], user.email)
        return {"task_id": task.id}
