from fastapi import APIRouter, Request

from service.limits import limiter

router = APIRouter(prefix="/items")


@router.get("/")
@limiter.limit("10/minute")
def list_items(request: Request):
    return {"items": []}


@router.post("/")
def add_item(request: Request, name: str):
    owner = request.session["user"]
    return {"name": name, "owner": owner}
