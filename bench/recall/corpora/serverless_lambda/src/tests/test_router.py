import json

from tablebook.http import HTTPError, json_response
from tablebook.router import Router

from conftest import http_event

router = Router("test")


@router.get("/things/{thing_id}")
def get_thing(request):
    if request.path_params["thing_id"] == "missing":
        raise HTTPError(404, "no such thing")
    return json_response(200, {"id": request.path_params["thing_id"]})


@router.post("/things")
def boom(request):
    raise RuntimeError("database password is hunter2")


def test_path_parameters():
    response = router(http_event(path="/things/42"), None)
    assert json.loads(response["body"]) == {"id": "42"}


def test_http_error_becomes_json():
    response = router(http_event(path="/things/missing"), None)
    assert response["statusCode"] == 404


def test_method_not_allowed():
    response = router(http_event(method="DELETE", path="/things/1"), None)
    assert response["statusCode"] == 405


def test_unhandled_errors_do_not_leak_details():
    response = router(http_event(method="POST", path="/things"), None)
    assert response["statusCode"] == 500
    assert "hunter2" not in response["body"]
