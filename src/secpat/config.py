"""`[tool.secpat]` and command-line options, merged into one immutable `Config`."""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from secpat import knowledge, safeio
from secpat.findings import Confidence, Severity
from secpat.knowledge import Declared
from secpat.patterns import PATTERNS
from secpat.rules import registry

if TYPE_CHECKING:
    import pathspec

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

MAX_CONFIG_BYTES = 4 << 20  # a config file larger than this is not a config file

__all__ = [
    "DEFAULT_EXCLUDES",
    "DEFAULT_TEST_IGNORE",
    "DEFAULT_TEST_PATHS",
    "KEYS",
    "RULE_PREFIXES",
    "Config",
    "ConfigError",
    "canonical_selector",
    "find_pyproject",
    "load_config",
]

#: Selector prefixes: one per pattern, plus SPT for secpat's own meta rules.
RULE_PREFIXES: tuple[str, ...] = (*(p.prefix for p in PATTERNS), "SPT")

#: Directories skipped on every scan; `exclude` adds to these and never removes them.
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".git/",
    ".hg/",
    ".svn/",
    ".venv/",
    "venv/",
    "node_modules/",
    "build/",
    "dist/",
    "__pycache__/",
    ".tox/",
    ".nox/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
    ".hypothesis/",
    ".secpat_cache/",
    ".eggs/",
    "*.egg-info/",
    "site-packages/",
    ".idea/",
    ".vscode/",
    "htmlcov/",
)

# `**/tests/**` rather than `tests/**`: Django apps keep their tests in `<app>/tests/`.
DEFAULT_TEST_PATHS: tuple[str, ...] = (
    "**/tests/**",
    "**/test/**",
    "**/*_tests/**",  # `smoke_tests/`, `integration_tests/`, `_smoke_tests/`
    "**/*-tests/**",
    "**/test_*.py",
    "**/*_test.py",
    "**/conftest.py",
    "**/pytest_plugin.py",  # fixtures a package ships to its test suites (a `pytest11` entry point)
    "**/tests.py",
    "**/test.py",
    # Documentation, examples and tutorials are read, not deployed.
    "**/docs/**",
    "**/doc/**",
    "**/example*/**",  # `examples/`, `example/`, `example_project/`, `exampleapp/`
    "**/tutorial*/**",
    # Copies to fill in (`settings_example.py`, `config_sample.py`) and test data (`create_test_data.py`,
    # `export_test_1.yaml`, `test_data/`): their names say what they are. (`.env.example` is not: the
    # secret rules read env templates on their own terms.)
    "**/*_example.*",
    "**/*-example.*",
    "**/*.example.*",
    "**/*_sample.*",
    "**/sample/**",
    "**/samples/**",
    "**/*_samples/**",
    "**/*-samples/**",
    "**/sample_*/**",
    "**/sample-*/**",
    "**/test_*",
    "**/*_test_*",
    # Settings and helpers that exist only to run the test suite.
    "**/testutils/**",
    "**/testing/**",  # a package's test helpers (`shop/testing/factories.py`, a fake payment processor)
    "**/test_settings*.py",
    "**/settings/test*.py",
    "**/settings_test*.py",
    "**/ci_settings*.py",
    "**/settings/ci.py",
    "**/settings/ci_*.py",
    "**/settings_ci*.py",
    # Development settings (`settings/dev.py`, `settings_dev.py`, `app-dev.cfg`, `docker-compose.dev.yml`),
    # the services a test suite starts (`docker-compose.integration-mysql.yml`) and the runners that
    # drive it (nox, tox), and QA scenarios: the values in them are the developers' own.
    "**/settings/dev*.py",
    "**/*_dev.*",
    "**/*-dev.*",
    "**/*.dev.*",
    "**/docker-compose*test*.y*ml",
    "**/docker-compose*integration*.y*ml",
    "**/docker-compose*.ci.y*ml",
    "**/noxfile.py",
    "**/noxfiles/**",
    "**/tox.ini",
    "**/qa/**",
    # Stand-ins named for what they are: a fake SMS gateway, a dummy backend, mocks for local development.
    "**/fake.py",
    "**/fakes.py",
    "**/dummy.py",
    "**/mock.py",
    "**/mocks.py",
    # Project scaffolds: templates a generator copies and the user completes, not a deployed app.
    "**/project_template/**",
    "**/app_template/**",
    "**/*{{*/**",  # a cookiecutter directory such as `{{cookiecutter.project_slug}}/`
    # Projects that CI workflows build and throw away, and the services they start for the tests.
    "**/.github/**",
    "**/.gitlab/**",
    "**/.circleci/**",
    "**/ci/**",
    "**/.ci/**",
    "**/continuous_integration/**",
    "**/continuous-integration/**",
)

