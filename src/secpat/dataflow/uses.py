"""Security uses: the places in a function where a value must be unguessable.

A value is put to a security use when it is
- assigned to a name, attribute or dict key that promises a secret
  (`reset_token = ...`, `user.api_key = ...`, `{"otp": ...}`), or written into a link as what fills
  its reset / login / invite path or a query parameter named so (`"/confirm?token=" + code`),
- passed as a keyword argument with such a name (`send_code(code=...)`),
- written by SQL into a column with such a name (`UPDATE users SET reset_code = ?`), or kept in a cache
  under a key that names a login or a one-time code (`cache.set(f"reset:{email}", code)`),
- set as a cookie or stored in the session,
- or returned from a function whose name promises one (`generate_token()`), or by a method that hands out
  what its class is named for making (`ResetCodeFactory.issue()`), also inside a record of the module's own
  classes (`return IssuedKey(plaintext=key)`).
A record's `key` attribute is one only on an object of a class named for API access (`ApiClient`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow.flow import CallEvent, FunctionFlow, StoreEvent, call_name, credential_arguments, dotted
from secpat.dataflow.raises import HTTP_CLIENTS
from secpat.frameworks import known

if TYPE_CHECKING:
    from secpat.model.module import Function

COOKIE_METHODS = frozenset({"set_cookie", "set_signed_cookie"})
SESSION_NAMES = frozenset({"session", "flask.session", "request.session", "self.request.session", "req.session"})


@dataclass(frozen=True, slots=True)
class SecurityUse:
    node: ast.AST  # where to report
    value: L.Value
    description: str  # "stored as `reset_token`", "set as cookie `sid`"
    kind: names.NameKind | None  # what the name promises; None for cookies and session values
    via_name: bool  # True when only a name says it is a security value
    name: str | None = None  # the name, key or keyword the value is stored under


def security_uses(flow: FunctionFlow) -> Iterator[SecurityUse]:
    for store in flow.stores:
        if store.kind == "item" and is_session(store.base, flow):
            key = f"[{store.name!r}]" if store.name else "[...]"
            yield SecurityUse(
                store.stmt,
                store.value,
                f"stored in the session{key}",
                names.classify(store.name or ""),
                via_name=False,
                name=store.name,
            )
            continue
        if store.kind == "item" and store.base is not None and _session_like(store.base, flow):
            key = f"[{store.name!r}]" if store.name else "[...]"
            yield SecurityUse(
                store.stmt,
                store.value,
                f"stored in `{dotted(store.base)}{key}`, which keeps logins",
                names.classify(store.name or ""),
                via_name=False,
                name=store.name,
            )
            continue
        if store.kind == "item" and store.base is not None and _is_cookie_jar(store.base):
            yield SecurityUse(
                store.stmt, store.value, f"set as cookie {store.name!r}", None, via_name=False, name=store.name
            )
            continue
        if store.kind == "item" and _is_set_cookie_header(store.base, store.name):
            # `resp.headers["Set-Cookie"] = "SID=%s; Path=/" % token`: a cookie written by hand.
            yield SecurityUse(store.stmt, store.value, "set in a Set-Cookie header", None, via_name=False)
            continue
        if store.name:
            kind = names.classify(store.name)
            if kind is None and _random_key(store.name, store.value, store.kind):
                kind = names.NameKind.SECRET
            if kind is None and _credential_record_key(store, flow):
                kind = names.NameKind.SECRET
            if kind in (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.SHORT_CODE):
                where = {
                    "name": "assigned to",
                    "attr": "stored as attribute",
                    "item": "stored under key",
                    "key": "put under key",
                    "query": "written into a link as its query parameter",
                }[store.kind]
                yield SecurityUse(
                    store.stmt, store.value, f"{where} `{store.name}`", kind, via_name=True, name=store.name
                )
    for event in flow.calls:
        func = event.node.func
        method = func.attr if isinstance(func, ast.Attribute) else None
        if method in COOKIE_METHODS:
            value = event.value_of(1, "value")
            first = event.node.args[0] if event.node.args else None
            cookie = first.value if isinstance(first, ast.Constant) else None
            yield SecurityUse(
                event.node,
                value,
                f"set as cookie {cookie!r}" if cookie else "set as a cookie",
                names.classify(cookie) if isinstance(cookie, str) else None,
                via_name=False,
            )
        kept = _kept_in_cache(event)
        if kept is not None:
            key, value, kind = kept
            yield SecurityUse(event.node, value, f"kept in a cache under `{key}`", kind, via_name=True, name=key)
        for column, value in bound_columns(flow, event):
            kind = names.classify(column)
            if kind in (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.SHORT_CODE):
                yield SecurityUse(event.node, value, f"written to column `{column}`", kind, via_name=True, name=column)
        for keyword, value in event.keywords.items():
            kind = names.classify(keyword) if keyword != "**" else None
            named = keyword
            if kind is None and keyword != "**":
                # `create_invite(code=code)`, `url_for("shows.accept_invite", code=code)`: a keyword whose name
                # says little, named by what the call makes or links to (an invite's code).
                named = f"{_made_or_linked(event.node)}_{keyword}"
                kind = names.classify(named)
            if kind in (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.SHORT_CODE):
                to = f" to `{call_name(func)}()`" if named != keyword else ""
                yield SecurityUse(event.node, value, f"passed as `{keyword}=`{to}", kind, via_name=True, name=named)
        for index, named in credential_arguments(event.node):
            yield SecurityUse(
                event.node,
                event.args[index] if index < len(event.args) else {},
                f"passed as the {named.replace('_', ' ')} to `{call_name(func)}()`",
                names.classify(named),
                via_name=True,
                name=named,
            )
        setter = _password_setter(func)
        if setter and event.args and not event.keywords:
            # `user.set_password(pw)`, `set_password(user, pw)`: the last value given is the new password.
            yield SecurityUse(
                event.node,
                event.args[-1],
                f"set as the password by `{setter}()`",
                names.NameKind.PASSWORD,
                via_name=True,
                name="password",
            )
    if not flow.function.is_module:
        name = flow.function.name
        kind = names.function_returns_secret(name) or made_by_its_class(flow.function)
        if kind in (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.SHORT_CODE):
            for ret in flow.returns:
                yield SecurityUse(ret.node, ret.value, f"returned by `{name}()`", kind, via_name=True, name=name)
            # `return IssuedKey(key_id=..., plaintext=plaintext)`: a record of the module's own classes that
            # carries what the function makes.
            returned = {id(getattr(ret.node, "value", None)): ret.node for ret in flow.returns}
            for event in flow.calls:
                func = event.node.func
                at = returned.get(id(event.node))
                if at is None or not isinstance(func, ast.Name) or func.id not in flow.module.classes:
                    continue
                given = (*event.args, *event.keywords.values())
                # `GeneratedKey(raw=f"{lookup}_{secret}", prefix=lookup)`: a short part kept beside a full-strength
                # secret is the record's lookup prefix, not what cannot be guessed.
                strong = any(L.CSPRNG in value for value in given)
                for value in given:
                    if strong and L.CSPRNG not in value and not any(label in _DRAWN for label in value):
                        continue
                    # What was drawn to be the secret; a timestamp beside it (`issued_at=time.time()`) is not.
                    if any(label in _DRAWN or label.startswith(L.SHORT_TOKEN) for label in value):
                        yield SecurityUse(at, value, f"returned by `{name}()`", kind, via_name=True, name=name)
        elif _makes_keys(name):
            for ret in flow.returns:
                if L.RANDOM in ret.value or L.SEEDED in ret.value or L.UUID1 in ret.value:
                    yield SecurityUse(
                        ret.node, ret.value, f"returned by `{name}()`", names.NameKind.SECRET, via_name=True, name=name
                    )


#: Functions that build a link to a view named by their first argument.
_LINK_BUILDERS = frozenset({"url_for", "reverse", "url_path_for", "reverse_lazy", "route_url", "reverse_url"})
#: Class methods of ORMs that make a record of their class (Django, Tortoise, Peewee, SQLModel helpers).
_RECORD_MAKERS = frozenset({"create", "get_or_create", "update_or_create"})


def _made_or_linked(call: ast.Call) -> str:
    """The last word of what a call makes (`create_invite` → `invite`), or of the view a link it builds leads to
    (`url_for("shows.accept_invite", ...)` → `invite`); "" when there is none."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in _LINK_BUILDERS:
        first = call.args[0] if call.args else None
        name = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""
        name = re.split(r"[.:]", name)[-1]
    elif name in _RECORD_MAKERS and isinstance(func, ast.Attribute):
        # `Invite.create(code=...)`, `Invite.objects.create(code=...)`: the model's class names what is made.
        model = (
            func.value.value if isinstance(func.value, ast.Attribute) and func.value.attr == "objects" else func.value
        )
        if isinstance(model, ast.Name) and model.id[:1].isupper():
            name = model.id
    words = names.words(name)
    return words[-1] if words else ""


