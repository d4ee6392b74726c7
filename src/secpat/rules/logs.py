"""Pattern 8 — log design (LOG).

What must never be written to a log (or printed): passwords, tokens, API keys,
cookies, session ids, authorization headers, card numbers — found by name
(variable, attribute, dict key, form field) and by data flow from such fields
— and whole requests, header sets, cookie jars or bodies. And what must never
be sent to a client: exception messages and tracebacks. Derived values
(`len(tokens)`, `bool(password)`, `password_policy`, `token_count`) are fine.
"""

from __future__ import annotations

import ast
import fnmatch
import itertools
import re
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow import requests as R
from secpat.dataflow.flow import context_exception_view, dotted, flow_of, password_field_shown
from secpat.findings import Confidence, Finding, FlowStep, Severity
from secpat.frameworks import falcon, known
from secpat.frameworks.routes import Route, model_of
from secpat.frameworks.syntax import ADMIN_WORDS, admits_admin, staff_guard_line, status_number, statuses
from secpat.frameworks.views import describe_view
from secpat.model.module import field_name, parents_of
from secpat.rules.context import FileContext, Outcome, ProjectContext, arguments
from secpat.rules.registry import Rule, check, define

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from secpat.dataflow.flow import CallEvent
    from secpat.model.module import Call, Function, Module

LOG001 = define(
    Rule(
        id="LOG001",
        name="secret-in-log",
        pattern=8,
        title="Password, token or other secret written to a log",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=532,
        why="""
        Logs are copied to files, aggregators, support tickets and backups, and read by far more
        people and systems than the database. A password or token written there is a credential
        anyone with log access can replay; a card number there puts the whole log pipeline in
        PCI scope. A `print()` without request data in it, and logging in a database migration,
        are for audit mode: their reader is the operator who ran the command. So is a line at
        `trace` level, below debug, which loggers write only where someone switched it on, and a
        token in a sentence that says it was refused or is spent (`"Invalid token: %s"`); a
        refused password stays a finding, as it is often a near miss of the real one.
    """,
        bad="""
        import logging

        def login(username, password, api_token):
            print(f"Login: user={username}, password={password}")
            logging.info(f"Token: {api_token}")
    """,
        good="""
        import logging

        def login(username, request_ip):
            logging.info("Login attempt: user=%s, ip=%s", username, request_ip)
    """,
        fix="Log who and what (user id, IP, action, outcome), never the credential; redact with a logging filter "
        "if a library logs it for you.",
    )
)

LOG002 = define(
    Rule(
        id="LOG002",
        name="request-logged-whole",
        pattern=8,
        title="Whole request, headers, cookies or body written to a log",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=532,
        why="""
        A whole request, header set, cookie jar or body carries the Authorization header, the
        session cookie, CSRF tokens and any password in a form: logging it logs every secret
        the client sent, and nobody notices because each field looks harmless alone. A body or
        form alone carries no header or cookie: it is reported by default where the view reads a
        password field from it, and in audit mode where nothing shows what is posted there.
    """,
        bad="""
        import logging
        from flask import request

        def handler():
            logging.debug("headers: %s", request.headers)
    """,
        good="""
        import logging
        from flask import request

        def handler():
            logging.debug("user agent: %s", request.headers.get("User-Agent"))
    """,
        fix="Log the few fields you need by name (path, method, user agent, request id).",
    )
)

LOG003 = define(
    Rule(
        id="LOG003",
        name="exception-details-to-client",
        pattern=8,
        title="Exception details or traceback returned to the client",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,
        cwe=209,
        why="""
        Exception messages and tracebacks describe the inside of the application: file paths,
        library versions, SQL statements, hostnames, sometimes configuration values. Returned to
        the client they map the attack surface for whoever triggers the error, whether in a
        response or in the context of a page rendered for the client. Text taken only in a branch
        administrators alone enter (`if user.is_superuser: detail = traceback.format_exc()`) is theirs,
        as in a debug branch: audit mode. In a view behind
        a staff, administrator or permission check this is for audit mode (also where an auth
        dependency lets callers through by route lists named for their roles and refuses the rest to
        all but administrators, and the view's route is in none of them), and so is text put in a
        sentence written for the client (`f"Preview failed: {e}"`), an answer that says an
        upstream failed (502, 503, 504) or that the input failed validation (422), and a view named
        for a diagnosis: a test of a connection or a setting (`test_smtp_connection`), a validation,
        a dry run, a health check. Someone chose to show it.
        A database or I/O error's text is the system's whatever frames it, and stays reported: one
        caught by kind, or by a catch-all around a query or file work (`await session.exec(...)`,
        `Order.objects.get(...)`, `open(path)`) that no earlier handler takes those errors from.
    """,
        bad="""
        from flask import Flask
        app = Flask(__name__)

        @app.route("/report")
        def report():
            try:
                return build_report()
            except Exception as exc:
                return {"error": str(exc)}, 500
    """,
        good="""
        import logging
        from flask import Flask
        app = Flask(__name__)

        @app.route("/report")
        def report():
            try:
                return build_report()
            except Exception:
                logging.exception("report failed")
                return {"error": "internal error"}, 500
    """,
        fix="Log the exception server-side (`logging.exception`) and return a generic message with an error id.",
    )
)

_LOG_METHODS = frozenset(
    {
        "debug",
        "info",
        "notice",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "fatal",
        "log",
        "msg",
        "trace",
        "success",
        # structlog's and loguru's context: what is bound is written into every line the bound logger writes.
        "bind",
    }
)
_LOG_FUNCTIONS = frozenset(
    {"print", "warnings.warn", "pprint.pprint", "structlog.contextvars.bind_contextvars"}
    | {f"logging.{m}" for m in _LOG_METHODS}
    | {f"loguru.logger.{m}" for m in _LOG_METHODS}
)
_LOGGER_FACTORIES = frozenset(
    {
        "logging.getLogger",
        "structlog.get_logger",
        "structlog.getLogger",
        "structlog.stdlib.get_logger",
        "loguru.logger.bind",
    }
)
#: What sends its argument to the client: every framework's responses, JSON and plain-text answers, and the
#: exceptions whose detail is the answer.
_RESPONSES = frozenset(known.mapping("responses")) | known.union("answers") | known.union("error_answers")
#: What renders a page for the client from a template and a context: text in the context is shown to the
#: client as surely as in a response. (`render_to_string` makes text that may be an e-mail's.)
_PAGE_RENDERS = (
    (known.union("page_renderers") - {"django.template.loader.render_to_string"})
    # `render_template_string(src, message=str(e))`, Bottle's `template(...)`: a page made there and then
    | (known.union("template_strings") - {"django.template.Template"})
    | {"django.shortcuts.render_to_response", "django.template.response.TemplateResponse"}
)
#: `templates.TemplateResponse(...)` on Starlette's and FastAPI's `Jinja2Templates`.
_PAGE_RENDER_METHODS = frozenset({"TemplateResponse"})


#: What shows its text on the user's next page: `flash(str(e))`, `messages.error(request, str(e))`.
_USER_MESSAGES = known.union("user_messages")
_ANSWER_METHODS = known.union("answer_methods")


def _renders_page(call: Call) -> bool:
    return call.callee in _PAGE_RENDERS or call.method in _PAGE_RENDER_METHODS or call.callee in _USER_MESSAGES


def _answers_with(call: Call | None) -> str | None:
    """The name of what sends this call's arguments to the client: a response, a rendered page, or a message
    the next page shows."""
    if call is None:
        return None
    if call.callee is None and call.method in _ANSWER_METHODS:
        return call.method  # `api.create_response(request, body, status=500)`
    if not (call.callee in _RESPONSES or _renders_page(call)):
        return None
    if call.callee in _USER_MESSAGES:
        return ast.unparse(call.node.func)  # `messages.error`, `flash`
    return call.callee.rsplit(".", 1)[-1] if call.callee else call.method


def _answering_helpers(module: Module) -> dict[Function, frozenset[str]]:
    """The module's functions that send what they are given to the client, with the parameters they send:
    `def _problem(status, detail): return jsonify(detail=detail), status`. A caller that hands one of those
    parameters exception text answers with it."""
    found: dict[Function, frozenset[str]] = {}
    for function in module.functions.values():
        if function.is_module or not function.params or not any(_answers_with(c) for c in function.calls):
            continue
        judged = _params_judged_elsewhere(module, function)
        positions = {
            position
            for event in flow_of(module, function).calls
            if _answers_with(event.call)
            for _, value in arguments(event)
            for label in value
            if (position := _sent_parameter(label)) is not None
        }
        sent = {function.params[p] for p in positions if p < len(function.params)}
        sent |= _stored_into_answer(module, function)
        sent -= judged
        if sent:
            found[function] = frozenset(sent)
    return found


def _helper_answer(module: Module, call: Call | None, answering: dict[Function, frozenset[str]]) -> str | None:
    helper = module.local_function(call.callee) if call is not None else None
    return helper.name if helper is not None and helper in answering else None


def _sent_arguments(
    module: Module, event: CallEvent, answering: dict[Function, frozenset[str]]
) -> list[tuple[ast.expr, L.Value]]:
    """The arguments a call sends to the client: all of an answer's, and of a helper's those of the parameters it
    sends (`_internal_error("...", exc, "Internal error.")` sends only the last)."""
    helper = module.local_function(event.call.callee) if event.call is not None else None
    sent = answering.get(helper) if helper is not None else None
    if helper is None or sent is None:
        return arguments(event)
    node, params = event.node, helper.params
    positional = [
        (arg, value)
        for i, (arg, value) in enumerate(zip(node.args, event.args))
        if i < len(params) and params[i] in sent
    ]
    keywords = [(kw.value, event.keywords[kw.arg]) for kw in node.keywords if kw.arg in sent]
    return [*positional, *keywords]


def _stored_into_answer(module: Module, function: Function) -> set[str]:
    """Parameters a helper writes into a name its answer is made from: `payload["error"] = error_details`, then
    `Response(json.dumps(payload))` (also through a project's own serialiser, whose summary the file does not
    have)."""
    answered = {
        n.id
        for call in function.calls
        if _answers_with(call)
        for arg in (*call.node.args, *(k.value for k in call.node.keywords))
        for n in ast.walk(arg)
        if isinstance(n, ast.Name)
    }
    found = set(answered) & set(function.params)
    for node in ast.walk(function.node):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Subscript)
            and isinstance(node.targets[0].value, ast.Name)
            and node.targets[0].value.id in answered
            and isinstance(node.value, ast.Name)
            and node.value.id in function.params
        ):
            found.add(node.value.id)
    return found


#: Project functions that only write a value as text (a project's own `json.dumps`): what they return is it.
_SERIALISERS = frozenset({"dumps", "dump", "to_json", "jsonify", "format"})


def _sent_parameter(label: str) -> int | None:
    """The position of the parameter a label says reached the answer: as it came (`param:1`), or through a
    project function that only serialises it (`via:app.utils.json.dumps:0:param:1`)."""
    if label.startswith(L.PARAM_PREFIX):
        index = label[len(L.PARAM_PREFIX) :]
    elif label.startswith(L.VIA_PREFIX) and ":" + L.PARAM_PREFIX in label:
        through, index = label[len(L.VIA_PREFIX) :].rsplit(":" + L.PARAM_PREFIX, 1)
        if through.rsplit(":", 1)[0].rsplit(".", 1)[-1] not in _SERIALISERS:
            return None
    else:
        return None
    return int(index) if index.isdigit() else None


