"""The facts the per-file stage hands to the project stage: plain, picklable records of routes, views,
classes, protections, sessions and settings, and the kinds they are filed under."""

from __future__ import annotations

from dataclasses import dataclass

#: Fact kinds handed from the file stage to the project stage.
(
    VIEW,
    CLASS,
    ROUTE,
    MOUNT,
    OWNER,
    LIMITER,
    MIDDLEWARE,
    PROTECTION,
    SESSION,
    SETTINGS,
    SETTINGS_MODULE,
    FORM,
    LIMIT_TARGET,
    LIMITING,
    NAMED_VIEW,
    FACTORY,
    ALIAS,
    CONVERTER,
    PARAMETER,
    ARGUMENT,
    GATE,
    SENDING,
    INSTANCE,
    SESSION_READER,
    DEPENDENCY_ALIAS,
    SEQUENCE,
    CSRF_EXEMPT_TARGET,
    HEADER_READER,
    REQUEST_IDENTITY,
    CSRF_EXCLUDED_PATH,
    AUTH_BACKEND,
    DESTROYING,
) = (
    "fw-view",
    "fw-class",
    "fw-route",
    "fw-mount",
    "fw-owner",
    "fw-limiter",
    "fw-middleware",
    "fw-protection",
    "fw-session",
    "fw-settings",
    "fw-settings-module",
    "fw-form",
    "fw-limit-target",
    "fw-limiting",
    "fw-named-view",
    "fw-factory",
    "fw-alias",
    "fw-converter",
    "fw-parameter",
    "fw-argument",
    "fw-gate",
    "fw-sending",
    "fw-instance",
    "fw-session-reader",  # a function's project-wide name: it reads the request's session or cookies
    "fw-dependency-alias",  # `CurrentUser = Annotated[User, Depends(get_current_user)]`, as an `AliasFact`
    "fw-sequence",  # `ROUTE_TABLES = [auth.routes, api.routes]` at the top of a module, as a `SequenceFact`
    "fw-csrf-exempt-target",  # `csrf.exempt(uploads_bp)`, as a `GateFact` naming the blueprint or view
    "fw-header-reader",  # a function's project-wide name: it authenticates from the Authorization header
    "fw-request-identity",  # `request.subscriber = load(request)` from the cookies: a request attribute's name
    "fw-csrf-excluded-path",  # `CSRFConfig(exclude=["^/portal/favorites"])`, as an `ExcludedPathFact`
    "fw-auth-backend",  # `JWTAuth(...)`: (framework, whether it reads a cookie), for the user `request.user` names
    "fw-destroying",  # `def revoke_key(...)`: a function named for deleting or revoking that writes, a `DestroyingFact`
)

#: What a view's body shows it does, for classifying the route by behaviour rather than by its name.
AUTHENTICATES, CREATES_USER, SENDS_RESET, SETS_PASSWORD, VERIFIES_IDENTITY_TOKEN, SIGNS_IN = (
    "authenticates",
    "creates-user",
    "sends-reset",
    "sets-password",
    "verifies-identity-token",  # checks an identity provider's signed token (`id_token.verify_oauth2_token`)
    "signs-in",  # with AUTHENTICATES: finds who the caller is from what it sent (`authenticate(request, ...)`)
)
#: The body deletes or runs a write statement (CHANGES_DATA), or saves or commits what it changed
#: (SAVES_DATA): a GET route that does either is state-changing.
CHANGES_DATA, SAVES_DATA = "changes-data", "saves-data"
#: With AUTHENTICATES: what is checked is a one-time code (`totp.verify(code)`, `is_otp_valid(user, code)`),
#: short enough to guess where nothing limits the tries.
CHECKS_ONE_TIME_CODE = "checks-one-time-code"

#: Words that mark a file, class or branch as development- or test-only, or as production.
DEV_WORDS = frozenset({"dev", "development", "develop", "local", "test", "tests", "testing", "ci", "debug"})
PROD_WORDS = frozenset({"prod", "production", "live", "staging", "stage"})

STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class ViewFact:
    """A function that may serve requests, with what its body shows."""

    name: str  # project-wide dotted name: `shop.views.checkout`, `shop.views.CartView.post`
    path: str
    line: int
    methods: tuple[str, ...] = ()  # from the view itself (`require_POST`, `api_view(["POST"])`); () = unknown
    writes: bool = False  # reads a request body or tests for POST
    asks_method: bool = False  # compares the request's method with something (`if request.method == "GET":`)
    reads: tuple[str, ...] = ()  # field names the view reads (form keys, parameters, `form.x.data`)
    models: tuple[str, ...] = ()  # form / serializer / body-model classes it uses, for their fields
    sends: bool = False  # sends mail or SMS
    templates: tuple[str, ...] = ()  # template names rendered
    session: bool = False  # relies on the cookie session (`request.user`, `session[...]`, `current_user`)
    signature: bool = False  # verifies a signature (webhooks) or an HMAC
    header_auth: bool = False  # authenticates from the Authorization header
    csrf_checked: bool = False  # validates a CSRF token itself (Flask-WTF form, a csrf helper)
    # attributes read off the request besides the framework's own (`request.subscriber`): who the user is
    # where a middleware of the project sets one from a cookie (see `REQUEST_IDENTITY`)
    request_attrs: tuple[str, ...] = ()
    json: bool = False  # answers JSON: an API endpoint
    # reads form fields (FastAPI `Form()`, `File()`; Flask `request.form`), which a cross-site form can post
    form: bool = False
    # FastAPI: the body models it takes, which only a JSON request (never a form) fills; an annotation imported
    # from another module may turn out to be a dependency alias (`CurrentUser`), which the project stage knows
    json_body: tuple[str, ...] = ()
    limits: tuple[str, ...] = ()  # rate limits on the view itself, described
    limit_exempt: bool = False  # `@limiter.exempt`
    csrf_exempt: int = 0  # line of a CSRF exemption decorator, 0 if none
    # a decorator of the project that exempts the views it wraps (`return csrf_exempt(wrapper)`): the line
    exempts_wrapped: int = 0
    wraps_methods: tuple[str, ...] = ()  # the methods such a decorator admits (`require_POST` in what it returns)
    drf: bool = False  # a DRF `@api_view`
    drf_throttles: tuple[str, ...] | None = None  # `@throttle_classes([...])`, None when not set
    framework: str = ""  # flask / fastapi / django when the file says so
    acts: tuple[str, ...] = ()  # AUTHENTICATES, CREATES_USER, SENDS_RESET: what the body is seen doing
    # checks credentials only with the project's own functions or a hasher, or signs in by a link it sends, never
    # through a library's `authenticate()` or login form: a lockout that watches those (django-axes) sees nothing
    own_authentication: bool = False
    calls: tuple[str, ...] = ()  # project functions and classes it calls or is decorated with, for limits in them
    dependencies: tuple[str, ...] = ()  # of `calls`, those FastAPI runs as dependencies (`Depends(get_user)`)
    staff: bool = False  # a decorator admits only staff, admins or holders of a permission
    signed_in: bool = False  # a decorator admits only signed-in users (`@login_required`)
    public: bool = False  # `@login_not_required`: open to visitors even under a site-wide sign-in gate
    identity: bool = False  # acts as the user the cookie names: reads `request.user`, session values or cookies
    # reads the user a `before_request` hook kept on `flask.g`, or is behind a Flask login decorator: the cookie's
    # user only in an app with a cookie session
    user_on_g: bool = False
    # reads the user Pyramid's security policy names (`request.authenticated_userid`): the cookie's user only in
    # an app that keeps an auth ticket or a cookie session
    policy_identity: bool = False
    switched_by: tuple[str, ...] = ()  # settings that must be on, or the view refuses at once (`if not settings.X`)
    # what made each object whose `validate()` the view calls: a class (`form = BillForm(); form.validate()`)
    # or a project function that returns one (`form = make_bill_form()`)
    validated: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClassFact:
    """A class of a web module: bases, the attributes that matter, its fields and methods."""

    name: str
    path: str
    line: int
    bases: tuple[str, ...]
    methods: tuple[str, ...]
    fields: tuple[str, ...]  # class-body names: form / serializer / model fields
    attributes: tuple[tuple[str, object], ...] = ()  # selected attributes, digested (see `class_attributes`)
    actions: tuple[tuple[str, tuple[str, ...], bool, str], ...] = ()  # DRF @action: (method, verbs, detail, url_path)
    limited_methods: tuple[tuple[str, str], ...] = ()  # (method or "*", description) from method_decorator
    exempt_line: int = 0  # `@method_decorator(csrf_exempt, ...)`
    csrf_off: int = 0  # a SessionAuthentication subclass whose `enforce_csrf` does nothing: its line
    permission_gate: bool = False  # `has_permission` refuses anonymous users and checks more than a login
    meta_csrf_off: bool = False  # `class Meta: csrf = False` (WTForms): the form checks no CSRF token
    plain_values: bool = False  # a URL converter whose `regex` or `to_python` admits no markup (see `views`)
    # a middleware that turns away callers who are not signed in: the texts it lets through (URL names, path
    # prefixes); None for any other class
    sign_in_gate: tuple[str, ...] | None = None
    public: bool = False  # `@method_decorator(login_not_required, ...)`: open to visitors under a sign-in gate
    # a middleware named for CSRF that turns no request away (it only hands out the token's cookie)
    passes_every_request: bool = False


