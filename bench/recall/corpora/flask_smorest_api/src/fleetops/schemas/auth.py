from marshmallow import Schema, fields, validate


class TokenRequestSchema(Schema):
    email = fields.Email(required=True)
    password = fields.String(required=True, load_only=True)


class ClientTokenRequestSchema(Schema):
    client_id = fields.String(required=True)
    client_secret = fields.String(required=True, load_only=True)


class TokenResponseSchema(Schema):
    access_token = fields.String()
    refresh_token = fields.String()
    token_type = fields.String(dump_default="Bearer")
    expires_in = fields.Integer()


class PasswordResetRequestSchema(Schema):
    email = fields.Email(required=True)


class PasswordResetConfirmSchema(Schema):
    email = fields.Email(required=True)
    code = fields.String(required=True, validate=validate.Length(equal=6))
    new_password = fields.String(required=True, load_only=True, validate=validate.Length(min=12))


class RegisterSchema(Schema):
    invite_code = fields.String(required=True)
    full_name = fields.String(required=True, validate=validate.Length(min=2, max=120))
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=12))
    badge_number = fields.String(validate=validate.Length(max=16))


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    email = fields.Email()
    full_name = fields.String()
    role = fields.String()
    depot_id = fields.Integer(allow_none=True)
