"""What a check receives: the model of one file, and a way to report."""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from secpat import names
from secpat.dataflow import labels as L
from secpat.findings import Confidence, Finding, FlowStep, Location
from secpat.frameworks.facts import ALIAS, AliasFact
from secpat.knowledge import Declared
from secpat.model.module import Function, Module
from secpat.rules.registry import Rule
from secpat.secrets.masking import mask
from secpat.secrets.redact import clip, redact, redact_finding

if TYPE_CHECKING:
    from secpat.config import Config
    from secpat.dataflow.flow import CallEvent
    from secpat.discovery import SourceFile

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome:
    """If a value carries `label`, report `rule` with `message` (`{source}` and `{sink}` are filled in)."""

    label: str
    rule: Rule
    message: str
    confidence: Confidence | None = None
    cwe: int | None = None  # more specific than the rule's own, when it applies
    audit: bool = False  # the outcome is not evidence enough for the default mode


@dataclass(frozen=True, slots=True)
class ConditionalFinding:
    """A finding that holds only if a project function of another module returns a labelled value, or
    a Django URL parameter reaches its view as text.

    The per-file stage cannot see other files; it records the candidate, and the
    project stage decides it from the callee's summary.
    """

    outcomes: tuple[Outcome, ...]
    callees: tuple[str, ...]  # the symbolic labels it rests on: `ret:QUALNAME`, `via:QUALNAME:PARAM:LABEL`,
    # `url-param:VIEW:NAME`, `raises:QUALNAME|...`
    location: Location
    snippet: str
    context: str
    sink_step: FlowStep
    local_traces: tuple[tuple[str, L.Trace], ...]  # (symbolic label, path from here to the sink)
    #: The call whose arguments each handed one on (`LINE:COL`), when it must give one finding at most.
    call: str = ""