@dataclass(frozen=True)
class ConverterFact:
    """A URL converter an app registers: `app.url_map.converters["uuid_str"] = StrictUUIDConverter`."""

    name: str
    cls: str  # the class's qualified name


@dataclass(frozen=True)
class SequenceFact:
    """A list or tuple of the project's objects bound at the top of a module: what a loop over it registers."""

    name: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class AliasFact:
    """A name a package re-exports: `from .resources import api` in `shop/api/__init__.py` makes
    `shop.api.api` another name for `shop.api.resources.api`."""

    name: str
    target: str


@dataclass(frozen=True)
class SessionRelay:
    """A top-level function of the project that calls project functions of other modules named for who the
    user is (`def current_user(): return get_session().get("user")`): a session reader if one of them is."""

    name: str  # project-wide dotted name of the function
    through: tuple[str, ...]


@dataclass(frozen=True)
class SendingFact:
    """A project function whose body sends mail or a text message (`send_email_identifier(...)`): a view
    that calls it sends one."""

    name: str  # project-wide dotted name of the function
    through: tuple[str, ...] = ()  # when set: it sends only if one of these project functions does


@dataclass(frozen=True)
class DestroyingFact:
    """A project function named for deleting, revoking or cancelling whose body writes to a store
    (`def revoke_key(...): key.revoked_at = now(); session.commit()`): a view that calls it changes data."""

    name: str  # project-wide dotted name of the function
    through: tuple[str, ...] = ()  # when set: it writes only if one of these project functions does


@dataclass(frozen=True)
class GateFact:
    """A blueprint whose `before_request` hook admits only staff (`@bp.before_request @admin_required
    def check(): ...`): none of its routes is the public's."""

    owner: str
    file: str
    line: int


@dataclass(frozen=True)
class ParameterFact:
    """A parameter an app, blueprint or router arrives by: in `def register(app):
    app.register_blueprint(bp)`, `bp` is mounted on whatever the callers pass as `app`."""

    function: str
    name: str
    position: int


@dataclass(frozen=True)
class ArgumentFact:
    """An app, blueprint or router handed to a project function: `register(app)` in `create_app`."""

    function: str
    position: int  # -1 when passed by keyword
    keyword: str
    value: str


@dataclass(frozen=True)
class FactoryFact:
    """A project function that returns an object of a class it makes: `def make_form(): return BillForm()`."""

    function: str  # project-wide dotted name
    makes: tuple[str, ...]  # the qualified names of the classes it may return an object of


