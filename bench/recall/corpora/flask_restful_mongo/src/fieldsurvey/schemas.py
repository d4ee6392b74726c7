"""Marshmallow schemas for API input and output."""
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates

SPECIES_CODE = validate.Regexp(r"^[A-Z]{2,8}[0-9]{0,4}$", error="species code must look like BUBO or LARARG")


class SurveyInSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    title = fields.String(required=True, validate=validate.Length(min=3, max=160))
    description = fields.String(load_default="", validate=validate.Length(max=5000))
    region = fields.String(load_default=None, validate=validate.Length(max=80))
    tags = fields.List(fields.String(validate=validate.Length(max=32)), load_default=list)
    status = fields.String(validate=validate.OneOf(["draft", "active", "closed"]))
    sampling_seed = fields.Integer(load_default=0, validate=validate.Range(min=0))


class SurveyOutSchema(Schema):
    id = fields.Function(lambda obj: str(obj.id))
    title = fields.String()
    slug = fields.String()
    description = fields.String()
    region = fields.String()
    tags = fields.List(fields.String())
    status = fields.String()
    public = fields.Boolean()
    created_at = fields.DateTime()


class ObservationInSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    client_uuid = fields.UUID(required=True)
    site_code = fields.String(load_default=None, validate=validate.Length(max=24))
    species_code = fields.String(required=True, validate=SPECIES_CODE)
    count = fields.Integer(load_default=1, validate=validate.Range(min=0, max=100000))
    observed_at = fields.AwareDateTime(required=True)
    notes = fields.String(load_default=None, validate=validate.Length(max=2000))


class ObservationBatchSchema(Schema):
    observations = fields.List(fields.Nested(ObservationInSchema), required=True)

    @validates("observations")
    def _limit(self, value, **_kwargs):
        if len(value) > 500:
            raise ValidationError("at most 500 observations per batch")


class ObservationOutSchema(Schema):
    id = fields.Function(lambda obj: str(obj.id))
    site = fields.Function(lambda obj: obj.site.code if obj.site else None)
    species_code = fields.String()
    count = fields.Integer()
    observed_at = fields.DateTime()
    notes = fields.String()
    flagged = fields.Boolean()
    flag_reason = fields.String()


class InviteSchema(Schema):
    email = fields.Email(required=True)
    message = fields.String(load_default="", validate=validate.Length(max=1000))
