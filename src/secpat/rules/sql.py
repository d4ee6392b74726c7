"""Pattern 4 — SQL injection prevention (SQL).

A finding needs a sink: SQL text built at run time (f-string, `%`, `.format`,
`+`, `join`) from a non-constant part that reaches an execution API, or a
client's text made SQL for one clause of a query (`order_by(text(sort))`). Prose
that merely contains SQL words, constant composition (module constants,
placeholder lists built from `"?"`), numbers, allow-listed identifiers and
bound parameters are not findings. When request input is proven to flow in,
the finding is SQL002 and shows the path. SQL001 (composed from data whose
source is not known) is an audit finding: formatting alone is not evidence that
anyone but the code chooses what goes in. Where the text puts the part between
quotes (`WHERE slug = '{slug}'`), the audit finding says it is a value's place.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from secpat.dataflow import labels as L
from secpat.dataflow import requests as R
from secpat.dataflow.flow import flow_of, reads_as_sql, statement_object
from secpat.findings import Confidence, FlowStep, Location, Severity
from secpat.frameworks.connexion import FRAMEWORK as _CONNEXION_RECORD
from secpat.frameworks.routes import model_of
from secpat.knowledge import find
from secpat.model.module import parents_of
from secpat.rules.context import (
    HELD_OBJECT_CALL,
    FileContext,
    Outcome,
    ProjectContext,
    argument_node,
    declared_argument,
    describe_source,
    same_global_name,
)
from secpat.rules.registry import Rule, check, define

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from secpat.dataflow.flow import CallEvent, FunctionFlow
    from secpat.model.module import Call, Function, Module

_WHY = """
    SQL text built by formatting puts data where the database expects code: a value such as
    `admin' OR '1'='1` changes what the query does, and an attacker can read, change or delete
    any data the connection can reach. Bound parameters send data separately from the query,
    so it is never parsed as SQL.
"""

SQL001 = define(
    Rule(
        id="SQL001",
        name="sql-built-from-data",
        pattern=4,
        title="SQL built by string formatting reaches the database",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,
        cwe=89,
        why=_WHY
        + """
    Reported in audit mode: nothing shows where the formatted data comes from. A value written
    between quotes in the text (`name = '{name}'`, `IN ('%s')`, a `"','".join(...)`) is said so:
    that is a value's place, and quoting it by hand does not stop a quote inside it. On real code
    the value is mostly the program's own (an id the database returned, a constant a caller
    passes), so this too is for a reader. When request input is proven to flow in, the finding is
    SQL002, reported by default.
