"""What a view does, read from its body, its decorators and its class: what it reads and writes, who it
acts as, how it is limited and protected. Facts for the project stage (`routes.build`)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from secpat import names
from secpat.frameworks import appbuilder, falcon, known, tornado
from secpat.frameworks.facts import (
    AUTHENTICATES,
    CHANGES_DATA,
    CHECKS_ONE_TIME_CODE,
    CLASS,
    CREATES_USER,
    DESTROYING,
    EXPR,
    FACTORY,
    SAVES_DATA,
    SENDS_RESET,
    SETS_PASSWORD,
    SIGNS_IN,
    STATE_CHANGING,
    VERIFIES_IDENTITY_TOKEN,
    VIEW,
    ClassFact,
    DestroyingFact,
    FactoryFact,
    ViewFact,
)
from secpat.frameworks.syntax import (
    PLAIN_REGEX,
    decorator_list,
    is_limit_call,
    is_limit_name,
    is_staff_gate,
    last,
    leaves,
    parameters,
    project_callee,
    short_source,
    staff_guard_line,
    status_number,
    statuses,
    string,
    strings,
    upper_methods,
)
from secpat.model.module import ClassInfo, Function, Module, field_name, keyword_argument, literal_value, parents_of

#: A request's parts that only a body fills. (Flask's `request.values` joins the query string to the form: a GET
#: fills it as well.)
_BODY_ATTRIBUTES = frozenset({"POST", "FILES", "body", "form", "json", "get_json", "files", "data", "stream"})
#: The parts of a Flask request that hold a form-encoded or multipart body.
_FORM_BODIES = frozenset({"form", "values", "files"})
_REQUEST_NAMES = frozenset({"request", "req"})
_SENDERS = frozenset({"send_mail", "send_mass_mail", "sendmail", "send_message", "send_email", "send_sms"})
#: Django's mail to the site's own ADMINS or MANAGERS: no one the request names receives it, so a loop floods no
#: one's inbox but the operators' (as an error report does).
_OPERATOR_MAIL = frozenset({"mail_admins", "mail_managers"})
_SEND_OBJECTS = frozenset(
    {
        "mail",
        "email",
        "sms",
        "message",
        "messages",
        "code",
        "otp",
        "link",
        "reset",
        "verification",
        "invite",
        "invitation",
        "text",
        "magic",
        "activation",
        "confirmation",
    }
)
#: WebAuthn checks of the browser's signed answer to a challenge the server kept (python-fido2's
#: `Fido2Server.register_complete`/`authenticate_complete`, py_webauthn's `verify_*_response`): a page of
#: another site cannot make the authenticator sign it, so the challenge does what a CSRF token does.
_CHALLENGE_CHECKS = frozenset(
    {
        "register_complete",
        "authenticate_complete",
        "verify_registration_response",
        "verify_authentication_response",
    }
)
_SIGNATURE_WORDS = ("compare_digest", "signature", "construct_event", "verify_webhook", "webhook")
_PASSWORD_FORMS = {
    "OAuth2PasswordRequestForm": ("username", "password"),
    "OAuth2PasswordRequestFormStrict": ("username", "password"),
    "AuthenticationForm": ("username", "password"),
    "UserCreationForm": ("username", "password1", "password2"),
    "PasswordResetForm": ("email",),
    "SetPasswordForm": ("new_password1", "new_password2"),
    "PasswordChangeForm": ("old_password", "new_password1", "new_password2"),
}


@dataclass
class _ViewScan:
    writes: bool = False
    asks_method: bool = False
    reads: set[str] = field(default_factory=set)
    models: set[str] = field(default_factory=set)
    sends: bool = False
    templates: list[str] = field(default_factory=list)
    session: bool = False
    signature: bool = False
    header_auth: bool = False
    csrf: bool = False
    json: bool = False
    form: bool = False
    limits: list[str] = field(default_factory=list)
    acts: set[str] = field(default_factory=set)
    calls: set[str] = field(default_factory=set)
    dependencies: set[str] = field(default_factory=set)  # of `calls`, those run as FastAPI dependencies
    identity: bool = False
    user_on_g: bool = False
    policy_identity: bool = False
    validated: set[str] = field(default_factory=set)
    signed_in: bool = False  # refuses early unless the caller is signed in or holds a permission
    for_current_user: bool = False  # depends on the signed-in user (`Depends(get_current_user)`)
    items: frozenset[str] = frozenset()  # names of a loop's items: what is read from them is not a field
    request_attrs: set[str] = field(default_factory=set)  # other attributes read off the request
    own_checks: int = 0  # credentials checks by the project's own functions or a hasher (`check_password`)
    framework_checks: int = 0  # credentials checks by a library's authenticate() or login form


#: The answer of a view that counts attempts and refuses the excess: the view limits itself. A quota
#: (`"Watch limit reached", 429`) answers the same, so it limits the route without showing that the app
#: has rate limiting.
_TOO_MANY_REQUESTS = 429
REFUSES_EXCESS = "answers 429 Too Many Requests"

#: Request attributes that name the logged-in user (Django's and Starlette's `user`, Pyramid's `identity`).
_IDENTITY_ATTRIBUTES = frozenset({"user", "auth", "identity", "authenticated_userid", "unauthenticated_userid"})
#: Pyramid's: the user its security policy names, from a cookie only when the app keeps an auth ticket or a session.
_POLICY_IDENTITY_ATTRIBUTES = frozenset({"identity", "authenticated_userid", "unauthenticated_userid"})


def _is_request(module: Module, expr: ast.expr, scope: Function) -> bool:
    if isinstance(expr, ast.Attribute) and expr.attr in ("request", "current_request"):
        return True  # `self.request`; Chalice's `app.current_request`
    if not isinstance(expr, ast.Name):
        return False
    if expr.id in _REQUEST_NAMES:
        return True
    bound = module.binding(expr.id, scope)
    return bound in known.family_union("flask", "request_objects")


def _is_self(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Name) and expr.id == "self"


def _request_context(module: Module, node: ast.expr, function: Function) -> bool:
    """`req.context` (Falcon) or `request.ctx` (Sanic): where a middleware keeps what it found out."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr in ("context", "ctx")
        and module.imports_any("falcon", "sanic")
        and _is_request(module, node.value, function)
    )


def _is_flask_g(module: Module, expr: ast.expr, scope: Function) -> bool:
    """`g` in `g.user`: where a before_request hook keeps the user the session names."""
    return isinstance(expr, ast.Name) and module.binding(expr.id, scope) in known.union("request_globals")


def _session_names() -> frozenset[str]:
    """Names whose use in a view means the cookie's user: the frameworks' sessions, Flask-Login, Django's login."""
    return known.union("session_objects") | _LOGIN_NAMES


_LOGIN_NAMES = frozenset(
    {
        "flask_login.current_user",
        "flask_login.login_user",
        "quart_auth.current_user",
        "quart_auth.login_user",
        "flask_security.current_user",
        "flask_security.login_user",
        "django.contrib.auth.login",
    }
)
#: Login libraries whose `login_required` admits the user their own cookie names (Flask-Security's is
#: Flask-Login's).
_COOKIE_LOGIN_PACKAGES = ("flask_login.", "quart_auth.", "flask_security.")


def _inside(blocks: Iterable[ast.If | ast.ExceptHandler]) -> set[int]:
    """The ids of every node in the bodies of these blocks."""
    return {id(inner) for block in blocks for stmt in block.body for inner in ast.walk(stmt)}


#: Words of cookies that carry a step of a flow or a preference, not who the user is.
_FLOW_COOKIE_WORDS = frozenset(
    {"state", "nonce", "verifier", "pkce", "csrf", "xsrf", "redirect", "next", "lang", "language", "locale", "theme"}
)


def _flow_cookie_reads(nodes: list[ast.AST]) -> set[int]:
    """The `cookies` attributes read only for a literal key named for a flow step or a preference:
    `request.cookies.get("oauth_state")`, `request.COOKIES["django_language"]`."""
    found = set()
    for node in nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            holder, key = node.func.value, string(node.args[0]) if node.args else None
        elif isinstance(node, ast.Subscript):
            holder, key = node.value, string(node.slice)
        else:
            continue
        if (
            isinstance(holder, ast.Attribute)
            and holder.attr in ("cookies", "COOKIES")
            and key
            and set(names.words(key)) & _FLOW_COOKIE_WORDS
        ):
            found.add(id(holder))
    return found


def _scan_body(module: Module, function: Function) -> _ViewScan:
    scan = _ViewScan()
    # The body and parameter defaults; decorators belong to the route, not to what the view does.
    roots = [*function.body, parameters(function)]
    # `admin: SessionAdmin` with `SessionAdmin = Annotated[User, Depends(session_admin)]` in this module: the
    # dependency runs as if written in place. One imported from another module is named for the project stage.
    aliases, imported = _dependency_aliases(module, function)
    nodes = [n for root in (*roots, *aliases) for n in ast.walk(root)]
    # `request.session[k] = v` only stores into the session: it does not act as the user the cookie names.
    stored = {id(n.value) for n in nodes if isinstance(n, ast.Subscript) and isinstance(n.ctx, (ast.Store, ast.Del))}
    # `request.cookies.get("oauth_state")`: a cookie that holds a step of a flow names nobody.
    stored |= _flow_cookie_reads(nodes)
    # `if request.authenticated_userid == username: ... create_user(...)`: an account made for a caller
    # already signed in (by a plugin, a proxy) is no sign-up form.
    for_signed_in = _inside(n for n in nodes if isinstance(n, ast.If) and _tests_signed_in(n.test))
    # `except MailDomain.DoesNotExist: MailDomain.objects.create(...)`: a lookup completed by hand, as
    # `get_or_create()` does (or its duplicates removed): it makes sure a record exists.
    repairs = _inside(n for n in nodes if isinstance(n, ast.ExceptHandler) and _lookup_failure(n.type))
    # `for token in user.tokens: if token.expired: db.delete(token); continue`: a listing that drops the entries it
    # will not show. What goes is decided by the stored entries, not by the request: any visit prunes the same.
    repairs |= _inside(branch for n in nodes if isinstance(n, (ast.For, ast.AsyncFor)) for branch in _pruning(n))
    models = _body_model_parameters(function)
    # `for token in payload["tokens"]: token.get("otp")`: a key of each item of a list, not a field of the form.
    scan.items = frozenset(
        n.target.id for n in nodes if isinstance(n, (ast.For, ast.comprehension)) and isinstance(n.target, ast.Name)
    )
    for node in nodes:
        if isinstance(node, ast.Attribute):
            _scan_attribute(module, function, node, scan)
            if isinstance(node.value, ast.Name) and node.value.id in models and isinstance(node.ctx, ast.Load):
                scan.reads.add(node.attr)  # `user.password` of `user: UserCreate`: a field the client sent
            request = node.attr in _IDENTITY_ATTRIBUTES or node.attr == "session"
            if isinstance(node.ctx, ast.Load) and not request and _is_request(module, node.value, function):
                scan.request_attrs.add(node.attr)  # `request.subscriber`, which a middleware may set
            if node.attr in _FORM_BODIES and _is_request(module, node.value, function):
                scan.form = True  # `request.form`: a form-encoded body, which any site's page can post
            elif (
                node.attr in falcon.ANY_BODY
                and module.imports_any("falcon")
                and _is_request(module, node.value, function)
            ):
                scan.form = True  # Falcon's `req.get_media()` parses a form as well as JSON; its stream is any body
            if id(node) not in stored and (
                request and _is_request(module, node.value, function) or node.attr in ("COOKIES", "cookies")
            ):
                if node.attr in _POLICY_IDENTITY_ATTRIBUTES and module.imports_any("pyramid"):
                    scan.policy_identity = True  # whoever the security policy names: a header's, or a ticket's
                elif node.attr in ("user", "auth") and module.imports_any("litestar", "starlite"):
                    scan.policy_identity = True  # whoever the authentication backend names: a header's, or a cookie's
                else:
                    scan.identity = True
            elif _names_person(node.attr) and (
                _is_flask_g(module, node.value, function) or _request_context(module, node.value, function)
            ):
                scan.user_on_g = True  # a hook's user on `flask.g`, Falcon's `req.context`, Sanic's `request.ctx`
            elif node.attr == "current_user" and _is_self(node.value) and tornado.handler_method(module, function):
                scan.user_on_g = True  # the user `get_current_user()` names: a signed cookie's, or a token's
        elif isinstance(node, ast.Call):
            _scan_call(
                module, function, node, scan, for_signed_in=id(node) in for_signed_in, repairs=id(node) in repairs
            )
            if (
                isinstance(node.func, ast.Name)
                and node.func.id == "getattr"
                and len(node.args) > 1
                and _is_request(module, node.args[0], function)
                and (attr := string(node.args[1]))
            ):
                scan.request_attrs.add(attr)  # `getattr(request, "subscriber", None)`
        elif isinstance(node, ast.Subscript):
            key = string(node.slice)
            if key and isinstance(node.ctx, ast.Store) and _holds_password(key):
                scan.acts.add(SETS_PASSWORD)  # `settings["password"] = form.password.data`: it stores one
            elif key and not _read_from(node.value, scan.items):
                scan.reads.add(key)
                if key in ("HTTP_AUTHORIZATION", "Authorization", "authorization"):
                    scan.header_auth = True
                if "csrf" in key.lower() or "xsrf" in key.lower():
                    scan.csrf = True
        elif isinstance(node, ast.Compare) and _against_configured_secret(node):
            # `if secret != settings.CAS_AUTH_SHARED_SECRET: return ...`: the sender proves itself with a
            # secret the deployment shares with it, as a signed webhook does; no cookie is involved.
            scan.signature = True
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "method":
            scan.asks_method = True
            if any(string(c) in STATE_CHANGING for c in node.comparators) or any(
                (strings(c) or ()) and set(strings(c) or ()) & STATE_CHANGING for c in node.comparators
            ):
                scan.writes = True
        elif isinstance(node, ast.Name) and module.binding(node.id, function) in _session_names():
            scan.session = True
            scan.identity = scan.identity or id(node) not in stored
        elif isinstance(node, ast.If) and _waits_since_last(node):
            # `if user.pw_reset_time and one_day_ago < user.pw_reset_time: return redirect(...)`: no second
            # message before the wait is over, whoever asks.
            scan.limits.append(f"waits since the last (`{short_source(node.test)}`)")
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
            scan.json = True
        elif (
            isinstance(node, ast.Return)
            and isinstance(node.value, ast.Tuple)
            and len(node.value.elts) > 1
            and status_number(node.value.elts[1]) == _TOO_MANY_REQUESTS
        ):
            scan.limits.append(REFUSES_EXCESS)  # `return jsonify(error=...), 429`
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in ("Authorization", "HTTP_AUTHORIZATION", "authorization")
        ):
            scan.header_auth = True
    scan.calls.update(imported)
    scan.dependencies.update(imported)
    if _typed_as_current_user(function):
        scan.for_current_user = True  # `current_user: CurrentActiveUser`, an `Annotated[User, Depends(...)]` alias
    scan.signed_in = scan.for_current_user or any(
        _refuses_anonymous(stmt) for stmt in nodes if isinstance(stmt, ast.If)
    )
    if scan.for_current_user:
        # A user made by a signed-in caller (an administrator adding an account) is no sign-up.
        scan.acts.discard(CREATES_USER)
    if (
        CREATES_USER in scan.acts
        and _users_made_without_password(nodes)
        and not any(_holds_password(key) for key in scan.reads)
    ):
        # `User(login=login, password="", ...)` from what a CAS server or SAML assertion vouched for,
        # `create_user(name, password=None)` for a caller a plugin signed in: provisioning, not a sign-up
        # form anyone can fill in.
        scan.acts.discard(CREATES_USER)
    if CREATES_USER in scan.acts and _stores_a_given_user(function, nodes):
        # `async def finish_sign_in(request, user): await data_layer.create_user(user)`: a helper keeping a
        # record of the user its caller was handed by a credentials or identity check, not a sign-up.
        scan.acts.discard(CREATES_USER)
    if SAVES_DATA in scan.acts and CHANGES_DATA not in scan.acts and _saves_edited_record(nodes, repairs):
        scan.acts.add(CHANGES_DATA)
    return scan


