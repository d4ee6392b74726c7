import hashlib
import hmac
import json

import jwt


def _token(client, partner):
    resp = client.post(
        "/api/v1/token",
        data={"grant_type": "client_credentials", "client_id": partner.client_id, "client_secret": partner.raw_key},
    )
    assert resp.status_code == 200, resp.json
    return resp.json["access_token"]


def test_token_requires_valid_secret(client, partner):
    resp = client.post(
        "/api/v1/token",
        data={"grant_type": "client_credentials", "client_id": partner.client_id, "client_secret": "cp_nope"},
    )
    assert resp.status_code == 401
    assert resp.json["error"] == "invalid_client"


def test_token_contains_expiry(app, client, partner):
    token = _token(client, partner)
    claims = jwt.decode(token, app.config["PARTNER_TOKEN_SECRET"], algorithms=["HS256"],
                        issuer=app.config["PARTNER_TOKEN_ISSUER"])
    assert claims["sub"] == str(partner.id)
    assert "exp" in claims


def test_policies_requires_credentials(client):
    resp = client.get("/api/v1/policies")
    assert resp.status_code == 401


def test_policies_with_api_key(client, partner):
    resp = client.get("/api/v1/policies", headers={"X-API-Key": partner.raw_key})
    assert resp.status_code == 200
    assert resp.json["results"] == []


def test_policies_with_bearer_token(client, partner):
    token = _token(client, partner)
    resp = client.get("/api/v1/policies", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 200


def test_webhook_rejects_bad_signature(client):
    body = json.dumps({"type": "policy.issued", "data": {"policy_number": "X1"}}).encode()
    resp = client.post(
        "/webhooks/carriers/acme",
        data=body,
        content_type="application/json",
        headers={"X-Carrier-Signature": "sha256=deadbeef"},
    )
    assert resp.status_code == 401


def test_webhook_accepts_signed_event(client):
    body = json.dumps({"type": "policy.issued", "data": {"policy_number": "UNKNOWN"}}).encode()
    sig = hmac.new(b"pytest-webhook-secret", body, hashlib.sha256).hexdigest()
    resp = client.post(
        "/webhooks/carriers/acme",
        data=body,
        content_type="application/json",
        headers={"X-Carrier-Signature": f"sha256={sig}"},
    )
    assert resp.status_code == 202
    assert resp.json["status"] == "unknown_policy"
