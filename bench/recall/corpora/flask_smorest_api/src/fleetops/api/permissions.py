from functools import wraps

from flask_jwt_extended import get_jwt, verify_jwt_in_request
from flask_smorest import abort


def role_required(*roles: str):
    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            if get_jwt().get("role") not in roles:
                abort(403, message="You do not have access to this resource.")
            return fn(*args, **kwargs)

        return wrapper

    return decorator


def current_depot_id() -> int | None:
    return get_jwt().get("depot")