def _params_judged_elsewhere(module: Module, function: Function) -> set[str]:
    """Parameters the helper hands to a function of the project (`sanitize_database_error(exc)`, `_is_unique(exc)`):
    what it sends may be that function's judgement of the value, not its text. A library's call on it
    (`dataclasses.asdict(error)`, a logger's) says nothing of what else the helper sends."""
    judged: set[str] = set()
    for call in function.calls:
        callee = call.callee or ""
        if not callee or callee.split(".", 1)[0] not in module.project_roots and module.local_function(callee) is None:
            continue
        if callee.rsplit(".", 1)[-1] in _SERIALISERS:
            continue
        node = call.node
        judged.update(a.id for a in node.args if isinstance(a, ast.Name) and a.id in function.params)
        judged.update(
            k.value.id for k in node.keywords if isinstance(k.value, ast.Name) and k.value.id in function.params
        )
    return judged


_TORNADO_WRITES = ("write", "finish")


def _tornado_answer(node: ast.Call) -> str | None:
    """`self.write(...)`, `self.finish(...)` of a Tornado handler: what it writes is the response body."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in _TORNADO_WRITES and isinstance(func.value, ast.Name):
        return func.attr if func.value.id == "self" else None
    return None


_LOGGED = (
    Outcome(L.PASSWORD, LOG001, "{source} is {sink}: never log passwords"),
    Outcome(L.SECRET, LOG001, "{source} is {sink}: never log tokens, keys or session ids"),
    Outcome(L.PERSONAL, LOG001, "{source} is {sink}: never log card numbers or personal identifiers"),
    Outcome(L.REQUEST_WHOLE, LOG002, "{source} is {sink}: it carries every header, cookie and field"),
    # Formatted, a Flask or Django request is its method and URL (`<Request 'http://…/path?q' [GET]>`),
    # not its headers: worth a look (a custom repr, a structured logger), not evidence.
    Outcome(
        L.REQUEST_OBJECT,
        LOG002,
        "{source} is {sink}: its text is the method and the URL with its query "
        "string; check that no repr or structured logger writes more",
        audit=True,
    ),
)
#: The whole body or form: every field the client submitted, but no header or cookie. With no sign that
#: a credential is among the fields, whether one is depends on what is posted there: for a reader.
_BODY_LOGGED = "{source} is {sink}: it carries every field the client submitted"
_BODY_UNKNOWN = _BODY_LOGGED + "; check that none of them is a password or token"


def _body_outcomes(credential: str | None) -> tuple[Outcome, ...]:
    message = f"{_BODY_LOGGED}, the `{credential}` field among them" if credential else _BODY_UNKNOWN
    return (*_LOGGED[:3], Outcome(L.REQUEST_WHOLE, LOG002, message), *_LOGGED[4:])


_LEAKED = (
    Outcome(L.TRACEBACK, LOG003, "{source} is {sink}: tracebacks show the inside of the application", Confidence.HIGH),
    Outcome(L.EXCEPTION, LOG003, "{source} is {sink}: exception messages can reveal internals"),
    # Only ever inside a sentence written for the client (`f"Invalid JSON: {e}"`): someone decided the
    # client should read it. Whether the text also shows internals is for a reader.
    Outcome(
        L.FRAMED_EXCEPTION,
        LOG003,
        "{source} is {sink}, in a sentence written for the client: check that the text shows no internals",
        audit=True,
    ),
)
#: A database or I/O error's text is the system's, whatever sentence frames it.
_LEAKED_SYSTEM = (
    *_LEAKED[:2],
    Outcome(L.FRAMED_EXCEPTION, LOG003, "{source} is {sink}: database and I/O errors reveal internals"),
)


@check(LOG001, LOG002, LOG003)
def log_hygiene(ctx: FileContext) -> None:
    start, decided_later = len(ctx.findings), len(ctx.conditionals)
    _log_hygiene(ctx)
    _hand_on_leaks(ctx, start, decided_later)


def _log_hygiene(ctx: FileContext) -> None:
    module = ctx.module
    loggers = _logger_names(module)
    migration = _is_migration(module.path)
    helpers = _log_helpers(module, loggers)
    for writer, logged in helpers.values():
        if not writer.class_name and module.module_name:
            ctx.fact(
                LOG_HELPER,
                LogHelperFact(module.global_name(writer), tuple(p.name for p in logged), tuple(writer.params)),
            )
    answering = _answering_helpers(module)
    for function in module.all_functions():
        answers = _answers_client(module, function)
        tornado = bool(function.class_name) and R.tornado_handler_method(module, function)
        if (
            not answers
            and not tornado
            and not any(
                _is_log_call(module, call, loggers)
                or _answers_with(call)
                or module.local_function(call.callee) in answering
                or _log_helper(module, function, call, helpers)
                or function.mentions(_PASSWORD_WORDS)
                and _other_module_function(module, call) is not None
                for call in function.calls
            )
        ):
            continue
        flow = flow_of(module, function)
        staff_only = _behind_staff_check(module, function)
        # `if not user.is_superuser: raise PermissionDenied` first: what follows it only staff reach.
        guard = staff_guard_line(function.node)
        # `test_vault_connection`, `validate_prompt`, `dry_run`, `health_readiness`: a view that tries
        # a connection, a setting or the caller's input exists to say why it failed.
        trial = bool(_TRIAL_WORDS & set(names.words(function.name)))
        lacking: list[tuple[str, int, int]] | None = None  # names known to hold no credential, by line span
        replaced: list[tuple[int, int]] = []  # (line read, line replaced) of session keys signing in replaces
        objects: set[str] | None = None  # names the function uses as objects (see `_used_as_objects`)
        callback: bool | None = None  # a server-to-server callback, decided when a whole request is logged
        credential: str | None | bool = False  # a credential field the client submits, once asked
        typed: dict[str, ast.expr] | None = None  # parameters typed with a class, read at the first log call
        for event in flow.calls:
            tornado_write: str | None = None  # `self.write(...)` of a Tornado handler, when that is the answer
            helper = _log_helper(module, function, event.call, helpers) if event.call is not None else None
            if helper is not None and helper[0] is not function and not migration:
                _passed_to_log_helper(ctx, function, event, *helper)
            elif event.call is not None and not migration and function.mentions(_PASSWORD_WORDS):
                _hand_on_passwords_passed(ctx, function, event)
            if event.call is not None and _is_log_call(module, event.call, loggers):
                where = f"written by `{_callee_text(event.node)}()`"
                printed = event.call.callee in _PRINTS
                if not migration and not printed:
                    typed = _typed_parameters(function) if typed is None else typed
                    _hand_on_logged_models(ctx, function, event.node, where, typed)
                handed_on = len(ctx.conditionals)
                described = _described_by_message(event.node)
                for argument, value in arguments(event, skip=("exc_info",)):
                    if id(argument) in described and not any(lab in value for lab in _CREDENTIAL_LABELS):
                        phrase, label = described[id(argument)]
                        note = f"`{dotted(argument)}`, the {phrase} the message names"
                        value = {**value, label: (FlowStep(ctx.location(argument), note),)}
                    if _names_identity_only(argument, value):
                        continue  # `user.email` of a record another module loads: who someone is, never a secret
                    if len(ctx.conditionals) > handed_on and not any(
                        label in value for label in (L.PASSWORD, L.SECRET, L.REQUEST_WHOLE)
                    ):
                        # An earlier argument's worth is for another module to decide; after it, only what
                        # is itself a password, a secret or the whole request is looked for.
                        break
                    if L.SECRET in value and lacking is None:
                        lacking = (
                            _credential_missing_branches(function)
                            + _opened_as_files(function)
                            + _no_credentials(module, function)
                        )
                        replaced = _replaced_session_keys(module, function)
                    value, audit = _judge_secret(event.node, value, lacking or (), function, replaced)
                    # Only what another module returns (`orm_token = APIToken.find(db, token)`): whether it
                    # is a secret is decided there, unless this function uses it as an object.
                    elsewhere = not any(lab in value for lab in (L.SECRET, L.PASSWORD, L.PERSONAL)) and any(
                        lab.startswith((L.RET_PREFIX, L.TEXT_OF_PREFIX)) for lab in value
                    )
                    if not audit and (L.SECRET in value and _names_secret_only(value) or elsewhere):
                        # `logger.info("Revoked %r", token)` where the function calls `token.revoke()`:
                        # what an object writes is what its class's `__repr__` says, not the name.
                        objects = _used_as_objects(function) if objects is None else objects
                        sources = {_source_name(value[L.SECRET])} if L.SECRET in value else objects
                        # `f"Deleting expired token {token}"`: the object's text inside a sentence.
                        audit = dotted(argument) in objects or any(
                            source in objects
                            and isinstance(argument, (ast.JoinedStr, ast.BinOp))
                            and _formats_name(argument, source)
                            for source in sources
                            if source is not None
                        )
                    if L.REQUEST_WHOLE in value and _one_field_of_loop(function, event.node):
                        value = L.without(value, L.REQUEST_WHOLE)
                    if L.REQUEST_WHOLE in value or L.REQUEST_OBJECT in value:
                        callback = _server_callback(module, function) if callback is None else callback
                        audit = audit or callback
                    outcomes: tuple[Outcome, ...] = _LOGGED
                    if L.REQUEST in value and L.PASSWORD not in value and L.REQUEST_WHOLE not in value:
                        # `data = request.get_json(); log.info("login %s", data); check(data["password"])`:
                        # the parsed body is one value, not every header, but it holds the password read from it.
                        value = _with_body_password(function, argument, value, event.node)
                    if (
                        L.REQUEST_BODY in value
                        and L.REQUEST_WHOLE in value
                        and not any(label in value for label in (L.PASSWORD, L.SECRET, L.PERSONAL))
                    ):
                        credential = _credential_submitted(function) if credential is False else credential
                        outcomes = _body_outcomes(credential if isinstance(credential, str) else None)
                        audit = audit or not credential
                    # A schema migration's log is the operator's one-off record of what it changed, and a
                    # print goes to the terminal of whoever ran the command: unless the client sent the
                    # value, the reader is the secret's own operator.
                    audit = audit or migration or printed and not any(lab in value for lab in _CLIENT_LABELS)
                    # `log.trace()`: below debug (loguru's TRACE is 5), written only where someone switched
                    # it on to follow a problem. A secret there is for a reader.
                    audit = audit or _at_trace_level(event.node)
                    if _report_once(ctx, event.node, value, outcomes, function, where, audit, argument, handed_on):
                        break
            elif (
                answer := _answers_with(event.call)
                or (tornado_write := _tornado_answer(event.node) if tornado else None)
                or _helper_answer(module, event.call, answering)
            ) and not _discarded(function, event.node):
                # Exception text only ever put in a sentence written for the client is a decision to
                # show it: whether it also shows internals is for a reader, in audit mode (see
                # `_leaked`: not a database or I/O error outside a 4xx answer). So is a view only staff
                # or administrators reach: they see the internals anyway. An exception caught by kind
                # (`except (KeyError, ValueError)`) carries a key name or the value that failed,
                # whatever the status; one raised by an outbound request describes that service, and so
                # does an answer with a gateway status (502, 503, 504): the view says an upstream failed.
                # A catch-all or a database, file or network error sent raw is reported.
                client_error = _client_error(event.node)
                # 502-504 say an upstream failed; 422 says the input was understood and failed validation.
                gateway, validation = _gateway_error(event.node), _validation_error(event.node)
                # A view a factory hands out (`return stats`) is served where a caller registers it, if anywhere.
                handed_out = _handed_out(function)
                page = event.call is not None and _renders_page(event.call)
                where = f"{'shown in the page' if page else 'sent to the client'} by `{answer}()`"
                # A message flashed to the next page is where views put the errors they write for the user
                # (a hook's refusal, a validation rule, a check a database constraint backs up): whether the
                # exception's text there also shows internals is for a reader. A traceback is evidence.
                flashed = event.call is not None and event.call.callee in _USER_MESSAGES
                # Inside `if app.debug:` the answer is a developer's: production runs the other branch.
                in_debug = module.under_debug_switch(event.node.lineno)
                for argument, value in _sent_arguments(module, event, answering):
                    if answer in _JSON_ANSWERS and _exception_object_only(argument, value):
                        continue  # `JsonResponse({"error": exc})`: the encoder refuses the object, nothing is sent
                    audit = (
                        staff_only
                        or guard is not None
                        and event.node.lineno > guard
                        or trial
                        or validation
                        # ... unless what a gateway status sends is a database's or the system's error: its text
                        # is theirs.
                        or gateway
                        and L.SYSTEM_ERROR not in value
                        or handed_out
                        or L.UPSTREAM_ERROR in value
                        or L.EXPECTED_ERROR in value
                    )
                    leaked = _leaked(value, client_error)
                    if tornado_write and function.name != "write_error":
                        # A Tornado handler's own `self.write(str(e))`: on real code, the consoles and notebook
                        # servers whose one user runs what fails. The error page every handler of the class
                        # sends (`write_error`) stays evidence.
                        leaked = tuple(replace(o, audit=True) for o in leaked)
                    if flashed:
                        # Marked on the outcomes, so that text another module's function raises is still
                        # decided at the project stage (an audit flag here would drop what is deferred).
                        leaked = tuple(o if o.label == L.TRACEBACK else replace(o, audit=True) for o in leaked)
                    if _report_once(
                        ctx,
                        event.node,
                        value,
                        leaked,
                        function,
                        where,
                        # Made only in a branch administrators alone enter: theirs, as in a debug branch.
                        audit
                        and L.TRACEBACK not in value
                        or in_debug
                        or _made_in_debug_branch(module, function, value)
                        or _made_for_admins(module, function, value),
                        argument,
                    ):
                        break
        if answers == "responder":
            # Falcon: `resp.media = {...}`, `resp.text = ...` is what the client gets.
            response = function.params[2]
            for store in flow.stores:
                if (
                    store.kind == "attr"
                    and store.name in falcon.BODY_ATTRIBUTES
                    and isinstance(store.base, ast.Name)
                    and store.base.id == response
                ):
                    _report_once(
                        ctx,
                        store.stmt,
                        store.value,
                        _leaked(store.value, client_error=_falcon_client_error(function, store.stmt)),
                        function,
                        f"sent to the client as `{response}.{store.name}`",
                        staff_only or trial or guard is not None and getattr(store.stmt, "lineno", 0) > guard,
                    )
        elif answers:
            for ret in flow.returns:
                returned = getattr(ret.node, "value", None)
                if isinstance(returned, ast.Tuple) and returned.elts:
                    returned = returned.elts[0]  # `return render_template(...), 500`: the call is judged as it is
                # A call that answers (`jsonify(...)`) is judged where it is made; what another call makes
                # (`json.dumps({...})`) is the answer.
                made = next((c for c in function.calls if c.node is returned), None)
                if _http_error_returned(function, ret.node):
                    continue  # `if isinstance(error, HTTPException): return error`: the HTTP error's own page
                if not isinstance(returned, ast.Call) or made is not None and not _answers_with(made):
                    _report_once(
                        ctx,
                        ret.node,
                        ret.value,
                        _leaked(ret.value, client_error=False),
                        function,
                        f"returned to the client by the {answers} `{function.name}()`",
                        staff_only or trial or guard is not None and getattr(ret.node, "lineno", 0) > guard,
                    )


_CREDENTIAL_LABELS = (L.SECRET, L.PASSWORD, L.PERSONAL)
_IDENTIFIER_WORDS = frozenset({"id", "ids", "pk", "uuid", "number", "num", "no", "name"})
#: Words that end a noun phrase, read backwards from a placeholder.
_PHRASE_BREAKS = frozenset({"for", "of", "to", "from", "with", "in", "on", "by", "at", "and", "or", "via", "as"})
#: A placeholder of a log message: `%s`, `%(name)r`, `{}`, `{0}`, `{name!r}`.
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdr]|\{[^{}]*\}")


def _described_by_message(call: ast.Call) -> dict[int, tuple[str, str]]:
    """`log.info("Sending password reset code %s to %s", code, email)`: a name the message's words before its
    placeholder end with, where those words name a password, a secret or a one-time code, is that value
    (`code` is the password reset code). Keyed by the argument node's id: (the phrase, its label)."""
    message = call.args[0] if call.args else None
    pairs: list[tuple[str, ast.expr]] = []
    if isinstance(message, ast.Constant) and isinstance(message.value, str):
        texts = _PLACEHOLDER.split(message.value)
        pairs = list(zip(texts, call.args[1:])) if len(texts) > 1 else []  # no placeholder: nothing is named
    elif isinstance(message, ast.JoinedStr):
        text = ""
        for part in message.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                text += part.value
            elif isinstance(part, ast.FormattedValue):
                pairs.append((text, part.value))
                text = ""
    found: dict[int, tuple[str, str]] = {}
    for before, argument in pairs:
        name = dotted(argument) if isinstance(argument, (ast.Name, ast.Attribute)) else None
        argument_words = list(names.words(name.rsplit(".", 1)[-1])) if name else []
        if len(argument_words) != 1 or names.classify(argument_words[0]) is not None:
            continue  # a name of its own (`reset_code`, `token`) is judged by the data flow, where it is bound
        if argument_words[0] in _IDENTIFIER_WORDS:
            continue  # `"Session ID: %s", session.id`: which session, not its key
        # The noun phrase just before the placeholder: "for provider %s" names a provider, not a token.
        message_words = re.findall(r"[A-Za-z]+", before.lower())
        cut = max((i + 1 for i, w in enumerate(message_words) if w in _PHRASE_BREAKS), default=0)
        message_words = message_words[cut:][-3:]
        if not argument_words or message_words[-len(argument_words) :] != argument_words:
            continue
        for start in reversed(range(len(message_words) - len(argument_words) + 1)):
            phrase = "_".join(message_words[start:])
            kind = names.classify(phrase)
            if kind is names.NameKind.PASSWORD:
                found[id(argument)] = (phrase.replace("_", " "), L.PASSWORD)
                break
            if kind in (names.NameKind.SECRET, names.NameKind.SHORT_CODE):
                found[id(argument)] = (phrase.replace("_", " "), L.SECRET)
                break
    return found


