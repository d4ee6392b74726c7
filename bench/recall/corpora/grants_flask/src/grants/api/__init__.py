from .applications import blp as applications_blp
from .auth_resources import blp as auth_blp
from .partners import blp as partners_blp
from .reviews import blp as reviews_blp

API_BLUEPRINTS = (auth_blp, applications_blp, reviews_blp, partners_blp)


def register_api(api, csrf):
    for blp in API_BLUEPRINTS:
        # JSON clients don't have the form token
        csrf.exempt(blp)
        api.register_blueprint(blp)
