"""Server-rendered pages: public recipe pages, search and a minimal account area."""
import html
import logging
from typing import Any, Dict, Optional

from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.api.deps import get_db, get_web_user
from app.core.config import settings
from app.core.security import create_access_token
from app.db.audit import record_event
from app.services import comments as comment_service
from app.services import recipes as recipe_service
from app.services import users as user_service
from app.api.routers.comments import notify_author
from app.web.csrf import get_csrf_token, validate_csrf
from app.web.templating import templates

router = APIRouter(include_in_schema=False)
logger = logging.getLogger(__name__)

THEMES = ("light", "dark", "sepia")
REPORT_REASONS = ("spam", "offensive", "copyright", "other")


def _simple_page(title: str, body_html: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} · {settings.PROJECT_NAME}</title>"
        "<link rel='stylesheet' href='/static/css/site.css'></head>"
        f"<body><main class='container'>{body_html}</main></body></html>"
    )


def _safe_next(url: Optional[str]) -> str:
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return "/"
    return url


def _context(request: Request, user: Optional[Dict[str, Any]], **extra: Any) -> Dict[str, Any]:
    return {
        "user": user,
        "csrf_token": get_csrf_token(request),
        "theme": request.cookies.get("theme", "light"),
        "site_name": settings.PROJECT_NAME,
        **extra,
    }


