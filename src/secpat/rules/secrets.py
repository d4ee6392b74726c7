"""Pattern 9 — secret management (SECRET).

A secret is found by its format (`sk_live_…`, `ghp_…`, a private key block, a URL
with a password) anywhere in source, config, env files and templates, or by a
secret-promising name (`SECRET_KEY`, `DB_PASSWORD`, `api_key`) bound to a value
that looks real: labels, enum members, messages, references and placeholders
stay silent, except where the literal is the key in use (the application's own
key, a key argument, what a client's password is compared with), whatever it
looks like. A literal fallback for a secret read from the environment is
reported, and so is a `.env`, key or credentials file that git tracks or that
`.gitignore` does not cover. No secret is ever printed whole.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pathspec

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow.flow import flow_of
from secpat.findings import Confidence, Finding, Location, Severity
from secpat.frameworks.environments import environment_of_name
from secpat.model.module import Call, Function, LiteralBinding, Module, parents_of
from secpat.names import NameKind
from secpat.rules.context import FileContext, ProjectContext, TextContext
from secpat.rules.registry import Rule, check, define
from secpat.secrets.entropy import (
    CHOSEN_PASSWORD,
    PLACEHOLDER_VALUES,
    Judgement,
    char_classes,
    escaped,
    is_documented_example,
    is_dotted_name,
    is_env_name,
    is_prose,
    is_public_material,
    is_reference,
    is_url_or_path,
    judge_literal,
    judge_value,
    secret_kind,
)
from secpat.secrets.formats import FormatMatch, scan_text
from secpat.secrets.masking import mask, mask_line, mask_span

if TYPE_CHECKING:
    from secpat.config import Config

SECRET001 = define(
    Rule(
        id="SECRET001",
        name="hardcoded-secret",
        pattern=9,
        title="Secret hard-coded in source or configuration",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=798,
        why="""
        A key, token or password written into code or a committed config file is readable by
        everyone who can read the repository, its forks, its CI logs and every copy ever
        cloned. Bots scan public repositories for cloud and payment keys within minutes of a
        push, and a secret stays in git history after the line is deleted.
    """,
        bad="""
        SECRET_KEY = "abc123superSecret"
        DB_PASSWORD = "production_password"
    """,
        good="""
        import os
        SECRET_KEY = os.environ["SECRET_KEY"]
        DB_PASSWORD = os.environ["DB_PASSWORD"]
    """,
        fix="Revoke and rotate the secret, then read it from the environment (`os.environ[...]`, a `.env` file "
        "that git ignores) or a secret manager.",
        references=(
            "https://cwe.mitre.org/data/definitions/798.html",
            "https://docs.github.com/en/code-security/secret-scanning",
        ),
    )
)

SECRET002 = define(
    Rule(
        id="SECRET002",
        name="secret-literal-fallback",
        pattern=9,
        title="Secret read from the environment with a hard-coded fallback",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=798,
        why="""
        `os.getenv("SECRET_KEY", "dev")` works everywhere, including in a production deployment
        that forgot to set the variable: the app then signs sessions and tokens with a key that
        is printed in the repository. A missing secret should stop the app, not be replaced.
    """,
        bad="""
        import os
        SECRET_KEY = os.getenv("SECRET_KEY", "dev")
    """,
        good="""
        import os
        SECRET_KEY = os.environ["SECRET_KEY"]   # KeyError at start-up if it is missing
    """,
        fix='Read the secret without a default (`os.environ["NAME"]`, `config("NAME")`) so a missing value '
        "fails at start-up; keep development values in a git-ignored `.env`.",
    )
)

SECRET003 = define(
    Rule(
        id="SECRET003",
        name="secret-file-not-ignored",
        pattern=9,
        title="`.env`, key or credentials file tracked by git or not in `.gitignore`",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=540,
        kind="repository",  # about the repository's files, not a line of code
        why="""
        `.env`, private keys (`*.pem`, `id_rsa`), keystores and cloud credential files hold
        secrets by design. Tracked by git, they go to every clone and stay in history; not
        covered by `.gitignore`, they are one `git add .` away from it. Pushing secrets to git
        is the most common security incident in practice.
    """,
        bad="""
        $ git ls-files
        .env
        app/settings.py
    """,
        good="""
        $ cat .gitignore
        .env
        *.pem
    """,
        fix="Add the file to `.gitignore`; if git tracks it, `git rm --cached FILE`, then rotate every secret it "
        "held (it stays in history: see `secpat history`). Commit a `.env.example` with placeholders instead.",
    )
)

SECRET004 = define(
    Rule(
        id="SECRET004",
        name="secret-in-git-history",
        pattern=9,
        title="Secret committed to git history",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=540,
        kind="history",  # reported by `secpat history` from git objects, not by `secpat check`
        why="""
        Deleting a secret in a later commit does not remove it: every clone, fork and mirror
        keeps the commit that added it, and anyone can read it with `git log -p`. A secret that
        ever reached a shared repository must be treated as leaked.
    """,
        bad="""
        $ git log --oneline
        b2c3d4e remove API key
        a1b2c3d add payment client   # STRIPE_KEY = "sk_live_..." in settings.py
    """,
        good="""
        $ secpat history .
        (no findings: every secret was read from the environment from the first commit)
    """,
        fix="Revoke and rotate the secret at its provider first; rewriting history (`git filter-repo`) only "
        "helps once every clone is replaced.",
    )
)


# -- what a scan finds, before it becomes a Finding ------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    """One secret found in one file. `secret` is kept for comparison only and never rendered."""

    rule: Rule
    line: int
    col: int
    end_col: int | None
    secret: str
    masked: str
    message: str
    what: str  # the secret described with its masked form: "Stripe secret key (`sk_live_…p7dc`)"
    snippet: str  # the masked source line
    confidence: Confidence
    source: str  # the format id, "named" or "fallback"
    real: bool = True  # the value itself looks like a real secret (a `"dev"` fallback does not)
    scope: Function | None = None  # for the fingerprint's context
    audit: bool = False  # real-looking, but what it guards is not deployed (a local database, a keyless service)
    name: str = ""  # the name a Python literal is bound to, for named values


class _At(ast.AST):
    """A position given to `FileContext.report` where there is no AST node (a format match)."""

    def __init__(self, line: int, col: int, end_col: int | None = None):
        self.lineno, self.col_offset, self.end_lineno, self.end_col_offset = line, col, line, end_col


def _format_hit(match: FormatMatch, lines: list[str], where: str) -> Hit:
    fmt = match.format
    line = lines[match.line - 1] if 0 < match.line <= len(lines) else ""
    snippet = mask_line(line, [(match.secret, match.masked)]).strip()
    if fmt.id == "private-key":
        snippet = snippet[:80]  # the header line, not the key that may follow on it
    what = f"{fmt.description} (`{match.masked}`)"
    message = f"{what} {where}: revoke it and load it from the environment"
    end = match.col + len(match.secret) if "\n" not in match.secret else None
    local = fmt.id == "url-password" and (match.host or "").lower() in _LOCAL_HOSTS
    return Hit(
        SECRET001,
        match.line,
        match.col,
        end,
        match.secret,
        match.masked,
        message,
        what,
        snippet,
        fmt.confidence,
        fmt.id,
        audit=local,
    )


#: A password for a database on this machine is a developer's or a CI job's, not production's.
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "0.0.0.0"})


def _named_what(name: str, judgement: Judgement, masked: str) -> str:
    return f"`{name}` bound to {judgement.reason} (`{masked}`)"


def _named_message(what: str) -> str:
    return f"{what}: revoke it and read it from the environment or a secret store"


# -- Python ---------------------------------------------------------------------------------

_ENUM_BASES = ("Enum", "Choices", "Flag")


def python_hits(module: Module) -> list[Hit]:
    """SECRET001 and SECRET002 in one Python module."""
    lines = module.lines
    fallbacks = list(_fallback_hits(module))
    fallback_lines = {h.line: h for h in fallbacks}
    hits: list[Hit] = []
    format_lines: set[int] = set()
    samples: set[int] | None = None  # ids of literals that only document or preview, computed when needed
    records: set[int] | None = None  # ids of literals in a list of like records (sample rows, seed data)
    for match in scan_text(module.source):
        fallback = fallback_lines.get(match.line)
        if fallback is not None and match.secret in fallback.secret:
            continue  # the fallback finding already names this value
        format_lines.add(match.line)
        if match.format.id in _SELF_MADE:
            if samples is None:
                samples = _sample_literals(module)
            if _inside_sample(module, samples, match.line, match.col):
                continue  # a sample token in API documentation; a provider's key there is still leaked
        hits.append(_format_hit(match, lines, "in source"))
    user_values = {b.value for b in module.literal_bindings if isinstance(b.value, str) and _names_user(b.name)}
    for binding in module.literal_bindings:
        line = binding.node.lineno
        if line in format_lines or line in fallback_lines or _in_enum(module, binding):
            continue
        kind = secret_kind(binding.name)
        if (
            kind is None
            and not _names_aws_key(binding.name)
            and not (binding.kind == "compare" and _beside_user_check(module, binding))
        ):
            continue  # (`aws_access_key_id` names an id, but an AWS client's: see `_live_key`)
        judgement = judge_literal(binding.value, kind, binding.name) if kind is not None else None
        live = _live_key(module, binding, kind)
        if live is not None and (judgement is None or binding.kind == "compare"):
            judgement = live  # whatever it looks like, it is the key in use
        elif judgement is None or isinstance(binding.value, str) and _made_of_user_name(binding.value, user_values):
            continue
        if samples is None:
            samples = _sample_literals(module) | _field_mapping_literals(module)
        if id(binding.node) in samples or _refused_only(module, binding):
            continue
        if records is None:
            records = _record_literals(module)
        masked = mask(judgement.secret)
        what = _named_what(binding.name, judgement, masked)
        message = _named_message(what)
        if judgement is live:
            what = f"`{binding.name}` {judgement.reason} (`{masked}`, {len(judgement.secret)} characters)"
            message = f"{what}: {_LIVE_KEY_ADVICE[judgement.reason]}"
        hits.append(
            Hit(
                SECRET001,
                line,
                binding.node.col_offset,
                binding.node.end_col_offset,
                judgement.secret,
                masked,
                message,
                what,
                _masked_literal_line(module, binding.node, judgement.secret, masked),
                judgement.confidence,
                "named",
                scope=binding.scope,
                audit=id(binding.node) in records
                or _published_default(module, binding, judgement)
                or _sent_beside_a_password(module, binding)
                or judgement is live
                and (
                    _development_only(module, line)
                    or _standalone_settings(module, binding)
                    or _build_only(module)
                    or _given_with_debug(module, binding)
                    or _localhost_only_settings(module)
                ),
                name=binding.name,
            )
        )
    reported = {h.line for h in hits}
    hits.extend(h for h in _key_arguments(module) if h.line not in reported)
    hits.extend(fallbacks)
    return sorted(hits, key=lambda h: (h.line, h.col))


#: Calls whose argument is the key they sign or encrypt with, and where it is: (position, keyword).
_KEY_ARGUMENTS: dict[str, tuple[int | None, str]] = {
    "cryptography.fernet.Fernet": (0, "key"),
    "hmac.new": (0, "key"),
    "hmac.digest": (0, "key"),
    "hmac.HMAC": (0, "key"),
    "itsdangerous.URLSafeTimedSerializer": (0, "secret_key"),
    "itsdangerous.URLSafeSerializer": (0, "secret_key"),
    "itsdangerous.TimedSerializer": (0, "secret_key"),
    "itsdangerous.Serializer": (0, "secret_key"),
    "itsdangerous.Signer": (0, "secret_key"),
    "itsdangerous.TimestampSigner": (0, "secret_key"),
    "Crypto.Cipher.AES.new": (0, "key"),
    "Cryptodome.Cipher.AES.new": (0, "key"),
    "cryptography.hazmat.primitives.ciphers.algorithms.AES": (0, "key"),
    "cryptography.hazmat.primitives.hmac.HMAC": (0, "key"),
    # The keys that sign or encrypt a web framework's session cookie.
    "aiohttp_session.cookie_storage.EncryptedCookieStorage": (0, "secret_key"),
    "aiohttp_session.nacl_storage.NaClCookieStorage": (0, "secret_key"),
    "starlette.middleware.sessions.SessionMiddleware": (1, "secret_key"),
    "pyramid.session.SignedCookieSessionFactory": (0, "secret"),
    "pyramid.authentication.AuthTktAuthenticationPolicy": (0, "secret"),
    "pyramid.authentication.AuthTktCookieHelper": (0, "secret"),
    # Bottle's signed cookies: the key is given where the cookie is set and where it is read.
    "bottle.response.set_cookie": (None, "secret"),
    "bottle.request.get_cookie": (None, "secret"),
}


def _key_arguments(module: Module) -> Iterator[Hit]:
    """`Fernet(b"...")`, `hmac.new(b"key", msg, sha256)`, `URLSafeTimedSerializer("dev")`: a literal given
    where a call takes the key it signs or encrypts with, written in the call or held in a constant of the
    module. Whatever it looks like, it is the key in use."""
    for call in module.calls_to(*_KEY_ARGUMENTS):
        position, keyword = _KEY_ARGUMENTS[call.callee or ""]
        node = _unencoded(call.arg(position, keyword))
        value = module.constant(node, None, call.scope)
        if node is None or not isinstance(value, (str, bytes)) or not value:
            continue
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        if _mask_or_filler(text) or is_reference(text) or is_documented_example(text):
            continue
        secret = escaped(text)
        masked = mask(secret)
        what = f"`{call.callee}()` is given a key written in the code (`{masked}`, {len(secret)} characters)"
        literal = node if isinstance(node, ast.Constant) else None
        yield Hit(
            SECRET001,
            node.lineno,
            node.col_offset,
            node.end_col_offset if node.end_lineno == node.lineno else None,
            secret,
            masked,
            f"{what}: {_LIVE_KEY_ADVICE[_APPLICATION_KEY]}",
            what,
            _masked_literal_line(module, literal, secret, masked)
            if literal is not None
            else module.line_text(node.lineno).strip(),
            Confidence.MEDIUM,
            "named",
            scope=call.scope,
        )


def _unencoded(node: ast.expr | None) -> ast.expr | None:
    """`KEY.encode()`, `"key".encode("utf-8")`: the text a key's bytes are made of."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "encode":
        return node.func.value
    return node


