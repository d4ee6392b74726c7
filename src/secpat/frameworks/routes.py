"""The application model: the route table with each route's view, class, rate limit and CSRF status.

Built at the project stage from the facts of every file. Django routes are
followed from the root URL conf through `include()` and DRF routers; Flask and
FastAPI routes through blueprint and router mounts with their prefixes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from secpat import names
from secpat.frameworks import django, falcon, known
from secpat.frameworks.django import Environment, environments, settings_units
from secpat.frameworks.facts import (
    ALIAS,
    ANY_CHILD,
    ARGUMENT,
    AUTH_BACKEND,
    AUTHENTICATES,
    BOTTLE_PLUGIN,
    CHANGES_DATA,
    CHECKS_ONE_TIME_CODE,
    CLASS,
    CONVERTER,
    CREATES_USER,
    CSRF_EXCLUDED_PATH,
    CSRF_EXEMPT_TARGET,
    DEPENDENCY_ALIAS,
    DESTROYING,
    FACTORY,
    FORM,
    GATE,
    HEADER_READER,
    IDENTITY_FUNCTION_WORDS,
    INSTANCE,
    LIMIT_TARGET,
    LIMITER,
    LIMITING,
    MIDDLEWARE,
    MOUNT,
    NAMED_VIEW,
    OWNER,
    PARAMETER,
    PROTECTION,
    REQUEST_IDENTITY,
    ROUTE,
    SAVES_DATA,
    SENDING,
    SENDS_RESET,
    SEQUENCE,
    SESSION,
    SESSION_READER,
    SETS_PASSWORD,
    SETTINGS,
    SETTINGS_MODULE,
    SIGNS_IN,
    STATE_CHANGING,
    VERIFIES_IDENTITY_TOKEN,
    VIEW,
    ArgumentFact,
    ClassFact,
    DestroyingFact,
    ExcludedPathFact,
    FormFact,
    FromEnvironment,
    InstanceFact,
    LimiterFact,
    LimitTargetFact,
    MiddlewareFact,
    MountFact,
    NamedViewFact,
    OwnerFact,
    ProtectionFact,
    RouteFact,
    SendingFact,
    SessionFact,
    SessionRelay,
    ViewFact,
)
from secpat.frameworks.pyramid import ROUTE_NAME
from secpat.frameworks.syntax import EACH_ITEM, PLAIN_REGEX, is_limit_name, is_staff_gate, last
from secpat.frameworks.views import (
    _FORM_ACTS,
    _PASSWORD_FORMS,
    REFUSES_EXCESS,
    library_form,
    names_authenticated_caller,
)
from secpat.report.escape import printable

if TYPE_CHECKING:
    from secpat.discovery import SourceFile
    from secpat.rules.context import ProjectContext

#: `facts_of(kind) -> [(path, fact)]`: the facts the file stage handed on, each kind's of its own type.
FactsOf = Callable[[str], Sequence[tuple[str, Any]]]

CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware"
#: Django's site-wide sign-in requirement (5.1); `@login_not_required` opens a view to visitors.
LOGIN_REQUIRED_MIDDLEWARE = "django.contrib.auth.middleware.LoginRequiredMiddleware"
#: A setting that lists what a sign-in middleware lets through (`LOGIN_EXEMPT_URLS`, `PUBLIC_PATHS`).
_ALLOW_LIST_SETTING = re.compile(r"EXEMPT|PUBLIC|OPEN|ANONYMOUS|UNAUTH|ALLOW|WHITELIST|IGNORE|SKIP|EXCLU")
SESSION_MIDDLEWARE = "django.contrib.sessions.middleware.SessionMiddleware"

# -- classification ------------------------------------------------------------------------------

LOGIN, RESET, MAIL, REGISTER, WRITE, READ = "login", "reset", "mail", "register", "write", "read"
_LOGIN_WORDS = frozenset({"login", "signin", "logon", "authenticate", "token", "tokens", "obtain", "jwt", "oauth"})
_REGISTER_WORDS = frozenset({"register", "registration", "signup", "enroll", "enrol"})
#: Words of the step that confirms an account made before (`/registration/verify-email/`): no sign-up.
_CONFIRMING_WORDS = frozenset({"verify", "confirm", "confirmation", "activate", "activation"})
_RESET_WORDS = frozenset({"reset", "forgot", "forgotten", "recover", "recovery"})
_MAIL_WORDS = frozenset({"resend", "otp", "sms", "magic", "invite", "invitation", "contact", "newsletter", "subscribe"})
_NOT_SENDING = frozenset({"confirm", "complete", "done", "refresh", "verify", "logout", "revoke", "blacklist"})
_PAIRS = (("sign", "in", "signin"), ("log", "in", "login"), ("sign", "up", "signup"), ("log", "on", "logon"))


def route_words(path: str, view: str) -> set[str]:
    """Words of a route's path (parameters left out) and of its view's name."""
    text = re.sub(r"<[^>]*>|\{[^}]*\}|\(\?P<[^>]*>[^)]*\)", " ", path)
    found = [w for part in re.split(r"[^A-Za-z0-9]+", text) for w in names.words(part)]
    parts = view.split(".")
    found.extend(names.words(parts[-1]))
    # The class of a method (`LoginView.post`), or the module of a function named for no task (`login.index`);
    # not the module of a function that says what it does (`routes/login.py`'s `recover_password`).
    if len(parts) > 1 and (parts[-2][:1].isupper() or set(names.words(parts[-1])) <= _GENERIC_HANDLER_WORDS):
        found.extend(names.words(parts[-2]))
    joined = set(found)
    for first, second, word in _PAIRS:
        for a, b in zip(found, found[1:]):
            if a == first and b == second:
                joined.add(word)
    return joined


#: Words of a handler's name that say nothing of what it does.
_GENERIC_HANDLER_WORDS = frozenset(
    {"post", "get", "put", "patch", "delete", "view", "views", "index", "handler", "handle", "dispatch", "endpoint",
     "route", "api", "call", "main", "process", "submit", "action", "page"}
)  # fmt: skip


#: Words that may stand around a password field name and still mean the user's own password.
#: A password, or the passcode a shared device (a kiosk, a door panel) is unlocked with.
_PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "pass", "pw", "passphrase", "passcode"})
_OWN_PASSWORD_WORDS = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "pass",
        "pw",
        "passphrase",
        "user",
        "login",
        "account",
        "current",
        "old",
        "new",
        "confirm",
        "confirmation",
        "again",
        "repeat",
        "raw",
        "plain",
        "your",
        "my",
        "1",
        "2",
    }
)


_CAPABILITY_WORDS = frozenset({"token", "key", "code", "secret", "uidb64", "signature", "invite", "invitation"})


def _capability_parameter(path: str) -> bool:
    """The path carries a parameter named token, key, code or the like: only holders of a link reach it. One
    named for a record's id (`{key_id}`, `<token_pk>`) names which key, as any id does."""
    params = re.findall(r"<(?:\w+:)?(\w+)>|\{(\w+)(?::[^}]*)?\}|\(\?P<(\w+)>", path)
    return any(
        set(words) & _CAPABILITY_WORDS and words[-1] not in ("id", "ids", "pk")
        for words in (names.words(next(p for p in group if p)) for group in params)
    )


def _password_fields(fields: set[str]) -> tuple[bool, bool]:
    """(reads the user's password, reads a new or repeated password). `smtp_password` or `db_password` is a
    credential for another service, not the user's own."""
    password = new = False
    for name in fields:
        words = set(names.words(name))
        # `door_passcode`, `kiosk_passcode`: a passcode is what is typed to get in, whoever it belongs to.
        if not words & _PASSWORD_WORDS or not words <= _OWN_PASSWORD_WORDS and "passcode" not in words:
            continue
        password = True
        if words & {"new", "confirm", "confirmation", "again", "repeat", "old", "current", "2"} or name.endswith("2"):
            new = True
    return password, new


def _one_time_code_fields(fields: frozenset[str] | set[str]) -> bool:
    """The view reads a one-time code, a PIN or a second factor the client types (`otp`, `totp`, `pin`,
    `verification_code`)."""
    return any(
        names.classify(name) is names.NameKind.SHORT_CODE and names.words(name)[-1:] != ("mfa",) for name in fields
    )  # (`session["mfa"]` is a sign-in's state, not a code anyone types)


#: Words of routes that make, send or set up a code rather than check one.
_CODE_MADE_WORDS = frozenset({"send", "resend", "setup", "enable", "disable", "generate", "new", "create", "request"})


#: The reason a route is a write when its path or name says it logs the user out.
LOGOUT_REASON = "logs out"
#: The reason of a GET-only route whose view changes stored data: no CSRF check covers GET.
CHANGES_ON_GET = "changes stored data on GET"


def _signs_up_for_object(path: str) -> bool:
    """`/shifts/{pk}/signup/`, `/events/<int:id>/register`: signing up for the record the path names, not
    creating an account."""
    segments = [s for s in path.strip("/").split("/") if s]
    return any(
        _is_path_parameter(segment) and set(route_words(after, "")) & _REGISTER_WORDS
        for index, segment in enumerate(segments)
        for after in segments[index + 1 :]
    )


def _is_path_parameter(segment: str) -> bool:
    return segment.startswith(("{", "<", ":", "(?P<"))


def classify(
    path: str,
    view: str,
    methods: set[str],
    fields: set[str],
    sends: bool,
    hint: str = "",
    acts: frozenset[str] | set[str] = frozenset(),
    typed: frozenset[str] | set[str] = frozenset(),
) -> tuple[str, str, bool]:
    """The kind of endpoint (login, reset, mail, register, write, read), why, and whether what the view does
    shows it (True) or only its path and name say so (False). `fields` are what the view reads and the fields
    of the forms and models it uses; `typed` only the fields it reads from the request."""
    if not methods & STATE_CHANGING:
        words = route_words(path, view)
        # Only a route declared for GET: a view whose methods are not known may change data only on POST.
        declared = bool(methods) and "*" not in methods
        changes = {CHANGES_DATA, SAVES_DATA} & acts
        if declared and changes and not words & {"logout", "signout"} and not _capability_parameter(path):
            return WRITE, CHANGES_ON_GET, True
        return READ, "GET only", True
    if hint and hint != WRITE:
        return hint, "library view", True
    words = route_words(path, view)
    password, new_password = _password_fields(fields)
    if words & {"logout", "signout"}:
        return WRITE, LOGOUT_REASON, True
    if VERIFIES_IDENTITY_TOKEN in acts and not password:
        # Signed in, or signed up, by a token an identity provider signed for this client: each request needs
        # a fresh token from an account there, so there is nothing to guess and no free sign-up to repeat.
        return WRITE, "signs in with an identity provider's signed token", True
    # A sign-in that keeps a record of whoever signed in (`/login` then `create_user(user)` for a user the
    # credentials check returned) is a login; creating a user only registers under a path that does not say so.
    signs_in = words & _LOGIN_WORDS and not words & _REGISTER_WORDS and password and not new_password
    if (
        CREATES_USER in acts
        and not signs_in
        or words & _REGISTER_WORDS
        and not words & _CONFIRMING_WORDS
        and not _signs_up_for_object(path)
    ):
        if _capability_parameter(path):
            return REGISTER, "needs a token from an invitation or activation link", False
        if CREATES_USER in acts:
            return REGISTER, "creates a user", True
        if password:
            return REGISTER, "registration with a password", True
        return REGISTER, "name says registration", False
    if CHECKS_ONE_TIME_CODE in acts and words & _RESET_WORDS:
        # `/reset/<user>/<code>` checks the short code it sent before the new password is set: guessed in a
        # million tries at most where nothing limits them.
        return RESET, "checks a one-time code to reset a password", True
    if SETS_PASSWORD in acts and words & _RESET_WORDS:
        # The link's token was checked to get here; the view stores the new password.
        return WRITE, "sets a new password from a reset link", True
    # `request.form["otp"] == session["otp"]`: a second factor or an emailed code, guessed in a million tries at
    # most where nothing limits them.
    code = _one_time_code_fields(typed) and not new_password and not words & _CODE_MADE_WORDS
    authenticates = AUTHENTICATES in acts or password and not new_password and SETS_PASSWORD not in acts
    if words & _LOGIN_WORDS and not words & _NOT_SENDING and not new_password:
        if not authenticates and code:
            return LOGIN, "checks a one-time code", True
        if not authenticates and typed & {"client_secret", "clientsecret"}:
            # `client_id` and `client_secret` posted to a token route: OAuth's client credentials grant, a
            # secret checked as a password is.
            return LOGIN, "checks client credentials", True
        if not authenticates and sends:
            # `/login/` that mails a sign-in link: each request sends a message, and nothing checks a password.
            return MAIL, "sends mail or SMS", True
        return LOGIN, "checks credentials" if authenticates else "name says login/token", authenticates
    if SENDS_RESET in acts and not new_password:
        return RESET, "sends a password-reset token", True
    if words & _RESET_WORDS and not words & _NOT_SENDING and not new_password:
        return RESET, "sends a password-reset message" if sends else "name says password reset", sends
    if authenticates and AUTHENTICATES not in acts and _capability_parameter(path):
        # `/invite/{invite_code}` with a password field: the holder of the link sets a password, checks none.
        return WRITE, "sets a password for the holder of a link", True
    if authenticates and not words & {"change", "update", "set", "delete", "confirm", "complete", "done"}:
        if words & {"user", "users", "account", "accounts"} and words & {"create", "new", "add"}:
            return REGISTER, "creates an account with a password", True
        return LOGIN, "checks credentials" if AUTHENTICATES in acts else "reads a password", True
    if sends:
        return MAIL, "sends mail or SMS", True  # and checks the code it sent, if it does: a limit covers both
    if code:
        return LOGIN, "checks a one-time code", True
    if words & _MAIL_WORDS and (not words & _NOT_SENDING or "resend" in words):
        return MAIL, "name says it sends a message", False
    if hint:
        return hint, "state-changing", True
    return WRITE, "state-changing", True