# Test code is not deployed, so only real credentials (SECRET) still matter there.
DEFAULT_TEST_IGNORE: tuple[str, ...] = tuple(p.prefix for p in PATTERNS if p.prefix != "SECRET")

STANDALONE_NAMES = ("secpat.toml", ".secpat.toml")


class ConfigError(Exception):
    """A configuration problem, worded for the user: which file, which key, what is wrong."""


@dataclass(frozen=True, slots=True)
class Config:
    root: Path  # directory holding the config file used (or the scan root if none)
    source: Path | None  # the config file read, if any
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (gitignore-style glob, selectors)
    test_paths: tuple[str, ...] = DEFAULT_TEST_PATHS
    test_ignore: tuple[str, ...] = DEFAULT_TEST_IGNORE
    exclude: tuple[str, ...] = ()  # added to DEFAULT_EXCLUDES
    respect_gitignore: bool = True
    fail_on: Severity = Severity.LOW
    report_level: Severity = Severity.LOW  # minimum severity shown
    min_confidence: Confidence = Confidence.MEDIUM
    baseline: Path | None = None
    max_file_size: int = 2_000_000
    audit: bool = False  # also report findings that rest on a name or an API alone
    #: Root-relative directories the user named to scan: test and example globs match below them,
    #: so `secpat check examples/app` checks that app as deployed code.
    scan_prefixes: tuple[str, ...] = ()
    file_timeout: int = 30  # processor seconds one file's analysis may take before it becomes a notice
    jwt_max_lifetime: int = 3600  # seconds
    #: Honour Bandit's `nosec` and Ruff's `noqa: S...` comments (docs/configuration.md).
    respect_nosec: bool = False
    #: The project's own request wrappers, SQL and HTML helpers and escapers (`secpat.knowledge`).
    sources: tuple[Declared, ...] = ()
    sinks: tuple[Declared, ...] = ()
    sanitizers: tuple[Declared, ...] = ()
    #: (field name, where its value came from: a config file or "command line"); unlisted fields are defaults.
    origins: tuple[tuple[str, str], ...] = ()

    @property
    def knowledge(self) -> knowledge.Knowledge:
        return knowledge.Knowledge(self.sources, self.sinks, self.sanitizers)

    def is_enabled(self, rule_id: str, rel_path: str) -> bool:
        """Whether `rule_id` applies to the file at `rel_path` (POSIX, relative to `root`)."""
        if not _selected(rule_id, self.select, self.ignore):
            return False
        path = _posix(rel_path)
        for glob, selectors in self.per_path_ignores:
            if _matches_any(rule_id, selectors) and _spec_matches((glob,), path):
                return False
        return not (_matches_any(rule_id, self.test_ignore) and self.is_test_path(path))

    def is_test_path(self, rel_path: str) -> bool:
        """Test, documentation or example code: not deployed (see `test-paths`)."""
        if not self.test_paths:
            return False
        path = _posix(rel_path)
        for prefix in sorted(self.scan_prefixes, key=len, reverse=True):
            if prefix and path.startswith(prefix + "/"):
                path = path[len(prefix) + 1 :]
                break
        return _spec_matches(self.test_paths, path)

    def is_excluded(self, rel_path: str, *, is_dir: bool = False) -> bool:
        """Whether discovery skips this path (built-in skips plus `exclude`)."""
        path = _posix(rel_path).rstrip("/")
        # Directory-only patterns (`build/`) need the trailing slash to match the directory itself.
        return _spec(DEFAULT_EXCLUDES + self.exclude).match_file(path + "/" if is_dir else path)

    def digest(self) -> str:
        """A stable hash of every setting that can change one file's results (for the cache key)."""
        payload = {
            "select": self.select,
            "ignore": self.ignore,
            "per_path_ignores": self.per_path_ignores,
            "test_paths": self.test_paths,
            "scan_prefixes": self.scan_prefixes,
            "test_ignore": self.test_ignore,
            "report_level": self.report_level.value,
            "min_confidence": self.min_confidence.value,
            "max_file_size": self.max_file_size,
            "jwt_max_lifetime": self.jwt_max_lifetime,
            "respect_nosec": self.respect_nosec,
            "declared": [
                [(d.name, d.kind, d.argument) for d in table] for table in (self.sources, self.sinks, self.sanitizers)
            ],
        }
        raw = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode()).hexdigest()[:32]


