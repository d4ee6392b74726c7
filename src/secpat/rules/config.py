"""Pattern 10 — environment-based configuration (CONF).

Settings are judged per environment, as production would run them: Django
settings modules with their `from .base import *` chains, Flask config classes
and `app.config`, each statement under the branch it sits in. Development-only
files (`settings/development.py`, `local_settings.py`) and branches (the
`else:` of `if ENV == "production":`, `if DEBUG:`) are not findings. A
value read from the environment (`DEBUG = os.getenv("DEBUG") == "1"`) is
trusted unless its default is the insecure value: `os.getenv("DEBUG", "True")
== "True"` runs in debug mode wherever the variable is not set.
"""

from __future__ import annotations

import ast
import configparser
import posixpath
import re
import sys
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow import requests as R
from secpat.dataflow.flow import FunctionFlow, flow_of
from secpat.findings import Confidence, Finding, FlowStep, Location, Severity
from secpat.frameworks import awslambda, flask, known, pyramid, serves_an_app
from secpat.frameworks.django import Environment, Value
from secpat.frameworks.environments import dev_ranges, environment_of_name, file_environment, in_ranges
from secpat.frameworks.facts import DEV_WORDS, ENV, EXPR, FromEnvironment
from secpat.frameworks.routes import Model, Route, app_roots, model_of, root_of, source_line
from secpat.frameworks.syntax import held_name, last, setting_bindings, short_source, string, value_of
from secpat.model.module import Call, Module, field_name, keyword_argument, literal_value
from secpat.rules.context import FileContext, Outcome, ProjectContext, TextContext
from secpat.rules.registry import Rule, check, define
from secpat.rules.secrets import development_stack, production_stack

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONF001 = define(
    Rule(
        id="CONF001",
        name="debug-enabled",
        pattern=10,
        title="Debug mode switched on unconditionally or by default",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=489,
        why="""
        Debug mode shows stack traces, settings, environment variables and SQL to anyone who
        triggers an error; Werkzeug's debugger even runs Python typed into the browser. A
        literal `DEBUG = True` (or `app.run(debug=True)`, `FastAPI(debug=True)`) outside a
        development-only file or branch goes to production with the code.
    """,
        bad="""
        # settings.py
        DEBUG = True
        ALLOWED_HOSTS = ["example.com"]
    """,
        good="""
        import os

        ENV = os.getenv("ENV", "development")

        if ENV == "production":
            DEBUG = False
            ALLOWED_HOSTS = ["example.com"]
        else:
            DEBUG = True
            ALLOWED_HOSTS = ["*"]
    """,
        fix="Read debug from the environment (`DEBUG = os.getenv('DEBUG') == '1'`) or set it only in "
        "development settings; production must run with `DEBUG = False`.",
    )
)

CONF002 = define(
    Rule(
        id="CONF002",
        name="any-host-allowed",
        pattern=10,
        title="`ALLOWED_HOSTS` or trusted hosts contain `*`",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=16,
        why="""
        `ALLOWED_HOSTS = ["*"]` (or Starlette's `TrustedHostMiddleware(allowed_hosts=["*"])`)
        accepts any `Host` header, so links the app builds from it (password-reset e-mails,
        redirects, absolute URLs) can be made to point at an attacker's site, and caches
        can be poisoned. Django's own deployment check does not catch it. When a project
        middleware listed in `MIDDLEWARE` rejects hosts itself (raises `DisallowedHost`), the
        finding is shown in audit mode. A list read from the environment that defaults to `*`
        (`os.getenv("ALLOWED_HOSTS", "*").split(",")`) is the same wherever it is not set.
    """,
        bad="""
        # settings.py
        DEBUG = False
        ALLOWED_HOSTS = ["*"]
    """,
        good="""
        import os

        DEBUG = os.getenv("DEBUG") == "1"
        ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
    """,
        fix="List the real host names (`ALLOWED_HOSTS = ['shop.example.com']`), from the environment if they vary.",
    )
)

CONF003 = define(
    Rule(
        id="CONF003",
        name="insecure-cookie",
        pattern=10,
        title="Session or auth cookie without Secure, HttpOnly or SameSite",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=614,
        why="""
        A session cookie without `Secure` is sent over plain HTTP, where anyone on the network
        can read it; without `HttpOnly` any injected script can steal it; `SameSite=None`
        sends it with every cross-site request. Django sends its session and CSRF cookies
        without `Secure` unless production settings say otherwise.
    """,
        bad="""
        from flask import make_response


        def login_response(session_id):
            response = make_response("ok")
            response.set_cookie("session_id", session_id)
            return response
    """,
        good="""
        from flask import make_response


        def login_response(session_id):
            response = make_response("ok")
            response.set_cookie("session_id", session_id, secure=True, httponly=True, samesite="Lax")
            return response
    """,
        fix="Set `secure=True, httponly=True, samesite='Lax'` on auth cookies; in Django production settings "
        "`SESSION_COOKIE_SECURE = True` and `CSRF_COOKIE_SECURE = True`; Starlette `SessionMiddleware(..., "
        "https_only=True)`.",
    )
)

CONF004 = define(
    Rule(
        id="CONF004",
        name="https-not-enforced",
        pattern=10,
        title="Production settings without HTTPS enforcement",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,
        cwe=319,
        why="""
        Without `SECURE_SSL_REDIRECT` or HSTS (`SECURE_HSTS_SECONDS`), a user who types the
        address or follows an old `http://` link talks to the site in clear text first, and
        anyone on the network can read or rewrite that request, session cookie included.
        HSTS tells the browser never to try plain HTTP again. Flask-Talisman given
        `force_https=False` and `strict_transport_security=False` switches both off. Production
        settings that set neither are reported in audit mode only: the TLS-terminating proxy in
        front of most deployments redirects and sends HSTS itself, which the code does not show.
    """,
        bad="""
        # settings.py, production branch
        import os

        INSTALLED_APPS = ["django.contrib.auth", "django.contrib.sessions"]
        if os.environ["ENV"] == "production":
            DEBUG = False
            ALLOWED_HOSTS = ["shop.example.com"]
            SECURE_SSL_REDIRECT = False
    """,
        good="""
        # settings.py, production branch
        import os

        INSTALLED_APPS = ["django.contrib.auth", "django.contrib.sessions"]
        if os.environ["ENV"] == "production":
            DEBUG = False
            ALLOWED_HOSTS = ["shop.example.com"]
            SECURE_SSL_REDIRECT = True
            SECURE_HSTS_SECONDS = 31536000
            SESSION_COOKIE_SECURE = True
            CSRF_COOKIE_SECURE = True
    """,
        fix="In production settings set `SECURE_SSL_REDIRECT = True` and `SECURE_HSTS_SECONDS` (start small, then "
        "a year); behind a TLS-terminating proxy also set `SECURE_PROXY_SSL_HEADER`.",
    )
)

CONF005 = define(
    Rule(
        id="CONF005",
        name="cors-any-origin-with-credentials",
        pattern=10,
        title="CORS allows any origin together with credentials",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=942,
        why="""
        Allowing every origin *and* credentials makes the browser send the user's cookies with
        requests from any site and let that site read the answers: Starlette and
        django-cors-headers then echo the caller's origin back. Any page the user visits can
        read their data through the API. Code that echoes the request's `Origin` header into
        `Access-Control-Allow-Origin` itself, beside `Access-Control-Allow-Credentials: true`,
        does the same.
    """,
        bad="""
        from fastapi import FastAPI
        from fastapi.middleware.cors import CORSMiddleware

        app = FastAPI()
        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
    """,
        good="""
        from fastapi import FastAPI
        from fastapi.middleware.cors import CORSMiddleware

        app = FastAPI()
        app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
    """,
        fix="List the origins that may call the API with credentials; keep `*` only for public, cookie-less APIs.",
    )
)

CONF006 = define(
    Rule(
        id="CONF006",
        name="dev-server-on-all-interfaces",
        pattern=10,
        title="Development server or reload mode bound to all interfaces",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        cwe=1327,
        why="""
        Flask's `app.run()` and Werkzeug's `run_simple` are development servers, and reload
        mode (`uvicorn.run(..., reload=True)`) watches and re-executes code; none is built
        for hostile traffic. Bound to `0.0.0.0` they are reachable from the whole network,
        and with the debugger on, anyone who reaches them can run code.
    """,
        bad="""
        import uvicorn

        if __name__ == "__main__":
            uvicorn.run("main:app", host="0.0.0.0", reload=True)
    """,
        good="""
        import uvicorn

        if __name__ == "__main__":
            uvicorn.run("main:app", host="127.0.0.1", reload=True)
    """,
        fix="Bind development servers to 127.0.0.1; in production run a real server (gunicorn, uvicorn without "
        "reload) behind a proxy.",
    )
)

CONF_RULES = (CONF001, CONF002, CONF003, CONF004, CONF005, CONF006)
_ALL_INTERFACES = ("0.0.0.0", "::", "[::]")
#: Origins no site of the app's own would have: a regex that matches them matches any site's.
_STRANGER_ORIGINS = ("https://attacker.example", "https://evil-site.test")  # any site, on the default port


def _any_origin_regex(regex: object) -> bool:
    """`allow_origin_regex=r"https?://.*"`: Starlette matches the whole origin against it, and it takes any
    site's origin."""
    if not isinstance(regex, str):
        return False
    try:
        compiled = re.compile(regex)
    except re.error:
        return False
    return all(compiled.fullmatch(origin) for origin in _STRANGER_ORIGINS)


_SESSION_WORDS = ("session", "sid", "token", "auth", "jwt", "login", "remember", "refresh", "csrf", "xsrf")
_PLACE_WORDS = frozenset({"redirect", "next", "url", "uri", "path", "page", "return", "referrer", "referer"})


# -- one file --------------------------------------------------------------------------------------


@check(*CONF_RULES)
def code_config(ctx: FileContext) -> None:
    """Debug flags, servers, cookies and CORS written in code, outside development-only blocks."""
    module = ctx.module
    if file_environment(module.path) == "dev" and not serves_an_app(module):
        return  # `local_settings.py`, `run_dev.py`: development helpers by their name
    ranges = None
    for call in module.calls:
        name = last(call.callee) or call.method or ""
        if name not in _WATCHED or name == "debug" and call.callee != "bottle.debug":
            continue  # (`debug` is watched for Bottle's switch, not every logger's method)
        if ranges is None:
            ranges = dev_ranges(module)
        if in_ranges(call.node.lineno, ranges):
            continue
        _WATCHED[name](ctx, call)
    if any(R.lambda_handler(f) for f in module.functions.values()):
        _lambda_cookies(ctx, dev_ranges(module) if ranges is None else ranges)
    if "Path=" in module.source or "Max-Age=" in module.source:
        _built_cookie_texts(ctx, dev_ranges(module) if ranges is None else ranges)


