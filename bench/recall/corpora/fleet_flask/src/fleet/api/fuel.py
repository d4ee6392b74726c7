"""Fuel cards (legacy system) and fuel spend reporting."""
import logging
from datetime import date, timedelta

from flask import g, request
from flask_restx import Namespace, Resource, abort, fields

from fleet.api.decorators import api_key_required, roles_required
from fleet.services import legacy_db, reports

log = logging.getLogger(__name__)

ns = Namespace("fuel", description="Fuel cards and spend")

card_model = ns.model(
    "FuelCard",
    {
        "card_number": fields.String,
        "holder_name": fields.String,
        "plate": fields.String,
        "monthly_limit": fields.Float,
        "blocked": fields.Boolean,
    },
)

tx_model = ns.model(
    "FuelTransaction",
    {
        "tx_id": fields.String,
        "station": fields.String,
        "litres": fields.Float,
        "amount": fields.Float,
        "tx_time": fields.DateTime,
    },
)

block_model = ns.model("BlockCard", {"reason": fields.String(required=True)})


@ns.route("/cards/<string:card_number>")
class FuelCard(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.marshal_with(card_model)
    def get(self, card_number):
        card = legacy_db.get_card(card_number)
        if not card:
            abort(404, "Card not found")
        return card


@ns.route("/cards/<string:card_number>/transactions")
class FuelCardTransactions(Resource):
    @roles_required("manager", "admin")
    @ns.marshal_list_with(tx_model)
    def get(self, card_number):
        days = request.args.get("days", 30, type=int)
        return legacy_db.card_transactions(card_number, date.today() - timedelta(days=days))


@ns.route("/cards/<string:card_number>/block")
class FuelCardBlock(Resource):
    @api_key_required(scope="cards:write")
    @ns.expect(block_model, validate=True)
    @ns.doc(security="apikey")
    def post(self, card_number):
        changed = legacy_db.block_card(card_number, ns.payload["reason"])
        if not changed:
            abort(404, "Card not found")
        log.info("card %s blocked by partner %s", card_number[-4:], g.api_client.name)
        return {"blocked": True}


@ns.route("/summary/<string:depot_code>")
class FuelSummary(Resource):
    @roles_required("manager", "admin")
    def get(self, depot_code):
        group_by = request.args.get("group_by", "fuel_type")
        return {"depot": depot_code, "rows": reports.fuel_cost_summary(depot_code, group_by)}


@ns.route("/partner/spend")
class PartnerSpend(Resource):
    @api_key_required(scope="read")
    @ns.doc(security="apikey")
    def get(self):
        plate = request.args.get("plate", "").upper()
        try:
            year = int(request.args["year"])
            month = int(request.args["month"])
        except (KeyError, ValueError):
            abort(400, "year and month are required")
        return {"plate": plate, "total": legacy_db.monthly_spend(plate, year, month)}
