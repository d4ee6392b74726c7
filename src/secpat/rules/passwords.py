"""Pattern 2 — password storage (PWD).

A password is recognised by name (`password`, `new_pwd`, `form.password.data`,
`request.form["password"]`) and followed through the data flow: stored as is,
hashed with a fast hash, hashed with a slow hash at a weak cost, or compared
with `==`. Hashing checksums, cache keys and tokens stays silent.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow import requests as R
from secpat.dataflow import sources as S
from secpat.dataflow.flow import dotted, flow_of
from secpat.dataflow.uses import (
    HTTP_CLIENTS,
    SQL_CLAUSE,
    assignments,
    bound_columns,
    from_http_response,
    is_session,
    security_uses,
)
from secpat.findings import Confidence, Finding, FlowStep, Location, Severity
from secpat.frameworks.environments import environment_of_name, file_environment
from secpat.frameworks.facts import DEV_WORDS
from secpat.frameworks.routes import source_line
from secpat.frameworks.syntax import derives_from, held_name, string
from secpat.model.module import (
    Call,
    ClassInfo,
    Module,
    field_name,
    keyword_argument,
    literal_value,
    parameter_defaults,
    parents_of,
)
from secpat.rules.context import (
    FileContext,
    Outcome,
    ProjectContext,
    describe_source,
    same_global_name,
)
from secpat.rules.registry import Rule, check, define
from secpat.rules.sql import parameter_of, request_reaching, requests_and_passes

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from secpat.dataflow.flow import CallEvent, CompareEvent, FunctionFlow
    from secpat.model.module import Function

PWD001 = define(
    Rule(
        id="PWD001",
        name="plaintext-password-storage",
        pattern=2,
        title="Password stored in plain text",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=256,
        why="""
        A password written to a database, cache or file as typed is exposed to everyone who
        ever reads that store: a backup, a SQL injection, an employee. Users reuse passwords,
        so one leak opens their other accounts too. Reported by default for an account's record
        (a user, account, member, customer or profile model) or a password the client sent; a
        password field of another model (a page's shared passphrase) is for audit mode, unless the
        function also sets that value as an account's password (`user.set_password(temp)`, then
        `Membership.objects.create(temporary_password=temp)`). Also stored:
        request data bound to a password column of a raw `INSERT` / `UPDATE`, and a Django REST
        framework `ModelSerializer` that accepts a password field and saves it with the
        `create()` / `update()` it inherits (where something saves with it).
    """,
        bad="""
        password = request.form["password"]
        db.save(password)
        user.password = password            # Django: bypasses set_password()
    """,
        good="""
        import bcrypt
        hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
        db.save(hashed)
        user.set_password(password)          # Django
    """,
        fix="Store only a slow salted hash: `bcrypt.hashpw`, argon2 `PasswordHasher().hash`, Django `set_password` "
        "/ `create_user`, Werkzeug `generate_password_hash`.",
    )
)

PWD002 = define(
    Rule(
        id="PWD002",
        name="fast-hash-for-password",
        pattern=2,
        title="Password hashed with a fast general-purpose hash",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=916,
        why="""
        MD5, SHA-1, SHA-256, SHA-512 and BLAKE2 are built to be fast: a single GPU tries billions
        of candidates a second, so a leaked table of such hashes is cracked almost as quickly as
        plain text. Salting does not change that; only a deliberately slow, memory-hard hash does.
        A digest used only as the key of an in-memory lookup (`if digest in seen:`,
        `seen[digest] = ok`) is stored nowhere, and one only sent in a request to another service
        (the format its login demands) is not stored here: those are for audit mode. So is a digest
        a function only hands back to its callers (`return "{SSHA}" + b64encode(digest + salt)`) in
        a project that hashes or checks passwords with a slow hasher elsewhere: a format made for
        another store, or a pepper before the slow hash, not how the project keeps its passwords.
    """,
        bad="""
        import hashlib
        hashed = hashlib.sha256(password.encode()).hexdigest()
    """,
        good="""
        from argon2 import PasswordHasher
        hashed = PasswordHasher().hash(password)
    """,
        fix="Hash passwords with bcrypt, Argon2id, scrypt or PBKDF2 (600,000+ iterations), never with hashlib digests.",
    )
)

PWD003 = define(
    Rule(
        id="PWD003",
        name="weak-password-hash-parameters",
        pattern=2,
        title="Password hash with a weak cost",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=916,
        why="""
        A slow hash is only as slow as its cost parameters. bcrypt with 4 rounds or PBKDF2 with
        1,000 iterations is thousands of times cheaper to attack than the current recommendation
        (bcrypt 12, PBKDF2-SHA256 600,000, Argon2id m=19 MiB t=2, scrypt N=2^17), and Django
        hashers led by MD5 or SHA-1 store every new password with a fast hash. A key-derivation
        call is reported by default when its input is a password; a random token or API key
        hashed cheaply to look it up is for audit mode.
    """,
        bad="""
        import bcrypt
        hashed = bcrypt.hashpw(password, bcrypt.gensalt(rounds=4))
    """,
        good="""
        import bcrypt
        hashed = bcrypt.hashpw(password, bcrypt.gensalt())   # 12 rounds by default
    """,
        fix="Use the library defaults or stronger: bcrypt rounds >= 12, PBKDF2-SHA256 >= 600,000 iterations, "
        "Argon2id memory >= 19 MiB, scrypt N >= 2**17; list Argon2 or PBKDF2 first in PASSWORD_HASHERS.",
        references=("https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html",),
    )
)

PWD004 = define(
    Rule(
        id="PWD004",
        name="timing-unsafe-secret-comparison",
        pattern=2,
        title="Password or secret compared with `==`",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,
        cwe=208,
        why="""
        `==` on strings stops at the first differing character, so the time it takes leaks how
        much of a guess was right; a remote attacker can recover a token or signature byte by
        byte. Comparing a password with `==` also means it was stored in plain text or with a
        fast, unsalted hash. Reported by default when one side is a value the client sent, a
        password, an HMAC, or a constant-cased setting named for a secret or for a key of some
        purpose (`settings.METRICS_SCRAPE_KEY`; not a sort, cache or public key); two secrets by name
        alone, a third-party API's answer, or a value popped from the session for a single use are
        for audit mode.
    """,
        bad="""
        import hmac
        from flask import request

        def webhook():
            expected = hmac.new(WEBHOOK_KEY, request.get_data(), "sha256").hexdigest()
            if request.headers["X-Signature"] == expected:
                ...
    """,
        good="""
        import hmac
        from flask import request

        def webhook():
            expected = hmac.new(WEBHOOK_KEY, request.get_data(), "sha256").hexdigest()
            if hmac.compare_digest(request.headers["X-Signature"], expected):
                ...
    """,
        fix="Compare secrets with `hmac.compare_digest` / `secrets.compare_digest`; check passwords with "
        "`bcrypt.checkpw`, `PasswordHasher().verify` or Django `check_password`.",
    )
)

PWD005 = define(
    Rule(
        id="PWD005",
        name="weak-hash-for-security",
        pattern=2,
        title="MD5 or SHA-1 used for a token, signature or integrity check",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=328,
        why="""
        MD5 and SHA-1 collisions can be computed cheaply, so they no longer prove that data was
        not tampered with, and a token or signature built from them is forgeable. They remain
        fine for cache keys and non-security checksums: say so with `usedforsecurity=False`.
    """,
        bad="""
        import hashlib
        signature = hashlib.md5(secret + payload).hexdigest()
    """,
        good="""
        import hmac, hashlib
        signature = hmac.new(secret, payload, hashlib.sha256).hexdigest()
        cache_key = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    """,
        fix="Use SHA-256 or better (`hmac` with SHA-256 for signatures, `secrets` for tokens); mark non-security "
        "uses with `usedforsecurity=False`.",
    )
)

#: Identifier fragments that make a module worth analysing for password handling.
_PASSWORD_FRAGMENTS = (
    "passw",
    "pwd",
    "passphrase",
    "secret",
    "token",
    "signature",
    "hash",
    "md5",
    "sha1",
    "sha",
    "digest",
    "api_key",
    "apikey",
    "checksum",
    "otp",
    "hmac",
    "authorization",
    "pin",
    "nonce",
)

# Persistence calls: a plaintext password passed to one of these is stored as is.
_STORE_METHODS = frozenset(
    {
        "save",
        "create",
        "update",
        "update_or_create",
        "get_or_create",
        "bulk_create",
        "insert",
        "insert_one",
        "insert_many",
        "replace_one",
        "update_one",
        "update_many",
        "add",
        "put",
        "put_item",
        "store",
        "set",
        "hset",
        "hmset",
        "setex",
        "write",
        "writerow",
        "dump",
        "execute",
        "executemany",
    }
)
# Verbs that also mean "change this dict / set / file in memory": without a store or an account in
# view they are no evidence that a password is persisted.
_AMBIGUOUS_STORE_METHODS = frozenset({"update", "write", "writerow", "set", "add", "put", "dump"})
# Libraries whose `create()` / `set()` build a connection URL or client, not a stored record.
_CONNECTION_BUILDERS = ("sqlalchemy.", "urllib.", "yarl.", "furl.", "redis.", "psycopg", "pymysql.", "paramiko.")
# Keywords that say a record describes a server to connect to, whose password is sent, not checked.
_CONNECTION_KEYWORDS = frozenset({"host", "hostname", "port", "server", "endpoint", "dsn", "smtp_host", "db_host"})
# Classes whose records are stored: `User(password=...)`, `AccountRow(...)`.
_MODEL_CLASS = re.compile(
    r"(User|Account|Member|Customer|Profile|Person|Admin|Employee|Row|Record|Model|Entity|Signup|Registration|Registrant)s?$"
)
# Attributes that hold the stored password (or its hash) on a user record.
_PASSWORD_FIELDS = frozenset(
    {
        "password",
        "passwd",
        "pwd",
        "password_hash",
        "hashed_password",
        "pw_hash",
        "password_digest",
        "encrypted_password",
        "passhash",
    }
)


#: A key named in a string (`"X-Printer-Key"`, `"printers.key"`).
_NAMED_KEY = re.compile(r"[-_.]key\b", re.IGNORECASE)


@check(PWD001, PWD002, PWD004, PWD005)
def password_flows(ctx: FileContext) -> None:
    module = ctx.module
    columns = bool(_PASSWORD_COLUMN.search(module.source.lower()))
    if (
        not columns
        and not module.mentions(_PASSWORD_FRAGMENTS)
        and not module.mentions(("key",))
        and not _NAMED_KEY.search(module.source)
    ):
        return
    for function in module.all_functions():
        if not function.mentions(_PASSWORD_FRAGMENTS) and not (
            columns and _writes_sql_naming_passwords(module, function)
        ):
            if _compares_with_configured_secret(function):
                _comparisons(ctx, flow_of(module, function))  # `provided != settings.LAB_INTEGRATION_KEY`
            continue
        flow = flow_of(module, function)
        _plaintext_storage(ctx, flow)
        _plaintext_lookups(ctx, flow)
        _plaintext_comparisons(ctx, flow)
        _fast_hashes(ctx, flow)
        _comparisons(ctx, flow)
        _weak_hash_uses(ctx, flow)
        _password_helper_results_kept(ctx, flow)


def _compares_with_configured_secret(function: Function) -> bool:
    """The function compares values and reads a constant-cased setting named for a secret
    (`settings.PARTNER_KEY`), or names a key: `_comparisons` judges whether one is compared with the other."""
    if isinstance(function.node, ast.Module):
        return False
    nodes = list(ast.walk(function.node))
    if not any(isinstance(n, ast.Compare) for n in nodes):
        return False
    # ... or names a key, by an identifier or by the field it reads (`request.get_header("X-Printer-Key")`).
    return any(
        names.is_configured_secret(name) or _names_credential_key(name) for name in function.raw_identifiers
    ) or any(
        isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and len(n.value) < 40
        and _names_credential_key(n.value)
        for n in nodes
    )


def _writes_sql_naming_passwords(module: Module, function: Function) -> bool:
    """The function runs a statement whose text names a password column (`INSERT INTO users (name,
    password) ...`) while none of its own names says password."""
    node = function.node
    if not function.mentions(("execute",)) or isinstance(node, ast.Module):
        return False
    return any(
        _PASSWORD_COLUMN.search(module.line_text(line).lower())
        for line in range(node.lineno, (node.end_lineno or 0) + 1)
    )


#: Django REST framework's serializer that saves a model from the fields it declares.
_MODEL_SERIALIZERS = frozenset(
    {"rest_framework.serializers.ModelSerializer", "rest_framework.serializers.HyperlinkedModelSerializer"}
)
#: Calls that hash a password, or make an account that does (`User.objects.create_user(...)`).
_HASHING_CALLS = S.PASSWORD_HASH_METHODS | {"create_user", "create_superuser"}


#: A ModelSerializer that would store its password field as sent (`KeptPassword`), and the serializer classes
#: something saves with (their qualified names).
SERIALIZER_KEEPS_PASSWORD, SERIALIZER_SAVED = "pwd-serializer-keeps-password", "pwd-serializer-saved"


@dataclass(frozen=True)
class KeptPassword:
    serializer: str  # the class's qualified name
    finding: Finding


@check(PWD001)
def serializers_saving_passwords(ctx: FileContext) -> None:
    """A DRF `ModelSerializer` that accepts a password field and saves it with the `create()` / `update()`
    it inherits (`Model.objects.create(**validated_data)`, `setattr(instance, ...)`) stores what the client
    sent. One that hashes in its own `create()`, `update()`, `save()` or `validate_<field>()` does not, and
    neither does one whose field is read-only. The project stage reports it where something saves with it
    (`serializer.save()`, a create or update view's `serializer_class`); one used only to read or check a
    login is for audit mode."""
    module = ctx.module
    if not module.imports_any("rest_framework"):
        return
    for info in module.classes.values():
        if set(info.bases) & _MODEL_SERIALIZERS:
            listed = next((f for f in _meta_fields(info) if names.is_password(str(f.value))), None)
            field = str(listed.value) if listed is not None else ""
            if listed is None or field in _read_only_fields(info) or _hashes_itself(info):
                continue
            before = len(ctx.findings)
            ctx.report(
                PWD001,
                listed,
                f"`{info.name}` accepts the `{field}` field and saves it with the `create()` and `update()` it "
                "inherits, which store the value as sent: hash it in `create()` / `update()` "
                "(`set_password()`, `make_password()`, `create_user()`)",
            )
            name = f"{module.module_name}.{info.qualname}" if module.module_name else info.qualname
            for finding in ctx.findings[before:]:
                ctx.fact(SERIALIZER_KEEPS_PASSWORD, KeptPassword(name, finding))
            del ctx.findings[before:]
        elif "serializer_class" in info.attributes and _saving_view(info):
            saved = module.qualified_name(info.attributes["serializer_class"])
            if saved:
                ctx.fact(SERIALIZER_SAVED, saved)
    for function in module.all_functions():
        if function.mentions(("save", "validated_data")):
            for saved in _saved_serializers(module, function):
                ctx.fact(SERIALIZER_SAVED, saved)


@check(PWD001, stage="project")
def serializers_saved_with_passwords(ctx: ProjectContext) -> None:
    saved = {name for _, name in ctx.facts_of(SERIALIZER_SAVED, str)}
    for _, kept in ctx.facts_of(SERIALIZER_KEEPS_PASSWORD, KeptPassword):
        if kept.serializer in saved:
            ctx.findings.append(kept.finding)
        else:
            ctx.findings.append(kept.finding.for_audit("nothing in the project is seen saving with it"))


def _saving_view(info: ClassInfo) -> bool:
    """A generic view or viewset that creates or updates (`CreateAPIView`, `ModelViewSet`, `UpdateModelMixin`)."""
    return any(word in base.lower() for base in info.bases for word in ("create", "update", "modelviewset"))


def _saved_serializers(module: Module, function: Function) -> list[str]:
    """`s = AccountSerializer(data=request.data); ...; s.save()` or `Account.objects.create(**s.validated_data)`,
    also with the view's own `self.serializer_class(...)` or `self.get_serializer(...)`: the classes the function
    saves with."""
    owner = module.classes.get(function.qualname.rsplit(".", 1)[0]) if function.class_name else None
    own = owner.attributes.get("serializer_class") if owner is not None else None
    made: dict[str, str] = {}
    for node in ast.walk(function.node):
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Call)
        ):
            continue
        func = node.value.func
        if own is not None and dotted(func) in ("self.serializer_class", "self.get_serializer"):
            func = own
        cls = module.qualified_name(func, function)
        if cls:
            made[node.targets[0].id] = cls
    saved = []
    for node in ast.walk(function.node):
        if not isinstance(node, ast.Call):
            continue
        if (
            isinstance(node.func, ast.Attribute)
            and node.func.attr == "save"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in made
        ):
            saved.append(made[node.func.value.id])
        # `Account.objects.create(**serializer.validated_data)`: what the inherited `create()` would do.
        for keyword in node.keywords:
            value = keyword.value
            if (
                keyword.arg is None
                and isinstance(value, ast.Attribute)
                and value.attr == "validated_data"
                and isinstance(value.value, ast.Name)
                and value.value.id in made
            ):
                saved.append(made[value.value.id])
    return saved


def _meta_fields(info: ClassInfo) -> list[ast.Constant]:
    """The field names `class Meta: fields = [...]` lists, as the literals written there."""
    meta = next((n for n in info.node.body if isinstance(n, ast.ClassDef) and n.name == "Meta"), None)
    for node in meta.body if meta is not None else ():
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "fields" for t in node.targets)
            and isinstance(node.value, (ast.List, ast.Tuple))
        ):
            return [e for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def _read_only_fields(info: ClassInfo) -> set[str]:
    """`read_only_fields = [...]` in Meta, and fields declared with `read_only=True`."""
    found: set[str] = set()
    meta = next((n for n in info.node.body if isinstance(n, ast.ClassDef) and n.name == "Meta"), None)
    for node in meta.body if meta is not None else ():
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "read_only_fields" for t in node.targets
        ):
            value = literal_value(node.value)
            if isinstance(value, (list, tuple)):
                found.update(v for v in value if isinstance(v, str))
    for name, value in info.attributes.items():
        if isinstance(value, ast.Call) and any(
            k.arg == "read_only" and isinstance(k.value, ast.Constant) and k.value.value is True for k in value.keywords
        ):
            found.add(name)
    return found


def _hashes_itself(info: ClassInfo) -> bool:
    """The serializer's own `create()`, `update()`, `save()` or a `validate...()` method hashes the password,
    or makes the account with a call that does."""
    for name, method in info.methods.items():
        if name not in ("create", "update", "save") and not name.startswith("validate"):
            continue
        for node in ast.walk(method.node):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called in _HASHING_CALLS:
                    return True
    return False


def _plaintext(value: L.Value) -> bool:
    return L.PASSWORD in value and L.PASSWORD_HASH not in value


def _password_columns(ctx: FileContext, flow: FunctionFlow, event: CallEvent) -> list[L.Value]:
    """`execute("INSERT INTO users (name, password) VALUES (?, ?)", (name, form["pw"]))`: request data bound to
    a column named for a password is a password, whatever the variable holding it is called. Values the code
    hashed, or that carry a password label already, are judged as they are."""
    found: list[L.Value] = []
    for column, value in bound_columns(flow, event):
        # A column is a place, not a variable: `pass` or `pw` there is the password (`users(user, pass)`).
        password_column = names.is_password(column) or column.lower() in ("pass", "pw")
        if password_column and L.REQUEST in value and not _HASHED_LABELS & set(value):
            step = FlowStep(ctx.location(event.node), f"bound to the column `{column}`")
            found.append({**value, L.PASSWORD: value[L.REQUEST] + (step,)})
    return found


#: Query methods that find records by their fields: `filter_by(password=...)`, `objects.get(...)`,
#: `find_one({...})`, `select().where(User.password == ...)`.
_LOOKUP_METHODS = frozenset({"filter_by", "filter", "get", "get_or_none", "find_one", "find", "where", "first"})
#: Methods that run the statement they are given: a cursor's, Django's `Model.objects.raw()`, asyncpg's and
#: encode/databases' fetches, peewee's `execute_sql()`.
_STATEMENT_METHODS = frozenset(
    {"execute", "executemany", "raw", "execute_sql", "fetch", "fetchrow", "fetchval", "fetch_all", "fetch_one"}
)
#: Labels of a value that went through a hash: looking one up says nothing of how passwords are kept.
_HASH_LABELS = frozenset({L.PASSWORD_HASH, L.FAST_HASH_OF_PASSWORD, L.HASH_OBJECT, L.WEAK_HASH})


def _plaintext_lookups(ctx: FileContext, flow: FunctionFlow) -> None:
    """A login that finds the account by the password as typed (`User.query.filter_by(name=name,
    password=password)`, `Account.objects.get(..., password=request.POST["password"])`, `WHERE user = ? AND
    password = ?` bound or formatted with it, `User.password == password` in a filter) shows that the accounts
    keep their passwords as typed: a salted slow hash cannot be looked up by. A digest looked up is PWD002's."""
    for event in flow.calls:
        func = event.node.func
        method = func.attr if isinstance(func, ast.Attribute) else None
        args = event.node.args
        if method in _STATEMENT_METHODS:
            # Reported at the values bound, or at the statement they are written into.
            at: ast.AST = args[1] if len(args) > 1 else args[0] if args else event.node
            compared = [(column, value, at) for column, value in bound_columns(flow, event, looked_up=True)]
            compared += [(column, value, args[0]) for column, value in _formatted_lookups(flow, event)]
        elif method in _LOOKUP_METHODS and _looks_up_records(func) and not _hashing_user_model(flow, func):
            compared = [
                (keyword.arg.split("__", 1)[0], event.keywords[keyword.arg], keyword.value)
                for keyword in event.node.keywords
                if keyword.arg in event.keywords
                and not isinstance(keyword.value, ast.Attribute)  # `password=user.password`: the record's own
            ]
            whole = event.args[0] if event.args else L.EMPTY
            for arg in args:
                if isinstance(arg, ast.Dict):  # `find_one({"user": name, "password": password})`
                    compared += [
                        (key.value, _piece_value(flow, value, whole), value)
                        for key, value in zip(arg.keys, arg.values)
                        if isinstance(key, ast.Constant) and isinstance(key.value, str)
                    ]
                compared += [
                    (test.left.attr, _piece_value(flow, test.comparators[0], L.EMPTY), test)
                    for test in (arg.values if isinstance(arg, ast.BoolOp) else [arg])
                    if isinstance(test, ast.Compare)
                    and len(test.ops) == 1
                    and isinstance(test.ops[0], ast.Eq)
                    and isinstance(test.left, ast.Attribute)
                ]
        else:
            continue
        for column, value, node in compared:
            if not (names.is_password(column) or column.lower() == "pass") or _HASH_LABELS & set(value):
                continue
            step = FlowStep(ctx.location(node), f"looked up in the password column `{column}`")
            if L.PASSWORD not in value and L.REQUEST in value:
                value = {**value, L.PASSWORD: value[L.REQUEST] + (step,)}  # what the client sent, as the password
            if L.PASSWORD not in value:
                continue
            ctx.report_flow(
                node,
                value,
                [
                    Outcome(
                        L.PASSWORD,
                        PWD001,
                        "{source} is {sink}: the accounts keep passwords as typed, or a lookup would not find "
                        "them; store a slow hash (bcrypt, argon2) and check it with its `verify()`",
                    )
                ],
                scope=flow.function,
                sink_note=f"looked up in the password column `{column}`",
            )
            break


def _looks_up_records(func: ast.expr) -> bool:
    """`User.query.filter_by`, `Account.objects.get`, `db.users.find_one`, `User.get`: a query of stored
    records, not `requests.get(url, ...)` or a mapping's `get`."""
    if not isinstance(func, ast.Attribute):
        return False
    receiver = dotted(func.value) or ""
    last = receiver.rsplit(".", 1)[-1]
    if func.attr in {"get", "get_or_none", "first"}:
        return last in {"objects", "query"} or last[:1].isupper()
    return not receiver.startswith(("requests", "httpx", "aiohttp", "session", "client"))


#: Words in the names of objects that hold the application's own settings, or what a form or request carried
#: (`cleaned_data`, `attrs`, `validated_data`), not a stored account.
_NOT_RECORDS = frozenset(
    {
        "self",
        "cls",
        "settings",
        "setting",
        "config",
        "conf",
        "configuration",
        "app",
        "options",
        "opts",
        "args",
        "kwargs",
        "request",
        "form",
        "data",
        "attrs",
        "params",
        "payload",
        "body",
        "env",
    }
)


def _plaintext_comparisons(ctx: FileContext, flow: FunctionFlow) -> None:
    """`if user.password == password:`, `row["password"] != form.password`: an account's stored password compared
    with the one the user typed, as typed. Were it hashed, the two would never be equal: the accounts keep
    passwords in plain text. (PWD004 reports the timing of the same comparison.)"""
    if flow.function.name in {"__eq__", "__ne__"}:
        return
    assigned = assignments(flow.function)
    for event in flow.compares:
        if not isinstance(event.op, (ast.Eq, ast.NotEq)):
            continue
        sides = ((event.left, event.left_value), (event.right, event.right_value))
        for (typed, typed_value), (stored, stored_value) in (sides, sides[::-1]):
            if (
                L.PASSWORD not in typed_value
                or _HASH_LABELS & set(typed_value)
                or _HASH_LABELS & set(stored_value)
                or not isinstance(stored, (ast.Attribute, ast.Subscript))
                or field_name(stored) not in _TYPED_PASSWORD_FIELDS
                or not isinstance(stored.value, ast.Name)
            ):
                continue
            if names.is_confirmation(field_name(typed) or ""):
                continue  # `password == re_password`: the same user typed both
            record = stored.value.id
            fetched_by = assigned.get(record)
            if set(names.words(record)) & _NOT_RECORDS or not _fetched(fetched_by):
                continue
            if isinstance(fetched_by, ast.Call) and _hashing_user_model(flow, fetched_by.func):
                continue
            ctx.report_flow(
                event.node,
                typed_value,
                [
                    Outcome(
                        L.PASSWORD,
                        PWD001,
                        "{source} is {sink}: the accounts keep passwords as typed, or the two would never be "
                        "equal; store a slow hash (bcrypt, argon2) and check it with its `verify()`",
                    )
                ],
                scope=flow.function,
                sink_note=f"compared as typed with the stored `{record}.{field_name(stored)}`",
            )
            break


def _hashing_user_model(flow: FunctionFlow, func: ast.expr) -> bool:
    """`User.objects.get(...)` of Django's own user model (or `get_user_model()`): its `password` field holds a
    salted hash, whatever the code then compares with it."""
    while isinstance(func, (ast.Attribute, ast.Call)):
        func = func.value if isinstance(func, ast.Attribute) else func.func
    qualified = flow.module.qualified_name(func, flow.function) or ""
    return qualified.startswith("django.contrib.auth.")


def _fetched(value: ast.expr | None) -> bool:
    """`user = User.query.filter_by(name=name).first()`, `row = cur.fetchone()`, `await repo.get(name)`: a
    record a call returned, not one the request made (`LoginForm(request.form)`, `request.get_json()`)."""
    if isinstance(value, ast.Await):
        value = value.value
    if not isinstance(value, ast.Call):
        return False
    text = dotted(value.func) or ""
    last = text.rsplit(".", 1)[-1]
    return not (text.startswith("request") or last[:1].isupper() or last in {"get_json", "json", "loads", "dict"})


def _piece_value(flow: FunctionFlow, node: ast.expr, whole: L.Value) -> L.Value:
    """What one piece of a call's argument holds: a name's value, or for a field read inline
    (`request.form["password"]`) the request data of the whole argument."""
    if isinstance(node, ast.Name):
        return flow.env.get(node.id, L.EMPTY)
    if L.REQUEST in whole and field_name(node) is not None:
        return {L.REQUEST: whole[L.REQUEST]}
    return L.EMPTY


#: The column a value is compared with, from the statement's text just before it: `password = '`.
_COMPARED_BEFORE = re.compile(r"(\w+)[`\"\]]?\s*=\s*['\"]?\s*$")


def _formatted_lookups(flow: FunctionFlow, event: CallEvent) -> list[tuple[str, L.Value]]:
    """`execute("SELECT ... WHERE name = '%s' AND password = '%s'" % (name, password))`, an f-string, `+`: the
    columns a statement compares with values written into its text, each with that value."""
    statement = event.node.args[0] if event.node.args else None
    if isinstance(statement, ast.Name):
        statement = assignments(flow.function, event.node.lineno).get(statement.id)
    whole = event.args[0] if event.args else L.EMPTY
    found = []
    for before, piece in _formatted_pieces(statement):
        match = _COMPARED_BEFORE.search(before)
        clauses = SQL_CLAUSE.findall(before)
        if match and clauses and clauses[-1].upper() != "SET":
            found.append((match[1], _piece_value(flow, piece, whole)))
    return found


def _formatted_pieces(node: ast.expr | None) -> list[tuple[str, ast.expr]]:
    """(the statement's text before it, the expression) for each value formatted into a statement."""
    pieces: list[tuple[str, ast.expr]] = []
    if isinstance(node, ast.JoinedStr):
        text = ""
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                text += part.value
            elif isinstance(part, ast.FormattedValue):
                pieces.append((text, part.value))
                text += "?"
    elif (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Mod)
        and isinstance(node.left, ast.Constant)
        and isinstance(node.left.value, str)
    ):
        template: str = node.left.value
        values = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        slots = list(re.finditer(r"%[sdr]", template))
        if len(slots) == len(values):
            pieces = [(template[: slot.start()], value) for slot, value in zip(slots, values)]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        terms: list[ast.expr] = []
        stack: list[ast.expr] = [node]
        while stack:
            term = stack.pop()
            if isinstance(term, ast.BinOp) and isinstance(term.op, ast.Add):
                stack += [term.right, term.left]
            else:
                terms.append(term)
        text = ""
        for term in terms:
            if isinstance(term, ast.Constant) and isinstance(term.value, str):
                text += term.value
            else:
                pieces.append((text, term))
                text += "?"
    return pieces


