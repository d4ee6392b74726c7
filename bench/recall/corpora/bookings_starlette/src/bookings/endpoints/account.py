from starlette.authentication import requires
from starlette.endpoints import HTTPEndpoint
from starlette.requests import Request
from starlette.responses import RedirectResponse

from bookings import config
from bookings.auth import tokens
from bookings.auth.passwords import password_problems, verify_password
from bookings.services import audit
from bookings.services import users as user_service
from bookings.templating import templates

CALENDAR_VIEWS = {"week", "month", "agenda"}


class Account(HTTPEndpoint):
    @requires("authenticated", redirect="login")
    async def get(self, request: Request):
        feed_url = f"{config.SITE_URL}/calendar/{tokens.calendar_feed_token(request.user.id)}.ics"
        return templates.TemplateResponse(
            request, "account/settings.html", {"feed_url": feed_url, "saved": request.query_params.get("saved")}
        )

    @requires("authenticated", redirect="login")
    async def post(self, request: Request):
        form = await request.form()
        name = form.get("display_name", "").strip()
        if name:
            await user_service.update_profile(request.user.id, name)
            await audit.record(request, "profile_updated", audit.form_details(form))
        response = RedirectResponse("/account?saved=profile", status_code=303)
        view = form.get("calendar_view")
        if view in CALENDAR_VIEWS:
            response.set_cookie("calendar_view", view, max_age=60 * 60 * 24 * 365)
        return response


@requires("authenticated", redirect="login")
async def change_password(request: Request):
    form = await request.form()
    current = form.get("current_password", "")
    new = form.get("new_password", "")
    errors = []
    if not verify_password(current, request.user.row["password_hash"]):
        errors.append("Your current password is not correct.")
    errors.extend(password_problems(new, request.user.email))
    if new != form.get("new_password_confirm"):
        errors.append("The new passwords don't match.")
    if errors:
        feed_url = f"{config.SITE_URL}/calendar/{tokens.calendar_feed_token(request.user.id)}.ics"
        return templates.TemplateResponse(
            request,
            "account/settings.html",
            {"feed_url": feed_url, "password_errors": errors},
            status_code=400,
        )
    await user_service.change_password(request.user.id, new)
    await user_service.forget_remember_tokens(request.user.id)
    await audit.record(request, "password_changed", audit.form_details(form))
    request.session["user_id"] = request.user.id
    return RedirectResponse("/account?saved=password", status_code=303)