# -- the model -----------------------------------------------------------------------------------


@dataclass
class Route:
    framework: str
    methods: tuple[str, ...]  # ("*",) when the view accepts any method
    path: str
    view: str  # the handler's dotted name
    file: str  # where the handler is defined
    line: int
    registered: str  # file:line of the registration
    category: str = READ
    reason: str = ""
    limit: str = ""  # what limits it, "" for nothing
    csrf: str = "n/a"  # how it is protected against CSRF
    csrf_missing: bool = False
    exempt_at: tuple[str, int] | None = None  # where a CSRF exemption is written
    api: bool = False
    app: str = ""
    handler: ViewFact | None = None
    session: bool = False
    misplaced: str = ""  # a limit decorator that does not apply (placed above the route decorator)
    deps: tuple[str, ...] = ()  # dependencies written at the registration (FastAPI `dependencies=[...]`)
    cls: str = ""  # the class-based view or viewset, if any
    evidence: bool = True  # the kind rests on what the view does, not only on its path or name
    served: bool = True  # an app or the production URL conf reaches it (False: a reusable, unmounted route)
    staff: bool = False  # only staff, admins or permission holders reach it
    signed_in: bool = False  # only signed-in users reach it: a login decorator, or a site-wide sign-in middleware
    url_name: str = ""  # the name templates reverse it by, when the registration gives one
    guarded_by: str = ""  # a CSRF middleware of the blueprint or group that holds the route
    changes: bool = False  # it deletes or writes a record, itself or through a project function named for that

    @property
    def state_changing(self) -> bool:
        return bool(set(self.methods) & STATE_CHANGING) or self.methods == ("*",) and self.category != READ

    def to_dict(self) -> dict:
        return {
            "methods": list(self.methods),
            "path": self.path,
            "view": self.view,
            "location": f"{self.file}:{self.line}",
            "registered": self.registered,
            "framework": self.framework,
            "kind": self.category,
            "why": self.reason,
            "rate_limit": self.limit or None,
            "csrf": self.csrf,
            "app": self.app,
        }


@dataclass
class App:
    framework: str  # the kind its routes are read as: a Quart app's is `flask`
    name: str
    file: str
    line: int
    title: str = ""  # its framework, for people: `Quart`
    csrf: str = ""  # app-wide protection, "" for none
    csrf_maybe: str = ""  # a protection installed on apps not known by name, which may include this one
    session: str = ""  # evidence of cookie authentication
    limiter: str = ""  # app-wide limiting, "" for none
    # every session cookie of the framework is SameSite=Lax or Strict by its own settings (Starlette's
    # SessionMiddleware unless `same_site="none"`): another site's POST arrives without it
    session_same_site: bool = False


@dataclass
class Model:
    routes: list[Route] = field(default_factory=list)
    apps: list[App] = field(default_factory=list)
    environments: list[Environment] = field(default_factory=list)
    forms: list[FormFact] = field(default_factory=list)
    views: dict[str, ViewFact] = field(default_factory=dict)
    classes: dict[str, ClassFact] = field(default_factory=dict)
    limiting: dict[str, str] = field(default_factory=dict)  # function → the rate-limit call in its body
    limits_anywhere: bool = False
    django: Environment | None = None  # the Django settings production runs with
    frameworks: set[str] = field(default_factory=set)
    csrf_protected_modules: set[str] = field(default_factory=set)
    converters: dict[str, str] = field(default_factory=dict)  # Flask URL converter name → its class
    #: DRF view classes whose authentication classes read no cookie: DRF checks no CSRF token for them.
    cookie_free_views: set[str] = field(default_factory=set)
    #: Project functions that read the request's session or cookies (a dependency, a login decorator).
    session_readers: set[str] = field(default_factory=set)
    #: Project functions that authenticate from the Authorization header (a token decorator).
    header_readers: set[str] = field(default_factory=set)
    #: Frameworks whose authentication backends, as the project makes them, all read a header (Litestar's
    #: `JWTAuth`): the user `request.user` names is not a cookie's.
    header_auth_frameworks: set[str] = field(default_factory=set)
    #: One model per app when a scan holds several apps (`app_roots`); this one then holds them all.
    parts: list[Model] = field(default_factory=list)

    def apps_apart(self) -> list[Model]:
        """The model of each app the scan holds: judgements that weigh a whole app are made per app."""
        return self.parts or [self]

    def url_parameter_is_text(self, view: str, name: str) -> bool:
        """Whether the view `view` (its dotted name; a class-based view's method) may get its URL parameter
        `name` as free text: some Flask rule or Django URL pattern routing to it leaves the parameter text,
        or none is known to route to it."""
        flask = [r for r in self.routes if r.framework == "flask" and r.handler is not None and r.handler.name == view]
        if flask:
            return any(self._flask_variable_is_text(route.path, name) for route in flask)
        django = [
            (r.handler.name if r.handler is not None else r.view, r) for r in self.routes if r.framework == "django"
        ]
        routes = [r for name, r in django if name == view] or [
            r for name, r in django if name.endswith("." + view) or view.endswith("." + name)
        ]  # another root
        return not routes or any(not _converted(route.path, name) for route in routes)

    def _flask_variable_is_text(self, path: str, name: str) -> bool:
        """Whether a Flask rule leaves its variable `name` text: Werkzeug's `string` and `path` do; `int`,
        `float`, `uuid` and `any` do not; a converter the project registers does unless its class admits no
        markup (see `ClassFact.plain_values`) or extends one of Werkzeug's number or UUID converters."""
        for match in _FLASK_VARIABLE.finditer(path):
            if match["name"] != name:
                continue
            converter = match["converter"] or "string"
            if converter in _FLASK_PLAIN_CONVERTERS:
                return False
            cls = self.classes.get(self.converters.get(converter, ""))
            seen = 0
            while cls is not None and seen < 8:
                if cls.plain_values or any(last(b) in _WERKZEUG_PLAIN_CONVERTERS for b in cls.bases):
                    return False
                cls = next((self.classes[b] for b in cls.bases if b in self.classes), None)
                seen += 1
            return True
        return True

    def templates_rendered(self) -> dict[str, list[Route]]:
        found: dict[str, list[Route]] = {}
        for route in self.routes:
            if route.handler is not None:
                for name in route.handler.templates:
                    found.setdefault(name, []).append(route)
        return found


def _with_project_callers(
    readers: set[str], views: dict[str, ViewFact], relays: Sequence[SessionRelay] = ()
) -> set[str]:
    """The session readers and the project functions named for who the user is that call one, in any module,
    to a fixed point: a decorator whose wrapper calls `current_user()` of another module, which reads the
    session cookie. A helper that reads the session on the way (`page()` showing who is signed in) does not
    make its callers act as that user."""
    readers = set(readers)
    calls = {name: view.calls for name, view in views.items()}
    for relay in relays:
        calls[relay.name] = (*calls.get(relay.name, ()), *relay.through)
    while True:
        more = {
            name
            for name, called in calls.items()
            if name not in readers and any(c in readers for c in called) and _named_for_identity(name)
        }
        # A decorator's wrapper (`auth.login_required.wrapper`) reads for the decorator.
        more |= {name.rsplit(".", 1)[0] for name in more | readers if name.rsplit(".", 1)[0] in views}
        more -= readers
        if not more:
            return readers
        readers |= more


#: Names of the function a decorator wraps its view in.
_WRAPPER_NAMES = frozenset(
    {"wrapper", "wrapped", "inner", "decorated", "decorator", "wrap", "_wrapper"}
    | {"dependency", "_dependency", "checker"}  # the dependency a FastAPI factory makes (`require_role("admin")`)
)


def _named_for_identity(name: str) -> bool:
    """`auth.current_user`, `auth.login_required.wrapper` (a decorator's wrapper goes by the decorator)."""
    parts = [p for p in name.split(".") if p]
    while len(parts) > 1 and parts[-1] in _WRAPPER_NAMES:
        parts.pop()
    # `require_role`, `has_permission`: a gate that asks what the signed-in user may do.
    return bool((IDENTITY_FUNCTION_WORDS | _GRANT_WORDS) & set(names.words(parts[-1]))) if parts else False


#: Words of a function that checks what the signed-in user holds.
_GRANT_WORDS = frozenset({"role", "roles", "permission", "permissions"})


def model_of(ctx: ProjectContext) -> Model:
    """The model of a project-stage context, built once and shared by the CSRF, RATE and CONF checks."""
    model = ctx.__dict__.get("_framework_model")
    if model is None:
        model = ctx.__dict__["_framework_model"] = build(ctx.facts, ctx.files)
    return model


def build(facts_of: FactsOf, files: Sequence[SourceFile] = ()) -> Model:
    """Assemble the model from `facts_of(kind) -> [(path, fact)]`; `files` are the scan's discovered files
    (`discovery.SourceFile`), where the roots of separate apps are found (see `app_roots`)."""
    roots = app_roots(facts_of, files)
    if len(roots) <= 1:
        return _Builder(facts_of).build()
    by_root: dict[str, dict[str, list[tuple[str, object]]]] = {}  # kind -> root -> its facts, in order

    def split(kind: str) -> dict[str, list[tuple[str, object]]]:
        """Each fact of a kind filed under its app once, not looked up again for every app."""
        if kind not in by_root:
            parts: dict[str, list[tuple[str, object]]] = {}
            for path, fact in facts_of(kind):
                parts.setdefault(root_of(path, roots), []).append((path, fact))
            by_root[kind] = parts
        return by_root[kind]

    models = []
    for root in roots:

        def of_root(kind: str, root: str = root) -> list[tuple[str, object]]:
            return split(kind).get(root, [])

        models.append(_Builder(of_root).build())
    return _merged(models)


#: Files that mark the root of an app or a package of its own.
_ROOT_MARKERS = frozenset({"manage.py", "setup.py", "setup.cfg", "pyproject.toml"})
#: Facts that make a directory an app: an app object or settings (URL confs and routes alone may be a
#: reusable app's, served by whichever app includes them).
_APP_FACTS = (OWNER, SETTINGS, SETTINGS_MODULE)


def app_roots(facts_of: FactsOf, files: Sequence[SourceFile]) -> list[str]:
    """The roots of the separate apps in one scan. A root is a directory holding a `manage.py`,
    `setup.py`, `setup.cfg` or `pyproject.toml`, or the directory its modules' imports start from
    (`bad/` for `bad/app/views.py` read as `app.views`), whose files define an app (an app object or
    settings). Two or more such roots (a `bad/` and a `good/` version of one app, several
    services) are modelled apart, so that one app's routes, limits, CSRF protection and settings never
    decide another's findings. Files under no such root belong to the scan's own root ("")."""
    if not files:
        return [""]
    candidates: set[str] = set()
    for file in files:
        directory, _, name = file.rel.rpartition("/")
        if name in _ROOT_MARKERS:
            candidates.add(directory)
        if file.kind == "python" and file.module_name:
            depth = file.module_name.count(".") + (2 if file.is_package else 1)
            candidates.add("/".join(file.rel.split("/")[:-depth]))
    marked = sorted(candidates - {""}, key=len)
    if not marked:
        return [""]
    defining = {
        root_of(path, marked)
        for kind in _APP_FACTS
        for path, fact in facts_of(kind)
        if kind != OWNER or getattr(fact, "kind", "") == "app"
    }
    roots = [root for root in marked if root in defining]
    if len(roots) < 2:
        return [""]
    return ["", *roots] if "" in defining else roots