""",
        bad="""
        def find_user(cursor, name):
            query = "SELECT * FROM users WHERE name='" + name + "'"
            cursor.execute(query)
    """,
        good="""
        def find_user(cursor, name):
            cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    """,
        fix="Pass values as bound parameters (`execute(sql, params)`, `text(sql).bindparams()`, `raw(sql, params)`); "
        "for identifiers use an allow-list or `psycopg.sql.Identifier`.",
    )
)

SQL002 = define(
    Rule(
        id="SQL002",
        name="sql-built-from-request",
        pattern=4,
        title="Request input flows into SQL text",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=89,
        why=_WHY,
        bad="""
        from flask import request

        @app.get("/users")
        def users():
            name = request.args["name"]
            return db.execute(f"SELECT * FROM users WHERE name = '{name}'").fetchall()
    """,
        good="""
        from flask import request

        @app.get("/users")
        def users():
            name = request.args["name"]
            return db.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchall()
    """,
        fix="Bind the request value as a parameter; never format it into the SQL text.",
        supersedes=("SQL001",),
    )
)

# Methods that execute SQL text given as their first argument, on any receiver whose text reads as SQL.
_EXECUTE_METHODS = frozenset(
    {
        "execute",
        "executemany",
        "executescript",
        "exec_driver_sql",
        "raw",
        "mogrify",
        "fetch",
        "fetchrow",
        "fetchval",
        "query",
        "run",
        "cursor",
        # peewee, Tortoise ORM, encode/databases, aiosqlite
        "execute_sql",
        "execute_query",
        "execute_query_dict",
        "execute_script",
        "fetch_all",
        "fetch_one",
        "fetch_val",
        "execute_fetchall",
    }
)
# SQLAlchemy's query builder: these take SQL text fragments (`order_by("name DESC")`) on a `session.query(...)`
# chain. Django's ORM methods of the same names take field names and are not sinks.
_FRAGMENT_METHODS = frozenset({"filter", "order_by", "group_by", "having", "distinct"})
#: Query-builder methods that take one clause of the query.
_CLAUSE_METHODS = _FRAGMENT_METHODS | {"where", "join", "outerjoin"}
# Methods and functions that only ever take SQL: no need for the text to look like SQL.
_SQL_ONLY_METHODS = frozenset({"executescript", "exec_driver_sql", "raw", "mogrify", "extra"})
_SQL_ONLY_CALLS = frozenset(
    {
        "sqlalchemy.text",
        "sqlalchemy.sql.text",
        "sqlalchemy.sql.expression.text",
        "sqlalchemy.literal_column",
        "django.db.models.expressions.RawSQL",
        "django.db.models.RawSQL",
        "pandas.read_sql",
        "pandas.read_sql_query",
        "pandas.io.sql.read_sql",
    }
)
_EXTRA_KEYWORDS = ("where", "select", "tables", "order_by")

_OUTCOMES = (
    Outcome(L.REQUEST, SQL002, "{source} is {sink}: bind it as a parameter instead"),
    Outcome(L.HTML_ESCAPED, SQL002, "{source} is {sink}: HTML escaping does not protect SQL; bind it as a parameter"),
    Outcome(
        L.QUOTED_VALUE,
        SQL001,
        "SQL {source} is {sink}: quotes written around a value do not stop a quote inside it; bind it as a parameter",
        audit=True,
    ),
    Outcome(L.COMPOSED, SQL001, "SQL {source} is {sink}: use bound parameters", audit=True),
)
# Text from another module's helper reaching a method that runs more than SQL (`env.execute(cmd)`):
# a finding only if the helper's text reads as SQL.
_DEFERRED_OUTCOMES = (
    *_OUTCOMES[:2],
    Outcome(L.SQL_COMPOSED, SQL001, "SQL {source} is {sink}: use bound parameters", audit=True),
)
_IDENT_OUTCOME = (
    Outcome(
        L.COMPOSED_IDENT,
        SQL001,
        "SQL {source} is {sink}: only names the code defines are formatted in; check that none can come from data",
        audit=True,
    ),
)
_PLACEHOLDER = re.compile(r"%s|%\(\w+\)s|\?|(?<![:\w]):\w+")


@check(SQL001, SQL002)
def sql_injection(ctx: FileContext) -> None:
    module = ctx.module
    declared = module.knowledge.sinks
    for function in module.all_functions():
        has_sink = any(
            _is_sink_call(call.method, call.callee, call.node, function)
            or declared
            and find(declared, call.callee, call.method, "sql")
            for call in function.calls
        )
        if not has_sink:
            continue
        flow = flow_of(module, function)
        for event in flow.calls:
            callee = event.call.callee if event.call else None
            func = event.node.func
            method = func.attr if isinstance(func, ast.Attribute) else None
            user = find(declared, callee, method, "sql") if declared else None
            if user is None and not _is_sink_call(method, callee, event.node, function):
                continue
            if user is None and _http_client_call(module, function, event.node):
                continue  # `AsyncHTTPClient().fetch(url)`, `session.query(...)` of an HTTP client: a request sent
            arguments = (
                [(*declared_argument(event, user, "executed"), None)] if user else _sql_arguments(event, method, callee)
            )
            for value, where, argument in arguments:
                if argument is not None and statement_object(module, function, argument):
                    continue  # `insert(Model).values([...])`: SQLAlchemy binds every value it is given
                # Built by another module's helper: the project stage decides.
                deferred = any(L.deferred(label) for label in value)
                sent_fragment = L.REQUEST in value and _query_fragment(function, event.node)
                if L.CONST in value or (
                    L.COMPOSED not in value and L.COMPOSED_IDENT not in value and not deferred and not sent_fragment
                ):
                    if L.CONST not in value and not function.is_module:
                        # `def query_db(query, args=()): return db.execute(query, args)`: the statement is the
                        # caller's, and SQL text a caller writes around request input is SQL002 there.
                        # `order_by(text(column))`: one clause of a query the code builds, the parameter itself
                        # made SQL; a caller's value there is the clause.
                        statement = not _query_fragment(function, event.node)
                        _hand_on_parameters(ctx, flow, event.node, value, where, argument, statement=statement)
                    continue  # constant composition, or text not built here
                sql_only = (
                    user is not None
                    or callee in _SQL_ONLY_CALLS
                    or method in _SQL_ONLY_METHODS
                    or _is_fragment_call(event.node, function)
                )
                if not (L.SQL_TEXT in value or deferred or sql_only):
                    continue  # `executor.execute(f"...")`: not SQL
                request = any(o.label in value for o in _OUTCOMES[:2])
                if not request and L.COMPOSED not in value and L.COMPOSED_IDENT in value:
                    _report_audit(ctx, event.node, value, _IDENT_OUTCOME, function, where, argument)
                    continue
                outcomes = _OUTCOMES if sql_only or L.SQL_TEXT in value else _DEFERRED_OUTCOMES
                if request and _typed_at_terminal(value):
                    # `schema = input("Schema: ")`, `sys.argv[1]`: the person running the script chose it,
                    # with the database rights the script has already.
                    _report_audit(ctx, event.node, value, outcomes, function, where, argument)
                    continue
                quoted = L.QUOTED_VALUE in value and not _is_migration(ctx.module.path)
                if not request and not quoted and (_values_bound(flow, event) or _is_migration(ctx.module.path)):
                    # Values are bound; what is formatted in fills the places of names (table, column,
                    # sort order), which are code's choice unless a source says otherwise.
                    _report_audit(ctx, event.node, value, outcomes, function, where, argument)
                    if not function.is_module:
                        # ... unless a caller passes request input into those places, formatted in as it
                        # came (not what a function made of it: `_data_to_db(schema, data)` may check it). A
                        # helper that formats it into a clause it returns (`_search_clause(q)`) made text of
                        # it, as this function does.
                        built = {
                            step.note
                            for label in (L.COMPOSED, L.SQL_COMPOSED)
                            for step in value.get(label, ())
                            if step.note.startswith("returned by `")
                        }
                        direct = {
                            label: steps
                            for label, steps in value.items()
                            if all(step.note in built for step in steps if step.note.startswith("returned by `"))
                        }
                        _hand_on_parameters(ctx, flow, event.node, direct, where, argument)
                    continue
                reported = ctx.report_flow(
                    event.node, value, outcomes, scope=function, sink_note=where, once_per_source=False, at=argument
                )
                if reported and not function.is_module and not request:
                    _hand_on_parameters(ctx, flow, event.node, value, where, argument)


def request_arguments(ctx: FileContext) -> None:
    """Calls that hand request input to a function of the project (`RequestArgument`): the project stage joins
    them with the functions whose parameter becomes SQL, has its token's claims read unverified, or is compared
    with a secret. Registered in `rules/xss.py`, which knows those rules."""
    module = ctx.module
    for function in module.all_functions():
        # A route's URL variables are input too (`def user(name)` under `@bp.route("/users/<name>")`).
        if _calls_project(module, function) and (
            function.mentions(_INPUT_WORDS) or not function.is_module and bool(R.request_parameters(module, function))
        ):
            _hand_on_request_arguments(ctx, flow_of(module, function))


def _calls_project(module: Module, function: Function) -> bool:
    """A call of a project function, or of a method whose object's class is known only to the flow, or of a
    runner given one (`run_in_threadpool(store.top_notes, ...)`)."""
    return any(
        c.callee.split(".", 1)[0] in module.project_roots or c.callee in _RUNNERS
        if c.callee
        else isinstance(c.node.func, ast.Attribute)
        for c in function.calls
    )


def _bound_once(function: Function, name: str) -> ast.expr | None:
    """The value a function assigns to a local name, when it assigns it once."""
    return _bound_once_names(function).get(name)


def _bound_once_names(function: Function) -> dict[str, ast.expr]:
    """Every local name a function assigns once, with its value, in one walk."""
    seen: dict[str, list[ast.expr]] = {}
    for stmt in ast.walk(function.node):
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    seen.setdefault(target.id, []).append(stmt.value)
    return {name: values[0] for name, values in seen.items() if len(values) == 1}


#: Modules whose clients send HTTP requests: their `fetch`, `run`, `query` are no database's.
_HTTP_CLIENT_MODULES = ("requests.", "httpx.", "aiohttp.", "urllib3.", "tornado.httpclient.")


def _http_client_call(module: Module, function: Function, node: ast.Call) -> bool:
    """The call's object is an HTTP client made here (`http_client = AsyncHTTPClient()`, then
    `http_client.fetch(url)`), or made in the call itself."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return False
    made: ast.expr | None = func.value
    if isinstance(made, ast.Name) and not function.is_module:
        made = _bound_once(function, made.id)
    return isinstance(made, ast.Call) and (module.qualified_name(made.func, function) or "").startswith(
        _HTTP_CLIENT_MODULES
    )


