from fastapi import APIRouter, Request

router = APIRouter(prefix="/items")


@router.get("/")
def list_items(request: Request):
    return {"items": []}


@router.post("/")
def add_item(request: Request, name: str):
    owner = request.session["user"]
    return {"name": name, "owner": owner}