def _made_in_debug_branch(module: Module, function: Function, value: L.Value) -> bool:
    """The traceback or exception text was made inside `if app.debug:` (or a switch named for showing
    tracebacks) of a helper of this module that returns a fixed text otherwise: what production sends is that.
    (Made in the answering function itself, the branch is judged as the answer is: `in_debug`.)"""
    first = getattr(function.node, "lineno", 0)
    last = getattr(function.node, "end_lineno", None) or first
    traces = [value[label] for label in (L.TRACEBACK, L.EXCEPTION) if value.get(label)]
    return bool(traces) and all(
        trace[0].location.path == module.path
        and not first <= trace[0].location.line <= last
        and module.under_debug_switch(trace[0].location.line)
        for trace in traces
    )


def _falcon_client_error(function: Function, stmt: ast.AST) -> bool:
    """`resp.status = falcon.HTTP_400` set in the same block before the body: a 4xx answer."""
    for node in ast.walk(function.node):
        body = getattr(node, "body", None)
        if isinstance(body, list) and stmt in body:
            for earlier in body[: body.index(stmt)]:
                if (
                    isinstance(earlier, ast.Assign)
                    and isinstance(earlier.targets[0], ast.Attribute)
                    and earlier.targets[0].attr == "status"
                ):
                    return bool(re.search(r"HTTP_4\d\d|\b4\d\d\b", ast.unparse(earlier.value)))
    return False


def _http_error_returned(function: Function, node: ast.AST) -> bool:
    """`return error` inside `if isinstance(error, HTTPException):`: the framework renders an HTTP error (a 404,
    a 405) with the description it was raised with, meant for the client. Also when a helper is handed the error
    to finish it (`return add_cors_headers(request, error)`), and when the test names an exception that is a
    response (`isinstance(context, httpexceptions.Response)`)."""
    returned = getattr(node, "value", None)
    if isinstance(returned, ast.Call):
        handed = {a.id for a in returned.args if isinstance(a, ast.Name)}
    elif isinstance(returned, ast.Name):
        handed = {returned.id}
    else:
        return False
    parents = parents_of(function.node)
    child, parent = node, parents.get(id(node))
    while parent is not None and not isinstance(parent, ast.If):
        child, parent = parent, parents.get(id(parent))
    test = parent.test if isinstance(parent, ast.If) and child in parent.body else None
    return (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "isinstance"
        and len(test.args) == 2
        and isinstance(test.args[0], ast.Name)
        and test.args[0].id in handed
        # (werkzeug's `RoutingException`: a redirect the router raises, such as a missing trailing slash)
        and any(n.endswith(("HTTPException", "Response", "RoutingException")) for n in _names_in([test.args[1]]))
    )


# -- helpers that write what they are given to a log -----------------------------------------------


@dataclass(frozen=True)
class LoggedParameter:
    """A parameter a function of the module writes, as it is, to a log (`def audit(event, detail):
    log.info("%s: %s", event, detail)`), and the log call that writes it."""

    index: int  # its position among the function's parameters (`self` counted)
    name: str
    writer: str  # the log call, as written: `log.info`


#: The module's log helpers, by the id of their function: (the function, the parameters it writes).
LogHelpers = dict[int, tuple["Function", tuple[LoggedParameter, ...]]]


def _log_helper(
    module: Module, function: Function, call: Call, helpers: LogHelpers
) -> tuple[Function, tuple[LoggedParameter, ...]] | None:
    """The log helper a call runs: a function of the module by name, or a method of the caller's class
    through `self`."""
    if not helpers:
        return None
    target = module.local_function(call.callee)
    func = call.node.func
    if (
        target is None
        and function.class_name
        and isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "self"
    ):
        target = module.functions.get(f"{function.class_name}.{func.attr}")
    return helpers.get(id(target)) if target is not None else None


def _log_helpers(module: Module, loggers: set[str]) -> LogHelpers:
    """The module's functions that write one of their parameters to a log with `logging`, a logger or
    loguru (not `print`, not below debug). A parameter whose own name says secret is reported in the helper;
    the others are judged by what each caller passes."""
    found: LogHelpers = {}
    for function in module.all_functions():
        if function.is_module or not function.params:
            continue
        calls = [c for c in function.calls if _is_log_call(module, c, loggers) and c.callee not in _PRINTS]
        if not calls:
            continue
        logged: dict[int, LoggedParameter] = {}
        # `prev_token: int`: a parameter the helper declares a number or compares by order is a position,
        # whatever a caller's name for the value says.
        positions = {name for name, _first, _last in _no_credentials(module, function)}
        for event in flow_of(module, function).calls:
            if event.call is None or not any(event.call is c for c in calls) or _at_trace_level(event.node):
                continue
            for argument, value in arguments(event, skip=("exc_info",)):
                if any(label in value for label in (L.SECRET, L.PASSWORD, L.PERSONAL)):
                    continue
                for label in value:
                    if label.startswith(L.PARAM_PREFIX) and (index := int(label[len(L.PARAM_PREFIX) :])) < len(
                        function.params
                    ):
                        name = function.params[index]
                        if (
                            name not in ("self", "cls")
                            and name not in positions
                            and any(n.id == name for n in _written_whole(argument))
                        ):
                            logged.setdefault(index, LoggedParameter(index, name, _callee_text(event.node)))
        if logged:
            found[id(function)] = (function, tuple(logged.values()))
    return found