#: Words of a field that keeps a record's bookkeeping (a last-seen time, a view counter, a read mark), not its
#: state.
_BOOKKEEPING_WORDS = frozenset(
    {"last", "seen", "read", "unread", "viewed", "opened", "downloaded", "visit", "visited", "visits", "accessed",
     "access", "count", "counter", "views", "hits", "updated", "modified", "timestamp", "cache", "cached"}
)  # fmt: skip


#: What a request carries that its sender chose: its query, form, body and files.
_SENT_INPUTS = frozenset({"GET", "POST", "data", "body", "json", "args", "form", "files", "FILES", "query_params"})


def _saves_edited_record(nodes: list[ast.AST], repairs: set[int]) -> bool:
    """`order.status = "cancelled"; order.save()`: a record the view loaded, whose field it sets, then saves.
    What changed is that field (or the `update_fields` the save names), not a last-seen mark, a read mark or
    a counter; as much a change as `Order.objects.update()`. A record the view makes (`key = Key()`) counts
    when a field takes what the request sent (`key.secret = request.GET["key"]`): a forged request chooses
    what is written, where a blank record for the user (`plan = Plan(); plan.user = request.user`) is clutter."""
    made: set[str] = set()
    sent = _names_of_sent_input(nodes)
    assigned: dict[str, set[str]] = {}
    chosen: set[str] = set()
    for node in nodes:
        if not isinstance(node, ast.Assign):
            continue
        value = node.value
        func = value.func if isinstance(value, ast.Call) else None
        maker = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if maker[:1].isupper():  # `key = UserKey()`: a record made here, not one the view loaded
            made.update(t.id for t in node.targets if isinstance(t, ast.Name))
        for target in node.targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id != "self":
                assigned.setdefault(target.value.id, set()).add(target.attr)
                if _carries_sent_input(value, sent):
                    chosen.add(target.value.id)
    for node in nodes:
        if not (
            isinstance(node, ast.Call)
            and id(node) not in repairs
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "save"
            and not node.args
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in assigned
        ):
            continue
        record = node.func.value.id
        if record in made and record not in chosen:
            continue
        update_fields = keyword_argument(node, "update_fields")
        named = literal_value(update_fields) if update_fields is not None else None
        fields = set(named) if isinstance(named, (list, tuple)) else assigned[record]
        if any(isinstance(f, str) and not _BOOKKEEPING_WORDS & set(names.words(f)) for f in fields):
            return True
    return False


def _sent_input(node: ast.AST) -> bool:
    """`request.GET`, `request.POST["key"]`, `request.data.get("x")`: what the request's sender chose."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr in _SENT_INPUTS
        and isinstance(node.value, ast.Name)
        and node.value.id in _REQUEST_NAMES
    )


def _carries_sent_input(value: ast.AST, sent: set[str]) -> bool:
    return any(_sent_input(n) or isinstance(n, ast.Name) and n.id in sent for n in ast.walk(value))


def _names_of_sent_input(nodes: list[ast.AST]) -> set[str]:
    """Local names bound to what the request's sender chose (`answer = request.GET["answer"]`)."""
    sent: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Assign) and any(_sent_input(n) for n in ast.walk(node.value)):
            sent.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return sent


_OPTIONAL_WORDS = frozenset({"optional", "maybe", "anonymous", "anon", "public"})


#: Words of a record's field that keeps when a message or reset was last sent.
_LAST_SENT_WORDS = frozenset({"reset", "sent", "send", "last", "mail", "email", "notified", "requested", "code"})
_TIME_WORDS = frozenset({"time", "at", "date", "timestamp", "on"})


def _waits_since_last(branch: ast.If) -> bool:
    """A branch that leaves early when a record's last-sent time is compared with a time span or the clock
    (`if user.pw_reset_time and one_day_ago < user.pw_reset_time < now(): return ...`)."""
    body = branch.body
    if not body or not isinstance(body[-1], (ast.Return, ast.Raise)):
        return False
    ordering = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)  # a time against another, not `is None`
    for compare in ast.walk(branch.test):
        if not isinstance(compare, ast.Compare) or not all(isinstance(op, ordering) for op in compare.ops):
            continue
        sides = [compare.left, *compare.comparators]
        fields = [set(names.words(side.attr)) for side in sides if isinstance(side, ast.Attribute)]
        if any(f & _LAST_SENT_WORDS and f & _TIME_WORDS for f in fields):
            return True
    return False


def names_authenticated_caller(dependency: str) -> bool:
    """`user_api_key_auth`, `require_auth`, `get_authenticated_user`, `get_current_active_superuser`: a dependency
    named for the caller's authentication, which refuses whoever presents none. Not `authenticate_user`, which
    may be the credential check of a sign-in route itself, nor an optional one (`optional_auth`) that lets
    visitors through."""
    words = names.words(dependency)
    ws = set(words)
    if words and words[-1] in _PROVIDED_OBJECTS:
        return False  # `get_auth_service`, `Provide[Container.auth_service]`: an object handed to the view
    # `get_current_active_superuser`, `current_admin`: the signed-in caller, of a kind.
    current = "current" in ws and bool(ws & {"user", "superuser", "admin", "account", "principal", "member"})
    return bool(ws & {"auth", "authenticated"} or current) and not ws & _OPTIONAL_WORDS


#: Last words of a dependency that hands the view an object to work with, not the caller's identity.
_PROVIDED_OBJECTS = frozenset(
    {"service", "services", "manager", "client", "repository", "repo", "provider", "factory", "container"}
    | {"settings", "config", "backend", "store", "gateway"}
)


def _against_configured_secret(test: ast.Compare) -> bool:
    """`x == settings.API_SHARED_SECRET`, `x != WEBHOOK_TOKEN`, `x != app.config["SHARED_SECRET"]`: a value
    compared with a secret the configuration holds (a constant-cased setting named for a secret or password)."""
    if len(test.ops) != 1 or not isinstance(test.ops[0], (ast.Eq, ast.NotEq)):
        return False
    for side in (test.left, *test.comparators):
        name = (
            side.attr
            if isinstance(side, ast.Attribute)
            else side.id
            if isinstance(side, ast.Name)
            else string(side.slice) or ""
            if isinstance(side, ast.Subscript)
            else ""
        )
        if names.is_configured_secret(name):
            return True
    return False


def _annotated_class(arg: ast.arg) -> str:
    """`UserCreate` for `user: UserCreate` or `user: schemas.UserCreate`; "" for any other annotation."""
    annotation = arg.annotation
    if isinstance(annotation, ast.Name):
        return annotation.id
    return annotation.attr if isinstance(annotation, ast.Attribute) else ""


def _dependency_aliases(module: Module, function: Function) -> tuple[list[ast.expr], list[str]]:
    """The `Annotated[..., Depends(...)]` aliases the parameters are annotated with: those this module binds
    (as the expression), and the project name of every annotation it imports, of which the project stage knows
    the aliases (`DEPENDENCY_ALIAS`; a body model's class is named too, and matches none)."""
    here: list[ast.expr] = []
    imported: list[str] = []
    args = parameters(function)
    for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
        annotation = arg.annotation
        if isinstance(annotation, ast.Name) and annotation.id in module.imports:
            qualified = module.imports[annotation.id]
            if qualified.split(".", 1)[0] in module.project_roots:
                imported.append(qualified)
        elif isinstance(annotation, ast.Name):
            bound = module.assignments.get(annotation.id)
            if bound and len(bound) == 1 and annotated_dependency(module, bound[0]) is not None:
                here.append(bound[0])
    return here, imported


def annotated_dependency(module: Module, value: ast.expr) -> str | None:
    """`Annotated[User, Depends(get_current_user)]`: the project function the alias depends on."""
    if not (isinstance(value, ast.Subscript) and last(module.qualified_name(value.value) or "") == "Annotated"):
        return None
    items = value.slice.elts if isinstance(value.slice, ast.Tuple) else []
    for item in items[1:]:
        if isinstance(item, ast.Call) and last(ast.unparse(item.func)) in ("Depends", "Security") and item.args:
            dependency = module.qualified_name(item.args[0])
            if dependency and dependency.split(".", 1)[0] in module.project_roots:
                return dependency
    return None


def _typed_as_current_user(function: Function) -> bool:
    """A parameter whose annotation names the signed-in user (`CurrentActiveUser`, `CurrentUser`): the
    dependency alias FastAPI projects declare once, `Annotated[User, Depends(get_current_active_user)]`."""
    args = parameters(function)
    for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
        name = _annotated_class(arg)
        if name and {"current", "user"} <= set(names.words(name)):
            return True
    return False


def _asks_who_is_signed_in(test: ast.expr) -> bool:
    """`request.has_permission("user_modify")`, `current_user.is_authenticated`, Flask's `g.user`: who the
    caller is."""
    return any(
        isinstance(n, ast.Attribute)
        and (
            n.attr in _SIGNED_IN_ATTRIBUTES
            or n.attr == "has_permission"
            or n.attr in _G_IDENTITIES
            and isinstance(n.value, ast.Name)
            and n.value.id == "g"
        )
        for n in ast.walk(test)
    )


#: What a Flask app's login layer leaves on `flask.g` for a signed-in caller.
_G_IDENTITIES = frozenset({"user", "session", "identity", "current_user"})


def _refuses_anonymous(stmt: ast.If) -> bool:
    """`if not current_user.is_authenticated: abort(401)`, `if g.user is None: return redirect(...)`, `if not
    g.session or ...: abort(403)`: the view leaves unless someone is signed in."""
    parts = stmt.test.values if isinstance(stmt.test, ast.BoolOp) and isinstance(stmt.test.op, ast.Or) else [stmt.test]
    anonymous = any(
        isinstance(part, ast.UnaryOp)
        and isinstance(part.op, ast.Not)
        and _asks_who_is_signed_in(part.operand)
        or isinstance(part, ast.Compare)
        and len(part.ops) == 1
        and isinstance(part.ops[0], ast.Is)
        and isinstance(part.comparators[0], ast.Constant)
        and part.comparators[0].value is None
        and _asks_who_is_signed_in(part.left)
        for part in parts
    )
    return anonymous and leaves(stmt.body)


