"""The scan pipeline: discover → analyse each file (parallel, cached) → project stage → suppress → result.

The per-file stage is a pure function of (file bytes, path, config digest,
project module roots, secpat version); its result is cached by content hash
and reused when nothing changed.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import gc
import hashlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from secpat import __version__, safeio
from secpat.cache import ResultCache, WalkCache, codec, content_digest
from secpat.config import Config
from secpat.discovery import SETTLE_NS, SourceFile, WalkMemo, discover, discover_remembered, not_installed
from secpat.findings import Confidence, Finding, FlowStep, Location, Notice, NoticeKind, ScanResult

if TYPE_CHECKING:
    # Also what `_analysis()` binds at run time: declared here so that their uses are checked.
    from secpat import uses
    from secpat.dataflow import labels as L
    from secpat.frameworks.routes import Model as RouteModel
    from secpat.frameworks.routes import model_of
    from secpat.model.module import ClassInfo, Function, Module, innermost_span
    from secpat.parsing import ParseError, decode_source, parse_python
    from secpat.rules import registry
    from secpat.rules.context import (
        MODULE_INSTANCE,
        ConditionalFinding,
        FileContext,
        ProjectContext,
        TextContext,
        describe_source,
        ending_at,
    )
    from secpat.suppression import Suppression, apply_suppressions, parse_suppressions


_analysis_loaded = False


def _analysis() -> None:
    """Import what analysing files needs, on first use: a run answered whole from the cache needs none of it."""
    global L, Module, innermost_span, ParseError, decode_source, parse_python, registry, FileContext  # noqa: PLW0603
    global ProjectContext, TextContext, describe_source, ending_at, apply_suppressions, parse_suppressions  # noqa: PLW0603
    global MODULE_INSTANCE  # noqa: PLW0603
    global uses, model_of, _analysis_loaded  # noqa: PLW0603
    if _analysis_loaded:
        return
    _analysis_loaded = True
    from secpat import uses
    from secpat.dataflow import labels as L
    from secpat.frameworks.routes import model_of
    from secpat.model.module import Module, innermost_span
    from secpat.parsing import ParseError, decode_source, parse_python
    from secpat.rules import registry
    from secpat.rules.context import (
        MODULE_INSTANCE,
        FileContext,
        ProjectContext,
        TextContext,
        describe_source,
        ending_at,
    )
    from secpat.suppression import apply_suppressions, parse_suppressions


#: Recursion limit in the workers: the data flow recurses into nested expressions (the model does not).
_RECURSION_LIMIT = 10_000
_PARALLEL_THRESHOLD = 24  # below this many files a pool costs more than it saves
#: Bump when what a file's analysis yields changes shape or meaning within one version (part of the cache key).
RESULTS_FORMAT = 5


@dataclass
class FileResult:
    """What the per-file stage hands on: picklable, cacheable."""

    rel: str
    findings: list[Finding] = field(default_factory=list)
    conditionals: list[ConditionalFinding] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    statement_spans: list[tuple[int, int]] = field(default_factory=list)  # kept only when suppressions exist
    functions: list[str] = field(default_factory=list)  # global names of the functions defined here
    uses: list[str] = field(default_factory=list)  # what the file was seen to use (secpat.uses), for the checklist
    facts: list[tuple[str, object]] = field(default_factory=list)  # for project checks
    analysed: bool = True
    #: (mtime_ns, size, content digest) of the exact bytes analysed, for the cache; None if not read.
    identity: tuple[int, int, str] | None = None
    #: `conditionals`, `facts` and `functions` as read from the cache, still JSON text: only the project
    #: stage needs them, and it is itself cached, so a warm run with nothing changed never parses them.
    deferred: str | None = None

    def load_deferred(self) -> None:
        if self.deferred is not None:
            self.conditionals, self.facts, self.functions = codec.decode(json.loads(self.deferred))
            self.deferred = None

    def to_cache(self) -> object:
        return {
            "now": codec.encode(
                (
                    self.findings,
                    self.notices,
                    self.suppressions,
                    self.statement_spans,
                    self.analysed,
                    self.identity,
                    self.uses,
                )
            ),
            "later": json.dumps(codec.encode((self.conditionals, self.facts, self.functions)), separators=(",", ":")),
        }

    @classmethod
    def from_cache(cls, rel: str, payload: object) -> FileResult:
        """Raises codec.CodecError (or a ValueError / TypeError) for a payload secpat did not write."""
        if not isinstance(payload, dict) or set(payload) != {"now", "later"}:
            raise codec.CodecError("malformed file result")
        findings, notices, suppressions, spans, analysed, identity, uses = codec.decode(payload["now"])
        return cls(
            rel=rel,
            findings=findings,
            notices=notices,
            suppressions=suppressions,
            statement_spans=spans,
            analysed=analysed,
            identity=identity,
            uses=uses,
            deferred=payload["later"],
        )


@dataclass(frozen=True)
class FileTask:
    source: SourceFile
    config: Config
    project_roots: frozenset[str]


def analyse_file(task: FileTask) -> FileResult:
    """Read, parse, model and check one file. Never raises: problems become notices."""
    _analysis()
    source = task.source
    result = FileResult(rel=source.rel)
    checks = [
        c
        for c in registry.file_checks()
        if source.kind in c.kinds and any(task.config.is_enabled(rule_id, source.rel) for rule_id in c.rule_ids)
    ]
    if not checks and source.kind != "python":
        return result  # nothing reads this kind of file under this configuration
    try:
        data, st = safeio.read_regular(source.path, task.config.max_file_size)
    except safeio.ReadError as exc:
        reason = exc.strerror or str(exc)
        kind = NoticeKind.TOO_LARGE if "over the limit" in reason else NoticeKind.UNREADABLE
        detail = f"{reason} (max-file-size); skipped" if kind is NoticeKind.TOO_LARGE else reason
        result.notices.append(Notice(source.rel, kind, detail))
        result.analysed = False
        return result
    except OSError as exc:
        result.notices.append(Notice(source.rel, NoticeKind.UNREADABLE, f"cannot read: {exc.strerror or exc}"))
        result.analysed = False
        return result
    result.identity = (st.st_mtime_ns, st.st_size, content_digest(data))
    try:
        with _time_budget(task.config.file_timeout):
            return _analyse_bytes(task, data, result, checks)
    except _OverBudget:
        return _fresh_with_notice(
            result, NoticeKind.TOO_COMPLEX, f"analysis took over {task.config.file_timeout} s (file-timeout); skipped"
        )
    except Exception as exc:  # a bug in a rule must not stop the scan of the rest
        return _fresh_with_notice(
            result, NoticeKind.INTERNAL_ERROR, f"internal error while analysing: {type(exc).__name__}: {exc}"
        )


def _fresh_with_notice(result: FileResult, kind: NoticeKind, message: str) -> FileResult:
    """A result with nothing but `message`: whatever a check had half reported is dropped."""
    fresh = FileResult(rel=result.rel, analysed=False, identity=result.identity)
    fresh.notices.append(Notice(result.rel, kind, message))
    return fresh


class _OverBudget(BaseException):
    """Raised by the timer inside a file's analysis; a BaseException so no check can swallow it."""