# --- selectors ---------------------------------------------------------------

_PREFIX = re.compile(r"[A-Za-z]+")


def canonical_selector(selector: str) -> str | None:
    """`ALL`, a prefix, or the rule id a selector stands for; None if it names nothing."""
    text = selector.strip()
    if text.upper() == "ALL":
        return "ALL"
    if text.upper() in RULE_PREFIXES:
        return text.upper()
    rule = registry.get(text) if text else None
    return rule.id if rule else None


_ID_SHAPE = re.compile(r"[A-Za-z]+\d{3}")


@lru_cache(maxsize=4096)
def _specificity(selector: str, rule_id: str) -> int | None:
    """How specifically `selector` names `rule_id`: 0 ALL, 1 prefix, 2 id; None if it does not."""
    # An id-shaped selector matches by text, so matching never depends on which rules are loaded.
    text = selector.strip()
    canonical = text.upper() if _ID_SHAPE.fullmatch(text) else canonical_selector(text)
    if canonical is None:
        return None
    if canonical == "ALL":
        return 0
    if canonical == rule_id.upper():
        return 2
    prefix = _PREFIX.match(rule_id)
    if canonical in RULE_PREFIXES and prefix and prefix.group().upper() == canonical:
        return 1
    return None


def _best(rule_id: str, selectors: Sequence[str]) -> int | None:
    levels = [s for s in (_specificity(sel, rule_id) for sel in selectors) if s is not None]
    return max(levels, default=None)


def _selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    # As in ruff: the more specific selector wins; at equal specificity `ignore` wins.
    chosen = _best(rule_id, select)
    if chosen is None:
        return False
    dropped = _best(rule_id, ignore)
    return dropped is None or chosen > dropped


def _matches_any(rule_id: str, selectors: Sequence[str]) -> bool:
    return _best(rule_id, selectors) is not None


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # here: a run answered from the cache matches no paths

    return pathspec.GitIgnoreSpec.from_lines(patterns)


@lru_cache(maxsize=1 << 16)
def _spec_matches(patterns: tuple[str, ...], path: str) -> bool:
    """Every rule asks the same few questions of each file's path: match each pair once."""
    return _spec(patterns).match_file(path)


def _posix(rel_path: str) -> str:
    path = rel_path.replace(os.sep, "/") if os.sep != "/" else rel_path
    while path.startswith("./"):
        path = path[2:]
    return path


# --- discovery ---------------------------------------------------------------


def find_pyproject(start: Path) -> Path | None:
    """The nearest config file at or above `start`, stopping at the repository root.

    In each directory `secpat.toml` and `.secpat.toml` win over `pyproject.toml`, and a
    `pyproject.toml` only counts if it has a `[tool.secpat]` table.
    """
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in STANDALONE_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_secpat_table(pyproject):
            return pyproject
        # A `.git` file marks a worktree or submodule root just like a directory does.
        if (directory / ".git").exists():
            return None
    return None


def _has_secpat_table(pyproject: Path) -> bool:
    try:
        data = pyproject.read_bytes()
    except OSError:
        return False  # someone else's unreadable file is not our configuration
    if _is_utf16(data) and "secpat" in data.decode("utf-16", errors="replace"):
        _refuse_utf16(pyproject, data)  # a file that configures us must not be skipped silently
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if "secpat" in text:  # a broken file that configures us must not be skipped silently
            raise _toml_error(pyproject, text, exc) from None
        return False
    tool = document.get("tool")
    return isinstance(tool, dict) and "secpat" in tool