def _run(ctx: FileContext, call: Call) -> None:
    """`app.run(debug=True, host="0.0.0.0")` (Flask), `run_simple(...)` (Werkzeug), `uvicorn.run(...)`."""
    module = ctx.module
    callee = call.callee or ""
    if _bottle_run(module, call):
        _bottle_server(ctx, call)
        return
    uvicorn = callee.startswith(("uvicorn", "hypercorn"))
    werkzeug = callee.endswith("run_simple")
    receiver = ast.unparse(call.receiver).lower() if call.receiver is not None else ""
    # `app.run()` on the module's own app, or on one imported from the project (`from myapp import app` in
    # `run.py`); a library's `run()` is not an app's.
    own = call.callee is None or call.callee.split(".", 1)[0] in module.project_roots
    app_run = (
        not uvicorn
        and not werkzeug
        and (call.method == "run" or call.method == "run_server" and module.imports_any("dash"))
        and own
        and (module.imports_any(*flask.APP_PACKAGES, "dash") or "app" in receiver)
    )
    if not (uvicorn or werkzeug or app_run):
        return
    # Flask's `run(host, port, debug)` and Werkzeug's `run_simple(hostname, ...)` take the host first;
    # uvicorn's options are keyword-only.
    host_node = call.arg(None if uvicorn else 0, "hostname" if werkzeug else "host")
    host = ctx.module.constant(host_node, None, call.scope)
    reload = _constant(ctx, call, keyword="use_reloader" if werkzeug else "reload") is True
    debug_kw = "use_debugger" if werkzeug else "debug"
    debug = call.arg(2 if app_run else None, debug_kw)
    found: list[tuple[str, str, ast.AST | None]] = []  # (rule id, message, the argument at fault)
    # Inside `if settings.DEBUG:` the switch is the developer's: production runs the other branch.
    if (
        ctx.module.constant(debug, None, call.scope) is True
        and not uvicorn
        and not module.under_debug_switch(call.node.lineno)
    ):
        found.append(
            (CONF001.id, f"{debug_kw}=True starts the interactive debugger: anyone who reaches it can run code", debug)
        )
    if host in _ALL_INTERFACES and (app_run or werkzeug or reload):
        what = "reload mode" if uvicorn else "the development server"
        found.append((CONF006.id, f"{what} bound to {host}: reachable from the whole network", host_node))
    _report_server(ctx, call, found)


def _report_server(ctx: FileContext, call: Call, found: list[tuple[str, str, ast.AST | None]]) -> None:
    """Report what starting a server shows (rule id, message, the argument at fault)."""
    module = ctx.module
    if found and module.runs_only_as_script(call.node.lineno):
        # Started by running the file by hand: whether that is how production runs the app depends on
        # whether the app has another way to be served, which the project stage knows.
        at = [ctx.location(call.node, argument) for _, _, argument in found]
        ctx.fact(
            SCRIPT_SERVER,
            ScriptServer(
                module.path,
                call.node.lineno,
                call.node.col_offset,
                tuple((rule_id, message, where.line, where.col) for (rule_id, message, _), where in zip(found, at)),
            ),
        )
        return
    for rule_id, message, argument in found:
        ctx.report(_BY_ID[rule_id], call.node, message, at=argument)


def _bottle_run(module: Module, call: Call) -> bool:
    """`bottle.run(app, host=...)`, `run(...)` imported from Bottle, `app.run(...)` in a Bottle-only or
    Sanic module."""
    if call.callee == "bottle.run":
        return True
    return (
        call.callee is None
        and call.method == "run"
        and module.imports_any("bottle", "sanic")
        and not module.imports_any("flask", "quart", "werkzeug")
    )


def _bottle_server(ctx: FileContext, call: Call) -> None:
    """Bottle's `run(app, server, host, port, ..., debug=True)` and Sanic's `app.run(debug=True)`: debug mode
    sends tracebacks with the code that failed to the client in error pages. Bottle's built-in `wsgiref`
    server is for development; Sanic's own is its production server."""
    module = ctx.module
    sanic = module.imports_any("sanic")
    found: list[tuple[str, str, ast.AST | None]] = []
    debug = call.arg(keyword="debug")
    if ctx.module.constant(debug, None, call.scope) is True and not module.under_debug_switch(call.node.lineno):
        where = "Sanic's" if sanic else "Bottle's"
        found.append((CONF001.id, f"debug=True sends tracebacks to every client in {where} error pages", debug))
    if sanic:
        _report_server(ctx, call, found)
        return
    host_node = call.arg(None if call.callee is None else 2, "host")
    server = ctx.module.constant(call.arg(None if call.callee is None else 1, "server"), None, call.scope)
    if ctx.module.constant(host_node, None, call.scope) in _ALL_INTERFACES and server in (None, "wsgiref"):
        host = ctx.module.constant(host_node, None, call.scope)
        found.append(
            (CONF006.id, f"Bottle's development server bound to {host}: reachable from the whole network", host_node)
        )
    _report_server(ctx, call, found)


def _bottle_debug(ctx: FileContext, call: Call) -> None:
    """`bottle.debug(True)`: every error page carries the traceback."""
    if ctx.module.under_debug_switch(call.node.lineno):
        return
    mode = call.arg(0, "mode")
    if mode is None or ctx.module.constant(mode, None, call.scope) is True:
        ctx.report(
            CONF001, call.node, "Bottle's debug mode sends tracebacks to every client in its error pages", at=mode
        )


#: Admin sites that are Starlette apps of their own, mounted in the project's: SQLAdmin's `Admin(..., debug=True)`
#: is Starlette's debug switch for every page of the admin.
_ADMIN_DEBUG_SWITCHES = {"sqladmin.Admin": "debug", "sqladmin.application.Admin": "debug"}


def _app_debug(ctx: FileContext, call: Call) -> None:
    """`FastAPI(debug=True)`, `web.Application(debug=True)` (the records' debug switches),
    `DebuggedApplication(app, evalex=True)`."""
    callee = call.callee or ""
    if ctx.module.under_debug_switch(call.node.lineno):
        return  # `if in_debug_mode(): app = FastAPI(debug=True)`: production runs the other branch
    switch = known.mapping("debug_switches").get(callee) or _ADMIN_DEBUG_SWITCHES.get(callee)
    given = call.arg(keyword=switch) if switch else None
    if switch and given is None:
        # `Application(handlers, **settings)` with `settings = dict(debug=True, ...)` bound once.
        given = next((_dict_item(d, switch) for d in _spread_dicts(ctx, call) if _dict_item(d, switch)), None)
    if switch and given is not None and ctx.module.constant(given, None, call.scope) is True:
        ctx.report(CONF001, call.node, f"{switch}=True serves tracebacks to every client", at=given)
    elif callee.endswith("DebuggedApplication") and _constant(ctx, call, keyword="evalex") is True:
        ctx.report(
            CONF001,
            call.node,
            "the Werkzeug debugger with evalex=True runs code typed into the browser",
            at=call.arg(keyword="evalex"),
        )


def _dash_dev_tools(ctx: FileContext, call: Call) -> None:
    """Dash's `app.enable_dev_tools(debug=True)`: the dev tools show every callback's traceback in the page
    (as `app.run(debug=True)` does, which `_run` reads)."""
    if not ctx.module.imports_any("dash") or ctx.module.under_debug_switch(call.node.lineno):
        return
    debug = call.arg(0, "debug")
    if debug is not None and ctx.module.constant(debug, None, call.scope) is True:
        ctx.report(CONF001, call.node, "Dash's dev tools with debug=True show tracebacks in every page", at=debug)


def _set_cookie(ctx: FileContext, call: Call) -> None:
    name_given = call.arg(0, "key")
    key = ctx.module.constant(name_given)
    named = repr(key) if isinstance(key, str) else None
    if not isinstance(key, str):
        key = _named_cookie(name_given)
        named = f"`{short_source(name_given)}`" if key and name_given is not None else None
    if call.method not in _COOKIE_SETTERS or call.method == "add_cookie" and not ctx.module.imports_any("sanic"):
        return
    if _constant(ctx, call, keyword="secure") is False and not _deletes_cookie(call):
        # An explicit `secure=False` is a decision, whatever the cookie's name (CWE-614).
        shown = named or "set here"
        # Other flags switched off on the same call are named with it: one finding says all that is wrong.
        readable = _constant(ctx, call, keyword="httponly") is False
        cross_site = _constant(ctx, call, keyword="samesite") in ("None", "none")
        flags = "secure=False" + (", httponly=False" if readable else "") + (", samesite='None'" if cross_site else "")
        effects = "it is also sent over plain HTTP" + ("; scripts on the page can read it" if readable else "")
        ctx.report(
            CONF003,
            call.node,
            f"cookie {shown} is set with {flags}: {effects}",
            at=call.arg(keyword="secure"),
        )
        return
    # `set_cookie(settings.SUBSCRIBER_COOKIE, token)`: whatever the cookie is called, the value it is given is
    # named for a credential (a session token, a session id).
    value = call.arg(1, "value")
    made_by = value.func if isinstance(value, ast.Call) else None
    value_name = (
        field_name(value)
        if isinstance(value, (ast.Attribute, ast.Subscript))
        else value.id
        if isinstance(value, ast.Name)
        # `issue_portal_token(client)`: what the function that made the value is named for.
        else made_by.attr
        if isinstance(made_by, ast.Attribute)
        else made_by.id
        if isinstance(made_by, ast.Name)
        else None
    )
    # (A CSRF token is no credential: the double-submit cookie is read by the page's script. Nor is a call whose
    # first argument names no cookie: a project's own `set_cookie(handler, token)`.)
    if isinstance(value, ast.Attribute) and value_name and names.classify(value_name) is None:
        # `session.key`, `login.token`: the field of a record named for what it holds.
        record = field_name(value.value)
        value_name = f"{record}_{value_name}" if record else value_name
    given_text = short_source(name_given) if name_given is not None else ""
    carries_token = (
        value_name is not None
        and names.classify(value_name) is names.NameKind.SECRET
        and not any(w in f"{value_name} {given_text} {ctx.module.path}".lower() for w in ("csrf", "xsrf"))
        and (
            isinstance(name_given, (ast.Constant, ast.JoinedStr))
            or bool({"cookie", "name", "key", "token"} & set(names.words(given_text)))
        )
    )
    known_only_by_value = key is None and carries_token and name_given is not None
    if known_only_by_value:
        key, named = given_text, f"`{given_text}`"
    if key is None or _deletes_cookie(call):
        return
    identity = _names_identity(key) and not known_only_by_value
    # Tornado's signed cookie is what `get_current_user()` reads, whatever it is called (`bo_staff`).
    signed_login = call.method in _SIGNED_COOKIE_SETTERS
    session_named = not known_only_by_value and (
        identity or signed_login or any(w in key.lower() for w in _SESSION_WORDS)
    )
    if not session_named and not carries_token:
        return
    if names.words(key)[-1:] and names.words(key)[-1] in _PLACE_WORDS:
        return  # `login_redirect`, `auth_next_url`: where to go after signing in, not a credential
    if isinstance(call.arg(1, "value"), ast.Constant) and not identity:
        return  # `set_cookie("is_user_authorized", "true")`: a flag for the page's script, no credential in it
    if ctx.module.imports_any("falcon"):
        # Falcon's `resp.set_cookie()` sets Secure and HttpOnly unless told not to (`http_only=False`).
        written = (("secure", "secure"), ("httponly", "http_only"))
        missing = [flag for flag, keyword in written if _constant(ctx, call, keyword=keyword) is False]
    elif call.method == "add_cookie":
        # Sanic's `response.add_cookie()` is Secure unless told otherwise, and HttpOnly only when asked.
        missing = [flag for flag in ("secure",) if _constant(ctx, call, keyword=flag) is False]
        missing += [] if _truthy(ctx, call, "httponly") else ["httponly"]
    else:
        missing = [flag for flag in ("secure", "httponly") if not _truthy(ctx, call, flag)]
    if any(word in f"{key} {value_name or ''}".lower() for word in ("csrf", "xsrf")):
        missing = [m for m in missing if m != "httponly"]  # a double-submit token is read by script
    samesite = call.arg(keyword="samesite")
    if (
        samesite is not None
        and string(samesite) in ("None", "none")
        or isinstance(samesite, ast.Constant)
        and samesite.value is None
        and call.has_keyword("samesite")
    ):
        missing.append("samesite (None)")
    unpacked = [k.value for k in call.node.keywords if k.arg is None]  # `**cookie_kwargs`
    given = {}
    for mapping in unpacked:
        given.update(ctx.module.constant_items(mapping, call.scope))
    missing = [m for m in missing if not given.get(m)]
    if missing:
        # A missing flag may be added by the project's own `set_cookie()` (a response class that sets
        # `secure` and `samesite` for every cookie), which may live in any module: the project stage decides.
        # Options handed in as `**kwargs` built elsewhere may hold it too: a reader decides.
        unknown = next((ast.unparse(m) for m in unpacked if not ctx.module.constant_items(m, call.scope)), None)
        if all(call.has_keyword(m) for m in missing):
            unknown = None  # `httponly=False` written out: no `**options` can give it again
        before = len(ctx.findings)
        # Tornado's signed cookies, Bottle's `set_cookie(..., secret=key)`: nobody without the key can forge one.
        signed = (
            call.method in _SIGNED_COOKIE_SETTERS
            or call.callee == "bottle.response.set_cookie"
            and bool(call.arg(keyword="secret"))
        )
        holds = " says who the user is (whoever sends it is taken for them) and" if identity and not signed else ""
        ctx.report(
            CONF003,
            call.node,
            f"cookie {named}{holds} is set without {', '.join(missing)}"
            + (f"; the options in `**{unknown}` may set them" if unknown else ""),
            # A cookie known only by the credential it is given, whose flags are partly written out: the flag
            # left out was decided on, for a reader (an embedded app's `samesite="none"`, `secure=` by setting).
            audit=unknown is not None or not session_named and _writes_flags(call),
        )
        for finding in ctx.findings[before:]:
            ctx.fact(COOKIE_FLAGS_MISSING, finding)
        del ctx.findings[before:]


