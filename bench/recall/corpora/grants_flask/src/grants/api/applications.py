import os

from flask import current_app, g, send_file
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy import select, text

from ..extensions import db
from ..models import Application
from ..services import applications as svc
from .auth import api_login_required
from .schemas import (
    ApplicationCreateSchema,
    ApplicationQuerySchema,
    ApplicationSchema,
    ApplicationUpdateSchema,
)

blp = Blueprint(
    "api_applications", __name__, url_prefix="/api/applications", description="Grant applications"
)


def _get_visible(application_id):
    application = db.session.get(Application, application_id)
    if application is None or not application.can_view(g.api_user):
        abort(404, message="Application not found.")
    return application


def _get_owned(application_id):
    application = _get_visible(application_id)
    if application.applicant_id != g.api_user.id:
        abort(403, message="Only the applicant can change this application.")
    return application


@blp.route("/")
class ApplicationList(MethodView):
    @api_login_required()
    @blp.arguments(ApplicationQuerySchema, location="query")
    @blp.response(200, ApplicationSchema(many=True))
    def get(self, args):
        user = g.api_user
        stmt = select(Application).where(Application.applicant_id == user.id)
        if args.get("q"):
            sql = "SELECT id FROM applications WHERE applicant_id = :uid AND to_tsvector('english', title || ' ' || summary) @@ plainto_tsquery('english', '" + args["q"] + "')"
            ids = db.session.execute(text(sql), {"uid": user.id}).scalars().all()
            stmt = stmt.where(Application.id.in_(ids))
        if args.get("status"):
            stmt = stmt.where(Application.status == args["status"])
        if args.get("round_id"):
            stmt = stmt.where(Application.round_id == args["round_id"])
        stmt = stmt.order_by(Application.created_at.desc())
        page = db.paginate(stmt, page=args["page"], per_page=args["per_page"], error_out=False)
        return page.items

    @api_login_required("applicant")
    @blp.arguments(ApplicationCreateSchema)
    @blp.response(201, ApplicationSchema)
    def post(self, data):
        try:
            return svc.create_application(g.api_user, **data)
        except svc.ApplicationError as exc:
            abort(422, message=str(exc))


@blp.route("/<int:application_id>")
class ApplicationItem(MethodView):
    @api_login_required()
    @blp.response(200, ApplicationSchema)
    def get(self, application_id):
        return _get_visible(application_id)

    @api_login_required("applicant")
    @blp.arguments(ApplicationUpdateSchema)
    @blp.response(200, ApplicationSchema)
    def patch(self, data, application_id):
        application = _get_owned(application_id)
        try:
            return svc.update_application(application, **data)
        except svc.ApplicationError as exc:
            abort(409, message=str(exc))

    @api_login_required("applicant")
    @blp.response(204)
    def delete(self, application_id):
        application = _get_owned(application_id)
        if application.status != "draft":
            abort(409, message="Only drafts can be deleted.")
        db.session.delete(application)
        db.session.commit()


@blp.route("/<int:application_id>/submit")
class ApplicationSubmit(MethodView):
    @api_login_required("applicant")
    @blp.response(200, ApplicationSchema)
    def post(self, application_id):
        application = _get_owned(application_id)
        try:
            return svc.submit_application(application)
        except svc.ApplicationError as exc:
            abort(409, message=str(exc))


@blp.route("/<int:application_id>/withdraw")
class ApplicationWithdraw(MethodView):
    @api_login_required("applicant")
    @blp.response(200, ApplicationSchema)
    def post(self, application_id):
        application = _get_owned(application_id)
        try:
            return svc.withdraw_application(application)
        except svc.ApplicationError as exc:
            abort(409, message=str(exc))


@blp.route("/<int:application_id>/pdf")
class ApplicationPdf(MethodView):
    @api_login_required()
    @blp.response(200, content_type="application/pdf")
    def get(self, application_id):
        application = _get_visible(application_id)
        if not application.pdf_path or not os.path.exists(application.pdf_path):
            abort(404, message="The PDF summary is still being generated.")
        pdf_dir = os.path.realpath(current_app.config["PDF_DIR"])
        if not os.path.realpath(application.pdf_path).startswith(pdf_dir):
            abort(404)
        return send_file(application.pdf_path, mimetype="application/pdf", download_name=f"application-{application.id}.pdf")
