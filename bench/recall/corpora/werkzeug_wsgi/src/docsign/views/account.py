from werkzeug.utils import redirect

from docsign.sessions import csrf_exempt
from docsign.views.base import Handler, login_required

THEMES = ("light", "dark", "high-contrast")
THEME_COOKIE = "docsign_theme"


class AccountHandler(Handler):
    @login_required
    def settings(self, request):
        return self.render(
            request, "account/settings.html", user=request.user,
            theme=request.cookies.get(THEME_COOKIE, "light"), themes=THEMES,
        )

    @csrf_exempt
    @login_required
    def update_notification_email(self, request):
        email = request.form.get("notification_email", "").strip()
        if email and "@" not in email:
            self.flash(request, "That does not look like an e-mail address.", "error")
        else:
            self.users.set_notification_email(request.user["id"], email or None)
            self.flash(request, "Notification address updated.")
        return redirect("/account")

    @login_required
    def set_theme(self, request):
        theme = request.form.get("theme")
        if theme not in THEMES:
            theme = "light"
        response = redirect("/account")
        response.set_cookie(THEME_COOKIE, theme, max_age=365 * 24 * 3600)
        return response
