"""Pattern 7 — rate limiting (RATE).

Endpoints come from the framework's own routing (Django URL confs and DRF
routers, Flask routes and blueprints, FastAPI routers) and are classified by
what the view does: checks credentials, creates a user, sends a reset token or
a message. A limit counts wherever it is written: on the view (slowapi,
flask-limiter, django-ratelimit, DRF throttles, a fastapi-limiter dependency),
on a blueprint or router, as the app's default limits, as app-wide middleware,
django-axes for Django logins, or a rate-limiter call in the view's flow (a
form's `clean()`, a service function, a decorator). A route known only by its
path or name, or one no app of the project serves, is an audit finding; a
route only staff reach is not reported.
"""

from __future__ import annotations

from secpat.findings import Confidence, Location, Severity
from secpat.frameworks import known
from secpat.frameworks.routes import LOGIN, MAIL, REGISTER, RESET, Model, Route, model_of, source_line
from secpat.rules.context import FileContext, ProjectContext
from secpat.rules.registry import Rule, check, define

RATE001 = define(
    Rule(
        id="RATE001",
        name="login-without-rate-limit",
        pattern=7,
        title="Login or token endpoint without a rate limit",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,  # measured on real code (docs/precision.md)
        cwe=307,
        why="""
        A login or token endpoint that answers as fast as it is asked lets an attacker try
        passwords without end: credential stuffing with leaked lists and online guessing of
        weak passwords both succeed given enough attempts. A limit per client (and per
        account) turns millions of tries into a handful. A limiter, a view that answers 429
        itself, or a function the view calls that locks the account once its failed attempts
        reach a maximum all count.
    """,
        bad="""
        from fastapi import Depends, FastAPI
        from fastapi.security import OAuth2PasswordRequestForm

        app = FastAPI()


        @app.post("/login")
        def login(form: OAuth2PasswordRequestForm = Depends()):
            return issue_token(form.username, form.password)
    """,
        good="""
        from fastapi import Depends, FastAPI, Request
        from fastapi.security import OAuth2PasswordRequestForm
        from slowapi import Limiter
        from slowapi.util import get_remote_address

        limiter = Limiter(key_func=get_remote_address)
        app = FastAPI()


        @app.post("/login")
        @limiter.limit("5/minute")
        def login(request: Request, form: OAuth2PasswordRequestForm = Depends()):
            return issue_token(form.username, form.password)
    """,
        fix="Limit the endpoint: slowapi or fastapi-limiter (FastAPI), flask-limiter (Flask), django-ratelimit, "
        "DRF throttles or django-axes (Django). Put `@limiter.limit` below the route decorator.",
    )
)

RATE002 = define(
    Rule(
        id="RATE002",
        name="message-sender-without-rate-limit",
        pattern=7,
        title="Password-reset or other e-mail/SMS endpoint without a rate limit",
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,  # measured on real code (docs/precision.md)
        cwe=770,
        why="""
        An endpoint that sends an e-mail or SMS on request (password reset, verification
        code, invitation, contact form) can be called in a loop: the victim's inbox or phone
        is flooded, the sending domain lands on block lists, and SMS costs money per message.
    """,
        bad="""
        from flask import Flask, request

        app = Flask(__name__)


        @app.post("/password/forgot")
        def forgot_password():
            send_reset_email(request.form["email"])
            return "If the address exists, a link is on its way."
    """,
        good="""
        from flask import Flask, request
        from flask_limiter import Limiter
        from flask_limiter.util import get_remote_address

        app = Flask(__name__)
        limiter = Limiter(get_remote_address, app=app)


        @app.post("/password/forgot")
        @limiter.limit("3 per hour")
        def forgot_password():
            send_reset_email(request.form["email"])
            return "If the address exists, a link is on its way."
    """,
        fix="Limit per client and per target address (a few per hour), and answer the same whether or not "
        "the account exists.",
    )
)

