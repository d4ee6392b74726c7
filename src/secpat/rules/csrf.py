"""Pattern 6 — CSRF protection (CSRF).

CSRF is a property of the application: which routes change state, whether the
browser sends a cookie they trust, and what checks a token. The rules read the
framework model (`secpat.frameworks`): Django's middleware and exemptions,
template forms and the views that render them, Flask-WTF and FastAPI
middleware or token checks. Read-only routes, webhooks that verify a
signature, header-authenticated APIs and views that check the token themselves
stay silent; an exempt view that reads no cookie identity (a webhook, a token
endpoint, a report sink) is an audit finding.

This module also hands the framework facts of every file to the project stage,
for the CSRF, RATE and CONF rules alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from secpat.findings import Confidence, Finding, FlowStep, Location, Severity
from secpat.frameworks import connexion, extract, known
from secpat.frameworks.django import Environment
from secpat.frameworks.facts import (
    CHANGES_DATA,
    FORM,
    ROUTE,
    SAVES_DATA,
    SIGNS_IN,
    STATE_CHANGING,
    VERIFIES_IDENTITY_TOKEN,
    ClassFact,
    FormFact,
    Setting,
    ViewFact,
)
from secpat.frameworks.forms import template_forms
from secpat.frameworks.routes import (
    CHANGES_ON_GET,
    CSRF_MIDDLEWARE,
    LOGIN,
    LOGOUT_REASON,
    PERMISSION,
    REGISTER,
    SESSION_MIDDLEWARE,
    App,
    Model,
    Route,
    app_roots,
    model_of,
    root_of,
    source_line,
)
from secpat.frameworks.syntax import is_staff_gate, last
from secpat.frameworks.views import FLASK_JSON_ONLY
from secpat.model.module import literal_value
from secpat.names import words as words_of
from secpat.rules.config import CONF_RULES
from secpat.rules.context import FileContext, ProjectContext, TextContext
from secpat.rules.jwt import JWT004
from secpat.rules.logs import LOG003
from secpat.rules.ratelimit import RATE_RULES
from secpat.rules.registry import Rule, check, define
from secpat.rules.sql import SQL002
from secpat.rules.xss import XSS001, XSS002
from secpat.templates import is_rendered_as

CSRF001 = define(
    Rule(
        id="CSRF001",
        name="csrf-middleware-missing",
        pattern=6,
        title="Django `CsrfViewMiddleware` missing from `MIDDLEWARE`",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=352,
        why="""
        Django checks CSRF tokens only in `CsrfViewMiddleware`. Without it, every POST the
        browser sends with the session cookie is trusted, so any page the user visits can
        submit forms to the site in the user's name: change the e-mail, transfer money,
        delete data. `{% csrf_token %}` in the templates then protects nothing.
    """,
        bad="""
        # settings.py
        INSTALLED_APPS = ["django.contrib.auth", "django.contrib.sessions"]
        MIDDLEWARE = [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ]
    """,
        good="""
        # settings.py
        INSTALLED_APPS = ["django.contrib.auth", "django.contrib.sessions"]
        MIDDLEWARE = [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ]
    """,
        fix="Keep `django.middleware.csrf.CsrfViewMiddleware` in `MIDDLEWARE` (after SessionMiddleware) in every "
        "settings file production uses.",
        references=("https://docs.djangoproject.com/en/stable/ref/csrf/",),
    )
)

CSRF002 = define(
    Rule(
        id="CSRF002",
        name="csrf-exempt-state-changing-view",
        pattern=6,
        title="CSRF protection switched off for a state-changing view",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=352,
        why="""
        `@csrf_exempt` (Django), `@csrf.exempt` (Flask-WTF), `method_decorator(csrf_exempt)`
        on a class-based view, `csrf_exempt(view)` in urls.py, or a DRF authentication class
        whose `enforce_csrf` does nothing, lets another site make the user's browser send
        this request with their cookies. A view that changes state must keep the check;
        only webhooks that verify a signature and APIs authenticated by a header may skip it.
        No framework checks a token on GET: a view that deletes or writes on GET (a route
        declared for GET, or a Django view that never asks which method came) is open the same way.
    """,
        bad="""
        from django.http import HttpResponse
        from django.views.decorators.csrf import csrf_exempt


        @csrf_exempt
        def transfer(request):
            if request.method == "POST":
                request.user.account.transfer(request.POST["to"], request.POST["amount"])
            return HttpResponse("ok")
    """,
        good="""
        from django.http import HttpResponse
        from django.views.decorators.http import require_POST


        @require_POST
        def transfer(request):
            request.user.account.transfer(request.POST["to"], request.POST["amount"])
            return HttpResponse("ok")
    """,
        fix="Remove the exemption and send the token (`{% csrf_token %}`, the `X-CSRFToken` header); for a "
        "webhook, verify the sender's signature instead.",
    )
)

CSRF003 = define(
    Rule(
        id="CSRF003",
        name="form-without-csrf-token",
        pattern=6,
        title="POST form without a CSRF token",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=352,
        why="""
        A `<form method="post">` must carry the server's CSRF token (`{% csrf_token %}`,
        `{{ csrf_token() }}`, `{{ form.hidden_tag() }}`). Where nothing checks tokens (Django without
        CsrfViewMiddleware, a Flask or FastAPI app that signs users in by cookie and has no CSRF
        check), the form is open to forgery. Where the app checks them, a form without one is
        rejected (Django answers 403): the feature is broken, not open, and the usual "fix" is to
        exempt the view, so it is shown in audit mode.
    """,
        bad="""
        from django.template import Template

        MIDDLEWARE = [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ]

        SUBSCRIBE = Template('''
        <form method="post" action="/subscribe/">
          <input type="email" name="email">
          <button type="submit">Subscribe</button>
        </form>
        ''')
    """,
        good="""
        from django.template import Template

        SUBSCRIBE = Template('''
        <form method="post" action="/subscribe/">
          {% csrf_token %}
          <input type="email" name="email">
          <button type="submit">Subscribe</button>
        </form>
        ''')
    """,
        fix="Put `{% csrf_token %}` (Django), `{{ csrf_token() }}` or `{{ form.hidden_tag() }}` (Flask-WTF) "
        "inside every POST form.",
    )
)

CSRF004 = define(
    Rule(
        id="CSRF004",
        name="no-csrf-protection",
        pattern=6,
        title="Cookie-authenticated app with state-changing routes and no CSRF protection",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,
        cwe=352,
        why="""
        Flask, FastAPI, Starlette, aiohttp and `http.server` have no CSRF protection of their
        own. An app that keeps the user logged in with a cookie (Flask's session, Flask-Login,
        Starlette's SessionMiddleware, aiohttp-session, an auth cookie) and accepts POST, PUT,
        PATCH or DELETE will run requests that any other site makes the browser send.
        `WTF_CSRF_ENABLED = False` switches Flask-WTF's protection off in the same way. Where
        every cookie that names the user is SameSite=Lax or Strict (Starlette's SessionMiddleware
        sets Lax unless told otherwise), browsers leave it off another site's POST: audit mode.
    """,
        bad="""
        import os
        from flask import Flask, request, session

        app = Flask(__name__)
        app.secret_key = os.environ["SECRET_KEY"]


        @app.post("/transfer")
        def transfer():
            account = session["account_id"]
            move_money(account, request.form["to"], request.form["amount"])
            return "ok"
    """,
        good="""
        import os
        from flask import Flask, request, session
        from flask_wtf.csrf import CSRFProtect

        app = Flask(__name__)
        app.secret_key = os.environ["SECRET_KEY"]
        csrf = CSRFProtect(app)


        @app.post("/transfer")
        def transfer():
            account = session["account_id"]
            move_money(account, request.form["to"], request.form["amount"])
            return "ok"
    """,
        fix="Flask: `CSRFProtect(app)` (Flask-WTF) and `{{ csrf_token() }}` in forms. FastAPI: a CSRF middleware "
        "(starlette-csrf) or a signed token checked on every state-changing route (itsdangerous, "
        "fastapi-csrf-protect). aiohttp: aiohttp-csrf's middleware. Or authenticate with a header instead of a "
        "cookie.",
    )
)

CSRF_RULES = (CSRF001, CSRF002, CSRF003, CSRF004)


# -- facts for the project stage ------------------------------------------------------------------


# The injection rules read the routes too: a Django URL pattern decides whether its parameter is text; and
# LOG003, which asks who reaches a view; and JWT004, which asks which modules are Django's settings.
@check(*CSRF_RULES, *RATE_RULES, *CONF_RULES, XSS001, XSS002, SQL002, LOG003, JWT004)
def framework_facts(ctx: FileContext) -> None:
    """Hand routes, views, protections and settings of this file to the project stage."""
    for kind, data in extract(ctx.module):
        ctx.fact(kind, data)


@check(*CSRF_RULES, *RATE_RULES, SQL002, kinds=("config",))
def openapi_document_facts(ctx: TextContext) -> None:
    """The routes of an OpenAPI document whose operations name Python functions (Connexion)."""
    for route in connexion.document_routes(ctx.path, ctx.text):
        ctx.fact(ROUTE, route)


@check(CSRF004)
def csrf_switched_off(ctx: FileContext) -> None:
    """Pyramid's `config.set_default_csrf_options(require_csrf=False)`: no view checks a token."""
    for call in ctx.module.calls:
        if (
            call.method == "set_default_csrf_options"
            and ctx.module.imports_any("pyramid")
            and (required := call.arg(keyword="require_csrf")) is not None
            and literal_value(required) is False
        ):
            ctx.report(
                CSRF004,
                call.node,
                "set_default_csrf_options(require_csrf=False): Pyramid checks no CSRF "
                "token on any view that does not ask for one itself",
            )


#: The SameSite attribute a cookie the code sets itself is given (`set_cookie(..., samesite="Strict")`),
#: lower-cased; "" when the call does not say it as a literal.
COOKIE_SAMESITE = "csrf.cookie-samesite"


@check(CSRF004)
def cookie_samesite_facts(ctx: FileContext) -> None:
    for call in ctx.module.calls:
        if call.method == "set_cookie":
            given = call.arg(keyword="samesite")
            samesite = literal_value(given) if given is not None else None
            ctx.fact(COOKIE_SAMESITE, samesite.lower() if isinstance(samesite, str) else "")


@check(CSRF003, kinds=("template",))
def template_form_facts(ctx: TextContext) -> None:
    for form in template_forms(ctx.text, ctx.path):
        ctx.fact(FORM, form)
    extends = _EXTENDS.search(ctx.text)
    includes = tuple(dict.fromkeys(_INCLUDE.findall(ctx.text)))
    gives = bool(_SCRIPT_TOKEN.search(ctx.text))
    if extends or includes or gives:
        ctx.fact(TEMPLATE_PAGE, TemplatePage(ctx.path, extends.group(1) if extends else "", includes, gives))


#: A template, the one it extends, and whether it hands the page's scripts the CSRF token.
TEMPLATE_PAGE = "csrf-template-page"


@dataclass(frozen=True)
class TemplatePage:
    file: str
    extends: str
    includes: tuple[str, ...]
    gives_scripts_token: bool


# `{% extends "base.html" %}`, also through a theme loader's function: `{% extends theme("base.html") %}`.
_EXTENDS = re.compile(r"""{%-?\s*extends\s+(?:[\w.]+\(\s*)?["']([^"']+)["']""")
_INCLUDE = re.compile(r"""{%-?\s*include\s+(?:[\w.]+\(\s*)?["']([^"']+)["']""")
# `<meta name="csrf-token" content="{{ csrf_token() }}">`: the token set out for the page's scripts to send
# in a header. A script that merely names the header may be a comment or another page's code.
_SCRIPT_TOKEN = re.compile(r"""<meta\b[^>]*\bname\s*=\s*["'][\w-]*(?:csrf|xsrf)[\w-]*["']""", re.IGNORECASE)


def _scripts_have_token(pages: dict[str, TemplatePage], file: str, known: dict[str, bool], depth: int = 0) -> bool:
    """The template, a layout it extends or a page that includes it gives the page's scripts the token:
    forms they send carry it. `known` keeps the answer per template across the forms of a project."""
    if file in known:
        return known[file]
    page = pages.get(file)
    if page is not None and page.gives_scripts_token:
        known[file] = True
        return True
    if depth >= 8:
        return False
    parents = [
        other.file
        for other in pages.values()
        if page is not None
        and page.extends
        and is_rendered_as(other.file, page.extends)
        or any(is_rendered_as(file, name) for name in other.includes)
    ]
    known[file] = any(_scripts_have_token(pages, parent, known, depth + 1) for parent in parents if parent != file)
    return known[file]


# -- project checks -----------------------------------------------------------------------------


@check(*CSRF_RULES, stage="project")
def csrf_checks(ctx: ProjectContext) -> None:
    model = model_of(ctx)
    _middleware_missing(ctx, model)
    exempted = _exemptions(ctx, model)
    _changes_on_get(ctx, model)
    for app_model in model.apps_apart():
        _forms(ctx, app_model, exempted)
        _unprotected_apps(ctx, app_model)


def _changes_on_get(ctx: ProjectContext, model: Model) -> None:
    """A GET route whose view deletes, saves, commits or writes: no framework checks a CSRF token on GET, so
    another site's page (an image tag will do) makes a signed-in user's browser change data. Evidence is a view
    that acts as the user a cookie names; otherwise a reader judges what the change is worth."""
    cookie_session = any(app.session for app in model.apps)
    for route in model.routes:
        if route.reason != CHANGES_ON_GET:
            continue
        acting = _acts_as_user(model, route, cookie_session)
        # A delete or a write statement says what changes; a save or a commit alone may keep a counter or a
        # last-seen time: what a forged request gains there is for a reader.
        deletes = route.changes
        why = (
            ""
            if acting and deletes
            else "; the view does not act as the user a cookie names"
            if not acting
            else "; it saves or commits, and what it changes is for a reader"
        )
        ctx.report(
            CSRF002,
            Location(route.file, route.line),
            f"GET {route.path} changes stored data, and no CSRF check covers GET: another site can make a "
            f"signed-in user's browser request it{why}",
            snippet=source_line(ctx, route.file, route.line),
            audit=bool(why),
        )


def _middleware_missing(ctx: ProjectContext, model: Model) -> None:
    seen = set()
    for env in model.environments:
        middleware = env.get("MIDDLEWARE")
        if middleware is None or not middleware.certain or not isinstance(middleware.value, (list, tuple)):
            continue
        if SESSION_MIDDLEWARE not in middleware.value or CSRF_MIDDLEWARE in middleware.value:
            continue  # no cookie session (a token-only API), or protected
        key = (middleware.file, middleware.line)
        if key not in seen:
            seen.add(key)
            ctx.report(
                CSRF001,
                Location(middleware.file, middleware.line),
                f"{_middleware_setting(env)} of {env.name} has SessionMiddleware but no CsrfViewMiddleware: "
                "no CSRF token is ever checked",
                snippet=source_line(ctx, middleware.file, middleware.line),
            )


def _middleware_setting(env: Environment) -> str:
    return "MIDDLEWARE" if env.values.get("MIDDLEWARE") is not None else "MIDDLEWARE_CLASSES"


def _exemptions(ctx: ProjectContext, model: Model) -> dict[str, tuple[Finding, bool]]:
    """Report each exemption of a state-changing view; return, by the name of each view (function, class or
    route view) it covers, the finding and whether that view's own verdict is audit, for forms posted there."""
    # Each exemption is reported once; one that covers several routes (`csrf.exempt(blueprint)`) by the route
    # that gives it the most evidence.
    reported: dict[tuple[str, int], Finding] = {}
    by_view: dict[str, tuple[Finding, bool]] = {}

    def report(
        file: str,
        line: int,
        what: str,
        views: list[ViewFact],
        gated: bool = False,
        logout: bool = False,
        cookie_session: bool = False,
        covered: str = "",
    ) -> None:
        cookie_session = cookie_session and not any(v.framework in model.header_auth_frameworks for v in views)
        verdict = _exempt_verdict(views, cookie_session, model.header_readers, model.session_readers)
        if verdict == "audit" and gated:
            verdict = "default"  # a login or permission mixin: the request is the cookie's user
        if verdict is None:
            return
        why = (
            ""
            if verdict == "default"
            else "; it does not act as the user a cookie names (no request.user, session value or cookie read), "
            "as webhooks, token endpoints and report sinks do not"
        )
        if logout and verdict == "default":
            # A forged request can log the user out, a nuisance; whether the view does more is for a reader.
            verdict, why = "audit", "; its path says it logs out, which is the most a forged request may do here"
        elif verdict == "default" and views and all(v.json_body == (FLASK_JSON_ONLY,) for v in views):
            # `request.get_json()` refuses a form's content type: another site's page cannot send the body.
            verdict, why = "audit", "; it reads only a JSON body, which another site's form cannot send"
        elif verdict == "default" and views and _previews(views[0]):
            # `preview_invoice`: shows what the submitted form would make; whether it keeps anything is for a reader.
            verdict, why = "audit", "; it is named for a preview and is not seen saving or changing anything"
        elif verdict == "default" and views and "callback" in words_of(views[0].name.rsplit(".", 1)[-1]):
            # `apple_post_callback`: where an identity provider or a payment service posts its answer back; the
            # flow's `state` or the answer's signature is what stops a forgery, and whether it is checked is for
            # a reader.
            verdict, why = "audit", "; it is named as a callback another service posts back to, which its flow's "
            "state or signature guards"
        elif verdict == "default" and any({SIGNS_IN, VERIFIES_IDENTITY_TOKEN} & set(v.acts) for v in views):
            # A sign-in, or an identity provider's callback, acts on the credential the request carries, not on
            # the cookie's user: a forged request can at most sign the victim in as the attacker.
            verdict, why = "audit", "; it signs the caller in from the credential the request carries"
        earlier = reported.get((file, line))
        if earlier is not None and (not earlier.audit or verdict == "audit"):
            finding = earlier
        else:
            if earlier is not None:
                ctx.findings.remove(earlier)  # a route it covers acts as the cookie's user: evidence after all
            ctx.report(
                CSRF002,
                Location(file, line),
                f"{what} changes state but is exempt from CSRF checks{why}",
                snippet=source_line(ctx, file, line),
                audit=verdict == "audit",
            )
            finding = reported[(file, line)] = ctx.findings[-1]
        # What a form posted here is worth is this view's own verdict, whichever view the finding names.
        for name in (covered, *(v.name for v in views)):
            if name and (name not in by_view or by_view[name][1]):
                by_view[name] = (finding, verdict == "audit")

    for view in model.views.values():
        if view.csrf_exempt and not view.name.endswith(".dispatch") and _needs_token(view):
            cookie_session = any(app.session for app in model.apps if app.framework == view.framework)
            report(
                view.path,
                view.csrf_exempt,
                f"view {view.name.rsplit('.', 1)[-1]}",
                [view],
                cookie_session=cookie_session,
            )
    for cls in model.classes.values():
        dispatch = model.views.get(f"{cls.name}.dispatch")
        line = cls.exempt_line or (dispatch.csrf_exempt if dispatch else 0)
        if cls.name in model.cookie_free_views:
            continue  # a DRF view with no cookie authentication: DRF checks no token for it anyway
        if line and _class_changes_state(model, cls):
            report(
                dispatch.path if dispatch and not cls.exempt_line else cls.path,
                line,
                f"class-based view {cls.name.rsplit('.', 1)[-1]}",
                _class_views(model, cls),
                _login_gated(model, cls),
                covered=cls.name,
            )
        if cls.csrf_off:
            report(
                cls.path, cls.csrf_off, f"every view using {cls.name.rsplit('.', 1)[-1]} (enforce_csrf is a no-op)", []
            )
    for route in model.routes:
        if (
            route.exempt_at
            and route.csrf == "exempt"
            and route.state_changing
            and (
                route.handler is None
                or _needs_token(route.handler, route)
                and not _verifies_sender(model, route.handler)  # `if not self._verify(sig): raise ...`
            )
        ):
            decorator = next(
                (
                    name
                    for name in (route.handler.calls if route.handler else ())
                    if (d := model.views.get(name)) and (d.path, d.exempts_wrapped) == route.exempt_at
                ),
                None,
            )
            methods = "/".join(route.methods) if route.methods != ("*",) else "any method of"
            report(
                *route.exempt_at,
                f"{methods} {route.path}" + (f" (through `@{last(decorator)}`)" if decorator else ""),
                # The decorator's wrapper and the dependencies run as part of the view: who they find the user
                # is counts.
                [
                    v
                    for v in (route.handler, model.views.get(decorator or ""), *map(model.views.get, route.deps))
                    if v is not None
                ],
                # A Pyramid view that needs a permission acts for the user the security policy names.
                gated=any(dep.startswith(PERMISSION) for dep in route.deps)
                and any(app.session for app in model.apps if app.name == route.app),
                logout=route.reason == LOGOUT_REASON,
                cookie_session=any(app.session for app in model.apps if app.name == route.app),
                covered=route.view,
            )
    for route in model.routes:
        # A DRF view whose authentication class switches the check off (`enforce_csrf` a no-op) is covered by
        # that class's finding: a form posted to it is not rejected.
        finding = reported.get(route.exempt_at) if route.exempt_at and route.csrf.startswith("off (") else None
        if finding is not None:
            for name in (route.handler.name if route.handler else "", route.cls, route.view):
                if name and name not in by_view:
                    by_view[name] = (finding, finding.audit)
    return by_view


def _exempt_verdict(
    views: list[ViewFact],
    cookie_session: bool = False,
    header_readers: set[str] | frozenset[str] = frozenset(),
    session_readers: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """How an exemption is reported: "default" when the view acts as the user its cookie names, None when the
    view checks the token itself, "audit" otherwise. No views known (a library view, a DRF authentication
    class with a no-op `enforce_csrf`): default, the exemption covers cookie-authenticated requests. The user
    Pyramid's security policy names (`authenticated_userid`) is the cookie's in an app with a cookie session
    or an auth ticket."""
    if not views:
        return "default"
    if any(v.csrf_checked for v in views):
        return None  # it runs CsrfViewMiddleware / csrf_protect / a token check itself for the browser's POST
    # The user a hook kept on `flask.g` (or a login decorator named) is the cookie's in an app with a cookie
    # session, unless a decorator of the view reads the Authorization header; a view that reads a form body,
    # or answers a browser rather than a script (a redirect, a page), is one another site's page can post to.
    return (
        "default"
        if any(
            v.identity
            or bool(set(v.calls) & session_readers)  # `@api_login_required`, which falls back to the cookie
            or (v.policy_identity or v.user_on_g and (v.form or not v.json) and not set(v.calls) & header_readers)
            and cookie_session
            for v in views
        )
        else "audit"
    )


def _previews(view: ViewFact) -> bool:
    """A view named for a preview that is not seen saving or changing anything."""
    return "preview" in words_of(view.name.rsplit(".", 1)[-1]) and not {SAVES_DATA, CHANGES_DATA} & set(view.acts)


def _class_views(model: Model, cls: ClassFact) -> list[ViewFact]:
    """The methods of a class-based view and of its project base classes."""
    found: list[ViewFact] = []
    seen: set[str] = set()
    todo = [cls]
    while todo and len(seen) < 10:
        item = todo.pop()
        if item.name in seen:
            continue
        seen.add(item.name)
        found.extend(v for m in item.methods if (v := model.views.get(f"{item.name}.{m}")) is not None)
        todo.extend(base for b in item.bases if (base := model.classes.get(b)) is not None)
    return found


def _login_gated(model: Model, cls: ClassFact) -> bool:
    """A base such as `LoginRequiredMixin` or `PermissionRequiredMixin`: only the cookie's user gets in."""
    todo, seen = [cls], set[str]()
    while todo and len(seen) < 10:
        item = todo.pop()
        seen.add(item.name)
        for base in item.bases:
            parent = model.classes.get(base)
            if parent is not None and parent.name not in seen:
                todo.append(parent)
            elif parent is None and ("LoginRequired" in base or is_staff_gate(base) and base.endswith("Mixin")):
                return True
    return False


def _needs_token(view: ViewFact, route: Route | None = None) -> bool:
    if view.signature or (view.header_auth and not view.session):
        return False  # a webhook verifying its sender, or an API authenticated by a header
    changes = view.writes or bool(set(view.methods) & STATE_CHANGING)
    return changes or (route is not None and route.state_changing)


def _verifies_sender(model: Model, view: ViewFact) -> bool:
    """The view checks a signature, itself or in a helper it calls (`if not self._verify(sig): raise ...`)."""
    return view.signature or any(helper.signature for name in view.calls if (helper := model.views.get(name)))


def _class_changes_state(model: Model, cls: ClassFact) -> bool:
    own = {m for m in cls.methods if m in ("post", "put", "patch", "delete")}
    if own:
        return not all(_verifies_sender(model, v) for m in own if (v := model.views.get(f"{cls.name}.{m}")) is not None)
    return any(r.cls == cls.name and r.state_changing for r in model.routes)


def _forms(ctx: ProjectContext, model: Model, exempted: dict[str, tuple[Finding, bool]]) -> None:
    rendered = model.templates_rendered()
    pages = {page.file: page for _, page in ctx.facts_of(TEMPLATE_PAGE, TemplatePage)}
    scripted_pages: dict[str, bool] = {}
    for form in model.forms:
        if form.token or form.maybe_token or form.action.startswith(("http://", "https://", "//")):
            continue
        if not form.submittable:
            continue  # no submit control and no field: only script submits it, and script sends the token header
        targets = _action_targets(model, form)
        covering = _target_exemption(targets, exempted)
        if covering is not None:
            exemption, audit = covering
            # Its view was exempted instead of the form given a token: nothing rejects another site's copy.
            ctx.report(
                CSRF003,
                Location(form.file, form.line),
                f"POST form without a CSRF token, posted to {targets[0].path}, which is exempt from the CSRF check "
                f"(CSRF002 at {exemption.location.path}:{exemption.location.line}): another site's page can "
                "submit it in a signed-in user's name",
                snippet=source_line(ctx, form.file, form.line),
                audit=audit,
            )
            continue
        verdict = _form_verdict(ctx, model, form, _renderers(form, rendered), targets)
        if verdict is not None:
            message, confidence, rejected = verdict
            # Scripts that send the token in a header matter where the route checks one; a route the form's
            # action names that checks none takes another site's copy whatever the page's scripts send.
            scripted = not (targets and not rejected) and _scripts_have_token(pages, form.file, scripted_pages)
            # A form the app's own check rejects is broken, not open to forgery: for a reader, who may find
            # the view exempted to make it work (CSRF002).
            audit = form.action_tag or confidence is not None or scripted or rejected
            if form.action_tag:
                message += "; a template tag builds its action, which may be another site that checks no token"
            elif scripted:
                message += "; the page sets out the token for its scripts (a csrf meta tag): what they send carries it"
            ctx.report(
                CSRF003,
                Location(form.file, form.line),
                message,
                confidence=confidence,
                snippet=source_line(ctx, form.file, form.line),
                audit=audit,
            )


def _action_targets(model: Model, form: FormFact) -> list[Route]:
    """The state-changing routes a form's action names: a reversed name (`{% url 'ns:name' %}`,
    `url_for('bp.view')`, `url('name')`) by the name the registration gives, else (Flask's default endpoint) by
    the view function's name, narrowed by the blueprint's where several views share it; a written path
    (`/admin/users/{{ u.id }}/ban`) by the route with the same segments. Empty when unknown or ambiguous."""
    # A form sends POST: the same path's DELETE or PUT handler is not what it reaches.
    posted = [r for r in model.routes if r.state_changing and ("POST" in r.methods or "*" in r.methods)]
    if not form.endpoint:
        # `action="/admin/users/{{ u.id }}/ban"`: the route whose path has the same segments.
        found = []
        for action in _action_paths(form.action):
            wanted = _path_segments(action)
            if wanted is None or all(part == "*" for part in wanted):
                return []
            found += [r for r in posted if _same_path(wanted, _path_segments(r.path))]
        return found if len({r.view for r in found}) == 1 else []
    name = re.split(r"[:.]", form.endpoint)[-1]
    found = [r for r in posted if r.url_name and r.url_name.rsplit(".", 1)[-1] == name]
    if not found:
        found = [r for r in posted if not r.url_name and r.view.rsplit(".", 1)[-1] == name]
    if len({r.view for r in found}) > 1 and "." in form.endpoint:
        group = form.endpoint.rsplit(".", 1)[0].rsplit(".", 1)[-1]
        found = [r for r in found if group in r.view.split(".")[:-1]]
    return found if len({r.view for r in found}) == 1 else []


#: A segment of a template's or a route's path that stands for a value: a template expression, a converter,
#: a regular-expression group.
_VARIABLE_SEGMENT = re.compile(r"\{|<|\(|\[|\\|\*|\+|\?|\$")


_ACTION_CHOICE = re.compile(r"\s*\{%-?\s*if\b.*?%\}(.*?)\{%-?\s*else\s*-?%\}(.*?)\{%-?\s*endif\s*-?%\}\s*", re.S)


def _action_paths(action: str) -> list[str]:
    """`{% if event.id %}/admin/events/{{ event.id }}/edit{% else %}/admin/events/new{% endif %}`: either path,
    one form for editing and creating."""
    choice = _ACTION_CHOICE.fullmatch(action) if "{%" in action else None
    return [choice[1], choice[2]] if choice else [action]


def _path_segments(path: str) -> list[str] | None:
    """`/admin/users/{{ u.id }}/ban` -> ["admin", "users", "*", "ban"]; None for what is not a path of this site
    (empty, relative, a query only)."""
    path = path.strip().split("?", 1)[0].split("#", 1)[0]
    path = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "{}", path)
    path = path.removeprefix("^").removesuffix("$")
    if not path.startswith("/") and not re.match(r"\w", path):
        return None
    parts = [p for p in path.strip("/").split("/") if p]
    return ["*" if _VARIABLE_SEGMENT.search(p) else p for p in parts]


def _same_path(wanted: list[str], route: list[str] | None) -> bool:
    return (
        route is not None and len(route) == len(wanted) and all(a == b or "*" in (a, b) for a, b in zip(wanted, route))
    )


def _target_exemption(targets: list[Route], exempted: dict[str, tuple[Finding, bool]]) -> tuple[Finding, bool] | None:
    """The CSRF002 finding of the exemption that covers the routes a form posts to, if every one is covered,
    and whether the form is for audit mode (every such route's own verdict is)."""
    found = [
        next((exempted[n] for n in (r.handler.name if r.handler else "", r.cls, r.view) if n in exempted), None)
        for r in targets
    ]
    known = [f for f in found if f is not None]
    if not known or len(known) < len(found):
        return None
    return min(known, key=lambda pair: pair[1])


def _renderers(form: FormFact, rendered: dict[str, list[Route]]) -> list[Route]:
    if form.owner_module:
        return []
    found: list[Route] = []
    for name, routes in rendered.items():
        if is_rendered_as(form.file, name):
            found.extend(routes)
    return found


def _form_verdict(
    ctx: ProjectContext, model: Model, form: FormFact, routes: list[Route], targets: list[Route]
) -> tuple[str, Confidence | None, bool] | None:
    """What to say of a POST form without a token, how sure, and whether the app's check rejects it. `routes`
    render the form; `targets` are the routes its action names, when it names them."""
    frameworks = {r.framework for r in routes} or _framework_of_form(model, form)
    if "django" in frameworks:
        paths = {r.path for r in routes}
        posted = [r for r in model.routes if r.path in paths and r.state_changing]
        if not targets and posted and all(r.csrf == "exempt" for r in posted):
            return None  # it posts back to an exempt view: that exemption is the finding (CSRF002)
        if not targets and routes and not posted and form.action.strip() in ("", ".", "?"):
            # Posted back to views that never read a body or change anything: script sends the values
            # elsewhere (with the token header), or the form does nothing. For a reader.
            return (
                "POST form without {% csrf_token %} that posts back to a view that does nothing with a POST",
                Confidence.MEDIUM,
                False,
            )
        checked = model.django is None or _middleware_on(model)
        why = "Django rejects the submission with 403" if checked else "nothing checks it (see CSRF001)"
        return f"POST form without {{% csrf_token %}}: {why}", None, checked
    # The app the action's routes belong to, when they are known (an admin app of its own may check nothing).
    protected = [
        a
        for a in model.apps
        if a.framework in frameworks and a.csrf and (not targets or any(r.app == a.name for r in targets))
    ]
    checking = [r for r in targets or routes if r.handler is not None and r.handler.csrf_checked]
    if protected or checking or targets and all(r.csrf.startswith("token checked") for r in targets):
        return "POST form without a CSRF token, in an app that checks one: the submission is rejected", None, True
    if not frameworks:
        return "POST form without a CSRF token", Confidence.MEDIUM, False
    return _unchecked_form(ctx, model, form, routes, targets, frameworks)


def _unchecked_form(
    ctx: ProjectContext,
    model: Model,
    form: FormFact,
    routes: list[Route],
    targets: list[Route],
    frameworks: set[str],
) -> tuple[str, Confidence | None, bool] | None:
    """A POST form of a Flask, FastAPI or other app that checks no CSRF token and signs users in by cookie,
    posted to a route of the app that changes state: another site's page can submit it with the user's
    cookie. Evidence when that route acts as the cookie's user; else for a reader. (CSRF004 reports the app.)"""
    # A cookie session, or routes the action names that know the user by a cookie the project reads itself.
    apps = [
        a
        for a in model.apps
        if a.framework in frameworks
        and (a.session or any(r.app == a.name and _acts_as_user(model, r, False) for r in targets))
    ]
    if not apps:
        return None  # no cookie session: a forged submission carries no one's authority
    action = form.action.strip()
    paths = (
        {r.path for r in routes} if action in ("", ".", "?") else {a.split("?", 1)[0] for a in _action_paths(action)}
    )
    posted = [
        r
        for r in targets
        or [
            r
            for r in model.routes
            if r.state_changing
            and any(_same_path(_path_segments(path) or [], _path_segments(r.path)) for path in paths)
        ]
        if r.csrf_missing
    ]
    if not posted:
        return None
    # A sign-in or sign-up form forged from another site acts as no one yet (login CSRF), and a sign-out form
    # can at most sign the user out: for a reader.
    acting = any(
        r.category not in (LOGIN, REGISTER) and r.reason != LOGOUT_REASON and _acts_as_user(model, r, True)
        for r in posted
    )
    app = apps[0]
    title = app.title or app.framework.capitalize()
    message = (
        f"POST form without a CSRF token, posted to {posted[0].path} of a {title} app that checks none and signs "
        "users in by cookie: another site's page can submit it in a signed-in user's name (see CSRF004)"
    )
    if _same_site_only(ctx, app):
        # Browsers keep a SameSite=Lax or Strict cookie from another site's POST, as CSRF004 says.
        return message + "; its cookies are SameSite=Lax or Strict", Confidence.MEDIUM, False
    return message, None if acting else Confidence.MEDIUM, False


def _framework_of_form(model: Model, form: FormFact) -> set[str]:
    if form.dialect == "django":
        # Django's tags are also Jinja's (`{% trans %}`, `{% if %}`): with no framework known, nothing says
        # which one renders the page, or what checks its forms.
        # A template the code builds with `django.template.Template` is Django's whatever else is known.
        known_django = "django" in model.frameworks or form.file.endswith(".py")
        return {"django"} if known_django else set(model.frameworks)
    if model.frameworks:
        web = model.frameworks - {"django"} if form.dialect == "jinja" else model.frameworks
        return web or set(model.frameworks)
    return set()


def _middleware_on(model: Model) -> bool:
    env = model.django
    middleware = env.get("MIDDLEWARE") if env else None
    return middleware is None or not isinstance(middleware.value, (list, tuple)) or CSRF_MIDDLEWARE in middleware.value


def _acts_as_user(model: Model, route: Route, cookie_session: bool) -> bool:
    """The view, or a function or dependency it calls, reads the session, the logged-in user or a cookie.
    The user a hook kept on `flask.g`, or Pyramid's security policy names, is the cookie's user only in an
    app with a cookie session; in an app without one it was read from a header (a bearer token, an API key)."""
    view = route.handler
    if view is None:
        return False
    cookie_session = cookie_session and route.framework not in model.header_auth_frameworks
    views = [view, *(model.views[name] for name in (*view.calls, *route.deps) if name in model.views)]
    if any(name in model.session_readers for name in (*view.calls, *route.deps)):
        return True  # `@admin_required` or `Depends(get_admin_user)` reading the session: the cookie's user
    return any(v.identity or (v.user_on_g or v.policy_identity) and cookie_session for v in views)


def _unprotected_apps(ctx: ProjectContext, model: Model) -> None:
    for app in model.apps:
        framework = known.record(app.framework)
        if framework is None or framework.csrf_builtin or app.csrf:
            continue
        # Another site's page can only make the browser send GET or POST without a CORS preflight.
        open_routes = [
            r
            for r in model.routes
            if r.app == app.name
            and r.csrf_missing
            and r.state_changing
            and ("POST" in r.methods or r.methods == ("*",))
        ]
        # Evidence is a state-changing view that acts as the user a cookie names (reads the session, the
        # logged-in user or a cookie). A session store alone may hold only OAuth state or a challenge.
        acting = [r for r in open_routes if _acts_as_user(model, r, bool(app.session))]
        reader = next((r.view for r in [*acting, *(r for r in open_routes if r.session)]), "")
        cookie = app.session or (f"{reader} reads the session or a cookie" if reader else "")
        if not open_routes or not cookie:
            continue
        # Browsers do not send a SameSite=Lax or Strict cookie with another site's POST: when the app's session
        # cookie is such (Starlette's SessionMiddleware by default) or it keeps none, and it sets every other
        # cookie so, a reader judges what a same-site page (a sibling subdomain) could still send.
        same_site = _same_site_only(ctx, app)
        # A route in a router no app is seen to include counts for the app only as a guess: audit.
        served = any(r.served for r in acting)
        acting = [r for r in acting if r.served] or acting
        shown_routes = acting or open_routes
        shown = ", ".join(f"{'/'.join(r.methods)} {r.path}" for r in shown_routes[:3])
        more = f" and {len(shown_routes) - 3} more" if len(shown_routes) > 3 else ""
        ctx.report(
            CSRF004,
            Location(app.file, app.line),
            f"{app.title or framework.title} app authenticates with a cookie ({cookie}) but {shown}{more} "
            f"{'accepts' if len(shown_routes) == 1 else 'accept'} requests without a CSRF token check"
            + (
                "; its session cookie is SameSite=Lax or Strict (SessionMiddleware's own setting), as is every other "
                "cookie it sets"
                if same_site and app.session_same_site
                else "; every cookie it sets is SameSite=Lax or Strict"
                if same_site
                else ""
            )
            + ("" if served or not acting else "; no app is seen including the routers that hold these routes")
            + (
                f"; {app.csrf_maybe} is installed on apps a loop reaches, which may include this one"
                if app.csrf_maybe
                else ""
            ),
            snippet=source_line(ctx, app.file, app.line),
            # Where each route is handled, for a reader (and code scanning's related locations) to go to.
            flow=[
                FlowStep(Location(r.file, r.line), f"{'/'.join(r.methods)} {r.path} checks no CSRF token")
                for r in shown_routes[:5]
            ],
            audit=not acting or same_site or not served or bool(app.csrf_maybe),
        )
    seen = set()
    for env in model.environments:
        switched_off = [
            (file, line, f"WTF_CSRF_ENABLED = False in {env.name}: Flask-WTF checks no token", False)
            for file, line in _csrf_switched_off(env, "WTF_CSRF_ENABLED")
        ]
        if _jwt_in_cookies(env):
            # A SameSite=Lax or Strict token cookie is not sent with another site's POST: worth a reader's look.
            token_same_site = env.get("JWT_COOKIE_SAMESITE")
            lax = token_same_site is not None and str(token_same_site.value).lower() in ("lax", "strict")
            switched_off += [
                (
                    file,
                    line,
                    f"JWT_COOKIE_CSRF_PROTECT = False in {env.name}, where flask-jwt-extended reads the token from "
                    "a cookie (JWT_TOKEN_LOCATION): another site's form or request carries the cookie, and no "
                    "double-submit token is checked"
                    + (f"; the cookie is SameSite={token_same_site.value}" if lax and token_same_site else ""),
                    lax,
                )
                for file, line in _csrf_switched_off(env, "JWT_COOKIE_CSRF_PROTECT")
            ]
        for file, line, message, audit in switched_off:
            if (file, line) not in seen:
                seen.add((file, line))
                ctx.report(CSRF004, Location(file, line), message, snippet=source_line(ctx, file, line), audit=audit)


def _jwt_in_cookies(env: Environment) -> bool:
    """flask-jwt-extended's `JWT_TOKEN_LOCATION` names cookies (`["headers", "cookies"]`, `"cookies"`)."""
    location = env.get("JWT_TOKEN_LOCATION")
    value = location.value if location is not None else None
    return isinstance(value, (list, tuple, str)) and "cookies" in value


def _same_site_only(ctx: ProjectContext, app: App) -> bool:
    """The app's session cookie is SameSite=Lax or Strict (Starlette's SessionMiddleware by default), or it
    keeps none, and every other cookie it sets is so: browsers send none of them with another site's POST."""
    return bool(app.session_same_site or not app.session) and _cookies_same_site(
        ctx, app.file, none_set=app.session_same_site
    )


def _cookies_same_site(ctx: ProjectContext, app_file: str, *, none_set: bool = False) -> bool:
    """Every cookie the app in `app_file` sets itself is SameSite=Lax or Strict (another app's do not count);
    with `none_set`, also when it sets none."""
    roots = app_roots(ctx.facts, ctx.files)
    root = root_of(app_file, roots)
    samesites = [value for path, value in ctx.facts_of(COOKIE_SAMESITE, str) if root_of(path, roots) == root]
    return (none_set or bool(samesites)) and all(value in ("lax", "strict") for value in samesites)


def _csrf_switched_off(env: Environment, name: str) -> list[tuple[str, int]]:
    """Where an environment switches a CSRF check off by the setting `name` (Flask-WTF's `WTF_CSRF_ENABLED`,
    flask-jwt-extended's `JWT_COOKIE_CSRF_PROTECT`). The `app.config` writes of a module are each
    their own: they sit in different functions, and none is known to run last. A settings module or
    config class has one value. Beside `TESTING=True` (in one `update()` call, one function's writes,
    one class) the setting configures a test run."""
    if ":app.config" not in env.name:
        value, testing = env.get(name), env.get("TESTING")
        if value is None or not value.certain or value.value is not False or testing and testing.value is True:
            return []
        return [(value.file, value.line)]
    writes = [
        item
        for item in env.unit.items
        if isinstance(item, Setting) and item.op == "set" and item.branch in ("", "prod")
    ]
    tested = {item.mapping for item in writes if item.name == "TESTING" and item.value is True}
    return [
        (env.unit.file, item.line)
        for item in writes
        if item.name == name and item.value is False and item.mapping not in tested
    ]
