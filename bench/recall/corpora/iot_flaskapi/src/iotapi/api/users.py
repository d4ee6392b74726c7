"""User resources."""
from flask import g, request
from flask.views import MethodView

from . import api_bp
from ..security.decorators import admin_required, jwt_required
from ..storage import users as user_store


def _public(row):
    return {
        "id": row["id"],
        "email": row["email"],
        "display_name": row["display_name"],
        "role": row["role"],
        "created_at": row["created_at"].isoformat(),
    }


class MeView(MethodView):
    decorators = [jwt_required]

    def get(self):
        return _public(user_store.get_by_id(g.user_id))


class UserListView(MethodView):
    decorators = [admin_required]

    def get(self):
        rows = user_store.list_users(sort=request.args.get("sort", "created"))
        return {"items": [_public(r) for r in rows]}


api_bp.add_url_rule("/users/me", view_func=MeView.as_view("me"))
api_bp.add_url_rule("/users", view_func=UserListView.as_view("users"))
