"""Pet-owner accounts for the online booking widget."""
import hmac
import logging
import secrets
from datetime import datetime, timezone

from flask import current_app, jsonify
from flask_jwt_extended import create_access_token, set_access_cookies
from flask_restx import Namespace, Resource, fields

from ..extensions import cache, limiter
from ..models.accounts import Owner, ResetCode
from ..models.clinics import Clinic
from ..security.passwords import password_problems
from ..security.tokens import generate_reset_code
from ..services import mailer

log = logging.getLogger(__name__)

ns = Namespace("owners", description="Pet owner accounts")

register_model = ns.model(
    "OwnerRegistration",
    {
        "email": fields.String(required=True),
        "first_name": fields.String(required=True, max_length=80),
        "last_name": fields.String(required=True, max_length=80),
        "phone": fields.String(max_length=32),
        "clinic_slug": fields.String(description="Clinic the owner registered through"),
        "password": fields.String(required=True, min_length=10),
        "confirm_password": fields.String(required=True),
        "marketing_opt_in": fields.Boolean(default=False),
    },
)

verify_model = ns.model("OwnerVerify", {"token": fields.String(required=True)})

login_model = ns.model(
    "OwnerLogin",
    {"email": fields.String(required=True), "password": fields.String(required=True)},
)

reset_request_model = ns.model("OwnerResetRequest", {"email": fields.String(required=True)})

reset_confirm_model = ns.model(
    "OwnerResetConfirm",
    {
        "email": fields.String(required=True),
        "code": fields.String(required=True, min_length=6, max_length=6),
        "new_password": fields.String(required=True, min_length=10),
    },
)


def _signup_key(token):
    return f"signup:{token}"


@ns.route("/register")
class OwnerRegister(Resource):
    decorators = [limiter.limit("5/hour")]

    @ns.expect(register_model, validate=True)
    @ns.response(202, "Verification e-mail sent")
    def post(self):
        data = ns.payload
        email = data["email"].strip().lower()
        if data["password"] != data["confirm_password"]:
            ns.abort(400, "Passwords do not match")
        problems = password_problems(data["password"])
        if problems:
            ns.abort(400, "Password rejected", errors=problems)

        if Owner.objects(email=email).only("id").first() is None:
            # the account is only created once the address is confirmed
            token = secrets.token_urlsafe(32)
            pending = {
                "email": email,
                "first_name": data["first_name"].strip(),
                "last_name": data["last_name"].strip(),
                "phone": (data.get("phone") or "").strip(),
                "clinic_slug": data.get("clinic_slug"),
                "marketing_opt_in": bool(data.get("marketing_opt_in")),
                "password": data["password"],
            }
            cache.set(_signup_key(token), pending, timeout=current_app.config["SIGNUP_TTL_SECONDS"])
            link = f"{current_app.config['PUBLIC_BASE_URL']}/book/verify?token={token}"
            mailer.send_owner_verification(email, pending["first_name"], link)
        # same response for existing addresses, to avoid account enumeration
        return {"message": "Check your inbox to confirm your address."}, 202


@ns.route("/verify")
class OwnerVerify(Resource):
    decorators = [limiter.limit("20/hour")]

    @ns.expect(verify_model, validate=True)
    def post(self):
        key = _signup_key(ns.payload["token"])
        pending = cache.get(key)
        if not pending:
            ns.abort(400, "This confirmation link has expired. Please register again.")
        cache.delete(key)
        if Owner.objects(email=pending["email"]).first() is not None:
            return {"message": "Account already confirmed"}, 200

        clinic = Clinic.objects(slug=pending.get("clinic_slug")).first() if pending.get("clinic_slug") else None
        owner = Owner(
            email=pending["email"],
            first_name=pending["first_name"],
            last_name=pending["last_name"],
            phone=pending["phone"],
            marketing_opt_in=pending["marketing_opt_in"],
            preferred_clinic=clinic,
            email_verified=True,
        )
        owner.set_password(pending["password"])
        owner.save()
        log.info("Owner %s confirmed their account", owner.id)
        return {"message": "Account confirmed", "id": str(owner.id)}, 201


@ns.route("/login")
class OwnerLogin(Resource):
    decorators = [limiter.limit("10/minute"), limiter.limit("60/hour")]

    @ns.expect(login_model, validate=True)
    def post(self):
        data = ns.payload
        owner = Owner.objects(email=data["email"].strip().lower(), email_verified=True).first()
        if owner is None or not owner.check_password(data["password"]):
            ns.abort(401, "Invalid email or password")
        access = create_access_token(identity=str(owner.id), additional_claims={"kind": "owner"})
        response = jsonify(access_token=access, name=owner.display_name)
        set_access_cookies(response, access)
        return response


@ns.route("/password-reset")
class OwnerPasswordReset(Resource):
    @ns.expect(reset_request_model, validate=True)
    @ns.response(202, "Code sent if the account exists")
    def post(self):
        email = ns.payload["email"].strip().lower()
        owner = Owner.objects(email=email, email_verified=True).first()
        if owner is not None:
            ttl = current_app.config["RESET_CODE_TTL"]
            ResetCode.objects(owner=owner, used_at=None).delete()
            code = generate_reset_code()
            ResetCode(owner=owner, code=code, expires_at=datetime.now(timezone.utc) + ttl).save()
            mailer.send_owner_reset_code(owner, code, ttl_minutes=int(ttl.total_seconds() // 60))
            log.info("Password reset requested for owner %s", owner.id)
        return {"message": "If that address has an account, a code is on its way."}, 202


@ns.route("/password-reset/confirm")
class OwnerPasswordResetConfirm(Resource):
    decorators = [limiter.limit("10/hour")]

    @ns.expect(reset_confirm_model, validate=True)
    def post(self):
        data = ns.payload
        owner = Owner.objects(email=data["email"].strip().lower()).first()
        record = ResetCode.objects(owner=owner, used_at=None).first() if owner else None
        max_attempts = current_app.config["RESET_CODE_MAX_ATTEMPTS"]
        if record is None or not record.is_usable or record.attempts >= max_attempts:
            ns.abort(400, "The code is invalid or has expired")
        if not hmac.compare_digest(record.code, data["code"].strip()):
            record.update(inc__attempts=1)
            ns.abort(400, "The code is invalid or has expired")

        problems = password_problems(data["new_password"])
        if problems:
            ns.abort(400, "Password rejected", errors=problems)
        owner.set_password(data["new_password"])
        owner.save()
        record.update(set__used_at=datetime.now(timezone.utc))
        log.info("Owner %s reset their password", owner.id)
        return {"message": "Password updated"}