#: Words of the names an application keeps its own signing or encryption key under (`SECRET_KEY`,
#: `JWT_SECRET`, `app.secret_key`, `SESSION_SIGNING_KEY`); a service's name (`AWS_SECRET_KEY`) or
#: `DEFAULT`/`TEST` says the value is something else.
_APP_KEY_WORDS = frozenset(
    {
        "secret", "key", "signing", "sign", "jwt", "jws", "fernet", "hmac", "encryption", "app", "application",
        "flask", "django", "session", "cookie", "token", "auth",
    }
)  # fmt: skip
_KEY_KINDS = frozenset({"secret", "signing", "jwt", "fernet", "hmac", "encryption"})
#: Comparisons with these are tests of a value's shape, not a credential: `if token == "null":`.
_NOT_A_CREDENTIAL = frozenset({"null", "none", "undefined", "nil", "true", "false", "bearer", "basic", "token"})


def _mask_or_filler(text: str) -> bool:
    """`"********"`, a value masked where it is shown, or `b"\\x00\\x00..."`, a buffer's zero bytes: one character
    repeated that nobody would type as a key. A typed one (`"aaaaaaaa"`) is a placeholder in use."""
    return len(set(text)) == 1 and (text[0] == "*" or not text[0].isprintable())


def _live_key(module: Module, binding: LiteralBinding, kind: NameKind | None) -> Judgement | None:
    """A literal in a place where it is the credential in use, whatever its entropy: the application's own
    key (`SECRET_KEY = "dev"`, `app.config["SECRET_KEY"] = "changeme"`, `JWT_SECRET = "secret"`), or what a
    password or token is compared with (`if password == "admin"`). A placeholder there is exactly the
    incident: everyone who has read the code, or the tutorial, knows it."""
    value = binding.value.decode("latin-1") if isinstance(binding.value, bytes) else binding.value
    text = value.strip()
    digits = text[2:] if text[:2].lower() == "0x" else text
    if not text or text.lower() in _NOT_A_CREDENTIAL or is_reference(text) or "<" in text or _mask_or_filler(text):
        return None
    if is_prose(text) and not (_phrase(text) and _names_application_key(binding)):
        return None  # UI text; a short phrase as the application's key (`SECRET_KEY = "hard to guess"`) is the key
    if is_public_material(text) or is_url_or_path(text) or is_dotted_name(text):
        return None  # `SECRET_SESSION_KEY = "mfa.totp.secret"`: where a secret is kept, not the secret
    if is_documented_example(text):
        return None  # a provider's published test key (reCAPTCHA's), which every test suite uses
    if is_env_name(text) or names.words(text) == names.words(binding.name):
        return None  # `SECRET_KEY = "APP_SECRET_KEY"`, `"secret_key"`: the name of what holds it
    if _names_aws_key(binding.name) and _AWS_KEY.fullmatch(text) and not re.search(r"(.)\1{7,}", text):
        # A well-formed AWS key where the client takes one: reported even when it looks like a keyboard run.
        return Judgement(escaped(value), _AWS_KEY_IN_USE, Confidence.MEDIUM)
    if binding.kind == "compare":
        # What a client sends compared with a literal; the application's own configuration compared with a
        # known default is a check that refuses it. `"0x0000..."` is a filler (a captcha service's
        # documented test key), not a chosen value.
        paired = kind is None and _beside_user_check(module, binding)
        if len(set(digits)) < 2 or kind not in (NameKind.PASSWORD, NameKind.SECRET) and not paired:
            return None
        if not _compared_with_request(module, binding, by_name=not paired):
            return None
        return Judgement(escaped(value), _COMPARED, Confidence.MEDIUM)
    if not _names_application_key(binding):
        return None
    return Judgement(escaped(value), _APPLICATION_KEY, Confidence.MEDIUM)