def root_of(path: str, roots: list[str]) -> str:
    """The deepest root that holds the file, "" for none."""
    best = ""
    for root in roots:
        if root and path.startswith(root + "/") and len(root) > len(best):
            best = root
    return best


def _merged(models: list[Model]) -> Model:
    """One model holding every app's routes, apps, settings and forms, each built from its own app's facts."""
    merged = Model(parts=models)
    for model in models:
        merged.routes.extend(model.routes)
        merged.apps.extend(model.apps)
        merged.environments.extend(model.environments)
        merged.forms.extend(model.forms)
        for name, view in model.views.items():
            merged.views.setdefault(name, view)
        for name, cls in model.classes.items():
            merged.classes.setdefault(name, cls)
        merged.limiting.update(model.limiting)
        merged.limits_anywhere = merged.limits_anywhere or model.limits_anywhere
        merged.django = merged.django or model.django
        merged.frameworks |= model.frameworks
        merged.csrf_protected_modules |= model.csrf_protected_modules
        merged.converters.update(model.converters)
        merged.cookie_free_views |= model.cookie_free_views
        merged.session_readers |= model.session_readers
        merged.header_readers |= model.header_readers
        merged.header_auth_frameworks |= model.header_auth_frameworks
    merged.routes.sort(key=lambda r: (r.framework, r.path, [_METHOD_ORDER.get(x, 9) for x in r.methods], r.view))
    return merged


_LIBRARY_VIEWS: dict[str, tuple[tuple[str, ...], str]] = {
    "LoginView": (("GET", "POST"), LOGIN),
    "LogoutView": (("GET", "POST"), WRITE),
    "PasswordResetView": (("GET", "POST"), RESET),
    "PasswordResetConfirmView": (("GET", "POST"), WRITE),
    "PasswordChangeView": (("GET", "POST"), WRITE),
    "PasswordResetDoneView": (("GET",), READ),
    "PasswordResetCompleteView": (("GET",), READ),
    "PasswordChangeDoneView": (("GET",), READ),
    "SignupView": (("GET", "POST"), REGISTER),  # django-allauth's
    "PasswordResetFromKeyView": (("GET", "POST"), WRITE),  # django-allauth's: sets the new password
    "RegisterView": (("POST",), REGISTER),  # dj-rest-auth's: creates the user, mails the confirmation
    "VerifyEmailView": (("POST",), WRITE),  # dj-rest-auth's
    "ResendEmailVerificationView": (("POST",), MAIL),  # dj-rest-auth's
    "FormView": (("GET", "POST"), ""),
    "CreateView": (("GET", "POST"), ""),
    "UpdateView": (("GET", "POST"), ""),
    "DeleteView": (("GET", "POST"), ""),
    "TemplateView": (("GET",), ""),
    "ListView": (("GET",), ""),
    "DetailView": (("GET",), ""),
    "RedirectView": (("GET",), ""),
    "ObtainAuthToken": (("POST",), LOGIN),
    "TokenObtainPairView": (("POST",), LOGIN),
    "TokenObtainSlidingView": (("POST",), LOGIN),
    "TokenRefreshView": (("POST",), WRITE),
    "CreateAPIView": (("POST",), ""),
    "ListCreateAPIView": (("GET", "POST"), ""),
    "ListAPIView": (("GET",), ""),
    "RetrieveAPIView": (("GET",), ""),
    "UpdateAPIView": (("PUT", "PATCH"), ""),
    "DestroyAPIView": (("DELETE",), ""),
    "RetrieveUpdateAPIView": (("GET", "PUT", "PATCH"), ""),
    "RetrieveDestroyAPIView": (("GET", "DELETE"), ""),
    "RetrieveUpdateDestroyAPIView": (("GET", "PUT", "PATCH", "DELETE"), ""),
    # A GraphQL endpoint (Graphene's, Strawberry's) runs the mutations its schema has on a POST.
    "GraphQLView": (("GET", "POST"), WRITE),
    "AsyncGraphQLView": (("GET", "POST"), WRITE),
}
_ACTIONS = {
    "list": ("GET", False),
    "create": ("POST", False),
    "retrieve": ("GET", True),
    "update": ("PUT", True),
    "partial_update": ("PATCH", True),
    "destroy": ("DELETE", True),
}
_VIEWSET_ACTIONS = {
    "ModelViewSet": ("list", "create", "retrieve", "update", "partial_update", "destroy"),
    "ReadOnlyModelViewSet": ("list", "retrieve"),
    "CreateModelMixin": ("create",),
    "ListModelMixin": ("list",),
    "RetrieveModelMixin": ("retrieve",),
    "UpdateModelMixin": ("update", "partial_update"),
    "DestroyModelMixin": ("destroy",),
}
_HTTP = ("get", "post", "put", "patch", "delete")
#: Django's sign-in views that decorate their `dispatch` with `csrf_protect`: checked with or without the middleware.
_CSRF_PROTECTED_LIBRARY_VIEWS = frozenset({"LoginView", "LogoutView", "PasswordChangeView", "PasswordResetView"})

#: URL confs that libraries ship, included by the project (`include("django.contrib.auth.urls")`): their paths
#: and views, as the library defines them. Their routes are the project's, reported at the include line.
_AUTH_VIEWS = "django.contrib.auth.views."
_ALLAUTH_VIEWS = "allauth.account.views."
_REST_AUTH_VIEWS = "dj_rest_auth.views."
_LIBRARY_URLCONFS: dict[str, tuple[tuple[str, str], ...]] = {
    "django.contrib.auth.urls": (
        ("login/", _AUTH_VIEWS + "LoginView"),
        ("logout/", _AUTH_VIEWS + "LogoutView"),
        ("password_change/", _AUTH_VIEWS + "PasswordChangeView"),
        ("password_change/done/", _AUTH_VIEWS + "PasswordChangeDoneView"),
        ("password_reset/", _AUTH_VIEWS + "PasswordResetView"),
        ("password_reset/done/", _AUTH_VIEWS + "PasswordResetDoneView"),
        ("reset/<uidb64>/<token>/", _AUTH_VIEWS + "PasswordResetConfirmView"),
        ("reset/done/", _AUTH_VIEWS + "PasswordResetCompleteView"),
    ),
    # django-allauth's account pages (`include("allauth.urls")`), rate-limited by allauth itself unless
    # `ACCOUNT_RATE_LIMITS = False`.
    "allauth.urls": (
        ("login/", _ALLAUTH_VIEWS + "LoginView"),
        ("signup/", _ALLAUTH_VIEWS + "SignupView"),
        ("logout/", _ALLAUTH_VIEWS + "LogoutView"),
        ("password/change/", _ALLAUTH_VIEWS + "PasswordChangeView"),
        ("password/reset/", _ALLAUTH_VIEWS + "PasswordResetView"),
        ("password/reset/done/", _ALLAUTH_VIEWS + "PasswordResetDoneView"),
        ("password/reset/key/<uidb36>-<key>/", _ALLAUTH_VIEWS + "PasswordResetFromKeyView"),
    ),
    # dj-rest-auth's API endpoints (`include("dj_rest_auth.urls")`, `include("dj_rest_auth.registration.urls")`).
    "dj_rest_auth.urls": (
        ("password/reset/", _REST_AUTH_VIEWS + "PasswordResetView"),
        ("password/reset/confirm/", _REST_AUTH_VIEWS + "PasswordResetConfirmView"),
        ("login/", _REST_AUTH_VIEWS + "LoginView"),
        ("logout/", _REST_AUTH_VIEWS + "LogoutView"),
        ("password/change/", _REST_AUTH_VIEWS + "PasswordChangeView"),
    ),
    "dj_rest_auth.registration.urls": (
        ("", "dj_rest_auth.registration.views.RegisterView"),
        ("verify-email/", "dj_rest_auth.registration.views.VerifyEmailView"),
        ("resend-email/", "dj_rest_auth.registration.views.ResendEmailVerificationView"),
    ),
    # The browsable API's sign-in pages: Django's own login and logout views.
    "rest_framework.urls": (
        ("login/", _AUTH_VIEWS + "LoginView"),
        ("logout/", _AUTH_VIEWS + "LogoutView"),
    ),
}


#: The kinds of the routes a library's router serves (see `fastapi.LIBRARY_ROUTERS`), by the library's view.
LIBRARY_ROUTE_KINDS = {
    "fastapi_users.login": LOGIN,
    "fastapi_users.logout": WRITE,
    "fastapi_users.register": REGISTER,
    "fastapi_users.forgot_password": RESET,
    "fastapi_users.reset_password": WRITE,
    "fastapi_users.request_verify_token": MAIL,
    "fastapi_users.verify": WRITE,
}


def _admits_any_site(options: dict[str, object]) -> bool:
    r"""`allow_origin_regex=r"https://.*"`: a pattern another site's origin matches (one for the project's own
    subdomains, `https://.*\.example\.com`, does not)."""
    pattern = options.get("allow_origin_regex")
    if not isinstance(pattern, str):
        return False  # none, or read from settings: what it admits is not known here
    try:
        return re.fullmatch(pattern, "https://attacker.invalid") is not None
    except re.error:
        return False


def _dotted_path(file: str) -> str:
    """`app/urls.py` → `app.urls`."""
    return file.removesuffix(".py").replace("/", ".")


_Named = TypeVar("_Named", ViewFact, ClassFact)


def _with_namespace_names(facts: dict[str, _Named]) -> dict[str, _Named]:
    """The facts by name, and by the name their module has as part of a namespace package (PEP 420) where
    that is longer: `shop/views.py` with no `shop/__init__.py` is the module `views` when `shop/` is on the
    path, and `shop.views` when the directory above it is (`from shop import views` in a URL conf)."""
    named = dict(facts)
    for name, fact in facts.items():
        dotted = _dotted_path(fact.path)
        parts = dotted.split(".")
        for start in range(1, len(parts)):
            module = ".".join(parts[start:])
            if name.startswith(module + "."):
                named.setdefault(dotted + name[len(module) :], fact)
                break
    return named


#: Views libraries ship as functions made from their classes (`obtain_auth_token = ObtainAuthToken.as_view()`).
_LIBRARY_FUNCTION_VIEWS = {"rest_framework.authtoken.views.obtain_auth_token": "ObtainAuthToken"}
#: Library view classes that set `throttle_classes = ()`: DRF's default throttles do not apply to them.
_UNTHROTTLED_LIBRARY_VIEWS = frozenset({"ObtainAuthToken"})


def _drf_library_view(name: str) -> bool:
    """A DRF view a library ships, used as it is (`TokenObtainPairView.as_view()`): DRF's default throttles
    apply to it as to the project's own API views."""
    return name.startswith(("rest_framework.", "rest_framework_simplejwt.", "dj_rest_auth.", "djoser.", "knox."))


_METHOD_ORDER = {"*": 0, "GET": 1, "HEAD": 2, "POST": 3, "PUT": 4, "PATCH": 5, "DELETE": 6, "OPTIONS": 7}
#: Packages whose views are all Django REST framework views (throttles, authentication classes).
_DRF_PACKAGES = ("rest_framework", "dj_rest_auth", "rest_auth", "knox", "djoser", "rest_framework_simplejwt")
_DRF_MARKERS = ("APIView", "ViewSet", "GenericViewSet", "ModelViewSet", "ReadOnlyModelViewSet", "ViewSetMixin")
_HEADER_ONLY_AUTH = (
    "TokenAuthentication",
    "JWTAuthentication",
    "JSONWebTokenAuthentication",
    "BasicAuthentication",
    "JWTStatelessUserAuthentication",
    "KnoxTokenAuthentication",
)


