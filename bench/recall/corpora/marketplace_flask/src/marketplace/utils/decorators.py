from functools import wraps

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path))
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def confirmed_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user.is_authenticated and not current_user.is_confirmed:
            flash("Please confirm your email address first.", "warning")
            return redirect(url_for("auth.unconfirmed"))
        return view(*args, **kwargs)

    return wrapped
