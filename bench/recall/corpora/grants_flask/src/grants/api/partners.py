"""Read-only endpoints for co-funding partners (service tokens)."""
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from ..extensions import db
from ..models import Application
from .auth import service_token_required
from .schemas import DecisionSchema

blp = Blueprint("api_partners", __name__, url_prefix="/api/partners", description="Partner access")


@blp.route("/rounds/<int:round_id>/decisions")
class RoundDecisions(MethodView):
    @service_token_required("decisions:read")
    @blp.response(200, DecisionSchema(many=True))
    def get(self, round_id):
        return db.session.scalars(
            select(Application)
            .where(Application.round_id == round_id, Application.status.in_(["awarded", "declined"]))
            .order_by(Application.id)
        ).all()