def _users_made_without_password(nodes: list[ast.AST]) -> bool:
    """The view makes user records only with an empty password (`password=""`, `password=None`)."""
    made = [
        node
        for node in nodes
        if isinstance(node, ast.Call)
        and any(k.arg in ("password", "passwd") for k in node.keywords)
        and (isinstance(node.func, ast.Name) and node.func.id[:1].isupper() or _names_user_maker(node.func))
    ]
    return bool(made) and all(
        isinstance(k.value, ast.Constant) and k.value.value in ("", None)
        for node in made
        for k in node.keywords
        if k.arg in ("password", "passwd")
    )


def _given_a_user(node: ast.Call) -> bool:
    """A call handed a user object (`finish(request, user)`) and no credential."""
    arguments = [*node.args, *(k.value for k in node.keywords)]
    given = [names.words(a.id) for a in arguments if isinstance(a, ast.Name)]
    given += [names.words(k.arg) for k in node.keywords if k.arg]
    user = any(ws and set(ws) & _USER_WORDS and ws[-1] not in ("name", "id") for ws in given)
    credential = any(
        "token" in ws or names.classify("_".join(ws)) in (names.NameKind.PASSWORD, names.NameKind.SHORT_CODE)
        for ws in given
    )
    return user and not credential


def _stores_a_given_user(function: Function, nodes: list[ast.AST]) -> bool:
    """Every user maker the function calls is given only a user object the function received as a
    parameter (`create_user(user)`), nothing read or built here."""
    params = set(function.params)
    made = [n for n in nodes if isinstance(n, ast.Call) and _names_user_maker(n.func)]
    return bool(made) and all(
        not n.keywords
        and len(n.args) == 1
        and isinstance(n.args[0], ast.Name)
        and n.args[0].id in params
        and bool(set(names.words(n.args[0].id)) & _USER_WORDS)
        for n in made
    )


def _names_user_maker(func: ast.expr) -> bool:
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    words = set(names.words(name))
    return bool(words & {"create", "register", "add"}) and bool(words & _USER_WORDS)


def _made_by(module: Module, function: Function, name: str) -> str:
    """The qualified name of what made the object a local name holds, when one call made it:
    `form = BillForm(request.form)` gives the class, `form = make_form()` the function."""
    makers = {
        "" if _csrf_meta_off(node.value) else _project_name(module, function, node.value.func)
        for node in ast.walk(function.node)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    }
    return makers.pop() if len(makers) == 1 else ""


def _csrf_meta_off(call: ast.Call) -> bool:
    """`ProjectForm(meta={"csrf": False})`: this form object checks no token, whatever its class says."""
    return any(
        k.arg == "meta"
        and isinstance(k.value, ast.Dict)
        and any(
            isinstance(key, ast.Constant) and key.value == "csrf" and isinstance(v, ast.Constant) and v.value is False
            for key, v in zip(k.value.keys, k.value.values)
        )
        for k in call.keywords
    )


def _project_name(module: Module, function: Function, func: ast.expr) -> str:
    name = module.qualified_name(func, function) or ""
    if name and "." not in name and module.module_name:
        return f"{module.module_name}.{name}"  # defined in this module
    return name


def factory_facts(module: Module) -> list[tuple[str, object]]:
    """A FactoryFact for each module-level function whose every return gives an object of a class it makes
    there: `return BillForm()`, `form = BillForm(); ...; return form`, or one class on each branch."""
    facts: list[tuple[str, object]] = []
    for function in module.functions.values():
        if function.class_name or function.parent is None or not function.parent.is_module:
            continue
        made = {
            _returned_class(module, function, node.value)
            for node in ast.walk(function.node)
            if isinstance(node, ast.Return) and node.value is not None
        }
        if made and "" not in made:
            facts.append((FACTORY, FactoryFact(module.global_name(function), tuple(sorted(made)))))
    return facts


def _returned_class(module: Module, function: Function, value: ast.expr) -> str:
    if isinstance(value, ast.Name):
        maker = _made_by(module, function, value.id)
    elif isinstance(value, ast.Call):
        maker = "" if _csrf_meta_off(value) else _project_name(module, function, value.func)
    else:
        return ""
    return maker if last(maker)[:1].isupper() else ""


def _switches(function: Function) -> tuple[str, ...]:
    """`if not settings.REGISTRATION: raise PermissionDenied` at the top of a view: the settings that switch
    the feature on. Without them the view refuses before doing anything."""
    found: list[str] = []
    for stmt in function.body[:3]:
        if not isinstance(stmt, ast.If) or not stmt.body or not isinstance(stmt.body[-1], (ast.Raise, ast.Return)):
            continue
        tests = (
            stmt.test.values if isinstance(stmt.test, ast.BoolOp) and isinstance(stmt.test.op, ast.Or) else [stmt.test]
        )
        for test in tests:
            if (
                isinstance(test, ast.UnaryOp)
                and isinstance(test.op, ast.Not)
                and isinstance(test.operand, ast.Attribute)
                and isinstance(test.operand.value, ast.Name)
                and test.operand.value.id == "settings"
                and test.operand.attr.isupper()
            ):
                found.append(test.operand.attr)
    return tuple(found)


def _holds_password(name: str) -> bool:
    """`password`, `admin_password`, `password_hash`: a key or attribute a password (or its hash) is kept in,
    not `password_verified`."""
    ws = names.words(name)
    kept = {"password", "passwd", "pwd", "passphrase"}
    return bool(ws) and (ws[-1] in kept or ws[-1] in ("hash", "digest") and bool(kept & set(ws)))


#: Types a view's parameter may be given that are not a body the client sent.
_NOT_BODY_TYPES = frozenset(
    {"Request", "Response", "HttpRequest", "WebSocket", "BackgroundTasks", "Session", "AsyncSession", "User", "UUID"}
)


def _body_model_parameters(function: Function) -> set[str]:
    """`user: UserCreate` of a view (FastAPI's body models): a parameter typed with a class, not one a dependency
    gives (`= Depends(...)`), the request, a database session or the signed-in user."""
    args = parameters(function)
    positional = [*args.posonlyargs, *args.args]
    defaults = dict(zip((a.arg for a in positional[len(positional) - len(args.defaults) :]), args.defaults))
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    found = set()
    for arg in (*positional, *args.kwonlyargs):
        name = _annotated_class(arg)
        if not name[:1].isupper() or name in _NOT_BODY_TYPES or isinstance(defaults.get(arg.arg), ast.Call):
            continue
        found.add(arg.arg)
    return found


def _read_from(receiver: ast.expr, items: frozenset[str]) -> bool:
    return isinstance(receiver, ast.Name) and receiver.id in items


def _scan_attribute(module: Module, function: Function, node: ast.Attribute, scan: _ViewScan) -> None:
    if isinstance(node.ctx, ast.Store) and _holds_password(node.attr):
        scan.acts.add(SETS_PASSWORD)  # `user.password = ...`: the view sets a password, it checks none
        return
    if _is_request(module, node.value, function):
        if node.attr in _BODY_ATTRIBUTES:
            scan.writes = True
        elif node.attr in ("user", "session", "auth", "cookies", "COOKIES"):
            scan.session = True
    elif node.attr == "data" and isinstance(node.value, ast.Attribute):
        scan.reads.add(node.value.attr)  # `form.password.data`
    elif node.attr == "COOKIES" or node.attr == "cookies":
        scan.session = True


#: Attributes that say who the signed-in caller is: tested, they gate a block to signed-in users.
_SIGNED_IN_ATTRIBUTES = frozenset({"authenticated_userid", "is_authenticated", "authenticated_user"})


def _tests_signed_in(test: ast.expr) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in _SIGNED_IN_ATTRIBUTES for n in ast.walk(test)) and not any(
        isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not) for n in ast.walk(test)
    )


def _asks_method(name: str) -> bool:
    """`is_post`, `request_is_get`, `is_method`: a predicate on the request's method."""
    ws = names.words(name)
    return "is" in ws and bool({"post", "get", "method"} & set(ws[ws.index("is") + 1 :]))


def _scan_call(
    module: Module,
    function: Function,
    node: ast.Call,
    scan: _ViewScan,
    *,
    for_signed_in: bool = False,
    repairs: bool = False,
) -> None:
    callee = module.qualified_name(node.func, function) or ""
    method = (
        node.func.attr
        if isinstance(node.func, ast.Attribute)
        else node.func.id
        if isinstance(node.func, ast.Name)
        else ""
    )
    lowered = (callee or method).lower()
    if _asks_method(last(callee) or method) and any(_is_request(module, a, function) for a in node.args):
        scan.asks_method = True  # `if is_post(request):`, a helper that compares the method
    if method in ("get", "getlist", "pop", "get_all") + tornado.FIELD_READERS and node.args:
        key = string(node.args[0])
        if key and not (isinstance(node.func, ast.Attribute) and _read_from(node.func.value, scan.items)):
            scan.reads.add(key)
            if key.lower() == "cookie":  # `self.headers.get("Cookie")`: the request's cookies, read by hand
                scan.session = scan.identity = True
            if "csrf" in key.lower() or "xsrf" in key.lower():
                scan.csrf = True
    if method in known.union("renderers"):
        scan.templates.extend(_template_names(node))
    if method in known.union("json_responses") or last(callee) in known.union("json_responses"):
        scan.json = True
    if is_sender(callee, method, node):
        scan.sends = True
    if any(word in lowered for word in _SIGNATURE_WORDS) or callee in ("hmac.new", "hmac.digest"):
        scan.signature = True
    if (
        ("csrf" in lowered or "xsrf" in lowered)
        and "exempt" not in lowered  # `csrf_exempt(view)` checks nothing
        or method == "validate_on_submit"
        or (last(callee) or method) in _CHALLENGE_CHECKS
    ):
        scan.csrf = True
    if last(callee) in ("Depends", "Security") and node.args:
        dependency = module.qualified_name(node.args[0], function) or ast.unparse(node.args[0])
        if "csrf" in dependency.lower():
            scan.csrf = True
        if _header_dependency(module, node.args[0]):
            scan.header_auth = True
        if (
            {"current", "user"} <= set(names.words(last(dependency)))
            or names_authenticated_caller(last(dependency))
            or last(callee) == "Security"
            and not _OPTIONAL_WORDS & set(names.words(last(dependency)))
        ):
            # `Security(auth.get_current_user)`, `Depends(user_api_key_auth)`, `Security(authorize)`: only a
            # signed-in caller gets in (FastAPI's `Security()` declares an authentication scheme's dependency).
            scan.for_current_user = True
        if dependency.split(".", 1)[0] in module.project_roots:
            scan.calls.add(dependency)  # what the dependency does, the route does
            scan.dependencies.add(dependency)
    if (
        last(callee) == "RateLimiter"
        or (callee.startswith("fastapi_limiter") and is_limit_name(callee))
        or is_limit_call(callee, method, node)
    ):
        scan.limits.append(short_source(node))
    elif any(status_number(status) == _TOO_MANY_REQUESTS for status in statuses(node)):
        scan.limits.append(REFUSES_EXCESS)
    change = _changes_data(callee, method, node)
    if change:
        scan.acts.add(SAVES_DATA if repairs else change)
    # A form class of the project's is judged by what the view does with it, not by the name it shares with
    # a framework's form (a `PasswordResetForm` of the project's may set a password, not send a link).
    own_form = last(callee) in _FORM_ACTS and library_form(callee) is None
    act = "" if own_form else _act(callee, method, node)
    if not act and method in ("register", "signup", "sign_up", "create"):
        # `service.register(body)` on a parameter declared as `AccountService`, `auth_service.register(...)` of a
        # project module: what the class or the module is named for is made.
        project = callee if callee.split(".", 1)[0] in module.project_roots else ""
        made = node.func.value if isinstance(node.func, ast.Attribute) else None
        if not project and isinstance(made, ast.Call):
            # `AccountService().register(...)`: a method of the project class made on the spot.
            cls = module.qualified_name(made.func, function) or ""
            project = f"{cls}.{method}" if cls.split(".", 1)[0] in module.project_roots else ""
        typed = module.typed_method(node, function) or project
        owner = names.words(typed.rsplit(".", 2)[-2]) if typed.count(".") >= 1 else ()
        if set(owner) & {"user", "users", "account", "accounts", "registration", "signup", "auth", "members"}:
            act = CREATES_USER
    if act == SETS_PASSWORD and _compared(function, node):
        act = AUTHENTICATES  # `compare_digest(hash_share_password(password), stored)`: a password checked
    if act == AUTHENTICATES and _given_a_user(node):
        # `_authenticate_user(request, user)`: signs in a user something else already found; checks nothing.
        act = SIGNS_IN
    if act and not (act == CREATES_USER and for_signed_in):
        scan.acts.add(act)
    if act == AUTHENTICATES:
        own = callee.split(".", 1)[0] in module.project_roots or not callee or method in _HASHER_CHECKS
        if own:
            scan.own_checks += 1
        else:
            scan.framework_checks += 1
    if (
        act == AUTHENTICATES
        and _checks_one_time_code(last(callee) or method, method, node)
        or _asks_code_valid(last(callee) or method)
    ):
        scan.acts.add(CHECKS_ONE_TIME_CODE)
    if act == AUTHENTICATES and _signs_in(callee, method, node):
        scan.acts.add(SIGNS_IN)
    reached = project_callee(module, function, node.func)
    if reached:
        scan.calls.add(reached)  # `self._send_notification(user)`: the view's own method counts too
    method_called = _method_of_made_object(module, function, node.func)
    if method_called:
        scan.calls.add(method_called)  # `AuthService().resend_confirmation(email)`: that class's method runs
    # `tasks.add_task(send_reset_email, ...)`, `send_mail.delay(...)`: a sender handed on to run later
    for arg in (
        *node.args,
        node.func.value if method in ("delay", "apply_async") and isinstance(node.func, ast.Attribute) else None,
    ):
        if isinstance(arg, (ast.Name, ast.Attribute)):
            target = module.qualified_name(arg, function) or ast.unparse(arg)
            if _is_sender_name(last(target)):
                scan.sends = True
                reset = _act(target, last(target), None)
                if reset:
                    scan.acts.add(reset)
    if last(callee) in ("Cookie", "APIKeyCookie") or callee in _COOKIE_SESSION_READERS:
        scan.session = scan.identity = True
    if (
        method in ("get_secure_cookie", "get_signed_cookie", "get_cookie")
        and isinstance(node.func, ast.Attribute)
        and _is_self(node.func.value)
        and tornado.handler_method(module, function)
    ):
        scan.session = scan.identity = True  # a Tornado handler reads who the (signed) cookie names
    if (
        last(callee) in ("Form", "File", "UploadFile")
        or method == "form"
        or last(callee) == "Body"
        and any(kind in ast.unparse(node) for kind in ("URL_ENCODED", "MULTI_PART"))
    ):  # Litestar's form bodies
        scan.form = True
    if method == "get_json" and any(k.arg == "force" and literal_value(k.value) is not False for k in node.keywords):
        scan.form = True  # `request.get_json(force=True)`: a form's text/plain body is read as JSON too
    if method in ("authenticate", "login", "login_user", "check_password", "verify_password") or last(callee) in (
        "authenticate",
        "login_user",
    ):
        scan.session = scan.session or last(callee) in ("login", "login_user")
        scan.reads.update(kw.arg for kw in node.keywords if kw.arg)
    name = last(callee) or method
    if name[:1].isupper() and callee:
        if callee.split(".", 1)[0] in module.project_roots or "." not in callee:
            scan.models.add(callee)  # a project form or serializer: its fields are read
        scan.reads.update(_PASSWORD_FORMS.get(name, ()))
    if method == "is_valid" or method == "validate_on_submit":
        scan.writes = True
    if method == "validate" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        maker = _made_by(module, function, node.func.value.id)
        if maker:
            scan.validated.add(maker)


