"""Pattern 1 — secure random generation (RND).

The rules fire on use, not on API presence: `random.shuffle(playlist)`, retry
jitter and sampling are silent; a `random` value that becomes a token, code,
salt, password, cookie or session value is reported, with the path it took.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from typing import TYPE_CHECKING

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow import sources as S
from secpat.dataflow.flow import LINK_PATH, flow_of, query_key
from secpat.dataflow.uses import made_by_its_class, security_uses
from secpat.findings import Confidence, Severity
from secpat.rules.context import FileContext, Outcome
from secpat.rules.registry import Rule, check, define

if TYPE_CHECKING:
    from secpat.dataflow.uses import SecurityUse
    from secpat.model.module import Function, Module

RND001 = define(
    Rule(
        id="RND001",
        name="insecure-random-for-secret",
        pattern=1,
        title="Predictable `random` value used as a secret",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=338,
        why="""
        `random` (and `numpy.random`, `random.Random`) is a Mersenne Twister: after observing
        624 outputs an attacker can compute every future one. A token, reset code, session id
        or password drawn from it can be predicted, and whatever it protects is open. A salt only
        has to be unique (predicting it helps precompute for one account), and a nonce or salt sent
        in clear beside the request signature it went into only has to be fresh: audit mode. So is a
        CAPTCHA's answer, drawn to be shown to the client that asked.
    """,
        bad="""
        import random
        reset_code = random.randint(100000, 999999)
    """,
        good="""
        import secrets
        reset_code = secrets.randbelow(1_000_000)   # or secrets.token_urlsafe(32) for links
    """,
        fix="Draw security values from `secrets` (`token_urlsafe`, `token_hex`, `randbelow`, `choice`) "
        "or `random.SystemRandom()`.",
        references=("https://docs.python.org/3/library/secrets.html",),
    )
)

RND002 = define(
    Rule(
        id="RND002",
        name="uuid1-as-secret",
        pattern=1,
        title="`uuid1()` used as a secret token",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=330,
        why="""
        `uuid1()` is the current time plus the host's MAC address and a small clock sequence.
        Anyone who sees one id can guess the ids issued around it, so it must never be a token.
    """,
        bad="""
        import uuid
        reset_token = str(uuid.uuid1())
    """,
        good="""
        import secrets
        reset_token = secrets.token_urlsafe(32)
    """,
        fix="Use `secrets.token_urlsafe(32)` (or `uuid.uuid4()` for an id that is not a secret).",
    )
)

RND003 = define(
    Rule(
        id="RND003",
        name="short-token",
        pattern=1,
        title="Token with fewer than 128 bits of entropy",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=331,
        why="""
        A token's strength is its entropy. `secrets.token_hex(8)` is 64 bits: an attacker who can
        try tokens online or offline at scale will find one. Long-lived tokens (reset links,
        API keys, session ids) need at least 128 bits. Short codes are fine only for OTPs and
        PINs whose attempts are limited, and those are not reported. From 96 to 127 bits a token is
        short of that convention but out of reach of guessing: audit mode.
    """,
        bad="""
        import secrets
        api_key = secrets.token_hex(8)
    """,
        good="""
        import secrets
        api_key = secrets.token_hex(32)
    """,
        fix="Use at least 16 random bytes; `secrets.token_urlsafe()` defaults to 32.",
    )
)

RND004 = define(
    Rule(
        id="RND004",
        name="predictable-seed-for-secret",
        pattern=1,
        title="Security value derived from the clock or a fixed seed",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=337,
        why="""
        A value computed from `time.time()`, `datetime.now()` or a PRNG seeded with a constant
        is as guessable as the clock or the seed: hashing it (`md5(str(time.time()))`) does not
        add a single bit of secrecy. The clock kept as a token's readable issue or expiry time,
        or next to a `secrets` / `uuid4()` part, is not reported.
    """,
        bad="""
        import hashlib, time
        token = hashlib.md5(str(time.time()).encode()).hexdigest()
    """,
        good="""
        import secrets
        token = secrets.token_hex(32)
    """,
        fix="Generate the value with `secrets`; never derive it from time, ids or a fixed seed.",
    )
)

_OUTCOMES = (
    Outcome(L.SEEDED, RND004, "{source} is {sink}: a fixed seed makes it reproducible; use `secrets`"),
    Outcome(L.TIME, RND004, "{source} is {sink}: the clock is guessable; use `secrets`"),
    Outcome(L.UUID1, RND002, "{source} is {sink}: uuid1 reveals time and MAC address; use `secrets`"),
    Outcome(L.RANDOM, RND001, "{source} is {sink}: `random` is predictable; use `secrets`"),
    Outcome(L.RANDOM_PICK, RND001, "{source} is {sink}: `random` is predictable; use `secrets`"),
)
#: Keys, tokens and ids that grant access when looked up directly want 128 bits. Below 96 a token is
#: within reach of guessing; from 96 to 127 it is short of the convention but out of reach of any
#: guessing (more than session ids need), so that much is for a reader (audit mode).
_SHORT = (
    Outcome(L.SHORT_TOKEN_96, RND003, "{source} is {sink}: use at least 16 bytes (128 bits)"),
    Outcome(
        L.SHORT_TOKEN,
        RND003,
        "{source} is {sink}: 96 to 127 bits is out of reach of guessing but short of the 128 bits a key or "
        "token wants; use at least 16 bytes",
        audit=True,
    ),
)


@check(RND001, RND002, RND003, RND004)
def predictable_security_values(ctx: FileContext) -> None:
    module = ctx.module
    links = bool(LINK_PATH.search(module.source) or _QUERY_LINK.search(module.source))
    if not links and not module.mentions(SECURITY_FRAGMENTS):
        return
    for function in module.all_functions():
        if not _draws_values(function, module):
            continue
        if (
            not function.mentions(SECURITY_FRAGMENTS)
            and not (links and _writes_links(function))
            and made_by_its_class(function) is None
        ):
            continue
        flow = flow_of(module, function)
        for use in security_uses(flow):
            if not use.value:
                continue
            outcomes = list(_OUTCOMES)
            # `f"{prefix}{secrets.token_hex(4)}_{secrets.token_hex(24)}"`: a short part beside a full-strength one
            # is a lookup prefix; the full part is what cannot be guessed.
            if use.kind is not names.NameKind.SHORT_CODE and not _full_strength_part(use.value):
                outcomes.extend(_short_outcomes(use))
            # A cookie or session value is a secret only if it is random, or its name says so:
            # `session["last_seen"] = time.time()` is fine.
            if not use.via_name and use.kind is None:
                outcomes = [o for o in outcomes if o.label in (L.RANDOM, L.SEEDED)]
            if L.TIME in use.value and (
                _has_random_part(use.value) or _clock_is_a_claim(function.node, use.node, use.value[L.TIME])
            ):
                use = dataclasses.replace(use, value={k: v for k, v in use.value.items() if k != L.TIME})
            if use.name and names.words(use.name)[-1] == "salt":
                # A salt has to be unique, not secret: it is stored beside the hash. A predictable one
                # only lets an attacker precompute for an account before its hash is stolen, so a weak
                # generator there is for a reader, in audit mode. (A short salt stays RND003.)
                outcomes = [
                    dataclasses.replace(
                        o,
                        cwe=760,
                        audit=o.audit or o.rule is RND001,
                        message=o.message + "; a salt must be unique, not secret: predicting it only helps "
                        "precompute for one account"
                        if o.rule is RND001
                        else o.message,
                    )
                    for o in outcomes
                ]
            if use.name and _published_with_its_signature(function.node, use.name):
                outcomes = [
                    dataclasses.replace(
                        o,
                        audit=True,
                        message=o.message + f"; `{use.name}` is sent in clear beside the signature it went into, "
                        "which only has to be fresh",
                    )
                    for o in outcomes
                ]
            if use.name and "captcha" in names.words(use.name):
                # A CAPTCHA's answer is drawn to be shown, as an image or audio, to whoever asked: its
                # strength is in being hard for a program to read, not in being unpredictable.
                outcomes = [
                    dataclasses.replace(
                        o,
                        audit=True,
                        message=o.message + "; a CAPTCHA answer is shown to the client it is drawn for",
                    )
                    for o in outcomes
                ]
            ctx.report_flow(use.node, use.value, outcomes, scope=function, sink_note=use.description)


@check(RND001, RND002, RND004)
def predictable_field_defaults(ctx: FileContext) -> None:
    """`transfer_token = models.UUIDField(default=uuid.uuid1)`: a model field named for a secret whose default,
    the value every new record gets, is drawn from the clock or a predictable generator."""
    module = ctx.module
    if "default" not in module.source:
        return
    for cls in module.classes.values():
        for name, value in cls.attributes.items():
            # `class RoomInvite: code = ...`: the field is the record's invite code.
            record = names.words(cls.name)[-1:]
            kind = names.classify(name) or (names.classify(f"{record[0]}_{name}") if record else None)
            if kind not in (names.NameKind.SECRET, names.NameKind.SHORT_CODE) or not isinstance(value, ast.Call):
                continue
            default = next((k.value for k in value.keywords if k.arg in ("default", "default_factory")), None)
            if isinstance(default, ast.Lambda):
                # `default_factory=lambda: uuid.uuid1().hex`, `lambda: str(uuid.uuid1())`: the generator it calls.
                made_by = [n.func for n in ast.walk(default.body) if isinstance(n, ast.Call)]
                default = next((f for f in made_by if _generator_named(module, f)), default)
            made = module.qualified_name(default) if isinstance(default, (ast.Name, ast.Attribute)) else None
            rule, why = (
                (RND002, "uuid1 reveals time and MAC address")
                if made in S.UUID1_FUNCTIONS
                else (RND001, "`random` is predictable")
                if made in S.RANDOM_FUNCTIONS
                else (RND004, "the clock is guessable")
                if made in S.TIME_FUNCTIONS
                else (None, "")
            )
            if rule is not None and default is not None:
                ctx.report(
                    rule,
                    default,
                    f"field `{name}` of `{cls.name}` defaults to `{made}()` for every new record: {why}; use `secrets`",
                    scope=module.module_function,
                )


def _generator_named(module: Module, func: ast.expr) -> bool:
    made = module.qualified_name(func) if isinstance(func, (ast.Name, ast.Attribute)) else None
    return made in S.UUID1_FUNCTIONS or made in S.RANDOM_FUNCTIONS or made in S.TIME_FUNCTIONS


#: Nonces and salts must not repeat, and guessing one gains nothing: 96 random bits make a nonce
#: repeat negligible (the size AES-GCM and ChaCha20 use), 64 a salt repeat in any user table. A
#: generated password is checked through a slow hash, behind lockouts: 96 bits are out of reach of
#: any guessing. The 128 are for keys, tokens and ids that grant access when looked up directly.
_FLOORS = {
    "nonce": Outcome(L.SHORT_TOKEN_96, RND003, "{source} is {sink}: use at least 12 bytes (96 bits)"),
    "salt": Outcome(L.SHORT_TOKEN_64, RND003, "{source} is {sink}: use at least 8 bytes (64 bits)"),
    "password": Outcome(L.SHORT_TOKEN_96, RND003, "{source} is {sink}: use at least 12 bytes (96 bits)"),
}


def _published_with_its_signature(function_node: ast.AST, name: str) -> bool:
    """`salt` or `nonce` of a request signature: hashed with the key (`md5(appid + q + salt + secret)`)
    and then handed out beside the digest (`return salt, sign`, `{"nonce": nonce, "signature": sig}`).
    The receiver reads it in clear to check the signature; it must not repeat, and its being guessable
    gives nothing away (Baidu, Youdao and Netease APIs, OAuth 1.0's `oauth_nonce`). A password's salt kept
    beside its hash is not one."""
    ws = names.words(name)
    if not ws or ws[-1] not in ("nonce", "salt"):
        return False
    carriers = {name}  # names holding text made with it: `payload = appid + text + salt + secret`
    digests: set[str] = set()
    for node in ast.walk(function_node):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            mentioned = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            if mentioned & carriers:
                if any(names.is_password(m) for m in mentioned):
                    return False  # a password hash kept with its salt: a guessable salt lets tables work again
                if any(_is_hash_call(n) or _is_hmac_call(n) for n in ast.walk(node.value)):
                    digests.add(node.targets[0].id)
                else:
                    carriers.add(node.targets[0].id)
    if not digests:
        return False
    for node in ast.walk(function_node):
        if isinstance(node, (ast.Tuple, ast.Dict, ast.List)):
            parts = node.values if isinstance(node, ast.Dict) else node.elts
            held = {p.id for p in parts if isinstance(p, ast.Name)}
            if name in held and held & digests:
                return True
    return False


def _is_hmac_call(node: ast.AST) -> bool:
    """`hmac.new(key, message, "sha256")`, `hmac.digest(...)`: a keyed signature."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "hmac"
    )