def _writes_flags(call: Call) -> bool:
    return any(call.has_keyword(flag) for flag in ("secure", "httponly", "samesite"))


#: Tornado's signed cookies: the app's login cookie as a rule (`set_secure_cookie("user", name)`).
_SIGNED_COOKIE_SETTERS = ("set_secure_cookie", "set_signed_cookie")
_COOKIE_SETTERS = ("set_cookie", "add_cookie", *_SIGNED_COOKIE_SETTERS)

#: Last words of a cookie's name that say its value is who the user is: a user id, a user name, a role.
_IDENTITY_WORDS = frozenset(
    {"uid", "userid", "username", "user", "login", "role", "roles", "admin", "account", "staff"}
)


def _named_cookie(expr: ast.expr | None) -> str | None:
    """`config.SESSION_COOKIE`, `app.config["JWT_ACCESS_COOKIE_NAME"]`: a setting that holds the cookie's name,
    named for what the cookie is; the words before "cookie" stand for the name (`session`, `jwt_access`)."""
    words = names.words(held_name(expr) or "")
    if "cookie" not in words or {"csrf", "xsrf"} & set(words):
        return None  # a double-submit CSRF cookie holds no login
    before = words[: words.index("cookie")]
    return "_".join(before) if before else None


def _names_identity(key: str) -> bool:
    """`uid`, `user_id`, `username`, `role`, `is_admin`: a cookie that authenticates by what it holds."""
    words = names.words(key)
    return bool(words) and (words[-1] in _IDENTITY_WORDS or tuple(words[-2:]) in (("user", "id"), ("user", "name")))


def _set_cookie_header(ctx: FileContext, call: Call) -> None:
    """`self.send_header("Set-Cookie", f"sid={sid}; Path=/")`: a session cookie written by hand, whose flags
    are the words of the header's text."""
    if len(call.node.args) != 2 or str(literal_value(call.node.args[0], "")).lower() != "set-cookie":
        return
    _cookie_text(ctx, call.node.args[1])


def _lambda_cookies(ctx: FileContext, ranges: list[tuple[int, int]]) -> None:
    """The cookies a Lambda handler's answer sets, written by hand like a Set-Cookie header."""
    for function in ctx.module.functions.values():
        if R.lambda_handler(function):
            for answer in awslambda.answers(function):
                for cookie in awslambda.cookies(answer):
                    if not in_ranges(cookie.lineno, ranges):
                        _cookie_text(ctx, cookie)


def _cookie_text(ctx: FileContext, node: ast.expr) -> None:
    """A session cookie's Set-Cookie text (`f"sid={sid}; Path=/"`), whose flags are its words."""
    text = _literal_text(node)
    if text is None:
        return
    name = text.split("=", 1)[0].strip().lower()
    attributes = text.lower().replace(" ", "")
    if "=" not in text or not any(w in name for w in _SESSION_WORDS) or "max-age=0" in attributes:
        return
    missing = _missing_cookie_flags(name, attributes)
    if missing:
        ctx.report(CONF003, node, f"cookie {name!r} is sent in a Set-Cookie header without {' and '.join(missing)}")


def _missing_cookie_flags(name: str, attributes: str) -> list[str]:
    """The flags a Set-Cookie text (lower-cased, spaces removed) leaves out; a CSRF cookie is read by script."""
    missing = [flag for flag, word in (("Secure", "secure"), ("HttpOnly", "httponly")) if word not in attributes]
    return [m for m in missing if m != "HttpOnly"] if "csrf" in name or "xsrf" in name else missing


#: The attributes of a Set-Cookie text written by hand (`; Path=/`, `; Max-Age=3600`): what tells a cookie's text
#: from any other `name=value` text.
_COOKIE_ATTRIBUTES = re.compile(r";\s*(?:Path|Max-Age|Expires|Domain)=", re.IGNORECASE)


def _built_cookie_texts(ctx: FileContext, ranges: list[tuple[int, int]]) -> None:
    """`f"{SESSION_COOKIE}={access_token}; Path=/; Max-Age={max_age}"` built anywhere, to be handed to whatever
    writes the header (a response helper's `cookies=[...]`): the cookie's name is the constant it starts with, and
    a value named for a token or session says what it carries."""
    module = ctx.module
    reported = {f.location.line for f in ctx.findings if f.rule_id == CONF003.id}
    for node in module.nodes:
        if not isinstance(node, ast.JoinedStr) or len(node.values) < 3 or in_ranges(node.lineno, ranges):
            continue
        first, equals, value = node.values[0], node.values[1], node.values[2]
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        if not (
            isinstance(first, ast.FormattedValue)
            and isinstance(equals, ast.Constant)
            and equals.value == "="
            and isinstance(value, ast.FormattedValue)
            and _COOKIE_ATTRIBUTES.search(literal)
            and node.lineno not in reported
        ):
            continue
        name = module.constant(first.value, None, module.function_at(node.lineno))
        if not isinstance(name, str):
            continue
        carried = names.words(held_name(value.value) or "")
        if not any(w in name.lower() for w in _SESSION_WORDS) and not {"token", "session", "jwt"} & set(carried):
            continue
        attributes = literal.lower().replace(" ", "")
        if "max-age=0" in attributes:
            continue
        missing = _missing_cookie_flags(name.lower(), attributes)
        if missing:
            ctx.report(
                CONF003, node, f"cookie {name!r} is written as a Set-Cookie text without {' and '.join(missing)}"
            )


def _deletes_cookie(call: Call) -> bool:
    """`set_cookie(name, "", expires=0)` / `max_age=0`: removing a cookie sends nothing worth protecting."""
    expiry = [call.literal(keyword=k) for k in ("expires", "max_age")]
    return call.literal(1, "value") == "" or any(v == 0 for v in expiry)


def _constant(
    ctx: FileContext, call: Call, index: int | None = None, keyword: str | None = None, default: object = None
) -> object:
    """The constant an argument holds, a name bound to one read as its value (`allow_origins=EVERYONE`)."""
    return ctx.module.constant(call.arg(index, keyword), default, call.scope)


def _truthy(ctx: FileContext, call: Call, keyword: str) -> bool:
    if call.arg(keyword=keyword) is None:
        return False
    value = _constant(ctx, call, keyword=keyword, default=EXPR)
    return value is EXPR or bool(value)  # a variable (`secure=settings.SECURE`) is given the benefit of the doubt


def _aiohttp_cors(ctx: FileContext, call: Call) -> None:
    """`aiohttp_cors.setup(app, defaults={"*": ResourceOptions(allow_credentials=True, ...)})`: every origin may
    read what the routes answer with the user's cookies."""
    if call.callee != "aiohttp_cors.setup":
        return
    defaults = call.arg(keyword="defaults")
    if not isinstance(defaults, ast.Dict):
        return
    for key, options in zip(defaults.keys, defaults.values):
        if (
            isinstance(key, ast.Constant)
            and key.value == "*"
            and isinstance(options, ast.Call)
            and last(ctx.module.qualified_name(options.func, call.scope) or "") == "ResourceOptions"
            and ctx.module.constant(keyword_argument(options, "allow_credentials"), None, call.scope) is True
        ):
            ctx.report(
                CONF005,
                call.node,
                'aiohttp-cors allows every origin (`"*"`) with credentials: any site can read responses made '
                "with the user's cookies",
                at=key,
            )
            return


def _every_origin_fallback(ctx: FileContext, call: Call, node: ast.expr | None) -> str | None:
    """`settings.cors_origins or ["*"]`, also through a name bound to it once: every origin unless the setting
    lists some. The setting's text, or None."""
    if isinstance(node, ast.Name):
        bound = ctx.module.bound_value(node.id, call.scope)
        node = bound[0] if bound is not None else None
    if not (isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) and len(node.values) == 2):
        return None
    fallback = ctx.module.constant(node.values[1], None, call.scope)
    if isinstance(fallback, (list, tuple)) and "*" in fallback or fallback == "*":
        return short_source(node.values[0])
    return None


def _middleware(ctx: FileContext, call: Call) -> None:
    """CORS, trusted hosts and Starlette sessions passed to `add_middleware` or `Middleware(...)`."""
    if not call.node.args:
        return
    cls = ctx.module.qualified_name(call.node.args[0], call.scope) or ""
    if call.method not in ("add_middleware",) and last(call.callee) != "Middleware":
        return
    _middleware_options(ctx, call, cls)


def _falcon_cors(ctx: FileContext, call: Call) -> None:
    """Falcon's `CORSMiddleware(allow_origins="*", allow_credentials="*")`: credentials for every origin, each
    answered with its own name."""
    if call.callee not in ("falcon.CORSMiddleware", "falcon.middleware.CORSMiddleware"):
        return
    origins = _constant(ctx, call, keyword="allow_origins", default="*")
    credentials = _constant(ctx, call, keyword="allow_credentials")
    every = origins == "*" or isinstance(origins, (list, tuple)) and "*" in origins
    if every and (credentials == "*" or isinstance(credentials, (list, tuple)) and "*" in credentials):
        ctx.report(
            CONF005,
            call.node,
            "Falcon's CORS middleware allows every origin and credentials for every origin: any site can make "
            "signed-in requests and read the answers",
            at=call.arg(keyword="allow_credentials"),
        )


def _cors_config(ctx: FileContext, call: Call) -> None:
    """Litestar's `CORSConfig(allow_origins=["*"], allow_credentials=True)`: the options of Starlette's
    middleware, under the same names."""
    if (call.callee or "").startswith(("litestar.", "starlite.")):
        _middleware_options(ctx, call, "CORSMiddleware")