@dataclass
class FileContext:
    """A Python file: its Module model, and where checks put findings and facts."""

    module: Module
    config: Config  # settings rules may read (e.g. jwt_max_lifetime)
    findings: list[Finding] = field(default_factory=list)
    conditionals: list[ConditionalFinding] = field(default_factory=list)
    facts: list[tuple[str, object]] = field(default_factory=list)
    # (rule, scope, source) already reported: a source is reported once, at the first sink it reaches.
    _reported_sources: set[tuple[str, str, object]] = field(default_factory=set)
    #: (secret, masked form) of the secrets checks found here, masked in every finding of the file.
    secrets: list[tuple[str, str]] = field(default_factory=list)

    def fact(self, kind: str, data: object) -> None:
        """Hand a plain, picklable fact to the project stage (routes, settings, template names...)."""
        self.facts.append((kind, data))

    def secret(self, value: str, masked: str | None = None) -> str:
        """Record a secret a check found that the masking cannot recognise by itself (a JWT signing
        key passed positionally); return its masked form. Findings made before are masked too.

        Values under 8 characters are not recorded: masking every `dev` or `secret` in the file
        would hide code and words, and such a value is reported as weak by its own check."""
        masked = mask(value) if masked is None else masked
        if len(value.strip()) >= 8 and (value, masked) not in self.secrets:
            self.secrets.append((value, masked))
            self.findings = [redact_finding(f, self.secrets) for f in self.findings]
            self.conditionals = [replace(c, snippet=redact(c.snippet, self.secrets)) for c in self.conditionals]
        return masked

    def snippet(self, node: ast.AST) -> str:
        first = getattr(node, "lineno", 1)
        last = getattr(node, "end_lineno", None) or first
        span_first, span_last = self.module.statement_span(first)
        last = max(last, span_last) if span_first == first else last
        lines = [line.rstrip() for line in self.module.lines[first - 1 : min(last, first + 5)]]
        # Columns count from the line's start; the snippet starts at its first non-blank character.
        indent = len(lines[0]) - len(lines[0].lstrip()) if lines else 0
        col = getattr(node, "col_offset", 0) - indent
        end = getattr(node, "end_col_offset", None) if last == first else None
        return redact(clip("\n".join(lines).strip(), col, None if end is None else end - indent), self.secrets)

    def location(self, node: ast.AST, at: ast.AST | None = None) -> Location:
        """The node's region. In a call written over several lines, the region starts at `at`, the
        argument that is wrong, when that stands on a later line than the call: the finding points
        at the line to change. The snippet stays the whole call."""
        start = node
        if at is not None and getattr(at, "lineno", 0) > getattr(node, "lineno", 1):
            start = at
        return Location(
            self.module.path,
            getattr(start, "lineno", 1),
            getattr(start, "col_offset", 0),
            getattr(node, "end_lineno", None),
            getattr(node, "end_col_offset", None),
        )

    def context_of(self, scope: Function | None) -> str:
        return "" if scope is None or scope.is_module else scope.qualname

    def report(
        self,
        rule: Rule,
        node: ast.AST,
        message: str,
        *,
        scope: Function | None = None,
        confidence: Confidence | None = None,
        flow: Sequence[FlowStep] = (),
        cwe: int | None = None,
        snippet: str | None = None,
        audit: bool = False,
        at: ast.AST | None = None,
    ) -> None:
        """Report a finding at `node`; `at` is the part of it that is wrong (an argument), where the
        finding starts when it stands on a later line. Pass `snippet` to replace the source text shown
        (a secret must never be printed whole: give the masked line). `audit` marks a finding without
        evidence, shown only in audit mode."""
        if snippet is not None:
            line = self.module.line_text(getattr(node, "lineno", 1))
            snippet = clip(snippet, getattr(node, "col_offset", 0) - (len(line) - len(line.lstrip())))
        stand_in = _stand_in_class(scope)
        if stand_in and not audit and not rule.id.startswith("SECRET"):
            # `DummyAuthenticator`, `FakeSmsGateway`: a class its name says is a stand-in for development or
            # tests. A credential in it is still a leak; anything else is for a reader.
            audit = True
            message += f"; `{stand_in}` is a stand-in, by its name not for production"
        finding = Finding(
            rule_id=rule.id,
            location=self.location(node, at),
            message=message,
            severity=rule.severity,
            confidence=rule.confidence,
            snippet=self.snippet(node) if snippet is None else snippet,
            flow=tuple(flow),
            cwe=cwe if cwe != rule.cwe else None,
            context=self.context_of(scope),
            audit=audit,
        )
        if confidence is not None:
            finding = finding.with_confidence(confidence)
        self.findings.append(redact_finding(finding, self.secrets))

    def report_flow(
        self,
        node: ast.AST,
        value: L.Value,
        outcomes: Sequence[Outcome],
        *,
        scope: Function,
        sink_note: str,
        once_per_source: bool = True,
        at: ast.AST | None = None,
    ) -> bool:
        """Report the first outcome whose label the value carries, with the data path; `at` is the
        argument that carries it (see `report`).

        Returns True when something was reported now. A value that carries only
        symbolic labels of other modules becomes a conditional finding. With
        `once_per_source` (for weak values, fixed where they are made) a source is
        reported at its first sink only; injection rules report every sink.
        """
        sink = FlowStep(self.location(node, at), sink_note)
        wanted = {o.label for o in outcomes}
        symbolic = sorted(
            label
            for label in value
            if label.startswith((L.RET_PREFIX, L.COMPOSED_FROM_PREFIX, L.TEXT_OF_PREFIX))
            or label.startswith(L.VIA_PREFIX)
            and L.parse_via(label)[2] in wanted
            or label.startswith(L.RAISES_PREFIX)
            and L.EXCEPTION in wanted
        )
        best = next((i for i, o in enumerate(outcomes) if o.label in value), None)
        # Request input that is only Django URL parameters: their URL patterns decide whether it is text.
        url_params = (
            sorted(label for label in value if label.startswith(L.URL_PARAM_PREFIX))
            if best is not None and outcomes[best].label == L.REQUEST
            else []
        )
        if symbolic and best != 0 or url_params:
            # A more serious outcome may hold through another module: let the project stage decide,
            # with what is known here as the fallback.
            symbolic += url_params
            if not once_per_source or all(self._first_sink("?", scope, value[k]) for k in symbolic):
                here = [
                    (f"here:{o.label}", value[o.label])
                    for o in outcomes
                    if o.label in value and not (url_params and o.label == L.REQUEST)
                ]
                self.conditionals.append(
                    ConditionalFinding(
                        outcomes=tuple(outcomes),
                        callees=tuple(symbolic),
                        location=self.location(node, at),
                        snippet=self.snippet(node),
                        context=self.context_of(scope),
                        sink_step=sink,
                        local_traces=(*((k, value[k]) for k in symbolic), *here),
                    )
                )
            return False
        for outcome in outcomes:
            trace = value.get(outcome.label)
            if trace is not None:
                if once_per_source and not self._first_sink(outcome.rule.id, scope, trace):
                    return False
                message = outcome.message.format(source=describe_source(trace, node), sink=sink_note)
                self.report(
                    outcome.rule,
                    node,
                    message,
                    scope=scope,
                    confidence=outcome.confidence,
                    flow=ending_at(trace, sink),
                    cwe=outcome.cwe,
                    audit=outcome.audit,
                    at=at,
                )
                return True
        return False

    def _first_sink(self, rule_id: str, scope: Function, trace: L.Trace) -> bool:
        source = (trace[0].location.line, trace[0].location.col) if trace else None
        key = (rule_id, scope.qualname, source)
        if source is not None and key in self._reported_sources:
            return False
        self._reported_sources.add(key)
        return True