def _names_application_key(binding: LiteralBinding) -> bool:
    """`SECRET_KEY`, `JWT_SECRET`, `app.secret_key`, `SESSION_SIGNING_KEY`: the application's own key."""
    words = names.words(binding.name)
    if binding.kind == "default" or len(words) < 2 or not set(words) <= _APP_KEY_WORDS:
        return False
    return bool(set(words) & _KEY_KINDS) and ("key" in words or "secret" in words)


def _phrase(text: str) -> bool:
    """`hard to guess string`: a few words, no sentence. (A sentence is an instruction or a description.)"""
    return text[-1:] not in ".!?:;)" and text.count(" ") <= 4


def _given_with_debug(module: Module, binding: LiteralBinding) -> bool:
    """`main(argv, SECRET_KEY="...", DEBUG=True)`: settings handed over in one call that switches debug on, as a
    development server's script does."""
    if binding.kind != "keyword":
        return False
    parents = parents_of(module.tree)
    call = parents.get(id(parents.get(id(binding.node))))
    return isinstance(call, ast.Call) and any(
        k.arg == "DEBUG" and isinstance(k.value, ast.Constant) and k.value.value is True for k in call.keywords
    )


def _localhost_only_settings(module: Module) -> bool:
    """Django settings that set `DEBUG = True` and `ALLOWED_HOSTS = []` at module level: with those, Django
    answers only requests for localhost, so the module is a developer's settings, not a site's. Each bound
    once, so that no branch of the module names a host or turns debug off."""
    assigned = module.assignments

    def bound_once(name: str) -> ast.expr | None:
        values = assigned.get(name, [])
        return values[0] if len(values) == 1 else None

    debug, hosts = bound_once("DEBUG"), bound_once("ALLOWED_HOSTS")
    return (
        ("INSTALLED_APPS" in assigned or "MIDDLEWARE" in assigned)
        and isinstance(debug, ast.Constant)
        and debug.value is True
        and isinstance(hosts, (ast.List, ast.Tuple))
        and not hosts.elts
    )


def _build_only(module: Module) -> bool:
    """`_build_settings.py`, `settings_build.py`: settings a package build runs with (collecting static files),
    not the site."""
    return "build" in names.words(PurePosixPath(module.path).stem)


def _standalone_settings(module: Module, binding: LiteralBinding) -> bool:
    """`settings.configure(SECRET_KEY="...")`: Django configured in code, as test runners and scripts do; a
    deployed site reads a settings module."""
    if binding.kind != "keyword":
        return False
    parents = parents_of(module.tree)
    call = parents.get(id(parents.get(id(binding.node))))
    return (
        isinstance(call, ast.Call)
        and module.qualified_name(call.func, binding.scope) == "django.conf.settings.configure"
    )


#: Short names that stand for a password as often as for something else (`pw`, `pass`): a password where the
#: same test checks a user name too.
_AMBIGUOUS_PASSWORD_NAMES = frozenset({"pw", "pass", "pass_", "p", "pword"})
_USER_NAMES = frozenset({"user", "username", "login", "name", "uname", "usr", "u", "account"})


def _beside_user_check(module: Module, binding: LiteralBinding) -> bool:
    """`user == "admin" and pw == "letmein"`: a short name compared with a literal in the same test as a user
    name is: a pair of credentials written in the code."""
    if binding.name.lower() not in _AMBIGUOUS_PASSWORD_NAMES:
        return False
    parents = parents_of(module.tree)
    compare = parents.get(id(binding.node))
    test = parents.get(id(compare))
    if not isinstance(compare, ast.Compare) or not (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And)):
        return False
    return any(
        isinstance(other, ast.Compare)
        and other is not compare
        and len(other.ops) == 1
        and isinstance(other.ops[0], ast.Eq)
        and any(
            isinstance(side, ast.Name) and side.id.lower() in _USER_NAMES for side in (other.left, *other.comparators)
        )
        and any(
            isinstance(side, ast.Constant) and isinstance(side.value, str) for side in (other.left, *other.comparators)
        )
        for other in test.values
    )


def _compared_with_request(module: Module, binding: LiteralBinding, by_name: bool = True) -> bool:
    """The other side of the comparison holding the literal is what the client sent, or a password the
    function is given (`def check_login(user, password): ... password == "..."`; with `by_name` False, any
    value the function is given): a configured value compared with a known default is read from settings,
    not taken as a password parameter."""
    if binding.scope.is_module:
        return False
    for event in flow_of(module, binding.scope).compares:
        if event.right is binding.node:
            other = event.left_value
        elif event.left is binding.node:
            other = event.right_value
        else:
            continue
        # `def is_default_password(app, password): return password == "default"`: a test for the known
        # default, which the caller refuses or asks to change.
        checks_default = "default" in names.words(binding.scope.name)
        given = (
            (L.PASSWORD in other or not by_name)
            and any(label.startswith(L.PARAM_PREFIX) for label in other)
            and not checks_default
        )
        return L.REQUEST in other or given
    return False


#: The reasons of keys in use, and what to do about each.
_APPLICATION_KEY, _COMPARED, _AWS_KEY_IN_USE = (
    "is the application's key, written in the code",
    "is compared with a literal",
    "is an AWS key written where the client takes one",
)
_LIVE_KEY_ADVICE = {
    _APPLICATION_KEY: "anyone who has read the code can sign or decrypt as the application; generate a random "
    "key (`secrets.token_hex(32)`) and read it from the environment",
    _COMPARED: "that credential works for anyone who has read the code; check against a hash kept outside the code",
    _AWS_KEY_IN_USE: "revoke it and read it from the environment or the instance's role",
}
#: An AWS access key id or secret access key, whole.
_AWS_KEY = re.compile(r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}|[A-Za-z0-9/+=]{40}")


def _names_aws_key(name: str) -> bool:
    """`aws_access_key_id`, `aws_secret_access_key`, `AWS_SECRET_KEY`: where an AWS client takes its key."""
    words = set(names.words(name))
    return "aws" in words and bool(words & {"key", "secret"})


# A string literal that follows `=` or `:`, and the identifier it is bound to: `name = "`,
# `name: str = "`, `name="`, `"name": "`, `["name"] = "`. Found literal first, name second,
# so the text is scanned once for a rare character instead of at every identifier.
_LITERAL_AFTER = re.compile(r"""[:=][ \t]*\(?\s*[rRbBuU]{0,2}["']""")
_NAME_BEFORE = re.compile(r"""([A-Za-z_][A-Za-z0-9_]*)["']?\]?[ \t]*(?::[^=\n]{1,60})?$""")
_ENV_READ_WORDS = ("getenv", "environ", "config(", "env(", "env.str(", "config.get(", "config[")


#: Credentials the model finds where no secret's name is written before the literal: a client's
#: `.login(user, "...")`, an `auth=("user", "...")` pair, `pw == "..."` beside a user name check.
CREDENTIAL_PAIRS = re.compile(
    r"""\.login\([^)]*,\s*[rRbBuU]{0,2}["']"""
    r"""|\bauth\s*=\s*(?:[\w.]+\()?[\[(]?\s*[rRbBuU]{0,2}["'][^"'\n]*["']\s*,\s*[rRbBuU]{0,2}["']"""
    r"""|\b(?:pw|pass_|pword|p)\s*[!=]=\s*[rRbBuU]{0,2}["']""",
    re.IGNORECASE,
)


def may_bind_secrets(source: str) -> bool:
    """A cheap look at the text, before any parsing: could the model find a secret-named binding
    or an environment read here? Known formats do not need the model and are scanned anyway."""
    if any(word in source for word in _ENV_READ_WORDS) or CREDENTIAL_PAIRS.search(source):
        return True
    for literal in _LITERAL_AFTER.finditer(source):
        name = _NAME_BEFORE.search(source, max(0, literal.start() - 100), literal.start())
        if name and secret_kind(name.group(1)):
            return True
    return False


def _masked_literal_line(module: Module, node: ast.Constant, secret: str, masked: str) -> str:
    line = module.line_text(node.lineno)
    if secret in line:
        return mask_line(line, [(secret, masked)]).strip()
    # Escapes or implicit concatenation: the literal's source differs from its value.
    end = node.end_col_offset if node.end_lineno == node.lineno else None
    return mask_span(line, node.col_offset, end, masked).strip()


_USER_HEADS = frozenset({"user", "username", "usr", "login", "uid"})


def _names_user(name: str) -> bool:
    ws = names.words(name)
    return bool(ws) and ws[-1] in _USER_HEADS or ws[-2:] == ("user", "name")


def _made_of_user_name(value: str, user_values: set[str]) -> bool:
    """`POSTGRES_USER=pguser` with `POSTGRES_PASSWORD=pguserpassword`, or `admin`/`admin`: the password
    is the user name, alone or with a filler word or a few digits. A stand-in, not a chosen secret."""
    lower = value.lower()
    for user in user_values:
        user = user.lower()
        if len(user) < 2 or user not in lower:
            continue
        rest = lower.replace(user, "", 1).strip("_-.:@ ")
        if not rest or rest in PLACEHOLDER_VALUES or (rest.isdigit() and len(rest) <= 4):
            return True
    return False