@router.get("/", response_class=HTMLResponse)
async def home(
    request: Request,
    tag: Optional[str] = Query(None, max_length=30),
    user=Depends(get_web_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipes = await recipe_service.list_public(db, tag=tag, limit=24)
    return templates.TemplateResponse(request, "index.html", _context(request, user, recipes=recipes, tag=tag))


@router.get("/search", response_class=HTMLResponse)
async def search(
    request: Request,
    q: str = Query("", max_length=100),
    user=Depends(get_web_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    q = q.strip()
    if not q:
        return RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    recipes = await recipe_service.list_public(db, q=q, limit=30)
    if not recipes:
        return HTMLResponse(_simple_page("No results", f"<h1>Nothing found</h1><p>No recipes match <em>{q}</em>. <a href='/'>Browse all recipes</a></p>"), status_code=404)
    return templates.TemplateResponse(request, "search.html", _context(request, user, recipes=recipes, q=q))


@router.get("/r/{slug}", response_class=HTMLResponse)
async def recipe_page(
    request: Request,
    slug: str,
    share: Optional[str] = Query(None, max_length=64),
    user=Depends(get_web_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await db.recipes.find_one({"slug": slug})
    if recipe is None:
        raise HTTPException(status_code=404)
    if not recipe_service.can_view(recipe, user):
        if not share or not await db.recipes.count_documents({"_id": recipe["_id"], "share_token": share}):
            raise HTTPException(status_code=404)
    comments = await comment_service.list_comments(db, recipe["_id"])
    author = await db.users.find_one({"_id": recipe["author_id"]}, projection={"email": 1, "full_name": 1})
    return templates.TemplateResponse(
        request,
        "recipe.html",
        _context(request, user, recipe=recipe, comments=comments, author=author, report_reasons=REPORT_REASONS),
    )


@router.get("/embed/{slug}", response_class=HTMLResponse)
async def recipe_embed(request: Request, slug: str, db: AsyncIOMotorDatabase = Depends(get_db)):
    recipe = await db.recipes.find_one({"slug": slug, "is_public": True})
    if recipe is None:
        raise HTTPException(status_code=404)
    return templates.TemplateResponse(request, "embed.html", {"recipe": recipe, "base_url": settings.BASE_URL})


@router.post("/r/{slug}/comments")
async def post_comment(
    request: Request,
    slug: str,
    background_tasks: BackgroundTasks,
    body: str = Form(..., min_length=1, max_length=2000),
    user=Depends(get_web_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    if user is None:
        return RedirectResponse(f"/login?next=/r/{slug}", status_code=status.HTTP_303_SEE_OTHER)
    recipe = await db.recipes.find_one({"slug": slug})
    if recipe is None or not recipe_service.can_view(recipe, user):
        raise HTTPException(status_code=404)
    comment = await comment_service.add_comment(db, recipe, user, body)
    background_tasks.add_task(notify_author, db, recipe, user, comment["body"])
    background_tasks.add_task(record_event, "comment.create", user["email"], str(comment["_id"]))
    return RedirectResponse(f"/r/{slug}#comment-{comment['_id']}", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/r/{slug}/report")
async def report_recipe(
    request: Request,
    slug: str,
    background_tasks: BackgroundTasks,
    reason: str = Form(...),
    details: str = Form("", max_length=1000),
    csrf_token: str = Form(""),
    user=Depends(get_web_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    validate_csrf(request, csrf_token)
    if reason not in REPORT_REASONS:
        raise HTTPException(status_code=400, detail="Unknown reason")
    recipe = await db.recipes.find_one({"slug": slug, "is_public": True}, projection={"_id": 1})
    if recipe is None:
        raise HTTPException(status_code=404)
    await db.reports.insert_one(
        {
            "recipe_id": recipe["_id"],
            "reporter_id": user["_id"] if user else None,
            "reason": reason,
            "details": details.strip(),
            "ip": request.client.host if request.client else None,
        }
    )
    background_tasks.add_task(record_event, "recipe.report", user["email"] if user else "anonymous", str(recipe["_id"]), reason)
    return RedirectResponse(f"/r/{slug}?reported=1", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request, next: str = "/", user=Depends(get_web_user)):
    if user is not None:
        return RedirectResponse(_safe_next(next), status_code=status.HTTP_303_SEE_OTHER)
    return templates.TemplateResponse(request, "login.html", _context(request, None, next=_safe_next(next)))


@router.post("/login")
async def login_submit(
    request: Request,
    email: str = Form(...),
    password: str = Form(...),
    csrf_token: str = Form(""),
    next: str = Form("/"),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    validate_csrf(request, csrf_token)
    user = await user_service.authenticate(db, email, password)
    if user is None:
        context = _context(request, None, next=_safe_next(next), email=email, error="Invalid e-mail or password")
        return templates.TemplateResponse(request, "login.html", context, status_code=400)
    request.session.clear()
    request.session["user_id"] = str(user["_id"])
    token = create_access_token(user["_id"], extra_claims={"role": user.get("role", "user")})
    response = RedirectResponse(_safe_next(next), status_code=status.HTTP_303_SEE_OTHER)
    # the recipe editor (SPA) picks this up to talk to the API
    response.set_cookie("access_token", token, max_age=settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60)
    await record_event("user.login_web", user["email"], str(user["_id"]))
    return response


@router.post("/logout")
async def logout(request: Request, csrf_token: str = Form("")):
    validate_csrf(request, csrf_token)
    request.session.clear()
    response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie("access_token")
    return response


@router.get("/account", response_class=HTMLResponse)
async def account(request: Request, user=Depends(get_web_user), db: AsyncIOMotorDatabase = Depends(get_db)):
    if user is None:
        return RedirectResponse("/login?next=/account", status_code=status.HTTP_303_SEE_OTHER)
    my_recipes = await db.recipes.find({"author_id": user["_id"]}).sort("updated_at", -1).to_list(length=100)
    return templates.TemplateResponse(
        request,
        "account.html",
        _context(request, user, recipes=my_recipes, themes=THEMES, avatar=user_service.gravatar_url(user["email"])),
    )


@router.post("/account/theme")
async def set_theme(request: Request, theme: str = Form(...), csrf_token: str = Form("")):
    validate_csrf(request, csrf_token)
    if theme not in THEMES:
        theme = "light"
    response = RedirectResponse("/account", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie("theme", theme, max_age=365 * 24 * 3600)
    return response
