from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from .. import stats
from ..extensions import db
from ..models import Application, Review, utcnow
from .auth import api_login_required
from .schemas import (
    ReviewInputSchema,
    ReviewSchema,
    RoundStatsQuerySchema,
    RoundStatsRowSchema,
)

blp = Blueprint("api_reviews", __name__, url_prefix="/api/reviews", description="Reviews and scoring")


def _assigned_review(application_id):
    review = db.session.scalar(
        select(Review).where(
            Review.application_id == application_id, Review.reviewer_id == g.api_user.id
        )
    )
    if review is None:
        abort(404, message="You are not assigned to this application.")
    return review


@blp.route("/assigned")
class AssignedReviews(MethodView):
    @api_login_required("reviewer")
    @blp.response(200, ReviewSchema(many=True))
    def get(self):
        return db.session.scalars(
            select(Review)
            .where(Review.reviewer_id == g.api_user.id)
            .order_by(Review.completed_at.is_(None).desc(), Review.id)
        ).all()


@blp.route("/applications/<int:application_id>")
class ReviewItem(MethodView):
    @api_login_required("reviewer")
    @blp.response(200, ReviewSchema)
    def get(self, application_id):
        return _assigned_review(application_id)

    @api_login_required("reviewer")
    @blp.arguments(ReviewInputSchema)
    @blp.response(200, ReviewSchema)
    def put(self, data, application_id):
        review = _assigned_review(application_id)
        application = db.session.get(Application, application_id)
        if application.status not in ("submitted", "under_review"):
            abort(409, message="This application is not open for review.")
        review.score = None if data["conflict_of_interest"] else data["score"]
        review.comment = data["comment"]
        review.conflict_of_interest = data["conflict_of_interest"]
        review.completed_at = utcnow()
        if application.status == "submitted":
            application.status = "under_review"
        db.session.commit()
        return review


@blp.route("/stats/round")
class RoundStats(MethodView):
    @api_login_required("reviewer")
    @blp.arguments(RoundStatsQuerySchema, location="query")
    @blp.response(200, RoundStatsRowSchema(many=True))
    def get(self, args):
        return stats.round_summary(args["round_id"], sort=args["sort"], direction=args["direction"])