def _middleware_options(ctx: FileContext, call: Call, qualified: str) -> None:
    cls = last(qualified)
    if cls == "CORSMiddleware":
        origins = _constant(ctx, call, keyword="allow_origins", default=())
        regex = _constant(ctx, call, keyword="allow_origin_regex")
        any_regex = _any_origin_regex(regex)
        any_origin = (isinstance(origins, (list, tuple)) and "*" in origins) or any_regex
        fallback = None if any_origin else _every_origin_fallback(ctx, call, call.arg(keyword="allow_origins"))
        credentials = _constant(ctx, call, keyword="allow_credentials") is True
        setting = call.arg(keyword="allow_origins")
        if not isinstance(setting, ast.Attribute) and regex is None:
            # `allow_origin_regex=config.CORS_ORIGIN_REGEX`: a pattern another module keeps, read the same way.
            setting = call.arg(keyword="allow_origin_regex")
        if credentials and not (any_origin or fallback) and isinstance(setting, ast.Attribute):
            # `allow_origins=settings.BACKEND_CORS_ORIGINS`: the project stage knows the setting's default.
            before = len(ctx.findings)
            ctx.report(CONF005, call.node, "CORS allows every origin with credentials", at=setting)
            for finding in ctx.findings[before:]:
                ctx.fact(CORS_ORIGINS_BY_NAME, SettingUse(finding, setting.attr, short_source(setting)))
            del ctx.findings[before:]
        if (any_origin or fallback) and credentials:
            ctx.report(
                CONF005,
                call.node,
                "CORS allows every origin with credentials"
                + (f" whenever `{fallback}` is empty" if fallback else "")
                + ": any site can read responses made with the user's cookies",
                at=call.arg(keyword="allow_origin_regex" if any_regex else "allow_origins"),
                confidence=Confidence.MEDIUM if fallback else None,
            )
    elif cls == "TrustedHostMiddleware":
        hosts = _constant(ctx, call, keyword="allowed_hosts", default=())
        setting = call.arg(keyword="allowed_hosts")
        # `[*settings.ALLOWED_HOSTS, "*"]`: a wildcard written beside the configured hosts opens them all.
        written = setting.elts if isinstance(setting, (ast.List, ast.Tuple)) else []
        if isinstance(hosts, (list, tuple)) and "*" in hosts or any(literal_value(e) == "*" for e in written):
            ctx.report(
                CONF002,
                call.node,
                "TrustedHostMiddleware accepts any Host header",
                at=setting,
            )
        elif isinstance(setting, ast.Attribute):
            # `allowed_hosts=settings.allowed_hosts`: the project stage knows the setting's default.
            before = len(ctx.findings)
            ctx.report(CONF002, call.node, "TrustedHostMiddleware accepts any Host header", at=setting)
            for finding in ctx.findings[before:]:
                ctx.fact(HOSTS_BY_NAME, SettingUse(finding, setting.attr, short_source(setting)))
            del ctx.findings[before:]
    elif cls == "SessionMiddleware":
        # starsessions' middleware of the same name spells the flag `cookie_https_only`.
        flag = "cookie_https_only" if qualified.startswith("starsessions") else "https_only"
        same_site = "cookie_same_site" if qualified.startswith("starsessions") else "same_site"
        plain = not _truthy(ctx, call, flag)
        # `same_site="none"`: the browser sends the session cookie with every other site's request.
        chosen = _constant(ctx, call, keyword=same_site) if call.arg(keyword=same_site) is not None else "lax"
        cross_site = isinstance(chosen, str) and chosen.lower() == "none"
        if plain or cross_site:
            # Whether the cookie carries a login depends on what the app stores in the session, anywhere in
            # it: the project stage decides.
            before = len(ctx.findings)
            ctx.report(
                CONF003,
                call.node,
                f"SessionMiddleware without {flag}=True sends the session cookie over plain HTTP"
                if plain
                else f"SessionMiddleware with {same_site}='none' sends the session cookie with every cross-site "
                "request",
                at=call.arg(keyword=flag if plain else same_site),
            )
            spread = next((k.value for k in call.node.keywords if k.arg is None), None)
            for finding in ctx.findings[before:]:
                if spread is not None and not isinstance(spread, ast.Dict):
                    # `SessionMiddleware(secret_key=key, **session_kwargs)`: the options a caller passes
                    # may set the flag; the library leaves it to the application that uses it.
                    finding = finding.for_audit(f"`**{short_source(spread)}` may set {flag}")
                elif not plain:
                    # Written on purpose, for an app embedded in other sites' pages or a sign-in that returns
                    # from another site: what other sites' requests can do with it is CSRF's question.
                    finding = finding.for_audit("SameSite=None is a choice made for cross-site use")
                ctx.fact(SESSION_COOKIE_UNSECURED, finding)
            del ctx.findings[before:]


def _flask_cors(ctx: FileContext, call: Call) -> None:
    # `cors = CORS()` in an extensions module, then `cors.init_app(app, ..., supports_credentials=True)`: the
    # keyword is flask-cors's own.
    resources = call.arg(keyword="resources")
    if isinstance(resources, ast.Name):
        bound = ctx.module.bound_value(resources.id, call.scope)  # `resources=CORS_RESOURCES`, a dict of the module
        resources = bound[0] if bound is not None and isinstance(bound[0], ast.Dict) else resources
    # `resources={r"/api/*": {"origins": "*", "supports_credentials": True}}`: a resource's own options.
    credentialed = [
        options
        for options in (resources.values if isinstance(resources, ast.Dict) else ())
        if ctx.module.constant(_dict_item(options, "supports_credentials"), None, call.scope) is True
    ]
    deferred = call.method == "init_app" and (call.arg(keyword="supports_credentials") is not None or credentialed)
    if not (call.callee or "").startswith("flask_cors") and not deferred:
        return
    everywhere = _constant(ctx, call, keyword="supports_credentials") is True
    if not everywhere and not credentialed:
        return
    origins = call.arg(keyword="origins")
    candidates: list[ast.AST | None]
    if origins is None and isinstance(resources, ast.Dict):
        # `resources={r"/api/*": {"origins": allowed}}`: each resource names its own origins; with credentials
        # given per resource, only those resources count.
        per_resource = [
            _dict_item(options, "origins") for options in (resources.values if everywhere else credentialed)
        ]
        candidates = [o for o in per_resource if o is not None] or [None]
    elif origins is None and resources is not None:
        return  # resource options built elsewhere: nothing known here says "every origin"
    else:
        candidates = [origins]
    for candidate in candidates:
        if _reads_cors_setting(candidate):
            # `{"origins": app.config["CORS_ORIGINS"]}`: what the app's setting says, known at the project stage.
            # `app.config.get("CORS_ORIGINS", "*")` is every origin unless the app sets the setting.
            every_by_default = isinstance(candidate, ast.Call) and _is_every_origin(
                ctx.module.constant(candidate.args[1] if len(candidate.args) > 1 else None, None, call.scope)
            )
            before = len(ctx.findings)
            ctx.report(
                CONF005,
                call.node,
                "flask-cors allows every origin with supports_credentials=True"
                + (": `CORS_ORIGINS` defaults to every origin here" if every_by_default else ""),
                at=candidate,
            )
            for finding in ctx.findings[before:]:
                ctx.fact(CORS_ORIGINS_FROM_SETTINGS if every_by_default else CORS_ORIGINS_READ, finding)
            del ctx.findings[before:]
            return
        value = ctx.module.constant(candidate, EXPR, call.scope) if candidate is not None else "*"
        if value == "*" or (isinstance(value, (list, tuple)) and "*" in value):
            before = len(ctx.findings)
            ctx.report(
                CONF005,
                call.node,
                "flask-cors allows every origin with supports_credentials=True",
                at=candidate if candidate is not None else call.arg(keyword="supports_credentials"),
            )
            if origins is None and resources is None:
                # No origins here: flask-cors takes the app's `CORS_ORIGINS` setting, every origin only by default.
                for finding in ctx.findings[before:]:
                    ctx.fact(CORS_ORIGINS_FROM_SETTINGS, finding)
                del ctx.findings[before:]
            return


def _cornice_cors(ctx: FileContext, call: Call) -> None:
    """Cornice's `Service(..., cors_origins=("*",), cors_credentials=True)` (and `@resource(...)`): Cornice answers
    the request's own origin when credentials are allowed, so every site reads the answers with the user's cookie."""
    if call.callee not in pyramid.CORNICE_SERVICES | pyramid.CORNICE_RESOURCES:
        return
    origins = call.arg(keyword="cors_origins")
    if _constant(ctx, call, keyword="cors_credentials") is True and _is_every_origin(
        ctx.module.constant(origins, None, call.scope)
    ):
        ctx.report(CONF005, call.node, "Cornice allows every origin with cors_credentials=True", at=origins)


def _is_every_origin(value: object) -> bool:
    return value == "*" or isinstance(value, (list, tuple)) and "*" in value


def _reads_cors_setting(node: ast.AST | None) -> bool:
    """`app.config["CORS_ORIGINS"]`, `current_app.config.get("CORS_ORIGINS")`: the app's own setting."""
    if isinstance(node, ast.Subscript):
        return (
            isinstance(node.value, ast.Attribute)
            and node.value.attr == "config"
            and literal_value(node.slice) == "CORS_ORIGINS"
        )
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "config"
        and bool(node.args)
        and literal_value(node.args[0]) == "CORS_ORIGINS"
    )


_ALLOW_ORIGIN = "access-control-allow-origin"
_ALLOW_CREDENTIALS = "access-control-allow-credentials"
_CREDENTIALS_HEADER = re.compile(_ALLOW_CREDENTIALS, re.IGNORECASE)


@check(CONF005)
def reflected_origins(ctx: FileContext) -> None:
    """`resp.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")` with
    `Access-Control-Allow-Credentials: true` set beside it: every site that asks is allowed, with the user's
    cookies, as `*` with credentials would be if browsers took it."""
    module = ctx.module
    if not _CREDENTIALS_HEADER.search(module.source):
        return
    for function in module.all_functions():
        if function.is_module:
            continue
        flow = flow_of(module, function)
        headers = _headers_set(flow)
        # `origin = request.headers.get("Origin")` then `if origin:`: only that the browser sent one.
        sent = {name for name, value in flow.env.items() if L.REQUEST in value and name.isidentifier()}
        always = _unconditional(function.body, sent)
        # Credentials allowed only under a condition (`if config.ALLOW_CREDENTIALS:`) are the deployment's
        # choice, made with the origins it lists: a reader's question, not this rule's.
        credentials = any(
            name == _ALLOW_CREDENTIALS
            and node is not None
            and str(literal_value(node, "")).lower() == "true"
            and id(where) in always
            for name, node, _, where in headers
        )
        if not credentials:
            continue
        for name, node, value, where in headers:
            if name == _ALLOW_ORIGIN and L.REQUEST in value:
                ctx.report_flow(
                    node if isinstance(where, ast.Return) and node is not None else where,
                    value,
                    [
                        Outcome(
                            L.REQUEST,
                            CONF005,
                            "{source} is {sink} with Access-Control-Allow-Credentials: true: every site that "
                            "asks may read answers made with the user's cookies",
                            Confidence.HIGH,
                        )
                    ],
                    scope=function,
                    sink_note="sent back as Access-Control-Allow-Origin",
                )


def _unconditional(body: list[ast.stmt], sent: set[str] | frozenset[str] = frozenset()) -> set[int]:
    """The ids of the statements a function runs whatever its conditions say (not under `if`, a loop or an
    `except`), and of the calls they make. An `if` that only asks whether the request sent a value (`if origin:`
    for a name in `sent`) is no condition of the deployment's."""
    found: set[int] = set()
    for stmt in body:
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            found |= _unconditional(stmt.body, sent)
        elif isinstance(stmt, ast.Try):
            found |= _unconditional(stmt.body, sent) | _unconditional(stmt.finalbody, sent)
        elif isinstance(stmt, ast.If) and _asks_sent(stmt.test, sent):
            found |= _unconditional(stmt.body, sent)
        elif not isinstance(stmt, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.FunctionDef, ast.AsyncFunctionDef)):
            found.add(id(stmt))
            found.update(id(n) for n in ast.walk(stmt) if isinstance(n, ast.Call))
    return found


def _asks_sent(test: ast.expr, sent: set[str] | frozenset[str]) -> bool:
    """`if origin:` or `if origin is not None:` for a name holding what the request sent; also beside a test of the
    request's path or method (`if origin and event.path.startswith("/console"):`), which picks routes, not
    deployments."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_asks_sent(v, sent) for v in test.values) and all(
            _asks_sent(v, sent) or _asks_route(v) for v in test.values
        )
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.IsNot):
        none = test.comparators[0]
        test = test.left if isinstance(none, ast.Constant) and none.value is None else test
    return isinstance(test, ast.Name) and test.id in sent


def _asks_route(test: ast.expr) -> bool:
    """A test of the request's path or method only: `event.path.startswith("/console")`, `request.method == "GET"`."""
    reads = [n for n in ast.walk(test) if isinstance(n, ast.Attribute) and n.attr in ("path", "method", "url")]
    names_read = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    bases = {n.value.id for n in reads if isinstance(n.value, ast.Name)}
    return bool(reads) and names_read <= bases


