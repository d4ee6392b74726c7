import logging
import sqlite3

from flask import g
from flask_restful import Resource, abort, inputs, reqparse

from ..services.reporting import ReportService, get_db
from .decorators import api_auth_required, coordinator_required
from .surveys import get_survey_for

log = logging.getLogger(__name__)

species_parser = reqparse.RequestParser()
species_parser.add_argument("site", type=str, action="append", location="args", dest="site_ids")
species_parser.add_argument("sort", type=str, default="count", location="args")

effort_parser = reqparse.RequestParser()
effort_parser.add_argument("observer", type=str, default="", location="args")

regions_parser = reqparse.RequestParser(bundle_errors=True)
regions_parser.add_argument("region", type=str, required=True, location="args")
regions_parser.add_argument("from", type=inputs.date, required=True, location="args", dest="start")
regions_parser.add_argument("to", type=inputs.date, required=True, location="args", dest="end")


class SpeciesTotalsResource(Resource):
    method_decorators = [api_auth_required]

    def get(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        args = species_parser.parse_args()
        try:
            rows = ReportService().species_totals(survey, site_ids=args["site_ids"], sort=args["sort"])
        except sqlite3.Error:
            log.exception("species report failed for survey %s", survey.id)
            return {"message": "report temporarily unavailable"}, 503
        return {"survey": str(survey.id), "rows": rows}


class ObserverEffortResource(Resource):
    method_decorators = [api_auth_required]

    def get(self, survey_id):
        survey = get_survey_for(g.api_user, survey_id)
        args = effort_parser.parse_args()
        return {"survey": str(survey.id), "rows": ReportService().observer_effort(survey, args["observer"])}


class RegionalTotalsResource(Resource):
    method_decorators = [coordinator_required, api_auth_required]

    def get(self):
        args = regions_parser.parse_args()
        if args["end"] < args["start"]:
            abort(400, message="'to' must not be before 'from'")
        sql = (
            "SELECT region, species_code, SUM(count) AS total FROM observation_facts "
            f"WHERE observed_on BETWEEN ? AND ? AND region = '{args['region']}' "
            "GROUP BY region, species_code ORDER BY total DESC"
        )
        rows = get_db().execute(sql, (args["start"].date().isoformat(), args["end"].date().isoformat())).fetchall()
        return {"region": args["region"], "rows": [dict(row) for row in rows]}