#: Where a literal only documents an API or previews output: OpenAPI/JSON-schema samples.
_SAMPLE_KEYS = frozenset({"example", "examples", "openapi_examples", "x-example", "sample", "samples"})
#: Calls that build a link: their `kwargs` are path parameters, not credentials this code uses.
_LINK_BUILDERS = ("reverse", "url_for", "build_absolute_uri")  # also `reverse_lazy`, `eventreverse_absolute`


def _sample_literals(module: Module) -> set[int]:
    """ids of the string literals inside `example=...`, `{"example": ...}`, `examples=[...]`, and inside
    the `kwargs` of a link builder (`reverse(..., kwargs={"secret": "6zzj..."})` renders a sample link)."""
    roots: list[ast.AST] = []
    for node in module.nodes:
        if isinstance(node, ast.Dict):
            roots += [
                v
                for k, v in zip(node.keys, node.values)
                if isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.lower() in _SAMPLE_KEYS
            ]
        elif isinstance(node, ast.keyword) and node.arg and node.arg.lower() in _SAMPLE_KEYS:
            roots.append(node.value)
        elif isinstance(node, ast.Call) and any(b in _callee_name(node).lower() for b in _LINK_BUILDERS):
            roots += [kw.value for kw in node.keywords if kw.arg == "kwargs"]
    found: set[int] = set()
    for root in roots:
        found.update(id(n) for n in ast.walk(root) if isinstance(n, ast.Constant))
    return found


def _field_mapping_literals(module: Module) -> set[int]:
    """ids of the values of a dict (a literal or `dict(...)`) that maps field names to field names: four or
    more entries, every key and value an identifier, and at least half of the values naming their key's words
    (`{"employee_number": "employeeNumber", "title": "title", "one_time_password": "oathTokenPIN"}`, a
    model's attributes and a directory's). A password there is the name of where a password goes."""
    found: set[int] = set()
    for node in module.nodes:
        if isinstance(node, ast.Dict):
            entries: list[tuple[object, ast.expr]] = [
                (k.value if isinstance(k, ast.Constant) else None, v) for k, v in zip(node.keys, node.values)
            ]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
            entries = [(k.arg, k.value) for k in node.keywords]  # `dict(mod_password="moderator_password", ...)`
        else:
            continue
        pairs = [
            (k, v.value)
            for k, v in entries
            if isinstance(k, str) and isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
        if len(pairs) < 4 or len(pairs) != len(entries):
            continue
        if not all(k.isidentifier() and v.isidentifier() for k, v in pairs):
            continue
        echoed = sum(1 for k, v in pairs if set(names.words(k)) & set(names.words(v)))
        if 2 * echoed >= len(pairs):
            found.update(id(v) for _, v in entries)
    return found


def _record_literals(module: Module) -> set[int]:
    """ids of the string values in a list or tuple of two or more dict literals with the same keys:
    `[{"code": "F8VVL", "secret": "6zzj..."}, {"code": "HIDHK", "secret": "98ku..."}]`. Rows like
    these are sample, preview or seed records; one configuration dict is not a row."""
    found: set[int] = set()
    for node in module.nodes:
        if not isinstance(node, (ast.List, ast.Tuple)):
            continue
        rows = [e for e in node.elts if isinstance(e, ast.Dict)]
        if len(rows) < 2 or len(rows) != len(node.elts):
            continue
        key_sets = {_literal_keys(row) for row in rows}
        if len(key_sets) != 1 or not next(iter(key_sets)):
            continue
        for row in rows:
            found.update(id(v) for v in row.values if isinstance(v, ast.Constant))
    return found


def _literal_keys(node: ast.Dict) -> frozenset[str] | None:
    keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    return frozenset(keys) if len(keys) == len(node.keys) else None


def _inside_sample(module: Module, samples: set[int], line: int, col: int) -> bool:
    for node in module.nodes:
        if id(node) in samples and isinstance(node, ast.Constant):
            start = (node.lineno, node.col_offset)
            end = (node.end_lineno or node.lineno, node.end_col_offset or 0)
            if start <= (line, col) < end:
                return True
    return False


def _callee_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


#: Calls that test a candidate against a value rather than use it: `authenticate_user(name, KNOWN_BAD)`.
_CHECKING_VERBS = frozenset(
    {
        "authenticate",
        "check",
        "verify",
        "validate",
        "is",
        "has",
        "compare",
        "matches",
        "match",
        "equals",
        "reject",
        "refuse",
        "deny",
    }
)


def _refused_only(module: Module, binding: LiteralBinding) -> bool:
    """A module constant that the code only compares input with (`if password == LEGACY_DEFAULT:`):
    a known-bad value kept to refuse it, never used to authenticate anything."""
    if binding.kind != "assign" or not binding.scope.is_module:
        return False
    name = binding.name
    compared = used = 0
    for node in module.nodes:
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            compared += sum(isinstance(o, ast.Name) and o.id == name for o in operands)
        elif isinstance(node, ast.Call):
            verb = names.words(_callee_name(node))[:1]
            if verb and verb[0] in _CHECKING_VERBS:
                compared += sum(isinstance(a, ast.Name) and a.id == name for a in node.args)
        elif isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
            used += 1
    return compared > 0 and compared == used


def _published_default(module: Module, binding: LiteralBinding, judgement: Judgement) -> bool:
    """`DEFAULT_DATABASE_PASSWORD = "mayandbpass"`: a module constant that says it is the default, holding
    a password someone chose (not a generated key), that its own module never uses: the value deployments
    are told to override, read by other code. Whether a deployment keeps it is for a reader, in audit mode.
    A module that falls back to it itself (`passphrase = DEFAULT_PASSPHRASE`) runs with it: reported."""
    if binding.kind != "assign" or not binding.scope.is_module or judgement.reason != CHOSEN_PASSWORD:
        return False
    if "default" not in names.words(binding.name):
        return False
    return not any(
        isinstance(node, ast.Name) and node.id == binding.name and isinstance(node.ctx, ast.Load)
        for node in module.nodes
    )


_PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "pass", "passphrase"})


def _sent_beside_a_password(module: Module, binding: LiteralBinding) -> bool:
    """`API_KEY` only ever sent in the same call or payload as the user's own password
    (`api_request("user/login", app_key=self.API_KEY, user_email=user, password=password)`,
    `{"login": user, "md5Pass": ..., "apiKey": self.API_KEY}`): the password grants the access, the key
    names the client program asking for it, and a program handed to its users cannot keep it. Whether
    it also opens something alone is for a reader, in audit mode."""
    if set(names.words(binding.name)) & _PASSWORD_WORDS:
        return False  # a password itself, sent as one
    parents = parents_of(module.tree)
    owner = parents.get(id(parents.get(id(binding.node))))
    # A class attribute is read as `self.API_KEY` in its own class, or through the class's name.
    if isinstance(owner, ast.ClassDef):
        inside = {id(n) for n in ast.walk(owner)}
        holders = {"self", "cls"}
    else:
        inside, holders = set(), set()
    uses = 0
    for node in ast.walk(module.tree):
        read = (
            not inside
            and isinstance(node, ast.Name)
            and node.id == binding.name
            or isinstance(node, ast.Attribute)
            and node.attr == binding.name
            and isinstance(node.value, ast.Name)
            and (node.value.id in holders and id(node) in inside or node.value.id == getattr(owner, "name", None))
        )
        if not read or not isinstance(getattr(node, "ctx", None), ast.Load):
            continue
        uses += 1
        parent = parents.get(id(node))
        if isinstance(parent, ast.keyword):
            call = parents.get(id(parent))
            siblings = [k.arg for k in call.keywords if k is not parent] if isinstance(call, ast.Call) else []
        elif isinstance(parent, ast.Dict):
            siblings = [
                k.value
                for k, v in zip(parent.keys, parent.values)
                if v is not node and isinstance(k, ast.Constant) and isinstance(k.value, str)
            ]
        else:
            return False
        if not any(sibling and set(names.words(sibling)) & _PASSWORD_WORDS for sibling in siblings):
            return False
    return uses > 0


def _in_enum(module: Module, binding: LiteralBinding) -> bool:
    """Members of an Enum or Django `TextChoices` are labels, whatever they are called."""
    node = binding.scope.node
    if not isinstance(node, ast.ClassDef) or binding.kind != "assign":
        return False
    for base in node.bases:
        qualified = module.qualified_name(base) or ast.unparse(base)
        if qualified.rsplit(".", 1)[-1].endswith(_ENUM_BASES):
            return True
    return False


# Calls that read the environment, and the argument position of their fallback.
_ENV_READERS = {
    "os.getenv": 1,
    "os.environ.get": 1,
    "os.environ.setdefault": 1,
    "decouple.config": 1,  # python-decouple
}
# django-environ, environs, Starlette's `config = Config(".env")`: an instance called with the variable's name.
_ENV_CLASSES = {"environ.Env", "environ.FileAwareEnv", "environs.Env", "starlette.config.Config"}


