from peewee import CharField, DateField, DecimalField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel
from .user import User


class Site(BaseModel):
    slug = CharField(unique=True)
    name = CharField()
    postcode = CharField(max_length=10)
    latitude = DecimalField(max_digits=9, decimal_places=6, null=True)
    longitude = DecimalField(max_digits=9, decimal_places=6, null=True)


class Plot(BaseModel):
    site = ForeignKeyField(Site, backref="plots")
    number = CharField(max_length=10)
    nickname = CharField(max_length=60, null=True)
    size_sqm = IntegerField()
    annual_rent_pence = IntegerField()
    notes = TextField(null=True)

    class Meta:
        indexes = ((("site", "number"), True),)

    @property
    def label(self):
        return f"{self.site.name} #{self.number}"


class Tenancy(BaseModel):
    plot = ForeignKeyField(Plot, backref="tenancies")
    tenant = ForeignKeyField(User, backref="tenancies")
    starts_on = DateField()
    ends_on = DateField(null=True)
    status = CharField(default="active")  # active, released, ended
