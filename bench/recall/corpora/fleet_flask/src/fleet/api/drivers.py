import logging

from flask_restx import Namespace, Resource, abort, fields, reqparse

from fleet.api.decorators import driver_required, roles_required
from fleet.extensions import db
from fleet.models import Depot, Driver
from fleet.services import legacy_db
from fleet.utils.pagination import paginate

log = logging.getLogger(__name__)

ns = Namespace("drivers", description="Driver records")

driver_model = ns.model(
    "Driver",
    {
        "id": fields.Integer(readonly=True),
        "first_name": fields.String(required=True),
        "last_name": fields.String(required=True),
        "phone": fields.String(required=True),
        "email": fields.String,
        "licence_number": fields.String,
        "licence_expires": fields.Date,
        "status": fields.String(enum=["active", "suspended", "left"]),
        "depot": fields.String(attribute=lambda d: d.depot.code if d.depot else None),
    },
)

driver_create = ns.inherit(
    "DriverCreate",
    driver_model,
    {
        "pin": fields.String(required=True, min_length=4, max_length=8),
        "portal_password": fields.String(description="also create a fuel-card portal login"),
    },
)

driver_page = ns.model(
    "DriverPage",
    {
        "items": fields.List(fields.Nested(driver_model)),
        "page": fields.Integer,
        "per_page": fields.Integer,
        "total": fields.Integer,
        "pages": fields.Integer,
    },
)

pin_parser = reqparse.RequestParser()
pin_parser.add_argument("current_pin", required=True, location="json")
pin_parser.add_argument("new_pin", required=True, location="json")


@ns.route("/")
class DriverList(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.marshal_with(driver_page)
    def get(self):
        return paginate(Driver.query.order_by(Driver.last_name, Driver.first_name))

    @roles_required("manager", "admin")
    @ns.expect(driver_create, validate=True)
    @ns.marshal_with(driver_model, code=201)
    def post(self):
        data = ns.payload
        phone = data["phone"].replace(" ", "")
        if Driver.query.filter_by(phone=phone).first():
            abort(409, "A driver with this phone number exists")
        driver = Driver(
            first_name=data["first_name"],
            last_name=data["last_name"],
            phone=phone,
            email=data.get("email"),
            licence_number=data.get("licence_number"),
        )
        if data.get("depot"):
            driver.depot = Depot.query.filter_by(code=data["depot"]).first()
        driver.set_pin(data["pin"])
        db.session.add(driver)
        db.session.commit()

        if data.get("portal_password"):
            legacy_db.create_portal_account(phone, data["portal_password"], driver.id)
        return driver, 201


@ns.route("/<int:driver_id>")
class DriverItem(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.marshal_with(driver_model)
    def get(self, driver_id):
        return db.get_or_404(Driver, driver_id)

    @roles_required("manager", "admin")
    @ns.expect(driver_model)
    @ns.marshal_with(driver_model)
    def put(self, driver_id):
        driver = db.get_or_404(Driver, driver_id)
        data = ns.payload or {}
        for field in ("first_name", "last_name", "email", "licence_number", "status"):
            if field in data:
                setattr(driver, field, data[field])
        db.session.commit()
        return driver

    @roles_required("admin")
    def delete(self, driver_id):
        driver = db.get_or_404(Driver, driver_id)
        driver.status = "left"
        driver.device_token = None
        db.session.commit()
        return "", 204


@ns.route("/me/pin")
class DriverPin(Resource):
    @driver_required
    def put(self):
        from flask import g

        args = pin_parser.parse_args()
        driver = db.get_or_404(Driver, g.driver_id)
        if not driver.check_pin(args["current_pin"]):
            abort(403, "Current PIN is wrong")
        if not args["new_pin"].isdigit() or not 4 <= len(args["new_pin"]) <= 8:
            abort(400, "PIN must be 4-8 digits")
        driver.set_pin(args["new_pin"])
        db.session.commit()
        return {"status": "ok"}
