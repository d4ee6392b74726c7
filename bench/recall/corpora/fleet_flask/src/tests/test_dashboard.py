from tests.conftest import TEST_PASSWORD


def login(client):
    return client.post(
        "/auth/login",
        data={"email": "admin@fleet.test", "password": TEST_PASSWORD},
        follow_redirects=False,
    )


def test_login_redirects_to_dashboard(client):
    resp = login(client)
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith("/")


def test_vehicles_page(client):
    login(client)
    resp = client.get("/vehicles")
    assert resp.status_code == 200
    assert b"Vehicles" in resp.data


def test_unknown_depot_is_escaped(client):
    login(client)
    resp = client.get("/depots/<script>")
    assert resp.status_code == 404
    assert b"<script>" not in resp.data


def test_reset_request_always_says_sent(client):
    resp = client.post("/auth/reset", data={"email": "nobody@fleet.test"}, follow_redirects=True)
    assert b"reset link is on its way" in resp.data