#: A record's fields that hold the password as typed (not a hash of it).
_TYPED_PASSWORD_FIELDS = frozenset({"password", "passwd", "pwd"})


def _sent_as_password(ctx: FileContext, node: ast.AST, value: L.Value, field: str) -> L.Value:
    """`user.password = request.form["pw"]`, `User(password=data["secret"])`: what the client sent, put in an
    account's password field untouched, is the password, whatever the request named it. Other values are
    returned as they are."""
    if field not in _TYPED_PASSWORD_FIELDS or L.REQUEST not in value or _HASHED_LABELS & set(value):
        return value
    step = FlowStep(ctx.location(node), f"put in the password field `{field}`")
    return {**value, L.PASSWORD: value[L.REQUEST] + (step,)}


#: Labels of a value that went through a hash, or that is named for a password already.
_HASHED_LABELS = frozenset({L.PASSWORD, L.PASSWORD_HASH, L.FAST_HASH_OF_PASSWORD, L.HASH_OBJECT, L.WEAK_HASH})


def _plaintext_storage(ctx: FileContext, flow: FunctionFlow) -> None:
    function = flow.function
    if _rebuilds_a_stored_record(function):
        return
    for store in flow.stores:
        if store.kind == "item" and _plaintext(store.value) and is_session(store.base, flow):
            ctx.report_flow(
                store.stmt,
                store.value,
                [Outcome(L.PASSWORD, PWD001, "{source} is {sink}: sessions are stored, often in a readable cookie")],
                scope=function,
                sink_note="stored in the session",
            )
            continue
        if store.kind != "attr" or not store.name:
            continue
        base = store.base
        # `user.temp_password = temp`: a field of an account named for a password is one, whatever it is called;
        # so is any record's password-named field given the password the function sets on an account.
        assigned_value = store.stmt.value if isinstance(store.stmt, ast.Assign) else None
        set_elsewhere = names.is_password(store.name) and _set_as_account_password(function, assigned_value)
        account_field = names.is_password(store.name) and _names_account(dotted(base) if base is not None else None)
        if store.name not in _PASSWORD_FIELDS and not account_field and not set_elsewhere:
            continue
        value = store.value
        if _names_account(dotted(base) if base is not None else None):
            value = _sent_as_password(ctx, store.stmt, value, store.name)
        if not _plaintext(value):
            continue
        if isinstance(base, ast.Name) and base.id in {"self", "cls"}:
            continue  # an object keeping its own credentials (a client, a config) is not a user store
        if isinstance(base, ast.Name) and base.id in function.params and L.REQUEST in flow.env.get(base.id, {}):
            continue  # `form_data.password = ...`: a field of the request's own body model; nothing is stored
        if isinstance(base, ast.Name) and _copy_of_request_model(function, flow, base.id):
            continue  # `update = user_update.model_copy(exclude={"password"}); update.password = ...`: the same
        message = "{source} is {sink} without hashing"
        handed_on = _made_and_handed_on(function, base)
        audit = not (
            L.REQUEST in store.value
            or _names_account(dotted(base) if base is not None else None)
            and not handed_on
            or set_elsewhere
            and store.name not in _PASSWORD_FIELDS
        )
        if handed_on and audit:
            # `update = UserUpdate(name=name); update.password = new; return store.update_user(update)`: a
            # message for the code that stores, which says itself whether it hashes.
            message += f"; `{handed_on}` is made here and handed on, never saved here"
        assigned = store.stmt.value if isinstance(store.stmt, ast.Assign) else None
        if (
            isinstance(assigned, ast.Name)
            and store.name in _PASSWORD_FIELDS
            and _hashed_on_other_branches(function, base, assigned.id)
        ):
            # `if raw: user.set_password(password) else: user.password = password`: the branch that keeps the
            # value as it is takes one already hashed (an import of stored hashes).
            audit = True
            message += f"; other branches hash `{assigned.id}` with `set_password()`, so this one is given a hash"
        before = len(ctx.findings)
        ctx.report_flow(
            store.stmt,
            value,
            [Outcome(L.PASSWORD, PWD001, message, audit=audit)],
            scope=function,
            sink_note=f"stored as attribute `{store.name}`",
        )
        _hand_on(ctx, before, _class_of_object(ctx.module, function, base), store.name)
    for event in flow.calls:
        func = event.node.func
        method = func.attr if isinstance(func, ast.Attribute) else (func.id if isinstance(func, ast.Name) else None)
        if method and method[:1].islower() and _project_module_function(ctx.module, function, func):
            # `user_service.create(name, password)`: that function's body says what it stores; the project
            # stage joins what the client sent with a parameter that body writes as it is.
            _hand_on_raw_passwords(ctx, function, event)
            if not (
                method in _STORE_METHODS
                and (
                    _password_row_given(event.node)
                    or isinstance(func, ast.Attribute)
                    and _names_store(dotted(func.value))
                )
            ):
                continue
            # `db.insert("pending_signups", {"email": email, "password": password})`: a helper of the project
            # named for storing, handed a row that keeps a password under its name: a store, whatever the
            # helper does with rows. So is `cache.set(key, pending)` with `cache` imported from the project's
            # extensions module: an object named for storage, whichever module made it.
        if method not in _STORE_METHODS:
            if method and method[0].isupper():
                _new_record(ctx, function, event, method)
            continue
        if method in {"execute", "executemany"} and not _writes_password_column(function, event.node):
            continue
        if method == "insert" and _list_insert(event.node):
            continue  # `argv.insert(i + 1, password)`: a list's insert at a position, not a record's
        if event.call is not None and (event.call.callee or "").startswith(_CONNECTION_BUILDERS):
            continue  # `URL.create(password=...)`: credentials for an outbound connection, kept to be sent
        if _CONNECTION_KEYWORDS & {k for k in event.keywords}:
            continue  # `Storage.objects.create(host=..., port=..., password=...)`: must stay recoverable to connect
        if event.receiver is not None and L.HASH_OBJECT in event.receiver:
            continue  # `h.update(password)` feeds a hash object: PWD002's business
        client = _api_client_receiver(function, func)
        model = _model_receiver(event.node)
        keywords = {
            k: _sent_as_password(ctx, event.node, v, k) if model and _account_model(ctx.module, model) else v
            for k, v in event.keywords.items()
        }
        for value in [*event.args, *keywords.values(), *_password_columns(ctx, flow, event)]:
            if _plaintext(value):
                # A record of another model (a page's shared passphrase, a service's credential) keeps a
                # password that is not an account's: audit mode, unless the client sent it. So does a
                # generic `.update()` / `.write()` on something not known to be a store of accounts: a dict
                # of connection options, a CSV handed to an administrator.
                if model is not None:
                    audit = not (
                        L.REQUEST in value
                        or _account_model(ctx.module, model)
                        or _set_as_account_password(function, _argument_of(event.node, event, value))
                    )
                else:
                    # A bare `write(password)` names no object that could be an account store.
                    receiver = dotted(func.value) if isinstance(func, ast.Attribute) else None
                    if _dict_made_here(function, func):
                        continue  # `users = {}` ... `users.update({name: password})`: a mapping in memory
                    # `with open("users.txt", "a") as fh: fh.write(name + ":" + password)`: a file is a store.
                    written = receiver is not None and receiver in _files_written(function.node)
                    audit = method in _AMBIGUOUS_STORE_METHODS and not (
                        L.REQUEST in value and (_names_store(receiver) or written) or _names_account(receiver)
                    )
                    # The process's own configured credential (`os.environ["DB_PASSWORD"]`) handed to a client
                    # or a store of no known model: a secret the app uses, not an account's password.
                    audit = audit or _from_environment(value[L.PASSWORD]) and not _names_account(receiver)
                message = "{source} is {sink} without hashing"
                if client:
                    # `keystoneclient(request).users.create(name, password=...)`: a request to another
                    # service, which keeps (and hashes) it; nothing is stored here.
                    audit = True
                    message += f"; `{client}` is an API client: the remote service stores it"
                before = len(ctx.findings)
                ctx.report_flow(
                    event.node,
                    value,
                    [Outcome(L.PASSWORD, PWD001, message, audit=audit)],
                    scope=function,
                    sink_note=f"written by `.{method}()`",
                )
                _hand_on_parameter_stores(ctx, before, function, value)
                field_name = next((k for k, v in keywords.items() if v is value), None)
                if model is not None and field_name is not None and field_name not in _PASSWORD_FIELDS:
                    field_name = _password_key(keyword_argument(event.node, field_name))  # `data={"password": raw}`
                position = next((i for i, v in enumerate(event.args) if v is value), None)
                if (
                    model is not None
                    and field_name is None
                    and position is not None
                    and position < len(event.node.args)
                ):
                    field_name = _password_key(event.node.args[position])  # `create(db, {"password": raw})`
                if model is not None and field_name in _PASSWORD_FIELDS:
                    _hand_on(ctx, before, _class_made(ctx.module, function, event.node), field_name, method)
                elif model is None and field_name in _PASSWORD_FIELDS and _holds_a_model(func):
                    # `self.user_model.create(password=...)`: a record of a class the code holds in a name.
                    _hand_on(ctx, before, "", field_name, method)
                break


#: A password the client sent, handed to a project function's parameter, as `RawPasswordPassed`.
RAW_PASSWORD_PASSED = "raw-password-passed"
#: A parameter a function writes to a store as it is (reported for audit: a caller may pass a hash), as
#: `ParameterStored`.
PARAMETER_STORED = "password-parameter-stored"


@dataclass(frozen=True)
class RawPasswordPassed:
    finding: Finding  # at the call, message to be completed
    callee: str
    index: int | None
    keyword: str | None


@dataclass(frozen=True)
class ParameterStored:
    function: str
    index: int
    name: str
    where: str  # path:line of the store


def _hand_on_raw_passwords(ctx: FileContext, function: Function, event: CallEvent) -> None:
    """`models.create_user(email, request.form["password"])`: the project stage knows whether that parameter is
    written as it is."""
    callee = event.call.callee if event.call else None
    if not callee:
        return
    given = [(i, None, v) for i, v in enumerate(event.args)] + [(None, k, v) for k, v in event.keywords.items()]
    for index, keyword, value in given:
        if not (_plaintext(value) and L.REQUEST in value):
            continue
        before = len(ctx.findings)
        ctx.report_flow(
            event.node,
            value,
            [Outcome(L.PASSWORD, PWD001, "{source} is {sink} without hashing")],
            scope=function,
            sink_note=f"passed to `{callee.rsplit('.', 1)[-1]}()`",
            # Only handed on here: the source stays free for a store this function makes itself.
            once_per_source=False,
        )
        for finding in ctx.findings[before:]:
            ctx.fact(RAW_PASSWORD_PASSED, RawPasswordPassed(finding, callee, index, keyword))
        del ctx.findings[before:]


def _hand_on_parameter_stores(ctx: FileContext, before: int, function: Function, value: L.Value) -> None:
    """A store just reported for audit whose password is a parameter of a module-level function: a caller that
    passes what the client sent makes it evidence."""
    if function.class_name or function.is_module or not any(f.audit for f in ctx.findings[before:]):
        return
    for label in value:
        if label.startswith(L.PARAM_PREFIX) and label[len(L.PARAM_PREFIX) :].isdigit():
            index = int(label[len(L.PARAM_PREFIX) :])
            if index < len(function.params):
                where = f"{ctx.module.path}:{ctx.findings[before].location.line}"
                ctx.fact(
                    PARAMETER_STORED,
                    ParameterStored(ctx.module.global_name(function), index, function.params[index], where),
                )


@check(PWD001, stage="project")
def raw_passwords_to_storing_parameters(ctx: ProjectContext) -> None:
    stored = {(p.function, p.index): p for _, p in ctx.facts_of(PARAMETER_STORED, ParameterStored)}
    by_name = {(p.function, p.name): p for p in stored.values()}
    for _, passed in ctx.facts_of(RAW_PASSWORD_PASSED, RawPasswordPassed):
        parameter = (
            stored.get((passed.callee, passed.index))
            if passed.index is not None
            else by_name.get((passed.callee, passed.keyword or ""))
        )
        if parameter is None:
            continue
        finding = passed.finding
        message = (
            f"{finding.message}: `{parameter.function.rsplit('.', 1)[-1]}()` writes its parameter "
            f"`{parameter.name}` as it is ({parameter.where})"
        )
        ctx.findings.append(replace(finding, message=message))


def _password_row_given(call: ast.Call) -> bool:
    """A dict literal among the arguments with a password-named key: `insert("users", {"password": pw})`."""
    return any(
        isinstance(arg, ast.Dict)
        and any(
            isinstance(key, ast.Constant) and isinstance(key.value, str) and names.is_password(key.value)
            for key in arg.keys
        )
        for arg in [*call.args, *(k.value for k in call.keywords)]
    )


def _new_record(ctx: FileContext, function: Function, event: CallEvent, method: str) -> None:
    """`User(password=raw)` of a class named for accounts, or `Badge(code, raw)` of any class whose constructor
    keeps that argument as a password field (which the project stage reads from the class: see
    `constructor_fields`)."""
    # `User(password=raw)`, and `User(hashed_password=raw)`: a raw password in the column kept for its hash.
    keyword = next((k for k in ("password", "passwd", "hashed_password", "password_hash") if k in event.keywords), "")
    value = event.keywords.get(keyword) if keyword and _MODEL_CLASS.search(method) else None
    if value is not None and _account_model(ctx.module, method):
        value = _sent_as_password(ctx, event.node, value, keyword)
    field, at = keyword, keyword_argument(event.node, keyword)
    set_elsewhere = next(
        (
            k
            for k in event.keywords
            if names.is_password(k) and _set_as_account_password(function, keyword_argument(event.node, k))
        ),
        None,
    )
    if (
        (value is None or not _plaintext(value))
        and set_elsewhere
        and (_MODEL_CLASS.search(method) or _saved_at_once(function, event.node))
    ):
        # `Membership(user=user, initial_password=temp)` after `user.set_password(temp)`: the user's password.
        value, field, at = event.keywords[set_elsewhere], set_elsewhere, keyword_argument(event.node, set_elsewhere)
    if value is None or not _plaintext(value):
        positions = [
            i
            for i, (node, argument) in enumerate(zip(event.node.args, event.args))
            if not isinstance(node, ast.Starred) and _plaintext(argument)
        ]
        if not positions:
            return
        value, field, at = event.args[positions[0]], f"#{positions[0]}", event.node.args[positions[0]]
    # By position, only what the client sent is evidence: a parameter named `password` may hold its hash.
    audit = not (
        L.REQUEST in value or _account_model(ctx.module, method) and not field.startswith("#") or field == set_elsewhere
    )
    before = len(ctx.findings)
    ctx.report_flow(
        event.node,
        value,
        [Outcome(L.PASSWORD, PWD001, "{source} is {sink} without hashing", Confidence.MEDIUM, audit=audit)],
        scope=function,
        sink_note=f"put in a new `{method}` record",
        at=at,
    )
    _hand_on(ctx, before, _class_made(ctx.module, function, event.node), field, "__init__")


def _names_store(receiver: str | None) -> bool:
    """`cache.set(...)`, `self.redis.set(...)`, `user_store.put(...)`: a verb that also means "change this object in
    memory" writes to storage when its receiver is named for one."""
    return receiver is not None and any(w in _STORE_WORDS for part in receiver.split(".") for w in names.words(part))


