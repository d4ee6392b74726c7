import jwt

from crm import models
from crm.services import tokens


def obtain(testapp, email="rep@example.com", password="correct horse battery staple", status=200):
    return testapp.post_json(
        "/api/v1/auth/token",
        {"email": email, "password": password, "device_name": "pytest"},
        status=status,
    )


def test_status_is_public(testapp):
    res = testapp.get("/api/v1/status", headers={"Origin": "https://anything.example"})
    assert res.json["status"] == "ok"
    assert res.headers["Access-Control-Allow-Origin"] == "*"


def test_token_rejects_wrong_password(testapp, sales_user):
    res = obtain(testapp, password="nope", status=401)
    assert res.json["status"] == "error"


def test_access_token_claims(testapp, sales_user):
    res = obtain(testapp)
    claims = jwt.decode(res.json["access_token"], options={"verify_signature": False})
    assert claims["sub"] == str(sales_user.id)
    assert claims["iss"] == tokens.ISSUER
    assert claims["exp"] > claims["iat"]
    assert res.json["token_type"] == "Bearer"


def test_refresh_token_is_stored_hashed(testapp, sales_user, dbsession):
    res = obtain(testapp)
    raw = res.json["refresh_token"]
    row = dbsession.query(models.RefreshToken).filter_by(user_id=sales_user.id).one()
    assert row.token_hash == tokens.hash_token(raw)
    assert raw not in row.token_hash


def test_refresh_rotates(testapp, sales_user):
    first = obtain(testapp).json
    second = testapp.post_json("/api/v1/auth/refresh", {"refresh_token": first["refresh_token"]}).json
    assert second["refresh_token"] != first["refresh_token"]
    testapp.post_json("/api/v1/auth/refresh", {"refresh_token": first["refresh_token"]}, status=401)


def test_customers_require_token(testapp):
    testapp.get("/api/v1/customers", status=403)


def test_customer_roundtrip(testapp, sales_user):
    access = obtain(testapp).json["access_token"]
    headers = {"Authorization": f"Bearer {access}"}
    created = testapp.post_json(
        "/api/v1/customers",
        {"name": "Initech", "email": "it@initech.example", "tags": ["VIP", "newsletter"]},
        headers=headers,
        status=201,
    ).json
    assert created["tags"] == ["newsletter", "vip"]
    listing = testapp.get("/api/v1/customers", params={"sort": "created"}, headers=headers).json
    assert [c["id"] for c in listing["customers"]] == [created["id"]]


def test_web_login_form_requires_csrf(testapp, sales_user):
    testapp.post(
        "/login",
        {"login": "rep@example.com", "password": "correct horse battery staple"},
        status=400,
    )


def test_lead_form_accepts_anonymous_post(testapp, sales_user, dbsession):
    res = testapp.post("/embed/lead", {"name": "Peter", "email": "peter@example.org", "source": "pricing"})
    assert res.content_type == "text/plain"
    lead = dbsession.query(models.Lead).one()
    assert lead.assigned_to_id == sales_user.id
