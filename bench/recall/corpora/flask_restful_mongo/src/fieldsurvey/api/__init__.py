import logging
import traceback

from flask import Blueprint, request
from flask_restful import Api
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from ..services.reporting import close_db

api_bp = Blueprint("api", __name__)
log = logging.getLogger("fieldsurvey.api")


class SurveyApi(Api):
    def handle_error(self, e):
        if isinstance(e, HTTPException):
            return super().handle_error(e)
        if isinstance(e, ValidationError):
            return self.make_response({"message": "invalid input", "errors": e.messages}, 422)
        log.exception("unhandled error on %s %s", request.method, request.path)
        return self.make_response({"message": "internal server error", "error": repr(e), "trace": traceback.format_exc().splitlines()}, 500)


api = SurveyApi(api_bp, catch_all_404s=True)


@api_bp.before_request
def _log_request():
    log.info("%s %s from %s headers=%s", request.method, request.path, request.remote_addr, dict(request.headers))


api_bp.teardown_app_request(close_db)


from .auth import EnumeratorTokenResource, RefreshResource, ResendConfirmationResource, TokenResource  # noqa: E402
from .observations import ObservationListResource, ObservationResource  # noqa: E402
from .reports import ObserverEffortResource, RegionalTotalsResource, SpeciesTotalsResource  # noqa: E402
from .surveys import (  # noqa: E402
    SurveyExportResource,
    SurveyInviteResource,
    SurveyListResource,
    SurveyResource,
    SurveyShareResource,
    SurveyStatsResource,
)
from .sync import StationHeartbeatResource, SyncUploadResource  # noqa: E402

api.add_resource(TokenResource, "/auth/token")
api.add_resource(RefreshResource, "/auth/refresh")
api.add_resource(EnumeratorTokenResource, "/auth/enumerator")
api.add_resource(ResendConfirmationResource, "/auth/resend-confirmation")

api.add_resource(SurveyListResource, "/surveys")
api.add_resource(SurveyResource, "/surveys/<string:survey_id>")
api.add_resource(SurveyShareResource, "/surveys/<string:survey_id>/share")
api.add_resource(SurveyExportResource, "/surveys/<string:survey_id>/exports")
api.add_resource(SurveyInviteResource, "/surveys/<string:survey_id>/invites")
api.add_resource(SurveyStatsResource, "/surveys/<string:survey_id>/stats")

api.add_resource(ObservationListResource, "/surveys/<string:survey_id>/observations")
api.add_resource(ObservationResource, "/observations/<string:observation_id>")

api.add_resource(SpeciesTotalsResource, "/reports/<string:survey_id>/species")
api.add_resource(ObserverEffortResource, "/reports/<string:survey_id>/effort")
api.add_resource(RegionalTotalsResource, "/reports/regions")

api.add_resource(SyncUploadResource, "/sync/uploads")
api.add_resource(StationHeartbeatResource, "/stations/heartbeat")