#: A log helper (see `_log_helpers`) for callers in other modules: a module-level function's project-wide
#: name and the names of the parameters it writes.
LOG_HELPER = "log.helper"
#: A LOG001 finding on a password passed to a function of another project module: kept where that function
#: is a log helper that writes the parameter.
PASSED_TO_OTHER_MODULE = "log.passed-to-other-module"
#: Fragments of the names a function must use to pass a password on (a cheap gate before its data flow).
_PASSWORD_WORDS = ("passw", "pwd", "passphrase")


@dataclass(frozen=True)
class LogHelperFact:
    function: str
    logged: tuple[str, ...]  # the parameters it writes
    params: tuple[str, ...]  # all its parameters, in order


@dataclass(frozen=True)
class PassedArgument:
    callee: str
    parameter: int | str  # the position, or the keyword, it is passed as
    finding: Finding


def _other_module_function(module: Module, call: Call) -> str | None:
    """The project-wide name of what the call runs in another project module (`notify(...)` imported,
    `util.notify(...)`): only a module-level log helper's name can match it (see `LOG_HELPER`)."""
    callee = call.callee or ""
    if callee.split(".", 1)[0] not in module.project_roots or module.local_function(callee) is not None:
        return None
    return callee


def _hand_on_passwords_passed(ctx: FileContext, function: Function, event: CallEvent) -> None:
    """`run_command(["git", "clone", url_with_password])` where `run_command` is another module's: the
    project stage reports it if that function writes the parameter to a log (see `LOG_HELPER`)."""
    callee = _other_module_function(ctx.module, event.call) if event.call is not None else None
    if callee is None:
        return
    node = event.node
    # Positions count up to the first `*args`, after which no argument's parameter is known.
    positional = list(
        itertools.takewhile(lambda pair: not isinstance(pair[0], ast.Starred), zip(node.args, event.args))
    )
    passed: list[tuple[int | str, ast.AST, L.Value]] = [
        *((i, a, v) for i, (a, v) in enumerate(positional)),
        *((k.arg, k.value, event.keywords[k.arg]) for k in node.keywords if k.arg in event.keywords),
    ]
    short = callee.rsplit(".", 1)[-1]
    for parameter, argument, value in passed:
        if L.PASSWORD not in value:
            continue
        before = len(ctx.findings)
        ctx.report_flow(
            node,
            {L.PASSWORD: value[L.PASSWORD]},
            _LOGGED[:1],
            scope=function,
            sink_note=f"passed to `{short}()`, which writes it to a log",
            at=argument,
        )
        for finding in ctx.findings[before:]:
            ctx.fact(PASSED_TO_OTHER_MODULE, PassedArgument(callee, parameter, finding))
        del ctx.findings[before:]


@check(LOG001, stage="project")
def passwords_passed_to_log_helpers(ctx: ProjectContext) -> None:
    """Keep the findings on passwords passed to another module's function that writes that parameter to a
    log, one per call."""
    passed = ctx.facts_of(PASSED_TO_OTHER_MODULE, PassedArgument)
    if not passed:
        return
    helpers = {h.function: h for _, h in ctx.facts_of(LOG_HELPER, LogHelperFact)}
    seen: set[tuple[str, int]] = set()
    for _, entry in passed:
        helper = helpers.get(entry.callee)
        if helper is None:
            continue
        position = entry.parameter
        name = (
            position
            if isinstance(position, str)
            else helper.params[position]
            if position < len(helper.params)
            else None
        )
        where = (entry.finding.location.path, entry.finding.location.line)
        if name in helper.logged and where not in seen:
            seen.add(where)
            ctx.findings.append(entry.finding)


def _passed_to_log_helper(
    ctx: FileContext, function: Function, event: CallEvent, helper: Function, logged: tuple[LoggedParameter, ...]
) -> None:
    """`notify(f"reset link {link}")` where `notify(message)` writes `message` to a log: what the caller
    passes there is logged, and judged as if written in the caller's own log call. The helper may write it
    only on some paths: a password is evidence enough, a value named as a token or key is for audit mode
    (as after an argument another module decides, names alone are weak evidence beside an unknown)."""
    offset = 1 if helper.class_name and helper.params[:1] in (["self"], ["cls"]) else 0
    if offset and not isinstance(event.node.func, ast.Attribute):
        return  # `Class(...)` or a plain name: not this method's call
    for parameter in logged:
        value = event.value_of(parameter.index - offset, parameter.name)
        if not any(label in value for label in (L.SECRET, L.PASSWORD, L.PERSONAL)):
            continue
        value, audit = _judge_secret(event.node, value, (), function)
        audit = audit or L.PASSWORD not in value
        where = f"passed to `{helper.name}()`, which writes it with `{parameter.writer}()`"
        if _report_once(ctx, event.node, value, _LOGGED[:3], function, where, audit):
            return


# -- objects of another module's models, written whole --------------------------------------------

#: A pydantic model of the module whose text shows a plain password field.
PASSWORD_MODEL = "log.password-model"
#: A LOG001 finding on a parameter typed with another module's class, logged whole: kept where that class
#: is a pydantic model that shows a password field.
LOGGED_MODEL = "log.logged-model"


@dataclass(frozen=True)
class PasswordModel:
    model: str  # the class's project-wide name
    field: str


@dataclass(frozen=True)
class LoggedModel:
    model: str
    finding: Finding


@check(LOG001)
def password_models(ctx: FileContext) -> None:
    """Tell the project stage which pydantic models of this module show a password in their text."""
    module = ctx.module
    if "BaseModel" not in module.source and "BaseSettings" not in module.source:
        return
    for cls in module.classes.values():
        if cls.qualname != cls.name or not module.module_name:
            continue
        field = password_field_shown(module, cls.name)
        if field is not None:
            ctx.fact(PASSWORD_MODEL, PasswordModel(f"{module.module_name}.{cls.name}", field))


def _typed_parameters(function: Function) -> dict[str, ast.expr]:
    """The annotations of the function's parameters that it never binds again (`user = store.get(user.id)`
    makes `user` another object than the one the caller passed)."""
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {}
    rebound = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return {
        a.arg: a.annotation
        for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
        if a.annotation is not None and a.arg not in rebound
    }


def _hand_on_logged_models(
    ctx: FileContext, function: Function, call: ast.Call, where: str, typed: dict[str, ast.expr]
) -> None:
    """`logger.info(f"Creating {user}")` where `user: schemas.UserCreate` is a class of another project module:
    what its text shows is decided where the class is (see `password_models`)."""
    module = ctx.module
    for argument in [*call.args, *(k.value for k in call.keywords if k.arg != "exc_info")]:
        for name in _written_whole(argument):
            annotation = typed.get(name.id)
            if not isinstance(annotation, (ast.Name, ast.Attribute)):
                continue
            model = module.qualified_name(annotation, function) or ""
            root = model.split(".", 1)[0]
            if root not in module.project_roots or model.rsplit(".", 1)[0] == module.module_name:
                continue
            step = FlowStep(ctx.location(name), f"`{name.id}` (a `{model.rsplit('.', 1)[-1]}`)")
            before = len(ctx.findings)
            ctx.report_flow(call, {L.PASSWORD: (step,)}, _LOGGED[:1], scope=function, sink_note=where, at=argument)
            for finding in ctx.findings[before:]:
                ctx.fact(LOGGED_MODEL, LoggedModel(model, finding))
            del ctx.findings[before:]
            return


#: Calls that write their argument whole: `str(x)`, `repr(x)`, `" ".join(parts)`, `"{}".format(x)`.
_WHOLE_RENDERINGS = frozenset({"str", "repr", "join", "format"})


def _written_whole(argument: ast.AST | None) -> list[ast.Name]:
    """The names an argument writes as they are: `user`, `f"... {user}"`, `"%s" % user`, `"%s %s" % (a, b)`,
    `"user " + user`, `str(user)`, `" ".join(cmd)`; not something made from them (`token[:8]`, a digest,
    a field decoded from them)."""
    if isinstance(argument, ast.Name):
        return [argument]
    if isinstance(argument, ast.JoinedStr):
        return [v.value for v in argument.values if isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name)]
    if isinstance(argument, ast.BinOp) and isinstance(argument.op, ast.Mod):
        right = argument.right
        return [e for e in (right.elts if isinstance(right, ast.Tuple) else [right]) if isinstance(e, ast.Name)]
    if isinstance(argument, ast.BinOp) and isinstance(argument.op, ast.Add):
        return _written_whole(argument.left) + _written_whole(argument.right)
    if isinstance(argument, ast.Attribute) and argument.attr == "__dict__" and isinstance(argument.value, ast.Name):
        return [argument.value]
    if isinstance(argument, ast.Call):
        func = argument.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if called in _WHOLE_RENDERINGS or called == "vars":
            return [n for a in argument.args for n in _written_whole(a)]
        if (
            called in _WHOLE_DUMPS
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and not argument.args
            and not any(k.arg in ("include", "exclude") for k in argument.keywords)
        ):
            return [func.value]  # `credentials.model_dump()`: every field, as it is
    return []


#: A model's methods that give every field's value: `credentials.model_dump()`, `form.dict()`.
_WHOLE_DUMPS = frozenset({"model_dump", "model_dump_json", "dict", "json"})


@check(LOG001, stage="project")
def logged_models(ctx: ProjectContext) -> None:
    """Keep the findings on objects logged whole whose class shows a password field in its text."""
    logged = ctx.facts_of(LOGGED_MODEL, LoggedModel)
    if not logged:
        return
    shown = {m.model: m.field for _, m in ctx.facts_of(PASSWORD_MODEL, PasswordModel)}
    for _, entry in logged:
        field = shown.get(entry.model)
        if field is not None:
            ctx.findings.append(
                replace(entry.finding, message=entry.finding.message + f"; its text shows its `{field}` field")
            )


# -- routes only administrators reach, by the route lists an auth gate consults --------------------

#: LOG003 findings of a function, which the project stage judges by the routes that function serves.
LEAK_IN_FUNCTION = "log.leak-in-function"
#: Where a LOG003 finding that the project stage decides (a flow through another module) may land, and the
#: function it is in.
LEAK_SPAN = "log.leak-span"
#: A list of route paths named for who may call them (`internal_user_routes = ["/key/info", ...]`).
ROUTE_LIST = "log.route-list"
#: A function that lets callers through by the route lists it consults, refusing the rest.
ROUTE_GATE = "log.route-gate"


@dataclass(frozen=True)
class LeakInFunction:
    function: str  # the project-wide name of the function the finding is in
    finding: Finding


@dataclass(frozen=True)
class LeakSpan:
    path: str
    line: int
    col: int
    function: str


@dataclass(frozen=True)
class RouteList:
    name: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class RouteGate:
    path: str
    line: int
    function: str
    prefixes: tuple[str, ...]  # path prefixes its module lets through (`route.startswith("/v1/mcp/")`)


#: Who a route list is for, besides administrators.
_ROLE_WORDS = frozenset(
    {"user", "users", "internal", "viewer", "member", "members", "team", "org", "public", "self", "customer",
     "guest", "anonymous", "readonly", "editor", "operator", "service"}
)  # fmt: skip


def _hand_on_leaks(ctx: FileContext, start: int, decided_later: int) -> None:
    """Move the LOG003 findings just made to the project stage, which knows the routes each function serves;
    for those that flows through other modules decide there, say which function they are in."""
    module = ctx.module
    innermost = module.function_at
    kept = []
    for finding in ctx.findings[start:]:
        function = innermost(finding.location.line) if finding.rule_id == LOG003.id and not finding.audit else None
        if function is None:
            kept.append(finding)
        else:
            ctx.fact(LEAK_IN_FUNCTION, LeakInFunction(module.global_name(function), finding))
    ctx.findings[start:] = kept
    for conditional in ctx.conditionals[decided_later:]:
        function = innermost(conditional.location.line)
        if function is not None and any(outcome.rule is LOG003 for outcome in conditional.outcomes):
            where = conditional.location
            ctx.fact(LEAK_SPAN, LeakSpan(where.path, where.line, where.col, module.global_name(function)))