def ending_at(trace: L.Trace, sink: FlowStep) -> L.Trace:
    """The path with the sink as its last step (an assignment step at the sink is not repeated)."""
    if trace and trace[-1].location.line == sink.location.line and trace[-1].note.startswith("assigned to"):
        trace = trace[:-1]
    return (*trace, sink)


def describe_source(trace: L.Trace, sink: ast.AST | Location) -> str:
    """The first step of a path, with where it is when that is not the sink's own line."""
    if not trace:
        return "a value"
    # "the request object `request`" says less than the `request.args[...]` that follows it.
    while len(trace) > 1 and trace[0].note.startswith("the request object"):
        trace = trace[1:]
    first = trace[0].location
    sink_loc = sink if isinstance(sink, Location) else None
    sink_line = sink_loc.line if sink_loc else getattr(sink, "lineno", None)
    sink_path = sink_loc.path if sink_loc else first.path
    if first.path != sink_path:
        return f"{trace[0].note} ({first.path}:{first.line})"
    if first.line != sink_line:
        return f"{trace[0].note} (line {first.line})"
    return trace[0].note


@dataclass
class TextContext:
    """A file that is not Python (template, .env, config, key file): its text, line by line."""

    path: str
    kind: str
    text: str
    config: Config
    findings: list[Finding] = field(default_factory=list)
    facts: list[tuple[str, object]] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def fact(self, kind: str, data: object) -> None:
        self.facts.append((kind, data))

    def report(
        self,
        rule: Rule,
        line: int,
        message: str,
        *,
        col: int = 0,
        end_line: int | None = None,
        snippet: str | None = None,
        confidence: Confidence | None = None,
        cwe: int | None = None,
        audit: bool = False,
    ) -> None:
        lines = self.lines
        raw = lines[line - 1] if 0 < line <= len(lines) else ""
        text = clip(raw.strip() if snippet is None else snippet, col - (len(raw) - len(raw.lstrip())))
        finding = Finding(
            rule_id=rule.id,
            location=Location(self.path, line, col, end_line),
            message=message,
            severity=rule.severity,
            confidence=rule.confidence,
            snippet=text,
            cwe=cwe if cwe != rule.cwe else None,
            audit=audit,
        )
        self.findings.append(finding.with_confidence(confidence) if confidence else finding)