@dataclass(frozen=True)
class RouteFact:
    """A route registration: decorator, `add_url_rule`, `add_api_route` or a Django `path()`."""

    framework: str
    owner: str  # the app, blueprint or router it is registered on; the urlconf module for Django
    path: str
    methods: tuple[str, ...]  # () = whatever the view accepts
    view: str  # dotted name of the function or class
    file: str
    line: int
    action_map: tuple[tuple[str, str], ...] = ()  # DRF `as_view({"get": "list"})`
    limits: tuple[str, ...] = ()  # limits written at the registration (dependency, urls wrapper)
    deps: tuple[str, ...] = ()  # FastAPI dependencies written at the registration
    csrf_exempt: int = 0  # `csrf_exempt(view)` in urls.py: its line
    limit_misplaced: str = ""  # a limit decorator that cannot apply (above the route decorator)
    include: str = ""  # Django: included urlconf module or router; the route is a prefix then
    url_name: str = ""  # the name templates reverse it by: Django's `path(..., name=)`, aiohttp's `name=`
    suffix: str = ""  # Falcon's `add_route(..., suffix="item")`: the resource answers with `on_get_item`


@dataclass(frozen=True)
class NamedViewFact:
    """A view attached to a route by the route's name (Pyramid's `@view_config(route_name=...)`,
    `config.add_view(view, route_name=...)`); the route's path is registered elsewhere."""

    framework: str
    route_name: str
    view: str  # dotted name of the function or class
    methods: tuple[str, ...]
    file: str
    line: int
    csrf_exempt: int = 0  # `require_csrf=False`: its line
    csrf_required: bool = False  # `require_csrf=True`
    limits: tuple[str, ...] = ()  # `decorator=rate_limited("5/minute")`: what wraps the view
    permission: str = ""  # `permission="edit"`: only a user the security policy names, holding it, gets in


@dataclass(frozen=True)
class MountFact:
    """A blueprint or router mounted on a parent: `register_blueprint`, `include_router`, DRF router register."""

    framework: str
    parent: str
    child: str
    prefix: str
    file: str
    line: int
    deps: tuple[str, ...] = ()
    limits: tuple[str, ...] = ()


@dataclass(frozen=True)
class InstanceFact:
    """An object of a project class bound to a name (`app = ShopFlask(__name__)`): an app or a blueprint
    when the class is built on a framework's."""

    name: str
    cls: str
    prefix: str
    file: str
    line: int
    given: bool = False  # made with arguments (`ShopCSRF(app)` protects the app it is given)


#: The child of a mount the code finds at run time (`for bp in discovered: app.register_blueprint(bp)`):
#: any blueprint no other mount names may be served there.
ANY_CHILD = "*"


@dataclass(frozen=True)
class OwnerFact:
    """An app, blueprint or router object."""

    framework: str
    kind: str  # app | blueprint | router | drf-router
    name: str
    prefix: str
    file: str
    line: int
    deps: tuple[str, ...] = ()
    limits: tuple[str, ...] = ()


@dataclass(frozen=True)
class LimiterFact:
    """A rate limiter object: flask-limiter or slowapi, with or without default limits."""

    library: str
    name: str
    defaults: bool
    file: str
    line: int


@dataclass(frozen=True)
class LimitTargetFact:
    """`limiter.limit(...)(bp)` or `limiter.exempt(bp)`: a limit on a whole blueprint."""

    target: str
    exempt: bool
    file: str
    line: int


@dataclass(frozen=True)
class LimitingFact:
    """A function or method whose body calls a rate limiter: `rate_limit(...)` inside a form's `clean()`,
    a service method or a decorator. A view that calls it, or uses the form, is limited."""

    name: str  # project-wide dotted name of the function
    what: str  # the limiting call, shortened
    file: str
    line: int