class _time_budget:
    """Interrupt the analysis of one file after `seconds` of processor time (Unix main thread only; elsewhere no
    limit). Processor time, not the clock: a file analysed on a busy machine gets the same budget, so the
    findings do not depend on what else runs."""

    def __init__(self, seconds: int):
        self.seconds = seconds
        self.armed = False

    def __enter__(self) -> None:
        if (
            self.seconds <= 0
            or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
        ):
            return
        self.previous = signal.signal(signal.SIGPROF, self._expired)
        signal.setitimer(signal.ITIMER_PROF, self.seconds)
        self.armed = True

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, self.previous)

    @staticmethod
    def _expired(signum: int, frame: object) -> None:
        raise _OverBudget()


def _analyse_bytes(task: FileTask, data: bytes, result: FileResult, checks: list) -> FileResult:
    source = task.source
    if source.kind != "python":
        return _analyse_text(task, data, result, checks)
    try:
        text = decode_source(data)
    except ParseError as exc:
        result.notices.append(Notice(source.rel, NoticeKind.BINARY, exc.message))
        result.analysed = False
        return result
    if text.warning:
        result.notices.append(Notice(source.rel, NoticeKind.ENCODING, text.warning))
    try:
        parsed = parse_python(text.text, source.rel)
    except ParseError as exc:
        kind = NoticeKind.TOO_COMPLEX if "nested" in exc.message else NoticeKind.SYNTAX_ERROR
        result.notices.append(Notice(source.rel, kind, exc.message, exc.line))
        result.analysed = False
        return result
    if parsed.used_fallback:
        result.notices.append(
            Notice(
                source.rel,
                NoticeKind.FALLBACK_PARSER,
                f"parsed with the version-independent parser ({parsed.fallback_reason})",
            )
        )
    module = Module(
        parsed.tree,
        path=source.rel,
        module_name=source.module_name,
        source=text.text,
        is_package=source.is_package,
        project_roots=task.project_roots,
    )
    module.knowledge = task.config.knowledge
    ctx = FileContext(module, task.config)
    for check in checks:
        try:
            check.func(ctx)
        except RecursionError:
            result.notices.append(
                Notice(
                    source.rel,
                    NoticeKind.TOO_COMPLEX,
                    f"too deeply nested for {'/'.join(sorted(check.rule_ids))}; those rules skipped this file",
                )
            )
    result.findings = ctx.findings
    result.conditionals = ctx.conditionals
    result.facts = ctx.facts
    result.facts.extend((MODULE_INSTANCE, pair) for pair in module.instances().items())
    result.functions = [module.global_name(f) for f in module.functions.values()]
    imports = [*module.imports.values(), *(q for local in module.local_imports.values() for q in local.values())]
    result.uses = uses.of_module(imports, (c.callee for c in module.calls if c.callee), (k for k, _ in ctx.facts))
    if _has_suppressions(text.text, task.config):
        result.suppressions = parse_suppressions(text.text, python=True, foreign=task.config.respect_nosec)
        if result.suppressions:
            result.statement_spans = module.statement_spans
    module.release()  # a worker analyses thousands of files: each model must go as soon as its file is done
    return result


def _analyse_text(task: FileTask, data: bytes, result: FileResult, checks: list) -> FileResult:
    """Templates, env and config files, key files: read as text and handed to their checks."""
    source = task.source
    if source.kind != "secret-file" and _looks_binary(data):
        result.notices.append(
            Notice(source.rel, NoticeKind.BINARY, "binary content under a text file's name; not read")
        )
        result.analysed = False
        return result
    # A stray NUL byte must not hide the rest of the file: read it as a space (same column).
    text = data.replace(b"\0", b" ").decode("utf-8", errors="replace")
    ctx = TextContext(source.rel, source.kind, text, task.config)
    for check in checks:
        check.func(ctx)
    result.findings = ctx.findings
    result.facts = ctx.facts
    result.uses = uses.of_text_file(source.kind)
    if "secpat:" in text:
        result.suppressions = parse_suppressions(text, python=False)
    return result


def _has_suppressions(text: str, config: Config) -> bool:
    """A cheap test before tokenizing: does the file hold any comment that may be a suppression?"""
    return "secpat:" in text or (config.respect_nosec and ("nosec" in text or "noqa" in text))


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")


def _looks_binary(data: bytes) -> bool:
    """Mostly control bytes in the first 8 KiB: an image or archive, not text with a stray NUL."""
    sample = data[:8192]
    if not sample or b"\0" not in sample:
        return False
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls * 10 > len(sample)