def _dict_made_here(function: Function, func: ast.expr) -> bool:
    """`users = {}` (or `dict(...)`) in the function, and `users.update(...)` on it: a mapping in memory."""
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return False
    made = assignments(function).get(func.value.id)
    return isinstance(made, ast.Dict) or (
        isinstance(made, ast.Call) and isinstance(made.func, ast.Name) and made.func.id in ("dict", "set")
    )


def _holds_a_model(func: ast.expr) -> bool:
    """`self.admin_model.create`, `user_class.objects.create`: a call on a model class held in a name."""
    receiver = func.value if isinstance(func, ast.Attribute) else None
    if isinstance(receiver, ast.Attribute) and receiver.attr == "objects":
        receiver = receiver.value
    name = _callee_name(receiver) if receiver is not None else ""
    return bool({"model", "class", "cls"} & set(names.words(name)))


def _saved_at_once(function: Function, node: ast.Call) -> bool:
    """`Membership(...).save()`: a record made and saved in one expression."""
    parent = parents_of(function.node).get(id(node))
    return isinstance(parent, ast.Attribute) and parent.attr == "save"


def _set_as_account_password(function: Function, node: ast.expr | None) -> bool:
    """The name stored is also the password the function sets on an account (`user.set_password(temp)`, or
    `User.objects.create_user(..., password=temp)`, then `Membership.objects.create(..., temporary_password=temp)`):
    the user's password, kept as typed elsewhere."""
    if not isinstance(node, ast.Name):
        return False
    for call in function.calls:
        given = (
            call.node.args
            if call.method == "set_password"
            else [k.value for k in call.node.keywords if k.arg == "password"]
            if call.method in ("create_user", "create_superuser")
            else []
        )
        if any(isinstance(arg, ast.Name) and arg.id == node.id for arg in given):
            return True
    return False


def _argument_of(node: ast.Call, event: CallEvent, value: L.Value) -> ast.expr | None:
    """The argument expression whose value the event holds as `value`."""
    for keyword in node.keywords:
        if keyword.arg is not None and event.keywords.get(keyword.arg) is value:
            return keyword.value
    return next((arg for arg, held in zip(node.args, event.args) if held is value), None)


def _hashed_on_other_branches(function: Function, base: ast.expr | None, name: str) -> bool:
    """The function also passes `name` to `set_password()` on the same object (`user.set_password(name)`)."""
    target = dotted(base) if base is not None else None
    return target is not None and any(
        call.method == "set_password"
        and call.receiver is not None
        and dotted(call.receiver) == target
        and any(isinstance(arg, ast.Name) and arg.id == name for arg in call.node.args)
        for call in function.calls
    )


def _api_client_receiver(function: Function, func: ast.expr) -> str:
    """The API client a store method is called on, through its resources: `nova_client.servers.create`
    where `nova_client = novaclient(request)`, `manager.create` where `manager = keystoneclient(...).users`;
    "" for anything else. A client sends what it is given to another service."""
    node = func.value if isinstance(func, ast.Attribute) else None
    assigned = assignments(function)
    for _ in range(4):  # a name, its binding, the resource chain down to the client
        while isinstance(node, ast.Attribute):
            if _names_client(node.attr):
                return node.attr  # `self.client.users.create(...)`
            node = node.value
        if isinstance(node, ast.Call):
            name = _callee_name(node.func)
        elif isinstance(node, ast.Name):
            name = node.id
        else:
            return ""
        if _names_client(name):
            return name
        node = assigned.get(name) if isinstance(node, ast.Name) else None
    return ""


def _names_client(name: str) -> bool:
    """`client`, `nova_client`, `keystoneclient`, `ApiClient`."""
    return name.lower().endswith("client")


def _project_module_function(module: Module, function: Function, func: ast.expr) -> bool:
    """`service.create` where `service` is a module of the project: a function whose own body is
    checked, not a store."""
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return False
    bound = module.binding(func.value.id, function)
    return (
        bound is not None
        and bound.split(".", 1)[0] in module.project_roots
        and bound.rsplit(".", 1)[-1][:1].islower()
        and func.value.id in module.imports
    )


_STORAGE_WORDS = frozenset({"db", "database", "document", "doc", "record", "rec", "row", "orm", "storage", "stored"})
#: Words of a receiver that name somewhere data is kept beyond the request.
_STORE_WORDS = _STORAGE_WORDS | {"cache", "redis", "store", "table", "collection", "kv", "memcache"}


def _rebuilds_a_stored_record(function: Function) -> bool:
    """`User.from_document(doc)`, `from_db(row)`: the object is made from what storage holds, whose
    password field is whatever was stored (a hash, if the code that stores it hashes). Nothing new is
    stored here; the code that writes passwords is judged where it writes them."""
    ws = names.words(function.name)
    return len(ws) > 1 and ws[0] == "from" and bool(set(ws[1:]) & _STORAGE_WORDS)


#: Calls that keep an object: `user.save()`, `session.add(user)`, `db.session.merge(user)`.
_KEEPS_OBJECT = frozenset({"save", "asave", "add", "add_all", "merge", "put", "insert", "persist"})


def _copy_of_request_model(function: Function, flow: FunctionFlow, name: str) -> bool:
    """`name` is bound to a copy of a body model the view was sent (`user_update.model_copy(...)`,
    `body.create_copy(exclude=...)`): its fields are the request's, as the model's own are."""
    made = assignments(function).get(name)
    if not (isinstance(made, ast.Call) and isinstance(made.func, ast.Attribute)):
        return False
    source = made.func.value
    return (
        "copy" in names.words(made.func.attr)
        and isinstance(source, ast.Name)
        and source.id in function.params
        and L.REQUEST in flow.env.get(source.id, {})
    )


def _made_and_handed_on(function: Function, base: ast.expr | None) -> str:
    """The object's name when the function makes it by calling a class (`update = UserUpdate(...)`), hands
    it to other code (`store.update_user(user_update=update)`), which stores it or not, and never saves it
    itself (`update.save()`, `session.add(update)`). "" otherwise, also for an object only returned."""
    if not isinstance(base, ast.Name):
        return ""
    made = assignments(function).get(base.id)
    if not isinstance(made, ast.Call) or not (dotted(made.func) or "").rsplit(".", 1)[-1][:1].isupper():
        return ""
    handed = False
    for node in ast.walk(function.node):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        keeps = isinstance(func, ast.Attribute) and func.attr in _KEEPS_OBJECT
        if keeps and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == base.id:
            return ""
        if any(isinstance(a, ast.Name) and a.id == base.id for a in [*node.args, *(k.value for k in node.keywords)]):
            if keeps:
                return ""
            handed = True
    return base.id if handed else ""


def _list_insert(node: ast.Call) -> bool:
    """`args.insert(i + 1, value)`, `parts.insert(0, value)`: two positional arguments, the first an
    index (a number, or arithmetic on one)."""
    if len(node.args) != 2 or node.keywords:
        return False
    index = node.args[0]
    if isinstance(index, ast.BinOp):
        index = index.right if isinstance(index.right, ast.Constant) else index.left
    return (
        isinstance(index, ast.Constant)
        and type(index.value) is int
        or isinstance(index, ast.Name)
        and (index.id in {"i", "j", "n", "idx", "index", "pos", "position"})
    )


#: Plaintext-password findings on an attribute or a record's field, which the project stage decides
#: from what assigning that attribute does (see `stored_through_attributes`).
STORED_THROUGH_ATTRIBUTE = "password-stored-through-attribute"
#: A class attribute whose assignment runs code that transforms the value.
TRANSFORMED_ON_ASSIGNMENT = "attribute-transformed-on-assignment"
#: A descriptor class whose `__set__` transforms the value it is given.
TRANSFORMING_DESCRIPTOR = "transforming-descriptor"
#: A constructor argument a class keeps as it is in a password field, as `ConstructorField`.
CONSTRUCTOR_FIELD = "constructor-password-field"
#: A class attribute declared with a column type that hashes on assignment and verifies on `==`.
VERIFYING_COLUMN = "password-verifying-column"
#: PWD004 findings comparing with an object's password attribute (see `verifying_columns`), as `StoredThrough`.
COMPARED_WITH_ATTRIBUTE = "password-compared-with-attribute"


@dataclass(frozen=True)
class StoredThrough:
    """A PWD001 finding on `obj.password = raw` or `Model(password=raw)`, and the class of the object
    ("" when not known)."""

    finding: Finding
    owner: str
    attribute: str
    maker: str = ""  # `create` for `User.create(data={"password": raw})`: the class's own method that stores it


@dataclass(frozen=True)
class TransformedAttribute:
    """`owner.attribute = value` stores something made from the value (a property or hybrid setter that
    hashes, a SQLAlchemy synonym's descriptor, a `@validates` hook). With `descriptor`, the attribute is an
    instance of that project class, and holds only if its `__set__` transforms the value."""

    owner: str
    attribute: str
    descriptor: str = ""


@dataclass(frozen=True)
class ConstructorField:
    """`owner(a, b)` keeps its argument at `position` (0 for `a`) in the password field `attribute`, unchanged."""

    owner: str
    position: int
    attribute: str
    record: bool = False  # a Django model: a database record whatever the class is named


#: Flask-Admin's model views, whose create and edit forms save every column `form_columns` lists.
_ADMIN_MODEL_VIEWS = tuple(
    f"flask_admin.contrib.{backend}.{module}ModelView"
    for backend in ("sqla", "mongoengine", "peewee", "pymongo", "sqlamodel")
    for module in ("", "view.")
)
#: Hooks of a Flask-Admin model view that see the form before the record is saved.
_ADMIN_SAVE_HOOKS = frozenset({"on_model_change", "update_model", "create_model"})


@check(PWD001)
def admin_password_columns(ctx: FileContext) -> None:
    """A Flask-Admin `ModelView` whose `form_columns` lists the password column, with no save hook that makes
    something of it (`on_model_change` calling `hash_password(form.password.data)`): the administrator's
    form writes the password into the record as it was typed. Which model the view edits is given where it
    is registered, so the project stage judges it as it judges `record.password = raw` on a record of an
    unknown class: for a reader where a class of the project hashes `password` on assignment."""
    module = ctx.module
    if "form_columns" not in module.source or not module.imports_any("flask_admin"):
        return
    for cls in module.classes.values():
        if not derives_from(module, cls, _ADMIN_MODEL_VIEWS):
            continue
        columns = cls.attributes.get("form_columns")
        listed = literal_value(columns) if columns is not None else None
        if columns is None or not isinstance(listed, (list, tuple)):
            continue
        password = next((c for c in listed if isinstance(c, str) and c in _PASSWORD_FIELDS), None)
        if password is None or _admin_hook_transforms(module, cls):
            continue
        before = len(ctx.findings)
        ctx.report(
            PWD001,
            columns,
            f"Flask-Admin view `{cls.name}` lists `{password}` in `form_columns` and no save hook hashes it: the "
            "password an administrator types is stored as typed",
        )
        _hand_on(ctx, before, "", password)


def _admin_hook_transforms(module: Module, cls: ClassInfo, depth: int = 0) -> bool:
    """A save hook of the view, or of a base class in this module, passes the form or model to a call that
    makes something of a password (`hash_password`, `set_password`, `generate_password_hash`)."""
    for name, method in cls.methods.items():
        if name not in _ADMIN_SAVE_HOOKS:
            continue
        for node in ast.walk(method.node):
            if isinstance(node, ast.Call):
                called = (dotted(node.func) or "").rsplit(".", 1)[-1]
                if names.hashes_passwords(called) or called in _REHASHES:
                    return True
    if depth > 4:
        return False
    bases = [module.classes.get(b.rsplit(".", 1)[-1]) for b in cls.bases]
    return any(b is not None and _admin_hook_transforms(module, b, depth + 1) for b in bases)


def _hand_on(ctx: FileContext, before: int, owner: str, attribute: str, maker: str = "") -> None:
    """Move what was just reported to the project stage, which knows every class of the project."""
    for finding in ctx.findings[before:]:
        ctx.fact(STORED_THROUGH_ATTRIBUTE, StoredThrough(finding, owner, attribute, maker))
    del ctx.findings[before:]


def _class_made(module: Module, function: Function, node: ast.Call) -> str:
    """The qualified class a call makes or writes a record of: `User(...)`, `User.create(...)`,
    `User.objects.create(...)`; "" for anything else."""
    func = node.func
    while isinstance(func, ast.Attribute) and not func.attr[:1].isupper():
        func = func.value.func if isinstance(func.value, ast.Call) else func.value
    if not isinstance(func, (ast.Name, ast.Attribute)) or isinstance(func, ast.Name) and not func.id[:1].isupper():
        return ""
    return module.qualified_name(func, function) or ""


def _class_of_object(module: Module, function: Function, base: ast.expr | None) -> str:
    """The qualified class of `obj` in `obj.password = ...` when the function says it: `obj` made or
    looked up there (`User(...)`, `User.query.get(id)`, `User.objects.get(...)`) or annotated; else ""."""
    if not isinstance(base, ast.Name) or function.is_module:
        return ""
    made = assignments(function).get(base.id)
    if isinstance(made, ast.Await):
        made = made.value
    if isinstance(made, ast.Call):
        return _class_made(module, function, made)
    node = function.node
    annotations: list[tuple[str, ast.expr | None]] = [
        (n.target.id, n.annotation)
        for n in ast.walk(node)
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
    ]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        annotations += [(a.arg, a.annotation) for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]]
    for name, annotation in annotations:
        if name == base.id and isinstance(annotation, (ast.Name, ast.Attribute)):
            return module.qualified_name(annotation, function) or ""
    return ""


@check(PWD001)
def transforming_attributes(ctx: FileContext) -> None:
    """Hand on the password attributes whose assignment transforms the value, and the descriptor classes
    that do so on `__set__`: the project stage judges `user.password = raw` by them."""
    module = ctx.module
    if not module.mentions(
        ("setter", "synonym", "property", "validates", "__set__", "listen", "passwordtype", "pre_save", *_RECORD_MAKERS)
    ):
        return
    for cls_node, field in _hashed_by_listeners(module):
        owner = module.qualified_name(cls_node, module.module_function)
        if owner:
            ctx.fact(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute(owner, field))
    for sender, field in _hashed_before_save(module):
        # A model named here, or one the code holds in a name (`self.admin_model`): `_HELD_IN_A_NAME` stands
        # for some class of the project, which makes a store on any object a reader's question.
        owner = module.qualified_name(sender, module.module_function) if sender is not None else ""
        ctx.fact(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute(owner or _HELD_IN_A_NAME, field))
    for cls in module.classes.values():
        owner = f"{module.module_name}.{cls.qualname}" if module.module_name else cls.qualname
        methods = {
            stmt.name: stmt for stmt in cls.node.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        for name in _RECORD_MAKERS & methods.keys():
            for field in _hashed_fields(methods[name]):
                ctx.fact(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute(owner, f"{name}:{field}"))
        setter = methods.get("__set__")
        if setter is not None and _transforms_parameter(setter, 2):
            ctx.fact(TRANSFORMING_DESCRIPTOR, owner)
        for stmt in cls.node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for attribute in _set_by_method(stmt):
                    ctx.fact(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute(owner, attribute))
        for attribute, value in cls.attributes.items():
            if attribute not in _PASSWORD_FIELDS or not isinstance(value, ast.Call):
                continue
            if _hashing_column(module, value):
                ctx.fact(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute(owner, attribute))
                ctx.fact(VERIFYING_COLUMN, attribute)
                continue
            made = module.qualified_name(value.func) or ""
            prop = value if made in ("property", "builtins.property") else keyword_argument(value, "descriptor")
            if isinstance(prop, ast.Call) and isinstance(prop.func, ast.Name) and prop.func.id == "property":
                fset = prop.args[1] if len(prop.args) > 1 else keyword_argument(prop, "fset")
                method = methods.get(fset.id) if isinstance(fset, ast.Name) else None
                if method is not None and _transforms_parameter(method, 1):
                    ctx.fact(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute(owner, attribute))
            elif made.split(".", 1)[0] in module.project_roots:
                # `password = PasswordProperty("password_hash")`: a project descriptor, judged by its `__set__`.
                ctx.fact(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute(owner, attribute, made))


@check(PWD001)
def constructor_fields(ctx: FileContext) -> None:
    """Hand on which positional arguments each class keeps in a password field as given: an `__init__` that
    assigns the parameter (`self.password = password`), or a dataclass's field in that place. A constructor
    that hashes the value (`self.password = generate_password_hash(password)`) keeps nothing raw."""
    module = ctx.module
    if not module.mentions(("__init__", "dataclass", "model")) or not module.mentions(_PASSWORD_FRAGMENTS):
        return
    for cls in module.classes.values():
        owner = f"{module.module_name}.{cls.qualname}" if module.module_name else cls.qualname
        kept = _kept_by_constructor(cls.node)
        record = not kept and _django_model(module, cls.node)
        if record:
            kept = _django_positions(cls.node)
        for position, attribute in kept:
            ctx.fact(CONSTRUCTOR_FIELD, ConstructorField(owner, position, attribute, record))


def _django_model(module: Module, node: ast.ClassDef) -> bool:
    """A class built directly on Django's `models.Model`: its constructor takes the fields in order."""
    return any(module.qualified_name(base) == "django.db.models.Model" for base in node.bases)


def _django_positions(node: ast.ClassDef) -> list[tuple[int, str]]:
    """`Account(None, name, raw)`: Django gives positional arguments to the concrete fields in the order they
    are declared, after the `id` it adds unless a field is the primary key. Many-to-many fields are not
    concrete."""
    fields: list[str] = []
    own_key = False
    for stmt in node.body:
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)
        ):
            continue
        kind = (
            stmt.value.func.attr if isinstance(stmt.value.func, ast.Attribute) else getattr(stmt.value.func, "id", "")
        )
        if not kind.endswith("Field") or kind == "ManyToManyField":
            continue
        fields.append(stmt.targets[0].id)
        own_key = own_key or any(k.arg == "primary_key" and literal_value(k.value) is True for k in stmt.value.keywords)
    order = fields if own_key else ["id", *fields]
    return [(i, name) for i, name in enumerate(order) if name in _PASSWORD_FIELDS]


def _kept_by_constructor(node: ast.ClassDef) -> list[tuple[int, str]]:
    init = next(
        (s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == "__init__"),
        None,
    )
    if init is not None:
        params = [a.arg for a in [*init.args.posonlyargs, *init.args.args][1:]]
        kept = []
        for stmt in ast.walk(init):
            if (
                isinstance(stmt, ast.Assign)
                and isinstance(stmt.value, ast.Name)
                and stmt.value.id in params
                and any(
                    isinstance(t, ast.Attribute)
                    and isinstance(t.value, ast.Name)
                    and t.value.id == "self"
                    and t.attr in _PASSWORD_FIELDS
                    for t in stmt.targets
                )
            ):
                target = next(t for t in stmt.targets if isinstance(t, ast.Attribute))
                kept.append((params.index(stmt.value.id), target.attr))
        return kept
    if not any(
        (dotted(d.func if isinstance(d, ast.Call) else d) or "").endswith("dataclass") for d in node.decorator_list
    ):
        return []
    fields = [
        s.target.id
        for s in node.body
        if isinstance(s, ast.AnnAssign)
        and isinstance(s.target, ast.Name)
        and "ClassVar" not in ast.unparse(s.annotation)
    ]
    post_init = next((s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == "__post_init__"), None)
    return [
        (i, name)
        for i, name in enumerate(fields)
        if name in _PASSWORD_FIELDS and not (post_init is not None and _passes_attribute(post_init, name))
    ]


def _passes_attribute(method: ast.FunctionDef, name: str) -> bool:
    """`self.password = hash_password(self.password)`: the method hands `self.<name>` to a call."""
    return any(
        isinstance(node, ast.Call)
        and any(
            isinstance(inner, ast.Attribute) and inner.attr == name and isinstance(inner.value, ast.Name)
            for argument in [*node.args, *(k.value for k in node.keywords)]
            for inner in ast.walk(argument)
        )
        for node in ast.walk(method)
    )


#: Column types that hash what is assigned to them (and verify on comparison).
_HASHING_COLUMN_TYPES = frozenset({"sqlalchemy_utils.PasswordType", "sqlalchemy_utils.types.password.PasswordType"})


def _hashing_column(module: Module, declaration: ast.Call) -> bool:
    """`Column(PasswordType(schemes=[...]))`, `mapped_column(PasswordType)`: a column whose type hashes
    every value assigned to it with passlib."""
    return any(
        isinstance(node, (ast.Name, ast.Attribute)) and module.qualified_name(node) in _HASHING_COLUMN_TYPES
        for node in ast.walk(declaration)
    )


#: SQLAlchemy's mapper events that run before a record is written.
_WRITE_EVENTS = frozenset({"before_insert", "before_update", "init"})


def _hashed_by_listeners(module: Module) -> list[tuple[ast.expr, str]]:
    """(class, password field) for each model whose write events a listener of this module hashes the
    password in: `listen(User, "before_insert", hash_password)` or `@event.listens_for(User,
    "before_update")` on a function that sets `target.password` from a call or calls a method named for
    hashing it (`target.hash_password()`). Every record of that class is hashed before it is written."""
    functions = {f.name: f for f in module.all_functions() if f.qualname == f.name and not f.is_module}
    registrations: list[tuple[ast.expr, ast.expr, ast.AST]] = []  # (class, event, listener)
    for call in module.calls_with_method("listen"):
        if len(call.node.args) == 3 and isinstance(handler := call.node.args[2], ast.Name) and handler.id in functions:
            registrations.append((call.node.args[0], call.node.args[1], functions[handler.id].node))
    for function in functions.values():
        for deco in getattr(function.node, "decorator_list", []):
            if isinstance(deco, ast.Call) and _callee_name(deco.func) == "listens_for" and len(deco.args) >= 2:
                registrations.append((deco.args[0], deco.args[1], function.node))
    return [
        (target, field)
        for target, event, listener in registrations
        if isinstance(event, ast.Constant) and event.value in _WRITE_EVENTS
        for field in _fields_hashed_by(listener)
    ]