class _Builder:
    def __init__(self, facts_of: FactsOf) -> None:
        self.f = facts_of
        self.model = Model()
        m = self.model
        m.views = _with_namespace_names({v.name: v for _, v in facts_of(VIEW)})
        m.classes = _with_namespace_names({c.name: c for _, c in facts_of(CLASS)})
        m.converters = {c.name: c.cls for _, c in facts_of(CONVERTER)}
        self.owners: dict[str, OwnerFact] = {o.name: o for _, o in facts_of(OWNER)}
        for _, instance in facts_of(INSTANCE):
            owner = self._owner_made_by_subclass(instance)
            if owner is not None:
                self.owners.setdefault(owner.name, owner)
        aliases = {x.name: x.target for _, x in facts_of(ALIAS)}
        aliases.update(_passed(facts_of))
        #: Blueprints whose `before_request` hook admits only staff.
        self.gated = {_resolved(x.owner, aliases) for _, x in facts_of(GATE)}
        self.exempted = {_resolved(x.owner, aliases): (x.file, x.line) for _, x in facts_of(CSRF_EXEMPT_TARGET)}
        self.excluded_paths: list[ExcludedPathFact] = [x for _, x in facts_of(CSRF_EXCLUDED_PATH)]
        #: Project functions that send mail or a text message.
        self.sending = _closure([x for _, x in facts_of(SENDING)])
        #: Project functions named for deleting, revoking or cancelling that write to a store.
        self.destroying = _closure([x for _, x in facts_of(DESTROYING)])
        self.session_readers = self.model.session_readers = _with_project_callers(
            {x for _, x in facts_of(SESSION_READER) if isinstance(x, str)},
            m.views,
            [x for _, x in facts_of(SESSION_READER) if isinstance(x, SessionRelay)],
        )
        self.model.header_readers = {x for _, x in facts_of(HEADER_READER) if isinstance(x, str)}
        backends = [x for _, x in facts_of(AUTH_BACKEND) if isinstance(x, tuple)]
        self.model.header_auth_frameworks = {f for f, _ in backends} - {f for f, cookie in backends if cookie}
        # `request.subscriber`, set by a middleware of the project from a cookie: who the cookie names.
        identity_attrs = {x for _, x in facts_of(REQUEST_IDENTITY) if isinstance(x, str)}
        if identity_attrs:
            for name, view in list(m.views.items()):
                if not view.identity and identity_attrs & set(view.request_attrs):
                    m.views[name] = replace(view, identity=True)
        # `for table in ROUTE_TABLES: app.router.add_routes(table)` with the list in another module: each item.
        sequences = {x.name: x.items for _, x in facts_of(SEQUENCE)}
        mounts = [
            replace(x, child=item)
            for _, x in facts_of(MOUNT)
            for item in (
                sequences.get(x.child.removesuffix(EACH_ITEM), ()) if x.child.endswith(EACH_ITEM) else (x.child,)
            )
        ]
        self.mounts: list[MountFact] = [
            replace(x, parent=_resolved(x.parent, aliases), child=_resolved(x.child, aliases)) for x in mounts
        ]
        self.route_facts: list[RouteFact] = _joined_by_name(
            [replace(x, owner=_resolved(x.owner, aliases)) for _, x in facts_of(ROUTE)],
            [x for _, x in facts_of(NAMED_VIEW)],
        )
        self.limiters: list[LimiterFact] = [x for _, x in facts_of(LIMITER)]
        self.targets: list[LimitTargetFact] = [x for _, x in facts_of(LIMIT_TARGET)]
        self.middleware: list[MiddlewareFact] = [x for _, x in facts_of(MIDDLEWARE)]
        self.protections: list[ProtectionFact] = [x for _, x in facts_of(PROTECTION)]
        self.protections += [p for _, x in facts_of(INSTANCE) if (p := self._protection_by_subclass(x)) is not None]
        self.factories: dict[str, tuple[str, ...]] = {x.function: x.makes for _, x in facts_of(FACTORY)}
        self.sessions: list[SessionFact] = [x for _, x in facts_of(SESSION)]
        m.limiting = {
            x.name: f"{x.what} in {last(x.name.rsplit('.', 1)[0]) + '.' if '.' in x.name else ''}"
            f"{last(x.name)} ({x.file}:{x.line})"
            for _, x in facts_of(LIMITING)
        }
        # A parameter annotated with `CurrentUser = Annotated[User, Depends(get_current_user)]` imported from
        # another module: the route depends on what that alias names.
        self.dependency_aliases = {alias.name for _, alias in facts_of(DEPENDENCY_ALIAS)}
        for _, alias in facts_of(DEPENDENCY_ALIAS):
            if alias.target in m.views:
                m.views.setdefault(alias.name, m.views[alias.target])
            if alias.target in m.limiting:
                m.limiting.setdefault(alias.name, m.limiting[alias.target])
            if alias.target in self.session_readers:
                self.session_readers.add(alias.name)
        self.serving = True  # whether the routes being added are reached from the production URL conf
        self._owner_deps: dict[str, tuple[str, ...]] = {}  # `_chain_deps` of each owner, once
        self.claimed: dict[str, tuple[str, int]] = {}  # Django: the pattern that answers each path, by file and line
        self._gate: tuple[str, ...] | None = None  # see `_sign_in_gate`
        self._gate_read = False
        m.forms = [x for _, x in facts_of(FORM)]
        modules = {x.module for _, x in facts_of(SETTINGS_MODULE)}
        units = settings_units(facts_of(SETTINGS), modules)
        m.environments = environments(units)

    # -- settings --

    def _django_environment(self) -> Environment | None:
        django = [
            e
            for e in self.model.environments
            if not e.unit.is_class
            and ":app.config" not in e.name
            and (e.get("INSTALLED_APPS") or e.get("MIDDLEWARE") or e.get("ROOT_URLCONF"))
        ]
        production = [e for e in django if e.production]
        return production[0] if production else django[0] if django else None

    def _setting(self, name: str) -> object:
        env = self.model.django
        value = env.get(name) if env else None
        return value.value if value else None

    def build(self) -> Model:
        m = self.model
        m.django = self._django_environment()
        self._apps()
        for fact in self.route_facts:
            if known.routed_by_objects(fact.framework) and not fact.include:
                self._decorated(fact)
        self._django_routes()
        for route in m.routes:
            self._protect(route)
        m.routes.sort(key=lambda r: (r.framework, r.path, [_METHOD_ORDER.get(x, 9) for x in r.methods], r.view))
        m.limits_anywhere = self._limits_anywhere()
        m.cookie_free_views = {
            c.name for c in m.classes.values() if self._is_drf(c) and self._drf_csrf(c)[0].startswith("n/a")
        }
        m.frameworks = {r.framework for r in m.routes} | {a.framework for a in m.apps}
        if m.django is not None:
            m.frameworks.add("django")
        return m

    # -- apps --

    def _apps(self) -> None:
        for owner in self.owners.values():
            if owner.kind != "app":
                continue
            record = known.record(owner.framework)
            kind = record.kind if record else owner.framework
            app = App(kind, owner.name, owner.file, owner.line, record.title if record else kind)
            app.csrf = self._app_csrf(owner, kind)
            # `for m in MODULES: m.app.install(CsrfPlugin())`: installed on apps a loop reaches, maybe this one.
            app.csrf_maybe = next(
                (
                    f"{p.library} ({p.file}:{p.line})"
                    for p in self.protections
                    if p.library.startswith(BOTTLE_PLUGIN) and p.name == ANY_CHILD
                ),
                "",
            )
            app.session = self._app_session(kind)
            app.session_same_site = self._sessions_same_site(kind)
            app.limiter = self._app_limiter(owner, kind)
            self.model.apps.append(app)

    def _app_csrf(self, owner: OwnerFact, kind: str) -> str:
        if kind == "flask":
            initialised = {p.name for p in self.protections if p.library == "init_app"}
            for p in self.protections:
                if p.library.startswith(BOTTLE_PLUGIN):
                    if p.name == owner.name:
                        return p.library  # a plugin wraps the routes of the app it is installed on
                    continue
                # An `init_app` on an extension the code looks up at run time may be this one's.
                if p.library != "init_app" and (p.line or p.name in initialised or ANY_CHILD in initialised):
                    return p.library
            return ""
        for protection in self.protections:
            if protection.name == owner.name and protection.line:  # `Litestar(csrf_config=...)`
                return protection.library
            if protection.line and self._included_in(protection.name, owner.name):
                return protection.library  # Pyramid's `config.include(".security")`, whose `includeme` turns it on
            if kind == "tornado" and protection.library == "xsrf_cookies" and protection.name == ANY_CHILD:
                return protection.library  # a settings dict kept for the app another module makes
        for mw in self.middleware:
            if self._csrf_middleware(mw) and mw.owner in (owner.name, ""):
                return last(mw.name)
        return ""

    def _included_in(self, child: str, app: str) -> bool:
        """`child` (an `includeme` that configures the app) is mounted in the app, directly or through others."""
        parents, seen = [child], set()
        while parents:
            current = parents.pop()
            if current == app:
                return True
            seen.add(current)
            parents.extend(m.parent for m in self.mounts if m.child == current and m.parent not in seen)
        return False

    def _csrf_middleware(self, mw: MiddlewareFact) -> bool:
        """A middleware named for CSRF, unless it is a class of the project that turns no request away."""
        cls = self.model.classes.get(mw.name)
        return "csrf" in mw.name.lower() and not (cls is not None and cls.passes_every_request)

    def _sessions_same_site(self, framework: str) -> bool:
        """Every piece of cookie-session evidence of the framework is Starlette's SessionMiddleware, whose
        cookie is SameSite=Lax unless its `same_site` option says otherwise."""
        sessions = [s for s in self.sessions if s.framework == framework]
        middleware = [mw for mw in self.middleware if last(mw.name) == "SessionMiddleware"]
        return (
            bool(sessions)
            and bool(middleware)
            and all(s.what == "SessionMiddleware" for s in sessions)
            and all(str(dict(mw.options).get("same_site", "lax")).lower() in ("lax", "strict") for mw in middleware)
        )

    def _app_session(self, framework: str) -> str:
        # A FastAPI app is a Starlette app: a helper module that sets the cookie with Starlette's response
        # alone (`from starlette.responses import Response`) sets it for the FastAPI app.
        frameworks = (framework, "starlette") if framework == "fastapi" else (framework,)
        for s in self.sessions:
            if s.framework in frameworks:
                return f"{s.what} ({s.file}:{s.line})"
        return ""

    def _app_limiter(self, owner: OwnerFact, kind: str) -> str:
        if owner.limits:
            return owner.limits[0]
        for mw in self.middleware:
            if _limit_middleware(mw.name):
                return last(mw.name)
        if kind == "flask":
            for limiter in self.limiters:
                if limiter.library in known.family_union("flask", "limits") and limiter.defaults:
                    return f"{limiter.library} default_limits"
            for env in self.model.environments:
                for key in ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION"):
                    value = env.get(key)
                    if value and value.value:
                        return f"{key} (flask-limiter)"
        if kind in ("fastapi", "starlette"):
            slowapi_mw = any(last(mw.name) in ("SlowAPIMiddleware", "SlowAPIASGIMiddleware") for mw in self.middleware)
            for limiter in self.limiters:
                if limiter.library == "slowapi" and limiter.defaults and slowapi_mw:
                    return "slowapi default_limits"
        return ""

    def _app_for(self, framework: str, chain_app: str) -> App | None:
        apps = [a for a in self.model.apps if a.framework == framework]
        for app in apps:
            if app.name == chain_app:
                return app
        return apps[0] if apps else None

    # -- Flask / FastAPI --

    def _chains(self, owner: str, depth: int = 0) -> Iterator[tuple[str, tuple[str, ...], str]]:
        """(prefix, limits, app) for every way an owner is reached from an app."""
        fact = self.owners.get(owner)
        own_prefix = fact.prefix if fact else ""
        own_limits = fact.limits if fact else ()
        mounted = any(m.child == owner for m in self.mounts)  # an aiohttp sub-app is an app mounted in another
        if fact is not None and fact.kind == "app" and not mounted or depth > 10:
            yield "", own_limits, owner
            return
        mounts = [m for m in self.mounts if m.child == owner and known.routed_by_objects(m.framework)]
        if not mounts and fact is not None and fact.kind != "app":
            # An app that registers the blueprints it finds at run time may serve any one no mount names.
            found = [m for m in self.mounts if m.child == ANY_CHILD and m.framework == fact.framework]
            mounts = list({(m.parent, m.prefix, m.limits): m for m in found}.values())
        if not mounts:
            yield own_prefix, own_limits, ""
            return
        for mount in mounts:
            if getattr(known.record(mount.framework), "mount_prefix", "") == "replace":
                local = own_prefix if mount.prefix == "\0" else mount.prefix
            else:
                local = mount.prefix + own_prefix
            for prefix, limits, app in self._chains(mount.parent, depth + 1):
                yield _join(prefix, local), (*limits, *mount.limits, *own_limits), app

    def _decorated(self, fact: RouteFact) -> None:
        view = self.model.views.get(fact.view)
        cls = self.model.classes.get(fact.view)
        for prefix, limits, app_name in dict.fromkeys(self._chains(fact.owner)):
            self.serving = bool(app_name)  # a router or blueprint no app mounts is served only where it is mounted
            path = _join(prefix, fact.path)
            app = self._app_for(fact.framework, app_name)
            if cls is not None:
                handlers = self._responders(cls, fact.suffix) if fact.framework == "falcon" else None
                for verb, handler in handlers or self._class_handlers(cls):
                    if fact.methods and verb not in fact.methods:
                        continue
                    self._add(fact, path, (verb,), handler, cls, limits, app)
                continue
            methods = fact.methods or (view.methods if view else ()) or ("GET",)
            self._add(fact, path, methods, view, None, limits, app, hint=LIBRARY_ROUTE_KINDS.get(fact.view, ""))
        self.serving = True

    def _add(
        self,
        fact: RouteFact,
        path: str,
        methods: tuple[str, ...],
        view: ViewFact | None,
        cls: ClassFact | None,
        chain_limits: tuple[str, ...],
        app: App | None,
        hint: str = "",
        action: str = "",
    ) -> Route:
        # A Django editing view's POST runs its `form_valid()` (see `_class_handlers`): the class is the route.
        shown = None if view is not None and cls is not None and view.name.endswith(".form_valid") else view
        name = shown.name if shown else (cls.name if cls else fact.view)
        if action and view is None:
            name = f"{name} ({action})"
        file, line = (shown.path, shown.line) if shown else (cls.path, cls.line) if cls else (fact.file, fact.line)
        route = Route(
            fact.framework,
            tuple(methods),
            path or "/",
            name,
            file,
            line,
            f"{fact.file}:{fact.line}",
            handler=view,
            app=app.name if app else "",
            deps=(*(getattr(fact, "deps", ()) or ()), *self._chain_deps(fact.owner)),
            url_name=fact.url_name,
        )
        fields = set(view.reads) if view else set()
        typed = set(view.reads) if view else set()  # read from the request itself, not a model's
        acts = set(view.acts) if view else set()
        if view is not None and any(name in self.destroying for name in view.calls):
            # `keys_service.revoke_key(session, key_id)`: a project function named for revoking, which writes.
            acts.add(CHANGES_DATA)
        used = list(view.models) if view else []
        for delegate in self._delegates(view):
            # `return login(request)` in a view that dispatches on the method: it does what `login` does.
            fields.update(delegate.reads)
            typed.update(delegate.reads)
            # A GET's changes are its own body's; a dependency that authenticates the caller (`Depends(
            # get_current_user)`) is the route's gate, not a sign-in the route offers.
            dropped = {CHANGES_DATA, SAVES_DATA}
            if view is not None and delegate.name in view.dependencies:
                dropped |= {AUTHENTICATES, SIGNS_IN, CHECKS_ONE_TIME_CODE, VERIFIES_IDENTITY_TOKEN}
            acts.update(a for a in delegate.acts if a not in dropped)
            used.extend(delegate.models)
        if cls is not None:
            for key in ("serializer_class", "form_class"):
                value = self._attribute(cls, key)
                if isinstance(value, str):
                    used.append(value)
        for model_name in used:
            fields.update(self._fields(model_name))
            # A class of the project's is known by its own fields and by the framework forms it builds on, not
            # by the name it may share with one (its `PasswordResetForm` may set a password, not send a link).
            own = self.model.classes.get(model_name)
            for base in [b for b in self._ancestry(own) if isinstance(b, str)] if own else [model_name]:
                form = library_form(base)
                if form:
                    fields.update(_PASSWORD_FORMS.get(form, ()))
                    if form in _FORM_ACTS:
                        acts.add(_FORM_ACTS[form])
        verbs = set(methods)
        if methods == ("*",):
            verbs = {"POST"} if view is not None and (view.writes or view.methods) else set()
            if view is not None and not verbs and not view.asks_method and CHANGES_DATA in view.acts:
                # Serves any method, never reads a body nor asks which method came, and deletes or writes:
                # it does so on GET, which no CSRF check covers.
                verbs = {"GET"}
        elif (
            "GET" in verbs
            and view is not None
            and not view.writes
            and not view.asks_method
            and not view.methods
            and CHANGES_DATA in view.acts
        ):
            # Declared for GET and POST, but never reads a body nor asks which method came, and deletes or
            # writes: it does so on GET as well, which no CSRF check covers.
            verbs = {"GET"}
        if not verbs & STATE_CHANGING and view is not None and (view.writes or view.asks_method):
            # One view for GET and POST (`if request.method == "GET": ... else: obj.delete()`): what it
            # changes is taken to be for the POST.
            acts -= {CHANGES_DATA, SAVES_DATA}
        route.category, route.reason, route.evidence = classify(
            path, name if not action else f"{name}.{action}", verbs, fields, self._sends(view), hint, acts, typed
        )
        route.changes = CHANGES_DATA in acts
        # `dependencies=[Depends(user_api_key_auth)]` at the registration: only authenticated callers get in.
        route.signed_in = (
            bool(view is not None and view.signed_in)
            or self._behind_sign_in_gate(fact, path, view, cls, hint)
            or self._drf_signed_in_only(cls, view)
            or any(names_authenticated_caller(last(dep)) for dep in route.deps)
        )
        if route.category == LOGIN and route.evidence and route.signed_in and AUTHENTICATES not in acts:
            # `@login_required` and a password read: the caller signed in already; the password is for
            # something else (a database server to connect to, a setting), not a way in.
            route.category, route.reason = WRITE, "reads a password from a user already signed in"
        if route.category == REGISTER and route.signed_in and hint != REGISTER:
            # Only signed-in users reach it: a member or an administrator adds an account; nobody signs up.
            route.category, route.reason = WRITE, "creates a user for a caller already signed in"
        if route.category == REGISTER and view is not None and view.header_auth and not view.session:
            # The caller presents a credential in the Authorization header: an identity provider or an admin
            # client provisions the account; no anonymous visitor signs up here.
            route.category, route.reason = WRITE, "creates a user for a caller that authenticates by header"
        route.served = self.serving
        if view is not None and view.switched_by and route.category in (LOGIN, RESET, MAIL, REGISTER):
            # The view refuses unless a project setting switches the feature on; settings secpat does not
            # evaluate, so whether production serves it is not known: audit only.
            route.evidence, route.reason = False, f"{route.reason}, only when {view.switched_by[0]} is on"
        # Library auth views are public; a blueprint's staff-only `before_request` hook guards all its routes.
        route.staff = hint not in (LOGIN, RESET, REGISTER) and self._staff(view, cls) or fact.owner in self.gated
        framework = known.record(fact.framework)
        route.api = (
            bool(framework and framework.api_by_default)
            or bool(view and (view.json or view.drf))
            or "/api" in path
            or (cls is not None and self._is_drf(cls))
        )
        route.limit = self._limit(fact, route, view, cls, chain_limits, app, action) or self._limit_in_flow(
            view, cls, used
        )
        route.session = bool(view and view.session)
        route.misplaced = fact.limit_misplaced
        route.exempt_at = (fact.file, fact.csrf_exempt) if fact.csrf_exempt else self._exempted(fact)
        route.guarded_by = self._router_csrf(fact.owner)
        if route.exempt_at is None and cls is not None and fact.framework not in ("django", "tornado"):
            # `@csrf_exempt` on a resource class, `csrf_exempt = True` (a Tornado handler's own `check_xsrf_cookie`
            # is judged with its class, as Django's class-based views are).
            route.exempt_at = self._class_exempt(cls)
        route.cls = cls.name if cls else ""
        self.model.routes.append(route)
        return route

    def _router_csrf(self, owner: str) -> str:
        """A middleware named for CSRF on the blueprint or group that holds the route, or one it is mounted in
        (`site = Blueprint.group(auth.bp, ...)`, `site.middleware(csrf_check, "request")`)."""
        owners, seen = [owner], set()
        while owners:
            current = owners.pop()
            seen.add(current)
            if self.owners.get(current) is not None and self.owners[current].kind == "app":
                continue  # the app's own middleware is the app's protection
            guard = next((mw for mw in self.middleware if mw.owner == current and self._csrf_middleware(mw)), None)
            if guard is not None:
                return last(guard.name)
            owners.extend(m.parent for m in self.mounts if m.child == current and m.parent not in seen)
        return ""

    def _chain_deps(self, owner: str) -> tuple[str, ...]:
        """The dependencies every route of an owner runs: its router's or app's own (`APIRouter(dependencies=
        [Depends(get_current_user)])`), and those given where it is included, up to its app."""
        known = self._owner_deps.get(owner)
        if known is not None:
            return known
        found: dict[str, None] = {}
        owners, seen = [owner], set()
        while owners:
            current = owners.pop()
            seen.add(current)
            fact = self.owners.get(current)
            found.update(dict.fromkeys(fact.deps if fact is not None else ()))
            if fact is not None and fact.kind == "app":
                continue  # an app mounted in another (`app.mount("/box", box_app)`) runs its own dependencies only
            for mount in self.mounts:
                if mount.child == current and mount.parent not in seen:
                    found.update(dict.fromkeys(mount.deps))
                    owners.append(mount.parent)
        self._owner_deps[owner] = tuple(found)
        return self._owner_deps[owner]

    def _exempted(self, fact: RouteFact) -> tuple[str, int] | None:
        """Where `csrf.exempt(...)` exempts the route's view, its blueprint or a blueprint it is mounted in."""
        if not self.exempted:
            return None
        if fact.view in self.exempted:
            return self.exempted[fact.view]
        owners, seen = [fact.owner], set()
        while owners:
            owner = owners.pop()
            if owner in self.exempted:
                return self.exempted[owner]
            seen.add(owner)
            owners.extend(m.parent for m in self.mounts if m.child == owner and m.parent not in seen)
        return None

    def _behind_sign_in_gate(
        self, fact: RouteFact, path: str, view: ViewFact | None, cls: ClassFact | None, hint: str
    ) -> bool:
        """A Django route that a sign-in middleware in `MIDDLEWARE` closes to visitors: every route but the
        ones it lets through by URL name or path, those marked `@login_not_required`, and the library's own
        sign-in, reset and sign-up views."""
        if fact.framework != "django" or hint in (LOGIN, RESET, REGISTER):
            return False
        if (view is not None and view.public) or (cls is not None and cls.public):
            return False
        gate = self._sign_in_gate()
        if gate is None:
            return False
        plain = path.strip("/")
        return not any(_lets_through(text, fact.url_name, plain) for text in gate)

    def _sign_in_gate(self) -> tuple[str, ...] | None:
        """What the sign-in middleware in `MIDDLEWARE` lets through, or None when there is none."""
        if self._gate_read:
            return self._gate
        self._gate_read = True
        middleware = self._setting("MIDDLEWARE")
        for name in middleware if isinstance(middleware, (list, tuple)) else ():
            cls = self.model.classes.get(name) if isinstance(name, str) else None
            if name == LOGIN_REQUIRED_MIDDLEWARE:
                self._gate = (*(self._gate or ()),)
            elif cls is not None and cls.sign_in_gate is not None:
                if any(_ALLOW_LIST_SETTING.search(text) for text in cls.sign_in_gate if text.startswith("settings.")):
                    # It lets through what a project setting lists, which secpat does not read: any route
                    # may be open to visitors.
                    self._gate = None
                    break
                self._gate = (*(self._gate or ()), *(t for t in cls.sign_in_gate if not t.startswith("settings.")))
        return self._gate

    def _uses_session(self, view: ViewFact) -> bool:
        """The view reads the cookie session, itself or through a dependency or function it calls."""
        return view.session or any(name in self.session_readers for name in view.calls)

    def _sends(self, view: ViewFact | None) -> bool:
        """The view sends mail or a text message, itself or through a project function it calls."""
        return view is not None and (view.sends or any(name in self.sending for name in view.calls))

    def _staff(self, view: ViewFact | None, cls: ClassFact | None) -> bool:
        """Only staff, admins or permission holders reach the route: a decorator, a permission mixin, or DRF
        permission classes (the view's own or the project default) that check more than being logged in."""
        if view is not None and view.staff:
            return True
        if cls is None:
            return False
        for item in self._ancestry(cls):
            name = item.name if isinstance(item, ClassFact) else item
            if is_staff_gate(name) and "Mixin" in last(name) or last(name) in ("AdminView", "StaffView"):
                return True
        if not self._is_drf(cls):
            return False
        classes = self._attribute(cls, "permission_classes")
        if not isinstance(classes, tuple):
            classes = self._drf_default("DEFAULT_PERMISSION_CLASSES")
        return isinstance(classes, (list, tuple)) and any(
            isinstance(c, str) and self._permission_gate(c) for c in classes
        )

    def _drf_signed_in_only(self, cls: ClassFact | None, view: ViewFact | None) -> bool:
        """A DRF view class whose own `permission_classes` start with `IsAuthenticated` (or `...OrReadOnly`,
        closed to visitors for what changes data), unless the method's `@action` says otherwise."""
        if cls is None or not self._is_drf(cls):
            return False
        if view is not None and view.public:
            return False  # `@action(permission_classes=[AllowAny])`: the method's own list decides
        classes = self._attribute(cls, "permission_classes")
        return isinstance(classes, tuple) and any(
            isinstance(c, str) and last(c).startswith("IsAuthenticated") for c in classes
        )

    def _permission_gate(self, name: str) -> bool:
        """`IsAdminUser`, or a project permission class (or one it derives from) that admits only some users."""
        if is_staff_gate(name):
            return True
        cls = self.model.classes.get(name)
        return cls is not None and any(isinstance(c, ClassFact) and c.permission_gate for c in self._ancestry(cls))

    def _drf_default(self, key: str) -> object:
        """A REST_FRAMEWORK default: from the production settings, else from the settings that set it."""
        for env in [self.model.django, *self.model.environments]:
            value = env.get("REST_FRAMEWORK") if env is not None else None
            if value is not None and isinstance(value.value, dict) and key in value.value:
                return value.value[key]
        return None

    def _limit_in_flow(self, view: ViewFact | None, cls: ClassFact | None, used: list[str]) -> str:
        """A limit the view applies through what it calls: a project function or decorator, a method of its
        own class, or a form or serializer whose methods (`clean()`) call a rate limiter."""
        limiting = self.model.limiting
        if not limiting:
            return ""
        owners = set(used)
        owners.update(view.calls if view else ())  # a function, or a decorator whose inner wrapper limits
        if cls is not None:
            owners.update(item.name for item in self._ancestry(cls) if isinstance(item, ClassFact))
        for owner in owners:
            found = self.model.classes.get(owner)
            chain = [c.name for c in self._ancestry(found) if isinstance(c, ClassFact)] if found else [owner]
            for name in chain:
                for function, what in limiting.items():
                    if function == name or function.startswith(name + "."):
                        return what
        return ""

    def _fields(self, class_name: str, depth: int = 0) -> set[str]:
        cls = self.model.classes.get(class_name)
        if cls is None or depth > 5:
            return set()
        found = set(cls.fields)
        meta_fields = dict(cls.attributes).get("fields")
        if isinstance(meta_fields, tuple):
            found.update(str(f) for f in meta_fields)
        for base in cls.bases:
            found |= self._fields(base, depth + 1)
        return found

    # -- Django --

    def _django_routes(self) -> None:
        by_conf: dict[str, list[RouteFact]] = {}
        for fact in self.route_facts:
            if fact.framework == "django":
                by_conf.setdefault(fact.owner, []).append(fact)
        if not by_conf:
            return
        included = {f.include for facts in by_conf.values() for f in facts if f.include}
        root = self._setting("ROOT_URLCONF")
        if isinstance(root, str) and root not in by_conf:
            # `core.urls` when the package directory itself is on the path: the conf `label.core.urls`; and
            # `app.urls` for a conf named `urls` because `app/` has no `__init__.py` (a namespace package).
            root = next(
                (
                    conf
                    for conf in sorted(by_conf)
                    if conf.endswith("." + root)
                    or any(_dotted_path(f.file) in (root, "src." + root) for f in by_conf[conf][:1])
                ),
                root,
            )
        roots = [root] if isinstance(root, str) and root in by_conf else []
        # A list of patterns kept under its own name is served where a conf includes it, never as a root.
        roots += [c for c in sorted(by_conf) if c not in included and c not in roots and django.NAMED_LIST not in c]
        app = App("django", "django", "", 0)
        # No settings naming a ROOT_URLCONF inside the project (none at all, or a project template's placeholder,
        # the deploying site's module) mean these URL confs belong to a reusable app, served only where a site
        # includes them. URL lists are often joined at run time, so reachability from a root inside the project
        # is not judged.
        self.serving = isinstance(root, str) and root in by_conf
        for conf in roots:
            self.claimed = {}
            self._urlconf(by_conf, conf, "", app, set())
        self.serving = True

    def _first_to_claim(self, path: str, fact: RouteFact) -> bool:
        """Django answers a path with the first pattern that matches it, whatever the method: a later pattern
        of the same path (`include("django.contrib.auth.urls")` after the site's own `accounts/login/`) is
        never reached."""
        return self.claimed.setdefault(path, (fact.file, fact.line)) == (fact.file, fact.line)

    def _urlconf(self, by_conf: dict[str, list[RouteFact]], conf: str, prefix: str, app: App, seen: set[str]) -> None:
        if conf in seen:
            return
        for fact in by_conf.get(conf, []):
            path = prefix + fact.path
            if fact.include:
                listed = django.NAMED_LIST.join(fact.include.rsplit(".", 1))  # `accounts.urls.api_urlpatterns`
                if fact.include in by_conf:
                    self._urlconf(by_conf, fact.include, path, app, seen | {conf})
                elif listed in by_conf:
                    self._urlconf(by_conf, listed, path, app, seen | {conf})
                elif fact.include in _LIBRARY_URLCONFS:
                    for sub_path, view in _LIBRARY_URLCONFS[fact.include]:
                        if self._first_to_claim("/" + path + sub_path, fact):
                            self._django_view(replace(fact, view=view, include=""), "/" + path + sub_path, app)
                else:
                    self._router(fact, fact.include, path, app)
                continue
            if self._first_to_claim("/" + path, fact):
                self._django_view(fact, "/" + path, app)

    def _router(self, fact: RouteFact, router: str, prefix: str, app: App) -> None:
        for mount in self.mounts:
            if mount.parent != router:
                continue
            cls = self.model.classes.get(mount.child)
            base = "/" + prefix + mount.prefix.strip("^$").strip("/")
            if cls is None:
                continue
            for action, verb, detail, url_path in self._viewset_actions(cls):
                path = base + ("/{pk}" if detail else "") + (f"/{url_path}" if url_path else "") + "/"
                handler = self._method_view(cls, action)
                self._add(fact, path, (verb,), handler, cls, (), app, action=action)

    def _django_view(self, fact: RouteFact, path: str, app: App) -> None:
        cls = self.model.classes.get(fact.view)
        shipped = _LIBRARY_FUNCTION_VIEWS.get(fact.view, last(fact.view))
        if cls is None and fact.view not in self.model.views and shipped in _LIBRARY_VIEWS:
            verbs, hint = _LIBRARY_VIEWS[shipped]  # `auth_views.LoginView.as_view()` used directly
            for verb in verbs:
                route = self._add(fact, path, (verb,), None, None, (), app, hint=hint)
                route.exempt_at = (fact.file, fact.csrf_exempt) if fact.csrf_exempt else None
            return
        if cls is None:
            view = self.model.views.get(fact.view)
            methods = fact.methods or (view.methods if view else ()) or self._wrapped_methods(view) or ("*",)
            route = self._add(fact, path, methods, view, None, (), app)
            route.exempt_at = (
                (fact.file, fact.csrf_exempt)
                if fact.csrf_exempt
                else (view.path, view.csrf_exempt)
                if view and view.csrf_exempt
                else None
            )
            return
        if fact.action_map:
            for verb, action in fact.action_map:
                self._add(fact, path, (verb,), self._method_view(cls, action), cls, (), app, action=action)
            return
        hint = self._library_hint(cls)
        for verb, handler in self._class_handlers(cls):
            route = self._add(fact, path, (verb,), handler, cls, (), app, hint=hint)
            exempt = self._class_exempt(cls)
            route.exempt_at = (fact.file, fact.csrf_exempt) if fact.csrf_exempt else exempt

    # -- classes --

    def _validates_token_form(self, view: ViewFact) -> bool:
        """The view validates a form whose class checks a CSRF token: a Flask-WTF `FlaskForm` (or Quart-WTF
        `QuartForm`) subclass that does not switch the check off. Its `validate()` fails without the token."""
        return any(
            all(self._token_form(name) for name in self.factories.get(maker, (maker,))) for maker in view.validated
        )

    def _token_form(self, name: str) -> bool:
        cls = self.model.classes.get(name)
        if cls is None:
            return False
        ancestry = list(self._ancestry(cls))
        return not any(isinstance(c, ClassFact) and c.meta_csrf_off for c in ancestry) and any(
            isinstance(b, str) and b.startswith(_TOKEN_FORM_PACKAGES) and last(b) in _TOKEN_FORMS for b in ancestry
        )

    def _delegates(self, view: ViewFact | None) -> list[ViewFact]:
        """The project functions a view calls that read the request themselves (views and request helpers,
        one level down): what they read and do, the route reads and does."""
        if view is None:
            return []
        return [d for name in view.calls if name != view.name and (d := self.model.views.get(name)) is not None]

    def _owner_made_by_subclass(self, instance: InstanceFact) -> OwnerFact | None:
        """`app = ShopFlask(__name__)` where `class ShopFlask(Flask)`: an app, as if made by `Flask()`."""
        cls = self.model.classes.get(instance.cls)
        if cls is None:
            return None
        makers = known.owners()
        for base in self._ancestry(cls):
            if isinstance(base, str) and base in makers:
                kind, role = makers[base]
                framework = next((f.name for f in known.frameworks() if base in f.apps or base in f.routers), kind)
                return OwnerFact(
                    framework,
                    "app" if role == "app" else "blueprint" if kind == "flask" else "router",
                    instance.name,
                    "" if role == "app" else instance.prefix,
                    instance.file,
                    instance.line,
                )
        return None

    def _protection_by_subclass(self, instance: InstanceFact) -> ProtectionFact | None:
        """`csrf = ShopCSRF()` where `class ShopCSRF(CSRFProtect)`: a CSRF protection, active when made
        with the app (`ShopCSRF(app)`) or once `init_app` is called on it."""
        cls = self.model.classes.get(instance.cls)
        if cls is None:
            return None
        for base in self._ancestry(cls):
            if isinstance(base, str) and base in _CSRF_PROTECTION_CLASSES:
                return ProtectionFact(last(base), instance.name, instance.file, instance.line if instance.given else 0)
        return None

    def _ancestry(self, cls: ClassFact, depth: int = 0) -> Iterator[ClassFact | str]:
        """The class, its project bases (depth first), and the names of library bases reached."""
        yield cls
        if depth > 8:
            return
        for base in cls.bases:
            parent = self.model.classes.get(base)
            if parent is None:
                yield base
            else:
                yield from self._ancestry(parent, depth + 1)

    def _library_bases(self, cls: ClassFact) -> list[str]:
        return [last(b) for b in self._ancestry(cls) if isinstance(b, str)]

    def _is_drf(self, cls: ClassFact) -> bool:
        return any(
            b.endswith(_DRF_MARKERS) or b.startswith(_DRF_PACKAGES)
            for b in (x for x in self._ancestry(cls) if isinstance(x, str))
        )

    def _library_hint(self, cls: ClassFact) -> str:
        for base in self._library_bases(cls):
            if base in _LIBRARY_VIEWS:
                return _LIBRARY_VIEWS[base][1]
        return ""

    def _attribute(self, cls: ClassFact, key: str) -> object:
        for item in self._ancestry(cls):
            if isinstance(item, ClassFact):
                attrs = dict(item.attributes)
                if key in attrs:
                    return attrs[key]
        return None

    def _method_view(self, cls: ClassFact, method: str) -> ViewFact | None:
        for item in self._ancestry(cls):
            if isinstance(item, ClassFact) and method in item.methods:
                return self.model.views.get(f"{item.name}.{method}")
        return None

    def _class_handlers(self, cls: ClassFact) -> list[tuple[str, ViewFact | None]]:
        """(verb, handler) for each HTTP method a class-based view answers."""
        found: dict[str, ViewFact | None] = {}
        allowed = self._attribute(cls, "http_method_names") or self._attribute(cls, "methods")
        for item in self._ancestry(cls):
            if isinstance(item, ClassFact):
                for method in item.methods:
                    if method in _HTTP and method.upper() not in found:
                        found[method.upper()] = self.model.views.get(f"{item.name}.{method}")
            else:
                for verb in _LIBRARY_VIEWS.get(last(item), ((), ""))[0]:
                    found.setdefault(verb, None)
        if found.get("POST", False) is None:
            # Django's editing views answer a POST with `form_valid()` once the form validates: what the
            # class's own `form_valid` does is what the POST does.
            found["POST"] = next(
                (
                    view
                    for item in self._ancestry(cls)
                    if isinstance(item, ClassFact)
                    and "form_valid" in item.methods
                    and (view := self.model.views.get(f"{item.name}.form_valid")) is not None
                ),
                None,
            )
        if isinstance(allowed, tuple):
            found = {v: h for v, h in found.items() if v.lower() in {a.lower() for a in allowed}} or found
        return sorted(found.items()) or [("*", None)]

    def _responders(self, cls: ClassFact, suffix: str) -> list[tuple[str, ViewFact | None]]:
        """(verb, responder) of a Falcon resource, its own and its bases' (`on_get`, `on_post_item`)."""
        found: dict[str, ViewFact | None] = {}
        for item in self._ancestry(cls):
            if isinstance(item, ClassFact):
                for verb, method in falcon.responder_verbs(item.methods, suffix).items():
                    found.setdefault(verb, self.model.views.get(f"{item.name}.{method}"))
        return sorted(found.items())

    def _viewset_actions(self, cls: ClassFact) -> list[tuple[str, str, bool, str]]:
        actions: dict[str, tuple[str, bool, str]] = {}
        for item in self._ancestry(cls):
            if isinstance(item, ClassFact):
                for method in item.methods:
                    if method in _ACTIONS:
                        verb, detail = _ACTIONS[method]
                        actions.setdefault(method, (verb, detail, ""))
                for method, verbs, detail, url_path in item.actions:
                    for verb in verbs:
                        actions.setdefault(f"{method}:{verb}", (verb, detail, url_path))
            else:
                for method in _VIEWSET_ACTIONS.get(last(item), ()):
                    verb, detail = _ACTIONS[method]
                    actions.setdefault(method, (verb, detail, ""))
        return sorted((name.split(":")[0], verb, detail, path) for name, (verb, detail, path) in actions.items())

    def _class_exempt(self, cls: ClassFact) -> tuple[str, int] | None:
        for item in self._ancestry(cls):
            if isinstance(item, ClassFact):
                if item.exempt_line:
                    return item.path, item.exempt_line
                dispatch = self.model.views.get(f"{item.name}.dispatch")
                if dispatch is not None and dispatch.csrf_exempt:
                    return dispatch.path, dispatch.csrf_exempt
        return None

    # -- limits --

    def _limit(
        self,
        fact: RouteFact,
        route: Route,
        view: ViewFact | None,
        cls: ClassFact | None,
        chain_limits: tuple[str, ...],
        app: App | None,
        action: str,
    ) -> str:
        own = [x for x in (view.limits if view else ()) if x != fact.limit_misplaced]
        if own:
            return own[0]
        if fact.limits:
            return fact.limits[0]
        if cls is not None:
            for item in self._ancestry(cls):
                if isinstance(item, ClassFact):
                    for method, description in item.limited_methods:
                        if method in ("*", route.methods[0].lower(), action):
                            return description
        if chain_limits:
            return chain_limits[0]
        if view is not None and view.limit_exempt:
            return ""
        if fact.framework == "flask":
            blueprint = self._blueprint_limit(fact.owner, fact.view)
            if blueprint is not None:
                return blueprint
        drf = self._drf_throttle(
            cls, view, library=cls is None and view is None and _drf_library_view(route.view), route_view=route.view
        )
        if drf is not None:
            return drf
        if fact.framework == "django" and fact.view.startswith("allauth.") and view is None and cls is None:
            # django-allauth limits its sign-in, sign-up and reset-mail pages itself (per IP and per account)
            # unless the settings switch that off.
            if self._setting("ACCOUNT_RATE_LIMITS") is not False:
                return "django-allauth rate limits (ACCOUNT_RATE_LIMITS)"
        if fact.framework == "django":
            return self._django_app_limit(route)
        return app.limiter if app else ""

    def _blueprint_limit(self, owner: str, view: str) -> str | None:
        """A limit or exemption set on the whole blueprint or on the view by a call."""
        for target in self.targets:
            if target.target in (owner, view):
                return "" if target.exempt else f"limit on {last(target.target)} ({target.file}:{target.line})"
        return None

    def _unthrottled_library_view(self, cls: ClassFact | None, view: ViewFact | None, route_view: str) -> bool:
        """`obtain_auth_token`, `ObtainAuthToken.as_view()`, or a project class built on it."""
        if cls is None:
            shipped = _LIBRARY_FUNCTION_VIEWS.get(route_view, last(route_view))
            return view is None and shipped in _UNTHROTTLED_LIBRARY_VIEWS
        return any(isinstance(b, str) and last(b) in _UNTHROTTLED_LIBRARY_VIEWS for b in self._ancestry(cls))

    def _drf_throttle(
        self, cls: ClassFact | None, view: ViewFact | None, *, library: bool = False, route_view: str = ""
    ) -> str | None:
        is_drf = library or (cls is not None and self._is_drf(cls)) or (view is not None and view.drf)
        if not is_drf:
            return None
        # `@action(throttle_classes=[...])` or `@throttle_classes([...])` on the method, else the class's own.
        own: object = view.drf_throttles if view is not None and view.drf_throttles is not None else None
        if own is None and cls is not None:
            own = self._attribute(cls, "throttle_classes")
        if own is None and self._unthrottled_library_view(cls, view, route_view):
            own = ()  # DRF's `ObtainAuthToken` sets `throttle_classes = ()`: no default applies, nor to subclasses
        if isinstance(own, tuple):
            return f"throttle_classes {', '.join(last(str(t)) for t in own)}" if own else ""
        config = self._setting("REST_FRAMEWORK")
        scope = self._attribute(cls, "throttle_scope") if cls is not None else None
        if config is None and isinstance(scope, str) and scope:
            # A reusable app's view naming its throttle scope: the site that installs it rates the scope
            # (`DEFAULT_THROTTLE_RATES`); the project has no settings of its own to say otherwise.
            return f"throttle_scope {scope!r}, rated by the site's ScopedRateThrottle"
        classes = config.get("DEFAULT_THROTTLE_CLASSES") if isinstance(config, dict) else None
        if not isinstance(classes, (list, tuple)) or not classes:
            return None
        useful = [c for c in classes if isinstance(c, str) and not c.endswith("ScopedRateThrottle")]
        if useful or scope:
            return f"DRF DEFAULT_THROTTLE_CLASSES ({', '.join(last(str(c)) for c in classes)})"
        return None

    def _django_app_limit(self, route: Route) -> str:
        middleware = self._setting("MIDDLEWARE") or ()
        for name in middleware if isinstance(middleware, (list, tuple)) else ():
            if isinstance(name, str) and _limit_middleware(name):
                return last(name)
        view = self.model.views.get(route.view)
        if route.category == LOGIN and self._axes() and not (view is not None and view.own_authentication):
            return "django-axes lockout"
        return ""

    def _axes(self) -> bool:
        for key in ("INSTALLED_APPS", "MIDDLEWARE", "AUTHENTICATION_BACKENDS"):
            value = self._setting(key)
            if isinstance(value, (list, tuple)) and any(
                isinstance(v, str) and (v == "axes" or v.startswith("axes.")) for v in value
            ):
                return True
        return False

    def _limits_anywhere(self) -> bool:
        m = self.model
        if (
            self.limiters
            or self.targets
            or any(r.limit not in ("", REFUSES_EXCESS) for r in m.routes)
            or any(a.limiter for a in m.apps)
        ):
            return True
        if (
            any(set(v.limits) - {REFUSES_EXCESS} for v in m.views.values())
            or any(c.limited_methods for c in m.classes.values())
            or m.limiting
        ):
            return True
        config = self._setting("REST_FRAMEWORK")
        if isinstance(config, dict) and config.get("DEFAULT_THROTTLE_CLASSES"):
            return True
        return self._axes() or any(_limit_middleware(mw.name) for mw in self.middleware)

    # -- CSRF --

    def _wrapped_methods(self, view: ViewFact | None) -> tuple[str, ...]:
        """The methods a decorator of the project admits for the view (`@hr_action` returning `require_POST(...)`)."""
        for name in view.calls if view is not None else ():
            decorator = self.model.views.get(name)
            if decorator is not None and decorator.wraps_methods:
                return decorator.wraps_methods
        return ()

    def _protect(self, route: Route) -> None:
        view = route.handler
        if view is not None and not route.exempt_at:
            # `@hr_action`, a decorator of the project that returns `csrf_exempt(wrapper)`.
            exempting = next(
                (d for name in view.calls if (d := self.model.views.get(name)) and d.exempts_wrapped), None
            )
            if exempting is not None:
                route.exempt_at = (exempting.path, exempting.exempts_wrapped)
        if not route.exempt_at:
            excluded = next((x for x in self.excluded_paths if _excludes(x, route)), None)
            if excluded is not None:
                route.exempt_at = (excluded.file, excluded.line)
        if route.reason == CHANGES_ON_GET:
            route.csrf = "none (no check covers GET)"
            return
        if not route.state_changing:
            route.csrf = "n/a (read-only)"
            return
        if route.framework == "django":
            self._protect_django(route)
            return
        app = self._app_for(route.framework, route.app)
        if view is not None and view.csrf_exempt:
            route.csrf, route.exempt_at = "exempt", (view.path, view.csrf_exempt)
        elif route.exempt_at:
            route.csrf = "exempt"
        elif REQUIRE_CSRF in route.deps:
            route.csrf = REQUIRE_CSRF
        elif app is not None and app.csrf:
            route.csrf = app.csrf
        elif route.guarded_by:
            route.csrf = route.guarded_by
        elif view is not None and view.csrf_checked:
            route.csrf = "token checked in view"
        elif view is not None and self._checks_token_in_call(view):
            route.csrf = "token checked by a decorator or helper of the project"
        elif view is not None and self._validates_token_form(view):
            route.csrf = "token checked by the form it validates (Flask-WTF)"
        elif any("csrf" in dep.lower() or "xsrf" in dep.lower() for dep in route.deps):
            route.csrf = "token checked by a dependency"
        elif view is not None and view.header_auth and not view.session:
            route.csrf = "n/a (header auth)"
        elif (
            getattr(known.record(route.framework), "body_is_json", False)
            and view is not None
            and not view.form
            and (any(m not in self.dependency_aliases for m in view.json_body) or not self._uses_session(view))
            and not self._cors_lets_any_site_in(route.framework, app)
        ):
            # A body model is filled only from a JSON request, which a cross-site page cannot send
            # without a CORS preflight; without a body, and no cookie read by the view or a dependency,
            # a forged request carries nothing that signs it in.
            route.csrf = "n/a (JSON body)"
        else:
            route.csrf, route.csrf_missing = "none", True

    def _cors_lets_any_site_in(self, framework: str, app: App | None) -> bool:
        """A CORS middleware on the app that answers any origin (`allow_origins=["*"]`, which Starlette echoes
        back when credentials are allowed, or an `allow_origin_regex`) with `allow_credentials=True`: another
        site's script passes the preflight and sends JSON with the user's cookie."""
        for mw in self.middleware:
            if last(mw.name) != "CORSMiddleware" or mw.framework != framework:
                continue
            if app is not None and mw.owner not in (app.name, ""):
                continue
            options = dict(mw.options)
            origins = options.get("allow_origins")
            any_origin = (isinstance(origins, (list, tuple)) and "*" in origins) or origins == "*"
            if options.get("allow_credentials") is True and (any_origin or _admits_any_site(options)):
                return True
        return False

    def _checks_token_in_call(self, view: ViewFact) -> bool:
        """A decorator of the project checks the CSRF token in the wrapper it defines (`def csrf_protect(view):
        def wrapped(...): ... request.form.get("csrf_token")`), or a helper named for the check checks it
        (`verify_csrf(request)`). A helper that only issues a token (`render()` adding one to the page) is
        neither."""
        checkers = self._token_checkers
        return any(
            any(checker.startswith(name + ".") for checker in checkers)
            or name in checkers
            and re.search(r"csrf|xsrf", last(name), re.IGNORECASE)
            for name in view.calls
        )

    @cached_property
    def _token_checkers(self) -> frozenset[str]:
        """The project functions that check a CSRF token themselves."""
        return frozenset(name for name, fact in self.model.views.items() if fact.csrf_checked)

    def _protect_django(self, route: Route) -> None:
        cls = self.model.classes.get(route.cls)
        drf = (cls is not None and self._is_drf(cls)) or (route.handler is not None and route.handler.drf)
        if drf:
            csrf, off = self._drf_csrf(cls)
            if csrf.startswith("n/a"):
                # DRF checks CSRF only for SessionAuthentication: with none, an exemption changes nothing.
                route.csrf, route.exempt_at = csrf, None
                return
        if route.exempt_at:
            route.csrf = "exempt"
            return
        if drf:
            route.csrf = csrf
            route.exempt_at = (off.path, off.csrf_off) if off is not None else None
            return
        if route.handler is None and not route.cls and last(route.view) in _CSRF_PROTECTED_LIBRARY_VIEWS:
            route.csrf = "csrf_protect (library view)"
            return
        middleware = self._setting("MIDDLEWARE")
        if isinstance(middleware, (list, tuple)):
            route.csrf_missing = CSRF_MIDDLEWARE not in middleware
            route.csrf = "none (no CsrfViewMiddleware)" if route.csrf_missing else "CsrfViewMiddleware"
        else:
            route.csrf = "unknown (MIDDLEWARE not read)"

    def _drf_csrf(self, cls: ClassFact | None) -> tuple[str, ClassFact | None]:
        """How DRF protects a view: SessionAuthentication enforces CSRF itself, token auth needs none."""
        auth = self._attribute(cls, "authentication_classes") if cls is not None else None
        if not isinstance(auth, tuple):
            config = self._setting("REST_FRAMEWORK")
            auth = config.get("DEFAULT_AUTHENTICATION_CLASSES") if isinstance(config, dict) else None
        if not isinstance(auth, (list, tuple)):
            return "DRF SessionAuthentication", None
        for name in auth:
            auth_cls = self.model.classes.get(str(name))
            if auth_cls is not None and auth_cls.csrf_off:
                return "off (enforce_csrf disabled)", auth_cls
        if auth and all(last(str(a)) in _HEADER_ONLY_AUTH for a in auth):
            return "n/a (header auth)", None
        if auth and not any(self._cookie_auth(str(a)) for a in auth):
            return "n/a (no cookie authentication)", None
        return "DRF SessionAuthentication", None

    def _cookie_auth(self, name: str) -> bool:
        """A DRF authentication class that may read a cookie: `SessionAuthentication`, a cookie JWT class, a
        project subclass of either. Other library classes (`TokenAuthentication`, a signed-URL scheme) read
        a header or the URL."""
        cls = self.model.classes.get(name)
        kinds = [last(name)] + (self._library_bases(cls) if cls is not None else [])
        return any("Session" in kind or "Cookie" in kind for kind in kinds)