#: Calls that read the user the request's cookie names (aiohttp-session, aiohttp-security, the standard library).
_COOKIE_SESSION_READERS = frozenset(
    {
        "aiohttp_session.get_session",
        "aiohttp_security.authorized_userid",
        "aiohttp_security.check_authorized",
        "http.cookies.SimpleCookie",
    }
)
_HEADER_SCHEMES = frozenset(
    {
        "HTTPBearer",
        "OAuth2PasswordBearer",
        "OAuth2AuthorizationCodeBearer",
        "APIKeyHeader",
        "HTTPBasic",
        "HTTPDigest",
        "OpenIdConnect",
    }
)


def _header_dependency(module: Module, expr: ast.expr, depth: int = 0) -> bool:
    """`Depends(bearer)` where `bearer = HTTPBearer()`, or `Depends(current_user)` whose own parameters
    depend on one: the route authenticates from the Authorization header, not a cookie."""
    if depth > 3 or not isinstance(expr, ast.Name):
        return False
    for value in module.assignments.get(expr.id, ()):
        if isinstance(value, ast.Call) and last(module.qualified_name(value.func) or "") in _HEADER_SCHEMES:
            return True
    function = module.functions.get(expr.id)
    if function is None:
        return False
    args = parameters(function)
    positional = [*args.posonlyargs, *args.args]
    defaults = [
        *zip(positional[len(positional) - len(args.defaults) :], args.defaults),
        *((a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None),
    ]
    for arg, default in defaults:
        if not isinstance(default, ast.Call):
            continue
        marker = last(module.qualified_name(default.func) or "")
        if (
            marker in ("Depends", "Security")
            and default.args
            and _header_dependency(module, default.args[0], depth + 1)
        ):
            return True
        if marker == "Header" and _names_authorization(arg.arg, default):
            return True  # `authorization: str = Header(None)`: reads the credential itself
    return False


def _names_authorization(parameter: str, header: ast.Call) -> bool:
    alias = next((string(k.value) for k in header.keywords if k.arg == "alias"), None)
    return (alias or parameter).lower().replace("-", "_") in ("authorization", "x_api_key", "api_key")


_SEND_VERBS = frozenset({"send", "queue", "enqueue", "deliver", "schedule"})
#: Verbs of a call that checks or uses a reset code rather than sending one (`check_recovery_code`).
#: What a `reset_*` call may set back that is no password: `reset_token_failcounters(tokens)`.
_RESET_COUNTERS = frozenset(
    {"failcounter", "failcounters", "counter", "counters", "count", "attempts", "failures", "lockout", "cache"}
)
_CHECKING_VERBS = frozenset({"check", "verify", "validate", "is", "has", "get", "find", "consume", "redeem"})
_AUTH_CALLS = frozenset(
    {
        "check_password",
        "check_password_hash",
        "verify_password",
        "check_login",
        "login_user",
        "verify_token",
        "check_credentials",
        "verify_credentials",
        "authenticate_user",
    }
)
_HASHER_WORDS = frozenset({"pwd", "password", "passwd", "hasher", "crypt", "bcrypt", "argon2", "ph", "passlib"})
_USER_WORDS = frozenset({"user", "users", "account", "accounts", "member", "customer"})
_RESET_WORDS = frozenset({"reset", "forgot", "forgotten", "recover", "recovery"})
#: Library forms and what handling one does.
_PASSWORD_SETTERS = frozenset(
    {"generate_password_hash", "make_password", "set_password", "hash_password", "hashpw", "get_password_hash"}
)
#: The packages whose forms `_FORM_ACTS` and `_PASSWORD_FORMS` describe.
_FORM_LIBRARIES = ("django", "fastapi")


def library_form(name: str) -> str | None:
    """The short name of a framework's form that `name` is (`django.contrib.auth.forms.PasswordResetForm`,
    or a bare name of unknown origin), else None: a class of the project's is known by its own fields."""
    short = last(name)
    if short not in _FORM_ACTS and short not in _PASSWORD_FORMS:
        return None
    return short if "." not in name or name.split(".", 1)[0] in _FORM_LIBRARIES else None


_FORM_ACTS = {
    "AuthenticationForm": AUTHENTICATES,
    "OAuth2PasswordRequestForm": AUTHENTICATES,
    "OAuth2PasswordRequestFormStrict": AUTHENTICATES,
    "UserCreationForm": CREATES_USER,
    "PasswordResetForm": SENDS_RESET,
}


def _creates_user_by_name(ws: tuple[str, ...]) -> bool:
    """`create_user`, `register_new_account`, `user_create`, `signup`: the user is what is made.
    `create_user_roles` or `create_user_token` makes something of a user's."""
    verbs = {"create", "register", "signup"}
    if "signup" in ws:
        return True
    if not ws or not set(ws) & verbs:
        return False
    return ws[-1] in _USER_WORDS or ws[-1] in verbs and bool(set(ws[:-1]) & _USER_WORDS)


#: Calls that check an identity provider's signed token (Google's `id_token.verify_oauth2_token`, Firebase's
#: `auth.verify_id_token`, Authlib's `parse_id_token`): the caller proved an account there, with no password here.
_IDENTITY_TOKEN_CHECKS = frozenset(
    {"verify_oauth2_token", "verify_id_token", "verify_firebase_token", "parse_id_token"}
)


#: Methods that change what a database or an ORM keeps.
_WRITE_METHODS = frozenset(
    {"delete", "bulk_create", "bulk_update", "delete_many", "delete_one", "insert_one", "insert_many",
     "update_one", "update_many", "replace_one"}
)  # fmt: skip
#: ORM managers' writes (`Post.objects.create(...)`, `.filter(...).update(...)`).
_MANAGER_WRITES = frozenset({"create", "update", "update_or_create"})
#: Receivers whose `delete()` / `save()` / `commit()` change nothing stored: a cache, a cookie, an image
#: written to a buffer, a client that sends the request elsewhere, a git repository.
_NOT_STORES = ("cache", "cookie", "image", "img", "figure", "fig", "plot", "client", "http", "requests", "repo", "git")
#: Statements that write.
_WRITE_STATEMENT = re.compile(r"^\s*(insert|update|delete|replace|merge|drop|alter|truncate)\b", re.IGNORECASE)


def _changes_data(callee: str, method: str, node: ast.Call) -> str:
    """CHANGES_DATA for `post.delete()`, `Post.objects.filter(...).update(...)`, `cursor.execute("DELETE
    FROM ...")`; SAVES_DATA for `obj.save()`, `db.session.commit()`, which say that something changed but not
    what (a usage counter, a last-seen time); "" for anything else."""
    if not isinstance(node.func, ast.Attribute):
        return ""
    receiver = ast.unparse(node.func.value).lower()
    if any(word in receiver for word in _NOT_STORES) or callee.startswith(("requests.", "httpx.", "aiohttp.")):
        return ""
    if method == "commit" or method == "save" and not node.args and "session" not in receiver:
        return SAVES_DATA  # not `image.save(buffer)` nor `request.session.save()`
    if method in _WRITE_METHODS and not (method == "delete" and "request.session" in receiver):
        return CHANGES_DATA
    if method == "get_or_create" and "objects" in receiver:
        return SAVES_DATA  # makes sure a record exists (a last-seen mark, a mapping): what it changes is for a reader
    if method == "create" and _names_a_record_of_events(node.func.value):
        return SAVES_DATA  # `AuditLog.objects.create(...)`: an entry recording the request, as a log line does
    if method in _MANAGER_WRITES and ("objects" in receiver or ".filter(" in receiver):
        return CHANGES_DATA
    if method in ("execute", "executemany") and node.args:
        first = node.args[0]
        text = first.value if isinstance(first, ast.Constant) else None
        if isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
            text = first.values[0].value
        if isinstance(text, str) and _WRITE_STATEMENT.match(text):
            return CHANGES_DATA
    return ""


#: First words of a function's name that say it deletes, revokes or ends something the project keeps.
_DESTROYING_VERBS = frozenset(
    {"delete", "remove", "revoke", "cancel", "destroy", "purge", "deactivate", "disable", "ban", "erase", "wipe"}
)


def named_for_destroying(name: str) -> bool:
    """`revoke_key`, `delete_document`, `_cancel_order`: a function named for deleting, revoking or ending."""
    words = names.words(last(name))
    return bool(words) and words[0] in _DESTROYING_VERBS


def destroying_facts(module: Module) -> list[tuple[str, object]]:
    """A DestroyingFact for each function of the file named for deleting, revoking or cancelling whose body
    writes (`key.revoked_at = now(); session.commit()`, `repo.delete(key)`), and for each so named that calls
    project functions so named (`keys_service.revoke_key(...)`): it writes if one of them does, which the
    project stage decides. A GET view calling one changes data on GET, whichever module holds the write."""
    writers: set[str] = set()
    relays: dict[str, set[str]] = {}
    for call in module.calls:
        if call.scope.is_module or not named_for_destroying(call.scope.name):
            continue
        name = module.global_name(call.scope)
        if _changes_data(call.callee or "", call.method or "", call.node):
            writers.add(name)
            continue
        callee = project_callee(module, call.scope, call.node.func)
        if callee and named_for_destroying(callee):
            relays.setdefault(name, set()).add(callee)
    found: list[tuple[str, object]] = [(DESTROYING, DestroyingFact(name)) for name in sorted(writers)]
    found += [
        (DESTROYING, DestroyingFact(name, tuple(sorted(callees))))
        for name, callees in sorted(relays.items())
        if name not in writers
    ]
    return found


#: Words of a model's name that say each row records an event: adding one changes nothing else.
_EVENT_RECORD_WORDS = frozenset({"log", "logs", "audit", "history", "visit", "visits", "hit", "hits"})
#: Exceptions a failed ORM lookup raises.
_LOOKUP_FAILURES = frozenset({"DoesNotExist", "ObjectDoesNotExist", "MultipleObjectsReturned"})


def _names_a_record_of_events(manager: ast.expr) -> bool:
    """`AuditLog.objects`, `models.LoginHistory.objects`: the manager of a model named for a log of events."""
    if not (isinstance(manager, ast.Attribute) and manager.attr == "objects"):
        return False
    model = manager.value
    name = model.attr if isinstance(model, ast.Attribute) else model.id if isinstance(model, ast.Name) else ""
    return bool(set(names.words(name)) & _EVENT_RECORD_WORDS)


def _pruning(loop: ast.For | ast.AsyncFor) -> list[ast.If]:
    """The branches of a loop's body that delete the loop's item, or a record it holds, and go on to the next
    one: `db.delete(token)`, `token.delete()`, `memo.activity.delete()`."""
    if not isinstance(loop.target, ast.Name):
        return []
    item = loop.target.id
    return [
        branch
        for branch in loop.body
        if isinstance(branch, ast.If)
        and branch.body
        and isinstance(branch.body[-1], ast.Continue)
        and any(
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "delete"
            and (
                any(isinstance(a, ast.Name) and a.id == item for a in call.args)
                or not call.args
                and _rooted_at(call.func.value, item)
            )
            for stmt in branch.body
            for call in ast.walk(stmt)
        )
    ]


def _rooted_at(node: ast.expr, name: str) -> bool:
    """`memo`, `memo.activity`: the name, or an attribute reached from it."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id == name


def _lookup_failure(kinds: ast.expr | None) -> bool:
    """`except Site.DoesNotExist`, `except (Obj.MultipleObjectsReturned, KeyError)`: a lookup failed."""
    if kinds is None:
        return False
    for kind in kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]:
        name = kind.attr if isinstance(kind, ast.Attribute) else kind.id if isinstance(kind, ast.Name) else ""
        if name in _LOOKUP_FAILURES:
            return True
    return False


def _signs_in(callee: str, method: str, node: ast.Call) -> bool:
    """`authenticate(request, token=...)`, `auth.authenticate(...)`, `login_user(user)`: a function that finds
    who the caller is from what the request sent. Not a method of a user object
    (`request.user.check_password(old)`), which checks the signed-in user's own password."""
    name = last(callee) or method
    if name not in ("authenticate", "aauthenticate", "login_user"):
        return False
    func = node.func
    if not isinstance(func, ast.Attribute):
        return True
    receiver = names.words(ast.unparse(func.value).split(".")[-1])
    return not set(receiver) & {"user", "users", "account", "member", "self"}


def _signs_in_with_token_only(name: str, node: ast.Call | None) -> bool:
    """`authenticate(request, auth_url=url, token=token)`: the only credential is a token another service
    issued (an SSO callback's, a magic link's), unguessable, so there is nothing to try again and again. A
    one-time code (`otp_token=`) or a password beside it keeps the call a credentials check."""
    if node is None or name not in ("authenticate", "aauthenticate"):
        return False
    keywords = {k.arg for k in node.keywords if k.arg}
    guessable = {"password", "passwd", "pwd", "passcode", "otp", "totp", "hotp", "code", "pin", "username", "email"}
    return "token" in keywords and not any(set(names.words(k)) & guessable for k in keywords)


#: Methods that check a password against a stored hash without the framework's authentication backends
#: (`user.check_password(pw)`, `pwd_context.verify(pw, hashed)`): lockouts that watch `authenticate()` miss them.
_HASHER_CHECKS = frozenset({"check_password", "verify", "checkpw", "verify_password", "compare_digest"})


def _bound_once(module: Module, function: Function) -> dict[str, ast.expr]:
    """`name -> value` for the names the function binds by exactly one plain `name = value`, computed once per
    function and kept with the module."""
    kept = module.analyses.setdefault("views-bound-once", {})
    found = kept.get(id(function.node))
    if found is None:
        values: dict[str, list[ast.expr]] = {}
        for stmt in ast.walk(function.node):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                values.setdefault(stmt.targets[0].id, []).append(stmt.value)
        found = kept[id(function.node)] = {name: bound[0] for name, bound in values.items() if len(bound) == 1}
    return found


def _method_of_made_object(module: Module, function: Function, func: ast.expr) -> str | None:
    """`pkg.services.AuthService.resend` for `AuthService().resend(...)`, or for `svc.resend(...)` after
    `svc = AuthService(...)` in the function: a method of a project class (by the usual capitalised name) on
    an object made here."""
    if not isinstance(func, ast.Attribute):
        return None
    made: ast.expr | None = func.value
    if isinstance(made, ast.Name):
        made = _bound_once(module, function).get(made.id)
    if not isinstance(made, ast.Call):
        return None
    cls = project_callee(module, function, made.func)
    return f"{cls}.{func.attr}" if cls and last(cls)[:1].isupper() else None


def _compared(function: Function, node: ast.Call) -> bool:
    """The call's result is compared (`==`, `!=`, `compare_digest(...)`), not stored."""
    parent = parents_of(function.node).get(id(node))
    return isinstance(parent, ast.Compare) or (
        isinstance(parent, ast.Call) and last(ast.unparse(parent.func)) == "compare_digest"
    )


def _act(callee: str, method: str, node: ast.Call | None) -> str:
    """What a call shows the view doing: checking credentials, creating a user, sending a reset token."""
    name = last(callee) or method
    if name in _FORM_ACTS:
        return _FORM_ACTS[name]
    words = set(names.words(name))
    if name in _IDENTITY_TOKEN_CHECKS or _signs_in_with_token_only(name, node):
        return VERIFIES_IDENTITY_TOKEN
    if name in _AUTH_CALLS or "authenticate" in words or tuple(names.words(name)[:2]) == ("auth", "user"):
        # Flask-AppBuilder's security manager checks credentials by `auth_user_db(username, password)`,
        # `auth_user_ldap(...)`, and a project's own `auth_user_api_key(...)`.
        return AUTHENTICATES
    if (
        method == "verify"
        and node is not None
        and isinstance(node.func, ast.Attribute)
        and set(names.words(ast.unparse(node.func.value).replace(".", "_"))) & _HASHER_WORDS
    ):
        return AUTHENTICATES  # `pwd_context.verify(password, hashed)`, argon2's `ph.verify(hashed, password)`
    if _checks_one_time_code(name, method, node):
        return AUTHENTICATES  # `totp.verify(code)`, `verify_otp(user, code)`: a second factor, guessed as a password is
    if words & _RESET_WORDS and node is not None and _given_password(node):
        return SETS_PASSWORD  # `user.reset_password(password)`: the new password is set, nothing is sent
    if (
        words & _RESET_WORDS
        and (
            _names_reset_credential(names.words(name))
            or words <= _RESET_WORDS | _STARTING_VERBS
            and node is not None
            and _given_email(node)
        )
        and not words & _CHECKING_VERBS
        and names.words(name)[-1] not in _RESET_COUNTERS
    ):
        # `send_reset_email(user)`, or `resets.request_reset(email)`: a reset started for an address.
        return SENDS_RESET
    if name in _PASSWORD_SETTERS or names.hashes_passwords(name) and names.words(name)[:1] in (("hash",), ("make",)):
        # hashes a password to store it (`hash_share_password(password)`): the view sets one, it checks none
        return SETS_PASSWORD
    # `self._signup(token)`: a private helper named by a lone noun fetches that record (a shift's sign-up).
    if _creates_user_by_name(names.words(name)) and not (name.startswith("_") and len(names.words(name)) == 1):
        return CREATES_USER
    if node is not None and method in ("create", "create_user") and isinstance(node.func, ast.Attribute):
        parts = ast.unparse(node.func.value).split(".")
        if parts[-1] == "objects" and len(parts) > 1:
            parts = parts[:-1]
        receiver = names.words(parts[-1])
        if receiver and (
            receiver[-1] in ("user", "users", "account", "accounts")
            or receiver[-1] in ("manager", "model", "service", "repository", "db")
            and set(receiver) & {"user", "users", "account", "accounts"}
        ):
            return CREATES_USER  # `User.objects.create(...)`, `user_manager.create(...)`, not `user.tokens.create()`
    return ""


#: Words that name a one-time code or the second factor that checks one.
_ONE_TIME_CODE_WORDS = frozenset({"otp", "totp", "hotp", "mfa", "2fa", "twofa", "authenticator"})


def _checks_one_time_code(name: str, method: str, node: ast.Call | None) -> bool:
    """`pyotp.TOTP(secret).verify(code)`, `totp.verify(code)`, `verify_otp(user, code)`, `check_totp(...)`:
    the view checks a one-time code it was sent. Not `generate_otp`, `send_otp`."""
    words = _code_words(name)
    if words & {"verify", "check", "validate"} and words & _ONE_TIME_CODE_WORDS:
        return True
    if method != "verify" or node is None or not isinstance(node.func, ast.Attribute) or not node.args:
        return False
    receiver = node.func.value
    text = ast.unparse(receiver.func if isinstance(receiver, ast.Call) else receiver).replace(".", "_")
    return bool(_code_words(text) & _ONE_TIME_CODE_WORDS)


def _asks_code_valid(name: str) -> bool:
    """`is_otp_valid(code, ...)`, `user.is_email_or_sms_otp_valid(token)`: a predicate on a one-time code. It
    marks a check of the code (CHECKS_ONE_TIME_CODE) but not, by itself, a login: a view that sets up a second
    factor asks it of a code made from the secret it has just shown."""
    words = _code_words(name)
    return names.words(name)[:1] == ("is",) and bool(words & {"valid", "correct"} and words & _ONE_TIME_CODE_WORDS)


def _code_words(name: str) -> set[str]:
    """The words of a name, with `2fa` kept whole (`verify_2fa` splits into `2` and `fa`)."""
    ws = names.words(name)
    return set(ws) | {a + b for a, b in zip(ws, ws[1:]) if (a, b) == ("2", "fa")}


def _names_reset_credential(words: Sequence[str]) -> bool:
    """`send_reset_email`, `make_password_reset_token`, `generate_reset_key`: what is reset is a password,
    or what is made is a token, link, code or mail for it. A key only at the end: `_reset_key_budget_windows`
    resets an API key's budget windows."""
    named = set(words) & {"password", "token", "link", "code", "mail", "email"}
    if "password" not in words and words and words[-1] in ("token", "key", "code", "link"):
        # `reset_calendar_token`, `reset_api_key`: another credential made anew, not a password's reset.
        return len(words) > 1 and words[-2] in _RESET_WORDS | {"password"}
    return bool(named) or bool(words) and words[-1] == "key"


#: Verbs that start a reset (`request_reset`, `initiate_reset`): with nothing else named, what is reset is the
#: account the address given belongs to.
_STARTING_VERBS = frozenset({"request", "start", "begin", "initiate", "trigger", "send"})


def _given_email(node: ast.Call) -> bool:
    """A call handed an e-mail address: `request_reset(email)`, `start_reset(email=form["email"])`."""
    values = [*node.args, *(k.value for k in node.keywords)]
    return any("email" in names.words(short) for v in values if (short := field_name(v) or "")) or any(
        k.arg is not None and "email" in names.words(k.arg) for k in node.keywords
    )


def _given_password(node: ast.Call) -> bool:
    """A call handed a value named as a password: `reset_password(password)`, `reset(new_password=pw)`."""
    values = [*node.args, *(k.value for k in node.keywords)]
    return any(isinstance(v, ast.Name) and names.is_password(v.id) for v in values) or any(
        k.arg is not None and names.is_password(k.arg) for k in node.keywords
    )


#: Who a "message" goes to when it is no mail or text: `send_message_to_model`, `queue_message_to_worker`.
_MACHINE_RECIPIENTS = frozenset(
    {"model", "llm", "ai", "gpt", "openai", "queue", "broker", "worker", "topic", "socket", "websocket", "bot", "agent"}
)


#: Methods that queue a job named by their first argument.
_JOB_QUEUEING = frozenset({"enqueue_job", "send_task", "enqueue"})


def _is_sender_name(name: str) -> bool:
    words = names.words(name)
    if name in _SENDERS:
        return True
    if not (words and words[0] in _SEND_VERBS and set(words[1:]) & _SEND_OBJECTS):
        return False
    objects = set(words[1:]) & _SEND_OBJECTS
    recipient = words[words.index("to") + 1 :] if "to" in words else []
    return not (objects <= {"message", "messages"} and set(recipient) & _MACHINE_RECIPIENTS)


def is_sender(callee: str, method: str, node: ast.Call) -> bool:
    """A call that sends mail or a text message."""
    name = last(callee) or method
    if name in _OPERATOR_MAIL:
        return False
    if name in _SENDERS or callee.startswith(("django.core.mail.", "flask_mail.", "smtplib.", "sendgrid.", "twilio.")):
        return True
    if _is_sender_name(name):
        return True
    # `client.messages.create(...)` (Twilio), `EmailMessage(...).send()`, `mail.send(msg)`
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    if method == "create" and isinstance(receiver, ast.Attribute) and receiver.attr == "messages":
        return True
    if method in ("delay", "apply_async") and isinstance(receiver, (ast.Name, ast.Attribute)):
        # A Celery task queued to send: `send_welcome_email.delay(...)`, `email_transcript_task.delay(...)`.
        task = receiver.id if isinstance(receiver, ast.Name) else receiver.attr
        words = names.words(task)
        return _is_sender_name(task) or bool(words) and words[0] in ("email", "mail", "sms")
    if method in _JOB_QUEUEING and node.args and isinstance(job := string(node.args[0]), str):
        # A job queued by name: arq's `enqueue_job("send_verification_email", ...)`, Celery's
        # `send_task("app.tasks.send_reset_email", ...)`.
        return _is_sender_name(job.rsplit(".", 1)[-1])
    if method == "send" and isinstance(receiver, (ast.Name, ast.Call, ast.Attribute)):
        text = ast.unparse(receiver).lower()
        return "mail" in text or "sms" in text or "message" in text
    return False


def _template_names(node: ast.Call) -> list[str]:
    found = []
    for arg in [*node.args[:2], *(kw.value for kw in node.keywords if kw.arg in ("template_name", "name"))]:
        value = string(arg)
        if value and "." in value and " " not in value:
            found.append(value)
        elif isinstance(arg, (ast.List, ast.Tuple)):
            found.extend(v for v in strings(arg) or () if "." in v)
    return found


def _param_reads(module: Module, function: Function) -> tuple[set[str], set[str], set[str]]:
    """Parameter names a view reads (FastAPI), the models their annotations name, and those of them taken for a
    body model (a class-typed parameter that is not a dependency or a form, query, … field)."""
    reads: set[str] = set()
    models: set[str] = set()
    bodies: set[str] = set()
    args = parameters(function)
    positional = [*args.posonlyargs, *args.args]
    defaults = dict(zip(map(id, positional[len(positional) - len(args.defaults) :]), args.defaults))
    defaults.update((id(a), d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None)
    for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
        if arg.arg in ("self", "cls", "request", "req", "response", "db", "session", "background_tasks"):
            continue
        reads.add(arg.arg)
        annotation = arg.annotation
        if isinstance(annotation, ast.Subscript):  # Annotated[Model, ...] / Optional[Model]
            annotation = annotation.slice.elts[0] if isinstance(annotation.slice, ast.Tuple) else annotation.slice
        name = module.qualified_name(annotation, function) if annotation is not None else None
        if name and last(name)[:1].isupper():
            if name.split(".", 1)[0] in module.project_roots or "." not in name:
                models.add(name)
                default = defaults.get(id(arg))
                marker = default.func if isinstance(default, ast.Call) else None
                # `admin: AdminUser` with `AdminUser = Annotated[User, Depends(...)]` bound here: a dependency.
                bound = module.assignments.get(annotation.id) if isinstance(annotation, ast.Name) else None
                alias = bound is not None and len(bound) == 1 and _field_marker(bound[0])
                if (
                    marker is None
                    and not _field_marker(arg.annotation)
                    and not alias
                    or marker is not None
                    and last(module.qualified_name(marker, function) or "") == "Body"
                ):
                    bodies.add(name)
            reads.update(_PASSWORD_FORMS.get(last(name), ()))
    return reads, models, bodies


def _field_marker(annotation: ast.expr | None) -> bool:
    """`Annotated[User, Depends(current_user)]`, `Annotated[Filters, Query()]`: not a body."""
    return (
        isinstance(annotation, ast.Subscript)
        and isinstance(annotation.slice, ast.Tuple)
        and any(isinstance(e, ast.Call) for e in annotation.slice.elts[1:])
    )


@dataclass
class _Decorations:
    methods: tuple[str, ...] = ()
    limits: list[str] = field(default_factory=list)
    limit_exempt: bool = False
    csrf_exempt: int = 0
    drf: bool = False
    drf_throttles: tuple[str, ...] | None = None
    session: bool = False
    staff: bool = False
    signed_in: bool = False
    public: bool = False
    tornado_user: bool = False  # `@tornado.web.authenticated`
    flask_login: bool = False  # Flask-Login's own `login_required`: the user its session cookie names
    calls: set[str] = field(default_factory=set)


def decorations(module: Module, function: Function) -> _Decorations:
    """What a function's decorators say: accepted methods, rate limits, exemptions."""
    found = _Decorations()
    for deco, name in zip(decorator_list(function), function.decorators):
        if "." not in name and name in module.assignments and module.module_name:
            name = f"{module.module_name}.{name}"  # `token_required = _require("access")` at the top of the module
        _read_decorator(module, function, deco, name, found)
    for deco in _class_decorators(module, function):
        target = deco.func if isinstance(deco, ast.Call) else deco
        _read_decorator(module, function, deco, module.qualified_name(target, function) or ast.unparse(target), found)
    return found


def _class_decorators(module: Module, function: Function) -> list[ast.expr]:
    """What a view class applies to each of its methods: Flask-RESTful's `method_decorators = [auth]` and
    Flask's `MethodView.decorators = [login_required]`."""
    if not function.class_name:
        return []
    owner = function.qualname.rsplit(".", 1)[0]
    info = next((c for c in module.classes.values() if c.qualname == owner), None)
    if info is None:
        return []
    found: list[ast.expr] = []
    for attribute in ("method_decorators", "decorators"):
        value = info.attributes.get(attribute)
        if isinstance(value, (ast.List, ast.Tuple)):
            found.extend(value.elts)
    # A Falcon resource's hooks (`@falcon.before(auth)` on the class) run before each of its responders.
    found.extend(
        deco
        for deco, name in zip(info.node.decorator_list, info.decorators)
        if name in falcon.HOOKS and function.name.startswith("on_")
    )
    return found


def _unwrap_method_decorator(module: Module, deco: ast.expr, name: str, scope: Function) -> tuple[ast.expr, str]:
    if last(name) == "method_decorator" and isinstance(deco, ast.Call) and deco.args:
        inner = deco.args[0]
        target = inner.func if isinstance(inner, ast.Call) else inner
        return inner, module.qualified_name(target, scope) or ast.unparse(target)
    return deco, name


def _read_decorator(module: Module, function: Function, deco: ast.expr, name: str, found: _Decorations) -> None:
    deco, name = _unwrap_method_decorator(module, deco, name, function.parent or function)
    if name in falcon.HOOKS and isinstance(deco, ast.Call) and deco.args:
        # `@falcon.before(rate_limit(5))`: the hook runs before the responder as a decorator would.
        deco = deco.args[0]
        target = deco.func if isinstance(deco, ast.Call) else deco
        name = module.qualified_name(target, function.parent or function) or ast.unparse(target)
    call = deco if isinstance(deco, ast.Call) else None
    short = last(name)
    receiver = name.rsplit(".", 1)[0].lower() if "." in name else ""
    if short in ("require_POST", "require_GET", "require_safe"):
        found.methods = {"require_POST": ("POST",), "require_GET": ("GET", "HEAD"), "require_safe": ("GET", "HEAD")}[
            short
        ]
    elif short == "require_http_methods" and call is not None and call.args:
        found.methods = upper_methods(call.args[0])
    elif short == "api_view":
        found.drf = True
        found.methods = upper_methods(call.args[0]) if call is not None and call.args else ("GET",)
    elif short in ("permission_classes", "action") and call is not None:
        # DRF `@permission_classes([IsAdminUser])`, `@action(detail=True, permission_classes=[IsAuthenticated])`.
        if short == "permission_classes":
            values = call.args[0] if call.args else None
        else:
            values = next((k.value for k in call.keywords if k.arg == "permission_classes"), None)
        permissions = [last(ast.unparse(e)) for e in values.elts] if isinstance(values, (ast.List, ast.Tuple)) else []
        found.staff = found.staff or any(is_staff_gate(p) for p in permissions)
        # Only signed-in callers get past `IsAuthenticated` (`...OrReadOnly`: to change anything).
        found.signed_in = found.signed_in or any(p.startswith("IsAuthenticated") for p in permissions)
        found.public = found.public or "AllowAny" in permissions  # open to visitors whatever the class requires
        throttles = next((k.value for k in call.keywords if k.arg == "throttle_classes"), None)
        if short == "action" and isinstance(throttles, (ast.List, ast.Tuple)):
            found.drf_throttles = tuple(last(ast.unparse(e)) for e in throttles.elts)  # the action's own
    elif short == "throttle_classes":
        values = call.args[0] if call is not None and call.args else None
        found.drf_throttles = (
            tuple(last(ast.unparse(e)) for e in values.elts) if isinstance(values, (ast.List, ast.Tuple)) else ("?",)
        )
    elif short == "csrf_exempt" or (short == "exempt" and "csrf" in receiver):
        found.csrf_exempt = deco.lineno
    elif short == "exempt" and "limit" in receiver or name in known.union("limit_exemptions"):
        found.limit_exempt = True
    elif name == "tornado.web.authenticated":
        # The user the handler's `get_current_user()` names, from a signed cookie or a token: the cookie's user
        # only in an app that keeps one (see `user_on_g`).
        found.signed_in = found.tornado_user = True
    elif name in appbuilder.ACCESS_GATES:
        # Flask-AppBuilder's `@has_access`: the security manager's Flask-Login user, holding the view's permission.
        found.session = found.signed_in = found.flask_login = True
    elif name in appbuilder.TOKEN_GATES:
        # `@protect()`: the caller's JWT, or also the cookie session with `allow_browser_login=True`.
        found.signed_in = True
        browser = next((k.value for k in call.keywords if k.arg == "allow_browser_login"), None) if call else None
        found.session = found.session or isinstance(browser, ast.Constant) and browser.value is True
    elif name in ("flask_security.auth_required", "flask_security.decorators.auth_required"):
        # `@auth_required()`, `@auth_required("session", "token")`: the cookie session among the mechanisms
        # unless only tokens or basic auth are named.
        given = {a.value for a in call.args if isinstance(a, ast.Constant)} if call is not None else set()
        found.signed_in = True
        found.session = found.flask_login = found.flask_login or not given or "session" in given
    elif short == "login_not_required":
        found.public = True  # Django's exemption from `LoginRequiredMiddleware`
    elif short in ("login_required", "permission_required", "fresh_login_required") or "login_required" in short:
        found.session = found.signed_in = True
        found.flask_login = found.flask_login or name.startswith(_COOKIE_LOGIN_PACKAGES)
        if name.split(".", 1)[0] in module.project_roots:
            found.calls.add(name)  # the project's own: what it reads (a cookie, or a header) counts too
        # `@login_required("ADMIN")`: a project's login decorator given a permission or role to hold.
        found.staff = found.staff or is_staff_gate(short) or _names_permission(call)
    elif _names_login_gate(short):
        # `@user_needed("manage_users")`, `@require_auth(scopes=...)`: a project's gate for a signed-in
        # user, by a cookie or a token (the name does not say which), holding a permission if it names one.
        found.signed_in = True
        found.staff = found.staff or _names_permission(call)
        if name.split(".", 1)[0] in module.project_roots:
            found.calls.add(name)
    elif is_limit_name(name) and short not in ("limits",):
        found.limits.append("@" + short_source(deco))
    elif is_staff_gate(short):
        found.session = found.staff = True
    elif short == "require" and is_staff_gate(receiver):
        # `@admin_permission.require(http_exception=403)`: a permission object's guard (Flask-Principal),
        # whose identity may come from a token as well as from a cookie.
        found.staff = True
    elif name.split(".", 1)[0] in module.project_roots:
        found.calls.add(name)  # a project decorator: a limit inside it counts
    if found.staff and name.split(".", 1)[0] in module.project_roots:
        # `@admin_required` of the project: what it reads (the session, or the Authorization header) counts too.
        found.calls.add(name)


_GATE_VERBS = frozenset({"needed", "required", "requires", "require", "needs"})
_GATE_SUBJECTS = frozenset({"user", "login", "auth", "signin", "logged", "permission", "permissions", "role", "roles"})


def _names_login_gate(short: str) -> bool:
    """`user_needed`, `auth_required`, `requires_login`, `permission_needed`: a decorator whose name says the
    view needs a signed-in user (or one holding a permission)."""
    ws = set(names.words(short))
    if ws & {"anonymous", "anon", "guest", "unauthenticated", "public", "optional"}:
        return False  # `@anonymous_user_required`: the opposite, a view for visitors not signed in
    return bool(ws & _GATE_VERBS and ws & _GATE_SUBJECTS)


def _names_permission(call: ast.Call | None) -> bool:
    """A login decorator called with a literal that names what the user must hold: `login_required("ADMIN")`,
    `login_required("accounts.change")`. The frameworks' own take the view or keywords, never a name."""
    return call is not None and any(
        isinstance(arg, ast.Constant)
        and isinstance(arg.value, str)
        and arg.value.strip()
        and arg.value.strip().lower() not in _AUTH_MECHANISMS
        for arg in call.args
    )


#: `@auth_required("token", "session")` (Flask-Security) names how the user may sign in, not what they hold.
_AUTH_MECHANISMS = frozenset({"token", "session", "basic", "jwt", "bearer", "cookie", "api_key", "apikey", "form"})


def _permission_dependency(function: Function) -> bool:
    """A FastAPI route whose dependencies require a permission: `dependencies=[Depends(requires_access(
    "POST", permissions.RESOURCE_USER))]`, `Security(current_user, scopes=["users:write"])`. Only holders
    of that permission reach the view."""
    for deco in getattr(function.node, "decorator_list", []):
        if not isinstance(deco, ast.Call):
            continue
        for keyword in deco.keywords:
            if keyword.arg != "dependencies" or not isinstance(keyword.value, (ast.List, ast.Tuple)):
                continue
            for marker in keyword.value.elts:
                if not (isinstance(marker, ast.Call) and last(ast.unparse(marker.func)) in ("Depends", "Security")):
                    continue
                if any(k.arg == "scopes" for k in marker.keywords):
                    return True
                gate = marker.args[0] if marker.args else None
                if isinstance(gate, ast.Call) and any(
                    _names_a_permission(arg) for arg in [*gate.args, *(k.value for k in gate.keywords)]
                ):
                    return True
    return False


def _names_a_permission(node: ast.expr) -> bool:
    """`permissions.RESOURCE_USER`, `Permission.USERS_WRITE`, `"can_create_user"`: a permission named."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool({"can", "permission", "perm"} & set(names.words(node.value)))
    text = ast.unparse(node) if isinstance(node, (ast.Attribute, ast.Name)) else ""
    return bool({"permission", "permissions", "perm", "perms"} & set(names.words(text.replace(".", "_"))))


#: A Flask view whose only request input is a JSON body read by `request.get_json()` or `request.json`, which
#: refuse any other content type: a cross-site form cannot send one.
FLASK_JSON_ONLY = "request.get_json()"
#: What a Flask view may read of the request that a cross-site form (or its URL) can fill.
_FORM_REACHABLE = frozenset({"args", "values", "form", "files", "data", "stream", "get_data", "query_string"})


def _reads_json_only(module: Module, function: Function) -> bool:
    """The view reads the request's JSON body and nothing a form or its URL can fill, itself or in the
    module's own helpers it calls (`return verify_auth_response()`)."""
    json = False
    bodies = [function]
    for body in bodies:
        for call in body.calls:
            helper = module.local_function(call.callee)
            if helper is not None and helper not in bodies and len(bodies) < 8:
                bodies.append(helper)
    for body in bodies:
        # What the view itself reads decides; a helper's URL reads (`request.args` in a shared lookup) do not
        # make the body it acts on one a form can send.
        reachable = _FORM_REACHABLE if body is function else _FORM_REACHABLE - {"args", "query_string"}
        for node in ast.walk(body.node):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get_json"
                and any(k.arg == "force" and literal_value(k.value) is not False for k in node.keywords)
            ):
                return False  # `request.get_json(force=True)` reads the body whatever its content type says
            if not isinstance(node, ast.Attribute) or not _is_request(module, node.value, body):
                continue
            if node.attr in reachable:
                return False
            if node.attr in ("json", "get_json"):
                json = True
    return json


#: Words of a name for who is signed in: `g.user`, `g.current_member`, `req.context.account`.
_PERSON_WORDS = frozenset({"user", "member", "account", "customer", "employee", "principal", "identity"})


def _names_person(attr: str) -> bool:
    return "user" in attr or bool(_PERSON_WORDS & set(names.words(attr)))


def describe_view(module: Module, function: Function, framework: str = "") -> ViewFact:
    scan = _scan_body(module, function)
    reads, models, bodies = _param_reads(module, function)
    deco = decorations(module, function)
    # A Flask login decorator admits the user the app's auth layer names: the cookie's user only in an app
    # that keeps a cookie session (Flask-Login, `flask.session`), else a bearer token's (see `user_on_g`).
    flask = framework == "flask"
    wrapping = _wrapping(module, function) if function.mentions(("csrf_exempt", "require_")) else (0, ())
    return ViewFact(
        name=module.global_name(function),
        path=module.path,
        line=function.line,
        methods=deco.methods,
        writes=scan.writes,
        asks_method=scan.asks_method,
        reads=tuple(sorted(scan.reads | reads)),
        models=tuple(sorted(scan.models | models)),
        sends=scan.sends,
        templates=tuple(dict.fromkeys(scan.templates)),
        session=scan.session or deco.session,
        acts=tuple(sorted(scan.acts)),
        own_authentication=not scan.framework_checks
        and bool(scan.own_checks or scan.sends or any(names.is_password(field) for field in scan.reads)),
        calls=tuple(sorted(scan.calls | deco.calls)),
        dependencies=tuple(sorted(scan.dependencies)),
        # `if not user.is_superuser: raise PermissionDenied` before anything else: only staff get further.
        staff=deco.staff or staff_guard_line(function.node) is not None or _permission_dependency(function),
        signed_in=deco.signed_in or deco.staff or scan.signed_in,
        public=deco.public,
        identity=scan.identity or deco.session and (not flask or deco.flask_login),
        user_on_g=scan.user_on_g or deco.session and flask or deco.tornado_user,
        policy_identity=scan.policy_identity,
        switched_by=_switches(function),
        validated=tuple(sorted(scan.validated)),
        signature=scan.signature,
        header_auth=scan.header_auth,
        csrf_checked=scan.csrf,
        request_attrs=tuple(sorted(scan.request_attrs)),
        json=scan.json,
        form=scan.form,
        json_body=tuple(sorted(bodies))
        if framework == "fastapi"
        else (FLASK_JSON_ONLY,)
        if flask and _reads_json_only(module, function)
        else (),
        limits=tuple(deco.limits + scan.limits),
        limit_exempt=deco.limit_exempt,
        csrf_exempt=deco.csrf_exempt,
        exempts_wrapped=wrapping[0],
        wraps_methods=wrapping[1],
        drf=deco.drf,
        drf_throttles=deco.drf_throttles,
        framework=framework,
    )


def _wrapping(module: Module, function: Function) -> tuple[int, tuple[str, ...]]:
    """What a decorator of the project does to the view it hands back: exempts it from CSRF checks (`return
    csrf_exempt(require_POST(wrapper))`, or a returned inner function decorated `@csrf_exempt`), the line; and
    the methods it admits (`require_POST`, `require_http_methods([...])` in what it returns)."""
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not function.params:
        return 0, ()
    inner = {n.name: n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    exempt, methods = 0, tuple[str, ...]()
    for stmt in ast.walk(node):
        if not isinstance(stmt, ast.Return) or stmt.value is None or module.function_at(stmt.lineno) is not function:
            continue
        returned = inner.get(stmt.value.id) if isinstance(stmt.value, ast.Name) else None
        applied: list[tuple[ast.expr, int]] = [
            (part, stmt.lineno) for part in ast.walk(stmt.value) if isinstance(part, ast.Call)
        ]
        if returned is not None:
            applied += [(d, returned.lineno) for d in returned.decorator_list]
        for deco, line in applied:
            name = last(module.qualified_name(deco.func if isinstance(deco, ast.Call) else deco, function) or "")
            if name == "csrf_exempt":
                exempt = exempt or line
            elif name in _WRAPPED_METHODS:
                methods = methods or _WRAPPED_METHODS[name]
            elif name == "require_http_methods" and isinstance(deco, ast.Call) and deco.args:
                methods = methods or upper_methods(deco.args[0])
    return exempt, methods


#: Django's method decorators a project decorator may apply to what it wraps: the methods they admit.
_WRAPPED_METHODS: dict[str, tuple[str, ...]] = {
    "require_POST": ("POST",),
    "require_GET": ("GET", "HEAD"),
    "require_safe": ("GET", "HEAD"),
}


def module_framework(module: Module) -> str:
    for framework in known.frameworks():
        if module.imports_any(*framework.roots):
            return framework.kind
    return ""


_ROUTING_CALLS = frozenset(
    {
        "add_url_rule",
        "path",
        "re_path",
        "url",
        "Route",
        "add_api_route",
        "add_route",
        "api_route",
        "as_view",
        "register",
        "add_get",
        "add_post",
        "add_put",
        "add_patch",
        "add_delete",
        "add_head",
        "add_view",
    }
)
#: aiohttp's route definitions in an `add_routes([...])` list: `web.get("/x", handler)`.
_ROUTE_DEFINITIONS = frozenset(
    f"aiohttp.web.{verb}" for verb in ("get", "post", "put", "patch", "delete", "head", "route", "view")
)
_VIEW_CLASS_WORDS = ("View", "ViewSet", "Resource", "Endpoint", "Handler", "API")


def _view_candidates(module: Module) -> list[tuple[Function, bool]]:
    """Functions that can serve a request, each with whether a routing call in this module names it:
    decorated ones (routes), those taking the request first, methods of view classes, and functions a
    routing call names. Describing every
    helper of a large code base as a possible view would cost more than the whole rest of the scan."""
    named: set[str] = set()
    for call in module.calls:
        if call.method in _ROUTING_CALLS or call.callee in _ROUTE_DEFINITIONS:
            for arg in (*call.node.args, *(k.value for k in call.node.keywords)):
                if isinstance(arg, ast.Name):
                    named.add(arg.id)
    view_classes = {
        c.qualname
        for c in module.classes.values()
        if any(base.rsplit(".", 1)[-1].endswith(_VIEW_CLASS_WORDS) for base in c.bases)
        or falcon.resource_class(module, c)
    }
    request_objects = known.union("request_objects")
    global_request = {
        name for name, bound in module.imported_names() if bound in request_objects
    }  # `from flask import request`
    # Connexion's operations: module functions an OpenAPI document names, handed the request's body as `body`.
    operations = module.imports_any("connexion")
    nested: dict[int, list[Function]] = {}  # the functions defined in each function, by its id
    for function in module.functions.values():
        if function.parent is not None and not function.parent.is_module:
            nested.setdefault(id(function.parent), []).append(function)
    found = []
    for function in module.functions.values():
        params = [p for p in function.params if p not in ("self", "cls")]
        owner = function.qualname.rsplit(".", 1)[0] if function.class_name else None
        if (
            decorator_list(function)
            or params[:1] == ["body"]
            and function.parent is not None
            and function.parent.is_module
            or operations
            and function.parent is not None
            and function.parent.is_module
            and not function.name.startswith("_")
            or function.name in named
            or (params and params[0] in ("request", "req"))
            or _dependency_function(module, function)
            or id(function) in nested
            and _dependency_factory(module, function, nested[id(function)])
            or function.mentions(("csrf_exempt", "require_"))
            and any(_wrapping(module, function))
            or owner in view_classes
            or global_request
            and not function.class_name
            and _reads_global_request(function, global_request)
        ):
            found.append((function, function.name in named))
    return found


#: FastAPI parameter markers: a function whose parameters carry them is a dependency a route may use.
_DEPENDENCY_MARKERS = frozenset({"Cookie", "Header", "Depends", "Security", "APIKeyCookie"})


def _dependency_function(module: Module, function: Function) -> bool:
    """`def current_user(session_id: str = Cookie(None))`, `def dependency(user: CurrentUser)` with `CurrentUser =
    Annotated[User, Depends(get_current_user)]`: a FastAPI dependency, whose reads count for the routes that
    depend on it (the cookie that names the user)."""
    args = getattr(function.node, "args", None)
    if args is None:
        return False
    if any(
        isinstance(default, ast.Call) and last(ast.unparse(default.func)) in _DEPENDENCY_MARKERS
        for default in (*args.defaults, *(d for d in args.kw_defaults if d is not None))
    ):
        return True
    for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
        annotation = module.type_alias(arg.annotation)
        if isinstance(annotation, ast.Subscript) and isinstance(annotation.slice, ast.Tuple):
            if any(
                isinstance(meta, ast.Call) and last(ast.unparse(meta.func)) in _DEPENDENCY_MARKERS
                for meta in annotation.slice.elts[1:]
            ):
                return True
    return False


def _dependency_factory(module: Module, function: Function, inner: list[Function]) -> bool:
    """`def require_role(*roles): async def dependency(user: CurrentUser): ...; return dependency`: a function
    that makes the dependency a route names (`Depends(require_role("admin"))`); what it makes reads for it.
    `inner` are the functions defined in it."""
    returned = {
        stmt.value.id
        for stmt in getattr(function.node, "body", [])
        if isinstance(stmt, ast.Return) and isinstance(stmt.value, ast.Name)
    }
    return any(f.name in returned and _dependency_function(module, f) for f in inner)


def _reads_global_request(function: Function, names_of_request: set[str]) -> bool:
    """`def login(): password = request.json["password"]`: a module function that reads the request
    Flask or Quart keeps for the thread, a helper a view hands the request to by calling it."""
    if not function.mentions(tuple(n.lower() for n in names_of_request)):
        return False
    inputs = known.union("input_attributes") | known.union("input_methods")
    return any(
        isinstance(node, ast.Attribute)
        and node.attr in inputs
        and isinstance(node.value, ast.Name)
        and node.value.id in names_of_request
        for node in ast.walk(function.node)
    )


def view_facts(module: Module) -> list[tuple[str, object]]:
    """A ViewFact for every function that can serve a request, a ClassFact for every class."""
    framework = module_framework(module)
    facts: list[tuple[str, object]] = []
    for function, routed in _view_candidates(module):
        nested = function.parent is not None and not function.parent.is_module
        if nested and not decorator_list(function) and not routed and not _dependency_function(module, function):
            # Nested helpers are not views; decorated or routed ones are (routes inside an app factory), and so
            # is the dependency a factory returns (`require_role("admin")` making `dependency(user: CurrentUser)`).
            continue
        facts.append((VIEW, describe_view(module, function, framework)))
    for info in module.classes.values():
        facts.append((CLASS, class_fact(module, info)))
    facts.extend(factory_facts(module))
    return facts


_DIGESTED = (
    "throttle_classes",
    "throttle_scope",
    "authentication_classes",
    "template_name",
    "http_method_names",
    "methods",
    "serializer_class",
    "form_class",
    "permission_classes",
)


def class_fact(module: Module, info: ClassInfo) -> ClassFact:
    attributes: list[tuple[str, object]] = []
    for key in _DIGESTED:
        value = info.attributes.get(key)
        if value is None:
            continue
        if isinstance(value, (ast.List, ast.Tuple)):
            digested: object = tuple(module.qualified_name(e) or ast.unparse(e) for e in value.elts)
        else:
            literal = literal_value(value, EXPR)
            digested = literal if literal is not EXPR else (module.qualified_name(value) or EXPR)
        attributes.append((key, digested))
    fields = [
        stmt.target.id
        for stmt in info.node.body
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
    ]
    fields.extend(name for name in info.attributes if not name.startswith("_"))
    limited: list[tuple[str, str]] = []
    exempt = 0
    public = False
    for deco, name in zip(info.node.decorator_list, info.decorators):
        if last(name) != "method_decorator" or not isinstance(deco, ast.Call) or not deco.args:
            continue
        inner = deco.args[0]
        inner_name = module.qualified_name(inner.func if isinstance(inner, ast.Call) else inner) or ""
        target = string(next((kw.value for kw in deco.keywords if kw.arg == "name"), None)) or "*"
        if last(inner_name) == "csrf_exempt":
            exempt = deco.lineno
        elif last(inner_name) == "login_not_required":
            public = True
        elif is_limit_name(inner_name):
            limited.append(("*" if target == "dispatch" else target, "@" + short_source(inner)))
    exempt = exempt or _skips_xsrf_check(info) or _exempt_class(info)
    return ClassFact(
        name=f"{module.module_name}.{info.qualname}" if module.module_name else info.qualname,
        path=module.path,
        line=info.line,
        bases=tuple(info.bases),
        methods=tuple(info.methods),
        fields=tuple(dict.fromkeys(fields)),
        attributes=tuple(attributes),
        actions=_actions(module, info),
        limited_methods=tuple(limited),
        exempt_line=exempt,
        csrf_off=_csrf_off(info),
        permission_gate=_permission_gate(info),
        meta_csrf_off=_meta_csrf_off(info),
        plain_values=_plain_converter(info),
        sign_in_gate=_sign_in_gate(module, info),
        public=public,
        passes_every_request=_hands_out_csrf_token_only(info),
    )


#: Words in the names of calls that check what a request carries, and may refuse it.
_CHECKING_WORDS = ("check", "valid", "verif", "protect", "compare", "abort", "reject", "deny", "forbid")


def _hands_out_csrf_token_only(info: ClassInfo) -> bool:
    """A class named for CSRF (a middleware) that neither raises, nor answers with a client-error status, nor
    calls anything that checks: it sets the token's cookie for the forms, and whatever compares the token runs
    elsewhere, on the routes that ask for it."""
    if not {"csrf", "xsrf"} & {w.lower() for w in names.words(info.name)}:
        return False
    for node in ast.walk(info.node):
        if isinstance(node, ast.Raise):
            return False
        if isinstance(node, ast.Constant) and type(node.value) is int and 400 <= node.value < 500:
            return False
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
        if any(word in name.upper() for word in ("FORBIDDEN", "BAD_REQUEST", "_403", "_400")):
            return False
        func = node.func if isinstance(node, ast.Call) else None
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if any(word in called.lower() for word in _CHECKING_WORDS):
            return False
    return True


def _exempt_class(info: ClassInfo) -> int:
    """A class a decorator named `csrf_exempt` marks (`@csrf_exempt class Webhook:`), or that says
    `csrf_exempt = True` for the middleware that checks tokens to read: the line that exempts it."""
    for deco, name in zip(info.node.decorator_list, info.decorators):
        if last(name) == "csrf_exempt" and not isinstance(deco, ast.Call):
            return deco.lineno
    flag = info.attributes.get("csrf_exempt")
    if isinstance(flag, ast.Constant) and flag.value is True:
        return flag.lineno
    return 0


def _skips_xsrf_check(info: ClassInfo) -> int:
    """A Tornado handler whose `check_xsrf_cookie` never runs Tornado's check nor refuses anything (`def
    check_xsrf_cookie(self): pass`): exempt, as `csrf_exempt` is. The line of the override. One that calls
    the check on some path (`if bearer: return` then `super().check_xsrf_cookie()`) still checks browsers."""
    method = info.methods.get("check_xsrf_cookie")
    if method is None:
        return 0
    for node in ast.walk(method.node):
        if isinstance(node, ast.Raise) or (
            isinstance(node, ast.Call)
            and (
                isinstance(node.func, ast.Attribute)
                and node.func.attr in ("check_xsrf_cookie", "send_error")
                or isinstance(node.func, ast.Name)
                and node.func.id == "check_xsrf_cookie"  # the project's own check, handed the handler
            )
        ):
            return 0
    return method.line


#: What a URL converter's `to_python` may return and still hold no markup: numbers and UUIDs.
_PLAIN_MAKERS = frozenset({"int", "float", "UUID", "Decimal"})


def _plain_converter(info: ClassInfo) -> bool:
    """A URL converter whose values hold no markup: its `regex` matches only word characters, or every value
    its `to_python` returns is a constant, a number or a UUID (or their text), or the value it was given after
    an `in` test against constants (`if value in ("first", "last"): return value`)."""
    regex = info.attributes.get("regex")
    if isinstance(regex, ast.Constant) and isinstance(regex.value, str) and PLAIN_REGEX.fullmatch(regex.value):
        return True
    to_python = info.methods.get("to_python")
    if to_python is None:
        return False
    returns = [n for n in ast.walk(to_python.node) if isinstance(n, ast.Return)]
    allowed = _allow_listed_names(info, to_python)
    return bool(returns) and all(_plain_return(to_python, r.value, allowed) for r in returns)


def _plain_return(function: Function, value: ast.expr | None, allowed: dict[int, set[str]]) -> bool:
    if value is None or isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.Call):
        name = last(ast.unparse(value.func))
        if name in _PLAIN_MAKERS:
            return True
        if name == "str" and len(value.args) == 1:
            return _plain_return(function, value.args[0], allowed)
        return False
    if isinstance(value, ast.Name):
        if value.id in allowed.get(value.lineno, set()):
            return True
        made = [
            n.value
            for n in ast.walk(function.node)
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == value.id for t in n.targets)
        ]
        return bool(made) and all(isinstance(m, ast.Call) and last(ast.unparse(m.func)) in _PLAIN_MAKERS for m in made)
    return False