def _short_outcomes(use: SecurityUse) -> tuple[Outcome, ...]:
    """How many bits the value must have, by what its name says it is."""
    ws = names.words(use.name) if use.name else ()
    if ws and ws[-1] in _FLOORS:
        return (_FLOORS[ws[-1]],)
    if use.name and names.is_password(use.name):
        return (_FLOORS["password"],)
    return _SHORT


_BACKTICKED = re.compile(r"`([^`]+)`")
_is_time_claim = S.is_time_field


def _full_strength_part(value: L.Value) -> bool:
    """The value, or the object a project class makes of it, also holds full-strength CSPRNG output."""
    return any(
        label == L.CSPRNG or label.startswith(L.VIA_PREFIX) and L.parse_via(label)[2] == L.CSPRNG for label in value
    )


def _has_random_part(value: L.Value) -> bool:
    """`f"{stamp}-{uuid4().hex}"`, `f"{time.time()}{secrets.token_hex()}"`: the clock is only part of a
    value that also holds cryptographic randomness, and it is the random part that cannot be guessed."""
    return L.CSPRNG in value or L.SHORT_TOKEN in value


def _clock_is_a_claim(function_node: ast.AST, node: ast.AST, trace: tuple) -> bool:
    """The clock is the token's issue or expiry time (`{"iat": now, "exp": now + 3600}`,
    `f"{user}:{expiry}:{sign(...)}"`), readable by design: the secret part is the signature or a
    random id. Hashing the clock (`md5(f"{user}{expiry}")`) still makes a guessable value."""
    if any(_is_hash_call(n) for n in ast.walk(node)):
        return False
    # Through a variable or key named for the time it holds: "assigned to `expiry_ms`".
    if any(_is_time_claim(name) for step in trace[1:] for name in _BACKTICKED.findall(step.note)):
        return True
    if _signed_beside_its_mac(function_node, {n for step in trace[1:] for n in _BACKTICKED.findall(step.note)}):
        return True
    # Written straight into the claim: `{"iat": int(time.time())}`.
    source = trace[0].location if trace else None
    if source is None or source.path != trace[-1].location.path:
        return False
    for node in ast.walk(function_node):
        if isinstance(node, ast.Dict):
            pairs = list(zip(node.keys, node.values))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
            pairs = [(node.targets[0].slice, node.value)]  # `data["expires_at"] = now + expires_in`
        else:
            continue
        for key, value in pairs:
            if (
                isinstance(key, ast.Constant)
                and isinstance(key.value, str)
                and _is_time_claim(key.value)
                and _contains(value, source.line, source.col)
            ):
                return True
    return False