def _route_list_names(node: ast.AST) -> str | None:
    """`internal_user_routes`, `PUBLIC_PATHS`: a name that says it lists routes."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    if name is None:
        return None
    ws = set(names.words(name))
    return name if ws & {"routes", "paths", "endpoints"} else None


def _route_paths(value: ast.expr) -> tuple[str, ...]:
    """The paths of `["/a", "/b"]`, `("/a", ...)`, `frozenset(["/a", ...])`, and of the literal parts of
    `[...] + other_routes` (the other lists are recorded under their own names): two or more, all route
    paths."""
    if isinstance(value, ast.Call) and len(value.args) == 1 and not value.keywords:
        value = value.args[0]  # `frozenset([...])`, `set(...)`, `tuple(...)`
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        parts = _route_paths(value.left) + _route_paths(value.right)
        return parts if len(parts) >= 2 else ()
    if not isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return ()
    paths = [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if len(paths) < 2 or not all(p.startswith("/") for p in paths):
        return ()
    return tuple(paths)


@check(LOG003)
def route_lists(ctx: FileContext) -> None:
    """Route lists and the gates that consult them: `internal_user_routes = [...]`, and a function that
    checks the request's route against lists named for several kinds of caller and calls something named
    for administrators (`_raise_admin_only_route_exception`) for the rest."""
    module = ctx.module
    if not module.mentions(("routes", "paths", "endpoints")):
        return
    bodies = [module.tree.body] + [cls.node.body for cls in module.classes.values()]
    for body in bodies:
        for stmt in body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                name = _route_list_names(stmt.targets[0])
                paths = _route_paths(stmt.value) if name else ()
                if name and paths:
                    ctx.fact(ROUTE_LIST, RouteList(name, paths))
    prefixes: tuple[str, ...] | None = None
    for function in module.all_functions():
        if function.is_module:
            continue
        nodes = list(ast.walk(function.node))
        lists = {n for node in nodes if (n := _route_list_names(node))}
        for_roles = {n for n in lists if set(names.words(n)) & _ROLE_WORDS}
        refuses_others = any(
            isinstance(node, ast.Call) and "admin" in names.words(dotted(node.func) or "") for node in nodes
        )
        if len(lists) >= 2 and for_roles and refuses_others:
            if prefixes is None:
                prefixes = _tested_prefixes(module.tree)
            ctx.fact(ROUTE_GATE, RouteGate(module.path, function.line, function.qualname, prefixes))


def _tested_prefixes(tree: ast.AST) -> tuple[str, ...]:
    """The path prefixes a module tests routes against: `route.startswith("/v1/mcp/")`."""
    found = {
        arg.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith"
        for arg in node.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.startswith("/")
    }
    return tuple(sorted(found))


_PATH_PARAMETER = re.compile(r"\{[^}]*\}")


def _path_key(path: str) -> str:
    return _PATH_PARAMETER.sub("{}", path).rstrip("/") or "/"


@check(LOG003, stage="project")
def leaks_on_gated_routes(ctx: ProjectContext) -> None:
    """A LOG003 finding in a view whose every route an auth gate refuses to all but administrators (its
    path is in none of the route lists the gate lets other callers through by) is theirs: audit mode."""
    leaks = [leak for _, leak in ctx.facts_of(LEAK_IN_FUNCTION, LeakInFunction)]
    spans = {(s.path, s.line, s.col): s.function for _, s in ctx.facts_of(LEAK_SPAN, LeakSpan)}
    gates = [gate for _, gate in ctx.facts_of(ROUTE_GATE, RouteGate)]
    judge = _gate_judge(ctx, gates) if gates and (leaks or spans) else None
    for leak in leaks:
        ctx.findings.append(judge(leak.function, leak.finding) if judge else leak.finding)
    # A source reported where it was first sent is not reported again at every caller that sends it on (as
    # for findings that stay at the file stage).
    sent = {leak.finding.source_key for leak in leaks if leak.finding.flow and not leak.finding.audit}
    if sent:
        ctx.decided[:] = [f for f in ctx.decided if not (f.rule_id == LOG003.id and f.flow and f.source_key in sent)]
    if judge is None:
        return
    for index, finding in enumerate(ctx.decided):
        where = finding.location
        function = spans.get((where.path, where.line, where.col))
        if finding.rule_id == LOG003.id and not finding.audit and function is not None:
            ctx.decided[index] = judge(function, finding)


def _gate_judge(ctx: ProjectContext, gates: list[RouteGate]) -> Callable[[str, Finding], Finding]:
    """A function that moves a finding of the named view to audit mode where the gates refuse every route of
    the view to all but administrators."""
    listed = {_path_key(p) for _, lst in ctx.facts_of(ROUTE_LIST, RouteList) for p in lst.paths}
    prefixes = tuple(p for gate in gates for p in gate.prefixes)
    wildcards = [p for p in listed if "*" in p]
    by_view: dict[str, list[Route]] = {}
    for route in model_of(ctx).routes:
        by_view.setdefault(route.view, []).append(route)

    def unlisted(path: str) -> bool:
        key = _path_key(path)
        return not (key in listed or path.startswith(prefixes) or any(fnmatch.fnmatchcase(key, w) for w in wildcards))

    def judge(function: str, finding: Finding) -> Finding:
        routes = by_view.get(function, [])
        if not routes or not all((route.deps or route.signed_in) and unlisted(route.path) for route in routes):
            return finding
        gate = gates[0]
        return finding.for_audit(
            f"{routes[0].path} is in none of the route lists by which `{gate.function}()` ({gate.path}:{gate.line}) "
            "lets anyone but administrators through"
        )

    return judge


def _one_field_of_loop(function: Function, call: ast.Call) -> bool:
    """`for key, value in request.form.items(): match key: case "user_count": ... log(value)`: inside a
    branch taken for one literal key of the loop, the loop's value is that one field, not the whole form."""
    parents = parents_of(function.node)
    branch_keys: list[str] = []  # names compared with a literal by the branches around the call
    node: ast.AST = call
    while id(node) in parents:
        parent = parents[id(node)]
        if isinstance(parent, ast.match_case) and isinstance(parent.pattern, ast.MatchValue):
            subject = parents.get(id(parent))
            if isinstance(subject, ast.Match) and isinstance(subject.subject, ast.Name):
                branch_keys.append(subject.subject.id)
        elif isinstance(parent, ast.If) and node in parent.body:
            test = parent.test
            if (
                isinstance(test, ast.Compare)
                and len(test.ops) == 1
                and isinstance(test.ops[0], ast.Eq)
                and isinstance(test.left, ast.Name)
                and isinstance(test.comparators[0], ast.Constant)
            ):
                branch_keys.append(test.left.id)
        elif isinstance(parent, (ast.For, ast.AsyncFor)) and node in parent.body:
            target = parent.target
            key = target.elts[0] if isinstance(target, ast.Tuple) and target.elts else target
            # The call itself must not name the whole container (`log(request.form)` in the branch).
            iterated = parent.iter
            if isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Attribute):
                iterated = iterated.func.value  # `request.form.items()`: the form
            container = dotted(iterated)
            named = container is not None and container in ast.unparse(call)
            return isinstance(key, ast.Name) and key.id in branch_keys and not named
        node = parent
    return False


#: Reads of a request's parsed JSON body (`request.json`, `request.get_json()`, `await request.json()`).
_JSON_BODY_READS = frozenset({"json", "get_json", "media", "get_media"})


def _json_body(node: ast.AST) -> bool:
    """`request.json`, `request.get_json()`, `await request.json()`, `req.media`: the request's parsed body
    (also `request.get_json(silent=True) or {}`)."""
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        return _json_body(node.values[0])
    if isinstance(node, ast.Await):
        node = node.value
    if isinstance(node, ast.Call):
        node = node.func
    if not (isinstance(node, ast.Attribute) and node.attr in _JSON_BODY_READS):
        return False
    return (dotted(node.value) or "").rsplit(".", 1)[-1] in R.REQUEST_NAMES


