from docsign.repositories.audit import KNOWN_ACTIONS
from docsign.views.base import Handler, admin_required


class AdminHandler(Handler):
    @admin_required
    def user_list(self, request):
        query = request.args.get("q", "").strip()
        users = self.users.search(query) if query else self.users.list_all()
        return self.render(request, "admin/users.html", users=users, query=query)

    @admin_required
    def audit_log(self, request):
        selected = request.args.getlist("action")
        events = self.audit.recent(selected, limit=request.args.get("limit", 200, type=int))
        return self.render(
            request, "admin/audit.html", events=events, actions=KNOWN_ACTIONS, selected=selected
        )
