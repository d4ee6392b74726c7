"""pagebook - a small team wiki built on Pyramid."""
import logging

from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory

from . import config as app_config
from .security import API_PREFIX, PagebookSecurityPolicy

log = logging.getLogger(__name__)


def _session_factory(settings):
    return SignedCookieSessionFactory(
        app_config.require_setting(settings, "session.secret"),
        cookie_name="pagebook_session",
        secure=True,
        httponly=True,
        samesite="Lax",
        max_age=8 * 3600,
        timeout=2 * 3600,
        reissue_time=600,
    )


def _csrf_applies(request):
    # API clients authenticate with bearer tokens only (cookies are ignored
    # under /api/, see security.py), so there is no ambient credential to ride on.
    return not request.path_info.startswith(API_PREFIX)


def main(global_config, **settings):
    """Return the Pyramid WSGI application."""
    app_config.apply_environment_overrides(settings)

    with Configurator(settings=settings, root_factory="pagebook.resources.RootFactory") as config:
        config.set_session_factory(_session_factory(settings))
        config.set_default_csrf_options(require_csrf=True, callback=_csrf_applies)
        config.set_security_policy(
            PagebookSecurityPolicy(
                app_config.AUTH_SECRET,
                timeout=app_config.AUTH_TIMEOUT,
                reissue_time=app_config.AUTH_TIMEOUT // 10,
            )
        )

        config.include("pyramid_jinja2")
        config.include("pyramid_chameleon")
        config.include(".models")
        config.include(".ratelimit")
        config.include(".tweens")
        config.include(".routes")
        config.scan(ignore=[".tests", ".scripts", ".alembic"])

    log.info("pagebook started (env=%s)", settings.get("pagebook.env", "production"))
    return config.make_wsgi_app()