def _worker_init() -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), _RECURSION_LIMIT))
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        _end_with_parent()
    # ASTs and models are many small objects, and a file's model is freed by reference counting when its
    # analysis ends (`Module.release`): the cyclic collector's passes over them would cost more than they free.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _end_with_parent() -> None:
    """A worker must not outlive a main process killed with SIGKILL (holding the output pipe open)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:  # the kernel signals us the moment the parent dies
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:  # elsewhere (and as a fallback): notice being re-parented
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="secpat-parent-watch", daemon=True).start()


# -- scan -----------------------------------------------------------------------


@dataclass
class ScanOptions:
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
    progress: Callable[[int, int], None] | None = None
    #: Names the cache file instead of the scan root: for a copy made in a new directory on each run
    #: (a git revision checked out by `--diff-base`), so its results are reused, not piled up.
    cache_name: str | None = None


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@functools.lru_cache(maxsize=1)
@functools.cache
def _code_stamp() -> str:
    """Size and modification time of every module of secpat itself: results made by other code
    (an edited or reinstalled checkout with an unchanged version number) are never reused."""
    package = Path(__file__).parent
    stamps = sorted(
        f"{p.relative_to(package)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in package.rglob("*.py")
    )
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:16]


def _cached_result(cache: ResultCache, source: SourceFile) -> FileResult | None:
    payload = cache.lookup(source.rel, source.mtime_ns, source.size, _digest_reader(source))
    if payload is None:
        return None
    try:
        result = FileResult.from_cache(source.rel, payload)
        if not isinstance(result.deferred, str):
            raise codec.CodecError("malformed deferred part")
        return result
    except (codec.CodecError, ValueError, TypeError, RecursionError):
        cache.forget(source.rel)
        return None


def _load_deferred(
    results: dict[str, FileResult],
    files: list[SourceFile],
    config: Config,
    project_roots: frozenset[str],
    options: ScanOptions,
    cache: ResultCache | None,
) -> None:
    """Decode what the project stage needs; a file whose cached part cannot be decoded is analysed again."""
    _analysis()
    again = []
    for source in files:
        result = results.get(source.rel)
        if result is None:
            continue
        try:
            result.load_deferred()
        except (codec.CodecError, ValueError, TypeError, RecursionError):
            again.append(source)
            if cache is not None:
                cache.forget(source.rel)
    for source, result in _run(again, config, project_roots, dataclasses.replace(options, progress=None)):
        results[source.rel] = result


def _cached_project(cache: ResultCache, project_key: str) -> tuple[list[Finding], list[Notice]] | None:
    payload = cache.project_result(project_key)
    if payload is None:
        return None
    try:
        findings, notices = codec.decode(payload)
    except (codec.CodecError, ValueError, TypeError, RecursionError):
        return None
    return findings, notices


def _digest_reader(source: SourceFile) -> Callable[[], str | None]:
    def read() -> str | None:
        try:
            return content_digest(safeio.read_capped(source.path, max(source.size, 1) * 2))
        except OSError:
            return None

    return read


def _for_scan(paths: Sequence[Path], config: Config) -> Config:
    """The config as this scan applies it: the directories named to scan, and, in an unpacked release,
    the code it ships but does not install, which is treated as test and example code is."""
    extra = not_installed(config.root) if config.test_paths else ()
    return dataclasses.replace(
        config, scan_prefixes=_scan_prefixes(paths, config.root), test_paths=config.test_paths + extra
    )


def _scan_prefixes(paths: Sequence[Path], root: Path) -> tuple[str, ...]:
    """The directories named to scan, relative to the root ("" for the root itself)."""
    prefixes = set()
    resolved_root = root.resolve()
    for path in paths:
        try:
            rel = path.resolve().relative_to(resolved_root).as_posix()
        except (OSError, ValueError):
            continue
        if path.is_dir():
            prefixes.add("" if rel == "." else rel)
    return tuple(sorted(prefixes))


def _discover(paths: Sequence[Path], config: Config, options: ScanOptions) -> tuple[list[SourceFile], list[Notice]]:
    """The files to scan; the walk of an unchanged tree is answered from the last one (`WalkMemo`)."""
    if not options.use_cache:
        return discover(paths, config.root, excludes=config.exclude, respect_gitignore=config.respect_gitignore)
    key = repr(
        (
            __version__,
            _code_stamp(),
            options.cache_name or str(config.root.resolve()),
            [str(p.absolute()) for p in paths],
            config.exclude,
            config.respect_gitignore,
        )
    )
    walks = WalkCache(key, options.cache_dir)
    previous = WalkMemo.from_data(walks.load())
    files, notices, memo = discover_remembered(
        paths, config.root, excludes=config.exclude, respect_gitignore=config.respect_gitignore, previous=previous
    )
    if memo is not None:
        walks.store(memo.to_data())
    return files, notices


def _open_cache(
    config: Config, project_roots: frozenset[str], options: ScanOptions, notices: list[Notice]
) -> tuple[str, ResultCache | None]:
    cache_key = hashlib.sha256(
        "\x1f".join(
            (
                __version__,
                _code_stamp(),
                str(RESULTS_FORMAT),
                config.digest(),
                sys.version.split()[0],
                ",".join(sorted(project_roots)),
            )
        ).encode("utf-8", "surrogateescape")
    ).hexdigest()[:20]
    if not options.use_cache:
        return cache_key, None
    cache = ResultCache(config.root, cache_key, options.cache_dir, name=options.cache_name)
    if cache.problem:
        notices.append(Notice(".", NoticeKind.CONFIG, cache.problem))
    return cache_key, cache


def _file_results(
    files: list[SourceFile],
    config: Config,
    project_roots: frozenset[str],
    options: ScanOptions,
    cache: ResultCache | None,
) -> dict[str, FileResult]:
    """The per-file stage: each file's result from the cache, or analysed (and then cached)."""
    _analysis()
    results: dict[str, FileResult] = {}
    todo: list[SourceFile] = []
    for source in files:
        cached = _cached_result(cache, source) if cache else None
        if cached is not None:
            results[source.rel] = cached
        else:
            todo.append(source)
    for source, result in _run(todo, config, project_roots, options):
        results[source.rel] = result
        if cache is not None and result.identity is not None:
            # Keyed by the bytes the worker read: a file edited meanwhile is re-read next time.
            try:
                cache.store(source.rel, *result.identity, result.to_cache())
            except codec.CodecError:
                pass  # a result holding something the codec does not know is simply not cached
    return results


def project_facts(
    paths: Sequence[Path],
    config: Config,
    options: ScanOptions | None = None,
) -> tuple[list[SourceFile], dict[str, list[tuple[str, object]]]]:
    """What the per-file stage of `scan` hands the project stage: the files, and each kind of fact with
    the file it came from (routes, views, settings, forms...), from the same cache. `secpat routes`
    shows the model built from these, so it shows what the rules judge."""
    options = options or ScanOptions()
    config = _for_scan(paths, config)
    files, notices = _discover(paths, config, options)
    project_roots = frozenset(f.module_name.split(".", 1)[0] for f in files if f.kind == "python" and f.module_name)
    _, cache = _open_cache(config, project_roots, options, notices)
    results = _file_results(files, config, project_roots, options, cache)
    _load_deferred(results, files, config, project_roots, options, cache)
    if cache is not None:
        cache.save(keep=(f.rel for f in files))
    return files, _facts_by_kind(results)


