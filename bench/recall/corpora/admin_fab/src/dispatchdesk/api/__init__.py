"""REST API (mounted under /api/v1 by Flask-AppBuilder)."""
from .auth import TokenAuthApi
from .shipments import DepotApi, ShipmentApi
from .tracking import TrackingApi


def register_apis(appbuilder):
    appbuilder.add_api(TokenAuthApi)
    appbuilder.add_api(ShipmentApi)
    appbuilder.add_api(DepotApi)
    appbuilder.add_api(TrackingApi)