def _with_body_password(function: Function, argument: ast.expr, value: L.Value, call: ast.Call) -> L.Value:
    """The request's JSON body written whole, by a function that reads a password-named field from that same
    body: the value carries the password (`data["password"]` is in what `data` writes)."""
    bodies = {
        target.id
        for node in ast.walk(function.node)
        if isinstance(node, ast.Assign) and _json_body(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    # The body itself, not a field read from it (`data["username"]`, `data.get("name")`).
    read_from = {id(n.value) for n in ast.walk(argument) if isinstance(n, (ast.Subscript, ast.Attribute))}
    written = [
        n
        for n in ast.walk(argument)
        if id(n) not in read_from and (isinstance(n, ast.Name) and n.id in bodies or _json_body(n))
    ]
    if not written:
        return value
    for node in ast.walk(function.node):
        if not isinstance(node, (ast.Subscript, ast.Call)) or node is call:
            continue
        holder = node.value if isinstance(node, ast.Subscript) else getattr(node.func, "value", None)
        key = field_name(node)
        if (
            holder is not None
            and key is not None
            and names.is_password(key)
            and (isinstance(holder, ast.Name) and holder.id in bodies or _json_body(holder))
        ):
            trace = value[L.REQUEST]
            return {**value, L.PASSWORD: trace}
    return value


def _credential_submitted(function: Function) -> str | None:
    """The password field the client submits to this function, if it reads one: a field read under a
    password's name (`request.form["password"]`, `request.POST.get("pwd")`). A view's name alone (`login`)
    does not show what its form holds."""
    for node in ast.walk(function.node):
        key = field_name(node) if isinstance(node, (ast.Subscript, ast.Call)) else None
        if key is not None and _IDENT.fullmatch(key) and names.is_password(key):
            return key
    return None


def _handed_out(function: Function) -> bool:
    """A function defined inside another, undecorated, that the outer one returns (`def stats(): ...;
    return stats`): a view a factory hands out, served only where a caller registers it, which this
    file does not show."""
    outer = function.parent
    if outer is None or outer.is_module or function.decorators or function.class_name:
        return False
    return any(
        isinstance(node, ast.Return) and isinstance(node.value, ast.Name) and node.value.id == function.name
        for node in ast.walk(outer.node)
    )


def _answers_client(module: Module, function: Function) -> str:
    """ "view" or "Lambda handler" when what the function returns is sent to the client, else ""."""
    if function.is_module:
        return ""
    if (
        R.route_framework(module, function) is not None
        or _is_django_view(module, function)
        or R.resource_method(module, function)
    ):
        return "view"
    if falcon.responder(module, function):
        return "responder"  # what it sets on the response (`resp.media = ...`) is the answer
    if any(d.rsplit(".", 1)[-1] in _ERROR_HANDLER_DECORATORS for d in function.decorators):
        return "error handler"  # `@app.errorhandler(SQLAlchemyError)`: what it returns is the answer
    if R.api_error_handler(module, function):
        return "error handler"  # Flask-RESTful's `Api.handle_error` of the project's own `Api` class
    if isinstance(function.node, (ast.FunctionDef, ast.AsyncFunctionDef)) and context_exception_view(function.node):
        return "error handler"  # Pyramid's `@view_config(context=Exception)`
    if function.qualname in module.server_error_handlers or function.qualname in module.registered_error_handlers:
        return "error handler"  # Bottle's `app.error_handler[500] = server_error`, `app.add_error_handler(E, f)`
    return "Lambda handler" if R.lambda_http_handler(function) else ""


#: Decorators that make a function the answer to an exception a view raised (Flask, Quart, FastAPI).
_ERROR_HANDLER_DECORATORS = frozenset(
    {"errorhandler", "app_errorhandler", "exception_handler", "exception_view_config"}
)


def _server_callback(module: Module, function: Function) -> bool:
    """A view exempt from CSRF that acts as no user (reads no session, cookie or `request.user`): a webhook
    another server calls. Its headers and body are that server's (an event, a channel id), not a user's
    cookies and credentials, so logging them whole is for a reader to judge, in audit mode."""
    view = describe_view(module, function)
    return bool(view.csrf_exempt) and not view.identity and not view.session


_PRINTS = frozenset({"print", "pprint.pprint"})
_CLIENT_LABELS = (L.REQUEST, L.REQUEST_WHOLE, L.REQUEST_OBJECT, L.HTML_ESCAPED)


def _is_migration(path: str) -> bool:
    """A schema or data migration (Django `migrations/`, Alembic `versions/`), run once by the operator."""
    parts = path.replace("\\", "/").split("/")[:-1]
    return "migrations" in parts or "alembic" in parts and "versions" in parts


#: Words of a view whose answer is a diagnosis: a test, a validation, a dry run, a health check.
_TRIAL_WORDS = frozenset({"test", "validate", "validation", "verify", "dry", "health"})
# Words in a decorator, mixin or permission class that restrict a view to staff or administrators.
_STAFF_WORDS = frozenset({"admin", "administrator", "staff", "superuser", "permission", "permissions"})
_STAFF_CHECKS = frozenset({"user_passes_test", "permission_required", "staff_member_required", "superuser_required"})


def _says_staff_only(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last in _STAFF_CHECKS or bool(_STAFF_WORDS & set(names.words(last)))


def _behind_staff_check(module: Module, function: Function) -> bool:
    """The view is reached only past a staff or permission check: its decorators, its class's mixins
    and class decorators (`method_decorator(staff_member_required)`), or DRF `permission_classes`. So is
    a private helper of the module (`_save_db_settings()`) every caller of which is such a view."""
    if _checks_staff(module, function):
        return True
    if function.decorators or function.class_name or not function.name.startswith("_"):
        return False
    callers = [
        caller
        for caller in module.all_functions()
        if caller is not function and any(module.local_function(c.callee) is function for c in caller.calls)
    ]
    return bool(callers) and all(_checks_staff(module, caller) for caller in callers)


def _checks_staff(module: Module, function: Function) -> bool:
    scope: Function | None = function
    while scope is not None and not scope.is_module:
        if any(_says_staff_only(d) for d in scope.decorators):
            return True
        scope = scope.parent
    if _staff_dependency(function.node):
        return True
    if not function.class_name:
        return False
    cls = next((c for c in module.classes.values() if c.name == function.class_name), None)
    if cls is None:
        return False
    if any(_says_staff_only(b) for b in cls.bases):
        return True
    decorated = _names_in(cls.node.decorator_list)
    if any(_says_staff_only(n) for n in decorated if n != "method_decorator"):
        return True
    # Every DRF permission class is a "permission": only one for staff restricts who sees the text.
    permissions = cls.attributes.get("permission_classes")
    return permissions is not None and any(ADMIN_WORDS & set(names.words(n)) for n in _names_in([permissions]))


_DEPENDS = frozenset({"Depends", "Security"})


def _staff_dependency(node: ast.AST) -> bool:
    """FastAPI: `user=Depends(get_admin_user)`, `Annotated[User, Depends(get_admin_user)]`, a parameter typed
    with the project's alias for one (`admin: Superuser`), or `@router.post(...,
    dependencies=[Depends(require_admin)])`."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    annotations = [a.annotation for a in (*node.args.args, *node.args.kwonlyargs) if a.annotation is not None]
    if any(
        isinstance(a, (ast.Name, ast.Attribute)) and ADMIN_WORDS & set(names.words(R.last_name(a) or ""))
        for a in annotations
    ):
        return True  # `admin: Superuser`, the project's `Annotated[User, Depends(get_current_superuser)]` alias
    candidates: list[ast.AST | None] = [*node.args.defaults, *node.args.kw_defaults]
    candidates += annotations
    candidates += [
        k.value for d in node.decorator_list if isinstance(d, ast.Call) for k in d.keywords if k.arg == "dependencies"
    ]
    for candidate in candidates:
        for call in ast.walk(candidate) if candidate is not None else ():
            if (
                isinstance(call, ast.Call)
                and R.last_name(call.func) in _DEPENDS
                and call.args
                and _says_staff_only(R.last_name(call.args[0]) or "")
            ):
                return True
    return False


def _names_in(nodes: Iterable[ast.AST]) -> list[str]:
    return [
        n.id if isinstance(n, ast.Name) else n.attr
        for node in nodes
        for n in ast.walk(node)
        if isinstance(n, (ast.Name, ast.Attribute))
    ]


def _at_trace_level(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr == "trace"


def _report_once(
    ctx: FileContext,
    node: ast.AST,
    value: L.Value,
    outcomes: Sequence[Outcome],
    function: Function,
    where: str,
    audit: bool,
    argument: ast.AST | None = None,
    handed_on: int | None = None,
) -> bool:
    """Report one call's finding, or hand it to the project stage, and say whether either happened: the
    call's other arguments must not add a second copy of the same finding. With `handed_on` (what the call
    had handed on before this argument) only a finding reported counts: one handed on may come to nothing
    (`log.info("%s %s", member.name, password)`, where the other module's `name` is no secret), so the
    caller may look at the next argument; when that is reported, what the call handed on goes. What is
    handed on is marked with the call, which the project stage reports once."""
    if audit:
        # Audit findings are decided here: what another module returns cannot give them evidence.
        value = {k: v for k, v in value.items() if not L.deferred(k)}
    findings, conditionals = len(ctx.findings), len(ctx.conditionals)
    ctx.report_flow(node, value, outcomes, scope=function, sink_note=where, once_per_source=False, at=argument)
    if audit:
        ctx.findings[findings:] = [replace(f, audit=True) for f in ctx.findings[findings:]]
    reported = len(ctx.findings) > findings
    if handed_on is None:
        return reported or len(ctx.conditionals) > conditionals
    if reported:
        del ctx.conditionals[handed_on:]
    else:
        call = f"{getattr(node, 'lineno', 0)}:{getattr(node, 'col_offset', 0)}"
        ctx.conditionals[conditionals:] = [replace(c, call=call) for c in ctx.conditionals[conditionals:]]
    return reported


# Words that make `tokens` a quantity: LLM prompt sizes, token-bucket levels.
_COUNT_WORDS = {
    "estimated",
    "estimate",
    "initial",
    "final",
    "total",
    "max",
    "min",
    "num",
    "prompt",
    "completion",
    "input",
    "output",
    "remaining",
    "used",
    "count",
    "counts",
    "limit",
    "budget",
    "truncated",
    "pruned",
    "available",
    "current",
    "new",
    "old",
    "per",
    "spent",
    "consumed",
    "bucket",
}
_NAMED_SOURCE = re.compile(r"`([^`]*)`")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMERIC_SPEC = re.compile(r"[-+ #0-9,_.]*[bcdeEfFgGnoxX%]$")
_NUMERIC_CONVERSION = re.compile(r"%[-+ #0-9.*]*([a-zA-Z%])")


def _judge_secret(
    call: ast.Call,
    value: L.Value,
    lacking: Iterable[tuple[str, int, int]] = (),
    function: Function | None = None,
    replaced: Iterable[tuple[int, int]] = (),
) -> tuple[L.Value, bool]:
    """What a secret-named value written to a log really is.

    A name says `token` or `session` about quantities and ids as well as credentials, so the value
    is judged: a number (formatted with `%d` or `{:.1f}`, or named as a count of LLM tokens) is not a
    credential, and a `session_id` by name alone may be a chat or trace session: audit mode. Inside a
    branch that runs because the value has no credential (`if not token.get("access_token"):`), it is
    the error that came instead."""
    held = _held(value)
    trace = held.get(L.SECRET)
    if trace is None or L.PASSWORD in held or L.PERSONAL in held:
        return value, False
    name = _source_name(trace)
    if name is None:
        return value, False
    ws = names.words(name)
    if any(
        (name == lacks or not lacks and _names_either(ws)) and start <= call.lineno <= end
        for lacks, start, end in lacking
    ):
        return _without_secret(value), False
    if ws and ws[-1] in {"tokens", "token"} and (len(ws) == 1 and ws[0] == "tokens" or set(ws[:-1]) & _COUNT_WORDS):
        return _without_secret(value), False
    if _only_numbers(call, name):
        return _without_secret(value), False
    if L.EXCEPTION in held and L.REQUEST not in held:
        # `{"token": e.args[0]}`: what a caught exception says (a missing key, a message) under a name.
        return _without_secret(value), False
    if ws and ws[-1] in {"nonce", "nonces", "salt", "salts"}:
        # A nonce is sent in the clear with the message it protects, a salt kept beside the hash it salts.
        return _without_secret(value), False
    # A session id read from the request's cookies or headers, or Django's `request.session.session_key`,
    # is the login session; one only named so may not be (a chat or trace session, a Socket.IO connection
    # id, an OpenID `sid` claim, a login manager's fingerprint of the client), and neither is one the
    # client names in its query, form or body (`?session_id=` picks a conversation: the login rides in a
    # cookie).
    session_id = (
        ws[-2:] in (("session", "id"), ("session", "key"), ("sess", "id"), ("sess", "key"))
        or bool(ws)
        and ws[-1] in {"sid", "sessionid"}
    )
    django_session = trace[0].note.rstrip("`").endswith("session.session_key")
    if (
        django_session
        and len(trace) > 1
        and any(trace[0].location.line == line and change < call.lineno for line, change in replaced)
    ):
        return _without_secret(value), False  # kept before signing in, which gave the session a new key
    carried = L.REQUEST in value and _carried_by_cookie_or_header(trace, function)
    # `logger.warning("Invalid token received: %s", token)`: the sentence says the token was refused (or is
    # spent), so it opens nothing; whether the line is reached with a live one is for a reader.
    return value, session_id and not carried and not django_session or _says_refused(call)


#: Words of a log sentence saying the token it shows was refused or can no longer be used.
_REFUSED_WORDS = frozenset({"invalid", "unknown", "revoked", "rejected", "malformed", "spent", "forged"})
_REFUSED_PHRASES = re.compile(r"\b(?:already|previously) used\b|\bnot (?:found|valid|recognized)\b", re.IGNORECASE)


def _says_refused(call: ast.Call) -> bool:
    """The log call's own sentence (its first argument's literal text) says the value was refused."""
    first = call.args[0] if call.args else None
    if isinstance(first, ast.BinOp):
        first = first.left  # `"Invalid token: %s" % token`
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        text = first.value
    elif isinstance(first, ast.JoinedStr):
        text = " ".join(v.value for v in first.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    else:
        return False
    return bool(_REFUSED_WORDS & {w.lower() for w in _IDENT.findall(text)}) or bool(_REFUSED_PHRASES.search(text))


#: FastAPI's markers for a parameter read from a cookie or a header.
_COOKIE_OR_HEADER = frozenset({"Cookie", "Header", "APIKeyCookie", "APIKeyHeader"})


def _carried_by_cookie_or_header(trace: L.Trace, function: Function | None) -> bool:
    """The request value came from a cookie or a header: `request.cookies["sid"]`, `request.headers[...]`,
    or a FastAPI parameter declared with `Cookie()` / `Header()`."""
    first = trace[0].note.lower() if trace else ""
    if "cookie" in first or "header" in first or "meta[" in first:
        return True
    if function is None or not first.startswith("parameter "):
        return False
    name = _source_name(trace)
    args = function.node.args if isinstance(function.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
    if args is None or name is None:
        return False
    params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    defaults = dict(zip([a.arg for a in args.kwonlyargs], args.kw_defaults))
    defaults.update(zip([a.arg for a in params[len(params) - len(args.defaults) :]], args.defaults))
    for arg in params:
        if arg.arg == name:
            parts = [arg.annotation, defaults.get(name)]
            return any(
                isinstance(node, ast.Call) and R.last_name(node.func) in _COOKIE_OR_HEADER
                for part in parts
                if part is not None
                for node in ast.walk(part)
            )
    return False


def _names_secret_only(value: L.Value) -> bool:
    """The value is a secret only because of its name (`token`, `self.api_key`)."""
    trace = value.get(L.SECRET)
    return trace is not None and _source_name(trace) is not None and L.PASSWORD not in value


#: Methods of the text, bytes, mappings and lists a secret may be: calling them says nothing of an object.
_DATA_METHODS = frozenset(
    {
        *dir(str),
        *dir(bytes),
        *dir(dict),
        *dir(list),
    }
)


_ORM_SESSION_METHODS = frozenset({"add", "delete", "merge", "refresh", "expunge"})


def _used_as_objects(function: Function) -> set[str]:
    """The names and `self.` attributes the function reads attributes of or calls methods on, as code
    does with objects (`token.revoke()`, `token.user.name`), when none of those attributes is a secret
    itself (`token.access_token` may be shown by the object's text) or a method of text, bytes, a dict
    or a list."""
    called = {id(n.func) for n in ast.walk(function.node) if isinstance(n, ast.Call)}
    seen: dict[str, bool] = {}
    for node in ast.walk(function.node):
        # `db.session.delete(token)`: what an ORM session adds or deletes is a mapped object.
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _ORM_SESSION_METHODS
            and _names_orm_session(dotted(node.func.value) or "")
        ):
            for arg in node.args:
                holder = dotted(arg)
                if holder is not None:
                    seen.setdefault(holder, True)
    for node in ast.walk(function.node):
        if not isinstance(node, ast.Attribute) or not isinstance(node.ctx, ast.Load):
            continue
        holder = dotted(node.value)
        if holder is None:
            continue
        plain = node.attr not in _DATA_METHODS and not node.attr.startswith("__")
        revealing = id(node) not in called and names.classify(node.attr) is not None
        seen[holder] = seen.get(holder, True) and plain and not revealing
    return {holder for holder, objectlike in seen.items() if objectlike}


def _names_orm_session(text: str) -> bool:
    """`db.session`, `self.db`, `session`: what an ORM session is commonly called."""
    return "session" in text.lower() or text.rsplit(".", 1)[-1] == "db"


def _held(value: L.Value) -> L.Value:
    """The value's labels, with those its name gives an object another module returns (`text-of:f:secret`,
    decided at the project stage) counted as held."""
    held = dict(value)
    for label, trace in value.items():
        if label.startswith(L.TEXT_OF_PREFIX):
            held.setdefault(L.parse_text_of(label)[1], trace)
    return held


def _without_secret(value: L.Value) -> L.Value:
    """The value without the secret its name promised, whether decided here or at the project stage."""
    return {
        label: trace
        for label, trace in value.items()
        if label != L.SECRET and not (label.startswith(L.TEXT_OF_PREFIX) and L.parse_text_of(label)[1] == L.SECRET)
    }


#: Answers whose body is JSON made by the framework's encoder, which raises on an exception object.
_JSON_ANSWERS = frozenset({"JsonResponse", "jsonify", "JSONResponse", "ORJSONResponse", "UJSONResponse"})


def _exception_object_only(argument: ast.expr, value: L.Value) -> bool:
    """The caught exception is in the JSON only as the object itself (`{"error": exc}`), never as its text:
    Django's, Flask's and Starlette's JSON encoders raise TypeError on it, so the client gets a plain error."""
    trace = value.get(L.EXCEPTION)
    name = _source_name(trace) if trace else None
    if name is None or L.TRACEBACK in value:
        return False
    parents = parents_of(argument)
    uses = [n for n in ast.walk(argument) if isinstance(n, ast.Name) and n.id == name]

    def raw(node: ast.Name) -> bool:
        parent = parents.get(id(node))
        return isinstance(parent, (ast.List, ast.Tuple)) or isinstance(parent, ast.Dict) and node in parent.values

    return bool(uses) and all(raw(n) for n in uses)


def _source_name(trace: L.Trace) -> str | None:
    """`session_id` for a path that starts at "named `session_id`" or "`task.session.session_id`"."""
    if not trace:
        return None
    quoted = _NAMED_SOURCE.findall(trace[0].note)
    idents = _IDENT.findall(quoted[-1]) if quoted else []
    return idents[-1] if idents else None


def _only_numbers(call: ast.Call, name: str) -> bool:
    """Every place `name` is written in the call formats it as a number (`%d`, `{n:.1f}`)."""
    places = 0
    conversions: list[str] = []
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        conversions = [c for c in _NUMERIC_CONVERSION.findall(call.args[0].value) if c != "%"]
    for index, arg in enumerate(call.args):
        for node in ast.walk(arg):
            if isinstance(node, ast.FormattedValue) and _mentions(node.value, name):
                places += 1
                spec = node.format_spec
                text = (
                    "".join(str(v.value) for v in spec.values if isinstance(v, ast.Constant))
                    if isinstance(spec, ast.JoinedStr)
                    else ""
                )
                if not _NUMERIC_SPEC.fullmatch(text) or text.endswith("c"):
                    return False
        if index and _mentions(arg, name) and not isinstance(arg, ast.JoinedStr):
            places += 1
            if index - 1 >= len(conversions) or conversions[index - 1] not in "dieEfFgGxXo":
                return False
    return places > 0


def _formats_name(node: ast.AST, name: str) -> bool:
    """`f"... {token}"`, `"... %s" % token`: the name itself is put in the text, not one of its attributes."""
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name) and v.value.id == name
            for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        right = node.right
        parts = right.elts if isinstance(right, ast.Tuple) else [right]
        return any(isinstance(p, ast.Name) and p.id == name for p in parts)
    return False


def _mentions(node: ast.AST, name: str) -> bool:
    return any(
        isinstance(n, ast.Name)
        and n.id == name
        or isinstance(n, ast.Attribute)
        and n.attr == name
        or isinstance(n, ast.Constant)
        and n.value == name
        for n in ast.walk(node)
    )


def _made_for_admins(module: Module, function: Function, value: L.Value) -> bool:
    """`if user.is_superuser: detail = traceback.format_exc()`: the exception's text is taken only in a branch
    that administrators alone enter, so only they are shown it."""
    starts = [value[label][0].location.line for label in (L.TRACEBACK, L.EXCEPTION) if value.get(label)]
    if not starts:
        return False
    first, last = getattr(function.node, "lineno", 1), getattr(function.node, "end_lineno", None) or sys.maxsize
    branches = [
        (node.body[0].lineno, node.body[-1].end_lineno or node.body[-1].lineno)
        for node in module.if_statements
        if first <= node.lineno <= last and admits_admin(node.test)
    ]
    return all(any(first <= line <= last for first, last in branches) for line in starts)


def _discarded(function: Function, call: ast.Call) -> bool:
    """`ret = Response(...)` and `ret` never read again: the response is built, not sent."""
    target = next(
        (
            n.targets[0].id
            for n in ast.walk(function.node)
            if isinstance(n, ast.Assign)
            and n.value is call
            and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name)
        ),
        None,
    )
    return target is not None and not any(
        isinstance(n, ast.Name) and n.id == target and isinstance(n.ctx, ast.Load) for n in ast.walk(function.node)
    )