def _headers_set(flow: FunctionFlow) -> list[tuple[str, ast.expr | None, L.Value, ast.AST]]:
    """(lower-cased header name, value node, its labels, where) for every header the function sets by item
    (`resp.headers["X"] = v`, `response["X"] = v`), by a headers object's `set()` / `add()`, or by a response's
    own `set_header()` / `add_header()` (Bottle, Tornado)."""
    found: list[tuple[str, ast.expr | None, L.Value, ast.AST]] = []
    for store in flow.stores:
        if store.kind == "item" and isinstance(store.name, str):
            node = store.stmt.value if isinstance(store.stmt, ast.Assign) else None
            found.append((store.name.lower(), node, store.value, store.stmt))
    for event in flow.calls:
        func = event.node.func
        args = event.node.args
        if (
            isinstance(func, ast.Attribute)
            and (
                func.attr in ("set", "add")
                and isinstance(func.value, ast.Attribute)
                and func.value.attr == "headers"
                or func.attr in ("set_header", "add_header")
            )
            and len(args) == 2
            and isinstance(args[0], ast.Constant)
            and isinstance(args[0].value, str)
        ):
            found.append((args[0].value.lower(), args[1], event.value_of(1, "value"), event.node))
    # `return {"Access-Control-Allow-Origin": origin, ...}`: headers written as a dict for the caller to send
    # (a Lambda answer's `"headers"`, a helper that makes them).
    for stmt in ast.walk(flow.function.node):
        if not isinstance(stmt, (ast.Return, ast.Assign, ast.Expr)) or stmt.value is None:
            continue
        for display in ast.walk(stmt.value):
            if not isinstance(display, ast.Dict):
                continue
            for key, value in zip(display.keys, display.values):
                if (
                    isinstance(key, ast.Constant)
                    and isinstance(key.value, str)
                    and key.value.lower().startswith("access-control-")
                ):
                    labels = flow.env.get(value.id, L.EMPTY) if isinstance(value, ast.Name) else L.EMPTY
                    found.append((key.value.lower(), value, labels, stmt))
    return found


@check(CONF005)
def cors_origins_settings(ctx: FileContext) -> None:
    """Where the app sets flask-cors' `CORS_ORIGINS` (`CORS_ORIGINS = [...]` in a settings module,
    `app.config["CORS_ORIGINS"] = ...`), and whether to every origin."""
    module = ctx.module
    if "CORS_ORIGINS" not in module.source:
        return
    for node in module.nodes:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if not (
            isinstance(target, ast.Name)
            and target.id == "CORS_ORIGINS"
            or isinstance(target, ast.Subscript)
            and isinstance(target.slice, ast.Constant)
            and target.slice.value == "CORS_ORIGINS"
        ):
            continue
        value = module.constant(node.value, EXPR)
        read = value_of(node.value) if value is EXPR else None
        if isinstance(read, FromEnvironment):
            value = read.default  # `os.environ.get("CORS_ORIGINS", "*")`: every origin unless the deployment says
        every = value == "*" or isinstance(value, (list, tuple)) and "*" in value
        ctx.fact(CORS_ORIGINS_SET, CorsOrigins(module.path, node.lineno, every, isinstance(read, FromEnvironment)))


#: `allow_origins=settings.BACKEND_CORS_ORIGINS` with credentials, as a `SettingUse`; and the settings (a module
#: constant, a settings class field) whose value allows every origin, as an `EveryOriginSetting`.
CORS_ORIGINS_BY_NAME = "cors-origins-by-name"
EVERY_ORIGIN_SETTING = "every-origin-setting"
#: `TrustedHostMiddleware(allowed_hosts=settings.allowed_hosts)`, as a `SettingUse`; and the settings named for
#: hosts whose value is every host, as an `EveryOriginSetting`.
HOSTS_BY_NAME = "hosts-by-name"
EVERY_HOST_SETTING = "every-host-setting"


@dataclass(frozen=True)
class SettingUse:
    finding: Finding
    name: str
    text: str


@dataclass(frozen=True)
class EveryOriginSetting:
    name: str
    line: int
    text: str


@check(CONF002, CONF005)
def every_origin_settings(ctx: FileContext) -> None:
    """`BACKEND_CORS_ORIGINS: list[str] = ["*"]` (or `allowed_hosts = ["*"]`) at the top of a module or of a
    settings class (also as a `Field(default=...)`), not a development or test one: a setting that allows every
    origin (or host) unless the deployment sets another value."""
    module = ctx.module
    if "*" not in module.source or file_environment(module.path) == "dev":
        return
    # A development or test settings class (`class DevelopmentSettings(BaseAppSettings)`) sets what local runs use.
    development = {
        id(inner)
        for stmt in module.tree.body
        if isinstance(stmt, ast.ClassDef) and environment_of_name(stmt.name) == "dev"
        for inner in stmt.body
    }
    for stmt, name, value in setting_bindings(module):
        if id(stmt) in development:
            continue
        words = names.words(name)
        origins = "origins" in words or "origin" in words and "regex" in words
        kind = EVERY_ORIGIN_SETTING if origins else EVERY_HOST_SETTING if "hosts" in words else None
        if kind is None:
            continue
        every = module.constant(value)
        # `CORS_ORIGIN_REGEX = r"https?://.*"`: a pattern for Starlette's `allow_origin_regex` that takes any site.
        if _is_every_origin(every) or kind == EVERY_ORIGIN_SETTING and _any_origin_regex(every):
            ctx.fact(kind, EveryOriginSetting(name, stmt.lineno, short_source(stmt)))


@check(CONF005, stage="project")
def cors_origins_by_name(ctx: ProjectContext) -> None:
    """`allow_origins=settings.BACKEND_CORS_ORIGINS`, credentials allowed, where the project gives that setting
    every origin: reported with the setting's line; other settings are the deployment's choice."""
    uses = ctx.facts_of(CORS_ORIGINS_BY_NAME, SettingUse)
    if not uses:
        return
    every: dict[str, tuple[str, EveryOriginSetting]] = {}
    for path, setting in ctx.facts_of(EVERY_ORIGIN_SETTING, EveryOriginSetting):
        every.setdefault(setting.name.lower(), (path, setting))
    # A default the deployment may override is evidence where the browser holds a login the origins could ride:
    # an app that signs users in by cookie. One that authenticates by header tokens only is for a reader.
    model = model_of(ctx)
    # A session middleware, or routes that know the user by a cookie the project reads itself.
    cookies = any(app.session for app in model.apps) or any(_knows_user_by_cookie(model, r) for r in model.routes)
    for _, use in uses:
        found = every.get(use.name.lower())
        if found is None:
            continue
        path, setting = found
        step = FlowStep(Location(path, setting.line), f"`{setting.text}`")
        finding = replace(
            use.finding,
            message=f"CORS allows every origin with credentials: `{use.text}` is every origin unless the "
            f"deployment sets it ({path}:{setting.line}); any site can read responses made with the user's cookies",
            flow=(step,),
            confidence=Confidence.MEDIUM,
        )
        if not cookies:
            finding = finding.for_audit("no app is seen signing users in by cookie")
        ctx.findings.append(finding)


def _knows_user_by_cookie(model: Model, route: Route) -> bool:
    """The route's view reads who the user is from a cookie or the session, itself or through a dependency or
    a function it calls (`Depends(current_admin)` reading the project's own cookie)."""
    view = model.views.get(route.view)
    if view is None:
        return False
    return view.identity or any(name in model.session_readers for name in (*view.calls, *route.deps))


@check(CONF002, stage="project")
def hosts_by_name(ctx: ProjectContext) -> None:
    """`TrustedHostMiddleware(allowed_hosts=settings.allowed_hosts)` where the project gives that setting every
    host (`allowed_hosts: list[str] = ["*"]`): any Host header is accepted unless the deployment sets it."""
    uses = ctx.facts_of(HOSTS_BY_NAME, SettingUse)
    if not uses:
        return
    every: dict[str, tuple[str, EveryOriginSetting]] = {}
    for path, setting in ctx.facts_of(EVERY_HOST_SETTING, EveryOriginSetting):
        every.setdefault(setting.name.lower(), (path, setting))
    for _, use in uses:
        found = every.get(use.name.lower())
        if found is None:
            continue
        path, setting = found
        ctx.findings.append(
            replace(
                use.finding,
                message=f"TrustedHostMiddleware accepts any Host header: `{use.text}` is every host unless the "
                f"deployment sets it ({path}:{setting.line}); links the app builds from the request (password "
                "resets) can point at the attacker's host",
                flow=(FlowStep(Location(path, setting.line), f"`{setting.text}`"),),
                confidence=Confidence.MEDIUM,
            )
        )


@dataclass(frozen=True)
class CorsOrigins:
    path: str
    line: int
    every: bool  # set to "*" (or a list holding it)
    by_default: bool = False  # read from the environment, with that as its default


@check(CONF005, stage="project")
def cors_origins_from_settings(ctx: ProjectContext) -> None:
    """`@cross_origin(supports_credentials=True)` with no origins allows what the app's `CORS_ORIGINS`
    says, every origin when it says nothing. An app that sets it to anything but "*" (a list, a value read
    from its configuration) decides elsewhere: audit mode, pointing at the setting."""
    pending = ctx.facts_of(CORS_ORIGINS_FROM_SETTINGS, Finding)
    read = ctx.facts_of(CORS_ORIGINS_READ, Finding)
    if not pending and not read:
        return
    roots = app_roots(ctx.facts, ctx.files)
    settings: dict[str, CorsOrigins] = {}
    every: dict[str, CorsOrigins] = {}
    for path, setting in ctx.facts_of(CORS_ORIGINS_SET, CorsOrigins):
        (every if setting.every else settings).setdefault(root_of(path, roots), setting)
    for path, finding in read:
        # Origins read from the app's setting: every origin only where the app sets it so.
        found = every.get(root_of(path, roots))
        if found is not None:
            ctx.findings.append(
                replace(
                    finding,
                    message=f"{finding.message}: `CORS_ORIGINS` is "
                    + ("every origin unless the deployment sets it" if found.by_default else "set to every origin")
                    + f" at {found.path}:{found.line}",
                )
            )
    for path, finding in pending:
        found = settings.get(root_of(path, roots))
        if found is not None:
            finding = finding.for_audit(
                f"the origins are the app's `CORS_ORIGINS`, set at {found.path}:{found.line} to other than every origin"
            )
        ctx.findings.append(finding)


