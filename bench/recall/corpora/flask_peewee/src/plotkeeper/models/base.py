import datetime

from peewee import DateTimeField, Model

from ..db import database


class BaseModel(Model):
    created_at = DateTimeField(default=datetime.datetime.utcnow)

    class Meta:
        database = database
