from functools import wraps

from flask import g, request
from flask_jwt_extended import get_jwt, verify_jwt_in_request
from flask_restx import abort

from fleet.models import ApiClient


def roles_required(*roles):
    """Staff-only endpoints; role comes from the access token claims."""

    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            claims = get_jwt()
            if claims.get("kind") != "staff" or claims.get("role") not in roles:
                abort(403, "Insufficient role")
            return fn(*args, **kwargs)

        return wrapper

    return decorator


def driver_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        claims = get_jwt()
        if claims.get("kind") != "driver":
            abort(403, "Driver token required")
        g.driver_id = claims.get("driver_id")
        return fn(*args, **kwargs)

    return wrapper


def api_key_required(scope="read"):
    """Partner endpoints: ``X-Api-Client: name`` and ``X-Api-Key: key``."""

    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            client_name = request.headers.get("X-Api-Client", "")
            presented = request.headers.get("X-Api-Key", "")
            client = ApiClient.query.filter_by(name=client_name, active=True).first()
            if client is None or client.api_key != presented:
                abort(401, "Invalid API credentials")
            if not client.has_scope(scope):
                abort(403, "Missing scope")
            g.api_client = client
            return fn(*args, **kwargs)

        return wrapper

    return decorator