def _excludes(excluded: ExcludedPathFact, route: Route) -> bool:
    """The pattern a CSRF check skips matches the route's path, its parameters filled in."""
    if excluded.framework != route.framework:
        return False
    path = re.sub(r"\{[^}]*\}|<[^>]*>", "x", route.path)
    try:
        return re.search(excluded.pattern, path) is not None
    except re.error:
        return False


#: The classes whose objects check a CSRF token on every state-changing request of a Flask-like app.
_CSRF_PROTECTION_CLASSES = frozenset(
    {
        "flask_wtf.CSRFProtect",
        "flask_wtf.csrf.CSRFProtect",
        "quart_wtf.CSRFProtect",
        "quart_wtf.csrf.CSRFProtect",
        "flask_seasurf.SeaSurf",
    }
)


def _closure(facts: Sequence[SendingFact | DestroyingFact]) -> set[str]:
    """The project functions that do a thing themselves or through the project functions they call:
    send mail or a text message (`send_reset_link` → `mail_user` → `smtplib`), or write what a function
    named for deleting ends (`revoke_key` → `repo.delete_key` → `session.delete(key)`)."""
    senders = {x.name for x in facts if not x.through}
    relays = [x for x in facts if x.through]
    grew = True
    while grew:
        grew = False
        for relay in relays:
            if relay.name not in senders and any(callee in senders for callee in relay.through):
                senders.add(relay.name)
                grew = True
    return senders