def _facts_by_kind(results: dict[str, FileResult]) -> dict[str, list[tuple[str, object]]]:
    facts: dict[str, list[tuple[str, object]]] = {}
    for rel in sorted(results):
        for kind, data in results[rel].facts:
            facts.setdefault(kind, []).append((rel, data))
    return facts


def scan(paths: Sequence[Path], config: Config, options: ScanOptions | None = None) -> ScanResult:
    options = options or ScanOptions()
    started = time.perf_counter()
    root = config.root
    config = _for_scan(paths, config)
    files, notices = _discover(paths, config, options)
    discovery_notices = list(notices)
    python_files = [f for f in files if f.kind == "python"]
    project_roots = frozenset(f.module_name.split(".", 1)[0] for f in python_files if f.module_name)

    cache_key, cache = _open_cache(config, project_roots, options, notices)
    run_key = _run_key(cache_key, config, files, root)
    if cache is not None:
        answered = _cached_run(cache, run_key, notices, started)
        if answered is not None:
            return answered

    results = _file_results(files, config, project_roots, options, cache)

    # The project stage reads other files; its result is reused only when no file changed at all.
    # The git index counts too: `git rm --cached .env` changes what the repository rules say.
    project_key = hashlib.sha256(
        repr(([(f.rel, f.mtime_ns, f.size) for f in files], _mtime(root / ".git" / "index"))).encode(
            "utf-8", "surrogateescape"
        )
    ).hexdigest()
    cached_project = _cached_project(cache, project_key) if cache else None
    if cached_project is not None:
        project_findings, file_notices = cached_project
    else:
        _load_deferred(results, files, config, project_roots, options, cache)
        project_findings, file_notices = _project_stage(results, files, config, project_roots)
        if cache is not None:
            cache.store_project(project_key, codec.encode((project_findings, file_notices)))
    findings = _without_superseded([f for r in results.values() for f in r.findings] + project_findings)
    notices.extend(file_notices)
    for file_result in results.values():
        notices.extend(file_result.notices)

    kept, suppressed = _suppress(findings, results, config)
    kept = [f for f in kept if config.is_enabled(f.rule_id, f.location.path)]
    # Findings hidden by an option, so the checklist can say a box was not clean, only hidden.
    hidden: list[tuple[str, str]] = []
    reported = []
    for finding in kept:
        if finding.confidence < config.min_confidence:
            hidden.append((finding.rule_id, "min-confidence"))
        elif finding.audit and not config.audit:
            hidden.append((finding.rule_id, "audit"))
        elif finding.severity < config.report_level:
            hidden.append((finding.rule_id, "report-level"))
        else:
            reported.append(finding)
    result = ScanResult(
        findings=sorted(reported, key=Finding.sort_key),
        notices=sorted(notices, key=_notice_order),
        files_scanned=sum(1 for r in results.values() if r.analysed),
        suppressed=suppressed,
        root=str(root),
        command="check",
        patterns_checked=_patterns_checked(config),
        duration_s=time.perf_counter() - started,
        uses=frozenset(word for r in results.values() if r.analysed for word in r.uses),
        hidden=tuple(sorted(hidden)),
    )
    if cache is not None and _settled(files, root):
        # Discovery's notices are made afresh by every run; the rest is the run's result.
        fresh = set(map(id, discovery_notices))
        kept_notices = [n for n in result.notices if id(n) not in fresh]
        # The rule records go along whole (the codec names a rule by its id, which needs the registry).
        records = [{f.name: getattr(rule, f.name) for f in dataclasses.fields(rule)} for rule in registry.all_rules()]
        try:
            cache.store_run(
                run_key,
                [
                    codec.encode(dataclasses.replace(result, notices=kept_notices, duration_s=0.0)),
                    codec.encode(records),
                ],
            )
        except codec.CodecError:
            pass
    if cache is not None:
        cache.save(keep=(f.rel for f in files))
    return result


def _notice_order(notice: Notice) -> tuple[str, int, str]:
    return (notice.path, notice.line or 0, notice.kind.value)


def _run_key(cache_key: str, config: Config, files: list[SourceFile], root: Path) -> str:
    """What a whole run's result depends on: secpat and its settings, and every file's status
    (the change time too, which no one can set back) and the git index's."""
    index = _stat_triple(root / ".git" / "index")
    listing = "\n".join(
        f"{f.rel}\x1f{f.kind}\x1f{f.module_name}\x1f{f.size}\x1f{f.mtime_ns}\x1f{f.ctime_ns}" for f in files
    )
    head = repr((cache_key, dataclasses.replace(config, origins=()), index))
    return hashlib.sha256(f"{head}\n{listing}".encode("utf-8", "surrogateescape")).hexdigest()


def _stat_triple(path: Path) -> tuple[int, int, int]:
    try:
        st = path.stat()
    except OSError:
        return (0, 0, 0)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _settled(files: list[SourceFile], root: Path) -> bool:
    """No file (nor the git index) changed in the last moments."""
    recent = time.time_ns() - SETTLE_NS
    index = _stat_triple(root / ".git" / "index")
    return all(f.mtime_ns < recent and f.ctime_ns < recent for f in files) and max(index[1:]) < recent


def _cached_run(cache: ResultCache, run_key: str, notices: list[Notice], started: float) -> ScanResult | None:
    """The last run's result when nothing it depends on changed; discovery's notices are this run's."""
    from secpat.rules.registry import Rule

    payload = cache.run_result(run_key)
    if not isinstance(payload, list) or len(payload) != 2:
        return None
    try:
        result = codec.decode(payload[0])
        rules = {record["id"]: Rule(**record) for record in codec.decode(payload[1])}
    except (codec.CodecError, ValueError, TypeError, KeyError, RecursionError):
        return None
    if not isinstance(result, ScanResult):
        return None
    return dataclasses.replace(
        result,
        notices=sorted([*notices, *result.notices], key=_notice_order),
        duration_s=time.perf_counter() - started,
        rules=rules,
    )