@dataclass(frozen=True)
class MiddlewareFact:
    """An app-level middleware: `app.add_middleware(X, ...)`, a Starlette `Middleware(X)`, a WSGI wrapper."""

    framework: str
    owner: str
    name: str  # dotted name of the middleware class
    options: tuple[tuple[str, object], ...]
    file: str
    line: int


#: Words of a function's name that say it finds out or requires who the user is (`current_user`,
#: `login_required`, `get_session`, `auth_step`): what session readers are followed through.
IDENTITY_FUNCTION_WORDS = frozenset(
    {"user", "login", "auth", "authenticated", "session", "sessions", "cookie", "cookies", "current", "required"}
    | {"member", "account", "admin", "staff", "whoami", "identity", "signed"}
)

#: How a Bottle CSRF plugin installed on one app (`app.install(CsrfPlugin())`) is named among protections.
BOTTLE_PLUGIN = "Bottle plugin"


@dataclass(frozen=True)
class ProtectionFact:
    """A CSRF protection switched on for an app: `CSRFProtect(app)`, `csrf.init_app(app)`, SeaSurf."""

    library: str
    name: str  # the protection object, for `@csrf.exempt`
    file: str
    line: int


@dataclass(frozen=True)
class ExcludedPathFact:
    """A path pattern a framework's CSRF check skips (Litestar's `CSRFConfig(exclude=[...])`): every route of
    the framework whose path it matches is exempt."""

    framework: str
    pattern: str  # a regular expression searched in the request's path
    file: str
    line: int


@dataclass(frozen=True)
class SessionFact:
    """Evidence that an app authenticates with a cookie: session use, login helpers, auth cookies."""

    framework: str
    what: str
    file: str
    line: int


@dataclass(frozen=True)
class Setting:
    """One settings statement, with the branch it sits under."""

    name: str
    op: str  # set | add | remove | item (`X["k"] = v`) | unknown (a change secpat cannot evaluate)
    value: object  # the literal value, or ENV / EXPR
    line: int
    branch: str  # "" unconditional | prod | dev | other
    #: Statements that configure an app together share it: one `config.update(...)` call (its line), or
    #: the `config[...] = ...` writes of one function (its line). 0: the whole module or class.
    mapping: int = 0


@dataclass(frozen=True)
class SettingsFact:
    """A settings module or config class: its statements and the settings it builds on."""

    name: str  # dotted module name, or the class's dotted name
    file: str
    line: int
    environment: str  # dev | prod | "" from the file or class name
    items: tuple[object, ...]  # Setting or Parent, in order
    is_class: bool = False
    has_prod_branch: bool = False


@dataclass(frozen=True)
class Parent:
    """`from .base import *` (or a config class's base): settings taken over at this point."""

    name: str
    line: int
    branch: str


@dataclass(frozen=True)
class SettingsModuleFact:
    """`DJANGO_SETTINGS_MODULE` named in manage.py / wsgi.py / asgi.py."""

    module: str
    file: str
    line: int


@dataclass(frozen=True)
class FormFact:
    """A `<form method="post">` in a template (or an inline template string)."""

    file: str
    line: int
    token: bool  # a CSRF token tag or hidden field is inside
    maybe_token: bool  # something inside may render one (an include, a macro, the whole form object)
    action: str
    dialect: str  # django | jinja | "" when the template does not say
    owner_module: str = ""  # inline templates: the Python module that holds them
    submittable: bool = True  # has a submit control or a field a user can submit with Enter
    action_tag: bool = False  # the action is computed by a template tag other than `{% url %}`: target unknown
    endpoint: str = ""  # the route name its action reverses: `{% url 'ns:name' %}`, `url_for('bp.view')`


ENV = "<env>"  # a value read from the environment
EXPR = "<expr>"  # any other value secpat does not evaluate


@dataclass(frozen=True)
class FromEnvironment:
    """A value read from the environment that has a value where the variable is not set:
    `os.getenv("DEBUG", "True") == "True"` is True there, `env.bool("DEBUG", True)` too."""

    default: object