#: The last words of a class that makes things (`ResetCodeFactory`), and the first word of a method that hands
#: one out (`issue()`, `generate()`).
_MAKER_WORDS = frozenset({"factory", "generator", "maker", "issuer", "minter"})
# (`__call__`: an instance called as a function, `make_reset_code = ResetCodeGenerator()`.)
_HANDING_OUT = frozenset({"issue", "make", "new", "generate", "create", "next", "mint", "call"})


def made_by_its_class(function: Function) -> names.NameKind | None:
    """`class ResetCodeFactory: def issue(self)`: a method that hands out what its class is named for making;
    `class VerificationCodes: def generate(self)`, one of the things its class is named for."""
    verb = names.words(function.name)[:1]
    if not function.class_name or not verb or verb[0] not in _HANDING_OUT:
        return None
    words = list(names.words(function.class_name.rsplit(".", 1)[-1]))
    if len(words) > 1 and words[-1] not in _MAKER_WORDS and words[-1].endswith("s"):
        return names.classify("_".join([*words[:-1], words[-1][:-1]]))  # `VerificationCodes`: codes it makes
    if not words or words[-1] not in _MAKER_WORDS:
        return None
    return names.classify("_".join(words[:-1]))


#: Labels of values drawn from a generator, predictable or not.
_DRAWN = frozenset({L.RANDOM, L.SEEDED, L.RANDOM_PICK, L.UUID1, L.CSPRNG})
#: Cache methods that store a value under a key, and the position of the value.
_CACHE_SETTERS = {"set": 1, "add": 1, "setex": 2, "psetex": 2}
#: Words of a cache key that say what is kept under it is a login or a one-time code.
_CACHE_SECRET_WORDS = frozenset({"session", "sessions", "remember", "login", "token", "tokens"})
_CACHE_CODE_WORDS = frozenset({"otp", "reset", "verify", "verification", "confirm", "confirmation", "mfa", "pin"})