def _dict_item(node: ast.AST, key: str) -> ast.expr | None:
    """The value under `key` of a dict display (`{"debug": True}`) or of `dict(debug=True)`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        return keyword_argument(node, key)
    if not isinstance(node, ast.Dict):
        return None
    for k, v in zip(node.keys, node.values):
        if isinstance(k, ast.Constant) and k.value == key:
            return v
    return None


def _spread_dicts(ctx: FileContext, call: Call) -> list[ast.expr]:
    """The dicts a call spreads into its keywords (`**settings`), through a name bound once."""
    found = []
    for keyword in call.node.keywords:
        if keyword.arg is None:
            value = keyword.value
            if isinstance(value, ast.Name):
                bound = ctx.module.bound_value(value.id, call.scope)
                value = bound[0] if bound is not None else value
            found.append(value)
    return found


#: Session cookie makers of the frameworks: the keyword of their HttpOnly flag and whether it is on by default.
#: None of them sets Secure by default.
_SESSION_COOKIES = {
    "EncryptedCookieStorage": ("httponly", True),
    "NaClCookieStorage": ("httponly", True),
    "SimpleCookieStorage": ("httponly", True),
    "CookieBackendConfig": ("httponly", True),
    "ServerSideSessionConfig": ("httponly", True),
    "SignedCookieSessionFactory": ("httponly", False),
    "AuthTktAuthenticationPolicy": ("http_only", False),
    "AuthTktCookieHelper": ("http_only", False),
}


def _literal_text(node: ast.expr) -> str | None:
    """The literal parts of an f-string or of strings joined with `+`, the values left out; None when
    there are none."""
    parts: list[object]
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal_text(node.left), _literal_text(node.right)
        parts = [p for p in (left, right) if p is not None]
    else:
        parts = [literal_value(node)]
    texts = [p for p in parts if isinstance(p, str)]
    return "".join(texts) if parts and len(texts) == len(parts) else None


def _session_cookie(ctx: FileContext, call: Call) -> None:
    """aiohttp-session's storages, Litestar's session configs, Pyramid's session factory and auth tickets:
    the cookie is sent over plain HTTP unless `secure=True`, and is readable by scripts unless HttpOnly."""
    if not (call.callee or "").startswith(("aiohttp_session", "litestar", "starlite", "pyramid")):
        return
    if any(keyword.arg is None for keyword in call.node.keywords):
        return  # `**options`: the flags are set where the options are, not known here
    flag, on_by_default = _SESSION_COOKIES[last(call.callee)]
    httponly = flag if call.has_keyword(flag) else "httponly"  # Pyramid spells it both ways
    missing = [] if _truthy(ctx, call, "secure") else ["secure=True"]
    if _constant(ctx, call, keyword=httponly) is False or not call.has_keyword(httponly) and not on_by_default:
        missing.append(f"{flag}=True")
    if missing:
        ctx.report(
            CONF003,
            call.node,
            f"{last(call.callee)} without {' and '.join(missing)}: the session cookie {_exposure(missing)}",
        )


def _cookie_transport(ctx: FileContext, call: Call) -> None:
    """fastapi-users' `CookieTransport(cookie_httponly=False)` or `cookie_secure=False`: the cookie that carries the
    user's token, with a flag its library sets on by default switched off."""
    if not (call.callee or "").startswith("fastapi_users"):
        return
    off = [k for k in ("cookie_secure", "cookie_httponly") if _constant(ctx, call, keyword=k) is False]
    if off:
        missing = ["secure=True" if k == "cookie_secure" else "httponly=True" for k in off]
        ctx.report(
            CONF003,
            call.node,
            f"CookieTransport with {' and '.join(f'{k}=False' for k in off)}: the auth cookie {_exposure(missing)}",
            at=call.arg(keyword=off[-1]),
        )


def _exposure(missing: list[str]) -> str:
    plain, script = "is sent over plain HTTP", "can be read by scripts"
    return f"{plain} and {script}" if len(missing) == 2 else plain if missing[0] == "secure=True" else script


def _talisman(ctx: FileContext, call: Call) -> None:
    """`Talisman(app, force_https=False, strict_transport_security=False)`: Flask-Talisman told to neither
    redirect plain HTTP nor send HSTS. (One of the two left on still moves browsers to HTTPS.)"""
    if call.callee is not None and not call.callee.startswith("flask_talisman") and call.method != "init_app":
        return
    if call.callee is None and not ctx.module.imports_any("flask_talisman"):
        return
    switched_off = [k for k in ("force_https", "strict_transport_security") if _constant(ctx, call, keyword=k) is False]
    if len(switched_off) == 2 and not ctx.module.under_debug_switch(call.node.lineno):
        ctx.report(
            CONF004,
            call.node,
            "Flask-Talisman with force_https=False and strict_transport_security=False: plain HTTP is neither "
            "redirected nor refused later",
            scope=call.scope,
            at=call.arg(keyword="force_https"),
        )


def _init_app(ctx: FileContext, call: Call) -> None:
    """`cors.init_app(app, ...)`, `talisman.init_app(app, ...)`: an extension made elsewhere, set up here."""
    _flask_cors(ctx, call)
    if ctx.module.imports_any("flask_talisman") or any(
        k.arg in ("force_https", "strict_transport_security") for k in call.node.keywords
    ):
        _talisman(ctx, call)


_WATCHED = {
    "run": _run,
    "run_simple": _run,
    "run_server": _run,  # Dash's
    "enable_dev_tools": _dash_dev_tools,
    "DebuggedApplication": _app_debug,
    "debug": _bottle_debug,
    "set_cookie": _set_cookie,
    "add_cookie": _set_cookie,  # Sanic's
    "set_secure_cookie": _set_cookie,
    "set_signed_cookie": _set_cookie,
    "add_middleware": _middleware,
    "Middleware": _middleware,
    "CORSConfig": _cors_config,
    "CORSMiddleware": _falcon_cors,
    "CORS": _flask_cors,
    "cross_origin": _flask_cors,
    "Service": _cornice_cors,
    "CookieTransport": _cookie_transport,
    "resource": _cornice_cors,
    "init_app": _init_app,
    "Talisman": _talisman,
    "setup": _aiohttp_cors,
    "send_header": _set_cookie_header,
    **{name: _session_cookie for name in _SESSION_COOKIES},
    **{constructor.rsplit(".", 1)[1]: _app_debug for constructor in known.mapping("debug_switches")},
    **{constructor.rsplit(".", 1)[1]: _app_debug for constructor in _ADMIN_DEBUG_SWITCHES},
}


#: A flask-cors finding with no origins of its own, which the app's `CORS_ORIGINS` decides (the Finding).
CORS_ORIGINS_FROM_SETTINGS = "cors-origins-from-settings"
#: A flask-cors finding whose origins the code reads from the app's `CORS_ORIGINS` setting.
CORS_ORIGINS_READ = "cors-origins-read"
#: Where the app sets `CORS_ORIGINS` (a `CorsOrigins`).
CORS_ORIGINS_SET = "cors-origins-set"
#: A project class that rejects a request's host with Django's own `DisallowedHost`: "module.Class".
HOST_VALIDATOR = "host-validator"
#: A CONF003 finding for flags a `set_cookie()` call leaves out (the Finding), decided at the project stage.
COOKIE_FLAGS_MISSING = "cookie-flags-missing"
#: A project class with its own `set_cookie()` that hands on to the framework's: "module.Class".
SET_COOKIE_OVERRIDE = "set-cookie-override"
#: A CONF003 finding for a session middleware's cookie sent over plain HTTP (the Finding).
SESSION_COOKIE_UNSECURED = "session-cookie-unsecured"
#: A module that stores something in the request's session (`request.session["user"] = ...`).
SESSION_WRITTEN = "session-written"
#: A development server started only when a file is run as a script (`ScriptServer`).
SCRIPT_SERVER = "script-server"
#: A module that hands the app to a production server: `wsgi.py`, `asgi.py`, or `application = ...`.
SERVED_ENTRY = "served-entry"
_BY_ID = {rule.id: rule for rule in CONF_RULES}


@dataclass(frozen=True)
class ScriptServer:
    file: str
    line: int
    col: int
    findings: tuple[tuple[str, str, int, int], ...]  # (rule id, message, line, col of the argument at fault)


#: Gunicorn's configuration module (`gunicorn -c gunicorn.conf.py`, or found by that name).
_GUNICORN_CONFIG = re.compile(r"gunicorn(?:[_.-]?(?:conf|config|cfg|settings))?\.py")


@check(CONF006)
def gunicorn_config(ctx: FileContext) -> None:
    """`reload = True` in gunicorn's configuration module, bound to all interfaces (`bind = "0.0.0.0:8000"`, also
    as an environment variable's fallback): the server re-executes code as files change, on the network. Gunicorn
    binds to 127.0.0.1 unless told otherwise."""
    module = ctx.module
    if not _GUNICORN_CONFIG.fullmatch(module.path.rsplit("/", 1)[-1]) or file_environment(module.path) == "dev":
        return
    reload = module.assignments.get("reload")
    if not reload or literal_value(reload[-1]) is not True:
        return
    bind = module.assignments.get("bind")
    value = bind[-1] if bind else None
    if isinstance(value, ast.Call) and last(module.qualified_name(value.func) or "") in ("get", "getenv"):
        value = value.args[1] if len(value.args) > 1 else None  # `os.environ.get("BIND", "0.0.0.0:8000")`
    address = literal_value(value) if value is not None else None
    addresses = address if isinstance(address, (list, tuple)) else [address]
    if any(isinstance(a, str) and a.startswith(_ALL_INTERFACES) for a in addresses):
        ctx.report(
            CONF006,
            reload[-1],
            f"gunicorn reloads the code as files change (`reload = True`) while bound to {address!r}: "
            "a development feature, reachable from the whole network",
        )


#: Hypercorn's configuration file (`hypercorn --config hypercorn.toml app:app`).
_HYPERCORN_CONFIG = re.compile(r"hypercorn(?:[_.-]?(?:conf|config|cfg|settings))?\.toml")


@check(CONF006, kinds=("config",))
def hypercorn_config(ctx: TextContext) -> None:
    """`use_reloader = true` in Hypercorn's TOML configuration, bound to all interfaces (`bind = ["0.0.0.0:8000"]`):
    the server reloads code as files change, on the network. Hypercorn binds to 127.0.0.1 unless told otherwise."""
    name = PurePosixPath(ctx.path).name
    if not _HYPERCORN_CONFIG.fullmatch(name) or file_environment(ctx.path) == "dev":
        return
    try:
        settings = tomllib.loads(ctx.text)
    except (tomllib.TOMLDecodeError, UnicodeError):
        return  # (a broken file is the config loader's to report, not this rule's)
    if settings.get("use_reloader") is not True:
        return
    bind = settings.get("bind")
    addresses = bind if isinstance(bind, list) else [bind]
    if not any(isinstance(a, str) and a.startswith(_ALL_INTERFACES) for a in addresses):
        return
    line = next((n for n, text in enumerate(ctx.lines, 1) if text.strip().startswith("use_reloader")), 1)
    ctx.report(
        CONF006,
        line,
        f"Hypercorn reloads the code as files change (`use_reloader = true`) while bound to {bind!r}: a development "
        "feature, reachable from the whole network",
    )


@check(CONF001, CONF006)
def served_entries(ctx: FileContext) -> None:
    """Tell the project stage that this module is what a WSGI or ASGI server imports."""
    module = ctx.module
    name = module.path.rsplit("/", 1)[-1]
    if name in ("wsgi.py", "asgi.py") or "application" in module.assignments:
        ctx.fact(SERVED_ENTRY, module.path)


@check(CONF003)
def set_cookie_overrides(ctx: FileContext) -> None:
    """Tell the project stage about classes that define their own `set_cookie()` on top of the
    framework's (`super().set_cookie(...)`): the flags it adds are not in the calls."""
    module = ctx.module
    if not any(f"def {setter}" in module.source for setter in _COOKIE_SETTERS):
        return
    for cls in module.classes.values():
        for item in cls.node.body:
            if (
                isinstance(item, ast.FunctionDef)
                and item.name in _COOKIE_SETTERS
                and any(
                    isinstance(node, ast.Attribute) and node.attr == item.name and _hands_on(node.value)
                    for node in ast.walk(item)
                )
            ):
                ctx.fact(SET_COOKIE_OVERRIDE, f"{module.module_name}.{cls.name}")


@check(CONF003)
def session_writes(ctx: FileContext) -> None:
    """Tell the project stage that this module stores something in a request's session."""
    module = ctx.module
    if "session" not in module.source:
        return
    for node in module.nodes:
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Subscript) and _is_session(t.value) for t in targets):
                ctx.fact(SESSION_WRITTEN, module.path)
                return
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("update", "setdefault", "__setitem__")
            and _is_session(node.func.value)
        ):
            ctx.fact(SESSION_WRITTEN, module.path)
            return


def _is_session(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "session"
        or isinstance(node, ast.Name)
        and node.id == "session"
    )


