from pyramid.httpexceptions import HTTPFound
from pyramid.response import Response
from pyramid.security import remember
from pyramid.view import view_config

from shop.accounts import check_login, move_money


@view_config(route_name="hello")
def hello(request):
    name = request.params.get("name", "")
    return Response(f"<h1>Hello {name}</h1>")  # expect: XSS001


@view_config(route_name="login", request_method="POST")
def login(request):  # expect: RATE001
    user = check_login(request.POST["email"], request.POST["password"])
    return HTTPFound("/", headers=remember(request, user.id))


@view_config(route_name="transfer", request_method="POST", renderer="json")
def transfer(request):
    move_money(request.authenticated_userid, request.POST["to"], request.POST["amount"])
    return {"ok": True}


@view_config(route_name="item", renderer="json")
def item(request):
    item_id = request.matchdict["item_id"]
    row = request.dbsession.execute(f"SELECT name FROM items WHERE id = {item_id}").first()  # expect: SQL002
    return {"name": row.name}


@view_config(route_name="profile", request_method="POST", require_csrf=False)  # expect: CSRF002
def update_profile(request):
    request.dbsession.execute("UPDATE users SET bio = :bio WHERE id = :id",
                              {"bio": request.POST["bio"], "id": request.authenticated_userid})
    return HTTPFound("/profile")