def _fallback_hits(module: Module) -> Iterator[Hit]:
    """SECRET002: a secret read from the environment with a literal default."""
    targets = _assignment_targets(module)
    for call, position in _env_reads(module):
        env_name = call.literal(0)
        if not isinstance(env_name, str):
            continue
        default = call.arg(position, "default") if position is not None else call.arg(keyword="default")
        yield from _fallback(module, call.scope, env_name, default, targets.get(id(call.node)))
    # `os.getenv("SECRET_KEY") or "dev"` at module or class level, and `current_app.config.get("JWT_KEY") or
    # "dev-key"` anywhere: a setting read with a literal in its place when it is empty.
    seen: set[int] = set()
    for name, value in _toplevel_values(module):
        if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or) and len(value.values) == 2:
            first, second = value.values
            if isinstance(first, ast.Call) and _is_env_read(module, first):
                seen.add(id(value))
                env_name = first.args[0].value if first.args and isinstance(first.args[0], ast.Constant) else ""
                yield from _fallback(module, module.module_function, str(env_name), second, name)
    for node in module.nodes:
        if not isinstance(node, ast.BoolOp) or not isinstance(node.op, ast.Or) or id(node) in seen:
            continue
        if len(node.values) != 2:
            continue
        first, second = node.values
        setting = _config_key_read(first) or (
            _env_name(first) if isinstance(first, ast.Call) and _is_env_read(module, first) else None
        )
        if setting:
            yield from _fallback(
                module, module.function_at(node.lineno) or module.module_function, setting, second, None
            )


def _fallback(
    module: Module, scope: Function | None, env_name: str, default: ast.expr | None, target: str | None
) -> Iterator[Hit]:
    if not isinstance(default, ast.Constant) or not isinstance(default.value, str) or not default.value.strip():
        return
    kind = secret_kind(env_name) or (secret_kind(target) if target else None)
    if kind is None:
        return
    value = default.value
    if _is_setting_value(value):
        return  # `int(os.getenv("CONTEXT_TOKENS", "8192"))`: a count or a switch, whatever the name says
    judgement = judge_value(value, kind, env_name)
    # `os.environ.get("OLLAMA_API_KEY", "ollama")`: the fallback names the service, which takes no key
    # (a local model server); nothing the application protects depends on it.
    keyless = judgement is None and _names_service(value, env_name)
    audit = (
        keyless
        or _refused_later(module, target, value)
        # A placeholder for a service's password works only where the service was set up with it; one that
        # looks real is the password of some server, now public.
        or _outbound_credential(env_name, target)
        and not (judgement and char_classes(value) >= 3)
        or _development_only(module, default.lineno)
    )
    masked = mask(value)
    looks = "a real-looking secret" if judgement else "a literal"
    what = f"`{env_name}` falling back to {looks} (`{masked}`)"
    message = (
        f"`{env_name}` falls back to {looks} (`{masked}`) when it is not set: a deployment that forgets "
        f"the variable runs with a secret anyone can read; read it without a default"
    )
    yield Hit(
        SECRET002,
        default.lineno,
        default.col_offset,
        default.end_col_offset,
        value,
        masked,
        message,
        what,
        _masked_literal_line(module, default, value, masked),
        Confidence.HIGH,
        "fallback",
        real=judgement is not None,
        scope=scope,
        audit=audit,
    )


def _refused_later(module: Module, target: str | None, value: str) -> bool:
    """`SECRET_KEY = os.getenv("SECRET_KEY", "dev")` then `if SECRET_KEY == "dev": raise ...`: the code
    refuses to run with its own fallback."""
    if not target:
        return False
    for node in module.nodes:
        if isinstance(node, ast.Compare) and len(node.comparators) == 1:
            sides = (node.left, node.comparators[0])
            if any(isinstance(n, ast.Name) and n.id == target for n in sides) and any(
                isinstance(n, ast.Constant) and n.value == value for n in sides
            ):
                return True
    return False


#: Services an application logs in to: their password is sent, not checked, and a fallback only
#: works where the server was set up with the same one.
_OUTBOUND_SERVICES = frozenset(
    {
        "db",
        "database",
        "postgres",
        "postgresql",
        "pg",
        "mysql",
        "mariadb",
        "redis",
        "ldap",
        "smtp",
        "mail",
        "email",
        "amqp",
        "mq",
        "rabbitmq",
        "mongo",
        "mongodb",
        "elastic",
        "elasticsearch",
        "broker",
        "celery",
        "memcached",
        "sql",
        "ftp",
        "sftp",
        "imap",
    }
)


def _outbound_credential(env_name: str, target: str | None = None) -> bool:
    """The password this process logs in to a database, broker or mail server with, by the variable's
    name or the name it is kept in (`mq_password = os.environ.get("RABBITMQ_DEFAULT_PASS", ...)`)."""
    named = [n for n in (env_name, target) if n]
    words = {w for n in named for w in names.words(n)}
    return bool(words & _OUTBOUND_SERVICES) and any(names.classify(n) is names.NameKind.PASSWORD for n in named)


def _development_only(module: Module, line: int) -> bool:
    """In a config class or a directory named for development (`DevelopmentConfig`, `docker/development/`)."""
    if any(environment_of_name(part) == "dev" for part in PurePosixPath(module.path).parts[:-1]):
        return True
    return any(
        environment_of_name(info.name) == "dev" and info.node.lineno <= line <= (info.node.end_lineno or 0)
        for info in module.classes.values()
    )


_SWITCH_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "none", "null", "0", "1"})


#: `X-Auth-Token`, `X-OpenWebUI-User-Jwt`: the name of the header that carries a token, not the token.
_HEADER_NAME = re.compile(r"(?:X-)?[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+")


def _is_setting_value(value: str) -> bool:
    """A number, a switch or a header name: what the variable holds is a setting, whatever it is called."""
    if _HEADER_NAME.fullmatch(value.strip()):
        return True
    text = value.strip().lower()
    if text.isdigit() and len(text) >= 24:
        return False  # no count is that long: a number drawn as a secret (a password salt)
    try:
        float(text)
    except ValueError:
        return text in _SWITCH_WORDS
    return True


_CREDENTIAL_WORDS = frozenset(
    {
        "api",
        "key",
        "token",
        "secret",
        "access",
        "auth",
        "password",
        "pass",
        "pwd",
        "private",
        "client",
        "app",
        "bearer",
        "id",
    }
)


def _names_service(value: str, env_name: str) -> bool:
    """The fallback is the name of the service the variable is for: `OLLAMA_API_KEY` -> `ollama`."""
    service = set(names.words(env_name)) - _CREDENTIAL_WORDS
    return bool(service) and value.strip().lower() in service


def _env_reads(module: Module) -> Iterator[tuple[Call, int | None]]:
    for name, position in _ENV_READERS.items():
        if position is not None:
            for call in module.calls_to(name):
                yield call, position
    instances = {
        name
        for name, value in _toplevel_values(module)
        if isinstance(value, ast.Call) and module.qualified_name(value.func) in _ENV_CLASSES
    }
    if not instances:
        return
    for call in module.calls:
        func = call.node.func
        if isinstance(func, ast.Name) and func.id in instances:
            yield call, None  # django-environ's and Starlette's second positional argument is `cast`, not the default
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "str"
            and isinstance(func.value, ast.Name)
            and func.value.id in instances
        ):
            yield call, 1