def _hands_on(receiver: ast.expr) -> bool:
    """`super().set_cookie(...)` or `flask.Response.set_cookie(self, ...)`: the framework's own method."""
    if isinstance(receiver, ast.Call):
        return getattr(receiver.func, "id", "") == "super"
    return not (isinstance(receiver, ast.Name) and receiver.id == "self")


@check(CONF003, stage="project")
def session_cookies(ctx: ProjectContext) -> None:
    """A session middleware's cookie without `https_only` carries a login only if the app stores one
    in the session: in an app that stores nothing there (the middleware kept for a library's OAuth
    state, or for reading only), the finding is for audit mode."""
    unsecured = ctx.facts_of(SESSION_COOKIE_UNSECURED, Finding)
    if not unsecured:
        return
    roots = app_roots(ctx.facts, ctx.files)
    written = {root_of(path, roots) for path, _ in ctx.facts(SESSION_WRITTEN)}
    for path, finding in unsecured:
        if root_of(path, roots) not in written:
            finding = finding.for_audit("nothing in the app stores anything in the session")
        ctx.findings.append(finding)


@check(CONF003, stage="project")
def cookie_flags(ctx: ProjectContext) -> None:
    """A cookie set without its flags, unless the app has its own `set_cookie()`: then which flags the
    cookie gets depends on which response class sets it, which is for a reader (audit mode)."""
    missing = ctx.facts_of(COOKIE_FLAGS_MISSING, Finding)
    if not missing:
        return
    roots = app_roots(ctx.facts, ctx.files)
    overrides: dict[str, str] = {}
    for path, name in ctx.facts(SET_COOKIE_OVERRIDE):
        overrides.setdefault(root_of(path, roots), str(name))
    for path, finding in missing:
        override = overrides.get(root_of(path, roots))
        if override is not None:
            finding = finding.for_audit(f"`{override}`'s own cookie setter may add them for every cookie")
        ctx.findings.append(finding)


@check(CONF001, CONF006, stage="project")
def script_servers(ctx: ProjectContext) -> None:
    """`app.run(debug=True)` under `if __name__ == "__main__":` is how the app runs when nothing else
    serves it. When the same app also has a WSGI or ASGI entry (`wsgi.py`), production runs through that
    and the script is a developer's shortcut: audit mode."""
    starts = ctx.facts_of(SCRIPT_SERVER, ScriptServer)
    if not starts:
        return
    roots = app_roots(ctx.facts, ctx.files)
    entries: dict[str, str] = {}
    for path, _ in ctx.facts(SERVED_ENTRY):
        entries.setdefault(root_of(path, roots), path)
    images = ctx.facts_of(SCRIPT_RUN_BY_IMAGE, ScriptRun)
    for _, start in starts:
        # An image whose command runs this very script serves the app through it, whatever else could.
        image = next((run for _, run in images if _names_script(run, start.file)), None)
        entry = entries.get(root_of(start.file, roots)) if image is None else None
        for rule_id, message, line, col in start.findings:
            if entry is not None:
                message += f"; only when the file is run by hand, and the app is served through `{entry}`"
            elif image is not None:
                message += f"; the image runs it ({image.path}:{image.line})"
            ctx.report(
                _BY_ID[rule_id],
                Location(start.file, line, col),
                message,
                snippet=source_line(ctx, start.file, start.line),
                audit=entry is not None,
            )


def _names_script(run: ScriptRun, path: str) -> bool:
    """The command's script is this file: the same path from the Dockerfile's directory, which the image
    usually copies as it is."""
    here = posixpath.dirname(run.path)
    script = posixpath.normpath(posixpath.join(here, run.script))
    if posixpath.basename(script) == "__main__.py":
        # `python -m kiosk`: the package's `__main__` starts the app its modules define (`from kiosk.app
        # import main`): a script server in that package is what the image runs.
        return posixpath.dirname(script) == posixpath.dirname(posixpath.normpath(path))
    return script == posixpath.normpath(path)


#: A module that serves its Flask app with a server of its own that runs no debugger (`gevent.pywsgi.WSGIServer`,
#: `waitress.serve`, `cherrypy.tree.graft`) and never starts Werkzeug's (`app.run()`, `run_simple`).
SERVED_WITHOUT_DEBUGGER = "served-without-debugger"
#: A module that starts Werkzeug's server (`app.run()`, `run_simple`), whose debugger Flask's flag turns on.
SERVED_BY_WERKZEUG = "served-by-werkzeug"
#: Production WSGI servers started from code, by qualified name or its prefix.
_PLAIN_WSGI_SERVERS = (
    "gevent.pywsgi.WSGIServer",
    "waitress.serve",
    "cheroot.wsgi.Server",
    "bjoern.run",
    "cherrypy.tree.graft",
)


@check(CONF001)
def served_without_debugger(ctx: FileContext) -> None:
    """Tell the project stage which modules hand an app to a server that has no debugger (Flask's `debug`
    flag then shows no interactive console and no traceback to a client), and which start Werkzeug's."""
    module = ctx.module
    werkzeug = any(
        c.method == "run_simple"
        or (c.callee or "").startswith("werkzeug.serving")
        or c.method == "run"
        and c.receiver is not None
        and "app" in ast.unparse(c.receiver).rsplit(".", 1)[-1].lower()  # `app.run()`, `webapp.run()`
        for c in module.calls
    )
    if werkzeug:
        ctx.fact(SERVED_BY_WERKZEUG, module.path)
    elif module.imports_any("gevent", "waitress", "cheroot", "bjoern", "cherrypy") and any(
        c.callee and c.callee.startswith(_PLAIN_WSGI_SERVERS) for c in module.calls
    ):
        ctx.fact(SERVED_WITHOUT_DEBUGGER, module.path)


@check(CONF002)
def host_validating_classes(ctx: FileContext) -> None:
    """Tell the project stage which of the project's classes (middleware) check the Host header themselves."""
    module = ctx.module
    if "DisallowedHost" not in module.source or not module.module_name:
        return
    for node in ast.walk(module.tree):
        if isinstance(node, ast.ClassDef) and any(_raises_disallowed_host(module, n) for n in ast.walk(node)):
            ctx.fact(HOST_VALIDATOR, f"{module.module_name}.{node.name}")


def _raises_disallowed_host(module, node: ast.AST) -> bool:
    if not isinstance(node, ast.Raise) or node.exc is None:
        return False
    exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    return module.qualified_name(exc) == "django.core.exceptions.DisallowedHost"


def _validates_host_itself(env: Environment, validators: set[str]) -> bool:
    """`ALLOWED_HOSTS = ["*"]` with a project middleware in MIDDLEWARE that raises `DisallowedHost`:
    the project decides which hosts it serves (custom domains it keeps in its database)."""
    middleware = env.get("MIDDLEWARE")
    listed = middleware.value if middleware is not None else None
    return isinstance(listed, (list, tuple)) and any(isinstance(m, str) and m in validators for m in listed)


# -- settings, per environment ----------------------------------------------------------------------


@check(*CONF_RULES, stage="project")
def settings_config(ctx: ProjectContext) -> None:
    model = model_of(ctx)
    seen: set[tuple[str, str, int, str]] = set()

    def report(rule: Rule, file: str, line: int, message: str, audit: bool, env: Environment) -> None:
        # One finding per statement and setting, whichever environments run it (`config.update(A=..., B=...)`
        # sets two on one line).
        key = (rule.id, file, line, message.replace(f"in {env.name}", ""))
        if key not in seen:
            seen.add(key)
            ctx.report(rule, Location(file, line), message, snippet=source_line(ctx, file, line), audit=audit)

    validators = {str(name) for _path, name in ctx.facts(HOST_VALIDATOR)}
    plain_served = {path for path, _ in ctx.facts(SERVED_WITHOUT_DEBUGGER)}
    if plain_served and not ctx.facts(SERVED_BY_WERKZEUG):
        plain_served.add("")  # no module starts Werkzeug's server: every app is served without its debugger
    for env in model.environments:
        localhost_only = _localhost_only(env)
        for rule, value, message, for_audit in _environment_findings(env):
            file, line = (value.file, value.line) if isinstance(value, Value) else value
            audit = for_audit or rule is CONF002 and _validates_host_itself(env, validators)
            if localhost_only:
                message += (
                    "; with DEBUG on and ALLOWED_HOSTS empty, Django answers only localhost: a developer's settings"
                )
                audit = True
            if isinstance(value, Value) and value.override:
                # Only a default: a module secpat cannot see replaces it wherever it is deployed.
                message += f"; `{value.override}`, imported after it, may replace it"
                audit = True
            if rule is CONF001 and env.name.endswith(":app.config") and plain_served & {file, ""}:
                # Flask's debugger is Werkzeug's; the app is served with a server that has none.
                served_here = file in plain_served
                message += f"; {'the module' if served_here else 'the project'} serves the app with a server that"
                message += " runs no debugger" + ("" if served_here else ", and nothing starts Werkzeug's")
                audit = True
            stem = PurePosixPath(file).stem
            if file.endswith(".py") and not stem.isidentifier():
                # `configuration-default.py`: no import statement names it; a copy to fill in, not settings in force.
                message += f"; `{stem}` cannot be imported by that name: a file to copy, not settings in force"
                audit = True
            report(rule, file, line, message, audit, env)


def _localhost_only(env: Environment) -> bool:
    """Django settings with `DEBUG = True` and `ALLOWED_HOSTS = []`, both certain: Django then answers only
    requests for localhost (it refuses every other Host), so the settings are a developer's, not a site's.
    Settings that keep `ALLOWED_HOSTS = []` with DEBUG off refuse every request and are not these."""
    django = env.get("INSTALLED_APPS") is not None or env.get("MIDDLEWARE") is not None
    debug, hosts = env.get("DEBUG"), env.get("ALLOWED_HOSTS")
    return (
        django
        and debug is not None
        and debug.certain
        and debug.value is True
        and not debug.override
        and hosts is not None
        and hosts.certain
        and not hosts.override
        and isinstance(hosts.value, (list, tuple))
        and not hosts.value
    )


def _environment_findings(env: Environment):
    """(rule, the Value that decides it or the (file, line) where a missing setting is reported, message)."""
    where = f"in {env.name}"
    debug = env.get("DEBUG")
    if debug and debug.certain and debug.value is True:
        yield CONF001, debug, f"DEBUG = True {where}, not read from the environment", False
    elif debug and debug.certain and isinstance(debug.value, FromEnvironment) and debug.value.default is True:
        message = f"DEBUG defaults to True {where}: a deployment that does not set the variable runs in debug mode"
        yield CONF001, debug, message, False
    hosts = env.get("ALLOWED_HOSTS")
    if hosts and hosts.certain and isinstance(hosts.value, (list, tuple)) and "*" in hosts.value:
        yield CONF002, hosts, f"ALLOWED_HOSTS accepts any host {where}", False
    elif (
        hosts
        and hosts.certain
        and isinstance(hosts.value, FromEnvironment)
        and isinstance(hosts.value.default, (list, tuple, str))
        and "*" in hosts.value.default
    ):
        message = (
            f"ALLOWED_HOSTS defaults to any host {where}: a deployment that does not set the variable accepts "
            "every Host header"
        )
        yield CONF002, hosts, message, False
    yield from _cookie_findings(env, where)
    yield from _https_findings(env, where)
    allow_all = env.get("CORS_ALLOW_ALL_ORIGINS") or env.get("CORS_ORIGIN_ALLOW_ALL")
    credentials = env.get("CORS_ALLOW_CREDENTIALS")
    if allow_all and credentials and allow_all.certain and allow_all.value is True and credentials.value is True:
        yield CONF005, allow_all, f"CORS allows every origin with credentials {where}", False


