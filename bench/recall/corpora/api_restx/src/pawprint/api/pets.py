"""Pet records."""
import logging
from datetime import date, datetime, timezone

from flask import g
from flask_restx import Namespace, Resource, fields, reqparse

from ..extensions import limiter
from ..models.accounts import Owner
from ..models.pets import SPECIES, Pet, Vaccination, WeightEntry
from ..services.sharing import ShareLinkError, create_share_link, resolve_share_link, share_url
from .decorators import owner_required, same_clinic_or_403, staff_required

log = logging.getLogger(__name__)

ns = Namespace("pets", description="Pet records")
shared_ns = Namespace("shared", description="Read-only shared records")

weight_model = ns.model(
    "Weight",
    {"recorded_on": fields.Date, "kg": fields.Float(required=True, min=0), "recorded_by": fields.String},
)

vaccination_model = ns.model(
    "Vaccination",
    {
        "name": fields.String(required=True),
        "given_on": fields.Date(required=True),
        "due_on": fields.Date,
        "batch": fields.String,
        "vet": fields.String,
    },
)

pet_model = ns.model(
    "Pet",
    {
        "id": fields.String(readonly=True, attribute=lambda p: str(p.id)),
        "name": fields.String(required=True, max_length=80),
        "species": fields.String(required=True, enum=list(SPECIES)),
        "breed": fields.String,
        "sex": fields.String(enum=["m", "f", "mn", "fs", "u"]),
        "date_of_birth": fields.Date,
        "microchip": fields.String(max_length=20),
        "owner_id": fields.String(required=True, attribute=lambda p: str(p.owner.id)),
        "allergies": fields.List(fields.String),
        "notes": fields.String,
        "weights": fields.List(fields.Nested(weight_model), readonly=True),
        "vaccinations": fields.List(fields.Nested(vaccination_model), readonly=True),
        "updated_at": fields.DateTime(dt_format="iso8601", readonly=True),
    },
)

pet_page = ns.model(
    "PetPage",
    {"items": fields.List(fields.Nested(pet_model)), "total": fields.Integer, "page": fields.Integer},
)

note_model = ns.model("PetNote", {"text": fields.String(required=True, max_length=4000)})

share_request = ns.model(
    "ShareRequest",
    {"recipient": fields.String(description="Who the link is for, e.g. referral practice")},
)
share_response = ns.model("ShareLink", {"url": fields.String, "expires_at": fields.DateTime(dt_format="iso8601")})

list_parser = reqparse.RequestParser()
list_parser.add_argument("q", type=str, location="args")
list_parser.add_argument("species", type=str, choices=SPECIES, location="args")
list_parser.add_argument("page", type=int, default=1, location="args")
list_parser.add_argument("per_page", type=int, default=25, location="args")


def _get_pet(pet_id):
    pet = Pet.objects(id=pet_id, archived_at=None).first()
    if pet is None:
        ns.abort(404, "Pet not found")
    same_clinic_or_403(pet.clinic)
    return pet


@ns.route("")
class PetList(Resource):
    @staff_required()
    @ns.expect(list_parser)
    @ns.marshal_with(pet_page)
    def get(self):
        args = list_parser.parse_args()
        query = Pet.objects(clinic=g.staff.clinic, archived_at=None)
        if args["q"]:
            query = query.filter(name__icontains=args["q"].strip())
        if args["species"]:
            query = query.filter(species=args["species"])
        per_page = min(max(args["per_page"], 1), 100)
        page = max(args["page"], 1)
        return {
            "items": list(query.order_by("name").skip((page - 1) * per_page).limit(per_page)),
            "total": query.count(),
            "page": page,
        }

    @staff_required("admin", "manager", "vet", "nurse", "reception")
    @ns.expect(pet_model, validate=True)
    @ns.marshal_with(pet_model, code=201)
    def post(self):
        data = ns.payload
        owner = Owner.objects(id=data["owner_id"]).first()
        if owner is None:
            ns.abort(400, "Unknown owner")
        pet = Pet(
            name=data["name"].strip(),
            species=data["species"],
            breed=data.get("breed"),
            sex=data.get("sex", "u"),
            date_of_birth=data.get("date_of_birth"),
            microchip=data.get("microchip"),
            allergies=data.get("allergies") or [],
            notes=data.get("notes"),
            owner=owner,
            clinic=g.staff.clinic,
        )
        pet.save()
        log.info("Pet %s registered by %s", pet.id, g.staff.id)
        return pet, 201