def _credential_missing_branches(function: Function) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of each block that runs only when the mapping `name` holds no
    credential: `if not token.get("access_token"):`, `if "access_token" not in token:`,
    `if token.get("access_token") is None:`, alone or as a part of an `and`. A token endpoint that
    answers without an access token answers with an error (`error`, `error_description`).

    A name that says the value is one thing or another (`PathOrToken`, `id_or_token`) holds the
    credential only sometimes: in a block that runs for a kind whose name is not a credential's
    (`elif ShareType == "map":`) it holds the other thing. Such blocks come with the name "".
    """
    spans = []
    for node in ast.walk(function.node):
        if not isinstance(node, ast.If) or not node.body:
            continue
        tests = (
            node.test.values if isinstance(node.test, ast.BoolOp) and isinstance(node.test.op, ast.And) else [node.test]
        )
        for test in tests:
            name = _lacks_credential(test)
            if name or _picks_other_kind(test):
                spans.append((name or "", node.body[0].lineno, node.body[-1].end_lineno or node.body[-1].lineno))
    return spans


_FILE_OPENERS = frozenset({"open", "Path", "exists", "isfile", "getsize", "read_text", "read_bytes", "load_pem"})


def _opened_as_files(function: Function) -> list[tuple[str, int, int]]:
    """(name, first line, last line of the function) for each value the function opens as a file
    (`open(settings.DB_ENCRYPTION_KEY, "rb")`, `Path(key_file)`, `os.path.exists(ssl_key)`): a secret's
    name on a path, which says where the key is, not what it is."""
    node = function.node
    first = getattr(node, "lineno", 1)  # the module's own body has no position: all of it
    last = getattr(node, "end_lineno", None) or sys.maxsize
    spans = []
    for call in function.calls:
        held = dotted(call.node.args[0]) if call.method in _FILE_OPENERS and call.node.args else None
        if held:
            spans.append((held.rsplit(".", 1)[-1], first, last))
    return spans


_ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_NUMBER_TYPES = frozenset({"int", "float"})


def _no_credentials(module: Module, function: Function) -> list[tuple[str, int, int]]:
    """(name, first line, last line) for each name the function compares by order (`if cmd.token <=
    current_token:`), declares a number (`token: int`) or makes of numbers only (`token = "t%d-%d" % (a,
    b)`, until it is bound again): a position in a stream or a count. A credential is equal or not; it is
    never earlier or later than another. So is a name read from a table of literals the module writes
    (`mode, pin = CLK_MODES[name]`, until bound again): what it holds is in the code for anyone to read; and
    one read from a key the function increments as a counter (`redis.get(key)` beside `redis.incr(key)`)."""
    node = function.node
    first = getattr(node, "lineno", 1)
    last = getattr(node, "end_lineno", None) or sys.maxsize
    held: set[str] = set()
    assigned: dict[str, list[tuple[int, bool]]] = {}  # name -> (line, made of numbers only) per assignment
    counters = _incremented_keys(node)
    for inner in ast.walk(node):
        if isinstance(inner, ast.Compare) and any(isinstance(op, _ORDERING) for op in inner.ops):
            held.update(d.rsplit(".", 1)[-1] for d in map(dotted, [inner.left, *inner.comparators]) if d)
        elif isinstance(inner, ast.arg) and isinstance(inner.annotation, ast.Name):
            if inner.annotation.id in _NUMBER_TYPES:
                held.add(inner.arg)
        elif isinstance(inner, ast.Assign) and len(inner.targets) == 1 and isinstance(inner.targets[0], ast.Name):
            made = (
                _numbers_only(inner.value)
                or _made_as_position(inner.value, assigned)
                or _read_from_literal_table(module, function, inner.value)
                or _reads_counter(inner.value, counters)
            )
            assigned.setdefault(inner.targets[0].id, []).append((inner.lineno, made))
        elif isinstance(inner, ast.Assign) and len(inner.targets) == 1 and isinstance(inner.targets[0], ast.Tuple):
            made = _read_from_literal_table(module, function, inner.value)
            for target in inner.targets[0].elts:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append((inner.lineno, made))
    spans = [(name, first, last) for name in sorted(held)]
    # `token = "t%d-%d" % (topo, stream)`: text made of numbers only, until the name is bound again.
    for name, bindings in assigned.items():
        bindings.sort()
        for (line, numeric), (following, _) in zip(bindings, [*bindings[1:], (last + 1, False)]):
            if numeric:
                spans.append((name, line, following - 1))
    return spans


#: Calls after which Django's session has a new key: signing in, and cycling or flushing the session.
_SESSION_KEY_CHANGES = frozenset({"django.contrib.auth.login", "django.contrib.auth.alogin"})


def _replaced_session_keys(module: Module, function: Function) -> list[tuple[int, int]]:
    """(line read, line replaced): `old = request.session.session_key`, then `login(request, user)`. From that
    call on, the name holds a key Django has replaced (signing in cycles the session key): it opens nothing."""
    reads: list[int] = []
    changes: list[int] = []
    for inner in ast.walk(function.node):
        if (
            isinstance(inner, ast.Assign)
            and len(inner.targets) == 1
            and isinstance(inner.targets[0], ast.Name)
            and isinstance(inner.value, ast.Attribute)
            and inner.value.attr == "session_key"
            and isinstance(inner.value.value, ast.Attribute)
            and inner.value.value.attr == "session"
        ):
            reads.append(inner.lineno)
        elif isinstance(inner, ast.Call) and (
            module.qualified_name(inner.func, function) in _SESSION_KEY_CHANGES
            or isinstance(inner.func, ast.Attribute)
            and inner.func.attr in ("cycle_key", "flush", "acycle_key", "aflush")
            and isinstance(inner.func.value, ast.Attribute)
            and inner.func.value.attr == "session"
        ):
            changes.append(inner.lineno)
    return [(line, change) for line in reads if (change := min((c for c in changes if c > line), default=0))]


def _incremented_keys(node: ast.AST) -> set[str]:
    """The keys the function increments as counters (`redis.incr(token_key)`), as written."""
    return {
        ast.unparse(inner.args[0])
        for inner in ast.walk(node)
        if isinstance(inner, ast.Call)
        and isinstance(inner.func, ast.Attribute)
        and inner.func.attr in _COUNTER_INCREMENTS
        and inner.args
    }


def _reads_counter(value: ast.expr, counters: set[str]) -> bool:
    """`existing = redis.get(token_key)` where the function also runs `redis.incr(token_key)`: the key holds
    a counter, and what is read is its last number."""
    if isinstance(value, ast.Await):
        value = value.value
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "get"
        and bool(value.args)
        and ast.unparse(value.args[0]) in counters
    )


def _read_from_literal_table(module: Module, function: Function, value: ast.expr) -> bool:
    """`CLK_MODES[name]`, `PORTS.get(kind)`: an item of a dict, list or tuple the module writes as literals."""
    if isinstance(value, ast.Subscript):
        table = value.value
    elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "get":
        table = value.func.value
    else:
        return False
    return isinstance(table, ast.Name) and isinstance(module.constant(table, scope=function), (dict, list, tuple))


def _made_as_position(value: ast.expr, assigned: dict[str, list[tuple[int, bool]]]) -> bool:
    """`RoomStreamToken(topological=depth, stream=order)`, `await room_token.to_string(store)` after it: a
    value made by a class whose name says what kind of token it is, when that kind is no credential
    (a stream, a page, a cursor), or text rendered from such a value. The walk meets assignments in
    source order within a block, so the earlier binding is known."""
    if isinstance(value, ast.Await):
        value = value.value
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        bindings = assigned.get(func.value.id)
        if bindings and bindings[-1][1]:
            return True  # `room_token.to_string()`: the position, as text
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    ws = names.words(name)
    return bool(name[:1].isupper() and len(ws) > 1 and ws[-1] == "token" and names.classify(name) is None)


#: A counter's increment (Redis `INCR`, a cache's `incr`): the next number of a sequence.
_COUNTER_INCREMENTS = frozenset({"incr", "incrby", "increment", "hincrby", "incr_version"})


def _numbers_only(value: ast.expr) -> bool:
    """`"t%d-%d" % (topo, stream)`, `f"{epoch:d}.{seq:d}"`: two or more decimal numbers in a literal
    template, a position or a version; or what a counter's increment returns (`int(redis.incr(key))`), a
    sequence number. (One number may be a numeric code, `"%06d" % n`; hex may be a random token,
    `"%032x" % bits`: both stay judged by the name.)"""
    if isinstance(value, ast.Await):
        value = value.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "int" and value.args:
        value = value.args[0]
        if isinstance(value, ast.Await):
            value = value.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        return value.func.attr in _COUNTER_INCREMENTS
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mod):
        template = value.left
        if not (isinstance(template, ast.Constant) and isinstance(template.value, str)):
            return False
        conversions = [c for c in _NUMERIC_CONVERSION.findall(template.value) if c != "%"]
        return len(conversions) >= 2 and all(c in "di" for c in conversions)
    if isinstance(value, ast.JoinedStr):
        fields = [v for v in value.values if isinstance(v, ast.FormattedValue)]
        return len(fields) >= 2 and all(
            isinstance(f.format_spec, ast.JoinedStr)
            and (spec := "".join(str(v.value) for v in f.format_spec.values if isinstance(v, ast.Constant)))
            and spec[-1] == "d"
            and _NUMERIC_SPEC.fullmatch(spec)
            for f in fields
        )
    return False


_KIND_WORDS = {"type", "kind", "mode", "method", "scheme"}


def _picks_other_kind(test: ast.expr) -> bool:
    """`share_type == "map"`, `entry["ShareType"] == "map"`: a kind compared with a literal that names
    no credential."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    left, right = test.left, test.comparators[0]
    if isinstance(left, ast.Subscript) and isinstance(left.slice, ast.Constant) and isinstance(left.slice.value, str):
        kind = left.slice.value
    else:
        kind = (dotted(left) or "").rsplit(".", 1)[-1]
    kind_words = names.words(kind)
    literal = right.value if isinstance(right, ast.Constant) else None
    return (
        isinstance(literal, str)
        and bool(literal)
        and bool(kind_words)
        and kind_words[-1] in _KIND_WORDS
        and names.classify(literal) is None
        and not set(names.words(literal)) & {"token", "key", "secret", "password", "credential", "bearer"}
    )