RATE003 = define(
    Rule(
        id="RATE003",
        name="registration-without-rate-limit",
        pattern=7,
        title="Registration endpoint without a rate limit",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=770,
        why="""
        Unlimited sign-up lets bots create accounts by the thousand: spam, fake reviews,
        abuse of free tiers, and every account a confirmation e-mail. It is also a way to
        find out which e-mail addresses already have an account.
    """,
        bad="""
        from flask import Flask, request

        app = Flask(__name__)


        @app.route("/register", methods=["GET", "POST"])
        def register():
            create_user(request.form["email"], request.form["password"])
            return "welcome"
    """,
        good="""
        from flask import Flask, request
        from flask_limiter import Limiter
        from flask_limiter.util import get_remote_address

        app = Flask(__name__)
        limiter = Limiter(get_remote_address, app=app, default_limits=["200 per day", "20 per hour"])


        @app.route("/register", methods=["GET", "POST"])
        def register():
            create_user(request.form["email"], request.form["password"])
            return "welcome"
    """,
        fix="Limit registrations per client (and add a CAPTCHA or e-mail confirmation for public sign-up).",
    )
)

RATE004 = define(
    Rule(
        id="RATE004",
        name="api-without-rate-limiting",
        pattern=7,
        title="API with no rate limiting anywhere",
        severity=Severity.LOW,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=770,
        why="""
        An API without any limit lets one client use all of it: scraping, brute force on
        every parameter, and costs that grow with each request. Nothing in the project
        limits requests (no limiter, throttle, limiting middleware or dependency); a proxy
        in front may do it, which this check cannot see. Reported in audit mode only, for
        that reason: the routes where an unlimited request does the most harm (sign-in,
        sign-up, password reset, mail) are RATE001 to RATE003, reported by default.
    """,
        bad="""
        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/api/items")
        def list_items():
            return {"items": []}
    """,
        good="""
        from fastapi import FastAPI, Request
        from slowapi import Limiter
        from slowapi.util import get_remote_address

        limiter = Limiter(key_func=get_remote_address)
        app = FastAPI()


        @app.get("/api/data")
        @limiter.limit("10/minute")
        def get_data(request: Request):
            return {"status": "ok"}
    """,
        fix="Add a limiter with default limits (slowapi + SlowAPIMiddleware, flask-limiter `default_limits`, "
        "DRF `DEFAULT_THROTTLE_CLASSES`), or document the proxy that limits requests.",
        owasp_override="A04:2021 Insecure Design",
    )
)

RATE_RULES = (RATE001, RATE002, RATE003, RATE004)
_PROXY_NOTE = "; unless the proxy in front of it limits requests"
_BY_KIND = {LOGIN: RATE001, RESET: RATE002, MAIL: RATE002, REGISTER: RATE003}
_WHAT = {
    LOGIN: "login/token endpoint",
    RESET: "password-reset endpoint",
    MAIL: "endpoint that sends mail or SMS",
    REGISTER: "registration endpoint",
}


@check(*RATE_RULES, stage="project")
def rate_limits(ctx: ProjectContext) -> None:
    model = model_of(ctx)
    own_serializer = bool(ctx.facts_of(RESET_SERIALIZER_SET, str))
    grouped: dict[tuple[str, str, int], list[Route]] = {}
    for route in model.routes:
        # A route only staff or permission holders reach is not an anonymous attacker's target.
        if route.category in _BY_KIND and route.state_changing and not route.limit and not route.staff:
            grouped.setdefault((route.category, route.file, route.line), []).append(route)
    for (category, file, line), routes in sorted(grouped.items(), key=lambda kv: (kv[0][1], kv[0][2])):
        described = dict.fromkeys(f"{'/'.join(r.methods) if r.methods != ('*',) else 'ANY'} {r.path}" for r in routes)
        shown = ", ".join(list(described)[:3])  # a view registered twice on the same path is one route
        note = (
            f"; {routes[0].misplaced} is above the route decorator, so it never applies" if routes[0].misplaced else ""
        )
        # Default mode needs what the view does to show its kind, and an app that serves it; a route known only
        # by its name, or a reusable app's route whose deployment decides the limits, is for audit.
        evidence = any(r.evidence for r in routes)
        served = any(r.served for r in routes)
        why = (
            ""
            if evidence and served
            else ("; nothing the view does confirms its kind" if not evidence else "; no app in the project serves it")
        )
        # Mail sent, or a password reset, for a signed-in user needs an account to abuse, and the account
        # answers for it: whether that is worth a limit depends on who may sign up, which the code does not say.
        members_only = category in (MAIL, RESET) and all(r.signed_in for r in routes)
        unsent = category == RESET and all(_link_unbuilt(model, r, own_serializer) for r in routes)
        if unsent:
            why += (
                "; dj-rest-auth builds the reset link from the route named `password_reset_confirm`, which the "
                "project does not define: the view fails before it sends"
            )
        ctx.report(
            _BY_KIND[category],
            Location(file, line),
            f"{_WHAT[category]} {shown} ({routes[0].reason}) has no rate limit{note}{why}"
            + ("; only signed-in users reach it" if members_only else ""),
            snippet=source_line(ctx, file, line),
            audit=not (evidence and served) or unsent,
            confidence=Confidence.MEDIUM if members_only else None,
        )
    for app_model in model.apps_apart():
        _api_without_limits(ctx, app_model)


