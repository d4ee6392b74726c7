from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from app.deps import current_user
from app.repositories import users as users_repo
from app.templating import templates

router = APIRouter(prefix="/account", tags=["account"])


@router.get("")
async def settings_page(request: Request, user=Depends(current_user)):
    return templates.TemplateResponse(request, "account/settings.html", {"user": user})


@router.post("/profile")
async def update_profile(
    request: Request,
    display_name: str = Form(...),
    user=Depends(current_user),
):
    await users_repo.update_profile(user["id"], {"display_name": display_name.strip()[:120]})
    if request.headers.get("HX-Request"):
        return templates.TemplateResponse(
            request, "partials/notice.html", {"message": f"Saved. You now appear as {display_name}."}
        )
    return RedirectResponse("/account", status_code=303)