def _hashed_before_save(module: Module) -> list[tuple[ast.expr | None, str]]:
    """(sender, password field) for each pre-save signal handler of this module that hashes the password:
    Django's `@receiver(pre_save, sender=User)` and `pre_save.connect(handler, sender=User)`, Tortoise's
    `@pre_save(User)` and `signals.pre_save(User)(handler)`. The sender is None when none is named."""
    handlers: dict[str, list[ast.AST]] = {}
    for function in module.all_functions():
        if not function.is_module:
            handlers.setdefault(function.name, []).append(function.node)
    registrations: list[tuple[ast.expr | None, list[ast.AST]]] = []
    for call in module.calls:
        node = call.node
        func = node.func
        handler: ast.expr | None
        if isinstance(func, ast.Call) and _callee_name(func.func) == "pre_save" and node.args:
            handler = node.args[0]  # `signals.pre_save(Model)(handler)`
            sender = func.args[0] if func.args else None
        elif isinstance(func, ast.Attribute) and func.attr == "connect" and _callee_name(func.value) == "pre_save":
            handler = node.args[0] if node.args else keyword_argument(node, "receiver")
            sender = keyword_argument(node, "sender")
        else:
            continue
        name = handler.attr if isinstance(handler, ast.Attribute) else getattr(handler, "id", None)
        registrations.append((sender, handlers.get(name or "", [])))
    for function in module.all_functions():
        for deco in getattr(function.node, "decorator_list", []):
            if not isinstance(deco, ast.Call):
                continue
            if _callee_name(deco.func) == "pre_save":
                registrations.append((deco.args[0] if deco.args else None, [function.node]))
            elif _callee_name(deco.func) == "receiver" and deco.args and _callee_name(deco.args[0]) == "pre_save":
                registrations.append((keyword_argument(deco, "sender"), [function.node]))
    return [(sender, field) for sender, nodes in registrations for node in nodes for field in _fields_hashed_by(node)]


def _callee_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _fields_hashed_by(listener: ast.AST) -> list[str]:
    fields: list[str] = []
    for node in ast.walk(listener):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            fields += [t.attr for t in node.targets if isinstance(t, ast.Attribute) and t.attr in _PASSWORD_FIELDS]
        elif isinstance(node, ast.Call) and names.hashes_passwords(_callee_name(node.func)):
            fields.append("password")
    return list(dict.fromkeys(fields))


#: The owner of a save hook whose class the code holds in a name (`signals.pre_save(self.admin_model)`).
_HELD_IN_A_NAME = "?"

#: A model's own methods that make or write a record: `User(...)`, `User.create(db, data={...})`.
_RECORD_MAKERS = frozenset({"__init__", "create", "create_user"})


def _password_key(node: ast.expr | None) -> str | None:
    """`{"username": name, "password": raw}`: the password key of a dict display."""
    if not isinstance(node, ast.Dict):
        return None
    return next(
        (k.value for k in node.keys if isinstance(k, ast.Constant) and k.value in _PASSWORD_FIELDS),
        None,
    )


def _hashed_fields(method: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    """The password fields a record-making method transforms before it stores them: a parameter named
    `password` passed to a call (`hash_password(password)`), or the password item of a mapping parameter
    (`if password := data.get("password"): hashed, salt = cls.hash_password(password)`). Handing the value
    on to another store (`super().create(data={"password": password})`) transforms nothing."""
    params = [*method.args.posonlyargs, *method.args.args, *method.args.kwonlyargs]
    mappings = {p.arg for p in params}
    bound = {p.arg: p.arg for p in params if p.arg in _PASSWORD_FIELDS}  # name -> the field it holds
    for node in ast.walk(method):
        if isinstance(node, (ast.Assign, ast.NamedExpr)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            field = _item_read(node.value, mappings)
            if field and isinstance(target, ast.Name):
                bound[target.id] = field
    found: list[str] = []
    for node in ast.walk(method):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if callee in _KEEPING_CALLS or callee in _STORE_METHODS or callee in _RECORD_MAKERS or callee[:1].isupper():
            continue
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            for inner in ast.walk(argument):
                field = bound.get(inner.id) if isinstance(inner, ast.Name) else _item_read(inner, mappings)
                if field and field not in found:
                    found.append(field)
    return found


def _item_read(node: ast.AST, mappings: set[str]) -> str | None:
    """`data["password"]` or `data.get("password")` of one of `mappings`: the field read."""
    if isinstance(node, ast.Subscript):
        base, key = node.value, node.slice
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        base, key = node.func.value, node.args[0]
    else:
        return None
    if isinstance(base, ast.Name) and base.id in mappings and isinstance(key, ast.Constant):
        return key.value if key.value in _PASSWORD_FIELDS else None
    return None


def _set_by_method(method: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    """The password attributes a method sets by transforming the value: `@password.setter` of a
    property or hybrid property, `@validates("password")` (whose return value is stored)."""
    found = []
    for decorator in method.decorator_list:
        if (
            isinstance(decorator, ast.Attribute)
            and decorator.attr == "setter"
            and isinstance(decorator.value, ast.Name)
            and decorator.value.id in _PASSWORD_FIELDS
            and _transforms_parameter(method, 1)
        ):
            found.append(decorator.value.id)
        elif isinstance(decorator, ast.Call) and (dotted(decorator.func) or "").rsplit(".", 1)[-1] == "validates":
            named = [a.value for a in decorator.args if isinstance(a, ast.Constant) and a.value in _PASSWORD_FIELDS]
            if named and _transforms_parameter(method, 2):
                found.extend(named)
    return found


_KEEPING_CALLS = frozenset({"str", "bytes", "len", "isinstance", "bool", "print", "repr", "type", "setattr"})


def _transforms_parameter(method: ast.FunctionDef | ast.AsyncFunctionDef, index: int) -> bool:
    """The method passes its `index`-th parameter (after `self`: 1 for a setter's value) to a call that
    makes something else of it: `generate_password_hash(value)`, `self.set_password(raw)`,
    `hasher.hash(value.encode())`. `self._password = value` keeps it as given."""
    params = [*method.args.posonlyargs, *method.args.args]
    if len(params) <= index:
        return False
    name = params[index].arg
    for node in ast.walk(method):
        if not isinstance(node, ast.Call) or isinstance(node.func, ast.Name) and node.func.id in _KEEPING_CALLS:
            continue
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(argument)):
                return True
    return False


def _package_and_name(qualname: str) -> tuple[str, str]:
    return qualname.split(".", 1)[0], qualname.rsplit(".", 1)[-1]


@check(PWD001, stage="project")
def stored_through_attributes(ctx: ProjectContext) -> None:
    """`user.password = raw` stores what assigning the attribute makes of `raw`. Where the object's class
    transforms it (a setter or descriptor that hashes), nothing is stored raw; where the class is not
    known but a class of the project transforms an attribute of that name, which one it is is for a
    reader (audit mode). A class known not to transform it is judged by itself."""
    candidates = ctx.facts_of(STORED_THROUGH_ATTRIBUTE, StoredThrough)
    if not candidates:
        return
    descriptors = {name for _, name in ctx.facts_of(TRANSFORMING_DESCRIPTOR, str)}
    transformed = {
        (fact.owner, fact.attribute)
        for _, fact in ctx.facts_of(TRANSFORMED_ON_ASSIGNMENT, TransformedAttribute)
        if not fact.descriptor or fact.descriptor in descriptors
    }
    attributes = {attribute for _, attribute in transformed}
    # A class named for accounts (`Member(name, raw)`) is taken for a record; any other only if it is a model.
    kept_by_constructor = {
        (_package_and_name(fact.owner), fact.position): fact.attribute
        for _, fact in ctx.facts_of(CONSTRUCTOR_FIELD, ConstructorField)
        if fact.record or _MODEL_CLASS.search(fact.owner.rsplit(".", 1)[-1])
    }
    # A class is often imported from where a package re-exports it (`ckan.model.User` for
    # `ckan.model.user.User`): the same name under the same top-level package is taken to be the same.
    # (A class the code holds in a name matches no store by name: see `_hashed_before_save`.)
    by_short_name = {
        (_package_and_name(owner), attribute) for owner, attribute in transformed if owner not in ("", _HELD_IN_A_NAME)
    }
    for _, stored in candidates:
        finding = stored.finding
        owner = _package_and_name(stored.owner)
        if stored.attribute.startswith("#"):
            # `User(name, raw)`: stored only where the class keeps that argument in a password field.
            kept = kept_by_constructor.get((owner, int(stored.attribute[1:])))
            if kept is None or not stored.owner:
                continue
            stored = replace(stored, attribute=kept)
        if (owner, stored.attribute) in by_short_name or (owner, f"{stored.maker}:{stored.attribute}") in by_short_name:
            continue
        if stored.attribute in attributes and not stored.owner:
            finding = finding.for_audit(
                f"a class of the project hashes `{stored.attribute}` when it is assigned: check whether this "
                "object is one"
            )
        elif (_HELD_IN_A_NAME, stored.attribute) in transformed:
            # `signals.pre_save(self.admin_model)(hash_it)`: a save hook for a class the code holds in a name,
            # which may be this object's.
            finding = finding.for_audit(
                f"a save hook of the project hashes `{stored.attribute}` of a class it holds in a name: check "
                "whether this object is one"
            )
        ctx.findings.append(finding)


# A sign-up kept until the address is confirmed (`PendingSignup`, `PendingRegistration`) is an account to be.
_ACCOUNT_WORDS = frozenset(
    {
        *("user", "users", "account", "accounts", "member", "members", "customer", "customers"),
        *("profile", "profiles", "signup", "signups", "registration", "registrations", "registrant", "registrants"),
    }
)
_USER_BASES = ("AbstractUser", "AbstractBaseUser", "User")


def _from_environment(trace: L.Trace) -> bool:
    """The path starts at a read of the process environment: `os.environ["X"]`, `os.getenv("X")`."""
    return bool(trace) and trace[0].note.lstrip("`").startswith(("os.environ", "os.getenv", "environ[", "getenv("))


def _names_account(text: str | None) -> bool:
    """`user`, `request.user`, `new_account`, `CustomerProfile`: a name that says it holds an account."""
    return text is not None and any(w in _ACCOUNT_WORDS for part in text.split(".") for w in names.words(part))


def _account_model(module: Module, name: str) -> bool:
    """A class named for accounts, or one of this module's classes built on Django's user models."""
    if _names_account(name):
        return True
    return any(
        c.name == name and any(b.rsplit(".", 1)[-1] in _USER_BASES for b in c.bases) for c in module.classes.values()
    )


def _model_receiver(node: ast.Call) -> str | None:
    """`Page.objects.create(...)`, `Page.objects.filter(...).update(...)`, `Page.create(...)`: the model
    class a store call writes a record of, or None for a generic store (`db.save`, `redis.hset`)."""
    func = node.func
    receiver = func.value if isinstance(func, ast.Attribute) else None
    while isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute):
        receiver = receiver.func.value  # `.filter(...)` before `.update()`
    if isinstance(receiver, ast.Attribute) and receiver.attr == "objects":
        receiver = receiver.value  # `models.Migration.objects`: the model through its module
    name = _callee_name(receiver) if receiver is not None else ""
    if name[:1].isupper() and not name.isupper():
        return name
    return None


def _writes_password_column(function: Function, node: ast.Call) -> bool:
    """The statement an `execute()` runs inserts or updates a password column: its text written in the call
    or in a name the function binds once, as a literal or formatted (`"INSERT ... VALUES ('%s')" % ...`,
    an f-string, `.format()`, `+`)."""
    first = node.args[0] if node.args else None
    if isinstance(first, ast.Call) and first.args and (dotted(first.func) or "").rsplit(".", 1)[-1] == "text":
        first = first.args[0]  # `text("INSERT ...")`
    if isinstance(first, ast.Name):
        first = assignments(function).get(first.id)
    text = " ".join(_sql_parts(first)).lower()
    if _INSERT_WITHOUT_COLUMNS.search(text):
        return True  # `INSERT INTO users VALUES (?, ?)`: every column, the password's among them if one is bound
    return ("insert" in text or "update" in text) and bool(_PASSWORD_COLUMN.search(text))


#: A column named for a password in a statement's text: `password`, `user_passwd`, `pwd`, `pw`, and `pass` in a
#: column list or an assignment (`(user, pass)`, `SET pass = ?`), where Python's own `pass` never stands.
_PASSWORD_COLUMN = re.compile(r"passw|pwd|\bpw\b|[(,]\s*[`\"]?pass[`\"]?\s*[,)]|\bpass[`\"]?\s*=")
#: `INSERT INTO users VALUES (...)`: a row written with no column list.
_INSERT_WITHOUT_COLUMNS = re.compile(r"\binsert\s+(?:or\s+\w+\s+)?into\s+[\w.\"`\[\]]+\s+values\b")


def _sql_parts(node: ast.expr | None) -> list[str]:
    """The literal text of a statement built by formatting or concatenation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return _sql_parts(node.left) + (_sql_parts(node.right) if isinstance(node.op, ast.Add) else [])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _sql_parts(node.func.value)
    return []


def _fast_hashes(ctx: FileContext, flow: FunctionFlow) -> None:
    for event in flow.calls:
        call = event.call
        callee = call.callee if call else None
        func = event.node.func
        if callee in S.FAST_HASHES:
            if callee in {"hmac.new", "hmac.digest"} and _per_process_key(ctx.module, event.node):
                continue  # keyed with a key born and lost with the process: an in-memory lookup key
            values = [*event.args, *event.keywords.values()]
            where = f"`{callee}()`"
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "update"
            and event.receiver
            and L.HASH_OBJECT in event.receiver
        ):
            values = list(event.args)
            where = "a fast hash's `update()`"
        else:
            continue
        for value in values:
            if L.PASSWORD in value:
                if _only_prehashed(flow.function, event.node):
                    break
                # What becomes of the digest: the hash call's own result, or for `h.update(password)` each
                # `h.hexdigest()` / `h.digest()` the function reads.
                digests = [event.node] if callee in S.FAST_HASHES else _digests_read(flow.function, func)
                node = flow.function.node
                lookup_key = _every(digests, lambda d: _only_a_lookup_key(node, d))
                only_compared = None if lookup_key else _every(digests, lambda d: _only_compared(node, d))
                compared = only_compared if only_compared and _rehashes(node) else None
                sent = (
                    None
                    if lookup_key or compared
                    else _every(digests, lambda d: _only_sent(ctx.module, flow.function, d))
                )
                logged = None if lookup_key or compared or sent else _every(digests, lambda d: _only_logged(node, d))
                sent = sent or logged
                checked = not (lookup_key or compared or sent) and (
                    only_compared is not None
                    or bool(digests)
                    and all(_compared_directly(node, d) or _only_compared(node, d) for d in digests)
                )
                returned = not (lookup_key or compared or sent or checked) and _every(
                    digests, lambda d: _only_returned(node, d)
                )
                before = len(ctx.findings)
                message = "{source} is {sink}: fast hashes are cracked at GPU speed; use bcrypt or Argon2"
                if lookup_key:
                    message += f"; `{lookup_key}` is only used as a key of an in-memory lookup, which stores nothing"
                elif compared:
                    message += (
                        f"; `{compared}` is only compared with a hash kept earlier, and the function then stores "
                        "a slow hash: it upgrades old hashes on login"
                    )
                elif logged:
                    message += f"; the digest is only written to a log by `{logged}()`: nothing here stores it"
                elif sent:
                    message += (
                        f"; the digest is only sent in a request to a remote service (`{sent}`), whose login "
                        "format it may be: nothing here stores it"
                    )
                # `hashlib.sha1(password.encode(), usedforsecurity=False)`: the author says the digest protects
                # nothing (a breach-list prefix, a cache key); whether it is stored anyway is for a reader.
                declared = callee in S.FAST_HASHES and _not_for_security(event.node)
                if declared and not (lookup_key or compared or sent):
                    message += "; the call says `usedforsecurity=False`: check that the digest is not stored"
                outcome = Outcome(L.PASSWORD, PWD002, message, audit=bool(lookup_key or compared or sent or declared))
                ctx.report_flow(event.node, value, [outcome], scope=flow.function, sink_note=f"hashed by {where}")
                if checked or returned:
                    # Only checked against a stored digest, or handed back to callers: whether the project
                    # hashes its passwords so is known at the project stage (see `fast_hash_checks`).
                    for finding in ctx.findings[before:]:
                        if checked:
                            ctx.fact(FAST_HASH_CHECK, finding)
                        else:
                            # `hashlib.new(algorithm)`: a caller picks the hash; who keeps the digest does not say
                            # it was a fast one.
                            chosen = _algorithm_chosen_by_caller(ctx.module, flow.function, event.node)
                            name = "" if chosen else ctx.module.global_name(flow.function)
                            ctx.fact(FAST_HASH_RETURNED, (name, finding))
                    del ctx.findings[before:]
                break
        else:
            # `self.kiosk_pin_hash = sha256(pin.encode()).hexdigest()`: kept where a hashed credential is kept.
            kept_as = _assigned_name(flow.function, event.node)
            if (names.hashes_passwords(flow.function.name) or kept_as and names.hashes_passwords(kept_as)) and any(
                label.startswith(L.PARAM_PREFIX) for value in values for label in value
            ):
                ctx.report(
                    PWD002,
                    event.node,
                    f"`{flow.function.name}()` hashes passwords with {where}: fast "
                    "hashes are cracked at GPU speed; use bcrypt or Argon2",
                    scope=flow.function,
                )
    _fast_hashing_helpers(ctx, flow)


def _assigned_name(function: Function, node: ast.AST) -> str | None:
    """The attribute of a record a call's result is kept in (`self.pin_hash = sha256(...).hexdigest()`). A local
    name (`hashed_password = sha1(...)` for a breach-check API's prefix) keeps nothing."""
    for stmt in ast.walk(function.node):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and any(n is node for n in ast.walk(stmt.value)):
            target = stmt.targets[0]
            return target.attr if isinstance(target, ast.Attribute) else None
    return None


def _not_for_security(call: ast.Call) -> bool:
    return any(
        kw.arg == "usedforsecurity" and isinstance(kw.value, ast.Constant) and kw.value.value is False
        for kw in call.keywords
    )


_SLOW_HASH_METHODS = frozenset({"hashpw", "checkpw", "kdf"})
_DIGEST_METHODS = frozenset({"digest", "hexdigest"})


def _digests_read(function: Function, update: ast.expr) -> list[ast.Call]:
    """`mac.hexdigest()`, `mac.digest()`: where the function reads the digest of the hash object whose
    `update()` it feeds. Empty when the object leaves the function undigested."""
    holder = dotted(update.value) if isinstance(update, ast.Attribute) else None
    return [
        call.node
        for call in function.calls
        if call.method in _DIGEST_METHODS
        and isinstance(call.node.func, ast.Attribute)
        and holder is not None
        and dotted(call.node.func.value) == holder
    ]


def _every(digests: list[ast.Call], judge: Callable[[ast.Call], str | None]) -> str | None:
    """The first digest's verdict when every digest gets one, else None."""
    verdicts = [judge(d) for d in digests]
    return verdicts[0] if verdicts and all(verdicts) else None


def _bound_name(function_node: ast.AST, call: ast.Call) -> ast.Name | None:
    """The name a statement binds what the call gives to: `key = sha256(p).hexdigest()`, also annotated
    (`key: Final = ...`)."""
    for node in ast.walk(function_node):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            bound, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            bound, value = node.target, node.value
        else:
            continue
        if isinstance(bound, ast.Name) and any(inner is call for inner in ast.walk(value)):
            return bound
    return None


def _only_prehashed(function: Function, call: ast.Call) -> bool:
    """`prehash = b64encode(hmac.digest(salt, password, "sha256"))` then only `bcrypt.hashpw(prehash, ...)`
    or `bcrypt.checkpw(prehash, ...)`: a digest made to fit bcrypt's 72 bytes, which the slow hash then
    covers. Nothing stores the fast digest."""
    bound = _bound_name(function.node, call)
    if bound is None:
        return False
    target = bound.id
    slow_args = {
        id(n)
        for slow in function.calls
        if slow.method in _SLOW_HASH_METHODS or slow.callee in S.PASSWORD_HASHERS
        for arg in slow.node.args
        for n in ast.walk(arg)
    }
    uses = [
        n for n in ast.walk(function.node) if isinstance(n, ast.Name) and n.id == target and isinstance(n.ctx, ast.Load)
    ]
    return bool(uses) and all(id(n) in slow_args for n in uses)


def _only_a_lookup_key(function_node: ast.AST, call: ast.Call) -> str | None:
    """The name the digest is bound to (`key = sha256(password).hexdigest()`) when every later use of it
    is as a key of a mapping or set held here (`key in seen`, `seen[key]`) or a slice of it (`sha[:5]`,
    `sha[5:] in found`): nothing writes the digest anywhere."""
    target = _bound_name(function_node, call)
    if target is None:
        return None
    uses = 0
    for node in ast.walk(function_node):
        if (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Name)
            and node.left.id == target.id
            and all(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
        ):
            uses += 1
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name) and node.slice.id == target.id:
            uses += 1
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Slice)
            and isinstance(node.value, ast.Name)
            and node.value.id == target.id
        ):
            uses += 1  # `sha[:5]`: a prefix sent to a range lookup (Pwned Passwords), never the whole digest
    mentions = sum(
        1
        for node in ast.walk(function_node)
        if isinstance(node, ast.Name) and node.id == target.id and node is not target
    )
    return target.id if uses and uses == mentions else None


#: Calls that only reshape a value on its way somewhere: the digest inside them goes where they go.
_RESHAPING = frozenset({"dumps", "urlencode", "dict", "str", "bytes", "quote", "quote_plus", "encode", "format"})
#: Methods of a mapping that add to it: the mapping still goes only where it went.
_FILLING = frozenset({"update", "setdefault"})


def _only_sent(module: Module, function: Function, call: ast.Call) -> str | None:
    """The request call (`requests.post(...)`, `self.load(API_URL + method, post=...)`) when every use of
    the digest `call` makes is in a request to a remote service: as a value of the form, JSON body or
    query it sends, directly or through a local mapping. A client logging in to another service in the
    format it demands, not a store of passwords. None when any use may keep the digest."""
    parents = parents_of(function.node)
    requests: list[str] = []
    if _sent_from(module, function, call, parents, requests, depth=0):
        return requests[0] if requests else None
    return None