def _passed(facts_of: FactsOf) -> dict[str, str]:
    """`pkg.app._register_blueprints.app` → `pkg.app.create_app.app`: a parameter that receives an app,
    blueprint or router stands for what the callers pass (the first caller's, when several pass one)."""
    parameters = [x for _, x in facts_of(PARAMETER)]
    if not parameters:
        return {}
    passed: dict[str, list[ArgumentFact]] = {}
    for _, argument in facts_of(ARGUMENT):
        passed.setdefault(argument.function, []).append(argument)
    found: dict[str, str] = {}
    for parameter in parameters:
        for argument in passed.get(parameter.function, ()):
            if argument.position == parameter.position or argument.keyword == parameter.name:
                found.setdefault(f"{parameter.function}.{parameter.name}", argument.value)
    return found


def _resolved(name: str, aliases: dict[str, str]) -> str:
    """The name a package re-export stands for, followed through re-exports of re-exports."""
    for _ in range(8):
        if name not in aliases:
            break
        name = aliases[name]
    return name


#: Form classes that carry and check a CSRF token unless their `Meta` says `csrf = False`.
_TOKEN_FORM_PACKAGES = ("flask_wtf", "quart_wtf")
_TOKEN_FORMS = frozenset({"FlaskForm", "Form", "QuartForm"})

