from decimal import Decimal

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields

from ..security.partner_tokens import partner_from_bearer

blp = Blueprint("parts", __name__, url_prefix="/api/v1/parts", description="Parts catalogue")

PRICE_TIERS = {"list": Decimal("1.00"), "fleet": Decimal("0.85"), "preferred": Decimal("0.72")}

CATALOGUE = {
    "BRK-PAD-220": ("Brake pad set, front axle", Decimal("148.00")),
    "FLT-OIL-014": ("Oil filter, heavy duty", Decimal("22.50")),
    "BLT-SRP-880": ("Serpentine belt", Decimal("61.90")),
}


class PriceSchema(Schema):
    part_number = fields.String()
    description = fields.String()
    unit_price = fields.Decimal(as_string=True)
    tier = fields.String()


@blp.route("/<part_number>/price")
class PartPrice(MethodView):
    @blp.response(200, PriceSchema)
    def get(self, part_number):
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            abort(401)
        partner = partner_from_bearer(auth.removeprefix("Bearer "))
        if partner is None:
            abort(403)
        if part_number not in CATALOGUE:
            abort(404)
        description, base_price = CATALOGUE[part_number]
        tier = partner.price_tier
        return {
            "part_number": part_number,
            "description": description,
            "unit_price": (base_price * PRICE_TIERS.get(tier, Decimal("1.00"))).quantize(Decimal("0.01")),
            "tier": tier,
        }