def _typed_at_terminal(value: L.Value) -> bool:
    """The input shown as the source was given by whoever runs the program (`input()`, `sys.argv`), not sent
    by a client."""
    return L.TERMINAL in value and L.REQUEST in value and value[L.REQUEST][:1] == value[L.TERMINAL][:1]


def _report_audit(
    ctx: FileContext,
    node: ast.AST,
    value: L.Value,
    outcomes: Sequence[Outcome],
    function: Function,
    where: str,
    argument: ast.AST | None,
) -> None:
    before = len(ctx.findings)
    ctx.report_flow(node, value, outcomes, scope=function, sink_note=where, once_per_source=False, at=argument)
    ctx.findings[before:] = [replace(f, audit=True) for f in ctx.findings[before:]]


def _is_migration(path: str) -> bool:
    """A schema migration (Django `migrations/`, Alembic `versions/`): run once by the operator, and its
    SQL is DDL over names the code defines."""
    parts = path.replace("\\", "/").split("/")[:-1]
    return "migrations" in parts or "alembic" in parts and "versions" in parts


def _binds(params: ast.expr) -> bool:
    """`()`, `[]`, `{}` and `None` bind nothing."""
    if isinstance(params, (ast.Tuple, ast.List)):
        return bool(params.elts)
    if isinstance(params, ast.Dict):
        return bool(params.keys)
    return not (isinstance(params, ast.Constant) and params.value is None)


def _values_bound(flow: FunctionFlow, event: CallEvent) -> bool:
    """The statement binds parameters: `execute(sql, params)`, `text(sql).bindparams(...)`, or
    placeholders in its literal text."""
    node = event.node
    bound = [k.value for k in node.keywords if k.arg in {"params", "parameters", "args", "vars"}]
    if event.call is None or event.call.callee not in _SQL_ONLY_CALLS or "RawSQL" in event.call.callee:
        bound += node.args[1:2]  # `cursor.execute(sql, params)`, `RawSQL(sql, params)`; not `read_sql(sql, con)`
    if any(_binds(b) for b in bound):
        return True
    if any(
        isinstance(e.node.func, ast.Attribute) and e.node.func.attr == "bindparams" and e.node.func.value is node
        for e in flow.calls
    ):
        return True
    if not node.args:
        return False
    # `"... '%s'" % name` formats its `%s` away: those are not placeholders.
    formatted = {id(n.left) for n in ast.walk(node.args[0]) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod)}
    return any(
        _PLACEHOLDER.search(n.value)
        for n in ast.walk(node.args[0])
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in formatted
    )


#: A function without any of these words in its names cannot hold request input.
_INPUT_WORDS = ("request", "req", "input", "argv", "query", "form", "body", "param", "args")


@dataclass(frozen=True)
class ParameterSink:
    """SQL built from a parameter of `function`: request input passed there makes it SQL002."""

    function: str  # global name
    params: tuple[str, ...]  # positions and names of the parameters that reach the sink
    location: Location
    snippet: str
    context: str
    trace: tuple[FlowStep, ...]  # from the parameter to the sink
    #: The parameter is the whole statement, executed as given: request input passed there counts only inside
    #: SQL text the caller wrote around it (`query_db("... WHERE name = '" + name + "'")`).
    statement: bool = False
    #: Reached through a call whose method was told by its name alone (see `HELD_OBJECT_CALL`).
    inferred: bool = False


@dataclass(frozen=True)
class RequestArgument:
    """A call passing request input to a project function."""

    callee: str
    param: str  # position or keyword
    trace: tuple[FlowStep, ...]  # from the request to the call
    sql_text: bool = False  # the value passed holds SQL text written around the input
    at: Location | None = None  # with `sql_text`: where the text is passed, its code and context
    snippet: str = ""
    context: str = ""
    # When the input is only Django URL parameters: their labels (`url-param:VIEW:NAME`), which the project
    # stage can judge by the URL patterns that reach the view.
    url_params: tuple[str, ...] = ()
    #: When the input arrives only through a function of another module (`normalise_query(request.GET["q"])`):
    #: that function and its parameter; it counts if the function returns that parameter as it came.
    through: tuple[str, str] | None = None