#: A route whose view says `require_csrf=True` (Pyramid): the framework checks the token.
REQUIRE_CSRF = "require_csrf=True"
#: A Pyramid view's `permission=` (`permission=edit`): the security policy decides with who the request's
#: credentials say the user is (an ACL may grant it to everyone, so it says nothing of who is signed in).
PERMISSION = "permission="


def _joined_by_name(routes: list[RouteFact], views: list[NamedViewFact]) -> list[RouteFact]:
    """Routes registered by name (Pyramid's `add_route("login", "/login")`) with the views attached to
    that name; a named route without a view serves nothing secpat can judge."""
    by_name: dict[tuple[str, str], list[NamedViewFact]] = {}
    for view in views:
        by_name.setdefault((view.framework, view.route_name), []).append(view)
    joined = []
    registered = set()
    for route in routes:
        if not route.view.startswith(ROUTE_NAME):
            joined.append(route)
            continue
        key = (route.framework, route.view[len(ROUTE_NAME) :])
        registered.add(key)
        for view in by_name.get(key, ()):
            joined.append(_named_route(route, view))
    for key, views in by_name.items():
        if key not in registered:  # registered where secpat does not read (another package, a loop): path unknown
            for view in views:
                joined.append(
                    _named_route(
                        RouteFact(view.framework, "", f"<route {view.route_name}>", (), "", view.file, view.line), view
                    )
                )
    return joined