def _allow_listed_names(info: ClassInfo, function: Function) -> dict[int, set[str]]:
    """Line -> the names an enclosing `if name in CONSTANTS:` admits there, CONSTANTS being a literal
    collection of constants, or a class attribute holding one (`self._SENTINELS`)."""
    found: dict[int, set[str]] = {}
    for node in ast.walk(function.node):
        if not (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Compare)
            and len(node.test.ops) == 1
            and isinstance(node.test.ops[0], ast.In)
            and isinstance(node.test.left, ast.Name)
        ):
            continue
        collection = node.test.comparators[0]
        if isinstance(collection, ast.Attribute) and isinstance(collection.value, ast.Name):
            collection = info.attributes.get(collection.attr, collection)
        if (
            isinstance(collection, ast.Call)
            and isinstance(collection.func, ast.Name)
            and collection.func.id in ("frozenset", "set", "tuple", "list")
            and len(collection.args) == 1
        ):
            collection = collection.args[0]  # `frozenset({"first"})`
        if isinstance(collection, (ast.Set, ast.Tuple, ast.List)) and all(
            isinstance(e, ast.Constant) for e in collection.elts
        ):
            for inner in node.body:
                for sub in ast.walk(inner):
                    found.setdefault(getattr(sub, "lineno", 0), set()).add(node.test.left.id)
    return found