def _kept_in_cache(event: CallEvent) -> tuple[str, L.Value, names.NameKind] | None:
    """`cache.set(f"reset:{email}", code)`, `redis.setex("otp:" + user, 300, code)`: a value kept under a key
    whose written part names a login or a one-time code (key, value, what the key promises)."""
    func = event.node.func
    position = _CACHE_SETTERS.get(func.attr) if isinstance(func, ast.Attribute) else None
    if position is None or len(event.node.args) <= position:
        return None
    key = event.node.args[0]
    parts = key.values if isinstance(key, ast.JoinedStr) else [key.left] if isinstance(key, ast.BinOp) else [key]
    text = " ".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
    # What is kept is what the key's last word names: `otp:` keeps a code, `email-otp-count-` a counter.
    ws = names.words(text)
    kind = names.classify("_".join(ws)) if ws else None
    if kind not in (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.SHORT_CODE):
        kind = (
            names.NameKind.SECRET
            if ws[-1:] and ws[-1] in _CACHE_SECRET_WORDS
            else names.NameKind.SHORT_CODE
            if ws[-1:] and ws[-1] in _CACHE_CODE_WORDS
            else None
        )
    if kind is None:
        return None
    return text.strip(" :_-") or text, event.args[position], kind


#: `SET reset_code = ?`, `token = %s`: a column and the positional placeholder it is given.
_ASSIGNED_COLUMN = re.compile(r"(\w+)\s*=\s*(\?|%s)", re.IGNORECASE)
#: The clauses of a statement that assign or compare columns: the last one before a column says which it is.
SQL_CLAUSE = re.compile(r"\b(SET|WHERE|ON|HAVING)\b", re.IGNORECASE)
_INSERTED_COLUMNS = re.compile(r"INSERT\s+INTO\s+[\w.\"`]+\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)", re.IGNORECASE)