_EXPLICIT = {
    "SESSION_COOKIE_SECURE": False,
    "CSRF_COOKIE_SECURE": False,
    "SESSION_COOKIE_HTTPONLY": False,
    "REMEMBER_COOKIE_SECURE": False,
    "REMEMBER_COOKIE_HTTPONLY": False,
    "QUART_AUTH_COOKIE_SECURE": False,
    "QUART_AUTH_COOKIE_HTTP_ONLY": False,
}
#: Cookie flags a library sets by default (Quart-Auth's login cookie): switched off, even in settings every
#: environment shares, the cookie goes out without it.
_ON_BY_DEFAULT = frozenset({"QUART_AUTH_COOKIE_SECURE", "QUART_AUTH_COOKIE_HTTP_ONLY"})


def _cookie_findings(env: Environment, where: str):
    for name, bad in _EXPLICIT.items():
        value = env.get(name)
        if value and value.certain and value.value is bad:
            # Secure off in settings shared by every environment is the framework's own default, kept so
            # that plain-HTTP installs work: whether the site is served over HTTPS is the deployment's to
            # say. HttpOnly off exposes the cookie to scripts wherever it runs.
            shared = name.endswith("_SECURE") and not env.production and name not in _ON_BY_DEFAULT
            why = "; settings shared by every environment, where the deployment decides on HTTPS" if shared else ""
            yield CONF003, value, f"{name} = {bad} {where}{why}", shared
    for name in ("SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SAMESITE"):
        value = env.get(name)
        if value and value.certain and value.value in (None, "None", "none", False):
            yield CONF003, value, f"{name} = {value.value!r} {where}: sent on cross-site requests", False
    if _django_production(env):
        unset = [n for n in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE") if env.get(n) is None]
        if unset:
            yield (
                CONF003,
                (env.unit.file, 1),
                f"{' and '.join(unset)} never set {where}: Django sends the cookie over plain HTTP",
                False,
            )


def _https_findings(env: Environment, where: str):
    if not _django_production(env):
        return
    redirect, hsts = env.get("SECURE_SSL_REDIRECT"), env.get("SECURE_HSTS_SECONDS")
    if any(v is not None and (v.value in (ENV, EXPR) or bool(v.value)) for v in (redirect, hsts)):
        return
    if redirect is not None:
        yield CONF004, redirect, f"SECURE_SSL_REDIRECT is off and no HSTS is set {where}", False
    else:
        # Nothing set at all rests on an absence, and the TLS-terminating proxy in front of most deployments
        # redirects to HTTPS and sends HSTS itself, which the code does not show: audit only.
        yield (
            CONF004,
            (env.unit.file, 1),
            f"neither SECURE_SSL_REDIRECT nor SECURE_HSTS_SECONDS is set {where}; unless the proxy in front "
            "redirects to HTTPS and sends HSTS",
            True,
        )


def _django_production(env: Environment) -> bool:
    """Explicitly production Django settings, whose every parent was found: only then is a missing setting missing."""
    django = env.get("INSTALLED_APPS") is not None or env.get("MIDDLEWARE") is not None
    return env.production and env.complete and django and not env.unit.is_class


# -- container images ---------------------------------------------------------------------------------

#: A Dockerfile's `FROM image AS stage`, and its `CMD` / `ENTRYPOINT` instructions.
_STAGE = re.compile(r"^\s*FROM\s+\S+(?:\s+AS\s+(?P<stage>\S+))?", re.IGNORECASE)
_COMMAND = re.compile(r"^\s*(?:CMD|ENTRYPOINT)\s+(?P<command>.+)$", re.IGNORECASE)
#: Servers that reload on code changes when asked, and the flag that asks.
_RELOADING_SERVERS = frozenset({"uvicorn", "hypercorn", "gunicorn", "flask", "litestar", "granian", "sanic", "fastapi"})
_RELOAD_FLAGS = frozenset({"--reload", "--debug", "--use-reloader"})
_ANY_ADDRESS = re.compile(r"(?:^|[\s=:\"'])(?:0\.0\.0\.0|\[?::\]?)(?::\d+)?(?=$|[\s\"',])")


def _named_for_development(name: str) -> bool:
    """`Dockerfile.dev`, `FROM base AS local-test`: a file or build stage named for development or tests."""
    return bool(set(re.split(r"[._-]", name.lower())) & DEV_WORDS)


#: Pyramid add-ons that serve an interactive debugger to whoever reaches the app.
_PASTE_DEBUGGERS = frozenset({"pyramid_debugtoolbar"})


@check(CONF001, kinds=("config",))
def paste_debug_toolbar(ctx: TextContext) -> None:
    """`pyramid.includes = pyramid_debugtoolbar` in the `[app:...]` section of a Paste Deploy file that is not
    named for development (`production.ini`): the toolbar's tracebacks run code typed into the browser, for
    every host it lets in. `debugtoolbar.enabled = false` switches it off."""
    name = PurePosixPath(ctx.path).name.lower()
    if (
        not name.endswith(".ini")
        or _named_for_development(name.removesuffix(".ini"))
        or "pyramid.includes" not in ctx.text
    ):
        return
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(ctx.text)
    except configparser.Error:
        return
    for section in parser.sections():
        if not section.startswith("app:"):
            continue
        included = parser.get(section, "pyramid.includes", fallback="").split()
        enabled = parser.get(section, "debugtoolbar.enabled", fallback="true").strip().lower()
        debugger = next((i for i in included if i in _PASTE_DEBUGGERS), None)
        if debugger is None or enabled in ("false", "0", "no", "off"):
            continue
        line = next(
            (
                n
                for n, text in enumerate(ctx.lines, 1)
                if text.strip() == debugger or text.strip().endswith(f"= {debugger}")
            ),
            1,
        )
        ctx.report(
            CONF001,
            line,
            f"`{debugger}` is included in [{section}] of {name}: its interactive debugger runs code typed into "
            "the browser for every host it lets in",
        )


@check(CONF006, kinds=("config",))
def image_development_servers(ctx: TextContext) -> None:
    """`CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--reload"]`, `CMD python manage.py runserver
    0.0.0.0:8000`: the image serves through a development server, or one that reloads code as files change,
    on every interface. Images and build stages named for development (`Dockerfile.dev`, `FROM ... AS dev`)
    are left alone."""
    name = PurePosixPath(ctx.path).name.lower()
    if not (name == "dockerfile" or name.startswith("dockerfile.")) or _named_for_development(name):
        return  # (discovery reads no other name as a Dockerfile)
    development = False
    for number, line in enumerate(ctx.lines, 1):
        stage = _STAGE.match(line)
        if stage:
            development = _named_for_development(stage["stage"] or "")
            continue
        command = _COMMAND.match(line)
        if command is None or development:
            continue
        words = re.findall(r"[\w.:\[\]/-]+", command["command"])
        for script in _python_scripts(words):
            # `CMD ["python", "run.py"]`: the image serves the app the way that script starts it.
            ctx.fact(SCRIPT_RUN_BY_IMAGE, ScriptRun(script, ctx.path, number))
        if not _ANY_ADDRESS.search(command["command"]):
            continue
        what = _development_server(words)
        if what is None:
            continue
        before = len(ctx.findings)
        ctx.report(
            CONF006,
            number,
            f"the image {what} and listens on every interface: serve it with a production server (gunicorn, "
            "uvicorn without `--reload`)",
        )
        for finding in ctx.findings[before:]:
            ctx.fact(IMAGE_SERVER, finding)
        del ctx.findings[before:]


#: `command: uvicorn app.main:app --host 0.0.0.0 --reload` in a compose file, as a line or a list.
_COMPOSE_COMMAND = re.compile(r"^\s*(?:command|entrypoint):\s*(?P<command>.+)$")


@check(CONF006, kinds=("config",))
def compose_development_servers(ctx: TextContext) -> None:
    """A compose file for production (named so, or setting its environment to production) whose service runs
    a server that reloads the code as files change, on every interface. Other compose files are development
    stacks as often as not: their reloading servers are the developers' own."""
    if not production_stack(ctx.path, ctx.text):
        return
    for number, line in enumerate(ctx.lines, 1):
        command = _COMPOSE_COMMAND.match(line)
        if command is None or not _ANY_ADDRESS.search(command["command"]):
            continue
        what = _development_server(re.findall(r"[\w.:\[\]/-]+", command["command"]))
        if what is None:
            continue
        ctx.report(
            CONF006,
            number,
            f"this production compose file's service {what} and listens on every interface: serve it with a "
            "production server (gunicorn, uvicorn without `--reload`)",
        )


def _development_server(words: list[str]) -> str | None:
    """What a command's words start that is a developer's server: one that reloads the code, or Django's own."""
    if {PurePosixPath(w).name for w in words} & _RELOADING_SERVERS and set(words) & _RELOAD_FLAGS:
        return "reloads the code as files change"
    return "runs Django's development server" if "runserver" in words else None


#: A Python script an image's command runs (`CMD ["python", "run.py"]`), as a `ScriptRun`.
SCRIPT_RUN_BY_IMAGE = "script-run-by-image"


@dataclass(frozen=True)
class ScriptRun:
    script: str  # as the command names it: `run.py`, `app/server.py`
    path: str  # the Dockerfile
    line: int


def _python_scripts(words: list[str]) -> list[str]:
    """The `.py` files a command hands to a Python interpreter: `python run.py`, `python3 -u app/main.py`, and
    a package's `__main__.py` for `python -m kiosk`."""
    found = []
    for index, word in enumerate(words):
        if re.fullmatch(r"python[\d.]*", PurePosixPath(word).name):
            rest = words[index + 1 :]
            module = next((rest[i + 1] for i, w in enumerate(rest[:-1]) if w == "-m"), None)
            if module is not None and re.fullmatch(r"[A-Za-z_][\w.]*", module):
                found.append(module.replace(".", "/") + "/__main__.py")
            else:
                found += [w for w in rest if w.endswith(".py")][:1]
    return found


#: A CONF006 finding on an image's command (a `Finding`), and the directories of compose files that start
#: their services in development mode (a `str`): the project stage joins them.
IMAGE_SERVER = "image-development-server"
DEVELOPMENT_COMPOSE_DIR = "development-compose-dir"


@check(CONF006, kinds=("config",))
def development_compose_files(ctx: TextContext) -> None:
    if development_stack(ctx.path, ctx.text) and _runs_image_command(ctx.text):
        ctx.fact(DEVELOPMENT_COMPOSE_DIR, str(PurePosixPath(ctx.path).parent))


_SERVICE_KEY = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z0-9_.-]+):")


def _runs_image_command(text: str) -> bool:
    """Whether a service the compose file builds from a Dockerfile runs the image's own command: one that
    sets `command:` (or `entrypoint:`) runs its own, and the image's is for other deployments. A file that
    builds nothing is taken to run the image as it is."""
    services: dict[str, set[str]] = {}
    service_indent: int | None = None
    key_indent: int | None = None
    current = None
    inside = False
    for line in text.splitlines():
        match = _SERVICE_KEY.match(line)
        if not match:
            continue
        indent, key = len(match["indent"]), match["key"]
        if indent == 0:
            inside, current, service_indent = key == "services", None, None
        elif inside and (service_indent is None or indent == service_indent):
            service_indent, current, key_indent = indent, key, None
            services[current] = set()
        elif inside and current is not None and service_indent is not None and indent > service_indent:
            key_indent = indent if key_indent is None else key_indent
            if indent == key_indent:
                services[current].add(key)  # the service's own keys, not what they hold
    built = [keys for keys in services.values() if "build" in keys]
    return not built or any(not keys & {"command", "entrypoint"} for keys in built)


@check(CONF006, stage="project")
def image_servers(ctx: ProjectContext) -> None:
    """An image whose directory holds a compose file that starts its services in development mode
    (`command: runserver ...`, `DEBUG=1`) is the development image that stack builds: for a reader."""
    development = {directory for _, directory in ctx.facts_of(DEVELOPMENT_COMPOSE_DIR, str)}
    for _, finding in ctx.facts_of(IMAGE_SERVER, Finding):
        if str(PurePosixPath(finding.location.path).parent) in development:
            finding = finding.for_audit("a compose file beside it starts its services in development mode")
        ctx.findings.append(finding)
