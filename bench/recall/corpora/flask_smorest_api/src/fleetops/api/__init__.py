from flask_smorest import Api

from ..extensions import csrf
from .auth import blp as auth_blp
from .parts import blp as parts_blp
from .reports import blp as reports_blp
from .telematics import blp as telematics_blp
from .vehicles import blp as vehicles_blp
from .work_orders import blp as work_orders_blp

API_BLUEPRINTS = (auth_blp, vehicles_blp, work_orders_blp, reports_blp, telematics_blp, parts_blp)


def register_api(api: Api) -> None:
    for blueprint in API_BLUEPRINTS:
        # The JSON API authenticates with bearer tokens in the Authorization
        # header only (JWT_TOKEN_LOCATION = ["headers"]), never with cookies.
        csrf.exempt(blueprint)
        api.register_blueprint(blueprint)
