import hashlib
import hmac
import json

from app.extensions import db
from app.models import Item, StockLevel


def _token(client, badge="B1001", pin="4321"):
    resp = client.post("/api/v1/auth/token", json={"badge_number": badge, "pin": pin})
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()["access_token"]


def test_token_rejects_bad_pin(client, operator):
    resp = client.post("/api/v1/auth/token", json={"badge_number": "B1001", "pin": "0000"})
    assert resp.status_code == 401


def test_item_lookup_requires_token(client):
    assert client.get("/api/v1/items/123").status_code == 401


def test_record_receipt(client, operator, warehouse):
    item = Item(sku="SKU-1", barcode="5012345678900", name="Widget")
    db.session.add(item)
    db.session.commit()
    token = _token(client)
    resp = client.post(
        "/api/v1/movements",
        json={"barcode": "5012345678900", "quantity": 12, "movement_type": "receipt"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert resp.status_code == 201
    level = StockLevel.query.filter_by(item_id=item.id, warehouse_id=warehouse.id).one()
    assert level.quantity == 12


def test_erp_requires_token(client):
    assert client.put("/api/v1/erp/items", json=[]).status_code == 401
    resp = client.put("/api/v1/erp/items", json=[], headers={"X-ERP-Token": "erp-test-token"})
    assert resp.status_code == 200


def test_supplier_webhook_signature(client, app, warehouse):
    body = json.dumps({"asn": "A1", "supplier": "NOPE", "warehouse": "TST1", "lines": []}).encode()
    bad = client.post("/webhooks/supplier-asn", data=body, headers={"X-Supplier-Signature": "sha256=00"})
    assert bad.status_code == 401
    sig = hmac.new(app.config["SUPPLIER_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    ok = client.post("/webhooks/supplier-asn", data=body, headers={"X-Supplier-Signature": f"sha256={sig}"})
    assert ok.status_code == 422