#: What a function that sets an account's password is called, as words: `set_password`, `setPassword`,
#: `change_password`, `reset_password`, `update_password` (`set_password_hash` takes a hash: not one).
_SETTER_VERBS = frozenset({"set", "change", "reset", "update"})


def _password_setter(func: ast.expr) -> str | None:
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    ws = names.words(name or "")
    if len(ws) == 2 and ws[0] in _SETTER_VERBS and ws[1] in {"password", "passwd", "pwd"}:
        return name
    return None


def bound_columns(flow: FunctionFlow, event: CallEvent, *, looked_up: bool = False) -> list[tuple[str, L.Value]]:
    """`cursor.execute("UPDATE users SET reset_code = ? WHERE email = ?", (code, email))`: the columns a statement
    writes, each with the value bound to its placeholder; with `looked_up`, the columns it compares instead
    (`WHERE name = ? AND password = ?`). Only positional placeholders in a literal statement, with the values
    written as a tuple."""
    func = event.node.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("execute", "executemany") and 1 in event.items):
        return []
    sql = flow.module.constant(event.node.args[0]) if event.node.args else None
    if not isinstance(sql, str):
        return []
    values = event.items[1]
    placeholders = [m.start() for m in re.finditer(r"\?|%s", sql)]
    if len(placeholders) != len(values):
        return []
    position = {start: index for index, start in enumerate(placeholders)}
    found: list[tuple[str, L.Value]] = []
    for match in _ASSIGNED_COLUMN.finditer(sql):
        clauses = SQL_CLAUSE.findall(sql[: match.start()])
        if not clauses or (clauses[-1].upper() == "SET") == looked_up:
            continue  # `WHERE email = ?` is a value looked up by, `SET code = ?` one written
        found.append((match[1], values[position[match.start(2)]]))
    if looked_up:
        return found
    for match in _INSERTED_COLUMNS.finditer(sql):
        columns = [c.strip().strip('"`') for c in match[1].split(",")]
        slots = [m.start() + match.start(2) for m in re.finditer(r"\?|%s", match[2])]
        if len(columns) == len(slots):
            found.extend((column, values[position[slot]]) for column, slot in zip(columns, slots))
    return found


#: Words beside `key` that say a key is made, not looked up or sorted by (`random_key`, `new_key`).
_MADE_KEY_WORDS = frozenset({"random", "rand", "new", "gen", "generate", "generated", "make", "create"})


def _random_key(name: str, value: L.Value, kind: str) -> bool:
    """`key = random.getrandbits(128)`, `new_key = ...`: random bits kept in a variable named as a key. A key
    picked from a collection (`key = random.choice(list(table))`) is one of its entries; a cache or sort key is
    named for what it is; and a record's `key` field is as often an element id (`block.key`) as a secret."""
    ws = names.words(name)
    if not ws or ws[-1] != "key" or not set(ws[:-1]) <= _MADE_KEY_WORDS:
        return False
    return (kind == "name" or len(ws) > 1) and (L.RANDOM in value or L.SEEDED in value)


#: Words of a class whose records hold a credential in their `key` field (`ApiClient`, `AccessToken`).
_CREDENTIAL_RECORD_WORDS = frozenset({"api", "apikey", "token", "credential", "credentials"})


def _credential_record_key(store: StoreEvent, flow: FunctionFlow) -> bool:
    """`client = ApiClient(name=...)`, then `client.key = uuid.uuid1().hex`: the `key` of a record its class
    names for API access is the credential, drawn as one (a record's `key` is otherwise as often an id)."""
    if store.kind != "attr" or store.name != "key" or not isinstance(store.base, ast.Name):
        return False
    if not any(label in store.value for label in (L.RANDOM, L.SEEDED, L.UUID1)):
        return False
    made = assignments(flow.function).get(store.base.id)
    return isinstance(made, ast.Call) and bool(
        _CREDENTIAL_RECORD_WORDS & set(names.words(call_name(made.func).rsplit(".", 1)[-1]))
    )


def _makes_keys(function_name: str) -> bool:
    """`generate_key()`, `get_random_key()`, `make_key()`: a function named for making a key. One named for
    fetching or checking one (`get_new_confirm_key`, `verify_key`) says nothing of how it was made, unless it
    says it is random."""
    ws = names.words(function_name)
    if not ws or ws[-1] != "key" or not set(ws[:-1]) & _MADE_KEY_WORDS:
        return False
    return "random" in ws or ws[0] not in names.NOT_A_PRODUCER