def _signed_beside_its_mac(function_node: ast.AST, carriers: set[str]) -> bool:
    """`ts = hex(int(time.time()))`, `h.update(ts)` on an HMAC, then `ts + b":" + digest`: a timestamp
    sent in clear beside the MAC that covers it, which is what makes it unforgeable (a signed OAuth
    state, a stamped link). Only a name that went into the MAC counts."""
    macs: set[str] = set()
    for node in ast.walk(function_node):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if any(_is_hmac_call(n) or _names_hmac(n) for n in ast.walk(node.value)):
                macs.add(node.targets[0].id)
    signed = set()
    for node in ast.walk(function_node):
        if isinstance(node, ast.Call):
            into_mac = (
                _is_hmac_call(node)
                or _names_hmac(node)
                or (
                    isinstance(node.func, ast.Attribute)
                    and node.func.attr == "update"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in macs
                )
            )
            if into_mac:
                signed |= {n.id for arg in node.args for n in ast.walk(arg) if isinstance(n, ast.Name)} & carriers
    if not signed:
        return False
    digests = set(macs)
    for node in ast.walk(function_node):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)} & macs:
                digests.add(node.targets[0].id)
    for node in ast.walk(function_node):
        if isinstance(node, (ast.BinOp, ast.JoinedStr, ast.Tuple, ast.Dict, ast.List)):
            held = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            if held & signed and held & (digests - macs):
                return True
    return False