def _named_route(route: RouteFact, view: NamedViewFact) -> RouteFact:
    return replace(
        route,
        view=view.view,
        methods=view.methods or route.methods,
        csrf_exempt=view.csrf_exempt,
        file=view.file,
        line=view.line,
        deps=((REQUIRE_CSRF,) if view.csrf_required else ())
        + ((f"{PERMISSION}{view.permission}",) if view.permission else ()),
        limits=view.limits or route.limits,
        url_name=route.url_name or view.route_name,  # `request.route_url("admin_users")` in a template
    )


#: Flask rule variables, and the converters of Werkzeug's own whose values hold no markup.
_FLASK_VARIABLE = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")
_FLASK_PLAIN_CONVERTERS = frozenset({"int", "float", "uuid", "any"})
_WERKZEUG_PLAIN_CONVERTERS = frozenset({"UUIDConverter", "IntegerConverter", "NumberConverter", "FloatConverter"})

#: Django path converters whose value holds only digits, hex digits, letters, `-` and `_`.
_PLAIN_CONVERTERS = frozenset({"int", "slug", "uuid"})
_PATH_PARAMETER = re.compile(r"(?<!\?P)<(?:(\w+):)?(\w+)>")


def _converted(path: str, name: str) -> bool:
    """The URL pattern `path` (Django `path()` or `re_path()` syntax) turns its parameter `name` into something
    that holds no markup and no SQL: `<int:name>`, `<slug:name>`, `<uuid:name>`, `(?P<name>\\d+)`,
    `(?P<name>[\\w-]+)`. A `str`, `path` or custom converter is text. A parameter the pattern does not name
    gets nothing from the URL, unless the pattern has groups without a name (passed by position)."""
    for converter, parameter in _PATH_PARAMETER.findall(path):
        if parameter == name:
            return converter in _PLAIN_CONVERTERS
    group = _regex_group(path, name)
    if group is None:
        return not _UNNAMED_GROUP.search(path)
    return PLAIN_REGEX.fullmatch(group) is not None


_UNNAMED_GROUP = re.compile(r"(?<!\\)\((?!\?)")


def _regex_group(path: str, name: str) -> str | None:
    """The body of the named group `(?P<name>...)` of a regex, its nested groups included."""
    start = path.find(f"(?P<{name}>")
    if start < 0:
        return None
    body = start + len(f"(?P<{name}>")
    depth, index = 1, body
    while index < len(path):
        char = path[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = path.find("]", index + 2)  # `[]...]` aside, a class closes at the next `]`
            if index < 0:
                return None
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return path[body:index]
        index += 1
    return None


def _limit_middleware(name: str) -> bool:
    return (
        is_limit_name(last(name).replace("Middleware", ""))
        and "django_ratelimit" not in name
        and last(name) != "RatelimitMiddleware"
    )


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return prefix.rstrip("/") + "/" + path.lstrip("/") if path != "/" else prefix.rstrip("/") + "/"


# -- rendering -----------------------------------------------------------------------------------


def render_text(model: Model) -> str:
    if not model.routes:
        return "No routes found.\n"
    header = ("METHOD", "PATH", "VIEW", "DEFINED AT", "KIND", "RATE LIMIT", "CSRF")
    rows = [
        (
            _cell(",".join(r.methods) if r.methods != ("*",) else "ANY"),
            _cell(r.path),
            _cell(r.view),
            _cell_end(f"{r.file}:{r.line}"),
            _cell(r.category),
            _cell(r.limit or "-"),
            _cell(r.csrf),
        )
        for r in model.routes
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i < len(header) - 1 else cell for i, (cell, width) in enumerate(zip(row, widths))
        ).rstrip()
        for row in [header, *rows]
    ]
    lines.append("")
    lines.extend(printable(line) for line in _summary(model))
    return "\n".join(lines) + "\n"


def _cell(text: str, width: int = 48) -> str:
    text = printable(text)  # a file name or route with a newline must not forge a row
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell_end(text: str, width: int = 48) -> str:
    """A location cut at its start, so the file name and line number stay."""
    text = printable(text)
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _summary(model: Model) -> list[str]:
    out = [f"{len(model.routes)} route(s)"]
    for app in model.apps:
        out.append(
            f"{app.framework} app {app.name} ({app.file}:{app.line}): csrf {app.csrf or 'none'}, "
            f"cookie session {'yes' if app.session else 'no'}, app-wide limit {app.limiter or 'none'}"
        )
    if model.django is not None:
        debug = model.django.get("DEBUG")
        out.append(
            f"django settings {model.django.name} ({'production' if model.django.production else 'default'}):"
            f" DEBUG={_shown(debug.value) if debug else 'unset'}"
        )
    return out


def _shown(value: object) -> str:
    if isinstance(value, FromEnvironment):
        return f"from environment (default {value.default!r})"
    return "from environment" if value == "<env>" else "expression" if value == "<expr>" else repr(value)


def to_json(model: Model) -> dict:
    return {
        "routes": [r.to_dict() for r in model.routes],
        "apps": [
            {
                "framework": a.framework,
                "name": a.name,
                "location": f"{a.file}:{a.line}",
                "csrf": a.csrf or None,
                "cookie_session": a.session or None,
                "rate_limit": a.limiter or None,
            }
            for a in model.apps
        ],
        "settings": [
            {
                "name": e.name,
                "production": e.production,
                "values": {
                    k: _shown(v.value)
                    for k, v in sorted(e.values.items())
                    if k in ("DEBUG", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE")
                },
            }
            for e in model.environments
        ],
    }


def source_line(ctx: ProjectContext, path: str, line: int) -> str:
    """The text of one line of a scanned file, for a project-stage finding's snippet."""
    cache = ctx.__dict__.setdefault("_framework_lines", {})
    lines = cache.get(path)
    if lines is None:
        try:
            with open(f"{ctx.root}/{path}", encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            lines = []
        cache[path] = lines
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def _lets_through(text: str, url_name: str, path: str) -> bool:
    """Whether a text in a sign-in middleware names the route: its URL name (`"login"`, `"accounts:login"`),
    a prefix of its path (`"/password/"`, `"/"` for the root only) or a regex that matches it (`"^join/"`).
    `path` has no leading or trailing slash."""
    if not text:
        return False
    if url_name and text.rsplit(":", 1)[-1] == url_name:
        return True
    if text.startswith("^"):
        try:
            return re.match(text[1:].lstrip("/"), path) is not None
        except re.error:
            return True  # unreadable: assume it lets the route through
    if "/" in text:
        prefix = text.strip("/")
        return path.startswith(prefix) if prefix else not path
    return False