#: A fact every Python file hands on: (a module-level name, the project class of the object bound to it).
MODULE_INSTANCE = "module.instance"
#: `self.documents.search(term)` where what the class keeps in `documents` is not known where it is called
#: (a constructor's argument, or set by a base class of another module): the project stage runs the method
#: of that name that one class of the project defines (see `ProjectContext._held_method`).
HELD_OBJECT_CALL = "<held>."


def same_global_name(one: str, other: str) -> bool:
    """Two project-wide names that may be read against different package roots (`app.filters.f`,
    `filters.f`)."""
    return one == other or one.endswith("." + other) or other.endswith("." + one)


@dataclass
class ProjectContext:
    """Everything the project stage knows: every file, and the facts the file stage handed on."""

    root: str
    files: list[SourceFile]  # in path order
    facts_by_kind: dict[str, list[tuple[str, object]]]
    findings: list[Finding] = field(default_factory=list)
    #: Findings of flows through other modules, decided before the project checks run; a check that knows
    #: more of the project (the routes a view serves) may replace one in place.
    decided: list[Finding] = field(default_factory=list)
    #: The parameters of a project function that reach its return value, "raw" or "escaped" (read from the
    #: function's summary on demand).
    returned_params_of: Callable[[str], dict[str, set[str]]] | None = None
    #: The global names of every function and method the project defines.
    functions: frozenset[str] = frozenset()

    def returned_params(self, name: str) -> dict[str, set[str]]:
        return self.returned_params_of(name) if self.returned_params_of is not None else {}

    def facts(self, kind: str) -> list[tuple[str, object]]:
        """(path, data) for every fact of this kind, in path order."""
        return self.facts_by_kind.get(kind, [])

    def facts_of(self, kind: str, data_type: type[T]) -> list[tuple[str, T]]:
        """(path, data) for every fact of this kind, as the type its data has."""
        return [(path, data) for path, data in self.facts(kind) if isinstance(data, data_type)]

    @cached_property
    def _instances(self) -> dict[str, str]:
        return {
            data[0]: data[1]
            for _, data in self.facts(MODULE_INSTANCE)
            if isinstance(data, tuple) and len(data) == 2 and all(isinstance(d, str) for d in data)
        }

    @cached_property
    def _instances_by_last_name(self) -> dict[str, list[tuple[str, str]]]:
        """The instances by the last part of their name: names read against another package root end alike."""
        found: dict[str, list[tuple[str, str]]] = {}
        for name, cls in self._instances.items():
            found.setdefault(name.rsplit(".", 1)[-1], []).append((name, cls))
        return found

    def instance_class(self, name: str) -> str | None:
        """The project class of the object a module binds to `name` (`pkg.repo.pages = PageRepository()`),
        also when `name` is read against a different package root."""
        if name in self._instances:
            return self._instances[name]
        candidates = self._instances_by_last_name.get(name.rsplit(".", 1)[-1], ())
        found = {c for n, c in candidates if same_global_name(n, name)}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def _re_exports(self) -> dict[str, str]:
        # A name that is also a module of the project (`crm.db`, a package, beside `from .extensions import db`
        # in `crm/__init__.py`) is that module to whoever imports from it.
        modules = {f.module_name for f in self.files if f.module_name}
        return {
            data.name: data.target
            for _, data in self.facts_of(ALIAS, AliasFact)
            if not data.name.endswith(")") and data.name not in modules
        }

    @cached_property
    def _methods_by_name(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name in self.functions:
            owner, _, method = name.rpartition(".")
            if owner and owner.rsplit(".", 1)[-1][:1].isupper():
                found.setdefault(method, []).append(name)
        return found

    def _held_method(self, held: str) -> str | None:
        """`CALLER_CLASS.ATTRIBUTE.METHOD` (see `HELD_OBJECT_CALL`): the method of that name when one class of
        the project, the caller's aside, defines one; of several, the one whose class the attribute names
        (`self.notes` holds a `NotesService`)."""
        owner, attribute, method = held.rsplit(".", 2)
        if method.startswith("__"):
            return None
        found = [m for m in self._methods_by_name.get(method, []) if m.rsplit(".", 1)[0] != owner]
        if len(found) > 1:
            wanted = {w.rstrip("s") for w in names.words(attribute)}
            found = [m for m in found if wanted & {w.rstrip("s") for w in names.words(m.rsplit(".", 2)[-2])}]
        return found[0] if len(found) == 1 else None

    def re_exported(self, name: str) -> str:
        """`app.repositories.Repo.search` -> `app.repositories.work.Repo.search` when the package's
        `__init__.py` imports `Repo` from `.work`, followed through re-exports of re-exports."""
        for _ in range(4):
            parts = name.split(".")
            prefix = next((n for n in range(len(parts), 1, -1) if ".".join(parts[:n]) in self._re_exports), None)
            if prefix is None:
                break
            name = ".".join([self._re_exports[".".join(parts[:prefix])], *parts[prefix:]])
        return name

    def resolve_method(self, callee: str) -> str:
        """`pkg.repo.pages.search` -> `pkg.repo.PageRepository.search` when `pages` is such an object; a name
        a package re-exports is the name it stands for."""
        if callee.startswith(HELD_OBJECT_CALL):
            return self._held_method(callee[len(HELD_OBJECT_CALL) :]) or callee
        callee = self.re_exported(callee)
        owner, _, method = callee.rpartition(".")
        cls = self.instance_class(owner) if owner else None
        return f"{cls}.{method}" if cls else callee

    def report(
        self,
        rule: Rule,
        location: Location,
        message: str,
        *,
        snippet: str = "",
        context: str = "",
        flow: Sequence[FlowStep] = (),
        confidence: Confidence | None = None,
        cwe: int | None = None,
        audit: bool = False,
    ) -> None:
        finding = Finding(
            rule_id=rule.id,
            location=location,
            message=message,
            severity=rule.severity,
            confidence=rule.confidence,
            snippet=snippet,
            flow=tuple(flow),
            cwe=cwe if cwe != rule.cwe else None,
            context=context,
            audit=audit,
        )
        self.findings.append(finding.with_confidence(confidence) if confidence else finding)


def declared_argument(event: CallEvent, sink: Declared, verb: str) -> tuple[L.Value, str]:
    """The argument a sink the config declares takes its SQL or HTML from, and how to say it."""
    position = sink.argument if isinstance(sink.argument, int) else None
    keyword = sink.argument if isinstance(sink.argument, str) else None
    return event.value_of(position, keyword), f"{verb} by `{sink.name.lstrip('.')}()`, a sink the config declares"


def argument_node(call: ast.Call, index: int | None = None, keyword: str | None = None) -> ast.expr | None:
    """The argument expression a call event's `value_of(index, keyword)` reads: where a finding about
    that value starts (see `FileContext.location`)."""
    if keyword is not None:
        found = next((kw.value for kw in reversed(call.keywords) if kw.arg == keyword), None)
        if found is not None:
            return found
    return call.args[index] if index is not None and index < len(call.args) else None


def arguments(event: CallEvent, skip: Sequence[str] = ()) -> list[tuple[ast.expr, L.Value]]:
    """Each argument of a call event with its value: the positional ones, then the keywords but those
    named in `skip`."""
    node = event.node
    return [
        *zip(node.args, event.args),
        *((kw.value, event.keywords[kw.arg or "**"]) for kw in node.keywords if kw.arg not in skip),
    ]


#: First words of a class name that say the class stands in for a real one.
_STAND_IN_WORDS = frozenset({"dummy", "fake", "mock", "stub", "test", "testing"})


def _stand_in_class(scope: Function | None) -> str | None:
    """The name of the class around `scope` when its first word says it is a stand-in (`DummyAuthenticator`)."""
    while scope is not None:
        if scope.class_name:
            words = names.words(scope.class_name)
            return scope.class_name if words and words[0] in _STAND_IN_WORDS else None
        scope = scope.parent
    return None
