import uuid
from datetime import datetime, timedelta, timezone

from mongoengine import DateTimeField, Document, IntField, ListField, ReferenceField, StringField

STATUSES = ("requested", "confirmed", "checked_in", "completed", "cancelled", "no_show")


class Appointment(Document):
    meta = {
        "collection": "appointments",
        "indexes": ["clinic", "vet", "owner", "starts_at", "reference"],
        "ordering": ["starts_at"],
    }

    # shown to owners on confirmations and used by the front desk
    reference = StringField(default=lambda: uuid.uuid4().hex[:10].upper(), unique=True)
    pet = ReferenceField("Pet", required=True)
    owner = ReferenceField("Owner", required=True)
    clinic = ReferenceField("Clinic", required=True)
    vet = ReferenceField("StaffUser")
    starts_at = DateTimeField(required=True)
    duration_min = IntField(default=20, min_value=5, max_value=240)
    reason = StringField(max_length=200)
    owner_message = StringField(max_length=2000)
    status = StringField(choices=STATUSES, default="requested")
    reminders_sent = ListField(IntField())
    created_at = DateTimeField(default=lambda: datetime.now(timezone.utc))

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_min)

    def overlaps(self, other):
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at