def _names_either(ws: Sequence[str]) -> bool:
    """`path_or_token`: a credential or something else, the name says, and the first is not a secret."""
    if "or" not in ws[1:-1]:
        return False
    first = ws[: ws.index("or")]
    return names.classify("_".join(first)) is None


def _lacks_credential(test: ast.expr) -> str | None:
    """The mapping a test says has no credential under a credential-named key, else None."""
    looked_up: ast.expr | None = None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        looked_up = test.operand
    elif isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, ast.NotIn) and isinstance(test.left, ast.Constant) and isinstance(right, ast.Name):
            return right.id if _names_main_credential(test.left.value, right.id) else None
        if isinstance(op, ast.Is) and isinstance(right, ast.Constant) and right.value is None:
            looked_up = test.left
    call = looked_up if isinstance(looked_up, ast.Call) else None
    if (
        call is not None
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "get"
        and isinstance(call.func.value, ast.Name)
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and _names_main_credential(call.args[0].value, call.func.value.id)
    ):
        return call.func.value.id
    return None


def _names_main_credential(key: object, mapping: str) -> bool:
    """The key holds the credential a mapping named `mapping` is named for: a token response's
    `access_token`, or a key that repeats the name (`creds["creds"]`). Without a refresh token a
    response may still hold its access token, so another key says nothing."""
    if not isinstance(key, str):
        return False
    ws = names.words(key)
    return ws == ("access", "token") or ws == names.words(mapping)


def _client_error(call: ast.Call) -> bool:
    """`HTTPException(status_code=400, ...)`, `HTTPException(HTTPStatus.BAD_REQUEST, ...)`,
    `JsonResponse(..., status=422)`, `abort(400, ...)`: a 4xx status."""
    return any(_is_4xx(status) for status in statuses(call))


def _gateway_error(call: ast.Call) -> bool:
    """`Response(f"Proxy error: {e}", status_code=502)`: Bad Gateway, Service Unavailable or Gateway Timeout."""
    return any(status_number(status) in (502, 503, 504) for status in statuses(call))


def _validation_error(call: ast.Call) -> bool:
    """`HTTPException(status_code=422, detail=str(exc))`: Unprocessable Content, the answer a view gives when
    the input it was sent fails validation; the text is that failure's."""
    return any(status_number(status) == 422 for status in statuses(call))


def _leaked(value: L.Value, client_error: bool) -> Sequence[Outcome]:
    """What exception text in this answer means: a framed database or I/O error outside a 4xx answer is
    the system's text and reported; any other framed text is for audit mode (see `_LEAKED`)."""
    return _LEAKED_SYSTEM if L.SYSTEM_ERROR in value and not client_error else _LEAKED


#: Last words of a field that names who someone is: never a credential, whatever module it comes from.
_IDENTITY_FIELDS = frozenset({"email", "username", "login", "name", "id", "pk", "uid"})


def _names_identity_only(argument: ast.expr | None, value: L.Value) -> bool:
    """`user.email`, `member.username`, `user["username"]`: an argument whose own name says who someone is and
    whose value is only what another module returns: nothing there for the project stage to decide."""
    name = field_name(argument) if isinstance(argument, (ast.Attribute, ast.Subscript)) else None
    words = names.words(name) if name else []
    return (
        bool(words)
        and words[-1] in _IDENTITY_FIELDS
        and not any(label in value for label in (L.PASSWORD, L.SECRET, L.REQUEST))
        and all(L.deferred(label) for label in value if label != L.CONST)
    )


def _is_4xx(node: ast.expr) -> bool:
    if isinstance(node, ast.IfExp):
        return _is_4xx(node.body) and _is_4xx(node.orelse)
    number = status_number(node)
    return number is not None and 400 <= number < 500


def _logger_names(module: Module) -> set[str]:
    """Names bound to a logger, at module level or in a function: `log = logging.getLogger(__name__)`."""
    names = set()
    for name, values in module.assignments.items():
        for value in values:
            if isinstance(value, ast.Call) and module.qualified_name(value.func) in _LOGGER_FACTORIES:
                names.add(name)
    if "getLogger" in module.source or "get_logger" in module.source:
        for node in module.nodes:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and module.qualified_name(node.value.func) in _LOGGER_FACTORIES
            ):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _is_log_call(module: Module, call: Call, loggers: set[str]) -> bool:
    if call.callee in _LOG_FUNCTIONS:
        return True
    if call.method not in _LOG_METHODS or call.receiver is None:
        return False
    receiver = call.receiver
    if isinstance(receiver, ast.Name) and receiver.id in loggers:
        return True
    if isinstance(receiver, ast.Call) and module.qualified_name(receiver.func, call.scope) in _LOGGER_FACTORIES:
        return True
    text = dotted(receiver)
    return text is not None and text.rsplit(".", 1)[-1].lower().lstrip("_") in {
        "log",
        "logger",
        "logging",
        "audit_log",
        "audit_logger",
        "structlog",
    }


def _is_django_view(module: Module, function: Function) -> bool:
    params = function.params
    return bool(params) and params[0] in R.REQUEST_NAMES and module.imports_any("django", "rest_framework")


def _callee_text(node: ast.Call) -> str:
    return dotted(node.func) or "log"