def _hand_on_parameters(
    ctx: FileContext,
    flow: FunctionFlow,
    node: ast.AST,
    value: L.Value,
    where: str,
    argument: ast.AST | None,
    statement: bool = False,
) -> None:
    function = flow.function
    if ctx.module.replaced_in_place(function):
        return  # a call by name runs the body that replaced it
    # `engine.execute(...)` on a parameter: rows the database returns, not text the caller chose.
    params, trace = sink_parameters(ctx, function, value, skip=_database_handles(function))
    if params:
        at = ctx.location(node, argument)
        ctx.fact(
            PARAMETER_SINK,
            ParameterSink(
                ctx.module.global_name(function),
                tuple(params),
                at,
                ctx.snippet(node),
                ctx.context_of(function),
                (*trace, FlowStep(at, where)),
                statement,
            ),
        )


def sink_parameters(
    ctx: FileContext, function: Function, value: L.Value, skip: set[str] | frozenset[str] = frozenset()
) -> tuple[list[str], tuple[FlowStep, ...]]:
    """The function's parameters a value reaching a sink carries (each by its position after `self` and by its
    name, as callers pass it), and the path from the first one: a caller's trace takes the parameter's place."""
    params: list[str] = []
    trace: tuple[FlowStep, ...] = ()
    offset = 1 if function.class_name and function.params[:1] in (["self"], ["cls"]) else 0
    for label, steps in value.items():
        if not label.startswith(L.PARAM_PREFIX):
            continue
        index = int(label[len(L.PARAM_PREFIX) :])
        if index < offset or index < len(function.params) and function.params[index] in skip:
            continue
        params.append(str(index - offset))
        if index < len(function.params):
            params.append(function.params[index])
        trace = trace or (FlowStep(ctx.location(function.node), f"parameter `{params[-1]}`"), *steps)
    return params, trace


#: Methods of a connection, engine, session or cursor: the object they are called on is a database handle.
_HANDLE_METHODS = _EXECUTE_METHODS | {"cursor", "connect", "begin", "query", "scalars", "scalar", "exec"}


def _database_handles(function: Function) -> set[str]:
    """Names the function runs statements through (`engine.execute(...)`, `conn.cursor()`): a parameter used so
    is a database handle, and what its statements return is the database's, not what a caller passed."""
    return {
        call.node.func.value.id
        for call in function.calls
        if isinstance(call.node.func, ast.Attribute)
        and call.node.func.attr in _HANDLE_METHODS
        and isinstance(call.node.func.value, ast.Name)
    }


def _hand_on_request_arguments(ctx: FileContext, flow: FunctionFlow) -> None:
    module = ctx.module
    for event in flow.calls:
        if not any(L.REQUEST in value or _request_through(value) for value in (*event.args, *event.keywords.values())):
            continue
        run = _run_by(module, event)
        for callee in [run[0]] if run else _project_callees(module, event):
            shown = (
                f"queryset's `.{callee[len(QUERYSET_CALL) :]}"
                if callee.startswith(QUERYSET_CALL)
                else f"`{ast.unparse(event.node.func)}"
                if callee.startswith(HELD_OBJECT_CALL)
                else f"`{callee}"
            )
            step = FlowStep(ctx.location(event.node), f"passed to {shown}()`")
            skipped = run[1] if run else 0
            passed_on = [(i - skipped, v) for i, v in enumerate(event.args) if i >= skipped]
            for position, value in [*passed_on, *event.keywords.items()]:
                through = _request_through(value) if L.REQUEST not in value else None
                if through:
                    label, trace = through
                    via_callee, via_param, _inner = L.parse_via(label)
                    passed = RequestArgument(callee, str(position), (*trace, step), through=(via_callee, via_param))
                    ctx.fact(REQUEST_ARGUMENT, passed)
                elif L.REQUEST in value:
                    trace = (*value[L.REQUEST], step)
                    if L.SQL_TEXT in value or L.SQL_COMPOSED in value:
                        index = position if isinstance(position, int) else None
                        keyword = position if isinstance(position, str) else None
                        at = ctx.location(event.node, argument_node(event.node, index, keyword))
                        snippet, context = ctx.snippet(event.node), ctx.context_of(flow.function)
                        passed = RequestArgument(callee, str(position), trace, True, at, snippet, context)
                    else:
                        passed = RequestArgument(callee, str(position), trace)
                    url_params = tuple(sorted(k for k in value if k.startswith(L.URL_PARAM_PREFIX)))
                    ctx.fact(REQUEST_ARGUMENT, replace(passed, url_params=url_params) if url_params else passed)


def _request_through(value: L.Value) -> tuple[str, L.Trace] | None:
    """The first `via:` label by which request input reaches the value through another module's function."""
    for label in sorted(value):
        if label.startswith(L.VIA_PREFIX) and L.parse_via(label)[2] == L.REQUEST:
            return label, value[label]
    return None


def arguments_of_requests(ctx: ProjectContext) -> list[RequestArgument]:
    """The request arguments of the project (see `request_arguments`): those handed on through another
    module's function count only when it returns its parameter as it came."""
    found = []
    for _path, argument in ctx.facts_of(REQUEST_ARGUMENT, RequestArgument):
        if argument.through is not None:
            callee, param = argument.through
            if "raw" not in ctx.returned_params(callee).get(param, set()):
                continue
        found.append(argument)
    return found


#: Calls that run the function they are given with the arguments after it: `run_in_threadpool(f, a, b)` runs
#: `f(a, b)`; `loop.run_in_executor(None, f, a)` after the executor.
_RUNNERS = {
    "starlette.concurrency.run_in_threadpool": 1,
    "fastapi.concurrency.run_in_threadpool": 1,
    "asyncio.to_thread": 1,
    "anyio.to_thread.run_sync": 1,
}
_RUNNER_METHODS = {"run_in_executor": 2, "submit": 1}


def _run_by(module: Module, event: CallEvent) -> tuple[str, int] | None:
    """(the project function a runner call runs, how many arguments come before its own), or None."""
    callee = event.call.callee if event.call else None
    func = event.node.func
    skip = _RUNNERS.get(callee or "") or (
        _RUNNER_METHODS.get(func.attr) if isinstance(func, ast.Attribute) and not callee else None
    )
    if not skip or len(event.node.args) < skip:
        return None
    target = event.node.args[skip - 1]
    name = module.qualified_name(target, event.call.scope if event.call else None)
    if not name or name.split(".", 1)[0] not in module.project_roots:
        return None
    return name, skip