def is_session(base: ast.expr | None, flow: FunctionFlow) -> bool:
    if base is None:
        return False
    qualified = flow.module.qualified_name(base, flow.function)
    if qualified in known.union("session_objects"):
        return True
    text = dotted(base)
    return text in SESSION_NAMES or (
        text is not None and text.endswith(".session") and text.startswith(("request", "self.request"))
    )


#: Words in a store's name that say it keeps who is logged in.
_LOGIN_STORE_WORDS = frozenset({"session", "sessions", "remember", "logins", "logged"})


def _session_like(base: ast.expr, flow: FunctionFlow) -> bool:
    """A store of the application's own that keeps logins: named for sessions or remembered logins
    (`visitor_sessions[slot] = ...`), or read back here to be compared with a cookie the client sent."""
    text = dotted(base)
    if text is None:
        return False
    if _LOGIN_STORE_WORDS & set(names.words(text.rsplit(".", 1)[-1])):
        return True
    for node in ast.walk(flow.function.node):
        if (
            isinstance(node, ast.Compare)
            and len(node.comparators) == 1
            and isinstance(node.ops[0], (ast.Eq, ast.NotEq))
        ):
            sides = (node.left, node.comparators[0])
            if any(_reads_cookie(side) for side in sides) and any(_reads(side, text) for side in sides):
                return True
    return False


def _reads_cookie(node: ast.expr) -> bool:
    """`request.cookies.get(name)`, `request.cookies[name]`, `request.COOKIES.get(name)`."""
    target = (
        node.func.value
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        else node.value
        if isinstance(node, ast.Subscript)
        else None
    )
    text = dotted(target) if target is not None else None
    return text is not None and text.rsplit(".", 1)[-1] in ("cookies", "COOKIES")


def _reads(node: ast.expr, store: str) -> bool:
    """`store[key]` or `store.get(key)`."""
    target = (
        node.func.value
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
        else node.value
        if isinstance(node, ast.Subscript)
        else None
    )
    return target is not None and dotted(target) == store


def _is_set_cookie_header(base: ast.expr | None, name: str | None) -> bool:
    """`response.headers["Set-Cookie"]`: the header that sets a cookie, written as an item."""
    text = dotted(base) if base is not None else None
    return text is not None and text.endswith("headers") and (name or "").lower() == "set-cookie"


def _is_cookie_jar(base: ast.expr) -> bool:
    text = dotted(base)
    return text is not None and text.endswith(".cookies") and not text.startswith("request")


# -- values read back from an outbound request ----------------------------------------------------


def assignments(function: Function, before: int | None = None) -> dict[str, ast.expr]:
    """`name -> value` for the plain `name = value` statements of a function: the last one, or with
    `before`, the last one above that line."""
    found: dict[str, ast.expr] = {}
    if function.is_module:
        return found
    statements = [
        node
        for node in ast.walk(function.node)
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
    ]
    for node in sorted(statements, key=lambda n: n.lineno):
        if before is None or node.lineno < before:
            target = node.targets[0]
            assert isinstance(target, ast.Name)
            found[target.id] = node.value
    return found


def value_root(node: ast.expr, assigned: dict[str, ast.expr], depth: int = 0) -> ast.expr:
    """`info.get("k")`, `info["k"]`, `info.k` → what `info` was assigned, followed through plain names."""
    while True:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            node = node.func.value
        elif isinstance(node, (ast.Subscript, ast.Attribute)):
            node = node.value
        else:
            break
    if isinstance(node, ast.Name) and node.id in assigned and depth < 4:
        return value_root(assigned[node.id], assigned, depth + 1)
    return node


_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "request", "urlopen"})


def from_http_response(node: ast.expr, assigned: dict[str, ast.expr]) -> bool:
    """The body of a response to an outbound HTTP call: `resp.json()`, `requests.get(...).json()`."""
    root = value_root(node, assigned)
    if (
        isinstance(root, ast.Call)
        and isinstance(root.func, ast.Attribute)
        and root.func.attr == "json"
        and not root.args
    ):
        return True
    text = dotted(root.func) if isinstance(root, ast.Call) else None
    return text is not None and text.startswith(HTTP_CLIENTS) and text.rsplit(".", 1)[-1] in _HTTP_METHODS