def _config_key_read(node: ast.expr) -> str | None:
    """`app.config.get("JWT_SIGNING_KEY")`, `current_app.config["SECRET_KEY"]`: the name of an application setting
    read from its config mapping."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        mapping, key = node.func.value, node.args[0] if node.args else None
    elif isinstance(node, ast.Subscript):
        mapping, key = node.value, node.slice
    else:
        return None
    named = isinstance(mapping, ast.Attribute) and mapping.attr == "config"
    return key.value if named and isinstance(key, ast.Constant) and isinstance(key.value, str) else None


def _env_name(call: ast.Call) -> str | None:
    first = call.args[0] if call.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def _is_env_read(module: Module, node: ast.Call) -> bool:
    return module.qualified_name(node.func) in {"os.getenv", "os.environ.get", "decouple.config"}


def _toplevel_values(module: Module) -> Iterator[tuple[str, ast.expr]]:
    for name, values in module.assignments.items():
        for value in values:
            yield name, value
    for attributes in module.class_attributes.values():
        yield from attributes.items()


def _assignment_targets(module: Module) -> dict[int, str]:
    """id(call node) -> the module-level or class-level name its value is assigned to."""
    targets: dict[int, str] = {}
    for name, value in _toplevel_values(module):
        candidates = value.values if isinstance(value, ast.BoolOp) else [value]
        for candidate in candidates:
            if isinstance(candidate, ast.Call):
                targets[id(candidate)] = name
    return targets


_JUDGED_BY_VALUE = {"named", "fallback", "url-password"}  # a test database's URL is a test value too
#: Formats of material anyone makes for themselves: a key pair, a signed token, a Django key from
#: `startproject`. In test code it was made for the test. Keys a provider issues (AWS, Stripe,
#: GitHub, Slack...) grant access to a real account wherever they are found, and stay reported.
_SELF_MADE = frozenset({"private-key", "jwt", "django-insecure-key", "age-secret-key", "url-password"})
#: Continuous-integration configuration: its passwords are for throwaway service containers.
_CI_DIRS = (".github/workflows/", ".circleci/", ".buildkite/", ".woodpecker/", ".gitlab/ci/", ".zuul.d/", "zuul.d/")
_CI_FILES = frozenset(
    {
        ".gitlab-ci.yml",
        ".travis.yml",
        "azure-pipelines.yml",
        "bitbucket-pipelines.yml",
        ".drone.yml",
        "appveyor.yml",
        ".appveyor.yml",
        ".woodpecker.yml",
        "cloudbuild.yaml",
        "cloudbuild.yml",
        "tox.ini",
        ".zuul.yaml",  # Zuul (OpenStack and others)
        "zuul.yaml",
    }
)


def is_ci_config(path: str) -> bool:
    posix = "/" + path.replace("\\", "/").lstrip("/")
    return PurePosixPath(posix).name in _CI_FILES or any("/" + d in posix for d in _CI_DIRS)


def _in_test_code(config: Config, path: str) -> bool:
    return config.is_test_path(path)


def confidence_for(hit: Hit, config: Config, path: str) -> Confidence:
    """Test code is full of made-up passwords (`login(password="s3cret")`): a value judged by its
    name there is low confidence. Known formats keep theirs: a real key in a test is still leaked."""
    if hit.source in _JUDGED_BY_VALUE and _in_test_code(config, path):
        return Confidence.LOW
    if hit.source in ("named", "fallback"):
        # A value judged by the name it is bound to and its shape: measured on real code at medium
        # (docs/precision.md). A known provider format keeps its own confidence.
        return min(hit.confidence, Confidence.MEDIUM)
    return hit.confidence


_FIREBASE_CLIENT_CONFIGS = frozenset({"google-services.json", "GoogleService-Info.plist"})


def audit_only(hit: Hit, config: Config, path: str) -> bool:
    """Reported only in audit mode: a secret that guards nothing deployed. Values judged by their
    name and self-made keys in test, documentation and example code; passwords in CI configuration;
    passwords for a database on localhost. A provider-issued key is reported everywhere."""
    if hit.audit:
        return True
    if hit.source == "gcp-api-key" and PurePosixPath(path).name in _FIREBASE_CLIENT_CONFIGS:
        return True  # shipped inside every build of the mobile app: restricted by the console, not secret
    if hit.source in _JUDGED_BY_VALUE or hit.source in _SELF_MADE:
        return _in_test_code(config, path) or (hit.source in _JUDGED_BY_VALUE and is_ci_config(path))
    return False


@check(SECRET001, SECRET002)
def hardcoded_secrets_in_python(ctx: FileContext) -> None:
    # A package module's `if __name__ == "__main__":` block is its self-test: test code. A script's
    # main block is what the script does.
    self_test = ctx.module.main_block if "." in ctx.module.module_name else None
    reported_lines: set[int] = set()
    for hit in python_hits(ctx.module):
        reported_lines.add(hit.line)
        if hit.real:
            ctx.secret(hit.secret, hit.masked)  # also masked in other rules' findings on the same code
        scope = hit.scope if hit.scope is not None and not hit.scope.is_module else None
        in_self_test = self_test is not None and self_test[0] <= hit.line <= self_test[1]
        audit = audit_only(hit, ctx.config, ctx.module.path) or (
            in_self_test and hit.source in (*_JUDGED_BY_VALUE, *_SELF_MADE)
        )
        before = len(ctx.findings)
        ctx.report(
            hit.rule,
            _At(hit.line, hit.col, hit.end_col),
            hit.message,
            scope=scope,
            confidence=confidence_for(hit, ctx.config, ctx.module.path),
            snippet=hit.snippet,
            audit=audit,
        )
        _share_value(ctx, hit, ctx.module.path, before, audit, key_slot=_names_key_slot(hit.name))
    _hand_on_key_literals(ctx, reported_lines)
    _hand_on_imported_key_arguments(ctx)


#: A literal bound at the top of a module or a class, under a name a key could have, as `KeyLiteral`.
KEY_LITERAL = "secret-key-literal"
#: A call given, as its key, a name imported from another module of the project, as `ImportedKeyArgument`.
IMPORTED_KEY_ARGUMENT = "secret-imported-key-argument"
#: Words of the names a key is kept under, for `KEY_LITERAL`.
_KEY_HOLDER_WORDS = frozenset(
    {"key", "secret", "signing", "jwt", "token", "pass", "password", "passphrase", "fernet", "hmac", "aes", "cipher"}
)


@dataclass(frozen=True)
class KeyLiteral:
    qualified: str  # `settings.FERNET`, `app.config.Keys.SIGNING`
    masked: str
    length: int
    line: int
    reported: bool  # SECRET001 reports it where it is written


@dataclass(frozen=True)
class ImportedKeyArgument:
    finding: Finding  # at the key argument, message to be completed
    qualified: str
    callee: str


def _hand_on_key_literals(ctx: FileContext, reported_lines: set[int]) -> None:
    """The string constants another module of the project could give a call as its key."""
    for qualified, binding in ctx.module.top_level_literals():
        if not binding.value or not _KEY_HOLDER_WORDS & set(names.words(binding.name)):
            continue
        value = binding.value
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        if _mask_or_filler(text) or is_reference(text) or is_documented_example(text):
            continue
        secret = escaped(text)
        line = binding.node.lineno
        literal = KeyLiteral(qualified, mask(secret), len(secret), line, line in reported_lines)
        ctx.fact(KEY_LITERAL, literal)


def _hand_on_imported_key_arguments(ctx: FileContext) -> None:
    """`Fernet(FERNET_KEY)` with `from app.settings import FERNET_KEY`: the project stage knows whether that
    module binds it to a literal."""
    module = ctx.module
    for call in module.calls_to(*_KEY_ARGUMENTS):
        position, keyword = _KEY_ARGUMENTS[call.callee or ""]
        node = _unencoded(call.arg(position, keyword))
        if not isinstance(node, (ast.Name, ast.Attribute)) or module.constant(node, None, call.scope) is not None:
            continue
        qualified = module.qualified_name(node, call.scope)
        if not qualified or qualified.split(".", 1)[0] not in module.project_roots:
            continue
        scope = call.scope if not call.scope.is_module else None
        before = len(ctx.findings)
        ctx.report(SECRET001, node, "a key written in the code", scope=scope, confidence=Confidence.MEDIUM)
        for finding in ctx.findings[before:]:
            ctx.fact(IMPORTED_KEY_ARGUMENT, ImportedKeyArgument(finding, qualified, call.callee or ""))
        del ctx.findings[before:]


@check(SECRET001, stage="project")
def imported_key_arguments(ctx: ProjectContext) -> None:
    """A key given to a call that signs or encrypts, written as a literal in another module of the project:
    reported where it is used, unless it is reported where it is written."""
    arguments = ctx.facts_of(IMPORTED_KEY_ARGUMENT, ImportedKeyArgument)
    if not arguments:
        return
    literals = {fact.qualified: (path, fact) for path, fact in ctx.facts_of(KEY_LITERAL, KeyLiteral)}
    for _, argument in arguments:
        found = literals.get(argument.qualified)
        if found is None or found[1].reported:
            continue
        path, literal = found
        what = (
            f"`{argument.callee}()` is given a key written in the code at {path}:{literal.line} "
            f"(`{literal.masked}`, {literal.length} characters)"
        )
        ctx.findings.append(replace(argument.finding, message=f"{what}: {_LIVE_KEY_ADVICE[_APPLICATION_KEY]}"))


# -- env, config and template files ------------------------------------------------------

_JSON_PAIR = re.compile(r'"(?P<key>[^"\\\n]{1,100})"\s*:\s*"(?P<value>(?:[^"\\\n]|\\.){1,2000})"')
_KEY_VALUE = re.compile(
    r"""^\s*(?:-\s+)?["']?(?:export\s+|set\s+)?(?P<key>[A-Za-z_][\w.\-]{0,100})["']?"""
    r"""\s*(?:=|:(?!//))\s*(?P<value>.*)$""",
)
_DOCKER_ENV = re.compile(r"^\s*(?:ENV|ARG)\s+(?P<rest>.+)$", re.IGNORECASE)
#: A systemd unit's `Environment=KEY=value` or `Environment="KEY=value" "KEY2=value"`.
_UNIT_ENV = re.compile(r"^\s*Environment\s*=\s*(?P<rest>.+)$")
_UNIT_ASSIGNMENT = re.compile(r"""(?P<quote>["']?)(?P<key>[A-Za-z_]\w*)=(?P<value>.*?)(?P=quote)(?:\s|$)""")
_COMMENT_PREFIXES = ("#", ";", "//", "!")
_BLOCK_SCALAR = re.compile(r"^\s*(?:-\s+)?[\w.\-\"']+\s*:\s*(?:![\w/]+\s+)?[|>][-+0-9]*\s*(?:#.*)?$")