def _project_callees(module: Module, event: CallEvent) -> list[str]:
    """The project functions a call runs (see `_named_callees`); on a Django queryset or manager
    (`qs.search(q)`), also the method of that name of the project's QuerySet and Manager classes."""
    func = event.node.func
    if isinstance(func, ast.Attribute) and event.call is not None and _is_queryset(func.value, event.call.scope):
        return [*_named_callees(module, event), QUERYSET_CALL + func.attr]
    return _named_callees(module, event)


def _named_callees(module: Module, event: CallEvent) -> list[str]:
    """The project function a call names, the method of an object a project class made
    (`repo = UserRepo(conn)`, then `repo.by_name(name)`; positions then count from after `self`), the
    method of its own class a method calls on `self`, or one of the object its factory method makes."""
    func = event.node.func
    callee = event.call.callee if event.call else None
    if callee:
        return [callee] if callee.split(".", 1)[0] in module.project_roots else []
    typed = module.typed_method(event.node, event.call.scope) if event.call else None
    if typed:
        return [typed]
    scope = event.call.scope if event.call else None
    own = module.method_on_self(func, scope) if scope else None
    if own is not None:
        return [module.global_name(own)]
    inherited = module.inherited_method(func, scope) if scope else None
    if inherited:
        return [inherited]
    if scope and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
        # `self._repo().on_time_rate(region)`: the method of the project class the factory method makes.
        factory = module.method_on_self(func.value.func, scope)
        made = module.class_made_by(factory) if factory is not None else None
        if made:
            return [f"{made}.{func.attr}"]
    if not isinstance(func, ast.Attribute) or event.receiver is None:
        return []
    returned = [
        f"{label[len(L.RET_PREFIX) :]}.{func.attr}"
        for label in event.receiver
        if label.startswith(L.RET_PREFIX)
        and L.METHOD_SUFFIX not in label
        and "#" not in label
        and label[len(L.RET_PREFIX) :].split(".", 1)[0] in module.project_roots
    ]
    return returned or (_held_object_call(module, func, scope) if scope else [])


def _held_object_call(module: Module, func: ast.expr, scope: Function) -> list[str]:
    """`self.documents.search(term)` in a method: the method of an object the class keeps, whose class is not
    known here (see `HELD_OBJECT_CALL`), as `<held>.CALLER_CLASS.ATTRIBUTE.METHOD`."""
    if (
        scope.class_name
        and isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Attribute)
        and isinstance(func.value.value, ast.Name)
        and func.value.value.id == "self"
    ):
        owner = module.global_name(scope).rsplit(".", 1)[0]
        return [f"{HELD_OBJECT_CALL}{owner}.{func.value.attr}.{func.attr}"]
    return []


#: A method called on a Django queryset or manager (`qs.search(q)`, `Client.objects.search(q)`): whichever project
#: QuerySet or Manager class defines a method of that name runs it.
QUERYSET_CALL = "<queryset>."


def _is_queryset(expr: ast.expr, scope: Function, depth: int = 0) -> bool:
    """`Client.objects...`, `super().get_queryset()...`, or a name the function binds to one (`qs = ...`)."""
    while isinstance(expr, (ast.Call, ast.Attribute)):
        if isinstance(expr, ast.Attribute) and expr.attr == "objects":
            return True
        if isinstance(expr, ast.Call):
            func = expr.func
            if isinstance(func, ast.Attribute) and func.attr == "get_queryset":
                return True
            expr = func
        else:
            expr = expr.value
    if not isinstance(expr, ast.Name) or depth > 2 or scope.is_module:
        return False
    return any(
        isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
        and not (isinstance(node.value, ast.Name) and node.value.id == expr.id)
        and _is_queryset(node.value, scope, depth + 1)
        for node in ast.walk(scope.node)
    )


def _queryset_method(function: str) -> bool:
    """`clients.models.ClientQuerySet.search`: a method of a project QuerySet or Manager class."""
    parts = function.rsplit(".", 2)
    return len(parts) == 3 and parts[1].endswith(("QuerySet", "Queryset", "Manager"))


@dataclass(frozen=True)
class ParameterPass:
    """A function handing one of its parameters to a project function: `find(name)` calls
    `repo.by_name(name)`. A sink in the callee is then a sink of the caller's parameter."""

    function: str  # global name of the caller
    params: tuple[str, ...]  # the caller's parameter: its position and its name
    callee: str
    position: str  # where the callee receives it: position or keyword
    step: FlowStep  # the call
    sql_text: bool = False  # the argument is SQL text written around the parameter
    at: Location | None = None  # with `sql_text`: the argument, its code and context
    snippet: str = ""
    context: str = ""
    inferred: bool = False  # the callee was told by its method's name alone (see `HELD_OBJECT_CALL`)


def parameter_of(function: Function, node: ast.expr | None) -> tuple[str, str] | None:
    """(position as callers count it, name) of the parameter `node` names, if it names one."""
    if not isinstance(node, ast.Name) or node.id not in function.params or function.is_module:
        return None
    offset = 1 if function.class_name and function.params[:1] in (["self"], ["cls"]) else 0
    return str(function.params.index(node.id) - offset), node.id


def handing_parameter_to(
    function: str, position: str, name: str, passes: list[ParameterPass]
) -> list[tuple[str, tuple[str, ...], tuple[FlowStep, ...]]]:
    """The functions whose parameter reaches parameter `position`/`name` of `function`: the function itself, and
    callers that hand theirs on (`_signup(token)` calls `read_link_token(token)`), a few calls deep, each with
    the calls between."""
    found: list[tuple[str, tuple[str, ...], tuple[FlowStep, ...]]] = [(function, (position, name), ())]
    for _ in range(_PASS_DEPTH):
        added = [
            (hand.function, hand.params, (hand.step, *steps))
            for function, params, steps in found
            for hand in passes
            if same_global_name(hand.callee, function)
            and hand.position in params
            and not any(f == hand.function and set(hand.params) <= set(p) for f, p, _ in found)
        ]
        if not added:
            break
        found += added
    return found