def _sent_from(
    module: Module, function: Function, node: ast.AST, parents: dict[int, ast.AST], requests: list[str], depth: int
) -> bool:
    if depth > 4:
        return False
    parent = parents.get(id(node))
    # Climb what renders or reshapes the value: `.hexdigest()`, `sha1(md5(...).hexdigest().encode())`, a
    # dict display, `json.dumps(body)`, an f-string.
    while True:
        if isinstance(parent, ast.Attribute) and parent.attr in _RENDERINGS:
            node, parent = parent, parents.get(id(parent))
            if isinstance(parent, ast.Call) and parent.func is node:
                node, parent = parent, parents.get(id(parent))
            continue
        if isinstance(parent, ast.Subscript) and node is parent.value:
            node, parent = parent, parents.get(id(parent))  # `digest[:32]`: a part of it goes the same way
            continue
        if isinstance(parent, (ast.Dict, ast.JoinedStr, ast.FormattedValue, ast.keyword, ast.Tuple, ast.List)):
            if isinstance(parent, ast.Dict) and node not in parent.values:
                return False  # a key of a mapping: a lookup, judged elsewhere
            node, parent = parent, parents.get(id(parent))
            continue
        if isinstance(parent, ast.Call) and parent.func is not node:
            name = (module.qualified_name(parent.func, function) or "").rsplit(".", 1)[-1]
            method = parent.func.attr if isinstance(parent.func, ast.Attribute) else name
            if method in _RESHAPING or (module.qualified_name(parent.func, function) or "") in S.FAST_HASHES:
                node, parent = parent, parents.get(id(parent))
                continue
            request = _request_call(module, function, parent)
            if request is None:
                return False
            requests.append(request)
            return True
        break
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and node is parent.value:
        target = parent.targets[0]
        if isinstance(target, ast.Name):
            return _name_only_sent(module, function, target, parents, requests, depth)
        if (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Name)
            and _assigned_locally(function, target.value.id)
        ):
            return _name_only_sent(module, function, target.value, parents, requests, depth)
        if (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Name)
            and target.value.id in function.params
            and _signs_in(function.name)
        ):
            # `def signin(self, user, password, data): data["pwd"] = md5(password)`: a client's login
            # step fills the login data its caller sends.
            requests.append(f"the login data `{target.value.id}` of `{function.name}()`")
            return True
    return False


#: Words of a function name that says it logs in somewhere.
_SIGN_IN_WORDS = frozenset({"signin", "login", "logon", "log_in", "sign_in"})


def _signs_in(name: str) -> bool:
    ws = names.words(name)
    joined = {"".join(ws[i : i + 2]) for i in range(len(ws) - 1)}
    return bool(set(ws) & _SIGN_IN_WORDS or joined & {"signin", "login", "logon"})


def _name_only_sent(
    module: Module, function: Function, target: ast.Name, parents: dict[int, ast.AST], requests: list[str], depth: int
) -> bool:
    """Every later read of the name sends it (or fills it: `post.update(kwargs)`, `post["k"] = v`)."""
    uses = [
        n
        for n in ast.walk(function.node)
        if isinstance(n, ast.Name) and n.id == target.id and isinstance(n.ctx, ast.Load)
    ]
    sent = False
    for use in uses:
        parent = parents.get(id(use))
        if isinstance(parent, ast.Attribute) and parent.attr in _FILLING:
            continue
        if isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Store):
            continue  # `post["apiKey"] = key`: filling the mapping
        if not _sent_from(module, function, use, parents, requests, depth + 1):
            return False
        sent = True
    return sent


def _assigned_locally(function: Function, name: str) -> bool:
    """`post = {...}` in this function: a mapping it made, not one handed to it to keep."""
    return any(
        isinstance(n, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)
        and isinstance(n.value, (ast.Dict, ast.Call))
        for n in ast.walk(function.node)
    )


def _request_call(module: Module, function: Function, call: ast.Call) -> str | None:
    """`requests.post(url, ...)`, `client.post("https://...", data=...)`, `self.load(self.API_URL + m, ...)`:
    the call's text when it sends an HTTP request, by its library or by the URL it is given first."""
    qualified = module.qualified_name(call.func, function) or ""
    if qualified.startswith(HTTP_CLIENTS) or call.args and _is_url(module, function, call.args[0]):
        return ast.unparse(call.func)
    return None


def _is_url(module: Module, function: Function, node: ast.expr) -> bool:
    """A URL literal, or one built from one: `"https://api.example.com/login"`, `self.API_URL + method`,
    `f"{BASE_URL}/auth"` where the class or module binds the name to an http(s) URL."""
    for part in ast.walk(node):
        value: object = None
        if isinstance(part, ast.Constant):
            value = part.value
        elif isinstance(part, ast.Name):
            value = module.constant(part, None, function)
        elif isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name) and function.class_name:
            if part.value.id in ("self", "cls"):
                assigned = module.class_attributes.get(function.class_name, {}).get(part.attr)
                value = assigned.value if isinstance(assigned, ast.Constant) else None
        if isinstance(value, str) and value.startswith(("https://", "http://")):
            return True
    return False


#: Constant-time comparisons of two digests, by their last name.
_COMPARES = frozenset({"compare_digest", "consteq", "safe_str_cmp", "constant_time_compare", "safe_compare"})
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "print"})
#: What turns a hash object into text or bytes on the way to a comparison.
_RENDERINGS = frozenset({"hexdigest", "digest", "hex", "upper", "lower", "encode", "decode"})


def _only_compared(function_node: ast.AST, call: ast.Call) -> str | None:
    """The name the digest is bound to (`hashed = sha1(salt + password)`) when every use of it is in a
    comparison (`hashed.hexdigest() == stored`, `consteq(hashed.hexdigest(), stored)`): the code checks
    a hash stored before; it makes none to keep. (With `_rehashes`, a login that upgrades old hashes.)"""
    target = _bound_name(function_node, call)
    if target is None:
        return None
    parents = parents_of(function_node)
    uses = [n for n in ast.walk(function_node) if isinstance(n, ast.Name) and n.id == target.id and n is not target]
    if not uses:
        return None
    for use in uses:
        node: ast.AST = use
        parent = parents.get(id(node))
        # Climb `hashed.hexdigest().upper()` to the whole expression.
        while (
            isinstance(parent, ast.Attribute)
            and parent.attr in _RENDERINGS
            and isinstance(parents.get(id(parent)), ast.Call)
        ):
            node = parents[id(parent)]
            parent = parents.get(id(node))
        if isinstance(parent, ast.Compare) and all(isinstance(op, (ast.Eq, ast.NotEq)) for op in parent.ops):
            continue
        func = parent.func if isinstance(parent, ast.Call) and node in parent.args else None
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in _COMPARES and name not in _LOG_METHODS:
            return None  # a log line is a record for the operator, not a store of password hashes
    return target.id


def _only_logged(function_node: ast.AST, call: ast.Call) -> str | None:
    """The log method (`debug`) when the digest `call` makes, rendered (`.hexdigest()`), is only an argument of
    a log call: a fingerprint shown to the operator, not a store of password hashes."""
    parents = parents_of(function_node)
    node: ast.AST = call
    parent = parents.get(id(node))
    while isinstance(parent, ast.Attribute) and parent.attr in _RENDERINGS:
        above = parents.get(id(parent))
        if not (isinstance(above, ast.Call) and above.func is parent):
            return None
        node, parent = above, parents.get(id(above))
    if isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Attribute):
        return parent.func.attr if parent.func.attr in _LOG_METHODS else None
    return None


#: Words that start the names of calls that keep, send or write what they are given.
_KEEPING_CALL_WORDS = (
    "save", "add", "insert", "execute", "create", "update", "write", "put", "store", "commit", "set", "dump",
    "send", "post", "append", "extend", "register", "persist",
)  # fmt: skip


def _only_returned(function_node: ast.AST, call: ast.Call) -> str | None:
    """ "returned" when every use of the digest `call` makes ends in the function's return value: rendered,
    encoded, sliced, concatenated or formatted on the way (`return "{SSHA}" + b64encode(d + salt)`,
    `hashed = ...; return hashed`), but kept, sent or written nowhere here. What callers do with it
    is theirs; a call whose name says it keeps or sends (`save`, `execute`, `post`) is no reshaping."""
    parents = parents_of(function_node)
    return "returned" if _ends_in_return(function_node, parents, call, set()) else None


def _ends_in_return(function_node: ast.AST, parents: dict[int, ast.AST], node: ast.AST, seen: set[str]) -> bool:
    while True:
        parent = parents.get(id(node))
        if isinstance(parent, ast.Return):
            return True
        if isinstance(parent, ast.Attribute):
            above = parents.get(id(parent))
            if parent.attr == "update" and isinstance(above, ast.Call) and above.func is parent:
                return True  # `h.update(salt)`: more fed to the same hash object, whose digest is judged
            node = above if isinstance(above, ast.Call) and above.func is parent else parent
        elif isinstance(parent, ast.Call) and node is not parent.func:
            name = _callee_name(parent.func).lstrip("_").lower()
            if name.startswith(_KEEPING_CALL_WORDS) or name in _SLOW_HASH_METHODS:
                return False  # kept or sent; or a step before a slow hash that is returned beside it
            node = parent
        elif isinstance(parent, (ast.keyword, ast.BinOp, ast.JoinedStr, ast.FormattedValue, ast.Tuple, ast.List)):
            node = parent
        elif isinstance(parent, ast.Subscript) and node is parent.value:
            node = parent
        elif isinstance(parent, ast.IfExp) and node is not parent.test:
            node = parent
        elif (
            isinstance(parent, ast.Assign)
            and node is parent.value
            and len(parent.targets) == 1
            and isinstance(parent.targets[0], ast.Name)
        ):
            name = parent.targets[0].id
            if name in seen:
                return True
            seen.add(name)
            uses = [
                n
                for n in ast.walk(function_node)
                if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
            ]
            return bool(uses) and all(_ends_in_return(function_node, parents, use, seen) for use in uses)
        else:
            return False


#: Calls that store a new password with a slow hash (`user.set_password(raw)`, `self._set_password(raw)`).
_REHASHES = frozenset({"set_password", "hash_password", "make_password", "generate_password_hash", "hashpw"})


def _compared_directly(function_node: ast.AST, call: ast.Call) -> bool:
    """`sha256(password).hexdigest() == stored`, `compare_digest(md5(pw).hexdigest(), stored)`: the
    digest is made inside the comparison itself."""
    for node in ast.walk(function_node):
        if isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            if any(inner is call for inner in ast.walk(node)):
                return True
        elif isinstance(node, ast.Call) and _callee_name(node.func) in _CONSTANT_TIME_COMPARES:
            if any(inner is call for arg in node.args for inner in ast.walk(arg)):
                return True
    return False


_CONSTANT_TIME_COMPARES = frozenset({"compare_digest", "consteq", "constant_time_compare", "safe_str_cmp"})

#: PWD002 findings on a digest only compared with a stored one, decided at the project stage.
FAST_HASH_CHECK = "password-fast-hash-check"
#: PWD002 findings on a digest a function only hands back to its callers, decided at the project stage:
#: (the function's project-wide name, the finding).
FAST_HASH_RETURNED = "password-fast-hash-returned"
#: A project function given a password whose result the caller keeps (`user.password_hash =
#: make_hash(raw)`, a value of an `INSERT`): (the function's qualified name, "path:line" of the call).
PASSWORD_HELPER_RESULT_KEPT = "password-helper-result-kept"
#: A file that hashes or checks passwords with a slow password hasher (`bcrypt.hashpw`, `make_password`...).
SLOW_PASSWORD_HASHING = "password-slow-hashing"
#: Libraries and calls of slow password hashing, by qualified name or its prefix: a project that calls
#: one (to hash or to verify) knows how passwords are to be kept.
_SLOW_HASHING_PREFIXES = (
    "bcrypt.",
    "argon2.",
    "passlib.",
    "flask_bcrypt.",
    "django.contrib.auth.hashers.",
    "cryptography.hazmat.primitives.kdf.",
    "werkzeug.security.generate_password_hash",
    "werkzeug.security.check_password_hash",
    "hashlib.pbkdf2_hmac",
    "hashlib.scrypt",
    "crypt.crypt",
    # Django checks the password against its slow hashers.
    "django.contrib.auth.authenticate",
    "django.contrib.auth.aauthenticate",
)


def _is_slow_hashing(call: Call) -> bool:
    return call.callee in S.PASSWORD_HASHERS or bool(call.callee and call.callee.startswith(_SLOW_HASHING_PREFIXES))


@check(PWD002)
def slow_password_hashing(ctx: FileContext) -> None:
    """Tell the project stage where passwords are hashed or checked with a slow hasher."""
    call = next((c for c in ctx.module.calls if _is_slow_hashing(c)), None)
    if call is not None:
        ctx.fact(SLOW_PASSWORD_HASHING, call.node.lineno)


@check(PWD002, stage="project")
def fast_hash_checks(ctx: ProjectContext) -> None:
    """A fast digest of a password only compared with a stored one checks a hash made before; one a
    function only returns (`return "{SSHA}" + b64encode(digest + salt)`) is a format made for its
    callers. Where the project hashes or checks passwords with a slow hasher, such a digest is a legacy
    or foreign format it still reads or writes (an imported htpasswd entry, a hash from an older
    release, a pepper before the slow hash): for a reader, in audit mode. Where it does not, the
    project's own passwords are stored so, and the finding stands."""
    checks = ctx.facts_of(FAST_HASH_CHECK, Finding)
    returns = ctx.facts_of(FAST_HASH_RETURNED, tuple)
    if not checks and not returns:
        return
    slow = next(iter(ctx.facts_of(SLOW_PASSWORD_HASHING, int)), None)
    where = f"the project hashes or checks passwords with a slow hasher ({slow[0]}:{slow[1]})" if slow else ""
    for _, finding in checks:
        if slow is not None:
            finding = finding.for_audit(
                f"the digest is only compared with one made before (stored or sent), and {where}: an old "
                "format or a message check, not a store"
            )
        ctx.findings.append(finding)
    kept = [data for _, data in ctx.facts_of(PASSWORD_HELPER_RESULT_KEPT, tuple)]
    for _, (function, finding) in returns:
        keeper = next((at for callee, at in kept if same_global_name(callee, function)), None)
        if keeper is not None:
            # New passwords are kept in this format: whatever else the project hashes with, this is a store.
            finding = replace(
                finding,
                message=f"{finding.message}; its caller keeps the digest ({keeper.path}:{keeper.line})",
                flow=(*finding.flow, FlowStep(keeper, "the digest kept by the caller")),
            )
        elif slow is not None:
            finding = finding.for_audit(
                f"the digest is only returned to callers, and {where}: a legacy or foreign format, or a "
                "step before the slow hash, not how the project keeps passwords"
            )
        ctx.findings.append(finding)


def _algorithm_chosen_by_caller(module: Module, function: Function, node: ast.Call) -> bool:
    """`hashlib.new(algorithm)`, or `h.update(...)` on such an object: the hash is the one a caller names."""
    made: ast.expr | None = node
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "update" and isinstance(func.value, ast.Name):
        made = assignments(function).get(func.value.id)
    return (
        isinstance(made, ast.Call)
        and module.qualified_name(made.func, function) == "hashlib.new"
        and not (made.args and isinstance(made.args[0], ast.Constant))
    )


def _password_helper_results_kept(ctx: FileContext, flow: FunctionFlow) -> None:
    """Calls of project functions given a password whose result this function keeps: assigned to a record's
    attribute or an item, or handed to a call that stores it (see `_handed_on`). A result only compared (a check
    of a stored hash) or returned is not kept here. `fast_hash_checks` reads these."""
    module = ctx.module
    node = flow.function.node
    for event in flow.calls:
        callee = event.call.callee if event.call else None
        own = module.method_on_self(event.node.func, flow.function) if callee is None else None
        callee = module.global_name(own) if own is not None else callee  # `self._digest(salt, raw_password)`
        if not callee or not any(L.PASSWORD in v for v in [*event.args, *event.keywords.values()]):
            continue
        if module.local_function(callee) is None and callee.split(".", 1)[0] not in module.project_roots:
            continue
        if "cache" in names.words(callee.rsplit(".", 1)[-1]):
            continue  # `self._cache_digest(login, password, salt)`: the key of a cache of recent logins
        call = event.node
        if _compared_directly(node, call) or _only_compared(node, call) or _only_returned(node, call):
            continue
        if not _result_kept(node, call):
            continue
        ctx.fact(PASSWORD_HELPER_RESULT_KEPT, (callee, Location(module.path, call.lineno, call.col_offset)))


def _result_kept(function_node: ast.AST, call: ast.Call) -> bool:
    """The value `call` returns is kept: assigned to an attribute or an item, or handed to a call that stores
    it; or bound to a name that is."""
    parents = parents_of(function_node)
    parent = parents.get(id(call))
    if isinstance(parent, (ast.Assign, ast.AnnAssign)) and parent.value is call:
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        if any(isinstance(t, (ast.Attribute, ast.Subscript)) for t in targets):
            return True
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        uses = [
            n
            for n in ast.walk(function_node)
            if isinstance(n, ast.Name) and n.id in names and isinstance(n.ctx, ast.Load)
        ]
        return any(_handed_on(parents, use) for use in uses)
    return _handed_on(parents, call)


def _handed_on(parents: dict[int, ast.AST], node: ast.AST) -> bool:
    """`node` is given to a call that stores (`repo.create(...)`, `cur.execute(sql, (name, digest))`,
    `Account(password_hash=digest)`), directly or inside a collection, or assigned to an attribute or item. A
    call that hashes it again (a pepper before bcrypt), checks it or sends it keeps nothing."""
    parent = parents.get(id(node))
    keyword = None
    # Also inside the text kept (`f"{salt}${digest}"`, `"sha256$" + digest`) or one branch of a choice
    # (`digest(pw) if pw else None`).
    while isinstance(parent, (*_CONTAINERS, ast.keyword, ast.FormattedValue, ast.JoinedStr, ast.BinOp)) or (
        isinstance(parent, ast.IfExp) and node is not parent.test
    ):
        if isinstance(parent, ast.Dict) and any(
            value is node and isinstance(key, ast.Constant) and _names_password_store(str(key.value))
            for key, value in zip(parent.keys, parent.values)
        ):
            return True  # `{"password_hash": _digest(password, salt)}`: the password field of the record built
        keyword = parent.arg if isinstance(parent, ast.keyword) else keyword
        node, parent = parent, parents.get(id(parent))
    if isinstance(parent, ast.Call):
        name = _callee_name(parent.func)
        # `insert(User).values(hashed_password=digest)`: a password column of the row written.
        column = name == "values" and bool(keyword and {"password", "passwd", "pwd"} & set(names.words(keyword)))
        # `PasswordHistory(user_id=..., digest=digest)`: a record of a class named for passwords;
        # `ReportShare(password_hash=digest)`: the password field of a record of any class.
        password_record = name[:1].isupper() and (
            _names_password_store(name) or bool(keyword and _names_password_store(keyword))
        )
        return node is not parent.func and (
            name.lstrip("_").lower().startswith(_STORING_WORDS)
            or bool(_MODEL_CLASS.search(name))
            or column
            or password_record
        )
    return (
        isinstance(parent, ast.Assign)
        and parent.value is node
        and any(isinstance(t, (ast.Attribute, ast.Subscript)) for t in parent.targets)
    )


#: Displays that hold what they are given as it is.
_CONTAINERS = (ast.Tuple, ast.List, ast.Dict, ast.Set)
#: Names of calls that keep what they are given: a record created, a row written, a field set.
_STORING_WORDS = ("save", "add", "insert", "execute", "create", "update", "write", "put", "store", "set", "persist")


def _rehashes(function_node: ast.AST) -> bool:
    """The function stores the password anew (`self._set_password(password)` after a legacy check)."""
    return any(
        isinstance(node, ast.Call)
        and (node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")).lstrip("_")
        in _REHASHES
        for node in ast.walk(function_node)
    )


_RUNTIME_RANDOM = frozenset({"secrets.token_bytes", "os.urandom", "secrets.token_hex", "secrets.token_urlsafe"})


#: Words in a file name that say it keeps credentials.
_CREDENTIAL_FILE_WORDS = ("passw", "passwd", "pwd", "credential", "shadow", "htpasswd")


def _weak_digests_stored_as_passwords(ctx: FileContext, flow: FunctionFlow) -> None:
    """An MD5 or SHA-1 digest kept where passwords are kept, whatever its input was named: handed to a
    `set_password()` / `setPassword()` setter, assigned to a record's password attribute (`user.password =
    md5(...)`), passed as the password field of a new record (`User(password_hash=md5(...))`,
    `.objects.create(password=...)`), or written to a file whose name says it holds passwords. (SHA-2 there is
    not judged: without knowing the input is a password, it may be a checksum of the file's content.) A digest
    of a known password is PWD002's, reported at the hash."""
    files = _credential_files(flow.function.node)
    outcome = Outcome(
        L.WEAK_HASH,
        PWD005,
        "{source} is {sink}: an MD5/SHA-1 digest is cracked or forged at GPU "
        "speed; store passwords with bcrypt or Argon2",
    )

    def stored(value: L.Value) -> bool:
        return L.WEAK_HASH in value and L.FAST_HASH_OF_PASSWORD not in value

    for store in flow.stores:
        base = store.base
        if (
            store.kind == "attr"
            and store.name in _PASSWORD_FIELDS
            and stored(store.value)
            # an object keeping its own credential (a client logging in to a service that wants a digest)
            and not (isinstance(base, ast.Name) and base.id in {"self", "cls"})
        ):
            ctx.report_flow(
                store.stmt, store.value, [outcome], scope=flow.function, sink_note=f"stored as attribute `{store.name}`"
            )
    for event in flow.calls:
        func = event.node.func
        method = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if method.replace("_", "").lower() == "setpassword":
            for value in event.args:
                if L.WEAK_HASH in value:
                    ctx.report_flow(
                        event.node,
                        value,
                        [outcome],
                        scope=flow.function,
                        sink_note=f"stored as a password by `{method}()`",
                    )
                    break
        elif (
            method[:1].isupper()
            and _MODEL_CLASS.search(method)
            or method in _RECORD_WRITES
            and _model_receiver(event.node)
        ):
            field = next((k for k, v in event.keywords.items() if k in _PASSWORD_FIELDS and stored(v)), None)
            if field is not None:
                ctx.report_flow(
                    event.node,
                    event.keywords[field],
                    [outcome],
                    scope=flow.function,
                    sink_note=f"stored as field `{field}` of a new record",
                    at=keyword_argument(event.node, field),
                )
        elif (
            method in ("write", "writelines")
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in files
        ):
            for value in event.args:
                if L.WEAK_HASH in value:
                    ctx.report_flow(
                        event.node,
                        value,
                        [outcome],
                        scope=flow.function,
                        sink_note=f"written to `{files[func.value.id]}`",
                    )
                    break


#: Model manager calls that write a record's fields (`User.objects.create(...)`, `...filter(...).update(...)`).
_RECORD_WRITES = frozenset({"create", "create_user", "update", "update_or_create", "get_or_create"})


def _credential_files(function_node: ast.AST) -> dict[str, str]:
    """`with open("/srv/stored_passwords.txt", "a") as fh:` or `fh = open(...)` → {"fh": "/srv/stored_passwords.txt"}:
    files opened for writing under a literal name that says they hold passwords."""
    return {
        name: path
        for name, path in _files_written(function_node).items()
        if any(word in PurePosixPath(path).name.lower() for word in _CREDENTIAL_FILE_WORDS)
    }


def _files_written(function_node: ast.AST) -> dict[str, str]:
    """The names a function binds to files it opens for writing or appending (`with open(path, "a") as fh:`,
    `fh = open(...)`), to the file's literal path ("" when the path is not a literal)."""
    found: dict[str, str] = {}
    for node in ast.walk(function_node):
        if isinstance(node, (ast.With, ast.AsyncWith)):
            opened = [(item.context_expr, item.optional_vars) for item in node.items]
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            opened = [(node.value, node.targets[0])]  # `fh = open(...)`
        else:
            continue
        for call, bound in opened:
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == "open"
                and call.args
                and isinstance(bound, ast.Name)
            ):
                continue
            path = literal_value(call.args[0])
            mode = (
                literal_value(call.args[1])
                if len(call.args) > 1
                else next((literal_value(k.value) for k in call.keywords if k.arg == "mode"), "r")
            )
            if isinstance(mode, str) and set(mode) & set("wax"):
                found[bound.id] = path if isinstance(path, str) else ""
    return found


