from datetime import datetime

from flask import abort, redirect, render_template_string, request, url_for
from flask_appbuilder import ModelView, expose, has_access
from flask_appbuilder.actions import action
from flask_appbuilder.models.sqla.interface import SQLAInterface

from ..formatting import instructions_preview, nl2br, status_badge, weight_kg
from ..models.shipment import Shipment, ShipmentEvent
from ..services.tracking_links import tracking_url

LABEL_TEMPLATE = """<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <title>Shipping labels</title>
  <style>
    .label { width: 100mm; height: 150mm; page-break-after: always; font-family: sans-serif; }
    .ref { font-size: 28pt; font-weight: bold; letter-spacing: 2px; }
    .addr { font-size: 14pt; white-space: pre-line; margin: 8mm 0; }
  </style>
</head>
<body onload="window.print()">
{% for s in shipments %}
  <div class="label">
    <div class="ref">{{ s.reference }}</div>
    <div>{{ s.depot.code }} / {{ s.carrier.name if s.carrier else "own fleet" }}</div>
    <div class="addr">{{ s.consignee_name }}
{{ s.delivery_address }}
{{ s.postcode }}</div>
    <div>{{ s.delivery_instructions or "" }}</div>
    <small>printed {{ printed_at.strftime("%Y-%m-%d %H:%M") }}</small>
  </div>
{% endfor %}
</body>
</html>
"""


class ShipmentEventModelView(ModelView):
    datamodel = SQLAInterface(ShipmentEvent)
    list_columns = ["occurred_at", "code", "location", "source"]
    show_columns = ["shipment", "occurred_at", "code", "location", "source", "carrier_message"]
    base_order = ("occurred_at", "desc")
    base_permissions = ["can_list", "can_show"]


class ShipmentModelView(ModelView):
    datamodel = SQLAInterface(Shipment)
    list_title = "Shipments"
    show_title = "Shipment"

    list_columns = [
        "reference",
        "tracking_number",
        "carrier",
        "depot",
        "consignee_name",
        "postcode",
        "status",
        "promised_on",
        "delivery_instructions",
    ]
    search_columns = [
        "reference",
        "tracking_number",
        "carrier",
        "depot",
        "driver",
        "consignee_name",
        "postcode",
        "status",
        "promised_on",
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
    edit_columns = add_columns + ["driver", "status"]
    show_columns = add_columns + ["driver", "status", "delivered_on", "last_carrier_event"]
    label_columns = {
        "delivery_instructions": "Instructions",
        "weight_kg": "Weight",
        "promised_on": "Promised",
    }
    formatters_columns = {
        "status": status_badge,
        "delivery_instructions": instructions_preview,
        "weight_kg": weight_kg,
    }
    related_views = [ShipmentEventModelView]
    base_order = ("created_on", "desc")
    page_size = 50

    @action("print_labels", "Print labels", icon="fa-print", single=False)
    def print_labels(self, items):
        if not isinstance(items, list):
            items = [items]
        ids = ",".join(str(item.id) for item in items)
        return redirect(url_for("ShipmentModelView.labels", ids=ids))

    @expose("/labels")
    @has_access
    def labels(self):
        ids = [int(x) for x in request.args.get("ids", "").split(",") if x.isdigit()]
        if not ids:
            abort(400)
        shipments = (
            self.datamodel.session.query(Shipment)
            .filter(Shipment.id.in_(ids[:200]))
            .order_by(Shipment.reference)
            .all()
        )
        return render_template_string(
            LABEL_TEMPLATE, shipments=shipments, printed_at=datetime.utcnow()
        )

    @expose("/timeline/<int:pk>")
    @has_access
    def timeline(self, pk):
        shipment = self.datamodel.get(pk)
        if shipment is None:
            abort(404)
        return self.render_template(
            "shipments/timeline.html",
            shipment=shipment,
            events=list(shipment.events),
            instructions_html=nl2br(shipment.delivery_instructions),
            public_link=tracking_url(shipment),
        )