def _meta_csrf_off(info: ClassInfo) -> bool:
    """`class Meta: csrf = False` inside a WTForms form."""
    return any(
        isinstance(stmt, ast.ClassDef)
        and stmt.name == "Meta"
        and any(
            isinstance(s, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "csrf" for t in s.targets)
            and isinstance(s.value, ast.Constant)
            and s.value.value is False
            for s in stmt.body
        )
        for stmt in info.node.body
    )


_LOGIN_STATES = frozenset({"is_anonymous", "is_authenticated"})


#: Where a Django middleware class sees each request.
_MIDDLEWARE_METHODS = ("__call__", "process_request", "process_view")
#: Responses that turn a caller away.
_REFUSALS = frozenset({"HttpResponseForbidden", "PermissionDenied", "redirect_to_login"})


def _sign_in_gate(module: Module, info: ClassInfo) -> tuple[str, ...] | None:
    """A middleware that admits only signed-in callers: where it sees a request it tests the caller's login
    state (`request.user.is_anonymous`, `not request.user.is_authenticated`) and turns callers away (a
    redirect to the login page, `redirect_to_login`, `PermissionDenied`, 401 or 403). Returns the texts it
    may let through: the strings in the class and in the module-level names it reads (URL names, path
    prefixes), and `settings.NAME` for an allow-list kept in the settings. None for any other class."""
    methods = [info.methods[name] for name in _MIDDLEWARE_METHODS if name in info.methods]
    nodes = [n for method in methods for n in ast.walk(method.node)]
    if not any(isinstance(n, ast.Attribute) and n.attr in ("is_anonymous", "is_authenticated") for n in nodes):
        return None
    if not any(_turns_away(module, n) for n in nodes):
        return None
    texts: list[str] = []
    for node in ast.walk(info.node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in module.assignments:
            for value in module.assignments[node.id]:
                texts.extend(
                    n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                )
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "settings":
            texts.append(f"settings.{node.attr}")
    return tuple(dict.fromkeys(texts))


def _turns_away(module: Module, node: ast.AST) -> bool:
    """`redirect(reverse("login") + ...)`, `redirect_to_login(...)`, `raise PermissionDenied`, a 401 or 403."""
    if isinstance(node, ast.Raise) and node.exc is not None:
        target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        return last(module.qualified_name(target) or ast.unparse(target)) in _REFUSALS
    if not isinstance(node, ast.Call):
        return False
    short = last(module.qualified_name(node.func) or ast.unparse(node.func))
    if short in _REFUSALS:
        return True
    if any(
        kw.arg == "status" and isinstance(kw.value, ast.Constant) and kw.value.value in (401, 403)
        for kw in node.keywords
    ):
        return True
    return short in ("redirect", "HttpResponseRedirect") and any(
        isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and "login" in n.value.lower()
        or isinstance(n, ast.Attribute)
        and n.attr == "LOGIN_URL"
        for n in ast.walk(node)
    )


def _permission_gate(info: ClassInfo) -> bool:
    """A DRF permission class that lets in only some logged-in users: `has_permission` looks at whether the
    user is logged in, and what it returns is more than that (`if request.user.is_anonymous: return False`
    then `return request.user.profile.can_add_user`). One that returns only the login state (`IsAuthenticated`)
    or always True admits anyone who signs up."""
    method = info.methods.get("has_permission")
    if method is None:
        return False
    nodes = list(ast.walk(method.node))
    if not any(isinstance(n, ast.Attribute) and n.attr in _LOGIN_STATES for n in nodes):
        return False
    returned = [n.value for n in nodes if isinstance(n, ast.Return) and n.value is not None]
    return any(not _login_state_only(value) for value in returned) and not any(
        isinstance(v, ast.Constant) and v.value is True for v in returned
    )


def _login_state_only(value: ast.expr) -> bool:
    """`False`, `request.user.is_authenticated`, `bool(request.user and request.user.is_authenticated)`."""
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "bool" and value.args:
        return _login_state_only(value.args[0])
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not):
        return _login_state_only(value.operand)
    if isinstance(value, ast.BoolOp):  # `request.user and request.user.is_authenticated`
        return all(_login_state_only(v) or isinstance(v, ast.Attribute) and v.attr == "user" for v in value.values)
    if isinstance(value, ast.Compare):  # `request.method in SAFE_METHODS`: read-only requests, whoever sends them
        return isinstance(value.left, ast.Attribute) and value.left.attr == "method"
    return isinstance(value, ast.Attribute) and value.attr in _LOGIN_STATES