def _run(
    todo: list[SourceFile], config: Config, project_roots: frozenset[str], options: ScanOptions
) -> Iterable[tuple[SourceFile, FileResult]]:
    tasks = [FileTask(source, config, project_roots) for source in todo]
    jobs = options.jobs or os.cpu_count() or 1
    total = len(tasks)
    if jobs <= 1 or total < _PARALLEL_THRESHOLD:
        _worker_init()
        for index, task in enumerate(tasks, 1):
            yield task.source, analyse_file(task)
            if options.progress:
                options.progress(index, total)
        return
    # Biggest files first, so one large file does not finish alone at the end.
    order = sorted(range(total), key=lambda i: -tasks[i].source.size)
    chunksize = max(1, min(64, total // (jobs * 8) or 1))
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
        ordered = [tasks[i] for i in order]
        for index, (task, result) in enumerate(zip(ordered, pool.map(analyse_file, ordered, chunksize=chunksize)), 1):
            yield task.source, result
            if options.progress:
                options.progress(index, total)


def _patterns_checked(config: Config) -> frozenset[int]:
    _analysis()
    checked = set()
    for check in registry.file_checks() + registry.project_checks():
        for rule in check.rules:
            if rule.pattern and config.is_enabled(rule.id, ""):
                checked.add(rule.pattern)
    return frozenset(checked)


# -- project stage -----------------------------------------------------------------


def _project_stage(
    results: dict[str, FileResult], files: list[SourceFile], config: Config, project_roots: frozenset[str]
) -> tuple[list[Finding], list[Notice]]:
    """Findings that need more than one file: conditional flows decided from other modules' summaries."""
    _analysis()
    findings: list[Finding] = []
    conditionals = [c for r in results.values() for c in r.conditionals]
    notices: list[Notice] = []
    ctx = ProjectContext(
        root=str(config.root),
        files=files,
        facts_by_kind=_facts_by_kind(results),
        functions=frozenset(name for result in results.values() for name in result.functions),
    )
    made: list[_Summaries] = []

    def summaries_of_project() -> _Summaries:
        if not made:
            made.append(_Summaries(results, files, config, project_roots, lambda: model_of(ctx)))
        return made[0]

    ctx.returned_params_of = lambda name: summaries_of_project().returned_params(name)
    if conditionals:
        # A source already reported where it became a secret is not reported again at every caller; one
        # reported only in audit mode (a trace-level log line) leaves its evidenced sinks to be reported.
        reported_sources = {f.source_key for r in results.values() for f in r.findings if f.flow and not f.audit}
        summaries = summaries_of_project()
        decided_calls: set[tuple[str, str, str]] = set()
        for conditional in conditionals:
            finding = summaries.decide(conditional)
            if finding is not None and finding.source_key not in reported_sources:
                if conditional.call:
                    call = (finding.rule_id, conditional.location.path, conditional.call)
                    if call in decided_calls:
                        continue
                    decided_calls.add(call)
                findings.append(finding)
    # Project checks always run: their findings are filtered by path like any other.
    project_checks = registry.project_checks()
    if project_checks:
        ctx.decided = findings
        for check in project_checks:
            check.func(ctx)
        findings.extend(ctx.findings)
    if made:
        notices.extend(made[0].notices)
    return findings, notices


#: First words of a function that derives something from a secret it is given.
_DERIVING_VERBS = frozenset(
    (verb,) for verb in ("encrypt", "hash", "hashed", "digest", "mask", "redact", "obfuscate", "scramble", "encode")
)
#: Calls that sign or draw a bearer credential: what they return is the token itself.
_TOKEN_MAKERS = frozenset({"encode", "dumps", "sign", "token_urlsafe", "token_hex", "token_bytes"})


def _named_secret_made(module: Module, function: Function, index: int | None) -> FlowStep | None:
    """`def create_access_token(...)`: what a function named for making a token hands out is that token, where it
    returns it whole; of a tuple it returns (`return jwt.encode(...), payload`), the element a token maker makes."""
    from secpat import names  # (loaded with the analysis, as the rest of the project stage)

    if names.function_returns_secret(function.name) not in (names.NameKind.SECRET, names.NameKind.SHORT_CODE):
        return None
    if names.words(function.name)[-1:] in (("nonce",), ("salt",), ("iv",), ("state",), ("challenge",), ("seed",)):
        return None  # must not be guessed, but opens nothing: shown to the client or stored beside what it salts
    if names.words(function.name)[:1] in _DERIVING_VERBS:
        return None  # `encrypt_pin()`, `hash_token()`: what it returns is made from the secret, not the secret
    for node in function.returns():
        returned = node.value
        if isinstance(returned, ast.Tuple):
            if index is None or index >= len(returned.elts):
                continue
            element = returned.elts[index]
            call = element.func if isinstance(element, ast.Call) else None
            maker = call.attr if isinstance(call, ast.Attribute) else call.id if isinstance(call, ast.Name) else ""
            named = isinstance(element, ast.Name) and names.classify(element.id) is names.NameKind.SECRET
            if maker not in _TOKEN_MAKERS and not named:
                continue
        elif index is not None or returned is None:
            continue
        where = Location(module.path, node.lineno, node.col_offset + 1)
        return FlowStep(where, f"the token `{function.name}()` returns")
    return None


def _tail(name: str) -> str:
    return ".".join(name.rsplit(".", 2)[-2:])


def _without_superseded(findings: list[Finding]) -> list[Finding]:
    """A more specific finding replaces a general one at the same place (SQL002 over SQL001), one with evidence
    replaces the same rule's audit data flow there (the request input a caller passes over the unknown data the
    file shows), and one rule reports a data flow at one place once: of two from the same source, the first
    stands (a file's own before the project stage's)."""
    _analysis()
    rules = {r.id: r for r in registry.all_rules()}
    covered = {
        (rule, f.location.path, f.location.line, f.location.col)
        for f in findings
        for rule in getattr(rules.get(f.rule_id), "supersedes", ())
    }
    # Only data flows: two settings on one line are two findings, whatever their modes.
    evidenced = {
        (f.rule_id, f.location.path, f.location.line, f.location.col) for f in findings if f.flow and not f.audit
    }
    kept: list[Finding] = []
    flows: set[tuple[object, ...]] = set()
    for f in findings:
        place = (f.rule_id, f.location.path, f.location.line, f.location.col)
        if place in covered or f.audit and f.flow and place in evidenced:
            continue
        if f.flow:
            flow = (*place, *f.source_key[1:])
            if flow in flows:
                continue
            flows.add(flow)
        kept.append(f)
    return kept


class _Summaries:
    """Return-value summaries of project functions, computed on demand.

    Only functions that a conditional finding depends on are summarised, by
    re-reading their file: most scans need none or a handful.
    """

    def __init__(
        self,
        results: dict[str, FileResult],
        files: list[SourceFile],
        config: Config,
        project_roots: frozenset[str],
        routes: Callable[[], RouteModel],
    ):
        self.config = config
        self.routes = routes  # the application model, built when a URL parameter needs judging
        self.project_roots = project_roots
        self.file_of: dict[str, SourceFile] = {}
        by_rel = {f.rel: f for f in files}
        for rel, result in results.items():
            for name in result.functions:
                if rel in by_rel:
                    self.file_of[name] = by_rel[rel]
        self.modules: dict[str, Module | None] = {}
        self._by_tail: dict[str, list[str]] | None = None
        self.values: dict[str, L.Value] = {}
        self.notices: list[Notice] = []
        #: `pkg.f!m` resolved through the classes a factory returns: which one runs is decided at run time.
        self.by_factory: set[str] = set()
        self.by_module = {f.module_name: f for f in files if f.kind == "python" and f.module_name}
        self.raising: dict[str, bool] = {}  # memo of `raises_only_own_errors`

    def lookup(self, name: str) -> str | None:
        if name in self.file_of:
            return name
        # A name resolved against a different package root: match the module's last part and the function.
        if self._by_tail is None:
            self._by_tail = {}
            for key in self.file_of:
                self._by_tail.setdefault(_tail(key), []).append(key)
        matches = [k for k in self._by_tail.get(_tail(name), ()) if k.endswith("." + name) or name.endswith("." + k)]
        return matches[0] if len(matches) == 1 else None

    def _returned(self, name: str) -> tuple[Module, Function, L.Value] | None:
        """The function `name` names (`pkg.mod.f`, or `pkg.mod.f#1/3` for one element of the tuple it
        returns) and what it returns there: that element when it always returns such a tuple, else all."""
        method = L.split_method(name)
        if method is not None:
            keys = self.methods(*method)
            name = keys[0] if len(keys) == 1 else ""
        qualified, index, arity = L.parse_item(name)
        key = self.lookup(qualified)
        module = self._module(self.file_of[key]) if key else None
        if key is None or module is None:
            return None
        qualname = key[len(module.module_name) + 1 :] if module.module_name else key
        function = module.functions.get(qualname)
        if function is None:
            return None
        from secpat.dataflow.flow import flow_of  # loaded with the analysis (see `_analysis`)

        flow = flow_of(module, function)
        items = flow.return_items(arity) if index is not None else None
        return module, function, items[index] if items is not None and index is not None else flow.return_value

    def returned_params(self, name: str) -> dict[str, set[str]]:
        """Parameters (by position and by name) whose value reaches the return value: "raw" or "escaped".
        For a method of what a factory returns: the parameters every class it can return passes back."""
        method = L.split_method(name)
        keys = self.methods(*method) if method is not None else []
        if len(keys) > 1:
            each = [self.returned_params(key) for key in keys]
            return {
                param: set.intersection(*(found[param] for found in each))
                for param in set.intersection(*(set(found) for found in each))
            }
        found = self._returned(name)
        if found is None:
            return {}
        module, function, returned = found
        init = module.functions.get(function.qualname.rsplit(".", 1)[0] + ".__init__") if function.class_name else None
        out: dict[str, set[str]] = {}
        for label in returned:
            for prefix, how, params, kind in (
                (L.PARAM_PREFIX, "raw", function.params, ""),
                (L.ESCAPED_PARAM_PREFIX, "escaped", function.params, ""),
                (L.INIT_PARAM_PREFIX, "raw", init.params if init else [], "init-"),
            ):
                if label.startswith(prefix):
                    index = int(label[len(prefix) :])
                    out.setdefault(f"{kind}{index}", set()).add(how)
                    if index < len(params):
                        out.setdefault(f"{kind}{params[index]}", set()).add(how)
        return out

    def methods(self, owner: str, method: str) -> list[str]:
        """The project functions that calling `method` on what `owner` returns runs: `pkg.mod.C.field` when
        `owner` is a class with that method, or that method of each class the factory `owner` returns."""
        own = self._method(owner, method)
        if own is not None:
            return [own]
        found = self._returned(owner) if L.METHOD_SUFFIX not in owner else None
        classes = (
            sorted(
                {
                    label[len(L.RET_PREFIX) :]
                    for label in found[2]
                    if label.startswith(L.RET_PREFIX) and L.METHOD_SUFFIX not in label and "#" not in label
                }
            )
            if found
            else []
        )
        keys = [key for key in (self._method(c, method) for c in classes) if key is not None]
        if keys:
            self.by_factory.add(f"{owner}{L.METHOD_SUFFIX}{method}")
        return keys

    def _method(self, owner: str, method: str) -> str | None:
        """`pkg.mod.C.field` for the method `field` of the project class `pkg.mod.C`, else None."""
        key = self.lookup(f"{owner}.{method}")
        module = self._module(self.file_of[key]) if key else None
        if key is None or module is None:
            return None
        qualname = key[len(module.module_name) + 1 :] if module.module_name else key
        function = module.functions.get(qualname)
        return key if function is not None and function.class_name else None

    def _class(self, name: str) -> tuple[Module, ClassInfo] | None:
        """The project class `pkg.mod.C` names, with its module."""
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            source = self.by_module.get(".".join(parts[:cut]))
            module = self._module(source) if source is not None else None
            if module is not None:
                cls = module.classes.get(".".join(parts[cut:]))
                return (module, cls) if cls is not None else None
        return None

    def classes_made(self, name: str, depth: int = 0) -> set[str]:
        """The project classes whose objects `name` gives: the class itself, the classes a function returns
        objects of (what it returns, or its return annotation: `-> Token | None`)."""
        if self._class(name) is not None:
            return {name}
        found = self._returned(name) if depth < 6 else None
        if found is None:
            return set()
        module, function, returned = found
        made: set[str] = set()
        for label in returned:
            if label.startswith(L.RET_PREFIX) and L.METHOD_SUFFIX not in label and "#" not in label:
                made |= self.classes_made(label[len(L.RET_PREFIX) :], depth + 1)
        annotation = getattr(function.node, "returns", None)
        for node in ast.walk(annotation) if annotation is not None else ():
            if isinstance(node, (ast.Name, ast.Attribute)):
                qualified = module.qualified_name(node, function)
                if qualified and self._class(qualified) is not None:
                    made.add(qualified)
        return made

    def text_of_objects(self, classes: set[str]) -> L.Value | None:
        """What objects of these classes are written as: what their `__str__` (or `__repr__`) returns, nothing
        when no class in their project ancestry defines either. None when one derives from a library class
        (a `str`, a dict, a model) whose own text may be its content."""
        parts: list[L.Value] = []
        for name in sorted(classes):
            method = self._text_method(name)
            if method is None:
                return None
            if method:
                parts.append(self.value(method))
        return L.combine(parts) if parts else L.EMPTY

    def _text_method(self, name: str, depth: int = 0) -> str | None:
        """`pkg.mod.C.__str__` (or `__repr__`) defined by the class or its nearest project base; "" when none
        is; None when a base is a library class other than `object`."""
        found = self._class(name)
        if found is None or depth > 8:
            return None
        module, cls = found
        for method in ("__str__", "__repr__"):
            if method in cls.methods:
                return f"{name}.{method}"
        for base in cls.bases:
            if base in ("object", "builtins.object"):
                continue
            inherited = self._text_method(base, depth + 1)
            if inherited is None or inherited:
                return inherited
        return ""

    def value(self, name: str, depth: int = 0) -> L.Value:
        method = L.split_method(name)
        if method is not None and method[1] == L.ITEM_ACCESS:
            # `found["name"]`: one field of what the function returned, not all of a whole body it may return.
            whole = L.without_names(self.value(method[0], depth + 1))
            return L.without(whole, L.REQUEST_WHOLE, L.REQUEST_BODY)
        if method is not None:
            keys = self.methods(*method)
            if len(keys) > 1:
                return L.combine([self.value(key, depth + 1) for key in keys])
            name = keys[0] if keys else method[0] + L.METHOD_SUFFIX
        if name.endswith(L.METHOD_SUFFIX):
            return L.without_names(self.value(name[: -len(L.METHOD_SUFFIX)], depth + 1))
        qualified, index, arity = L.parse_item(name)
        key = self.lookup(qualified)
        if key is None or depth > 8:
            return L.EMPTY
        key = key if index is None else L.item(key, index, arity)
        if key in self.values:
            return self.values[key]
        self.values[key] = L.EMPTY  # recursion guard
        found = self._returned(name)
        if found is None:
            return L.EMPTY
        raw = found[2]
        params = set(found[1].params)
        parts: list[L.Value] = []
        for label, trace in raw.items():
            if (
                trace
                and trace[0].note.startswith("parameter `")
                and trace[0].note[len("parameter `") :].split("`", 1)[0] in params
            ):
                # `def strip_quotes(self, token)`: the parameter's name says what the function expects, but
                # what a caller passes arrives with its own labels (`via:`) and is judged by the caller's
                # words; a call may also leave out `pin=None`.
                continue
            if label.startswith(L.RET_PREFIX):
                inner = self.value(label[len(L.RET_PREFIX) :], depth + 1)
                parts.append({k: v + trace for k, v in inner.items()})
            elif not L.is_symbolic(label):
                parts.append({label: trace})
        value = L.combine(parts) if parts else L.EMPTY
        made = _named_secret_made(found[0], found[1], index)
        if made is not None and L.SECRET not in value and L.PASSWORD not in value:
            value = {**value, L.SECRET: (made,)}
        self.values[key] = value
        return value

    def _module(self, source: SourceFile) -> Module | None:
        if source.rel in self.modules:
            return self.modules[source.rel]
        module = None
        try:
            text = decode_source(Path(source.path).read_bytes())
            parsed = parse_python(text.text, source.rel)
            module = Module(
                parsed.tree,
                path=source.rel,
                module_name=source.module_name,
                source=text.text,
                is_package=source.is_package,
                project_roots=self.project_roots,
            )
            module.knowledge = self.config.knowledge
        except (OSError, ParseError, RecursionError):
            module = None
        self.modules[source.rel] = module
        return module

    def raises_only_own_errors(self, symbol: str, depth: int = 0) -> bool:
        """Whether the project function `symbol` names (`pkg.mod.f`, `pkg.mod.C.m`, or `pkg.mod.f!m` for the
        method `m` of what `f` returns) raises only errors of the program's own making or of an outbound
        request: every call it makes works in memory, sends a request, or runs a project function that
        does no more (see `dataflow.raises`). A class made: its `__init__`, if the project writes one."""
        from secpat.dataflow import raises  # loaded with the analysis (see `_analysis`)

        if symbol in self.raising:
            return self.raising[symbol]
        if depth > raises.MAX_DEPTH:
            return False
        self.raising[symbol] = True  # a call back into a function being read adds no call of its own
        self.raising[symbol] = verdict = self._raises_only_own_errors(symbol, depth)
        return verdict

    def _raises_only_own_errors(self, symbol: str, depth: int) -> bool:
        from secpat.dataflow import raises

        method = L.split_method(symbol)
        if method is not None:
            owner, name = method
            # A method no project class of the object defines (`unflatten(attributes).items()`) is a
            # string's, a collection's or a date's own, or a library base class's: unknown.
            keys = [self._method(cls, name) for cls in sorted(self.classes_made(owner))] or [None]
            return all(
                name in raises.PURE_METHODS if k is None else self.raises_only_own_errors(k, depth + 1) for k in keys
            )
        symbol = self._defined_where(symbol)
        found = self._class(symbol)
        if found is not None:
            module, cls = found
            init = module.functions.get(f"{cls.qualname}.__init__")
            if init is not None:
                return self._body_raises_only_own(module, init, depth)
            # No `__init__` of its own: its bases' runs, a record's (a schema, an enum, an exception) or
            # another project class's; a library class's (a connection, a client) can do anything.
            return all(
                base.startswith(raises.DATA_BASES) or self.raises_only_own_errors(base, depth + 1) for base in cls.bases
            )
        key = self.lookup(symbol)
        where = self._module(self.file_of[key]) if key else None
        if key is None or where is None:
            # `ExtensionConfig.parse_obj(data)`: a method a schema library gives the project's model class.
            owner, _, name = symbol.rpartition(".")
            return name in raises.SCHEMA_METHODS and self._class(owner) is not None
        function = where.functions.get(key[len(where.module_name) + 1 :] if where.module_name else key)
        if function is None:
            return False
        return self._hands_out_object(where, function) or self._body_raises_only_own(where, function, depth)

    def _defined_where(self, name: str) -> str:
        """`pkg.types.base.Model` where `pkg/types/base.py` only imports `Model` from `pkg.types.base_model`:
        the name where it is defined (two hops at most), else the name as given."""
        for _ in range(2):
            owner, _, last = name.rpartition(".")
            source = self.by_module.get(owner)
            module = self._module(source) if source is not None else None
            imported = module.imports.get(last) if module is not None else None
            if not imported or imported == name:
                break
            name = imported
        return name

    def _hands_out_object(self, module: Module, function: Function) -> bool:
        """`def get_store_service() -> StoreService: return get_service(ServiceType.STORE)`: an accessor that
        takes nothing and only returns an object of a project class it names. What it can raise is that the
        object is not there, the program's own error; what the object does is judged where it is used."""
        node = function.node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.returns is None:
            return False
        args = node.args
        required = len(args.posonlyargs) + len(args.args) - len(args.defaults) - (1 if function.class_name else 0)
        body = [stmt for stmt in node.body if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))]
        return (
            required <= 0
            and not any(d is None for d in args.kw_defaults)
            and len(body) == 1
            and isinstance(body[0], ast.Return)
            and any(
                self._class(module.qualified_name(part, function) or "") is not None
                for part in ast.walk(node.returns)
                if isinstance(part, (ast.Name, ast.Attribute))
            )
        )

    def _body_raises_only_own(self, module: Module, function: Function, depth: int) -> bool:
        from secpat.dataflow import raises

        calls = raises.calls_in(module, function, function.body)
        return not calls.unknown and all(self.raises_only_own_errors(f, depth + 1) for f in calls.project)

    def decide(self, conditional: ConditionalFinding) -> Finding | None:
        for outcome in conditional.outcomes:
            for symbol, local in conditional.local_traces:
                expected = False
                if symbol.startswith("here:"):
                    if symbol[len("here:") :] != outcome.label:
                        continue
                    trace = ending_at(local, conditional.sink_step)
                elif symbol.startswith(L.COMPOSED_FROM_PREFIX):
                    returned = self.value(symbol[len(L.COMPOSED_FROM_PREFIX) :])
                    if outcome.label != L.COMPOSED or not returned or L.CONST in returned:
                        continue
                    trace = ending_at(local, conditional.sink_step)
                elif symbol.startswith(L.TEXT_OF_PREFIX):
                    owner, named = L.parse_text_of(symbol)
                    classes = self.classes_made(owner)
                    text = self.text_of_objects(classes) if classes else None
                    if text is not None:  # an object of a project class: its text, not its name
                        remote = text.get(outcome.label)
                        if named or remote is None:
                            continue
                        trace = ending_at((*remote, *local), conditional.sink_step)
                    elif named:
                        if named != outcome.label:
                            continue
                        trace = ending_at(local, conditional.sink_step)
                    else:
                        remote = self.value(owner).get(outcome.label)
                        if remote is None:
                            continue
                        trace = ending_at((*remote, *local), conditional.sink_step)
                elif symbol.startswith(L.URL_PARAM_PREFIX):
                    if outcome.label != L.REQUEST or not self.routes().url_parameter_is_text(
                        *L.parse_url_param(symbol)
                    ):
                        continue
                    trace = ending_at(local, conditional.sink_step)
                elif symbol.startswith(L.RAISES_PREFIX):
                    # The exception of a block that calls only these project functions: if none of them can
                    # raise more than its own errors or an upstream's, its text is no leak of internals.
                    called = L.parse_raises(symbol)
                    if outcome.label != L.EXCEPTION or not all(self.raises_only_own_errors(f) for f in called):
                        continue
                    trace = ending_at(local, conditional.sink_step)
                    expected = True
                elif symbol.startswith(L.RET_PREFIX):
                    callee = symbol[len(L.RET_PREFIX) :]
                    returned = self.value(callee)
                    remote = returned.get(outcome.label)
                    if remote is None:
                        continue
                    if outcome.label.startswith(L.SHORT_TOKEN) and L.CSPRNG in returned:
                        continue  # a short lookup id handed back beside a full-strength secret (RND003)
                    trace = ending_at((*remote, *local), conditional.sink_step)
                    # The exception another module hands back was caught by kind (`except csv.Error`),
                    # or raised by an outbound request: its text is that error's, as it is where it is caught.
                    expected = outcome.label == L.EXCEPTION and (
                        L.EXPECTED_ERROR in returned or L.UPSTREAM_ERROR in returned
                    )
                else:
                    callee, param, label = L.parse_via(symbol)
                    ways = self.returned_params(callee).get(param, set())
                    # Escaping on the way turns request input into escaped input.
                    arriving = {
                        label if how == "raw" else L.HTML_ESCAPED if label == L.REQUEST else label for how in ways
                    }
                    if outcome.label not in arriving:
                        continue
                    trace = ending_at(local, conditional.sink_step)
                message = outcome.message.format(
                    source=describe_source(trace, conditional.location), sink=conditional.sink_step.note
                )
                finding = Finding(
                    rule_id=outcome.rule.id,
                    location=conditional.location,
                    message=message,
                    severity=outcome.rule.severity,
                    confidence=outcome.rule.confidence,
                    snippet=conditional.snippet,
                    flow=trace,
                    context=conditional.context,
                    cwe=outcome.cwe if outcome.cwe != outcome.rule.cwe else None,
                    audit=outcome.audit or expected,
                )
                if symbol.startswith((L.RET_PREFIX, L.VIA_PREFIX)) and callee in self.by_factory:
                    finding = finding.with_confidence(Confidence.MEDIUM)  # one of the classes it may return
                return finding.with_confidence(outcome.confidence) if outcome.confidence else finding
        return None


# -- suppression -------------------------------------------------------------------


def _suppress(findings: list[Finding], results: dict[str, FileResult], config: Config) -> tuple[list[Finding], int]:
    _analysis()
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.location.path, []).append(finding)
    kept: list[Finding] = []
    suppressed = 0
    for path in sorted(set(by_path) | {rel for rel, r in results.items() if r.suppressions}):
        result = results.get(path)
        path_findings = by_path.get(path, [])
        if result is None or not result.suppressions:
            kept.extend(path_findings)
            continue
        spans = result.statement_spans
        remaining, count, meta = apply_suppressions(
            path_findings,
            result.suppressions,
            _span_lookup(spans),
            path,
            enabled=functools.partial(config.is_enabled, rel_path=path),
        )
        kept.extend(remaining)
        kept.extend(meta)
        suppressed += count
    return kept, suppressed


def _span_lookup(spans: list[tuple[int, int]]) -> Callable[[int], tuple[int, int]]:
    return lambda line: innermost_span(spans, line)