@ns.route("/mine")
class MyPets(Resource):
    @owner_required
    @ns.marshal_list_with(pet_model)
    def get(self):
        return list(Pet.objects(owner=g.owner, archived_at=None).order_by("name"))


@ns.route("/<string:pet_id>")
class PetDetail(Resource):
    @staff_required()
    @ns.marshal_with(pet_model)
    def get(self, pet_id):
        return _get_pet(pet_id)

    @staff_required("admin", "manager", "vet", "nurse")
    @ns.expect(pet_model)
    @ns.marshal_with(pet_model)
    def put(self, pet_id):
        pet = _get_pet(pet_id)
        data = ns.payload
        for field in ("name", "breed", "sex", "date_of_birth", "microchip", "allergies"):
            if field in data:
                setattr(pet, field, data[field])
        pet.save()
        return pet

    @staff_required("admin", "manager")
    def delete(self, pet_id):
        pet = _get_pet(pet_id)
        pet.archived_at = datetime.now(timezone.utc)
        pet.save()
        return "", 204


@ns.route("/<string:pet_id>/notes")
class PetNotes(Resource):
    @staff_required("admin", "manager", "vet", "nurse")
    @ns.expect(note_model, validate=True)
    def post(self, pet_id):
        pet = _get_pet(pet_id)
        stamp = datetime.now(timezone.utc).strftime("%d/%m/%Y %H:%M")
        entry = f"[{stamp} {g.staff.full_name}]\n{ns.payload['text'].strip()}"
        pet.notes = f"{pet.notes}\n\n{entry}" if pet.notes else entry
        pet.save()
        return {"notes": pet.notes}, 201


@ns.route("/<string:pet_id>/weights")
class PetWeights(Resource):
    @staff_required("admin", "manager", "vet", "nurse")
    @ns.expect(weight_model, validate=True)
    def post(self, pet_id):
        pet = _get_pet(pet_id)
        data = ns.payload
        pet.weights.append(
            WeightEntry(
                recorded_on=data.get("recorded_on") or date.today(),
                kg=data["kg"],
                recorded_by=g.staff.full_name,
            )
        )
        pet.save()
        return {"count": len(pet.weights)}, 201


@ns.route("/<string:pet_id>/vaccinations")
class PetVaccinations(Resource):
    @staff_required("admin", "manager", "vet")
    @ns.expect(vaccination_model, validate=True)
    def post(self, pet_id):
        pet = _get_pet(pet_id)
        data = ns.payload
        pet.vaccinations.append(Vaccination(vet=g.staff.full_name, **{k: v for k, v in data.items() if k != "vet"}))
        pet.save()
        return {"count": len(pet.vaccinations)}, 201


@ns.route("/<string:pet_id>/share")
class PetShare(Resource):
    @staff_required("admin", "manager", "vet")
    @ns.expect(share_request)
    @ns.marshal_with(share_response, code=201)
    def post(self, pet_id):
        pet = _get_pet(pet_id)
        try:
            link = create_share_link(pet, g.staff, recipient=(ns.payload or {}).get("recipient"))
        except ShareLinkError as exc:
            ns.abort(409, str(exc))
        return {"url": share_url(link), "expires_at": link.expires_at}, 201


shared_record = shared_ns.model(
    "SharedRecord",
    {
        "name": fields.String,
        "species": fields.String,
        "breed": fields.String,
        "date_of_birth": fields.Date,
        "allergies": fields.List(fields.String),
        "vaccinations": fields.List(fields.Nested(vaccination_model)),
        "weights": fields.List(fields.Nested(weight_model)),
        "clinic": fields.String(attribute=lambda p: p.clinic.name),
    },
)


@shared_ns.route("/<string:token>")
class SharedRecord(Resource):
    decorators = [limiter.limit("60/hour")]

    @shared_ns.doc(security=[])
    @shared_ns.marshal_with(shared_record)
    def get(self, token):
        link = resolve_share_link(token)
        if link is None or link.pet.archived_at is not None:
            shared_ns.abort(404, "This link is invalid or has expired")
        return link.pet