def _link_unbuilt(model: Model, route: Route, own_serializer: bool) -> bool:
    """dj-rest-auth's own reset view, in a project that names no route `password_reset_confirm` and gives it no
    serializer of its own (`REST_AUTH = {"PASSWORD_RESET_SERIALIZER": ...}`, which may build the link another
    way): the e-mail's link is reversed from that name, so the view raises before anything is sent."""
    return (
        route.view == "dj_rest_auth.views.PasswordResetView"
        and not own_serializer
        and not any(r.url_name.rsplit(":", 1)[-1] == "password_reset_confirm" for r in model.routes if r.url_name)
    )


#: A settings module that gives dj-rest-auth a password-reset serializer of the project's.
RESET_SERIALIZER_SET = "rate-reset-serializer-set"


@check(RATE002)
def reset_serializer_settings(ctx: FileContext) -> None:
    if "PASSWORD_RESET_SERIALIZER" in ctx.module.source:
        ctx.fact(RESET_SERIALIZER_SET, ctx.module.path)


def _api_without_limits(ctx: ProjectContext, model: Model) -> None:
    """RATE004 is for audit mode: it rests on the absence of a limiter in the code, and most deployments limit
    requests in the proxy in front of the app, which the code does not show. The routes where an unlimited
    request does harm (sign-in, sign-up, reset, mail) are reported by RATE001 to RATE003 in default mode."""
    if model.limits_anywhere:
        return
    # Routes only staff reach are not the public's to exhaust; routes no app serves (a reusable app's, an
    # unmounted router's) are limited, or not, by the site that deploys them: audit only.
    apis = [r for r in model.routes if r.api and not r.staff]
    if not apis:
        return
    reported: set[str] = set()
    for app in model.apps:
        routes = [r for r in apis if r.app == app.name and r.served]
        if routes and app.name not in reported:
            reported.add(app.name)
            title = app.title or getattr(known.record(app.framework), "title", app.framework)
            ctx.report(
                RATE004,
                Location(app.file, app.line),
                f"{title} API with {len(routes)} route(s) and no rate limiting anywhere{_PROXY_NOTE}",
                snippet=source_line(ctx, app.file, app.line),
                audit=True,
            )
    django = [r for r in apis if r.framework == "django"]
    if django:
        setting = model.django.get("REST_FRAMEWORK") if model.django else None
        file, line = (setting.file, setting.line) if setting else django[0].registered.rsplit(":", 1)
        served = any(r.served for r in django)
        ctx.report(
            RATE004,
            Location(file, int(line)),
            f"Django API with {len(django)} route(s) and no throttling anywhere (no DEFAULT_THROTTLE_CLASSES,"
            " throttle_classes or ratelimit)" + (_PROXY_NOTE if served else "; the URL confs belong to a reusable app"),
            snippet=source_line(ctx, file, int(line)),
            audit=True,
        )
