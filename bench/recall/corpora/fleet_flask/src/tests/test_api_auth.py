from tests.conftest import TEST_API_KEY


def test_staff_token_rejects_bad_password(client):
    resp = client.post("/api/v1/auth/token", json={"email": "admin@fleet.test", "password": "nope"})
    assert resp.status_code == 401


def test_staff_token_works(staff_token, client):
    resp = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {staff_token}"})
    assert resp.status_code == 200
    assert resp.get_json()["role"] == "admin"


def test_driver_login(client):
    resp = client.post("/api/v1/auth/driver/login", json={"phone": "+447700900001", "pin": "4321"})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["device_token"]
    assert body["driver_id"]


def test_driver_login_wrong_pin(client):
    resp = client.post("/api/v1/auth/driver/login", json={"phone": "+447700900001", "pin": "0000"})
    assert resp.status_code == 401


def test_partner_requires_key(client):
    resp = client.get("/api/v1/fuel/partner/spend?plate=AB12CDE&year=2024&month=1")
    assert resp.status_code == 401


def test_partner_wrong_key(client):
    resp = client.get(
        "/api/v1/fuel/partner/spend?plate=AB12CDE&year=2024&month=1",
        headers={"X-Api-Client": "fuelco", "X-Api-Key": TEST_API_KEY[:-1] + "x"},
    )
    assert resp.status_code == 401


def test_vehicles_need_token(client):
    assert client.get("/api/v1/vehicles/").status_code == 401