def _is_utf16(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\0" in data[:2])


def _refuse_utf16(path: Path, data: bytes) -> None:
    """TOML is UTF-8; a UTF-16 file (as some Windows editors save) would otherwise be skipped unseen."""
    if _is_utf16(data):
        raise ConfigError(f"{_shown(path)}: config file is UTF-16; TOML files must be saved as UTF-8")


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        data = safeio.read_capped(path, MAX_CONFIG_BYTES)
        _refuse_utf16(path, data)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{_shown(path)}: config file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{_shown(path)}: config file is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{_shown(path)}: cannot read config file ({exc.strerror or exc})") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(path, text, exc) from None
    except RecursionError:
        raise ConfigError(f"{_shown(path)}: config file is nested too deeply") from None


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _toml_error(path: Path, text: str, exc: Exception) -> ConfigError:
    message = str(exc)
    found = _AT.search(message)
    if found:
        line, col = found.group(1), found.group(2)
        message = message[: found.start()]
    else:  # "(at end of document)"
        line, col = str(text.count("\n") + 1), "1"
        message = re.sub(r"\s*\(at end of document\)\s*$", " at end of file", message)
    return ConfigError(f"{_shown(path)}:{line}:{col}: invalid TOML: {message}")


# --- loading -----------------------------------------------------------------

# `extend-` keys add to whatever the layers before set; the plain key replaces it.
_EXTENDS = {"extend-select": "select", "extend-ignore": "ignore", "extend-exclude": "exclude"}
_NO_OVERRIDES: Mapping[str, object] = MappingProxyType({})


@dataclass
class _Layer:
    """One source of settings (a file or the command line), for parsing and error messages."""

    label: str  # the file path, or "command line"
    base: Path  # relative paths are resolved against this
    section: str = ""  # "[tool.secpat] " inside a pyproject.toml
    text: str = ""  # the file text, to point at the offending line
    values: dict[str, Any] = field(default_factory=dict)
    cli: bool = False

    def error(self, key: str, problem: str) -> ConfigError:
        after = "tool.secpat" if self.section else ""
        line = _key_line(self.text, key, after=after)
        if line is None and "." in key:  # `per-path-ignores."tests/**"`: the glob's line, or the table's
            parent, leaf = key.split(".", 1)
            line = _key_line(self.text, leaf.strip('"'), after=after) or _key_line(self.text, parent, after=after)
        where = f"{self.label}:{line}" if line else self.label
        return ConfigError(f"{where}: {self.section}{key}: {problem}")


def _key_line(text: str, key: str, *, after: str = "") -> int | None:
    """Best-effort line of `key = ...`, looking only below the first line mentioning `after`."""
    quoted = re.escape(key)
    pattern = re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")
    searching = not after
    for number, line in enumerate(text.splitlines(), start=1):
        searching = searching or after in line
        if searching and pattern.match(line):
            return number
    return None


def load_config(start: Path, explicit: Path | None = None, overrides: Mapping[str, object] = _NO_OVERRIDES) -> Config:
    """Read the config for a scan of `start`, then apply command-line `overrides` on top.

    `explicit` (`--config FILE`) skips discovery. Overrides use the same keys as the file
    (kebab- or snake-case); None values are ignored, so flags that were not given can be
    passed through unchanged.
    """
    start = Path(start)
    layers: list[_Layer] = []
    source: Path | None
    if explicit is not None:
        source = Path(explicit).resolve()
        layers.append(_file_layer(source, require_table=True))
    else:
        source = find_pyproject(start)
        if source is not None:
            layers.append(_file_layer(source, require_table=False))
    root = source.parent if source is not None else _directory_of(start)

    cli = {_kebab(k): v for k, v in overrides.items() if v is not None}
    if cli:
        layers.append(_Layer("command line", Path.cwd(), values=cli, cli=True))

    settings: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for layer in layers:
        parsed = _parse_layer(layer)
        _merge(settings, parsed)
        for key in parsed:
            origins[_field(_EXTENDS.get(key, key))] = layer.label
    return Config(root=root, source=source, origins=tuple(sorted(origins.items())), **settings)


def _merge(settings: dict[str, Any], parsed: Mapping[str, Any]) -> None:
    """Apply one layer: plain keys replace, then `extend-` keys add to the result."""
    defaults = {f.name: f.default for f in fields(Config)}
    for key, value in parsed.items():
        if key not in _EXTENDS:
            settings[_field(key)] = value
    for extend, base in _EXTENDS.items():
        if extend in parsed:
            current = settings.get(_field(base), defaults[_field(base)])
            settings[_field(base)] = current + tuple(v for v in parsed[extend] if v not in current)


def _field(key: str) -> str:
    return key.replace("-", "_")


def _directory_of(start: Path) -> Path:
    resolved = start.resolve()
    return resolved if resolved.is_dir() else resolved.parent


def _kebab(key: str) -> str:
    return key.strip().replace("_", "-")


def _file_layer(path: Path, *, require_table: bool) -> _Layer:
    data, text = _read_toml(path)
    tool = data.get("tool")
    if isinstance(tool, dict) and "secpat" in tool:
        table, section = tool["secpat"], "[tool.secpat] "
        if not isinstance(table, dict):
            raise ConfigError(f"{_shown(path)}: tool.secpat must be a table, got {_describe(table)}")
    elif path.name == "pyproject.toml":
        if require_table:
            raise ConfigError(f"{_shown(path)}: no [tool.secpat] table in this file")
        table, section = {}, ""
    else:
        # A standalone file holds the same keys at the top level.
        table, section = data, ""
    return _Layer(_shown(path), path.parent, section=section, text=text, values=dict(table))


def _parse_layer(layer: _Layer) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for key, value in layer.values.items():
        if key not in _PARSERS:
            raise layer.error(key, _unknown_key(key))
        parsed[key] = _PARSERS[key](layer, key, value)
    return parsed


# Names other tools use for the same setting, so a migrating user gets pointed the right way.
_ALIASES = {
    "skips": "ignore",
    "exclude-dirs": "exclude",
    "per-file-ignores": "per-path-ignores",
    "extend-per-file-ignores": "per-path-ignores",
    "severity": "report-level",
    "confidence": "min-confidence",
    "fail-level": "fail-on",
}


def _unknown_key(key: str) -> str:
    if key == "tool":
        return "unknown key; in a standalone secpat.toml the keys go at the top level, without [tool.secpat]"
    kebab = _kebab(key)
    if kebab in KEYS:
        return f"unknown key; keys are kebab-case: did you mean '{kebab}'?"
    if kebab in _ALIASES:
        return f"unknown key; did you mean '{_ALIASES[kebab]}'?"
    close = difflib.get_close_matches(kebab, KEYS, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(KEYS)}"
    return f"unknown key; {hint}"


def _describe(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


# --- value parsers -----------------------------------------------------------
# Each takes (layer, key, raw value) and returns the typed value or raises the layer's error.


def _strings(layer: _Layer, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str) and layer.cli:
        value = [part for part in re.split(r"[,\s]+", value) if part]  # `--ignore RND,PWD001`
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise layer.error(key, f"expected a list of strings, got {_describe(value)}")
    return tuple(v.strip() for v in value)


def _globs(layer: _Layer, key: str, value: object) -> tuple[str, ...]:
    globs = _strings(layer, key, value)
    for glob in globs:
        _check_glob(layer, key, glob)
    return globs


def _check_glob(layer: _Layer, key: str, glob: str) -> None:
    if not glob:
        raise layer.error(key, "empty glob")
    try:
        _spec((glob,))
    except (ValueError, TypeError) as exc:
        raise layer.error(key, f"invalid glob {glob!r} ({exc})") from None


def _selectors(layer: _Layer, key: str, value: object) -> tuple[str, ...]:
    result: list[str] = []
    unknown: list[str] = []
    for selector in _strings(layer, key, value):
        canonical = canonical_selector(selector)
        if canonical is None:
            unknown.append(selector)
        elif canonical not in result:
            result.append(canonical)
    if unknown:
        raise layer.error(key, _unknown_selectors(unknown))
    return tuple(result)


def _unknown_selectors(unknown: Sequence[str]) -> str:
    rules = registry.all_rules()
    known = [*RULE_PREFIXES, *(r.id for r in rules), *(r.name for r in rules)]
    parts = []
    for selector in unknown:
        close = difflib.get_close_matches(selector, known, n=1, cutoff=0.6)
        close = close or difflib.get_close_matches(selector.upper(), known, n=1, cutoff=0.6)
        parts.append(f"{selector!r} (did you mean {close[0]!r}?)" if close else repr(selector))
    noun = "selector" if len(unknown) == 1 else "selectors"
    return (
        f"unknown rule {noun} {', '.join(parts)}; "
        f"use ALL, a prefix ({', '.join(RULE_PREFIXES)}), a rule id or a rule name (see `secpat rules`)"
    )


def _per_path(layer: _Layer, key: str, value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    expected = "expected a table of glob = [selectors]"
    if isinstance(value, Mapping):
        items = list(value.items())
    elif layer.cli and isinstance(value, (list, tuple)):
        items = list(value)  # the command line may pass (glob, selectors) pairs
    else:
        raise layer.error(key, f"{expected}, got {_describe(value)}")
    result = []
    for item in items:
        if not (isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[0], str)):
            raise layer.error(key, expected)
        glob, selectors = item
        _check_glob(layer, key, glob)
        result.append((glob, _selectors(layer, f'{key}."{glob}"', selectors)))
    return tuple(result)


def _bool(layer: _Layer, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise layer.error(key, f"expected true or false, got {_describe(value)}")
    return value


def _positive_int(layer: _Layer, key: str, value: object) -> int:
    # bool is an int subclass; `max-file-size = true` is still a mistake.
    if isinstance(value, bool) or not isinstance(value, int):
        raise layer.error(key, f"expected an integer, got {_describe(value)}")
    if value <= 0:
        raise layer.error(key, f"must be greater than 0, got {value}")
    return value


def _level(kind: type[Severity] | type[Confidence]) -> Callable[[_Layer, str, object], Any]:
    def parse(layer: _Layer, key: str, value: object) -> Severity | Confidence:
        if isinstance(value, kind):
            return value
        if not isinstance(value, str):
            raise layer.error(key, f"expected a string, got {_describe(value)}")
        try:
            return kind.parse(value)
        except ValueError as exc:
            raise layer.error(key, str(exc)) from None

    return parse


def _path(layer: _Layer, key: str, value: object) -> Path:
    if not isinstance(value, (str, os.PathLike)) or not str(value):
        raise layer.error(key, f"expected a file path, got {_describe(value)}")
    # File values are relative to the file; command-line values to the working directory.
    path = layer.base / Path(value)
    if not layer.cli:
        # A repository's own config must not make secpat read or write outside the repository.
        base = layer.base.resolve()
        resolved = path.resolve()
        if resolved != base and base not in resolved.parents:
            raise layer.error(
                key, f"{value!r} is outside the project ({resolved}); give paths outside it on the command line"
            )
    return path


def _declared(layer: _Layer, key: str, value: object) -> tuple[Declared, ...]:
    try:
        return knowledge.parse(key, value)
    except knowledge.DeclarationError as exc:
        raise layer.error(f'{key}."{exc.name}"' if exc.name else key, str(exc)) from None


_PARSERS: dict[str, Callable[[_Layer, str, Any], Any]] = {
    "select": _selectors,
    "extend-select": _selectors,
    "ignore": _selectors,
    "extend-ignore": _selectors,
    "per-path-ignores": _per_path,
    "test-paths": _globs,
    "test-ignore": _selectors,
    "exclude": _globs,
    "extend-exclude": _globs,
    "respect-gitignore": _bool,
    "audit": _bool,
    "fail-on": _level(Severity),
    "report-level": _level(Severity),
    "min-confidence": _level(Confidence),
    "baseline": _path,
    "max-file-size": _positive_int,
    "file-timeout": _positive_int,
    "jwt-max-lifetime": _positive_int,
    "respect-nosec": _bool,
    "sources": _declared,
    "sinks": _declared,
    "sanitizers": _declared,
}

#: Every key `[tool.secpat]` accepts, kebab-case.
KEYS: tuple[str, ...] = tuple(_PARSERS)