def requests_and_passes(ctx: ProjectContext) -> tuple[list[tuple[str, RequestArgument]], list[ParameterPass]]:
    """The calls that hand request input to project functions (with the callee resolved), and the calls that
    hand a parameter on (those whose method is known by name alone left out), for `request_reaching`."""
    arguments = [(ctx.resolve_method(a.callee), a) for a in arguments_of_requests(ctx)]
    passes = [
        replace(p, callee=ctx.resolve_method(p.callee))
        for _, p in ctx.facts_of(PARAMETER_PASS, ParameterPass)
        if not p.callee.startswith(HELD_OBJECT_CALL)
    ]
    return arguments, passes


def request_reaching(
    joined: tuple[list[tuple[str, RequestArgument]], list[ParameterPass]], function: str, position: str, name: str
) -> tuple[RequestArgument, tuple[FlowStep, ...]] | None:
    """A call that hands request input to parameter `position`/`name` of `function`, directly or through
    callers that hand theirs on, and the calls between; None when no request reaches it."""
    arguments, passes = joined
    return next(
        (
            (a, steps)
            for caller, params, steps in handing_parameter_to(function, position, name, passes)
            for callee, a in arguments
            if same_global_name(callee, caller) and a.param in params
        ),
        None,
    )


def parameter_passes(ctx: FileContext) -> None:
    """Calls that hand a function's parameter to a project function (`ParameterPass`): the project stage
    follows request input through them to SQL, to a token's claims read unverified, or to a secret compared
    with `==`. Registered in `rules/jwt.py`, which knows those rules."""
    module = ctx.module
    for function in module.all_functions():
        if not function.is_module and _calls_project(module, function):
            _hand_on_parameter_passes(ctx, function)


def _hand_on_parameter_passes(ctx: FileContext, function: Function) -> None:
    """The calls of project functions this function makes with its parameters, directly or through a
    name bound from one (`cleaned = term.strip(); repo.matching(cleaned)`). Read from the syntax, not
    the data flow: every function that calls the project's own is asked, so this stays cheap."""
    module = ctx.module
    roots = module.project_roots
    made: dict[str, ast.expr] | None = None  # names the function binds once, read on first need
    calls: list[tuple[Call, str]] = []
    for c in function.calls:
        callee = c.callee or module.typed_method(c.node, function)
        if not callee and isinstance(c.node.func, ast.Attribute):
            made = _bound_once_names(function) if made is None else made
            callee = _constructed_method(module, c.node, function, made) or module.inherited_method(
                c.node.func, function
            )
        if callee and callee.split(".", 1)[0] in roots:
            calls.append((c, callee))
        elif not callee and function.class_name:
            calls.extend((c, held) for held in _held_object_call(module, c.node.func, function))
    if not calls:
        return
    offset = 1 if function.class_name and function.params[:1] in (["self"], ["cls"]) else 0
    params = {name: str(index - offset) for index, name in enumerate(function.params) if name not in ("self", "cls")}
    if not params:
        return
    # local name -> (the parameter it is bound from, the value bound), read on first need
    derived: dict[str, tuple[tuple[str, ...], ast.expr]] | None = None
    caller = module.global_name(function)
    for call, callee in calls:
        passed = [*((str(i), a) for i, a in enumerate(call.node.args)), *((k.arg, k.value) for k in call.node.keywords)]
        for position, argument in passed:
            if position is None or _number(argument):
                continue
            if isinstance(argument, ast.Name):
                names = [argument.id]
            elif isinstance(argument, ast.Constant):
                continue
            else:
                names = sorted({n.id for n in ast.walk(argument) if isinstance(n, ast.Name)})
            given = [n for n in names if n in params]
            if not given:
                if derived is None:
                    derived = _bound_from_parameters(function, params)
                given = next((list(derived[n][0]) for n in names if n in derived), [])
            shown = ast.unparse(call.node.func) if callee.startswith(HELD_OBJECT_CALL) else callee
            step = FlowStep(ctx.location(call.node), f"passed to `{shown}()`")
            # `sql = f"... ORDER BY {sort}"; return query(sql)`: the text is written where the name is bound.
            written: ast.expr = (
                derived[argument.id][1]
                if isinstance(argument, ast.Name) and derived and argument.id in derived
                else argument
            )
            for param in given:
                hand = ParameterPass(caller, (params[param], param), callee, position, step)
                if not isinstance(written, ast.Name) and reads_as_sql(written):
                    at = ctx.location(call.node if written is argument else written, written)
                    hand = replace(
                        hand, sql_text=True, at=at, snippet=ctx.snippet(call.node), context=ctx.context_of(function)
                    )
                ctx.fact(PARAMETER_PASS, hand)


