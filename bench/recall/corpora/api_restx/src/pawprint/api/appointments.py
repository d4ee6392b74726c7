"""Appointments: online booking, the vet app's day list and kiosk check-in."""
import logging
from datetime import date, datetime, timedelta, timezone

from flask import g
from flask_restx import Namespace, Resource, fields, inputs, reqparse

from ..extensions import get_queue, limiter
from ..models.appointments import STATUSES, Appointment
from ..models.clinics import Clinic
from ..models.pets import Pet
from ..services import scheduling
from .decorators import clinic_key_required, owner_required, same_clinic_or_403, staff_required

log = logging.getLogger(__name__)

ns = Namespace("appointments", description="Appointments")

appointment_model = ns.model(
    "Appointment",
    {
        "id": fields.String(readonly=True, attribute=lambda a: str(a.id)),
        "reference": fields.String(readonly=True),
        "pet_id": fields.String(required=True, attribute=lambda a: str(a.pet.id)),
        "pet_name": fields.String(readonly=True, attribute="pet.name"),
        "clinic": fields.String(readonly=True, attribute="clinic.name"),
        "vet": fields.String(readonly=True, attribute=lambda a: a.vet.full_name if a.vet else None),
        "starts_at": fields.DateTime(required=True, dt_format="iso8601"),
        "duration_min": fields.Integer(default=20),
        "reason": fields.String(max_length=200),
        "owner_message": fields.String(max_length=2000),
        "status": fields.String(readonly=True, enum=list(STATUSES)),
    },
)

booking_model = ns.model(
    "Booking",
    {
        "pet_id": fields.String(required=True),
        "clinic_slug": fields.String(required=True),
        "starts_at": fields.DateTime(required=True, dt_format="iso8601"),
        "reason": fields.String(required=True, max_length=200),
        "owner_message": fields.String(max_length=2000, description="Anything the vet should know"),
    },
)

status_model = ns.model(
    "StatusChange",
    {"status": fields.String(required=True, enum=list(STATUSES))},
)

checkin_model = ns.model("KioskCheckIn", {"reference": fields.String(required=True)})

day_parser = reqparse.RequestParser()
day_parser.add_argument("day", type=inputs.date, location="args")
day_parser.add_argument("vet", type=str, location="args")

slots_parser = reqparse.RequestParser()
slots_parser.add_argument("clinic", type=str, required=True, location="args")
slots_parser.add_argument("day", type=inputs.date, required=True, location="args")


@ns.route("")
class AppointmentList(Resource):
    @staff_required()
    @ns.expect(day_parser)
    @ns.marshal_list_with(appointment_model)
    def get(self):
        args = day_parser.parse_args()
        day = args["day"] or date.today()
        start = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc)
        query = Appointment.objects(clinic=g.staff.clinic, starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
        if args["vet"] == "me":
            query = query.filter(vet=g.staff)
        return list(query.select_related(max_depth=1))

    # booking sends a confirmation e-mail
    @limiter.limit("20/hour")
    @owner_required
    @ns.expect(booking_model, validate=True)
    @ns.marshal_with(appointment_model, code=201)
    def post(self):
        data = ns.payload
        pet = Pet.objects(id=data["pet_id"], owner=g.owner, archived_at=None).first()
        clinic = Clinic.objects(slug=data["clinic_slug"], active=True).first()
        if pet is None or clinic is None:
            ns.abort(400, "Unknown pet or clinic")
        starts_at = data["starts_at"]
        if isinstance(starts_at, str):
            starts_at = datetime.fromisoformat(starts_at.replace("Z", "+00:00"))
        if starts_at <= datetime.now(timezone.utc) + timedelta(hours=1):
            ns.abort(400, "Please choose a time at least an hour from now")

        vet = scheduling.assign_vet(clinic, starts_at)
        if vet is None:
            ns.abort(409, "That slot is no longer available")
        appointment = Appointment(
            pet=pet,
            owner=g.owner,
            clinic=clinic,
            vet=vet,
            starts_at=starts_at,
            reason=data["reason"].strip(),
            owner_message=(data.get("owner_message") or "").strip(),
            status="requested",
        )
        appointment.save()
        scheduling.invalidate_slots(appointment)
        get_queue().enqueue("pawprint.jobs.reminders.send_booking_confirmation", str(appointment.id))
        return appointment, 201


@ns.route("/slots")
class Slots(Resource):
    decorators = [limiter.limit("120/minute")]

    @ns.doc(security=[])
    @ns.expect(slots_parser)
    def get(self):
        args = slots_parser.parse_args()
        clinic = Clinic.objects(slug=args["clinic"], active=True).first()
        if clinic is None:
            ns.abort(404, "Unknown clinic")
        return {"clinic": clinic.slug, "day": args["day"].isoformat(), "slots": scheduling.available_slots(clinic, None, args["day"])}


@ns.route("/<string:appointment_id>/status")
class AppointmentStatus(Resource):
    @staff_required("admin", "manager", "vet", "nurse", "reception")
    @ns.expect(status_model, validate=True)
    @ns.marshal_with(appointment_model)
    def patch(self, appointment_id):
        appointment = Appointment.objects(id=appointment_id).first()
        if appointment is None:
            ns.abort(404, "Appointment not found")
        same_clinic_or_403(appointment.clinic)
        appointment.status = ns.payload["status"]
        appointment.save()
        if appointment.status == "cancelled":
            scheduling.invalidate_slots(appointment)
        return appointment


@ns.route("/confirm/<string:token>")
class ConfirmFromEmail(Resource):
    decorators = [limiter.limit("30/hour")]

    @ns.doc(security=[])
    def post(self, token):
        appointment = scheduling.read_confirmation_token(token)
        if appointment is None:
            ns.abort(400, "This link is invalid or has expired")
        if appointment.status == "requested":
            appointment.update(set__status="confirmed")
        return {"reference": appointment.reference, "status": "confirmed"}


@ns.route("/kiosk/check-in")
class KioskCheckIn(Resource):
    @ns.doc(security="ClinicKey")
    @clinic_key_required
    @ns.expect(checkin_model, validate=True)
    def post(self):
        reference = ns.payload["reference"].strip().upper()
        appointment = Appointment.objects(reference=reference, clinic=g.clinic).first()
        if appointment is None:
            ns.abort(404, "No appointment with that reference at this clinic")
        if appointment.status not in ("requested", "confirmed"):
            ns.abort(409, f"Appointment is {appointment.status}")
        appointment.update(set__status="checked_in")
        log.info("Checked in %s at %s", appointment.reference, g.clinic.slug)
        return {"reference": appointment.reference, "pet": appointment.pet.name, "status": "checked_in"}