def _per_process_key(module: Module, node: ast.Call) -> bool:
    """`hmac.new(_KEY, password)` where `_KEY = secrets.token_bytes(32)` at module level: nothing keyed
    with it outlives the process, so it cannot be a stored password hash."""
    key = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "key"), None)
    if not isinstance(key, ast.Name):
        return False
    assigned = module.assignments.get(key.id)
    return (
        assigned is not None
        and len(assigned) == 1
        and isinstance(assigned[0], ast.Call)
        and module.qualified_name(assigned[0].func) in _RUNTIME_RANDOM
    )


def _fast_hashing_helpers(ctx: FileContext, flow: FunctionFlow) -> None:
    """`_sha(password)` where `_sha` feeds its parameter to a fast hash: report at the call."""
    module = ctx.module
    for event in flow.calls:
        callee = event.call.callee if event.call else None
        target = module.local_function(callee)
        if target is None and callee and callee.split(".", 1)[0] in module.project_roots:
            _password_to_other_module(ctx, flow, event, callee)
            continue
        if target is None or target is flow.function:
            continue
        hashed = flow_of(module, target).fast_hashed_params
        if not hashed or names.hashes_passwords(target.name):
            continue  # a helper named for passwords is reported where it hashes
        offset = 1 if target.class_name and isinstance(event.node.func, ast.Attribute) else 0
        for index in sorted(hashed):
            if index < len(target.params) and names.is_password(target.params[index]):
                continue  # `def digest(password)`: reported inside the helper already
            value = event.value_of(index - offset, target.params[index] if index < len(target.params) else None)
            if L.PASSWORD not in value and _hashing_own_parameter(flow.function, value):
                # `def hash_temporary_password(raw): ... _salted_digest(salt, raw)`: what a function named for
                # hashing passwords is given is a password, whatever the parameter is called.
                ctx.report(
                    PWD002,
                    event.node,
                    f"`{flow.function.name}()` hashes passwords with `{target.name}()`, which uses a fast hash: "
                    "fast hashes are cracked at GPU speed; use bcrypt or Argon2",
                    scope=flow.function,
                )
                break
            if L.PASSWORD in value:
                ctx.report_flow(
                    event.node,
                    value,
                    [
                        Outcome(
                            L.PASSWORD,
                            PWD002,
                            "{source} is {sink}: fast hashes are cracked at GPU speed; use bcrypt or Argon2",
                        )
                    ],
                    scope=flow.function,
                    sink_note=f"hashed by `{target.name}()`, which uses a fast hash",
                )
                break


def _hashing_own_parameter(function: Function, value: L.Value) -> bool:
    """The value is a parameter of a function named for hashing passwords (`hash_temporary_password(raw)`)."""
    if not names.hashes_passwords(function.name):
        return False
    indexes = [int(label[len(L.PARAM_PREFIX) :]) for label in value if label.startswith(L.PARAM_PREFIX)]
    given = [function.params[i] for i in indexes if i < len(function.params)]
    # Not the salt, pepper or cost it is also given.
    return any(not set(names.words(name)) & _HASH_INPUT_WORDS for name in given)


def _password_to_other_module(ctx: FileContext, flow: FunctionFlow, event: CallEvent, callee: str) -> None:
    """`legacy_hash(new_password)` where `legacy_hash` is another module's function: whether it feeds that
    parameter to a fast hash is known at the project stage (see `fast_hashing_functions`)."""
    given: list[tuple[int | None, str | None, L.Value]] = [
        *((index, None, value) for index, value in enumerate(event.args) if L.PASSWORD in value),
        *((None, keyword, value) for keyword, value in event.keywords.items() if keyword and L.PASSWORD in value),
    ]
    if not given or not isinstance(event.node.func, (ast.Name, ast.Attribute)):
        return
    if not _kept_as_password(flow.function.node, event.node):
        return  # a check of a digest made before, a name or a cache key: where new ones are kept is the finding
    for index, keyword, value in given:
        before = len(ctx.findings)
        message = "{source} is {sink}: fast hashes are cracked at GPU speed; use bcrypt or Argon2"
        ctx.report_flow(
            event.node,
            value,
            [Outcome(L.PASSWORD, PWD002, message)],
            scope=flow.function,
            sink_note=f"hashed by `{callee.rsplit('.', 1)[-1]}()`, which uses a fast hash",
        )
        for finding in ctx.findings[before:]:
            ctx.fact(PASSWORD_TO_PROJECT_FUNCTION, (callee, index, keyword, finding))
        del ctx.findings[before:]


def _kept_as_password(function_node: ast.AST, call: ast.Call) -> bool:
    """What the call returns is kept where a password is: `user.password_hash = ...`, `row["password"] = ...`,
    `Member(password_hash=...)`."""
    parent = parents_of(function_node).get(id(call))
    if isinstance(parent, ast.keyword):
        return _names_password_store(parent.arg or "")
    if isinstance(parent, (ast.Assign, ast.AnnAssign)) and parent.value is call:
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        return any(
            isinstance(t, (ast.Attribute, ast.Subscript)) and _names_password_store(field_name(t) or "")
            for t in targets
        )
    return False


def _names_password_store(name: str) -> bool:
    """`password`, `password_hash`, `hashed_pwd`: a field that keeps a password or its hash."""
    return bool(set(names.words(name)) & _PASSWORD_NOUNS)


#: A password handed to another module's function: (its qualified name, position or None, keyword or None,
#: the PWD002 finding to report if that function feeds the parameter to a fast hash).
PASSWORD_TO_PROJECT_FUNCTION = "password-to-project-function"
#: A module-level function that feeds a parameter not named for passwords to a fast hash: (its project-wide
#: name, the parameter's position, its name, where it is hashed).
FAST_HASHING_FUNCTION = "password-fast-hashing-function"


@check(PWD002)
def fast_hashing_functions(ctx: FileContext) -> None:
    """Tell the project stage which functions feed a parameter to a fast hash (`def legacy_hash(plain):
    return sha256(SALT + plain)`), for the calls other modules make of them with a password."""
    module = ctx.module
    seen: set[int] = set()
    for call in module.calls:
        function = call.scope
        if call.callee not in S.FAST_HASHES or function is None or function.is_module or id(function) in seen:
            continue
        seen.add(id(function))
        if function.class_name or "." in function.qualname or names.hashes_passwords(function.name):
            continue  # a method runs on an object the project stage cannot follow; a password hasher is judged inside
        for index in sorted(flow_of(module, function).fast_hashed_params):
            if index < len(function.params) and not names.is_password(function.params[index]):
                where = Location(module.path, call.node.lineno)
                ctx.fact(FAST_HASHING_FUNCTION, (module.global_name(function), index, function.params[index], where))


@check(PWD002, stage="project")
def passwords_to_fast_hashing_functions(ctx: ProjectContext) -> None:
    """Keep the findings on passwords handed to another module's function that feeds that parameter to a fast
    hash, with the hash as the last step of the data path."""
    hashing = [data for _, data in ctx.facts_of(FAST_HASHING_FUNCTION, tuple)]
    for _, (callee, index, keyword, finding) in ctx.facts_of(PASSWORD_TO_PROJECT_FUNCTION, tuple):
        for name, position, parameter, where in hashing:
            if same_global_name(callee, name) and (index == position or keyword == parameter):
                step = FlowStep(where, f"`{parameter}` is hashed by a fast hash in `{name.rsplit('.', 1)[-1]}()`")
                ctx.findings.append(replace(finding, flow=(*finding.flow, step)))
                break


_SECRET_LABELS = (L.PASSWORD, L.FAST_HASH_OF_PASSWORD, L.MAC, L.SECRET)


def _forms_of_one_value(left: ast.expr, right: ast.expr) -> bool:
    """One value against a form of itself made by methods with constant arguments (`password.lower() ==
    password`, `key.strip() != key`)."""

    def base(node: ast.expr) -> ast.expr:
        while (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and all(isinstance(a, ast.Constant) for a in node.args)
            and not node.keywords
        ):
            node = node.func.value
        return node

    return ast.dump(left) != ast.dump(right) and ast.dump(base(left)) == ast.dump(base(right))


def _comparisons(ctx: FileContext, flow: FunctionFlow) -> None:
    if flow.function.name in {"__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__"}:
        return  # object equality, not an authentication check
    assigned = assignments(flow.function)
    for event in flow.compares:
        if not isinstance(event.op, (ast.Eq, ast.NotEq)):
            continue
        sides = ((event.left, event.left_value), (event.right, event.right_value))
        if any(_trivial(node, value) for node, value in sides):
            continue
        if any(_model_column(node) for node, _ in sides):
            continue  # `Token.value == token` builds a SQL WHERE clause: the database compares, with an index
        if any(names.is_confirmation(field_name(node) or "") for node, _ in sides):
            continue  # `password == password_confirm`: both typed by the same user
        if _forms_of_one_value(event.left, event.right):
            continue  # `password.lower() == password`: a strength check of the value against itself
        if _fields_of_one_record(event.left, event.right):
            continue  # `data.get("current_password") == data.get("new_password")`: one sender gave both
        if any(_published_default(node, assigned) for node, _ in sides):
            continue  # `password == LEGACY_DEFAULT_PASSWORD`: the value is published; timing reveals nothing
        if all(L.REQUEST in value and L.PASSWORD in value and not _stored_or_derived(value) for _, value in sides):
            continue  # new and current password from the same request: the client knows both
        secret_side = (
            _timing_sensitive_side(sides)
            or _checked_against_configured_secret(sides, assigned)
            or _key_checked_against_key(sides, assigned)
        )
        if secret_side is None:
            _parameter_against_secret(ctx, flow, event, sides, assigned)
            continue
        node, value = secret_side
        what = field_name(node) or _short(node)
        label = next((lab for lab in _SECRET_LABELS if lab in value), None)
        message = f"`{what}` is compared with `{_op(event.op)}`, which leaks timing; use `hmac.compare_digest`"
        if label in (L.PASSWORD, L.FAST_HASH_OF_PASSWORD):
            message += " (and check passwords with the hasher's verify function)"
        # A value the server holds against a constant of the code (`FAILED_TO_DECRYPT`, imported): no
        # client can time that comparison.
        # Nor can a client steer the bytes of a slow, salted hash (`pbkdf2_hmac(...) == stored`).
        evidence = (
            any(_timing_evidence(n, v, assigned) for n, v in sides)
            and (
                any(_supplied(v) for _, v in sides) or any(L.FAST_HASH_OF_PASSWORD in v or L.MAC in v for _, v in sides)
            )
            and not (any(L.IDENTIFIER in v for _, v in sides) and not any(L.REQUEST in v for _, v in sides))
            and not any(L.PASSWORD_HASH in v for _, v in sides)
            and not _against_stored_hash(sides)
        )
        # A cookie against a header or a form field of the same request (a double-submit CSRF check): the
        # client sent both, and another site can neither read the cookie nor time the victim's request.
        both_sent = all(_sent_as_is(n, v, assigned, flow) for n, v in sides)
        single_use = any(_popped_from_session(n, assigned, flow) for n, _ in sides) or _consumes_session_entry(
            flow, event.node.lineno
        )
        # A value the requester's own session keeps: timing its comparison tells an attacker only what a
        # session they hold already keeps, so it is worth a reader's look, not a finding by itself.
        own_session = any(_read_from_session(n, assigned, flow) for n, _ in sides)
        # A CSRF token belongs to the victim's session: to time its comparison an attacker would need the
        # victim's cookie on every guess.
        csrf_token = any(_names_csrf_token(field_name(n) or "") for n, _ in sides)
        # A checksum compared to tell whether content changed (`stored["checksum"] != entry.checksum`) is
        # as often a content address as an integrity check (as for PWD005): for a reader.
        checksum = any(_checksum_named(field_name(n) or "") for n, _ in sides)
        before = len(ctx.findings)
        ctx.report(
            PWD004,
            event.node,
            message,
            scope=flow.function,
            flow=value.get(label, ()) if label else (),
            audit=single_use or own_session or csrf_token or checksum or both_sent or not evidence,
        )
        stored = next((n.attr for n, _ in sides if isinstance(n, ast.Attribute) and n.attr in _PASSWORD_FIELDS), None)
        if stored is None and label == L.PASSWORD and sum(_supplied(v) for _, v in sides) == 1:
            stored = ""  # `stored != password`: a value read here against one a caller gave
        if stored is not None:
            # `password != user.password`: the project stage knows whether that column, or a class of the
            # project, verifies on `==`.
            for finding in ctx.findings[before:]:
                ctx.fact(COMPARED_WITH_ATTRIBUTE, StoredThrough(finding, "", stored))
            del ctx.findings[before:]


#: A parameter compared with `==` with a secret the server keeps, as `ComparedParameter`.
PARAMETER_COMPARED = "password-parameter-compared"


@dataclass(frozen=True)
class ComparedParameter:
    finding: Finding  # as reported where a caller hands the parameter what the client sent
    function: str  # global name
    position: str  # as callers count it (after `self`)
    name: str


def _parameter_against_secret(
    ctx: FileContext,
    flow: FunctionFlow,
    event: CompareEvent,
    sides: Sequence[tuple[ast.expr, L.Value]],
    assigned: dict[str, ast.expr],
) -> None:
    """`integration.api_key != presented_key` in `authenticate_integration(db, integration_id, presented_key)`:
    a parameter against a secret a record or the configuration keeps. Whether a client sends that parameter is
    for the project stage (`key_compared_in_helpers`); a helper no request reaches is not reported."""
    function = flow.function
    for (node, value), (other, other_value) in (sides, sides[::-1]):
        parameter = parameter_of(function, node)
        if parameter is None or parameter[1] in ("self", "cls") or L.REQUEST in other_value:
            continue
        base = other.value if isinstance(other, (ast.Attribute, ast.Subscript)) else None
        if isinstance(base, ast.Name) and base.id in function.params:
            continue  # `user_api_key_dict.api_key == key`: a record the caller hands in, maybe the requester's own
        if _looked_up_by(function, field_name(other), parameter[1]):
            continue  # `Q(secret=raw_barcode)` first: the database already matched the records compared here
        held = assigned.get(other.id, other) if isinstance(other, ast.Name) else other
        kept = held_name(held)
        if not (
            _secret_field(other)
            or _secret_value_of_setting(held)
            or kept is not None
            and names.is_configured_secret(kept)
        ):
            continue
        what = field_name(other) or _short(other)
        before = len(ctx.findings)
        message = f"`{what}` is compared with `{_op(event.op)}`, which leaks timing; use `hmac.compare_digest`"
        ctx.report(PWD004, event.node, message, scope=flow.function)
        for finding in ctx.findings[before:]:
            ctx.fact(PARAMETER_COMPARED, ComparedParameter(finding, ctx.module.global_name(flow.function), *parameter))
        del ctx.findings[before:]
        return


def _looked_up_by(function: Function, field: str | None, parameter: str) -> bool:
    """The function queries records by the parameter under the field's name (`Q(secret=raw_barcode)`,
    `.filter(token__exact=token)`)."""
    return bool(field) and any(
        isinstance(node, ast.keyword)
        and node.arg is not None
        and node.arg.split("__", 1)[0] == field
        and isinstance(node.value, ast.Name)
        and node.value.id == parameter
        for node in ast.walk(function.node)
    )


@check(PWD004, stage="project")
def key_compared_in_helpers(ctx: ProjectContext) -> None:
    """A helper that compares its parameter with a secret (see `_parameter_against_secret`) is reported where a
    caller hands it what the client sent (`authenticate_integration(db, request.headers.get("X-Key"))`)."""
    pending = ctx.facts_of(PARAMETER_COMPARED, ComparedParameter)
    if not pending:
        return
    joined = requests_and_passes(ctx)
    for _, helper in pending:
        sent = request_reaching(joined, helper.function, helper.position, helper.name)
        if sent is None:
            continue
        argument, steps = sent
        source = describe_source(argument.trace, helper.finding.location)
        ctx.findings.append(
            replace(
                helper.finding,
                message=f"{helper.finding.message}: {source} is passed to `{argument.callee}()` and compared there",
                flow=(*argument.trace, *steps, FlowStep(helper.finding.location, "compared with `==`")),
            )
        )


#: A class of the project whose `==` hashes or verifies the other side (`bcrypt.checkpw(other, self.hash)`).
VERIFYING_EQUALITY = "password-verifying-equality"
#: Words in the name of a call that hashes or verifies what it is given.
_VERIFYING_CALL_WORDS = ("hash", "crypt", "checkpw", "verify", "encodepassword")


@check(PWD004)
def verifying_equality(ctx: FileContext) -> None:
    """Tell the project stage about classes whose `__eq__` hashes or verifies the value it is compared
    with: `stored != password` on such an object is a password check, not a byte comparison."""
    for cls in ctx.module.classes.values():
        for stmt in cls.node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == "__eq__":
                if _verifies_parameter(stmt):
                    ctx.fact(VERIFYING_EQUALITY, (cls.qualname, stmt.lineno))


def _verifies_parameter(method: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """`__eq__(self, other)` passes `other` to a call named for hashing or verifying."""
    if len(method.args.args) < 2:
        return False
    other = method.args.args[1].arg
    for node in ast.walk(method):
        if not isinstance(node, ast.Call):
            continue
        name = _callee_name(node.func).replace("_", "").lower()
        if any(word in name for word in _VERIFYING_CALL_WORDS) and any(
            isinstance(inner, ast.Name) and inner.id == other
            for arg in (*node.args, *(k.value for k in node.keywords))
            for inner in ast.walk(arg)
        ):
            return True
    return False


@check(PWD004, stage="project")
def verifying_columns(ctx: ProjectContext) -> None:
    """`password != user.password` where a model of the project declares `password` with a column type
    that hashes on assignment (`PasswordType`), or `stored != password` where a class of the project
    verifies on `==` (`bcrypt.checkpw(other, self.hash)` in its `__eq__`): that `==` hashes the other
    side and verifies it, so nothing is compared byte by byte. Whether this object is one is for a
    reader (audit mode); where the project has neither, the comparison is reported as it is."""
    verifying = {attribute for _, attribute in ctx.facts_of(VERIFYING_COLUMN, str)}
    classes = ctx.facts_of(VERIFYING_EQUALITY, tuple)
    for _, compared in ctx.facts_of(COMPARED_WITH_ATTRIBUTE, StoredThrough):
        finding = compared.finding
        if compared.attribute and compared.attribute in verifying and not finding.audit:
            finding = finding.for_audit(
                f"a model of the project declares `{compared.attribute}` with a column type that hashes what "
                "it is given and verifies on `==`: check whether this object is one"
            )
        elif classes and not finding.audit:
            path, (name, line) = classes[0]
            finding = finding.for_audit(
                f"`{name}` ({path}:{line}) verifies a password in its `==`: check whether the stored side is one"
            )
        ctx.findings.append(finding)


def _against_stored_hash(sides: Sequence[tuple[ast.expr, L.Value]]) -> bool:
    """`self._password_hash == password`, `sha256(password).hexdigest() == hashed`: a "password" that matches
    a stored hash is itself a digest the caller computed, or the digest is computed here. Whether a client
    can steer its bytes depends on a salt the comparison does not show: for a reader, in audit mode."""
    for (node, _), (_, other_value) in (sides, sides[::-1]):
        words = set(names.words(field_name(node) or ""))
        if (
            words & {"hash", "hashed", "digest"}
            and (L.PASSWORD in other_value or L.FAST_HASH_OF_PASSWORD in other_value)
            and L.REQUEST not in other_value
        ):
            return True
    return False


def _timing_evidence(node: ast.expr, value: L.Value, assigned: dict[str, ast.expr]) -> bool:
    """What makes `==` an attack rather than a style point: a value the client sent (it can be
    retried and timed), a password (compared as is, so stored in clear or with a fast digest), or an
    HMAC (a signature check). Two secrets by name alone are for audit mode, and so is a value read
    from a third-party API's response: the client did not send it, whatever went into the call."""
    if any(lab in value for lab in (L.PASSWORD, L.FAST_HASH_OF_PASSWORD, L.MAC)):
        return True
    return L.REQUEST in value and not from_http_response(node, assigned)


def _supplied(value: L.Value) -> bool:
    """Request data, or a parameter a caller fills: one side of `==` someone else can choose. Two
    values the function reads for itself (`keyring.get_password(...) != settings.WHEEL_PASSWORD`) give
    no one a comparison to time."""
    return L.REQUEST in value or any(
        label.startswith((L.PARAM_PREFIX, L.INIT_PARAM_PREFIX, L.HASHED_PARAM_PREFIX)) for label in value
    )


def _popped_from_session(node: ast.expr, assigned: dict[str, ast.expr], flow: FunctionFlow) -> bool:
    """`expected = request.session.pop("nonce")`: the stored value is gone after one comparison, so an
    attacker gets one try per value and cannot time a second."""
    value = assigned.get(node.id) if isinstance(node, ast.Name) else node
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "pop"
        and is_session(value.func.value, flow)
    )


def _read_from_session(node: ast.expr, assigned: dict[str, ast.expr], flow: FunctionFlow, depth: int = 0) -> bool:
    """`request.session["email_secret"]`, `session.get("api_token")`, or `kept["oauth_token"]` after
    `kept = request.session["oauth"]`: a value read from the session of the client that sends the request."""
    while True:
        if isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {"get", "pop"}:
            node = node.func.value
        elif isinstance(node, ast.Attribute) and not is_session(node, flow):
            node = node.value
        else:
            break
    if is_session(node, flow):
        return True
    return (
        isinstance(node, ast.Name)
        and node.id in assigned
        and depth < 3
        and _read_from_session(assigned[node.id], assigned, flow, depth + 1)
    )


