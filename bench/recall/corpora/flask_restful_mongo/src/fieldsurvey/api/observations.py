from datetime import datetime

from flask import g, request
from flask_restful import Resource, abort

from ..models import Observation, Site
from ..schemas import ObservationInSchema, ObservationOutSchema
from ..services.photos import PhotoRejected, store_photo
from .decorators import api_auth_required
from .surveys import get_survey_for

observation_in = ObservationInSchema()
observation_out = ObservationOutSchema()
observations_out = ObservationOutSchema(many=True)


def _parse_date(value, name):
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        abort(400, message=f"{name} must be an ISO date")


class ObservationListResource(Resource):
    method_decorators = [api_auth_required]

    def get(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        query = Observation.objects(survey=survey)

        species = request.args.get("species")
        if species:
            query = query.filter(species_code=species.upper())
        site_code = request.args.get("site")
        if site_code:
            query = query.filter(site=Site.objects(survey=survey, code=site_code).first())
        since = _parse_date(request.args.get("since"), "since")
        if since:
            query = query.filter(observed_at__gte=since)
        if request.args.get("flagged") == "1":
            query = query.filter(flagged=True)

        limit = min(int(request.args.get("limit", 100)), 500)
        return {"items": observations_out.dump(query.order_by("-observed_at").limit(limit))}

    def post(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        if request.mimetype == "multipart/form-data":
            data = observation_in.load(request.form.to_dict())
            photos = request.files.getlist("photo")
        else:
            data = observation_in.load(request.get_json(force=True) or {})
            photos = []

        site = Site.objects(survey=survey, code=data.pop("site_code")).first() if data.get("site_code") else None
        data.pop("site_code", None)
        try:
            keys = [store_photo(photo) for photo in photos]
        except PhotoRejected as exc:
            abort(400, message=str(exc))

        obs = Observation(survey=survey, site=site, recorded_by=g.api_user, photo_keys=keys, **data)
        obs.save()
        return observation_out.dump(obs), 201


class ObservationResource(Resource):
    method_decorators = [api_auth_required]

    def _get(self, observation_id):
        obs = Observation.objects(id=observation_id).first()
        if obs is None:
            abort(404, message="observation not found")
        get_survey_for(g.api_user, obs.survey.id)
        return obs

    def get(self, observation_id):
        return observation_out.dump(self._get(observation_id))

    def patch(self, observation_id):
        obs = self._get(observation_id)
        data = observation_in.load(request.get_json(force=True) or {}, partial=True)
        for field in ("count", "notes", "species_code"):
            if field in data:
                setattr(obs, field, data[field])
        obs.save()
        return observation_out.dump(obs)

    def delete(self, observation_id):
        obs = self._get(observation_id)
        if not g.api_user.is_coordinator:
            abort(403, message="coordinator role required")
        obs.delete()
        return "", 204