def _names_hmac(node: ast.AST) -> bool:
    """`build_hmac()`, `hmac.HMAC(key, SHA256())`, `HMAC(key, ...)`: a call whose name says it makes a MAC."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return "hmac" in names.words(name) or name == "HMAC"


def _is_hash_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    base = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
    return base == "hashlib" or name in _HASH_NAMES


_HASH_NAMES = frozenset(
    {
        "md5",
        "sha1",
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "blake2b",
        "blake2s",
        "sha3_256",
        "sha3_512",
        "uuid3",
        "uuid5",
    }
)


def _contains(node: ast.expr, line: int, col: int) -> bool:
    start = (node.lineno, node.col_offset)
    end = (getattr(node, "end_lineno", node.lineno) or node.lineno, getattr(node, "end_col_offset", 0) or 0)
    return start <= (line, col) < end


#: Identifier fragments without which a module has no security value to protect.
SECURITY_FRAGMENTS = (
    "token",
    "secret",
    "passw",
    "pwd",
    "code",
    "otp",
    "salt",
    "nonce",
    "session",
    "cookie",
    "key",
    "pin",
    "csrf",
    "sid",
    "invite",
    "link",
    "url",
    "auth",
    "reset",
    "verif",
    "confirm",
    "magic",
    "activat",
    "credential",
    "sign",
    "login",
    "unsubscribe",
)


#: `?token=` / `&code=` in a string of the module: a link with a key in its query, maybe (see `query_key`).
_QUERY_LINK = re.compile(r"[?&][A-Za-z0-9_]*(?:token|key|code|otp|secret|nonce|sig)=", re.IGNORECASE)


def _writes_links(function: Function) -> bool:
    """`f"https://site/reset/{rid}"`: the function writes a link whose key is what fills it."""
    return any(
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and (LINK_PATH.search(node.value) or query_key(node.value))
        for node in ast.walk(function.node)
    )


def _draws_values(function: Function, module: Module, own: bool = True) -> bool:
    """Only functions that call a PRNG, the clock, a token function or a project function can
    produce a predictable value; the rest are not analysed at all. With `own`, also one that calls a method
    of its class that does (`self._new_code()`, followed through its summary), one level deep."""
    for call in function.calls:
        callee = call.callee
        if callee is None:
            if call.method in S.PRNG_OBJECT_METHODS:
                return True  # `self.rng.choice(...)`: a generator kept on an object
            if own and _own_method(module, function, call) is not None:
                return True
            if own and call.method and _drawing_method_named(module, call.method):
                return True  # `self.dice.roll()`: a method of an object of a class of this module that draws
            continue
        root = callee.split(".", 1)[0]
        if root in _VALUE_ROOTS or root in module.project_roots or callee.startswith("numpy.random"):
            return True
    return False


def _drawing_method_named(module: Module, name: str) -> bool:
    """A method of a class of this module, called `name`, that calls a PRNG or the clock."""
    drawing = module.__dict__.get("_drawing_methods")
    if drawing is None:
        drawing = module.__dict__["_drawing_methods"] = frozenset(
            f.name for f in module.functions.values() if f.class_name and _draws_values(f, module, own=False)
        )
    return name in drawing


def _own_method(module: Module, function: Function, call) -> Function | None:
    """`self._new_code()` where the class's own `_new_code` draws values."""
    receiver = call.receiver
    if not (isinstance(receiver, ast.Name) and receiver.id == "self" and function.class_name and call.method):
        return None
    method = module.functions.get(f"{function.qualname.rsplit('.', 1)[0]}.{call.method}")
    return (
        method if method is not None and method is not function and _draws_values(method, module, own=False) else None
    )


_VALUE_ROOTS = frozenset({"random", "uuid", "secrets", "os", "time", "datetime", "django"})
