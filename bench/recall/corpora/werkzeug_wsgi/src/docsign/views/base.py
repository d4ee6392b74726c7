import functools
from urllib.parse import quote, urlsplit

from werkzeug.exceptions import Forbidden
from werkzeug.utils import redirect

from docsign.repositories import (
    ApiClientRepository,
    AuditRepository,
    DocumentRepository,
    PasswordResetRepository,
    PendingSignupRepository,
    SignerRepository,
    UserRepository,
)
from docsign.services.auth import AuthService, PasswordResetService
from docsign.services.documents import DocumentService, FileStorage
from docsign.services.mailer import Mailer
from docsign.services.signing import SigningService
from docsign.services.tokens import ApiTokenService, DownloadLinkService


class Handler:
    """Base class for endpoint handlers; one instance per handler name."""

    def __init__(self, app):
        self.app = app
        self.config = app.config
        self.limiter = app.limiter
        self.templates = app.templates

        db = app.db
        self.users = UserRepository(db)
        self.pending = PendingSignupRepository(db)
        self.resets = PasswordResetRepository(db)
        self.clients = ApiClientRepository(db)
        self.documents = DocumentRepository(db)
        self.signers = SignerRepository(db)
        self.audit = AuditRepository(db)

        self.mailer = Mailer(app.config)
        self.storage = FileStorage(app.config.STORAGE_DIR)
        self.auth = AuthService(self.users, self.pending, self.mailer, app.config)
        self.password_resets = PasswordResetService(
            self.users, self.resets, self.mailer, self.audit, app.config
        )
        self.document_service = DocumentService(self.documents, self.signers, self.storage, self.audit)
        self.signing = SigningService(
            self.documents, self.signers, self.storage, self.mailer, self.audit, app.config
        )
        self.links = DownloadLinkService(app.config)
        self.tokens = ApiTokenService(app.config)

    def render(self, request, template_name, status=200, **context):
        return self.templates.render(template_name, request, status=status, **context)

    @staticmethod
    def flash(request, message, category="info"):
        request.session["_flashes"] = request.session.get("_flashes", []) + [[category, message]]


def safe_next(target, default="/"):
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def login_required(view):
    @functools.wraps(view)
    def wrapper(self, request, **kwargs):
        if request.user is None:
            return redirect(f"/login?next={quote(request.full_path.rstrip('?'))}")
        return view(self, request, **kwargs)

    return wrapper


def admin_required(view):
    @functools.wraps(view)
    @login_required
    def wrapper(self, request, **kwargs):
        if request.user["role"] != "admin":
            raise Forbidden()
        return view(self, request, **kwargs)

    return wrapper
