from peewee import BooleanField, CharField, DateField, DateTimeField, DecimalField, ForeignKeyField, TextField

from .base import BaseModel
from .garden import Plot, Site
from .user import User


class Application(BaseModel):
    """A waiting-list application; becomes a User once a committee member approves it."""

    site = ForeignKeyField(Site, backref="applications")
    email = CharField(index=True)
    display_name = CharField(max_length=80)
    password = CharField(max_length=128)
    phone = CharField(max_length=20, null=True)
    reason = TextField(null=True)
    status = CharField(default="waiting")  # waiting, offered, approved, withdrawn


class Invite(BaseModel):
    site = ForeignKeyField(Site, backref="invites")
    email = CharField()
    code = CharField(unique=True)
    invited_by = ForeignKeyField(User, backref="invites_sent")
    accepted = BooleanField(default=False)
    expires_at = DateTimeField()


class NoticePost(BaseModel):
    site = ForeignKeyField(Site, backref="notices")
    author = ForeignKeyField(User, backref="notices")
    title = CharField(max_length=120)
    body = TextField()
    pinned = BooleanField(default=False)


class HarvestEntry(BaseModel):
    plot = ForeignKeyField(Plot, backref="harvests")
    recorded_by = ForeignKeyField(User, backref="harvests")
    crop = CharField(max_length=60)
    weight_kg = DecimalField(max_digits=6, decimal_places=2)
    harvested_on = DateField()
    season = CharField(max_length=4)


class WaterLog(BaseModel):
    site = ForeignKeyField(Site, backref="water_logs")
    meter_reading = DecimalField(max_digits=10, decimal_places=2)
    recorded_at = DateTimeField()
    source = CharField(default="kiosk")
