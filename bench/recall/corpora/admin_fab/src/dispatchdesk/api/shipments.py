import logging
import traceback
from datetime import datetime

from flask import request
from flask_appbuilder.api import ModelRestApi, expose, safe
from flask_appbuilder.models.sqla.interface import SQLAInterface
from flask_appbuilder.security.decorators import protect

from ..extensions import limiter
from ..models.shipment import Depot, Shipment, ShipmentEvent
from ..services.importer import ImportRowError, import_shipments_csv

log = logging.getLogger(__name__)

SCAN_CODES = {"ARRIVED_DEPOT": "at_depot", "LOADED": "out_for_delivery", "RETURNED": "returned"}


def _scanner_authorised(depot, presented_key):
    return bool(depot and depot.scanner_key) and presented_key == depot.scanner_key


class ShipmentApi(ModelRestApi):
    resource_name = "shipments"
    datamodel = SQLAInterface(Shipment)
    allow_browser_login = True

    list_columns = [
        "id",
        "reference",
        "tracking_number",
        "status",
        "depot.code",
        "carrier.name",
        "consignee_name",
        "postcode",
        "promised_on",
    ]
    show_columns = list_columns + [
        "delivery_address",
        "delivery_instructions",
        "weight_kg",
        "driver.full_name",
        "delivered_on",
        "last_carrier_event",
    ]
    add_columns = [
        "reference",
        "tracking_number",
        "carrier",
        "depot",
        "consignee_name",
        "consignee_email",
        "consignee_phone",
        "delivery_address",
        "postcode",
        "delivery_instructions",
        "weight_kg",
        "promised_on",
    ]
    edit_columns = add_columns + ["status", "driver"]
    search_columns = ["reference", "tracking_number", "status", "depot", "carrier", "postcode"]
    order_columns = ["reference", "promised_on", "status"]
    base_order = ("id", "desc")
    max_page_size = 500

    @expose("/import", methods=["POST"])
    @protect()
    @safe
    def bulk_import(self):
        """Create shipments from an uploaded CSV file.
        ---
        post:
          responses:
            201:
              description: Number of shipments created
            422:
              description: A row could not be imported
        """
        upload = request.files.get("file")
        if upload is None:
            return self.response_400(message="multipart field 'file' is required")
        session = self.appbuilder.get_session
        try:
            created = import_shipments_csv(upload.stream, session)
        except ImportRowError as exc:
            session.rollback()
            return self.response_422(message=str(exc))
        except Exception:
            session.rollback()
            log.exception("shipment import failed")
            return self.response_500(message=traceback.format_exc())
        return self.response(201, created=created)

    @expose("/scan", methods=["POST"])
    @limiter.limit("300 per minute")
    @safe
    def record_scan(self):
        """Depot handheld scanners report barcode scans here.
        ---
        post:
          responses:
            201:
              description: Scan recorded
        """
        payload = request.get_json(silent=True) or {}
        session = self.appbuilder.get_session
        depot = session.query(Depot).filter_by(code=payload.get("depot")).one_or_none()
        if not _scanner_authorised(depot, request.headers.get("X-Scanner-Key", "")):
            return self.response_401()

        code = payload.get("code")
        if code not in SCAN_CODES:
            return self.response_400(message="unknown scan code")
        shipment = (
            session.query(Shipment)
            .filter_by(reference=payload.get("reference"), depot_id=depot.id)
            .one_or_none()
        )
        if shipment is None:
            return self.response_404()

        shipment.status = SCAN_CODES[code]
        session.add(
            ShipmentEvent(
                shipment=shipment,
                code=code,
                source="scanner",
                location=depot.code,
                occurred_at=datetime.utcnow(),
            )
        )
        session.commit()
        return self.response(201, reference=shipment.reference, status=shipment.status)


class DepotApi(ModelRestApi):
    resource_name = "depots"
    datamodel = SQLAInterface(Depot)
    allow_browser_login = True
    include_route_methods = {"get", "get_list", "info"}
    list_columns = ["id", "code", "name", "region"]
    show_columns = ["id", "code", "name", "region", "address"]