def _constructed_method(
    module: Module, node: ast.Call, function: Function, made_once: dict[str, ast.expr]
) -> str | None:
    """`EmployeeRepository(db).search(term)`, or `repo = EmployeeRepository(db)` then `repo.search(term)`: the
    method of the project class (by the usual capitalised name) the object was made from here; or
    `self.repository.list_between(...)` where the class declares `repository: BookingRepository`."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return None
    made: ast.expr | None = func.value
    if (
        isinstance(made, ast.Attribute)
        and isinstance(made.value, ast.Name)
        and made.value.id == "self"
        and function.class_name
        and (cls := module.classes.get(function.qualname.rsplit(".", 1)[0])) is not None
    ):
        declared = next(
            (
                stmt.annotation
                for stmt in cls.node.body
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == made.attr
            ),
            None,
        )
        named = module.qualified_name(declared, function) if isinstance(declared, (ast.Name, ast.Attribute)) else None
        return f"{named}.{func.attr}" if named and named.rsplit(".", 1)[-1][:1].isupper() else None
    if isinstance(made, ast.Name):
        made = made_once.get(made.id)
    if not isinstance(made, ast.Call) or not isinstance(made.func, (ast.Name, ast.Attribute)):
        return None
    made_by = module.qualified_name(made.func, function)
    if not made_by or not made_by.rsplit(".", 1)[-1][:1].isupper():
        return None
    return f"{made_by}.{func.attr}"


def _bound_from_parameters(function: Function, params: dict[str, str]) -> dict[str, tuple[tuple[str, ...], ast.expr]]:
    """`cleaned = term.strip()` → {"cleaned": (("term",), <the value>)}: names the function's own statements (not
    those nested in its blocks) bind from parameters, directly or through a name bound so before
    (`in_list = ", ".join(tags)`, then `sql = "... IN (" + in_list + ")"`; `order_by = f"{sort} {direction}"`
    from both), not as a number."""
    derived: dict[str, tuple[tuple[str, ...], ast.expr]] = {}
    for statement in getattr(function.node, "body", []):
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            continue
        name, value = statement.targets[0].id, statement.value
        if name in params or _number(value):
            continue
        used = _carried_names(value, set(params) | set(derived))
        roots = {n for n in used if n in params} | {
            r for n in used if n in derived and n != name for r in derived[n][0]
        }
        if roots:
            derived[name] = (tuple(sorted(roots)), value)
        else:
            derived.pop(name, None)  # bound again from something else: no longer the parameters'
    return derived


def _carried_names(value: ast.expr, own: set[str]) -> set[str]:
    """The names whose text a value can carry: not those only tested (`"" if private else " AND ..."`), compared,
    or used as the key of a lookup in another mapping (`ORDERS.get(order_key, "created")`, an allow-list)."""
    skipped: set[int] = set()
    for node in ast.walk(value):
        if isinstance(node, ast.IfExp):
            skipped.update(id(n) for n in ast.walk(node.test))
        elif isinstance(node, ast.Compare):
            skipped.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Subscript) and not (isinstance(node.value, ast.Name) and node.value.id in own):
            skipped.update(id(n) for n in ast.walk(node.slice))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and node.args
            and not (isinstance(node.func.value, ast.Name) and node.func.value.id in own)
        ):
            skipped.update(id(n) for n in ast.walk(node.args[0]))
    return {n.id for n in ast.walk(value) if isinstance(n, ast.Name) and id(n) not in skipped}


def _number(node: ast.expr) -> bool:
    """`int(pk)`, `len(items)`: a number, which carries no SQL."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _NUMBER_CALLS


_NUMBER_CALLS = frozenset({"int", "float", "bool", "len", "abs", "round"})


#: The framework whose operations take the request's fields as parameters.
CONNEXION = _CONNEXION_RECORD.name

PARAMETER_SINK = "sql-parameter-sink"
REQUEST_ARGUMENT = "sql-request-argument"
PARAMETER_PASS = "sql-parameter-pass"
#: How many calls deep a parameter is followed to the SQL it reaches (route → service → repository → ...).
_PASS_DEPTH = 4


@check(SQL002, stage="project")
def request_through_parameters(ctx: ProjectContext) -> None:
    """Join calls that pass request input with the functions whose parameter becomes SQL."""
    sinks: dict[str, list[ParameterSink]] = {}
    for _path, sink in ctx.facts_of(PARAMETER_SINK, ParameterSink):
        sinks.setdefault(sink.function, []).append(sink)
    passes = [
        replace(p, callee=ctx.resolve_method(p.callee), inferred=p.callee.startswith(HELD_OBJECT_CALL))
        for _, p in ctx.facts_of(PARAMETER_PASS, ParameterPass)
    ]
    _through_passes(sinks, passes)
    seen: set[tuple[str, int, int]] = set()
    for argument in arguments_of_requests(ctx):
        for sink in matching_sinks(sinks, ctx.resolve_method(argument.callee)):
            key = (sink.location.path, sink.location.line, sink.location.col)
            if argument.param not in sink.params or key in seen:
                continue
            if sink.statement:
                # The caller wrote the SQL around the input: reported where it did, once per call.
                if (
                    argument.at is not None
                    and (place := (argument.at.path, argument.at.line, argument.at.col)) not in seen
                ):
                    seen.add(place)
                    ctx.report(
                        SQL002,
                        argument.at,
                        f"{describe_source(argument.trace, argument.at)} is written into SQL text passed to "
                        f"`{argument.callee}()`, where it is {sink.trace[-1].note if sink.trace else 'executed'}: "
                        "bind it as a parameter instead",
                        confidence=Confidence.MEDIUM if sink.inferred else None,
                        snippet=argument.snippet,
                        context=argument.context,
                        flow=(*argument.trace, *sink.trace[1:]),
                    )
                continue
            seen.add(key)
            flow = (*argument.trace, *sink.trace[1:]) if sink.trace else argument.trace
            source = describe_source(argument.trace, sink.location)
            callee = sink.function if argument.callee.startswith((QUERYSET_CALL, HELD_OBJECT_CALL)) else argument.callee
            # A join told by a method's name alone is a guess at which class's method runs.
            inferred = sink.inferred or argument.callee.startswith(HELD_OBJECT_CALL)
            ctx.report(
                SQL002,
                sink.location,
                f"{source} is {sink.trace[-1].note if sink.trace else 'executed'} "
                f"through `{callee}()`: bind it as a parameter instead",
                confidence=Confidence.MEDIUM if inferred else None,
                snippet=sink.snippet,
                context=sink.context,
                flow=flow,
            )
    _operation_parameters(ctx, sinks, seen)


