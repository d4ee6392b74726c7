from marshmallow import Schema, ValidationError, fields, validate, validates_schema


class LoginSchema(Schema):
    email = fields.Email(required=True)
    password = fields.String(required=True, load_only=True)
    set_cookie = fields.Boolean(load_default=False)


class RefreshSchema(Schema):
    refresh_token = fields.String(required=True)


class ReissueSchema(Schema):
    access_token = fields.String(required=True)


class TokenSchema(Schema):
    access_token = fields.String()
    refresh_token = fields.String()
    token_type = fields.String(dump_default="Bearer")
    expires_in = fields.Integer()


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String()
    email = fields.Email()
    organisation = fields.String(allow_none=True)
    role = fields.String(dump_only=True)


class ApplicationQuerySchema(Schema):
    q = fields.String(load_default=None)
    status = fields.String(validate=validate.OneOf(
        ["draft", "submitted", "under_review", "awarded", "declined", "withdrawn"]
    ))
    round_id = fields.Integer()
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class ApplicationCreateSchema(Schema):
    round_id = fields.Integer(required=True)
    title = fields.String(required=True, validate=validate.Length(min=3, max=200))
    summary = fields.String(load_default="", validate=validate.Length(max=2000))
    description = fields.String(load_default="")
    requested_amount = fields.Decimal(required=True, places=2, validate=validate.Range(min=0))


class ApplicationUpdateSchema(Schema):
    title = fields.String(validate=validate.Length(min=3, max=200))
    summary = fields.String(validate=validate.Length(max=2000))
    description = fields.String()
    requested_amount = fields.Decimal(places=2, validate=validate.Range(min=0))


class ApplicationSchema(Schema):
    id = fields.Integer(dump_only=True)
    round_id = fields.Integer()
    title = fields.String()
    summary = fields.String()
    description = fields.String()
    requested_amount = fields.Decimal(places=2, as_string=True)
    status = fields.String()
    submitted_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    applicant = fields.Nested(UserSchema, only=("id", "name", "organisation"))


class ReviewInputSchema(Schema):
    score = fields.Integer(required=True, validate=validate.Range(min=1, max=10))
    comment = fields.String(load_default="", validate=validate.Length(max=5000))
    conflict_of_interest = fields.Boolean(load_default=False)

    @validates_schema
    def conflict_means_no_score(self, data, **kwargs):
        if data.get("conflict_of_interest") and data.get("score"):
            raise ValidationError("Do not score an application you have a conflict with.")


class ReviewSchema(Schema):
    id = fields.Integer(dump_only=True)
    application_id = fields.Integer()
    reviewer_id = fields.Integer()
    score = fields.Integer(allow_none=True)
    comment = fields.String()
    conflict_of_interest = fields.Boolean()
    completed_at = fields.DateTime(allow_none=True)


class RoundStatsQuerySchema(Schema):
    round_id = fields.Integer(required=True)
    sort = fields.String(load_default="score")
    direction = fields.String(load_default="desc", validate=validate.OneOf(["asc", "desc"]))


class RoundStatsRowSchema(Schema):
    id = fields.Integer()
    title = fields.String()
    requested_amount = fields.Decimal(as_string=True)
    status = fields.String()
    review_count = fields.Integer()
    avg_score = fields.Decimal(as_string=True, allow_none=True)


class DecisionSchema(Schema):
    application_id = fields.Integer(attribute="id")
    title = fields.String()
    organisation = fields.String(attribute="applicant.organisation")
    requested_amount = fields.Decimal(as_string=True)
    status = fields.String()