def text_hits(kind: str, text: str, path: str = "") -> list[Hit]:
    """SECRET001 in a non-Python file: known formats everywhere, named values in env and config files."""
    lines = text.splitlines()
    hits = [_format_hit(m, lines, "in this file") for m in scan_text(text)]
    if kind not in ("env", "config") or is_message_catalogue_path(path):
        return hits
    format_lines = {h.line for h in hits}
    pairs = list(_key_values(lines))
    if _is_message_catalogue(pairs):
        return hits
    user_values = {value for _, key, value, _ in pairs if _names_user(key)}
    for number, key, value, col in pairs:
        if number in format_lines:
            continue
        kind_of_key = secret_kind(key)
        if kind_of_key is None:
            continue
        judgement = judge_value(value, kind_of_key, key)
        if judgement is None or _made_of_user_name(value, user_values):
            continue
        masked = mask(judgement.secret)
        snippet = mask_line(lines[number - 1], [(judgement.secret, masked)]).strip()
        what = _named_what(key, judgement, masked)
        hits.append(
            Hit(
                SECRET001,
                number,
                col,
                col + len(value),
                judgement.secret,
                masked,
                _named_message(what),
                what,
                snippet,
                judgement.confidence,
                "named",
            )
        )
        format_lines.add(number)
    return sorted(hits, key=lambda h: (h.line, h.col))


#: Directories of translation catalogues: `"password": "Mot de passe"` there is a word and its translation.
_CATALOGUE_DIRS = frozenset({"locale", "locales", "i18n", "l10n", "translations", "lang", "langs", "languages"})


def is_message_catalogue_path(path: str) -> bool:
    return any(part.lower() in _CATALOGUE_DIRS for part in PurePosixPath(path.replace("\\", "/")).parts[:-1])


def _is_message_catalogue(pairs: list[tuple[int, str, str, int]]) -> bool:
    """Keys that are mostly prose ("Enter your password") make a file a table of messages, wherever it is."""
    prose = sum(1 for _, key, _, _ in pairs if " " in key.strip())
    return prose >= 5 and prose * 4 >= len(pairs)


def _key_values(lines: list[str]) -> Iterator[tuple[int, str, str, int]]:
    """(line, key, value, column of the value) for KEY=VALUE, key: value, key = "value",
    `"key": "value"` (JSON), `ENV KEY=value` / `ENV KEY value` (Dockerfile), `- KEY=value` (compose) and
    `Environment="KEY=value"` (systemd unit)."""
    block_indent: int | None = None  # inside a YAML block scalar (`details: |`): text, not keys
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(_COMMENT_PREFIXES):
            continue
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if indent > block_indent:
                continue
            block_indent = None
        if _BLOCK_SCALAR.search(line):
            block_indent = indent
            continue
        pairs = list(_JSON_PAIR.finditer(line))
        if pairs:
            for pair in pairs:
                yield number, pair.group("key"), _unescape_json(pair.group("value")), pair.start("value")
            continue
        unit = _UNIT_ENV.match(line)
        if unit:
            for pair in _UNIT_ASSIGNMENT.finditer(unit.group("rest")):
                if pair.group("value"):
                    yield number, pair.group("key"), pair.group("value"), unit.start("rest") + pair.start("value")
            continue
        docker = _DOCKER_ENV.match(line)
        if docker:
            yield from _docker_pairs(number, docker.group("rest"), docker.start("rest"))
            continue
        m = _KEY_VALUE.match(line)
        if m:
            value, offset = _clean_value(m.group("value"))
            if value is not None:
                yield number, m.group("key"), value, m.start("value") + offset


def _docker_pairs(number: int, rest: str, start: int) -> Iterator[tuple[int, str, str, int]]:
    if "=" not in rest.split(None, 1)[0]:
        key, _, value = rest.partition(" ")  # legacy `ENV KEY value`
        cleaned, offset = _clean_value(value.strip())
        if cleaned is not None:
            yield number, key, cleaned, start + len(key) + 1 + offset
        return
    for m in re.finditer(r"(?P<key>[A-Za-z_]\w*)=(?P<value>\"[^\"]*\"|'[^']*'|\S*)", rest):
        cleaned, offset = _clean_value(m.group("value"))
        if cleaned is not None:
            yield number, m.group("key"), cleaned, start + m.start("value") + offset


def _clean_value(raw: str) -> tuple[str | None, int]:
    """The value without quotes, inline comments and trailing commas; None for nested blocks."""
    value = raw.strip()
    offset = len(raw) - len(raw.lstrip())
    if not value or value[0] in "|>[{&*#":
        return None, 0  # YAML block scalars, anchors, inline collections: not one value
    if value[0] in "\"'":
        quote = value[0]
        end = value.find(quote, 1)
        return (value[1:end] if end > 0 else value[1:].rstrip("\"',")), offset + 1
    for marker in (" #", " ;", "\t#"):
        if marker in value:
            value = value.split(marker, 1)[0]
    return value.rstrip(",").rstrip("\"'").strip(), offset


def _unescape_json(value: str) -> str:
    return value.replace('\\"', '"').replace("\\/", "/").replace("\\\\", "\\")


#: A compose file's name: `docker-compose.yml`, `compose.child-env.yaml`, `docker-compose.override.yml`.
_COMPOSE_FILE = re.compile(r"(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml", re.IGNORECASE)
#: In a compose file, a service that runs in development or test mode: a `*_DEV_MODE`, `*_TEST_MODE`,
#: `*DEBUG` or `*_ENV` variable set to true or development, or a server that reloads on code changes or
#: starts in its development mode (`start-dev`, `server -dev`).
_DEVELOPMENT_STACK = re.compile(
    r"""^\s*-?\s*["']?[A-Z0-9_]*(?:DEV_MODE|TEST_MODE|TESTING|DEBUG)["']?\s*[:=]\s*["']?(?:true|1|yes|on)["']?\s*$"""
    r"""|^\s*-?\s*["']?[A-Z0-9_]*_ENV["']?\s*[:=]\s*["']?(?:development|dev|test|testing)["']?\s*$"""
    r"""|^\s*command:.*(?:\s--reload\b|\brunserver\b|\s--debug\b|\sstart-dev\b|\s-{1,2}dev\b)""",
    re.IGNORECASE | re.MULTILINE,
)


#: A compose file's setting that names production: `ENVIRONMENT: production`, `- APP_ENV=prod`, or the
#: settings module or config class production runs with (`DJANGO_SETTINGS_MODULE: config.settings.prod`,
#: `APP_SETTINGS=app.config.ProductionConfig`).
_PRODUCTION_SETTING = re.compile(
    r"""^\s*-?\s*["']?[A-Z0-9_]*ENV(?:IRONMENT)?["']?\s*[:=]\s*["']?(?:production|prod|live)["']?\s*$"""
    r"""|^\s*-?\s*["']?[A-Z0-9_]*(?:SETTINGS_MODULE|SETTINGS|CONFIG)["']?\s*[:=]\s*["']?"""
    r"""(?:[\w.]*\.)?(?:production|prod|live|ProductionConfig|ProdConfig)["']?\s*$""",
    re.IGNORECASE | re.MULTILINE,
)


def production_stack(path: str, text: str) -> bool:
    """A compose file named for production (`docker-compose.prod.yml`) or that sets its services' environment
    to production (`ENVIRONMENT: production`)."""
    name = PurePosixPath(path).name
    if _COMPOSE_FILE.fullmatch(name) is None:
        return False
    return bool(set(re.split(r"[._-]", name.lower())) & {"prod", "production", "live"}) or bool(
        _PRODUCTION_SETTING.search(text)
    )


def development_stack(path: str, text: str) -> bool:
    """A compose file that starts its services in development or test mode: its passwords are the
    developers' own, for containers on their machine, whatever the file is called. One that says it is
    production's is not, whatever else it does."""
    return (
        _COMPOSE_FILE.fullmatch(PurePosixPath(path).name) is not None
        and bool(_DEVELOPMENT_STACK.search(text))
        and not production_stack(path, text)
    )


@check(SECRET001, kinds=("env", "config", "template", "static"))
def hardcoded_secrets_in_text(ctx: TextContext) -> None:
    development = development_stack(ctx.path, ctx.text)
    for hit in text_hits(ctx.kind, ctx.text, ctx.path):
        audit = audit_only(hit, ctx.config, ctx.path) or development and hit.source in _JUDGED_BY_VALUE
        before = len(ctx.findings)
        ctx.report(
            hit.rule,
            hit.line,
            hit.message,
            col=hit.col,
            snippet=hit.snippet,
            confidence=confidence_for(hit, ctx.config, ctx.path),
            audit=audit,
        )
        _share_value(ctx, hit, ctx.path, before, audit, development=development)


# -- values the project's own tests use ----------------------------------------------------------

