from functools import wraps

from flask import abort
from flask_login import current_user, login_required


def role_required(*roles):
    def decorator(fn):
        @wraps(fn)
        @login_required
        def wrapper(*args, **kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return fn(*args, **kwargs)

        return wrapper

    return decorator


def confirmed_required(fn):
    @wraps(fn)
    @login_required
    def wrapper(*args, **kwargs):
        if not current_user.confirmed:
            from flask import flash, redirect, url_for

            flash("Please confirm your e-mail address to continue.", "warning")
            return redirect(url_for("web_auth.unconfirmed"))
        return fn(*args, **kwargs)

    return wrapper