#: Words that name a value the product publishes: its default, a former default, an example.
_PUBLISHED_WORDS = frozenset({"default", "legacy", "example", "sample", "placeholder", "demo"})


def _published_default(node: ast.expr, assigned: dict[str, ast.expr]) -> bool:
    """`LEGACY_DEFAULT_SUPERUSER_PASSWORD.get_secret_value()`, `settings.DEFAULT_ADMIN_PASSWORD`: a constant of
    the code (upper-case) named for the default or example value the product ships, also through a local
    name bound to it once (`legacy = LEGACY_DEFAULT_PASSWORD.get_secret_value()`)."""
    if isinstance(node, ast.Name):
        node = assigned.get(node.id, node)
    for inner in ast.walk(node):
        name = inner.id if isinstance(inner, ast.Name) else inner.attr if isinstance(inner, ast.Attribute) else None
        if name and name.isupper() and _PUBLISHED_WORDS & set(names.words(name)):
            return True
    return False


def _consumes_session_entry(flow: FunctionFlow, line: int) -> bool:
    """`pending = request.session.pop(key)` on a line before the comparison, whatever is compared: every
    call uses up the entry that lets it reach the comparison, so a second guess needs a new one."""
    return any(
        call.method == "pop"
        and call.receiver is not None
        and is_session(call.receiver, flow)
        and call.node.lineno < line
        for call in flow.function.calls
    )


def _sent_as_is(node: ast.expr, value: L.Value, assigned: dict[str, ast.expr], flow: FunctionFlow) -> bool:
    """Request data as the client sent it: not a digest or a MAC made of it, not what the session keeps,
    and not a field of an object the server looked up with it (`user.password` after
    `filter_by(email=form.email.data)`)."""
    if L.REQUEST not in value or any(lab in value for lab in (L.MAC, L.FAST_HASH_OF_PASSWORD, L.PASSWORD_HASH)):
        return False
    read = assigned.get(node.id, node) if isinstance(node, ast.Name) else node
    if any(isinstance(inner, ast.Attribute) and is_session(inner, flow) for inner in ast.walk(read)):
        return False
    if isinstance(node, ast.Attribute):
        path = dotted(node) or ""
        root = path.split(".", 1)[0]
        if root in R.request_parameters(flow.module, flow.function):
            return True  # `data.invitation_link` of a view's body parameter: the client's own field
        return root in {"request", "req", "form", "self"} and path.startswith(
            ("request.", "req.", "form.", "self.request.")
        )
    return isinstance(node, (ast.Name, ast.Call, ast.Subscript))


def _stored_or_derived(value: L.Value) -> bool:
    """A stored field (`user.password`), a digest or a MAC: something the client does not send."""
    return any(lab in value for lab in (L.SECRET, L.FAST_HASH_OF_PASSWORD, L.MAC, L.PASSWORD_HASH))


def _timing_sensitive_side(sides: Sequence[tuple[ast.expr, L.Value]]) -> tuple[ast.expr, L.Value] | None:
    """The side that makes a comparison timing-sensitive, or None.

    - a digest of a password, or an HMAC, on either side;
    - a plaintext password against anything but a user name or a literal;
    - a value named like a secret taken from the request, against another secret.
    A secret-looking name on both sides is not enough on its own: `self.password ==
    other.password` in an `__eq__`, or lexer tokens, are not attacks.
    """
    for node, value in sides:
        if L.FAST_HASH_OF_PASSWORD in value or L.MAC in value:
            return node, value
    for (node, value), (other, other_value) in (sides, sides[::-1]):
        if L.PASSWORD in value and not _is_identity(other) and not _versions_of_one_password(node, other):
            return node, value
        if L.REQUEST in value and _holds_secret(node, value) and _holds_secret(other, other_value):
            return node, value
        if L.REQUEST in value and _secret_field(other):
            # `device.api_key != key`: what the request sent, against the secret a record keeps, however the
            # request's side is named.
            return node, value
    return None


def _names_csrf_token(name: str) -> bool:
    """`csrf_token`, `_xsrf`, `form_token`: the token a form carries against cross-site requests."""
    words = [w.lower() for w in names.words(name)]
    return bool({"csrf", "xsrf"} & set(words)) or words[-2:] == ["form", "token"]


def _secret_field(node: ast.expr) -> bool:
    """`device.api_key`, `client.secret`, `device["api_key"]`: a field of a record, named for a secret (not a
    hash of one)."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        field = node.attr
    elif (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, str)
    ):
        field = node.slice.value
    else:
        return False
    return names.classify(field) is names.NameKind.SECRET and "hash" not in names.words(field)


def _checked_against_configured_secret(
    sides: Sequence[tuple[ast.expr, L.Value]], assigned: dict[str, ast.expr]
) -> tuple[ast.expr, L.Value] | None:
    """`provided != settings.LAB_INTEGRATION_KEY` (also through `expected = settings...`): what the request
    sent, against a secret the configuration holds (a constant-cased setting named for one, or for a key of
    some purpose that is not an index, a cache's or a public one). However the
    request's side is named, the comparison is the credential check."""
    for (node, value), (other, _) in (sides, sides[::-1]):
        if L.REQUEST not in value:
            continue
        held = assigned.get(other.id, other) if isinstance(other, ast.Name) else other
        if _secret_value_of_setting(held):
            return other, value
        name = held_name(held)
        if name is not None and names.is_configured_secret(name):
            return other, value
        if name is not None and name.isupper() and len(names.words(name)) > 1 and _names_credential_key(name):
            # `provided != settings.METRICS_SCRAPE_KEY`: a key the configuration holds, said what it is for,
            # against what the request sent.
            return other, value
    return None


#: Words before `key` that make it no credential: an index, a cache or sort key, a public or object key.
_NOT_CREDENTIAL_KEYS = frozenset(
    {
        "sort",
        "cache",
        "primary",
        "foreign",
        "public",
        "pub",
        "lookup",
        "object",
        "idempotency",
        "partition",
        "group",
        "hot",
        "dict",
        "map",
        "cursor",
        "page",
        "order",
        "file",
        "storage",
        "s3",
        "bucket",
        "setting",
        "settings",
        "translation",
        "message",
        "i18n",
        "natural",
        "unique",
        "composite",
        "row",
        "column",
        "field",
        "attribute",
        "attr",
        "item",
        "entry",
        "label",
        "lang",
        "locale",
        "redis",
        "media",
        "image",
        "asset",
        "upload",
        "blob",
        "state",
        "session",
    }
)


def _key_checked_against_key(
    sides: Sequence[tuple[ast.expr, L.Value]], assigned: dict[str, ast.expr]
) -> tuple[ast.expr, L.Value] | None:
    """`request.GET.get("key") != client.feed_key`, `request.get_header("X-Printer-Key") != expected` with
    `expected = config.get("printers.key")`: a key the client sends, checked against a key the server keeps,
    both named for a key (and not for an index, a cache, a sort or a public key), one of them for what key. The
    comparison is the credential check, however else the two are named."""
    for (node, value), (other, other_value) in (sides, sides[::-1]):
        if L.REQUEST not in value or L.REQUEST in other_value:
            continue
        sent = _held_or_read(assigned.get(node.id, node) if isinstance(node, ast.Name) else node)
        kept = _held_or_read(assigned.get(other.id, other) if isinstance(other, ast.Name) else other)
        if not (sent and kept and _names_credential_key(sent) and _names_credential_key(kept)):
            continue
        if len(names.words(sent)) > 1 or len(names.words(kept)) > 1:  # `key == item.key` says what key it is
            return other, value
    return None


def _held_or_read(node: ast.expr) -> str | None:
    """The name a value is held under (`client.feed_key`), or the field a call reads it from
    (`request.headers.get("X-Api-Key")`, `request.get_header("X-Printer-Key")`)."""
    name = held_name(node)
    if name is None and isinstance(node, ast.Call) and node.args and isinstance(node.func, ast.Attribute):
        name = string(node.args[0]) if node.func.attr.startswith("get") else None
    return name


def _names_credential_key(name: str) -> bool:
    words = [w.lower() for w in names.words(name)]
    return bool(words) and words[-1] == "key" and not _NOT_CREDENTIAL_KEYS & set(words)


def _secret_value_of_setting(node: ast.expr) -> bool:
    """`settings.ops_api_key.get_secret_value()`: what a pydantic `SecretStr` setting holds, a secret by its type."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get_secret_value"
        and not node.args
    )


_VERSION_WORDS = frozenset({"new", "old", "current", "previous", "prev", "original", "orig", "existing", "1", "2"})


def _versions_of_one_password(node: ast.expr, other: ast.expr) -> bool:
    """`new_password == old_password`, `password != password1`, `password == confirm_password`, all local
    names: the caller's own password against its new, old or repeated copy. Both are what the caller
    typed (the old one checked with the hasher first), so timing the comparison tells nothing."""
    if not (isinstance(node, ast.Name) and isinstance(other, ast.Name)):
        return False  # `old_password == user.password`: a stored field is not the caller's copy
    words = [names.words(side.id) for side in (node, other)]
    if not all(names.is_password(side.id) for side in (node, other)) or words[0] == words[1]:
        return False
    qualifiers = [{w for w in ws if not names.is_password(w)} for ws in words]
    return all(q <= _VERSION_WORDS for q in qualifiers) or any(names.is_confirmation("_".join(ws)) for ws in words)


def _is_identity(node: ast.expr) -> bool:
    # `email.lower()`, `user.username.strip()`: a form of the name, as the name itself.
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args and not node.keywords:
        node = node.func.value
    name = field_name(node)
    return bool(name) and names.words(name)[-1] in {"username", "name", "email", "login", "user", "old", "current"}


def _holds_secret(node: ast.expr, value: L.Value) -> bool:
    if any(lab in value for lab in _SECRET_LABELS):
        return True
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) and node.slice.upper is None:
        # `token[7:]` after `token.startswith("Bearer ")`: the rest of a secret past its scheme is the secret.
        base = field_name(node.value)
        return bool(base) and names.classify(base) in (names.NameKind.SECRET, names.NameKind.PASSWORD)
    name = field_name(node)
    return bool(name) and names.classify(name) is names.NameKind.SIGNATURE


def _model_column(node: ast.expr) -> bool:
    """`RemoteAuthToken.auth_token`, `models.ApiKey.key`, `cls.token` in a class method: an attribute of a class,
    i.e. an ORM column."""
    if not isinstance(node, ast.Attribute):
        return False
    base = node.value
    name = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else ""
    if name == "cls":
        return not node.attr.isupper()  # `cls.API_KEY` is a constant the class keeps, not a column
    return name[:1].isupper() and not name.isupper()


def _trivial(node: ast.expr, value: L.Value) -> bool:
    """Comparisons with a literal, `None`, a length or a boolean say nothing secret (a request field read with a
    literal default, `request.GET.get("key", "")`, is what the client sent)."""
    if L.CONST in value and L.REQUEST not in value:
        return True
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"len", "bool", "type", "isinstance", "int"}
    ):
        return True
    name = field_name(node)
    # `settings.DEFAULT_PAGE`: a constant's name; `request.META.get("HTTP_X_PARTNER")` is what the client sent;
    # `settings.METRICS_SCRAPE_KEY` a key the configuration holds.
    return (
        name is not None
        and name.isupper()
        and names.classify(name) is None
        and not (len(names.words(name)) > 1 and _names_credential_key(name))
        and L.REQUEST not in value
    )


def _short(node: ast.expr) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 40 else text[:37] + "..."


def _op(op: ast.cmpop) -> str:
    return "==" if isinstance(op, ast.Eq) else "!="


def _session_store(node: ast.AST, flow: FunctionFlow) -> bool:
    """`request.session[KEY] = value`: the statement writes into the framework's session."""
    return (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Subscript)
        and is_session(node.targets[0].value, flow)
    )


def _fields_of_one_record(left: ast.expr, right: ast.expr) -> bool:
    """`self.initial_data.get("current_password") == self.initial_data.get("new_password")`, `form["a"] ==
    form["b"]`: two fields of one mapping. Whoever filled in one filled in the other: nothing to time."""
    first, second = _field_of(left), _field_of(right)
    return first is not None and second is not None and first[0] == second[0] and first[1] != second[1]


