from datetime import date, datetime, timezone

from mongoengine import (
    DateField,
    DateTimeField,
    DecimalField,
    Document,
    EmbeddedDocument,
    EmbeddedDocumentListField,
    IntField,
    ListField,
    ReferenceField,
    StringField,
)

SPECIES = ("dog", "cat", "rabbit", "bird", "reptile", "rodent", "other")


def utcnow():
    return datetime.now(timezone.utc)


class WeightEntry(EmbeddedDocument):
    recorded_on = DateField(default=date.today)
    kg = DecimalField(precision=2, min_value=0)
    recorded_by = StringField()


class Vaccination(EmbeddedDocument):
    name = StringField(required=True)
    given_on = DateField(required=True)
    due_on = DateField()
    batch = StringField()
    vet = StringField()


class LabResult(EmbeddedDocument):
    partner = StringField()
    panel = StringField()
    received_at = DateTimeField(default=utcnow)
    summary = StringField()
    values = ListField()


class Pet(Document):
    meta = {"collection": "pets", "indexes": ["owner", "clinic", "microchip", "name"]}

    name = StringField(required=True, max_length=80)
    species = StringField(choices=SPECIES, required=True)
    breed = StringField(max_length=80)
    sex = StringField(choices=("m", "f", "mn", "fs", "u"), default="u")
    date_of_birth = DateField()
    microchip = StringField(max_length=20)
    owner = ReferenceField("Owner", required=True)
    clinic = ReferenceField("Clinic", required=True)
    allergies = ListField(StringField())
    # free text written by vets (and intake notes from owners)
    notes = StringField()
    weights = EmbeddedDocumentListField(WeightEntry)
    vaccinations = EmbeddedDocumentListField(Vaccination)
    lab_results = EmbeddedDocumentListField(LabResult)
    archived_at = DateTimeField()
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    def clean(self):
        self.updated_at = utcnow()

    @property
    def latest_weight(self):
        return self.weights[-1] if self.weights else None


class ShareLink(Document):
    """Read-only link to a pet record, e.g. for a referral specialist."""

    meta = {
        "collection": "share_links",
        "indexes": ["token", {"fields": ["expires_at"], "expireAfterSeconds": 0}],
    }

    token = StringField(required=True, unique=True)
    pet = ReferenceField(Pet, required=True)
    created_by = ReferenceField("StaffUser")
    recipient = StringField()
    expires_at = DateTimeField(required=True)
    views = IntField(default=0)
