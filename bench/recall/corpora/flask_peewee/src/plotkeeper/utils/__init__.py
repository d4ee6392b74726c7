from functools import wraps

from flask import abort
from flask_login import current_user


def committee_required(view):
    """Only committee members (admins) may see reports and member data."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated or not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapper
