import html

from pyramid.httpexceptions import HTTPFound, HTTPTooManyRequests
from pyramid.response import Response
from pyramid.security import remember
from pyramid.view import view_config

from shop.accounts import check_login, move_money
from shop.limits import rate_limited


@view_config(route_name="hello")
def hello(request):
    name = request.params.get("name", "")
    return Response(f"<h1>Hello {html.escape(name)}</h1>")


@view_config(route_name="login", request_method="POST")
def login(request):
    if rate_limited(request.client_addr):
        raise HTTPTooManyRequests()
    user = check_login(request.POST["email"], request.POST["password"])
    return HTTPFound("/", headers=remember(request, user.id))


@view_config(route_name="transfer", request_method="POST", renderer="json")
def transfer(request):
    move_money(request.authenticated_userid, request.POST["to"], request.POST["amount"])
    return {"ok": True}


@view_config(route_name="item", renderer="json")
def item(request):
    item_id = request.matchdict["item_id"]
    row = request.dbsession.execute("SELECT name FROM items WHERE id = :id", {"id": item_id}).first()
    return {"name": row.name}
