from sqlalchemy import func

from ..extensions import db
from ..models import User, utcnow


def get_by_email(email):
    return User.query.filter(func.lower(User.email) == email.strip().lower()).first()


def create_pending(full_name, email, team, password):
    user = User(full_name=full_name.strip(), email=email.strip().lower(), team=team, approved=False)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def touch_last_login(user):
    user.last_login_at = utcnow()
    db.session.commit()


def list_users():
    return User.query.order_by(User.approved.asc(), User.created_at.desc()).all()


def approve(user):
    user.approved = True
    user.active = True
    db.session.commit()


def deactivate(user):
    user.active = False
    db.session.commit()


def set_role(user, role):
    if role not in User.ROLES:
        raise ValueError(f"unknown role {role!r}")
    user.role = role
    db.session.commit()
