from flask import current_app, g, request, url_for
from flask_restful import Resource, abort

from ..extensions import limiter
from ..models import Survey
from ..schemas import InviteSchema, SurveyInSchema, SurveyOutSchema
from ..services import analytics, exports
from ..tasks import enqueue
from ..tasks.jobs import build_export, send_email
from .decorators import api_auth_required, coordinator_required

survey_in = SurveyInSchema()
survey_out = SurveyOutSchema()
surveys_out = SurveyOutSchema(many=True)
invite_in = InviteSchema()


def get_survey_for(user, survey_id):
    survey = Survey.objects(id=survey_id).first()
    if survey is None:
        abort(404, message="survey not found")
    if user is None or not survey.is_member(user):
        abort(403, message="not a member of this survey")
    return survey


class SurveyListResource(Resource):
    method_decorators = [api_auth_required]

    def get(self):
        page = max(int(request.args.get("page", 1)), 1)
        per_page = min(max(int(request.args.get("per_page", 25)), 1), 100)
        user = g.api_user
        if user is None:
            abort(403, message="user credentials required")
        query = Survey.objects(__raw__={"$or": [{"owner": user.id}, {"team": user.id}]})
        if request.args.get("status"):
            query = query.filter(status=request.args["status"])
        items = query.skip((page - 1) * per_page).limit(per_page)
        return {"items": surveys_out.dump(items), "page": page, "total": query.count()}

    @coordinator_required
    def post(self):
        data = survey_in.load(request.get_json(force=True) or {})
        survey = Survey(owner=g.api_user, **data)
        survey.save()
        return survey_out.dump(survey), 201


class SurveyResource(Resource):
    method_decorators = [api_auth_required]

    def get(self, survey_id):
        return survey_out.dump(get_survey_for(g.api_user, survey_id))

    def patch(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        if survey.owner.id != g.api_user.id:
            abort(403, message="only the owner can edit a survey")
        data = survey_in.load(request.get_json(force=True) or {}, partial=True)
        for field, value in data.items():
            setattr(survey, field, value)
        survey.save()
        return survey_out.dump(survey)

    def delete(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        if survey.owner.id != g.api_user.id:
            abort(403, message="only the owner can archive a survey")
        survey.update(set__status="archived")
        return "", 204


class SurveyShareResource(Resource):
    method_decorators = [coordinator_required, api_auth_required]

    def post(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        token = survey.enable_public_link()
        return {
            "embed_url": url_for("public.embed", token=token, _external=True),
            "summary_url": url_for("public.summary", token=token, _external=True),
        }, 201

    def delete(self, survey_id):
        get_survey_for(g.api_user, survey_id).disable_public_link()
        return "", 204


class SurveyExportResource(Resource):
    method_decorators = [api_auth_required]

    def post(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        fmt = (request.get_json(silent=True) or {}).get("format", "csv")
        if fmt not in ("csv", "geojson"):
            abort(400, message="format must be csv or geojson")
        job = exports.request_export(survey, g.api_user, fmt=fmt)
        enqueue(build_export, str(job.id))
        return {"export_id": str(job.id), "status": job.status}, 202


class SurveyInviteResource(Resource):
    decorators = [limiter.limit("20 per hour")]
    method_decorators = [coordinator_required, api_auth_required]

    def post(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        data = invite_in.load(request.get_json(force=True) or {})
        enqueue(
            send_email,
            data["email"],
            f"{g.api_user.full_name or 'A colleague'} invited you to {survey.title}",
            "invite",
            {
                "inviter_name": g.api_user.full_name or g.api_user.email,
                "survey_title": survey.title,
                "message": data["message"],
                "signup_url": url_for("auth.register", _external=True),
            },
        )
        current_app.logger.info("survey %s: invitation sent by %s", survey.id, g.api_user.id)
        return {"status": "sent"}, 202


class SurveyStatsResource(Resource):
    method_decorators = [api_auth_required]

    def get(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        return {
            "species": analytics.species_summary(survey.id, species=request.args.get("species")),
            "weekly": analytics.weekly_activity(survey.id, weeks=request.args.get("weeks", 12)),
            "flagged_by_site": analytics.flagged_by_site(survey.id),
        }