#: A digest of each value judged by its name in test code, CI configuration or development files.
SECRET_IN_TEST_CODE = "secret-value-in-test-code"
#: The default-mode findings on values judged by their name elsewhere, decided at the project stage.
SECRET_REPORTED = "secret-value-reported"


@dataclass(frozen=True)
class ReportedSecret:
    finding: Finding
    digest: str


def _value_digest(secret: str) -> str:
    """Values are compared across files by a digest: facts are cached, and the cache holds no secret."""
    return hashlib.blake2b(secret.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _names_key_slot(name: str) -> bool:
    """`SECRET_KEY`, `JWT_SIGNING_KEY`, `fernet_key`: a key the application itself signs or encrypts with.
    A literal there is the live key whatever else uses it."""
    words = names.words(name)
    return "key" in words and bool({"secret", "signing", "jwt", "fernet", "hmac", "encryption"} & set(words))


def _share_value(
    ctx: FileContext | TextContext,
    hit: Hit,
    path: str,
    before: int,
    audit: bool,
    *,
    key_slot: bool = False,
    development: bool = False,
) -> None:
    """Hand on what the project stage needs to judge a value its own tests also use (`shared_with_tests`)."""
    if hit.source not in _JUDGED_BY_VALUE or not hit.real:
        return
    if development or _in_test_code(ctx.config, path) or is_ci_config(path):
        ctx.fact(SECRET_IN_TEST_CODE, _value_digest(hit.secret))
    elif not audit and not key_slot:
        digest = _value_digest(hit.secret)
        for finding in ctx.findings[before:]:
            ctx.fact(SECRET_REPORTED, ReportedSecret(finding, digest))
        del ctx.findings[before:]


@check(SECRET001, stage="project")
def shared_with_tests(ctx: ProjectContext) -> None:
    """A password or token that the project's tests, CI jobs or development files also hold is the
    developers' own value: everyone who runs the tests has it. Where else it appears (a compose file, a
    config file) is a development setup more often than a deployment: for a reader, in audit mode. A key
    the application signs with, written in its Python source, stays reported (see `_names_key_slot`)."""
    reported = ctx.facts_of(SECRET_REPORTED, ReportedSecret)
    if not reported:
        return
    in_tests: dict[str, str] = {}
    for path, digest in ctx.facts_of(SECRET_IN_TEST_CODE, str):
        in_tests.setdefault(digest, path)
    for _, item in reported:
        finding = item.finding
        where = in_tests.get(item.digest)
        if where is not None:
            finding = finding.for_audit(
                f"the same value is in `{where}`, test or development code: check that deployments set their own"
            )
        ctx.findings.append(finding)


# -- files that hold secrets (SECRET003) -------------------------------------------------------

#: `.env` files named as templates: committed on purpose, with placeholders.
_ENV_TEMPLATES = {
    "example",
    "sample",
    "template",
    "tmpl",
    "tpl",
    "dist",
    "defaults",
    "default",
    "schema",
    "skel",
    "test",
    "testing",
    "ci",
}
_KEY_NAMES = {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}
_KEYSTORE_SUFFIXES = {".p12", ".pfx", ".jks", ".keystore"}
_CREDENTIAL_NAMES = {".netrc", "_netrc", ".pgpass", ".git-credentials", ".htpasswd"}
#: Settings files kept apart for the secrets only: Dynaconf's `.secrets.*`, Streamlit's `.streamlit/secrets.toml`.
_SECRET_SETTINGS = {".secrets.toml", ".secrets.yaml", ".secrets.yml", ".secrets.json"}
_PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")


def env_file_is_secret(name: str) -> bool:
    """`.env`, `.env.production`, `prod.env`: yes; `.env.example`, `.env.sample`: no."""
    lower = name.lower()
    if not (lower == ".env" or lower.startswith(".env.") or lower.endswith(".env")):
        return False
    # `.env.example`, `example.env`, `.env.sample.local`: a template wherever the word stands.
    words = set(re.split(r"[._-]", lower)) - {"", "env"}
    return not words & _ENV_TEMPLATES


def secret_file_reason(path: str, content: bytes | None) -> str | None:
    """Why a file holds secrets by its nature (its name, or its content when given), or None."""
    name = PurePosixPath(path).name
    lower = name.lower()
    suffix = os.path.splitext(lower)[1]
    if lower.startswith(".env") or lower.endswith(".env"):
        return "an environment file" if env_file_is_secret(name) else None
    if lower in _KEY_NAMES:
        return "an SSH private key"
    if suffix in _KEYSTORE_SUFFIXES:
        return "a keystore"
    if lower in _CREDENTIAL_NAMES or path.endswith(".aws/credentials"):
        return "a credentials file"
    if lower in _SECRET_SETTINGS or path.endswith(".streamlit/secrets.toml"):
        return "a settings file for secrets"
    if content is None:
        return None
    head = content[:65536]
    if suffix in {".pem", ".key"} and _PRIVATE_KEY.search(head.decode("latin-1")):
        return "a private key"
    if suffix == ".json":
        text = head.decode("utf-8", errors="replace")
        if re.search(r'"type"\s*:\s*"service_account"', text) and '"private_key"' in text:
            return "a cloud service-account key"
        if re.search(r'"(?:installed|web)"\s*:', text) and '"client_secret"' in text:
            return "an OAuth client-secret file"
    return None


@check(SECRET003, kinds=("env", "config", "secret-file"))
def secret_file_facts(ctx: TextContext) -> None:
    """Tell the project stage which files hold secrets; it knows about git and `.gitignore`."""
    reason = secret_file_reason(ctx.path, ctx.text.encode("utf-8", errors="replace"))
    if reason:
        ctx.fact("secret-file", reason)


@check(SECRET003, stage="project")
def exposed_secret_files(ctx: ProjectContext) -> None:
    root = Path(ctx.root)
    candidates: dict[str, str] = {path: str(reason) for path, reason in ctx.facts("secret-file")}
    repo = git_toplevel(root)
    if repo is None:
        return  # not a git work tree (an unpacked release): nothing is tracked, nothing to ignore
    tracked = tracked_files(root)
    covered = _with_parents({str(PurePosixPath(f.rel).parent) for f in ctx.files})
    for path in sorted(tracked - set(candidates)):
        # Ignored but still tracked, or a name discovery does not read: decide from name and content.
        # Only in the part of the tree being checked: `secpat check app/` says nothing about `docs/`.
        if str(PurePosixPath(path).parent) not in covered:
            continue
        reason = secret_file_reason(path, _read_head(root / path))
        if reason:
            candidates[path] = reason
    ignores = _GitIgnores(repo, root)
    for path in sorted(candidates):
        reason = candidates[path]
        if path in tracked:
            message = (
                f"{path} is {reason} and git tracks it: every clone has its secrets; "
                f"`git rm --cached {path}`, add it to .gitignore and rotate what it holds"
            )
        elif not ignores.ignored(path):
            message = (
                f"{path} is {reason} and .gitignore does not cover it: one `git add .` away from being "
                "committed; add it to .gitignore"
            )
        else:
            continue
        ctx.report(SECRET003, Location(path, 0), message, snippet=path)


def _with_parents(directories: set[str]) -> set[str]:
    """The directories, every directory above them, and "." (the scanned part of the tree)."""
    covered = {"."}
    for directory in directories:
        while directory not in covered:
            covered.add(directory)
            directory = directory.rpartition("/")[0] or "."
    return covered


def git_toplevel(start: Path) -> Path | None:
    """The working tree that contains `start`, found by looking for `.git` (no process started)."""
    current = start.resolve()
    for directory in (current, *current.parents):
        if (directory / ".git").exists():
            return directory
    return None


def tracked_files(root: Path) -> set[str]:
    """Paths git tracks under `root`, relative to it: one `git ls-files -z` call."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", "ls-files", "-z"],
            cwd=root,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode != 0:
        return set()
    return {p.decode("utf-8", errors="surrogateescape") for p in done.stdout.split(b"\0") if p}


def _read_head(path: Path, limit: int = 65536) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except OSError:
        return None


class _GitIgnores:
    """Does a `.gitignore` (or `.git/info/exclude`) between the repository top and the file cover it?"""

    def __init__(self, top: Path, root: Path):
        self.top = top.resolve()
        self.root = root.resolve()
        self._specs: dict[Path, pathspec.PathSpec | None] = {}

    def _spec(self, directory: Path) -> pathspec.PathSpec | None:
        if directory not in self._specs:
            lines: list[str] = []
            for source in (
                directory / ".gitignore",
                *([directory / ".git" / "info" / "exclude"] if directory == self.top else []),
            ):
                try:
                    lines += source.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    pass
            self._specs[directory] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[directory]

    def ignored(self, rel: str) -> bool:
        absolute = self.root / rel
        try:
            inner = absolute.relative_to(self.top)
        except ValueError:
            return False
        directory = self.top
        parts = inner.parts
        for depth in range(len(parts)):
            spec = self._spec(directory)
            if spec is not None and spec.match_file("/".join(parts[depth:])):
                return True
            directory = directory / parts[depth]
        return False
