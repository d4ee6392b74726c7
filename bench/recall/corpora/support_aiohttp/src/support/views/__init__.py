from . import account, api, attachments, auth, chat, hooks, tickets

ROUTE_TABLES = [
    auth.routes,
    account.routes,
    tickets.routes,
    attachments.routes,
    chat.routes,
    hooks.routes,
    api.routes,
]
