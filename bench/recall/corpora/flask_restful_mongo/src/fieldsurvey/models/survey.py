import uuid
from datetime import datetime, timezone

import mongoengine as me
from slugify import slugify

from .field import Enumerator
from .user import User

STATUSES = ("draft", "active", "closed", "archived")


def utcnow():
    return datetime.now(timezone.utc)


class Survey(me.Document):
    meta = {"collection": "surveys", "indexes": ["slug", "region", "share_token"], "ordering": ["-created_at"]}

    title = me.StringField(required=True, max_length=160)
    slug = me.StringField(required=True, unique=True)
    description = me.StringField()
    region = me.StringField(max_length=80)
    tags = me.ListField(me.StringField(max_length=32))
    status = me.StringField(choices=STATUSES, default="draft")
    owner = me.ReferenceField(User, required=True)
    team = me.ListField(me.ReferenceField(User))
    sampling_seed = me.IntField(default=0)
    public = me.BooleanField(default=False)
    share_token = me.StringField()
    created_at = me.DateTimeField(default=utcnow)

    def clean(self):
        if not self.slug:
            self.slug = slugify(self.title)[:80]

    def is_member(self, user):
        return user.id == self.owner.id or any(member.id == user.id for member in self.team)

    def enable_public_link(self):
        self.share_token = uuid.uuid1().hex
        self.public = True
        self.save()
        return self.share_token

    def disable_public_link(self):
        self.share_token = None
        self.public = False
        self.save()


class Site(me.Document):
    meta = {"collection": "sites", "indexes": [("survey", "code")]}

    survey = me.ReferenceField(Survey, required=True, reverse_delete_rule=me.CASCADE)
    code = me.StringField(required=True, max_length=24)
    name = me.StringField(max_length=120)
    habitat = me.StringField(max_length=60)
    location = me.PointField()
    elevation_m = me.IntField()
    access_notes = me.StringField()


class Observation(me.Document):
    meta = {
        "collection": "observations",
        "indexes": ["survey", "site", "species_code", "-observed_at", "client_uuid"],
    }

    survey = me.ReferenceField(Survey, required=True)
    site = me.ReferenceField(Site)
    enumerator = me.ReferenceField(Enumerator)
    recorded_by = me.ReferenceField(User)
    client_uuid = me.UUIDField(binary=False)
    species_code = me.StringField(required=True, max_length=16)
    count = me.IntField(min_value=0, default=1)
    observed_at = me.DateTimeField(required=True)
    notes = me.StringField(max_length=2000)
    photo_keys = me.ListField(me.StringField())
    flagged = me.BooleanField(default=False)
    flag_reason = me.StringField(max_length=200)
    flagged_by = me.ReferenceField(User)
    created_at = me.DateTimeField(default=utcnow)


class ExportJob(me.Document):
    meta = {"collection": "export_jobs", "indexes": ["download_token"]}

    survey = me.ReferenceField(Survey, required=True)
    requested_by = me.ReferenceField(User, required=True)
    fmt = me.StringField(choices=("csv", "geojson"), default="csv")
    status = me.StringField(choices=("queued", "ready", "failed"), default="queued")
    download_token = me.StringField(required=True)
    file_path = me.StringField()
    expires_at = me.DateTimeField()
    created_at = me.DateTimeField(default=utcnow)
