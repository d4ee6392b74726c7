"""
ASGI entrypoint: plain Django for HTTP, Channels for the hold
notification websocket.
"""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "libnet.settings.prod")

# Initialise Django before importing anything that touches models.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from circulation.routing import websocket_urlpatterns  # noqa: E402
from circulation.ws_auth import QueryStringTokenAuthMiddleware  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            QueryStringTokenAuthMiddleware(URLRouter(websocket_urlpatterns))
        ),
    }
)