def _actions(module: Module, info: ClassInfo) -> tuple[tuple[str, tuple[str, ...], bool, str], ...]:
    found = []
    for method in info.methods.values():
        for deco, name in zip(decorator_list(method), method.decorators):
            if last(name) != "action" or not isinstance(deco, ast.Call):
                continue
            keywords = {kw.arg: kw.value for kw in deco.keywords if kw.arg}
            # `action(methods=None, detail=None, ...)`: both may be given by position (`@action(["post"], True)`).
            positional = dict(zip(("methods", "detail"), deco.args))
            keywords = {**positional, **keywords}
            verbs = upper_methods(keywords.get("methods")) or ("GET",)
            detail = literal_value(keywords["detail"]) is True if "detail" in keywords else False
            url_path = string(keywords.get("url_path")) or method.name
            found.append((method.name, verbs, detail, url_path))
    return tuple(found)


def _csrf_off(info: ClassInfo) -> int:
    """A `SessionAuthentication` subclass whose `enforce_csrf` returns without checking."""
    if not any(last(b) == "SessionAuthentication" for b in info.bases):
        return 0
    method = info.methods.get("enforce_csrf")
    if method is None:
        return 0
    body = [s for s in method.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if all(isinstance(s, ast.Pass) or isinstance(s, ast.Return) and _returns_nothing(s) for s in body):
        return method.line
    return 0


def _returns_nothing(statement: ast.Return) -> bool:
    """`return` and `return None`."""
    value = statement.value
    return value is None or isinstance(value, ast.Constant) and value.value is None
