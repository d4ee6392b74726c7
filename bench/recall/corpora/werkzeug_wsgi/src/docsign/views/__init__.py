from docsign.views.account import AccountHandler
from docsign.views.admin import AdminHandler
from docsign.views.api import ApiHandler
from docsign.views.auth import AuthHandler
from docsign.views.documents import DocumentsHandler
from docsign.views.signing import SigningHandler
from docsign.views.webhooks import WebhookHandler

HANDLERS = {
    "account": AccountHandler,
    "admin": AdminHandler,
    "api": ApiHandler,
    "auth": AuthHandler,
    "documents": DocumentsHandler,
    "signing": SigningHandler,
    "webhooks": WebhookHandler,
}
