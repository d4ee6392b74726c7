"""
ASGI entrypoint. HTTP goes to Django, websockets go through Channels.

Agents authenticate websockets with their normal session cookie
(AuthMiddlewareStack); widget visitors carry a signed token that
TokenAuthMiddleware resolves into ``scope["visitor"]``.
"""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpdesk.settings.prod")

# Initialise Django before importing anything that touches models.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from chat.middleware import TokenAuthMiddleware  # noqa: E402
from chat.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(
                TokenAuthMiddleware(
                    URLRouter(websocket_urlpatterns),
                )
            )
        ),
    }
)
