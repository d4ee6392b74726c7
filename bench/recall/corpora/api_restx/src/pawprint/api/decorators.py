"""Authorization decorators shared by the API namespaces."""
from functools import wraps

from bson import ObjectId
from flask import g, request
from flask_jwt_extended import current_user, get_jwt, verify_jwt_in_request
from flask_restx import abort

from ..models.clinics import Clinic


def staff_required(*roles):
    """Require a staff JWT, optionally with one of ``roles``."""

    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            claims = get_jwt()
            if claims.get("kind") == "owner":
                abort(403, "Staff only")
            if roles and claims.get("role") not in roles:
                abort(403, "Insufficient role")
            g.staff = current_user
            return fn(*args, **kwargs)

        return wrapper

    return decorator


def owner_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        if get_jwt().get("kind") != "owner":
            abort(403, "Owner account required")
        g.owner = current_user
        return fn(*args, **kwargs)

    return wrapper


def clinic_key_required(fn):
    """Front-desk kiosks authenticate with the clinic id + clinic API key."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        clinic_id = request.headers.get("X-Clinic-Id", "")
        key = request.headers.get("X-Clinic-Key", "")
        clinic = Clinic.objects(id=clinic_id, active=True).first() if ObjectId.is_valid(clinic_id) else None
        if clinic is None or not clinic.api_key or key != clinic.api_key:
            abort(401, "Invalid clinic credentials")
        g.clinic = clinic
        return fn(*args, **kwargs)

    return wrapper


def same_clinic_or_403(obj_clinic):
    staff = g.get("staff")
    if staff is None:
        abort(403)
    if staff.role != "admin" and (staff.clinic is None or staff.clinic.id != obj_clinic.id):
        abort(403, "Record belongs to another clinic")