def _field_of(node: ast.expr) -> tuple[str, object] | None:
    """(`mapping`, key) for `mapping["key"]` or `mapping.get("key")` with a constant key."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return ast.unparse(node.value), node.slice.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        return ast.unparse(node.func.value), node.args[0].value
    return None


def _calls_of(module: Module, function: Function) -> list[Call]:
    """The calls of the module that run `function` by its name."""
    return [c for c in module.calls if c.callee and module.local_function(c.callee) is function]


def _kept_in_session(module: Module, function: Function) -> bool:
    """Every call of `function` in its module stores the result in the session or compares it with what
    the session holds (`request.session[KEY] = make_token(user)`, then `if stored == make_token(user):`):
    a digest the server keeps for itself and recomputes. No client sees or supplies it."""
    calls = _calls_of(module, function)
    if not calls:
        return False
    stored = False
    for call in calls:
        owner = call.scope
        statement = _statement_holding(owner.node, call.node)
        caller_flow = flow_of(module, owner)
        if isinstance(statement, ast.Assign) and statement.value is call.node:
            if not _session_store(statement, caller_flow):
                return False
            stored = True
        elif not _compared_with_session(owner.node, call.node, caller_flow):
            return False
    return stored


def _written_into_parameters(module: Module, function: Function) -> bool:
    """Every call of `function` in its module is written into a parameter mapping (`data["sig"] =
    make_sig(data, secret)`), as a signature written there directly is: the format a third-party API
    requires of the caller, for audit mode."""
    calls = _calls_of(module, function)
    for call in calls:
        statement = _statement_holding(call.scope.node, call.node)
        if not (
            isinstance(statement, ast.Assign)
            and statement.value is call.node
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Subscript)
        ):
            return False
    return bool(calls)


def _statement_holding(root: ast.AST, node: ast.AST) -> ast.stmt | None:
    """The innermost statement of `root` that contains `node` (a breadth-first walk meets it last)."""
    holders = [
        stmt
        for stmt in ast.walk(root)
        if isinstance(stmt, ast.stmt) and stmt is not root and any(n is node for n in ast.walk(stmt))
    ]
    return holders[-1] if holders else None


def _compared_with_session(root: ast.AST, call: ast.Call, flow: FunctionFlow) -> bool:
    """`call == request.session.get(KEY)`, or `== stored` where `stored` was read from the session."""
    session_names = {
        target.id
        for node in ast.walk(root)
        if isinstance(node, ast.Assign) and _reads_session(node.value, flow)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(root):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            sides = [node.left, node.comparators[0]]
            if any(side is call for side in sides):
                other = sides[1] if sides[0] is call else sides[0]
                return _reads_session(other, flow) or isinstance(other, ast.Name) and other.id in session_names
    return False


def _reads_session(node: ast.expr, flow: FunctionFlow) -> bool:
    if isinstance(node, ast.Subscript):
        return is_session(node.value, flow)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"get", "pop"}
        and is_session(node.func.value, flow)
    )


def _names_a_secret(node: ast.AST) -> bool:
    """`md5(_link_secret() + rid)`, `md5(SIGNING_KEY + body)`: a name or a call named for a secret among the parts."""
    for part in ast.walk(node):
        target = part.func if isinstance(part, ast.Call) else part
        name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else ""
        if name and names.classify(name) is names.NameKind.SECRET:
            return True
    return False


def _checksum_named(name: str) -> bool:
    # (An ETag is a version of the content the server hands every client that reads it.)
    return names.words(name)[-1:] in (("checksum",), ("integrity",), ("etag",))


def _weak_hash_uses(ctx: FileContext, flow: FunctionFlow) -> None:
    _weak_digests_stored_as_passwords(ctx, flow)
    for use in security_uses(flow):
        if L.WEAK_HASH not in use.value or any(p in use.value for p in S.PREDICTABLE):
            continue  # a predictable input is the bigger problem, and RND004 reports it
        if use.kind is names.NameKind.PASSWORD:
            continue  # a fast hash of a password is PWD002
        outcome = Outcome(L.WEAK_HASH, PWD005, "{source} is {sink}: MD5/SHA-1 can be forged; use SHA-256 or `secrets`")
        before = len(ctx.findings)
        ctx.report_flow(use.node, use.value, [outcome], scope=flow.function, sink_note=use.description)
        if _session_store(use.node, flow) or (
            isinstance(use.node, ast.Return) and _kept_in_session(flow.module, flow.function)
        ):
            # The session is the server's own store: no client writes a digest into it, so nobody can
            # bring a colliding one. Whether the value also reaches a client is for a reader.
            ctx.findings[before:] = [replace(f, audit=True) for f in ctx.findings[before:]]
    for store in flow.stores:
        if store.name and names.classify(store.name) is names.NameKind.SIGNATURE and L.WEAK_HASH in store.value:
            # A "checksum" names content addresses and dedupe keys as often as integrity checks, and a
            # signature written into a parameter mapping (`params["sig"] = md5(...)`) is the format a
            # third-party API requires of the caller: both are for audit mode.
            # A digest only sent in a request to another service is in the format that service demands.
            sent = _weak_digest_only_sent(flow, store.stmt)
            audit = _checksum_named(store.name) or store.kind == "item" or sent
            before = len(ctx.findings)
            ctx.report_flow(
                store.stmt,
                store.value,
                [
                    Outcome(
                        L.WEAK_HASH,
                        PWD005,
                        "{source} is {sink}: MD5/SHA-1 can be forged; use SHA-256 or HMAC-SHA256"
                        + ("; it is only sent in a request to another service, whose scheme it may be" if sent else ""),
                        Confidence.MEDIUM if audit else None,
                    )
                ],
                scope=flow.function,
                sink_note=f"assigned to `{store.name}`",
            )
            if audit:
                ctx.findings[before:] = [replace(f, audit=True) for f in ctx.findings[before:]]
    # `def vk_signature(payload)`, and `def sign_receipt(rid)`: a function named for the signature it makes.
    signs = names.words(flow.function.name)[:1] == ("sign",) and names.words(flow.function.name)[1:2] not in (
        ("in",),
        ("up",),
        ("out",),
        ("on",),
    )  # (`sign_in_url`, `sign_up`: the phrase, not the verb)
    if names.classify(flow.function.name) is names.NameKind.SIGNATURE or signs:
        for ret in flow.returns:
            if L.WEAK_HASH in ret.value:
                before = len(ctx.findings)
                ctx.report_flow(
                    ret.node,
                    ret.value,
                    [Outcome(L.WEAK_HASH, PWD005, "{source} is {sink}: MD5/SHA-1 can be forged; use HMAC-SHA256")],
                    scope=flow.function,
                    sink_note=f"returned by `{flow.function.name}()`",
                )
                # `def vk_sig(payload): return md5(payload)`: no key of its own; the caller appends one, in
                # the scheme of the service it signs for, or none: for a reader.
                keyless = L.SECRET not in ret.value and not _names_a_secret(ret.node) and bool(flow.function.params)
                if (
                    _checksum_named(flow.function.name)
                    or _kept_in_session(flow.module, flow.function)
                    or keyless
                    or _written_into_parameters(flow.module, flow.function)
                ):
                    ctx.findings[before:] = [replace(f, audit=True) for f in ctx.findings[before:]]


def _weak_digest_only_sent(flow: FunctionFlow, stmt: ast.AST) -> bool:
    """`signature = md5(f"api_key{key}...{secret}").hexdigest()` and then only `get_json("https://...",
    data={"api_sig": signature})`: the signature scheme of the API the code calls, not one it chose."""
    module, function = flow.module, flow.function
    value = getattr(stmt, "value", None)
    calls = [
        node
        for node in (ast.walk(value) if value is not None else ())
        if isinstance(node, ast.Call) and module.qualified_name(node.func, function) in S.WEAK_HASHES
    ]
    return bool(calls) and all(_only_sent(module, function, call) for call in calls)


#: A hashing cost given as a name imported from another module of the project, as `ImportedCost`.
IMPORTED_COST = "pwd-cost-imported"
#: An integer constant at the top of a module named for a hashing cost (`BCRYPT_ROUNDS = 10`): (qualified, value,
#: line).
COST_CONSTANT = "pwd-cost-constant"
_COST_WORDS = frozenset({"rounds", "round", "cost", "iterations", "work", "factor", "log"})


@dataclass(frozen=True)
class ImportedCost:
    finding: Finding  # reported at the cost argument, message to be completed
    qualified: str
    minimum: int
    unit: str


@check(PWD003)
def cost_constants(ctx: FileContext) -> None:
    """Hand on the integer constants that could be a hashing cost another module uses."""
    module = ctx.module
    for name, values in module.assignments.items():
        if len(values) != 1 or not _COST_WORDS & set(names.words(name)) or not module.module_name:
            continue
        value = module.constant(values[0])
        if type(value) is int:
            ctx.fact(COST_CONSTANT, (f"{module.module_name}.{name}", value, values[0].lineno))


@check(PWD003, stage="project")
def imported_costs(ctx: ProjectContext) -> None:
    costs = ctx.facts_of(IMPORTED_COST, ImportedCost)
    if not costs:
        return
    constants = {
        qualified: (path, value, line) for path, (qualified, value, line) in ctx.facts_of(COST_CONSTANT, tuple)
    }
    for _, cost in costs:
        found = constants.get(cost.qualified)
        if found is None or found[1] >= cost.minimum:
            continue
        path, value, line = found
        message = f"bcrypt cost of {value} {cost.unit} (use {cost.minimum} or more), set in {path}:{line}"
        ctx.findings.append(replace(cost.finding, message=message))


@check(PWD003)
def bcrypt_cost_settings(ctx: FileContext) -> None:
    """Flask-Bcrypt's `BCRYPT_LOG_ROUNDS = 10` and Flask-Security's `SECURITY_PASSWORD_HASH_OPTIONS =
    {"bcrypt": {"rounds": 10}}` (or `SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS = {"bcrypt__rounds": 10}`) in a
    settings module or config class that is not a test or development one (tests lower the cost on purpose,
    to run fast)."""
    module = ctx.module
    source = module.source
    if "BCRYPT_LOG_ROUNDS" not in source and "SECURITY_PASSWORD_HASH_" not in source:
        return
    if file_environment(module.path) == "dev":
        return
    bodies = [module.tree.body] + [
        stmt.body
        for stmt in module.tree.body
        if isinstance(stmt, ast.ClassDef) and environment_of_name(stmt.name) != "dev"
    ]
    # A constant the module reads itself (`bcrypt.gensalt(BCRYPT_LOG_ROUNDS)`) is judged where it is read.
    read = {n.id for n in module.nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    for stmt in (s for body in bodies for s in body):
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
            continue
        name, value = stmt.targets[0].id, stmt.value
        if name in read:
            continue
        rounds: ast.expr | None = None
        if name == "BCRYPT_LOG_ROUNDS":
            rounds = value
        elif name == "SECURITY_PASSWORD_HASH_OPTIONS" and isinstance(value, ast.Dict):
            options = next(
                (v for k, v in zip(value.keys, value.values) if k is not None and literal_value(k) == "bcrypt"), None
            )
            if isinstance(options, ast.Dict):
                rounds = next(
                    (v for k, v in zip(options.keys, options.values) if k is not None and literal_value(k) == "rounds"),
                    None,
                )
        elif name == "SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS" and isinstance(value, ast.Dict):
            # The passlib context's own keywords: `{"bcrypt__rounds": 10}`.
            rounds = next(
                (
                    v
                    for k, v in zip(value.keys, value.values)
                    if k is not None and literal_value(k) in ("bcrypt__rounds", "bcrypt__default_rounds")
                ),
                None,
            )
        cost = literal_value(rounds) if rounds is not None else None
        if rounds is not None and isinstance(cost, int) and not isinstance(cost, bool) and cost < 12:
            ctx.report(PWD003, rounds, f"{name}: bcrypt cost of {cost} rounds (use 12 or more)")


@check(PWD003)
def weak_hash_parameters(ctx: FileContext) -> None:
    module = ctx.module
    for call in module.calls_to("bcrypt.gensalt"):
        rounds = _number(module, call, 0, "rounds")
        if rounds is not None and rounds < 12:
            ctx.report(PWD003, call.node, f"bcrypt cost of {rounds} rounds (use 12 or more)", scope=call.scope)
        given = call.arg(0, "rounds")
        qualified = module.qualified_name(given, call.scope) if isinstance(given, (ast.Name, ast.Attribute)) else None
        if rounds is None and qualified and qualified.split(".", 1)[0] in module.project_roots:
            # `bcrypt.gensalt(rounds=BCRYPT_ROUNDS)` with `from app.config import BCRYPT_ROUNDS`: the project stage
            # reads what that module binds it to.
            before = len(ctx.findings)
            ctx.report(PWD003, call.node, "bcrypt cost", scope=call.scope, at=given)
            for finding in ctx.findings[before:]:
                ctx.fact(IMPORTED_COST, ImportedCost(finding, qualified, 12, "rounds"))
            del ctx.findings[before:]
    for call in module.calls_to("pwdlib.hashers.bcrypt.BcryptHasher", "pwdlib.hashers.BcryptHasher"):
        # pwdlib (fastapi-users' hasher): `BcryptHasher(rounds=10)`.
        rounds = _number(module, call, 0, "rounds")
        if rounds is not None and rounds < 12:
            ctx.report(PWD003, call.node, f"pwdlib bcrypt cost of {rounds} rounds (use 12 or more)", scope=call.scope)
    for call in module.calls_to("hashlib.pbkdf2_hmac"):
        digest = call.literal(0, "hash_name")
        iterations = _number(module, call, 3, "iterations")
        steps: tuple[FlowStep, ...] = ()
        given = call.arg(3, "iterations")
        if iterations is None and given is not None:
            traced = _traced_number(module, call.scope, given)
            if traced is not None:
                iterations, steps = traced
        minimum = _PBKDF2_MINIMUM.get(str(digest).lower().replace("-", ""), 600_000)
        if iterations is not None and iterations < minimum:
            message = f"PBKDF2-{str(digest).upper()} with {iterations:,} iterations (use {minimum:,} or more)"
            sent = _only_sent(module, call.scope, call.node)
            if sent:
                message += (
                    f"; the result is only sent in a request to a remote service (`{sent}`), whose login "
                    "format it may be"
                )
            ctx.report(
                PWD003,
                call.node,
                message,
                scope=call.scope,
                flow=(*steps, FlowStep(ctx.location(call.node), "the PBKDF2 call")) if steps else (),
                audit=bool(sent) or not _hashes_password(module, call, 1, "password"),
            )
    for call in module.calls_to("cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC"):
        iterations = _number(module, call, 3, "iterations")
        algorithm = call.arg(0, "algorithm")
        digest = (
            algorithm.func.attr
            if isinstance(algorithm, ast.Call) and isinstance(algorithm.func, ast.Attribute)
            else "sha256"
        )
        minimum = _PBKDF2_MINIMUM.get(digest.lower(), 600_000)
        if iterations is not None and iterations < minimum:
            ctx.report(
                PWD003,
                call.node,
                f"PBKDF2HMAC with {iterations:,} iterations (use {minimum:,} or more)",
                scope=call.scope,
            )
    for call in module.calls_to("hashlib.scrypt"):
        n, r, p = (_number(module, call, None, k) for k in ("n", "r", "p"))
        if n is not None and n * (r or 8) * (p or 1) < 2**17 * 8:
            ctx.report(
                PWD003,
                call.node,
                f"scrypt with N={n} (use N=2**17, r=8, p=1 or stronger)",
                scope=call.scope,
                audit=not _hashes_password(module, call, 0, "password"),
            )
    for call in module.calls_to("argon2.PasswordHasher"):
        memory = _number(module, call, 1, "memory_cost")
        time_cost = _number(module, call, 0, "time_cost")
        if memory is None and time_cost is None:
            continue
        m, t = memory or 65536, time_cost or 3
        if m < 7168 or m * t < 35840:
            ctx.report(
                PWD003,
                call.node,
                f"Argon2 with memory_cost={m} KiB, time_cost={t} (use at least 19456 KiB with time_cost=2)",
                scope=call.scope,
            )
    for call in module.calls_with_method("using"):
        receiver = module.qualified_name(call.receiver, call.scope) if call.receiver is not None else None
        if receiver and receiver.startswith("passlib.hash."):
            _passlib_rounds(ctx, module, call, receiver.rsplit(".", 1)[1], "rounds")
    for call in module.calls_to("passlib.context.CryptContext"):
        for kw in call.node.keywords:
            if kw.arg and kw.arg.endswith(("__rounds", "__default_rounds", "__min_rounds")):
                _passlib_rounds(ctx, module, call, kw.arg.split("__", 1)[0], kw.arg)
        schemes = call.literal(None, "schemes")
        if isinstance(schemes, (list, tuple)) and schemes and schemes[0] in _WEAK_PASSLIB_SCHEMES:
            ctx.report(
                PWD003,
                call.node,
                f"CryptContext hashes new passwords with {schemes[0]!r}, a fast or "
                "obsolete scheme: list argon2 or bcrypt first",
                scope=call.scope,
            )
    for call in module.calls_to("werkzeug.security.generate_password_hash"):
        method = call.literal(1, "method")
        if isinstance(method, str):
            weakness = _werkzeug_weakness(method)
            if weakness:
                ctx.report(PWD003, call.node, weakness, scope=call.scope)
        elif (key := _config_key(module, call, call.arg(1, "method"))) is not None:
            # `method=current_app.config["PASSWORD_HASH_METHOD"]`: the app's setting, known at the project stage.
            ctx.fact(HASH_METHOD_READ, HashMethodRead(key, module.path, call.node.lineno))
    _hash_method_settings(ctx, module)
    _django_hashers(ctx, module)


def _hashes_password(module: Module, call: Call, index: int, keyword: str) -> bool:
    """The input of a key-derivation call is a password, by its name or by the data flow. A cheap cost
    on a random token or API key (hashed fast on purpose, to look it up) is for audit mode."""
    node = call.arg(index, keyword)
    if node is None:
        return False
    if any(
        names.is_password(n.id if isinstance(n, ast.Name) else n.attr)
        for n in ast.walk(node)
        if isinstance(n, (ast.Name, ast.Attribute))
    ):
        return True
    if call.scope is None:
        return False
    event = next((e for e in flow_of(module, call.scope).calls if e.node is call.node), None)
    if event is not None and L.PASSWORD in event.value_of(index, keyword):
        return True
    # `def _derive(raw, salt, n)` used by the module's `hash_password()` / `make_password()`: its input is
    # the password those are named for.
    return not call.scope.is_module and any(
        module.local_function(c.callee) is call.scope and _PASSWORD_NOUNS & set(names.words(c.scope.name))
        for c in module.calls
        if c.scope is not None and not c.scope.is_module
    )


_PASSWORD_NOUNS = frozenset({"password", "passwd", "pwd", "passphrase"})
#: What a hashing function is given besides the password.
_HASH_INPUT_WORDS = frozenset({"salt", "pepper", "rounds", "iterations", "cost", "algorithm", "prefix", "self", "cls"})


_WEAK_PASSLIB_SCHEMES = frozenset(
    {
        "md5_crypt",
        "apr_md5_crypt",
        "des_crypt",
        "bsdi_crypt",
        "bigcrypt",
        "crypt16",
        "ldap_md5",
        "ldap_sha1",
        "ldap_salted_md5",
        "ldap_salted_sha1",
        "hex_md5",
        "hex_sha1",
        "hex_sha256",
        "hex_sha512",
        "plaintext",
        "ldap_plaintext",
        "mysql323",
        "mysql41",
        "postgres_md5",
        "oracle10",
        "oracle11",
        "lmhash",
        "nthash",
        "msdcc",
        "msdcc2",
        "cisco_type7",
        "cisco_pix",
        "cisco_asa",
        "django_salted_md5",
        "django_salted_sha1",
        "django_disabled",
        "unix_disabled",
    }
)
_PBKDF2_MINIMUM = {"sha1": 1_300_000, "sha256": 600_000, "sha512": 210_000}
_PASSLIB_MINIMUM = {
    "bcrypt": 12,
    "bcrypt_sha256": 12,
    "pbkdf2_sha256": 600_000,
    "pbkdf2_sha1": 1_300_000,
    "pbkdf2_sha512": 210_000,
    "sha256_crypt": 535_000,
    "sha512_crypt": 656_000,
}


def _passlib_rounds(ctx: FileContext, module: Module, call: Call, scheme: str, keyword: str) -> None:
    rounds = _number(module, call, None, keyword)
    minimum = _PASSLIB_MINIMUM.get(scheme)
    if rounds is not None and minimum is not None and rounds < minimum:
        ctx.report(
            PWD003, call.node, f"passlib {scheme} with {rounds:,} rounds (use {minimum:,} or more)", scope=call.scope
        )


def _werkzeug_weakness(method: str) -> str | None:
    """What is weak about a Werkzeug `generate_password_hash` method string, or None."""
    parts = method.split(":")
    if parts[0] in {"pbkdf2"} and len(parts) == 3 and parts[2].isdigit():
        minimum = _PBKDF2_MINIMUM.get(parts[1], 600_000)
        if int(parts[2]) < minimum:
            return f"Werkzeug {method} (use {minimum:,} or more iterations)"
    elif parts[0] not in {"pbkdf2", "scrypt"}:
        return f"Werkzeug method {method!r} is a fast or obsolete hash"
    return None


#: `generate_password_hash(pw, method=app.config["PASSWORD_HASH_METHOD"])`, as a `HashMethodRead`; and the
#: settings that give such a key a weak method string (`PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"`), as a
#: `HashMethodSetting`.
HASH_METHOD_READ = "pwd-hash-method-read"
HASH_METHOD_SETTING = "pwd-hash-method-setting"


@dataclass(frozen=True)
class HashMethodRead:
    key: str
    path: str
    line: int


@dataclass(frozen=True)
class HashMethodSetting:
    key: str
    line: int
    weakness: str


def _config_key(module: Module, call: Call, node: ast.expr | None) -> str | None:
    """`app.config["KEY"]` or `current_app.config.get("KEY")`, written in the call or held in a name: KEY."""
    if isinstance(node, ast.Name) and call.scope is not None:
        bound = module.bound_value(node.id, call.scope)
        node = bound[0] if bound is not None else None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "config":
        key = literal_value(node.slice)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "config"
        and node.args
    ):
        key = literal_value(node.args[0])
    else:
        return None
    return key if isinstance(key, str) else None


def _hash_method_settings(ctx: FileContext, module: Module) -> None:
    """Settings (at the top of the module, or in a config class not named for tests or development) whose value
    is a weak Werkzeug method string."""
    if "pbkdf2:" not in module.source and "md5" not in module.source and "sha1" not in module.source:
        return
    bodies = [("", module.tree.body)] + [(c.name, c.body) for c in module.tree.body if isinstance(c, ast.ClassDef)]
    for owner, body in bodies:
        if DEV_WORDS & {w.lower() for w in names.words(owner)}:
            continue
        for stmt in body:
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
                continue
            value = literal_value(stmt.value)
            weakness = _werkzeug_weakness(value) if isinstance(value, str) and ":" in value else None
            if weakness:
                ctx.fact(HASH_METHOD_SETTING, HashMethodSetting(stmt.targets[0].id, stmt.lineno, weakness))


@check(PWD003, stage="project")
def hash_methods_from_settings(ctx: ProjectContext) -> None:
    """`generate_password_hash(pw, method=app.config["PASSWORD_HASH_METHOD"])` where the app's settings give
    that key a weak method: reported at the setting, which is what to change."""
    reads = ctx.facts_of(HASH_METHOD_READ, HashMethodRead)
    if not reads:
        return
    settings = ctx.facts_of(HASH_METHOD_SETTING, HashMethodSetting)
    for _, read in reads:
        for path, setting in settings:
            if setting.key != read.key:
                continue
            ctx.report(
                PWD003,
                Location(path, setting.line),
                f"{setting.weakness}: `{read.key}` is the method passwords are hashed with ({read.path}:{read.line})",
                snippet=source_line(ctx, path, setting.line),
                flow=(FlowStep(Location(read.path, read.line), f"hashed with the app's `{read.key}`"),),
            )


_WEAK_DJANGO_HASHERS = (
    "MD5PasswordHasher",
    "SHA1PasswordHasher",
    "UnsaltedMD5PasswordHasher",
    "UnsaltedSHA1PasswordHasher",
    "CryptPasswordHasher",
)


#: Django's hashers whose work factor a subclass sets as a class attribute: (attribute, the least that is
#: strong). Argon2's memory is in KiB, scrypt's work factor is N.
_DJANGO_WORK_FACTORS = {
    "PBKDF2PasswordHasher": ("iterations", 600_000),
    "PBKDF2SHA1PasswordHasher": ("iterations", 1_300_000),
    "BCryptSHA256PasswordHasher": ("rounds", 12),
    "BCryptPasswordHasher": ("rounds", 12),
    "ScryptPasswordHasher": ("work_factor", 2**17),
    "Argon2PasswordHasher": ("memory_cost", 19_456),
}
#: A subclass of a Django hasher with a weak work factor: the class's qualified name and the finding, which
#: the project stage keeps in default mode when a settings module lists the class first.
WEAK_DJANGO_HASHER = "pwd-weak-django-hasher"
#: The hasher a (non-test) settings module lists first in PASSWORD_HASHERS, and every one it lists.
DJANGO_HASHERS_LISTED = "pwd-django-hashers-listed"


@dataclass(frozen=True)
class WeakHasher:
    hasher: str
    finding: Finding


@dataclass(frozen=True)
class ListedHashers:
    hashers: tuple[str, ...]
    path: str


def _weak_hasher_classes(ctx: FileContext, module: Module) -> None:
    """`class FastHasher(PBKDF2PasswordHasher): iterations = 1000`: a Django hasher with its work factor
    lowered. Whether it hashes the site's passwords is known where PASSWORD_HASHERS lists it."""
    for cls in module.classes.values():
        for base in cls.bases:
            if not base.startswith("django.contrib.auth.hashers."):
                continue
            known = _DJANGO_WORK_FACTORS.get(base.rsplit(".", 1)[-1])
            value = cls.attributes.get(known[0]) if known else None
            number = module.constant(value) if value is not None else None
            if known is None or value is None or not isinstance(number, int) or number >= known[1]:
                continue
            attribute, minimum = known
            before = len(ctx.findings)
            ctx.report(
                PWD003,
                value,
                f"`{cls.name}` lowers Django's {base.rsplit('.', 1)[-1]} to {attribute} = {number:,} "
                f"(use {attribute} = {minimum:,} or more)",
            )
            for finding in ctx.findings[before:]:
                ctx.fact(WEAK_DJANGO_HASHER, WeakHasher(f"{module.module_name}.{cls.qualname}", finding))
            del ctx.findings[before:]


@check(PWD003, stage="project")
def weak_django_hashers(ctx: ProjectContext) -> None:
    """A weak hasher subclass that a settings module lists first hashes every new password: default mode.
    Listed after the first, it only checks old hashes; listed nowhere (or only in test settings), it is for
    a reader."""
    weak = ctx.facts_of(WEAK_DJANGO_HASHER, WeakHasher)
    if not weak:
        return
    listed = [entry for _, entry in ctx.facts_of(DJANGO_HASHERS_LISTED, ListedHashers)]
    for _, entry in weak:
        first = next((e.path for e in listed if e.hashers[:1] == (entry.hasher,)), None)
        if first is not None:
            ctx.findings.append(
                replace(entry.finding, message=entry.finding.message + f"; PASSWORD_HASHERS in {first} lists it first")
            )
        elif any(entry.hasher in e.hashers for e in listed):
            ctx.findings.append(
                entry.finding.for_audit("PASSWORD_HASHERS lists it after another: it checks old hashes")
            )
        else:
            ctx.findings.append(entry.finding.for_audit("no settings module lists it in PASSWORD_HASHERS"))


def _django_hashers(ctx: FileContext, module: Module) -> None:
    _weak_hasher_classes(ctx, module)
    values = module.assignments.get("PASSWORD_HASHERS")
    if not values or _is_test_settings(module.path):
        return
    node = values[-1]
    hashers = literal_value(node)
    if isinstance(hashers, (list, tuple)) and all(isinstance(h, str) for h in hashers):
        ctx.fact(DJANGO_HASHERS_LISTED, ListedHashers(tuple(str(h) for h in hashers), module.path))
    if (
        isinstance(hashers, (list, tuple))
        and hashers
        and isinstance(hashers[0], str)
        and hashers[0].rsplit(".", 1)[-1] in _WEAK_DJANGO_HASHERS
    ):
        first = node.elts[0] if isinstance(node, (ast.List, ast.Tuple)) else node
        ctx.report(
            PWD003,
            first,
            f"PASSWORD_HASHERS starts with {hashers[0].rsplit('.', 1)[-1]}: new passwords are stored with a fast hash",
        )


def _is_test_settings(path: str) -> bool:
    """Test settings often pick MD5 on purpose, to keep test suites fast."""
    stem = path.rsplit("/", 1)[-1].lower()
    return "test" in stem


def _traced_number(
    module: Module, scope: Function, node: ast.expr, depth: int = 0, local: bool = True
) -> tuple[int, tuple[FlowStep, ...]] | None:
    """The smallest whole number `node` can hold, followed through the module: a literal, a module constant, a
    local `n = n or ITERATIONS`, a parameter's default, and what the module's own calls of the function pass
    for it (`hash_password(raw, iterations=ITERATIONS)` -> `_derive(raw, salt, iterations)`). With where it
    was written."""
    value = literal_value(node)
    if isinstance(value, int) and not isinstance(value, bool):
        return value, ()
    if depth > 3:
        return None
    found: list[tuple[int, tuple[FlowStep, ...]]] = []
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        found = [t for part in node.values if (t := _traced_number(module, scope, part, depth + 1, local))]
    elif isinstance(node, ast.Name):
        name = node.id
        assigned = [
            n.value
            for n in ast.walk(scope.node)
            if local
            and not scope.is_module
            and isinstance(n, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)
        ]
        if len(assigned) == 1:
            # `iterations = iterations or ITERATIONS`: the parameter it names is read as it came in.
            traced = _traced_number(module, scope, assigned[0], depth + 1, local=False)
            return traced
        if name in scope.params:
            found = _parameter_numbers(module, scope, name, depth)
        elif not assigned:
            constant = module.assignments.get(name) or []
            value = literal_value(constant[0]) if len(constant) == 1 else None
            if isinstance(value, int) and not isinstance(value, bool):
                step = FlowStep(Location(module.path, constant[0].lineno), f"`{name}` = {value:,}")
                return value, (step,)
    return min(found, key=lambda pair: pair[0]) if found else None


def _parameter_numbers(
    module: Module, function: Function, name: str, depth: int
) -> list[tuple[int, tuple[FlowStep, ...]]]:
    """The numbers parameter `name` of `function` is given: its default, and each call in the module."""
    found = []
    node = function.node
    default = (
        parameter_defaults(node.args).get(name) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
    )
    if default is not None and (traced := _traced_number(module, function, default, depth + 1, local=False)):
        found.append(traced)
    index = function.params.index(name)
    for call in module.calls:
        if module.local_function(call.callee) is not function:
            continue
        if _test_vector_call(call):
            continue  # `pbkdf2("password", b"ATHENA.MIT.EDUraeburn", 1200, 32)` in a self-test: a known answer
        given = call.arg(index - (1 if function.class_name and function.params[:1] == ["self"] else 0), name)
        if given is not None and (traced := _traced_number(module, call.scope, given, depth + 1)):
            found.append(traced)
    return found


def _test_vector_call(call: Call) -> bool:
    """A call made by a test (`def test_...`, a module's self-test) or with a literal text or bytes argument,
    as known-answer tests pass a password and salt: the count it gives is the test's, not the app's."""
    scope = call.scope
    in_test = scope is not None and not scope.is_module and scope.name.lstrip("_").startswith("test")
    return in_test or any(isinstance(a, ast.Constant) and isinstance(a.value, (str, bytes)) for a in call.node.args)


def _number(module: Module, call: Call, index: int | None, keyword: str) -> int | None:
    node = call.arg(index, keyword)
    if node is None:
        return None
    value = literal_value(node)
    if value is None and isinstance(node, ast.Name):
        assigned = module.assignments.get(node.id)
        if assigned and len(assigned) == 1:
            value = literal_value(assigned[0])
    if value is None and isinstance(node, ast.Attribute):
        value = _class_constant(module, call.scope, node)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _class_constant(module: Module, scope: Function, node: ast.Attribute) -> object:
    """`self.iterations` in a method, with `iterations = 150_000` in the class body and never set on an object of
    it: that literal."""
    if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls") and scope.class_name):
        return None
    cls = module.classes.get(scope.qualname.rsplit(".", 1)[0])
    bound = cls.attributes.get(node.attr) if cls is not None else None
    if cls is None or bound is None:
        return None
    if any(
        isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and n.attr == node.attr
        for n in ast.walk(cls.node)
    ):
        return None  # `self.iterations = iterations` somewhere: the class body's value is only a default
    return literal_value(bound)