def _operation_parameters(
    ctx: ProjectContext, sinks: dict[str, list[ParameterSink]], seen: set[tuple[str, int, int]]
) -> None:
    """Connexion fills an operation's parameters from the request (its path, query and body fields): a
    parameter of an operation that becomes SQL, in it or in the functions it calls, is the client's text."""
    for route in model_of(ctx).routes:
        if route.framework != CONNEXION:
            continue
        for sink in sinks.get(route.view, []):
            key = (sink.location.path, sink.location.line, sink.location.col)
            if key in seen:
                continue
            seen.add(key)
            param = sink.params[-1]
            where = f"{'/'.join(route.methods)} {route.path}"
            start = FlowStep(Location(route.file, route.line), f"parameter `{param}`, filled from {where}")
            note = sink.trace[-1].note if sink.trace else "executed"
            ctx.report(
                SQL002,
                sink.location,
                f"parameter `{param}` of the operation {where} is {note}: bind it as a parameter instead",
                snippet=sink.snippet,
                context=sink.context,
                flow=(start, *sink.trace[1:]),
            )


def _through_passes(sinks: dict[str, list[ParameterSink]], passes: list[ParameterPass]) -> None:
    """A caller that hands its parameter to a function whose parameter becomes SQL has that sink too, with the
    call as one more step: `find(name)` → `repo.by_name(name)` → `execute(f"... '{name}'")`."""
    if not sinks or not passes:
        return
    for _ in range(_PASS_DEPTH):
        added = False
        for hand in passes:
            for sink in list(matching_sinks(sinks, hand.callee)):  # the list grows as callers gain sinks
                if hand.position not in sink.params:
                    continue
                known = sinks.setdefault(hand.function, [])
                if any(s.location == sink.location and set(hand.params) <= set(s.params) for s in known):
                    continue
                # The trace starts at the caller's parameter, as a sink's own does; the call follows it.
                start = FlowStep(hand.step.location, f"parameter `{hand.params[-1]}`")
                trace = (start, hand.step, *sink.trace[1:])
                inherited = replace(
                    sink,
                    function=hand.function,
                    params=hand.params,
                    trace=trace,
                    inferred=sink.inferred or hand.inferred,
                )
                if sink.statement and hand.sql_text and hand.at is not None:
                    # The SQL is written here, around the parameter, for a helper that executes what it is
                    # given: a sink of this function, where the text is written.
                    inherited = replace(
                        inherited, location=hand.at, snippet=hand.snippet, context=hand.context, statement=False
                    )
                known.append(inherited)
                added = True
        if not added:
            return


_Sink = TypeVar("_Sink")


def matching_sinks(sinks: dict[str, list[_Sink]], callee: str) -> list[_Sink]:
    """The sinks of the function a call names: by its full name, or by the tail a method is known by."""
    if callee.startswith(QUERYSET_CALL):
        tail = "." + callee[len(QUERYSET_CALL) :]
        return [s for name, found in sinks.items() if name.endswith(tail) and _queryset_method(name) for s in found]
    if callee in sinks:
        return sinks[callee]
    if callee.startswith(HELD_OBJECT_CALL):
        return []  # a method several classes define: which one runs is not known
    tail = "." + callee.split(".", 1)[-1]
    return [s for name, found in sinks.items() if name.endswith(tail) or callee.endswith("." + name) for s in found]


def _is_sink_call(
    method: str | None, callee: str | None, node: ast.Call | None = None, scope: Function | None = None
) -> bool:
    return (
        method in _EXECUTE_METHODS
        or method == "extra"
        or callee in _SQL_ONLY_CALLS
        or node is not None
        and _is_fragment_call(node, scope)
    )


def _is_text(node: ast.expr) -> bool:
    """Text written here: a string, an f-string, `%` or `+` formatting, `.format()` or `.join()`."""
    return (
        isinstance(node, (ast.JoinedStr, ast.BinOp))
        or isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        or isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    )


def _query_fragment(function: Function, node: ast.Call) -> bool:
    """`order_by(text(sort))`, `.where(literal_column(col))`: SQL text made for one clause of a query the code
    builds. A client's text there changes the query; a whole statement the client sends (a SQL console) is
    that feature's design, not judged here."""
    if not isinstance(node.func, (ast.Name, ast.Attribute)):
        return False
    if (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) not in ("text", "literal_column"):
        return False
    parent = parents_of(function.node).get(id(node))
    return (
        isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr in _CLAUSE_METHODS
    )


def _is_fragment_call(node: ast.Call, scope: Function | None = None) -> bool:
    """`session.query(Model).filter("price < 5")`, `User.query.filter("price < 5")`: a SQLAlchemy query
    method given a string, on a query chain or on a name the function bound to one (`q = session.query(Model)`)."""
    func = node.func
    if not (
        isinstance(func, ast.Attribute) and func.attr in _FRAGMENT_METHODS and node.args and _is_text(node.args[0])
    ):
        return False
    receiver = func.value
    if isinstance(receiver, ast.Name) and scope is not None and not scope.is_module:
        receiver = _bound_once(scope, receiver.id) or receiver
    while isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute):
        if receiver.func.attr == "query" and receiver.args:
            return True
        receiver = receiver.func.value
    # Flask-SQLAlchemy's `User.query`: a model class's query property.
    return (
        isinstance(receiver, ast.Attribute)
        and receiver.attr == "query"
        and isinstance(receiver.value, ast.Name)
        and receiver.value.id[:1].isupper()
    )


def _sql_arguments(
    event: CallEvent, method: str | None, callee: str | None
) -> Iterator[tuple[L.Value, str, ast.expr | None]]:
    label = f"`{callee}()`" if callee in _SQL_ONLY_CALLS else f"`.{method}()`"
    node = event.node
    if method == "extra":
        for keyword in _EXTRA_KEYWORDS:
            if keyword in event.keywords:
                yield event.keywords[keyword], f"passed to `.extra({keyword}=...)`", argument_node(node, None, keyword)
        return
    for index, keyword in ((0, "sql"), (None, "query"), (None, "statement")):
        value = event.value_of(index, keyword)
        if value:
            yield value, f"executed by {label}", argument_node(node, index, keyword)
            return
    yield L.EMPTY, f"executed by {label}", None
