"""Pattern 3 — secure JWT design (JWT), for PyJWT, python-jose, authlib and joserfc.

Payloads and options are followed through variables, dict displays, `dict()`,
`update()`, `|`, `**` and helper functions of the same module; lifetimes are
computed from `timedelta` and seconds arithmetic (the maximum is the config's
`jwt-max-lifetime`, one hour by default). A payload built in another module is
not judged for a missing `exp` (documented limit).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from secpat import names
from secpat.dataflow import labels as L
from secpat.dataflow.flow import TIME_SETTING_WORDS, Span, dotted, flow_of, timedelta_span
from secpat.dataflow.uses import assignments, from_http_response
from secpat.findings import Confidence, Finding, FlowStep, Location, Severity
from secpat.frameworks.facts import SETTINGS, SettingsFact
from secpat.frameworks.syntax import bound_value, last, setting_bindings, short_source
from secpat.model.module import literal_value, parents_of
from secpat.rules.context import FileContext, ProjectContext, describe_source
from secpat.rules.passwords import PWD004
from secpat.rules.registry import Rule, check, define
from secpat.rules.sql import SQL002, parameter_of, parameter_passes, request_reaching, requests_and_passes
from secpat.secrets.entropy import is_reference

if TYPE_CHECKING:
    from secpat.dataflow.flow import CallEvent, FunctionFlow
    from secpat.model.module import Call, Function, Module

_ARTICLE_BAD = """
    import jwt
    token = jwt.encode({"user_id": 1}, "secret")  # No expiry, weak secret
"""

JWT001 = define(
    Rule(
        id="JWT001",
        name="jwt-without-expiry",
        pattern=3,
        title="Token issued without `exp`",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=613,
        why="""
        A JWT is valid until it expires, and nothing can revoke it on the server. Without `exp`
        a leaked token (from a log, a browser extension, a proxy) works for ever.
    """,
        bad=_ARTICLE_BAD,
        good="""
        import datetime, os
        import jwt
        payload = {"user_id": 1, "exp": datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)}
        token = jwt.encode(payload, os.environ["JWT_SECRET"], algorithm="HS256")
    """,
        fix="Set `exp` on every token: 15 minutes to 1 hour for access tokens, with refresh tokens for longer "
        "sessions.",
    )
)
JWT002 = define(
    Rule(
        id="JWT002",
        name="jwt-algorithms-not-pinned",
        pattern=3,
        title="Token decoded without pinned algorithms",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=347,
        why="""
        If the verifier lets the token choose its algorithm, an attacker picks one that makes the
        signature meaningless: `none`, or HS256 with the server's public RSA key as the HMAC
        secret. The accepted algorithms must be fixed in code, from one family.
    """,
        bad="""
        import jwt
        header = jwt.get_unverified_header(token)
        data = jwt.decode(token, key, algorithms=[header["alg"]])
    """,
        good="""
        import jwt
        data = jwt.decode(token, key, algorithms=["HS256"])
    """,
        fix='Pass `algorithms=["HS256"]` (or the single asymmetric algorithm you issue); never read it from the token.',
    )
)
JWT003 = define(
    Rule(
        id="JWT003",
        name="jwt-verification-disabled",
        pattern=3,
        title="Token signature or expiry not verified",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=347,
        why="""
        `verify_signature: False` accepts any token anyone wrote; `verify_exp: False` accepts
        tokens that expired; python-jose's `get_unverified_claims()` checks nothing. Each turns
        authentication into a formality. A decode given a key
        that turns the check off, or one that reads a token the client sent, is reported. Reading
        claims with no key (an ID token fetched from the provider, the issuer looked up before the
        real check) is harmless unless something trusts them: with no client token in sight it is
        for audit mode, and so are claims used only where a verification setting that defaults to
        on has been turned off by the operator, and an expiry left to the code's own comparison
        (`"require": ["exp"]`). A helper that hands its keyword arguments to the decode's options
        (`options={..., **options}`) is off where a caller passes `verify_exp=False`.
    """,
        bad="""
        import jwt
        data = jwt.decode(token, key, algorithms=["HS256"], options={"verify_signature": False})
    """,
        good="""
        import jwt
        data = jwt.decode(token, key, algorithms=["HS256"])
    """,
        fix="Keep verification on; to read claims before verifying, verify first.",
    )
)
JWT004 = define(
    Rule(
        id="JWT004",
        name="jwt-weak-key",
        pattern=3,
        title="Signing key hard-coded, short, or a literal default",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=321,
        why="""
        Whoever knows the HMAC key can mint tokens for any user. A key in the source is known to
        everyone with the repository; a short one is brute-forced offline from a single token;
        a literal fallback silently ships to production when the variable is missing. A key
        imported from the module that writes it as a literal is hard-coded too, and so is one read
        from Django's settings (`settings.JWT_KEY`) that a settings module writes as a literal and
        none reads from the environment (a production module overriding a base one).
    """,
        bad=_ARTICLE_BAD,
        good="""
        import os
        import jwt
        token = jwt.encode(payload, os.environ["JWT_SECRET"], algorithm="HS256")  # secrets.token_hex(32)
    """,
        fix="Load a random key of at least 32 bytes (`secrets.token_hex(32)`) from the environment or a secret "
        "store, with no default.",
    )
)
JWT005 = define(
    Rule(
        id="JWT005",
        name="jwt-lifetime-too-long",
        pattern=3,
        title="Access token lives longer than allowed",
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=613,
        why="""
        An access token cannot be revoked, so its lifetime is the window in which a stolen one
        works. Keep access tokens short (15 minutes to 1 hour) and use refresh tokens, which the
        server can revoke, for long sessions.
    """,
        bad="""
        import datetime
        import jwt
        payload = {"sub": "42", "exp": datetime.datetime.utcnow() + datetime.timedelta(days=30)}
        token = jwt.encode(payload, key, algorithm="HS256")
    """,
        good="""
        import datetime
        import jwt
        payload = {"sub": "42", "exp": datetime.datetime.utcnow() + datetime.timedelta(minutes=15)}
        token = jwt.encode(payload, key, algorithm="HS256")
    """,
        fix="Shorten `exp` to at most an hour (configurable with `jwt-max-lifetime`); issue refresh tokens for "
        "longer sessions.",
    )
)
JWT006 = define(
    Rule(
        id="JWT006",
        name="jwt-alg-none",
        pattern=3,
        title="Token signed with `alg: none`",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        cwe=347,
        why="""
        `alg: none` means the token carries no signature at all. Anyone can write one: take a
        real token, change `sub` to another user or `role` to admin, and keep `alg: none`. Any
        verifier that honours the header accepts it.
    """,
        bad="""
        import jwt
        token = jwt.encode(payload, None, algorithm="none")
    """,
        good="""
        import jwt
        token = jwt.encode(payload, key, algorithm="HS256")
    """,
        fix="Sign every token with HS256 (shared secret) or RS256 / ES256 / EdDSA (key pair).",
    )
)
JWT007 = define(
    Rule(
        id="JWT007",
        name="jwt-secret-in-payload",
        pattern=3,
        title="Password or secret placed in the token payload",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,  # measured on real code (docs/precision.md)
        cwe=312,
        why="""
        A JWT payload is base64, not encryption: anyone holding the token (the user, a proxy, a
        log) reads every claim. A password, API key or secret in it is disclosed to all of them.
    """,
        bad="""
        import jwt
        token = jwt.encode({"sub": user.id, "password": user.password}, key, algorithm="HS256")
    """,
        good="""
        import jwt
        token = jwt.encode({"sub": user.id}, key, algorithm="HS256")
    """,
        fix="Put only identifiers and authorisation claims in tokens; look secrets up on the server.",
    )
)

# (payload index, key index) by library; authlib and joserfc take a header first.
_ENCODE = {
    "jwt.encode": (0, 1),
    "jwt.api_jwt.encode": (0, 1),
    "jose.jwt.encode": (0, 1),
    "authlib.jose.jwt.encode": (1, 2),
    "joserfc.jwt.encode": (1, 2),
}
_DECODE = {
    "jwt.decode": 1,
    "jwt.api_jwt.decode": 1,
    "jose.jwt.decode": 1,
    "authlib.jose.jwt.decode": 1,
    "joserfc.jwt.decode": 1,
}
#: Calls that return a token's claims without checking its signature.
_UNVERIFIED_CLAIMS = frozenset({"jose.jwt.get_unverified_claims"})
# Libraries whose decode needs the algorithms named by the caller.
_NEEDS_ALGORITHMS = frozenset({"jwt.decode", "jwt.api_jwt.decode", "jose.jwt.decode"})
_HMAC = re.compile(r"^HS\d+$", re.IGNORECASE)


@check(JWT001, JWT002, JWT003, JWT004, JWT005, JWT006, JWT007)
def jwt_design(ctx: FileContext) -> None:
    module = ctx.module
    if not module.imports_any("jwt", "jose", "authlib", "joserfc"):
        return
    max_lifetime = ctx.config.jwt_max_lifetime
    helpers = _encoding_helpers(module)
    for function in module.all_functions():
        if helpers and any(isinstance(c.node.func, ast.Name) and c.node.func.id in helpers for c in function.calls):
            _claims_through_helpers(ctx, function, flow_of(module, function), helpers, max_lifetime)
        if not any(
            c.callee in _ENCODE or c.callee in _DECODE or c.callee in _UNVERIFIED_CLAIMS for c in function.calls
        ):
            continue
        flow = flow_of(module, function)
        for event in flow.calls:
            callee = event.call.callee if event.call else None
            if callee in _ENCODE:
                _encode(ctx, function, event, callee, max_lifetime)
            elif callee in _DECODE:
                _decode(ctx, function, event, callee)
            elif callee in _UNVERIFIED_CLAIMS:
                _unverified_claims(ctx, function, event, callee)


#: Settings of Flask-JWT-Extended and of DRF SimpleJWT that say how long an access token lives.
#: (`JWT_EXPIRATION_DELTA`: django-graphql-jwt's `GRAPHQL_JWT` and djangorestframework-jwt's `JWT_AUTH`.)
_LIFETIME_SETTINGS = frozenset({"JWT_ACCESS_TOKEN_EXPIRES", "ACCESS_TOKEN_LIFETIME", "JWT_EXPIRATION_DELTA"})
#: Flask-JWT-Extended's maker of access tokens, whose `expires_delta` overrides the setting.
_ACCESS_TOKEN_MAKERS = frozenset(
    {"flask_jwt_extended.create_access_token", "flask_jwt_extended.utils.create_access_token"}
)


@check(JWT001, JWT005, JWT007)
def token_library_settings(ctx: FileContext) -> None:
    """Flask-JWT-Extended and SimpleJWT set `exp` themselves, from a setting or an argument:
    `JWT_ACCESS_TOKEN_EXPIRES = False` (or `create_access_token(..., expires_delta=False)`) issues tokens that
    never expire, `timedelta(days=30)` ones that live longer than allowed (also SimpleJWT's
    `SIMPLE_JWT = {"ACCESS_TOKEN_LIFETIME": ...}`); `additional_claims={"password": ...}` writes a secret into
    the readable payload."""
    module = ctx.module
    source = module.source
    if not any(name in source for name in (*_LIFETIME_SETTINGS, "create_access_token")):
        return
    max_lifetime = ctx.config.jwt_max_lifetime
    revocable = bool(_REVOCATION.search(source))
    for node, value in _lifetime_settings(module.tree):
        _judge_lifetime(
            ctx, module, node, value, max_lifetime, "the access-token lifetime setting", revocable=revocable
        )
    for call in module.calls_to(*_ACCESS_TOKEN_MAKERS):
        expires = _arg(call.node, None, "expires_delta")
        if expires is not None:
            _judge_lifetime(ctx, module, expires, expires, max_lifetime, "`expires_delta`", scope=call.scope)
        for keyword in ("additional_claims", "user_claims"):
            # The dict written at the call, or the one a name bound once holds (`claims = {...}`).
            claims = bound_value(module, call.scope, _arg(call.node, None, keyword))
            if not isinstance(claims, ast.Dict):
                continue
            for key, value in zip(claims.keys, claims.values):
                claim = literal_value(key) if key is not None else None
                if key is None or not isinstance(claim, str):
                    continue
                # The claim's name, or the name of what it is given (`{"pw": password}`), says it is a secret.
                named = names.classify(claim)
                if named not in _SECRET_KINDS and isinstance(value, ast.Name):
                    named = names.classify(value.id)
                if named in _SECRET_KINDS:
                    ctx.report(
                        JWT007,
                        key,
                        f"claim `{claim}` puts a secret in a payload anyone can read",
                        scope=call.scope if not call.scope.is_module else None,
                    )


_SECRET_KINDS = (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.PERSONAL)


def _lifetime_settings(tree: ast.Module) -> Iterator[tuple[ast.AST, ast.expr]]:
    """(where, value) of each lifetime setting: `JWT_ACCESS_TOKEN_EXPIRES = ...` in a module or a config class,
    `app.config["JWT_ACCESS_TOKEN_EXPIRES"] = ...`, `config.update(JWT_ACCESS_TOKEN_EXPIRES=...)`, and the
    `"ACCESS_TOKEN_LIFETIME"` entry of a `SIMPLE_JWT` dict."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                name = (
                    target.id
                    if isinstance(target, ast.Name)
                    else literal_value(target.slice)
                    if isinstance(target, ast.Subscript)
                    else None
                )
                if name in _LIFETIME_SETTINGS:
                    yield node.value, node.value
        elif isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in _LIFETIME_SETTINGS:
                    yield keyword.value, keyword.value
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if key is not None and literal_value(key) in _LIFETIME_SETTINGS:
                    yield value, value


def _judge_lifetime(
    ctx: FileContext,
    module: Module,
    node: ast.AST,
    value: ast.expr,
    max_lifetime: int,
    what: str,
    scope: Function | None = None,
    *,
    revocable: bool = False,
) -> None:
    scope = scope if scope is not None and not scope.is_module else None
    if isinstance(value, ast.Constant) and value.value is False:
        ctx.report(
            JWT001, node, f"{what} is `False`: access tokens are issued without `exp` and never expire", scope=scope
        )
        return
    seconds = _duration(module, value)
    if seconds is not None and seconds > max_lifetime:
        ctx.report(
            JWT005,
            node,
            f"{what} makes access tokens live {_span(seconds)}, over the maximum of {_span(max_lifetime)}"
            + ("; the same settings switch on a blocklist, so a token can be revoked before then" if revocable else ""),
            scope=scope,
            audit=revocable,
        )


#: Flask-JWT-Extended's revocation: `JWT_BLOCKLIST_ENABLED = True` (`JWT_BLACKLIST_ENABLED` before 4.0), or a
#: `token_in_blocklist_loader` callback that the app checks every token with.
_REVOCATION = re.compile(r"JWT_BLOCKLIST_ENABLED\s*=\s*True|JWT_BLACKLIST_ENABLED\s*=\s*True|token_in_bl\w+_loader")
_TIMEDELTA_UNITS = {"weeks": 604800, "days": 86400, "hours": 3600, "minutes": 60, "seconds": 1}
_TIMEDELTA_POSITIONS = ("days", "seconds")


def _duration(module: Module, node: ast.expr) -> int | None:
    """Seconds of `timedelta(days=30)`, `datetime.timedelta(hours=2)`, `timedelta(seconds=60 * 60 * 24)`, or a
    number of seconds written as such."""
    number = _arithmetic(node)
    if number is not None:
        return int(number)
    if not isinstance(node, ast.Call) or module.qualified_name(node.func) not in (
        "datetime.timedelta",
        "timedelta",
    ):
        return None
    total = 0.0
    given = [*zip(_TIMEDELTA_POSITIONS, node.args), *((k.arg, k.value) for k in node.keywords)]
    for unit, argument in given:
        amount = _arithmetic(argument)
        if unit not in _TIMEDELTA_UNITS or amount is None:
            return None
        total += amount * _TIMEDELTA_UNITS[unit]
    return int(total)


def _arithmetic(node: ast.expr) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add)):
        left, right = _arithmetic(node.left), _arithmetic(node.right)
        if left is None or right is None:
            return None
        return left * right if isinstance(node.op, ast.Mult) else left + right
    return None


def _unverified_claims(ctx: FileContext, function: Function, event: CallEvent, callee: str) -> None:
    """`claims = jwt.get_unverified_claims(token)`: the claims of a token whose signature nobody checked. Evidence
    that something trusts them is a token the client sent; claims read only to pick the issuer or key that then
    verifies the token are for audit mode, and so is a token of unknown origin."""
    node = event.node
    sent = L.REQUEST in event.value_of(0, "token")
    peek = _peeked_only(function.node, node)
    ctx.report(
        JWT003,
        node,
        f"`{callee.rsplit('.', 1)[-1]}()` reads the claims without checking the token's signature"
        + ("" if sent else "; nothing shows a client sent the token: check that nothing trusts these claims"),
        scope=function,
        audit=not sent or peek,
    )


def _encode(ctx: FileContext, function: Function, event: CallEvent, callee: str, max_lifetime: int) -> None:
    node = event.node
    payload_index, key_index = _ENCODE[callee]
    payload = event.value_of(payload_index, "payload" if payload_index == 0 else "claims")
    key_node = _arg(node, key_index, "key")
    algorithm = _algorithm(node, event, callee)
    written = _arg(node, payload_index, "payload" if payload_index == 0 else "claims")
    unsigned = isinstance(algorithm, str) and algorithm.lower() == "none"
    _claims(ctx, function, node, payload, written, max_lifetime, unsigned)
    if unsigned:
        ctx.report(
            JWT006,
            node,
            "token signed with `alg: none`: anyone can forge it",
            scope=function,
            audit=_is_outbound_assertion(payload),
            at=_arg(node, 2, "algorithm"),
        )
    _key(ctx, function, event, key_node, key_index, algorithm)


def _encoding_helpers(module: Module) -> dict[str, tuple[Function, int]]:
    """`def _encode(claims): return jwt.encode(claims, KEY, algorithm="HS256")`: module functions that sign
    the claims one of their parameters is given, by name, with the position of that parameter."""
    found: dict[str, tuple[Function, int]] = {}
    for function in module.functions.values():
        if function.class_name or not function.params:
            continue
        for call in function.calls:
            if call.callee not in _ENCODE:
                continue
            index = _ENCODE[call.callee][0]
            written = _arg(call.node, index, "payload" if index == 0 else "claims")
            if isinstance(written, ast.Name) and written.id in function.params:
                found[function.name] = (function, function.params.index(written.id))
    return found


def _claims_through_helpers(
    ctx: FileContext,
    function: Function,
    flow: FunctionFlow,
    helpers: dict[str, tuple[Function, int]],
    max_lifetime: int,
) -> None:
    """`return _encode({"sub": ..., "exp": now + settings.ACCESS_TTL})`: the claims a function hands to an
    encoding helper of the module are judged where they are written, as if it signed them itself."""
    for event in flow.calls:
        func = event.node.func
        helper = helpers.get(func.id) if isinstance(func, ast.Name) else None
        if helper is None or helper[0] is function:
            continue
        index = helper[1]
        payload = event.value_of(index, helper[0].params[index])
        written = event.node.args[index] if index < len(event.node.args) else None
        _claims(ctx, function, event.node, payload, written, max_lifetime, unsigned=False)


def _claims(
    ctx: FileContext,
    function: Function,
    node: ast.Call,
    payload: L.Value,
    written: ast.expr | None,
    max_lifetime: int,
    unsigned: bool,
) -> None:
    """JWT001, JWT005 and JWT007 on the claims a call signs."""
    # What another module returns may hold `exp`, unless the payload is a dict written whole here whose
    # values alone come from elsewhere (`{"sub": ..., "aud": settings.audience}`).
    deferred = any(L.deferred(label) for label in payload) and not _closed_literal_payload(
        ctx.module, function, node, written
    )
    if L.DICT in payload and L.KEY_PREFIX + "exp" not in payload and not deferred:
        # Anyone can rewrite the claims of an unsigned token, `exp` included: JWT006 is the finding. A token
        # that carries only its own id (`{"jti": ...}`) is a handle to a record the server keeps, whose
        # expiry may live there: for a reader.
        claims = {label[len(L.KEY_PREFIX) :] for label in payload if label.startswith(L.KEY_PREFIX)}
        handle = bool(claims) and claims <= {"jti"}
        message = "token issued without `exp`: it never expires"
        if handle:
            message += "; it carries only its id (`jti`): check that the record it names expires"
        ctx.report(JWT001, node, message, scope=function, audit=unsigned or handle)
    lifetimes = [int(label[len(L.LIFETIME_PREFIX) :]) for label in payload if label.startswith(L.LIFETIME_PREFIX)]
    if lifetimes and max(lifetimes) > max_lifetime and not _is_refresh(function, payload):
        purpose = _link_purpose(function, payload)
        ctx.report(
            JWT005,
            node,
            f"token lifetime {_span(max(lifetimes))} is over the maximum of {_span(max_lifetime)}"
            + _purpose_note(purpose),
            scope=function,
            audit=purpose is not None,
            flow=payload[f"{L.LIFETIME_PREFIX}{max(lifetimes)}"],
        )
    elif not _is_refresh(function, payload):  # the literal spans, if any, are short: a setting or caller may not be
        _hand_on_setting_lifetimes(ctx, function, node, payload, max_lifetime)
    for label in payload:
        if label.startswith(L.KEY_PREFIX):
            claim = label[len(L.KEY_PREFIX) :]
            if claim in _PUBLIC_CLAIMS:
                continue
            if names.classify(claim) in (names.NameKind.PASSWORD, names.NameKind.SECRET, names.NameKind.PERSONAL):
                ctx.report(
                    JWT007,
                    node,
                    f"claim `{claim}` puts a secret in a payload anyone can read",
                    scope=function,
                    flow=payload[label],
                )


#: Claims that are not secrets although their names sound so: the OIDC `nonce` echoes the relying
#: party's replay-protection value back to it, and `sid` (`session_id`) names the session the token belongs
#: to (OpenID Connect logout) so that the issuer can end it: the token, not the id, is the credential. A
#: `csrf` claim is the double-submit value the client is meant to read and send back in a header.
_PUBLIC_CLAIMS = frozenset({"nonce", "sid", "session_id", "csrf", "xsrf", "csrf_token", "xsrf_token"})


def _is_outbound_assertion(payload: L.Value) -> bool:
    """Claims naming the caller as issuer (`iss`) with no subject and no expiry: an assertion this
    code sends to a third-party API that specifies an unsigned token (PayPal-Auth-Assertion), not
    a token this application issues to users and later trusts."""
    keys = {label[len(L.KEY_PREFIX) :] for label in payload if label.startswith(L.KEY_PREFIX)}
    deferred = any(L.deferred(label) for label in payload)
    return L.DICT in payload and not deferred and "iss" in keys and not keys & {"sub", "exp"}


#: Claims read from an unverified token to find how to verify it: which issuer, which key.
_ROUTING_CLAIMS = frozenset({"iss", "kid", "alg", "typ", "aud", "azp", "client_id"})


def _peeked_only(scope: ast.AST, call: ast.Call) -> bool:
    """`claims = jwt.decode(token, options={"verify_signature": False})` read only for `claims["iss"]` or
    `claims.get("kid")`: the unverified token picks the issuer or key that then verifies it."""
    target = next(
        (
            n.targets[0].id
            for n in ast.walk(scope)
            if isinstance(n, ast.Assign)
            and n.value is call
            and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name)
        ),
        None,
    )
    if target is None:
        return False
    reads = [n for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id == target and isinstance(n.ctx, ast.Load)]
    routed = set()
    for node in ast.walk(scope):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == target
            and isinstance(node.slice, ast.Constant)
            and node.slice.value in _ROUTING_CLAIMS
        ):
            routed.add(id(node.value))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == target
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value in _ROUTING_CLAIMS
        ):
            routed.add(id(node.func.value))
    return bool(reads) and all(id(n) in routed for n in reads)


#: What gives a typed key out of a JSON Web Key Set (PyJWT's `PyJWKClient(...).get_signing_key(kid)`, `PyJWK(jwk)`).
_JWKS_KEY_MAKERS = frozenset({"get_signing_key", "get_signing_key_from_jwt", "PyJWK", "from_jwk"})


def _jwks_key(function: Function, key: ast.expr | None) -> bool:
    """`jwks_client.get_signing_key(header["kid"]).key`, also through a name: an RSA or EC key object. PyJWT
    will not use it as an HMAC secret, nor accept `none` with it, so a header can only pick among the
    algorithms of the provider's own key type."""
    bound = assignments(function)
    seen = 0
    while isinstance(key, ast.Name) and seen < 4:
        key = bound.get(key.id)
        seen += 1
    if not (isinstance(key, ast.Attribute) and key.attr == "key"):
        return False
    maker: ast.expr | None = key.value
    while isinstance(maker, ast.Name) and seen < 8:
        maker = bound.get(maker.id)
        seen += 1
    if not isinstance(maker, ast.Call):
        return False
    func = maker.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in _JWKS_KEY_MAKERS


def _names_shared_secret(key: ast.expr | None) -> bool:
    """`settings.SECRET_KEY`, `jwt_secret`: a key named as a shared secret, not a public key."""
    name = dotted(key) if key is not None else None
    return name is not None and "secret" in names.words(name.rsplit(".", 1)[-1])


def _in_refusing_handler(scope: ast.AST, call: ast.Call) -> bool:
    """The call is in an `except` handler whose body ends by raising: whatever it decodes, the request is
    refused."""
    for handler in ast.walk(scope):
        if (
            isinstance(handler, ast.ExceptHandler)
            and handler.body
            and isinstance(handler.body[-1], ast.Raise)
            and any(n is call for statement in handler.body for n in ast.walk(statement))
        ):
            return True
    return False


def _named_unverified_beside_verified(module, function: Function, node: ast.Call) -> bool:
    """`def get_unverified_claims(token): return jwt.decode(token, options={"verify_signature": False})` in a
    module that also decodes tokens with a key: a helper that says it reads claims unchecked (the tenant, the
    key id) for the code that then verifies the token."""
    ws = set(names.words(function.name))
    if not ("unverified" in ws and ws & {"claims", "header", "headers", "payload"}):
        return False
    for call in module.calls:
        if (
            call.node is node
            or call.method != "decode"
            or len(call.node.args) < 2
            and not any(k.arg == "key" for k in call.node.keywords)
        ):
            continue
        options = next((k.value for k in call.node.keywords if k.arg == "options"), None)
        if options is None or "verify_signature" not in ast.unparse(options):
            return True
    return False


def _authlib_claims_unvalidated(ctx: FileContext, function: Function, node: ast.Call) -> None:
    """authlib's `jwt.decode(token, key)` checks the signature only: `exp`, `nbf` and the claims options are
    checked when `claims.validate()` (or `validate_exp()`) runs. Claims bound to a name that nothing validates are
    used with their expiry unchecked; claims handed back to the caller may be validated there (audit)."""
    parents = parents_of(function.node)
    parent = parents.get(id(node))
    bound = None
    if isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1:
        target = parent.targets[0]
        bound = target.id if isinstance(target, ast.Name) else None
    if bound is None and not isinstance(parent, ast.Return):
        return
    if bound is not None and any(
        isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr.startswith("validate")  # `validate()`, `validate_exp(now=..., leeway=...)`
        and isinstance(n.func.value, ast.Name)
        and n.func.value.id == bound
        for n in ast.walk(function.node)
    ):
        return
    returned = isinstance(parent, ast.Return) or any(
        isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == bound
        for n in ast.walk(function.node)
    )
    # `self._check_claims(claims)`: handed whole to a function that may validate them.
    handed = next(
        (
            ast.unparse(n.func)
            for n in ast.walk(function.node)
            if isinstance(n, ast.Call) and any(isinstance(a, ast.Name) and a.id == bound for a in n.args)
        ),
        None,
    )
    ctx.report(
        JWT003,
        node,
        "authlib's `jwt.decode()` checks only the signature and `claims.validate()` is never called: the "
        "token's expiry is not checked"
        + ("; the claims are returned, and the caller may validate them" if returned else "")
        + (f"; they are handed to `{handed}()`, which may validate them" if handed and not returned else ""),
        scope=function,
        audit=returned or handed is not None,
    )


#: Words of a function's name that say it revokes the token it decodes.
_REVOKING_WORDS = frozenset(
    {"revoke", "revocation", "revoking", "logout", "signout", "deny", "denylist", "blacklist", "blocklist"}
)


def _decode(ctx: FileContext, function: Function, event: CallEvent, callee: str) -> None:
    node = event.node
    token = _arg(node, 0, "jwt") or _arg(node, 0, "token")
    # OpenID Connect's ID token read from the token endpoint's response: this server asked the provider
    # for it over TLS, no client handed it in (OIDC Core 3.1.3.7 lets such a token go unchecked).
    back_channel = token is not None and from_http_response(token, assignments(function, before=node.lineno))
    why = "; the token is the response to a request this server made (the provider's back channel)"
    options = event.value_of(None, "options")
    # The data flow sees `{"verify_signature": False}` written out; the model reads a name bound to False.
    options_node = _arg(node, None, "options")
    written = ctx.module.constant_items(options_node, function)
    for flag in ("verify_signature", "verify_exp"):
        if f"{L.KEYVAL_PREFIX}{flag}=False" in options or written.get(flag) is False:
            what = "signature" if flag == "verify_signature" else "expiry"
            peek = flag == "verify_signature" and _named_unverified_beside_verified(ctx.module, function, node)
            # Without a key the call only reads the claims, which is harmless unless something trusts them:
            # evidence that something does is a token the client sent. With a key, the code means to verify
            # and does not.
            reading = (
                flag == "verify_signature"
                and _arg(node, 1, "key") is None
                and L.REQUEST not in event.value_of(0, "jwt")
                and L.REQUEST not in event.value_of(0, "token")
            )
            # `options={"verify_exp": False, "require": ["exp"]}`: the expiry must be there, and the code
            # compares it itself (against its own clock, with its own leeway).
            required = written.get("require")
            own_check = flag == "verify_exp" and isinstance(required, (list, tuple)) and "exp" in required
            # `if allow_expired: options["verify_exp"] = False`, with `allow_expired=False` in the signature:
            # checked unless a caller asks; which callers do is for a reader.
            asked = None if written.get(flag) is False else _off_when_caller_asks(function.node, flag)
            # `try: jwt.decode(token, key, options={"verify_exp": False}) except InvalidTokenError: return False`:
            # the claims are thrown away, so the call only asks whether the key signed the token.
            signature_only = flag == "verify_exp" and _claims_unused(function.node, node)
            # `def decode_for_revocation(token)`: a token is put on a deny list or signed out whether or not it
            # has expired; what the claims are trusted for there is only which token to revoke.
            revoking = flag == "verify_exp" and bool(_REVOKING_WORDS & set(names.words(function.name)))
            # `except ExpiredSignatureError: stale = jwt.decode(token, options=...); log(...); raise Unauthorized`:
            # the token was refused already; its claims only say whose it was.
            refused = _in_refusing_handler(function.node, node)
            before = len(ctx.findings)
            ctx.report(
                JWT003,
                node,
                f"`{flag}` is off: the token's {what} is not checked"
                + (why if back_channel else "")
                + (
                    "; a helper named for unverified claims, in a module that verifies tokens with a key"
                    if peek
                    else ""
                )
                + (
                    "; no key is given and nothing shows a client sent the token: check that nothing trusts "
                    "these claims"
                    if reading and not back_channel and not peek
                    else ""
                )
                + ("; `exp` is required, so the code checks it itself" if own_check else "")
                + (f"; only when a caller asks, through `{asked}`: check the callers that do" if asked else "")
                + ("; the claims are not used: the call only checks who signed the token" if signature_only else "")
                + ("; the function is named for revoking the token, which may have expired" if revoking else "")
                + ("; read where the token was refused already, before refusing the request" if refused else ""),
                scope=function,
                audit=back_channel
                or _used_only_when_operator_opts_out(function.node, node)
                or _peeked_only(function.node, node)
                or peek
                or reading
                or own_check
                or asked is not None
                or signature_only
                or revoking
                or refused,
                at=options_node,
            )
            parameter = parameter_of(function, token) if reading and not back_channel and not peek else None
            if parameter is not None and len(ctx.findings) > before:
                # `def vehicle_from_unit_token(unit_token)`: whether a caller hands it a token the client sent is
                # for the project stage.
                ctx.fact(
                    UNVERIFIED_PARAMETER,
                    UnverifiedParameter(ctx.findings[-1], ctx.module.global_name(function), *parameter),
                )
                del ctx.findings[before:]
            return
    for flag, caller, keyword in _flags_passed_in(ctx.module, function, options_node):
        # `def _decode(token, use, **options): jwt.decode(..., options={..., **options})`, then
        # `_decode(token, "refresh", verify_exp=False)`: the caller switches the check off.
        what = "signature" if flag == "verify_signature" else "expiry"
        ctx.report(
            JWT003,
            caller.node,
            f"`{flag}=False` is passed to `{function.name}`, which spreads its keyword arguments into "
            f"`jwt.decode(options=...)`: the token's {what} is not checked",
            scope=caller.scope,
            at=keyword,
        )
    verify = _arg(node, None, "verify")
    if ctx.module.constant(verify, None, function) is False:
        ctx.report(JWT003, node, "`verify=False`: the token is not checked at all", scope=function, at=verify)
        return
    if callee == "authlib.jose.jwt.decode":
        _authlib_claims_unvalidated(ctx, function, node)
        return
    algorithms_node = _arg(node, 2, "algorithms")
    if algorithms_node is None:
        if callee in _NEEDS_ALGORITHMS:
            # PyJWT 2 (2020) refuses to decode without `algorithms=`: the call fails closed, and only a
            # project pinned to PyJWT 1 accepts whatever the token's header names. python-jose accepts it.
            pyjwt = not callee.startswith("jose.")
            # python-jose builds the key for the header's algorithm and has no `none`: with a shared secret
            # (`settings.SECRET_KEY`), a header naming RSA or EC fails to make a key, so nothing is confused.
            shared = not pyjwt and _names_shared_secret(_arg(node, 1, "key"))
            ctx.report(
                JWT002,
                node,
                "decode without `algorithms=`: pin the algorithm you issue"
                + ("; PyJWT 2 refuses the call, PyJWT 1 accepts any algorithm" if pyjwt else "")
                + ("; python-jose with a shared secret accepts only HMAC algorithms" if shared else ""),
                scope=function,
                audit=pyjwt or shared,
            )
        return
    algorithms = event.value_of(2, "algorithms")
    if L.TOKEN_HEADER in algorithms:
        typed_key = _jwks_key(function, _arg(node, 1, "key"))
        ctx.report(
            JWT002,
            node,
            "algorithms taken from the token's own header: the attacker chooses"
            + (why if back_channel else "")
            + (
                "; the key is a typed public key from the provider's key set (`PyJWKClient`), with which "
                "PyJWT refuses HMAC and `none`"
                if typed_key
                else ""
            ),
            scope=function,
            flow=algorithms[L.TOKEN_HEADER],
            at=algorithms_node,
            audit=back_channel or typed_key,
        )
        return
    listed = ctx.module.constant(algorithms_node, None, function)
    if isinstance(listed, str):
        listed = [listed]
    if isinstance(listed, (list, tuple)) and all(isinstance(a, str) for a in listed):
        if any(a.lower() == "none" for a in listed):
            ctx.report(
                JWT002,
                node,
                "`none` is an accepted algorithm: unsigned tokens pass",
                scope=function,
                at=algorithms_node,
            )
        elif any(_HMAC.match(a) for a in listed) and any(not _HMAC.match(a) for a in listed):
            ctx.report(
                JWT002,
                node,
                f"HMAC and public-key algorithms accepted together ({', '.join(listed)}): "
                "a public key can be used as an HMAC secret",
                scope=function,
                at=algorithms_node,
            )


def _flags_passed_in(
    module: Module, function: Function, options: ast.expr | None
) -> Iterator[tuple[str, Call, ast.keyword]]:
    """Each `verify_signature=False` / `verify_exp=False` a call in this module passes to `function` when the
    function hands its `**kwargs` to the decode as its options (`options={"require": [...], **options}`,
    `options=options`)."""
    extra = getattr(getattr(function.node, "args", None), "kwarg", None)
    spread: list[ast.expr] = [options] if isinstance(options, ast.Name) else []
    if isinstance(options, ast.Dict):
        spread = [value for key, value in zip(options.keys, options.values) if key is None]
    if extra is None or not any(isinstance(value, ast.Name) and value.id == extra.arg for value in spread):
        return
    for call in module.calls_to(module.global_name(function)):
        for keyword in call.node.keywords:
            if (
                keyword.arg in ("verify_signature", "verify_exp")
                and module.constant(keyword.value, None, call.scope) is False
            ):
                yield keyword.arg, call, keyword


def _off_when_caller_asks(function_node: ast.AST, flag: str) -> str | None:
    """The parameter under whose `if` every `options[flag] = False` of the function sits, when that
    parameter has no default or defaults to False or None (`if allow_expired:`), or defaults to True under
    `if not verify_expiry:`: verification is on unless a caller asks for it to be off."""
    if not isinstance(function_node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    arguments = function_node.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: dict[str, ast.expr | None] = {a.arg: None for a in [*positional, *arguments.kwonlyargs]}
    defaults.update(zip([a.arg for a in positional[len(positional) - len(arguments.defaults) :]], arguments.defaults))
    defaults.update((a.arg, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None)
    off_by_default = {
        name for name, d in defaults.items() if d is None or isinstance(d, ast.Constant) and d.value in (False, None)
    }
    on_by_default = {
        name for name, d in defaults.items() if d is None or isinstance(d, ast.Constant) and d.value is True
    }
    stores = [
        node
        for node in ast.walk(function_node)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and node.value.value is False
        and any(
            isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and t.slice.value == flag
            for t in node.targets
        )
    ]
    if not stores:
        return None
    guards = {
        id(inner): name
        for node in ast.walk(function_node)
        if isinstance(node, ast.If) and (name := _asking_parameter(node.test, off_by_default, on_by_default))
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    asked = {guards.get(id(store)) for store in stores}
    return next(iter(asked)) if len(asked) == 1 and None not in asked else None


def _asking_parameter(test: ast.expr, off_by_default: set[str], on_by_default: set[str]) -> str | None:
    """`allow_expired` for `if allow_expired:`, `verify_expiry` for `if not verify_expiry:`, when the caller
    must pass the parameter for the branch to run."""
    if isinstance(test, ast.Name) and test.id in off_by_default:
        return test.id
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Name):
        return test.operand.id if test.operand.id in on_by_default else None
    return None


def _claims_unused(function_node: ast.AST, decode: ast.Call) -> bool:
    """The decode is a statement of its own: what it returns is not kept."""
    return any(isinstance(n, ast.Expr) and n.value is decode for n in ast.walk(function_node))


def _used_only_when_operator_opts_out(function_node: ast.AST, decode: ast.Call) -> bool:
    """The unverified claims are used only in the branch where a verification setting is off, and
    that setting defaults to on (`cfg.get("verify_signature", True)`): verification is the default and
    skipping it is the operator's explicit choice. A setting that defaults to off is not evidence."""
    switches = _verify_switches(function_node)
    if not switches:
        return False
    target = None
    for node in ast.walk(function_node):
        if (
            isinstance(node, ast.Assign)
            and node.value is decode
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            target = node.targets[0].id
        elif isinstance(node, ast.Return) and node.value is decode:
            return _inside_off_branch(function_node, node, switches)
    if target is None:
        return False
    uses = [
        n for n in ast.walk(function_node) if isinstance(n, ast.Name) and n.id == target and isinstance(n.ctx, ast.Load)
    ]
    return bool(uses) and all(_inside_off_branch(function_node, use, switches) for use in uses)


def _verify_switches(function_node: ast.AST) -> set[str]:
    """Names bound to a verification setting read with a default of True: `verify = cfg.get("verify_x", True)`."""
    found: set[str] = set()
    for node in ast.walk(function_node):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and _is_verify_setting_on_by_default(node.value)
        ):
            found.add(node.targets[0].id)
    return found


def _is_verify_setting_on_by_default(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or len(node.args) < 2:
        return False
    name = (
        node.func.attr
        if isinstance(node.func, ast.Attribute)
        else node.func.id
        if isinstance(node.func, ast.Name)
        else ""
    )
    if name not in ("get", "getattr"):
        return False
    key, default = node.args[-2], node.args[-1]
    return (
        isinstance(key, ast.Constant)
        and isinstance(key.value, str)
        and "verify" in key.value.lower()
        and isinstance(default, ast.Constant)
        and default.value is True
    )


def _inside_off_branch(function_node: ast.AST, target: ast.AST, switches: set[str]) -> bool:
    """`target` sits in the `else` of `if verify:` (or after it, when that branch always leaves), or in
    the body of `if not verify:`."""
    for block in _blocks(function_node):
        for index, node in enumerate(block):
            if not isinstance(node, ast.If):
                continue
            test = node.test
            if isinstance(test, ast.Name) and test.id in switches:
                off = list(node.orelse)
                if not node.orelse and node.body and isinstance(node.body[-1], (ast.Return, ast.Raise)):
                    off = block[index + 1 :]
            elif (
                isinstance(test, ast.UnaryOp)
                and isinstance(test.op, ast.Not)
                and isinstance(test.operand, ast.Name)
                and test.operand.id in switches
            ):
                off = node.body
            else:
                continue
            if any(target is inner for stmt in off for inner in ast.walk(stmt)):
                return True
    return False


def _blocks(function_node: ast.AST) -> list[list[ast.stmt]]:
    return [
        block
        for node in ast.walk(function_node)
        for field in ("body", "orelse", "finalbody")
        if isinstance(block := getattr(node, field, None), list) and block and isinstance(block[0], ast.stmt)
    ]


def _key(
    ctx: FileContext, function: Function, event: CallEvent, key_node: ast.expr | None, key_index: int, algorithm: object
) -> None:
    if key_node is None:
        return
    value = event.value_of(key_index, "key")
    literal = literal_value(key_node)
    written: tuple[FlowStep, ...] = ()
    if literal is None and isinstance(key_node, ast.Name):
        assigned = ctx.module.assignments.get(key_node.id)
        literal = literal_value(assigned[-1]) if assigned and len(assigned) == 1 else None
        if literal is not None and assigned:
            # The reader is led to where the key is written, not only where it is used.
            written = (FlowStep(Location(ctx.module.path, assigned[-1].lineno), f"`{key_node.id}` is written here"),)
    if literal is None and (item := _config_item(key_node)) is not None:
        literal = _config_literal(ctx.module, item)
    if literal is None and L.LITERAL_FALLBACK not in value:
        _hand_on_imported_key(ctx, function, key_node, algorithm)
        return
    if L.LITERAL_FALLBACK in value:
        ctx.report(
            JWT004,
            key_node,
            "signing key has a literal default: a missing variable ships it to production",
            scope=function,
            flow=value[L.LITERAL_FALLBACK],
        )
    elif isinstance(literal, (str, bytes)) and literal and not is_reference(str(literal)):
        ctx.report(
            JWT004,
            key_node,
            f"signing key is hard-coded{_shortness(len(literal), algorithm)}: load it from the environment",
            scope=function,
            snippet=_masked_line(ctx, key_node, str(literal)),
            flow=written,
        )


def _config_item(node: ast.expr) -> str | None:
    """`app.config["JWT_KEY"]`, `current_app.config.get("JWT_KEY")` → "JWT_KEY": a key read from an app's
    configuration mapping."""
    if isinstance(node, ast.Subscript) and _is_config(node.value):
        key = literal_value(node.slice)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and _is_config(node.func.value)
        and node.args
    ):
        key = literal_value(node.args[0])
    else:
        return None
    return key if isinstance(key, str) else None


def _is_config(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "config"


def _config_literal(module: Module, item: str) -> object:
    """The literal the module puts under `item` in an app's configuration (`app.config["JWT_KEY"] = "..."`,
    `app.config.update(JWT_KEY="...")`) when it puts exactly one there; None otherwise."""
    values: list[object] = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if _config_item(target) == item:
                values.append(literal_value(node.value))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("update", "from_mapping")
            and _is_config(node.func.value)
        ):
            values.extend(literal_value(k.value) for k in node.keywords if k.arg == item)
    return values[0] if len(values) == 1 else None


def _shortness(length: int, algorithm: object) -> str:
    short = length < 32 and (algorithm is None or (isinstance(algorithm, str) and _HMAC.match(algorithm)))
    return f" and only {length} bytes" if short else ""


#: A token whose `exp` a setting defined elsewhere decides (`timedelta(minutes=settings.X)`), as `SettingLifetime`.
SETTING_LIFETIME = "jwt-setting-lifetime"
#: A number bound at the top of a module or of a class there under a name that speaks of time, as
#: `TimeConstant`: the default of a setting (`access_token_expire_minutes: int = 60 * 24 * 7`).
TIME_CONSTANT = "time-constant"


@dataclass(frozen=True)
class SettingLifetime:
    finding: Finding  # reported at the encode call, message to be completed
    span: Span | None  # the span that reads a setting, or
    parameter: tuple[str, int, str] | None  # (function, index, name) of the parameter that holds the span
    max_lifetime: int
    purpose: str | None  # what a single-purpose token is for (`_link_purpose`)


@dataclass(frozen=True)
class TimeConstant:
    name: str
    value: float
    line: int
    text: str


def _hand_on_setting_lifetimes(
    ctx: FileContext, function: Function, node: ast.Call, payload: L.Value, max_lifetime: int
) -> None:
    """`"exp": now + timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)`: the project stage knows the
    setting's default."""
    purpose = _link_purpose(function, payload)
    for label in payload:
        if label.startswith(L.SETTING_LIFETIME_PREFIX):
            unit, offset, setting = label[len(L.SETTING_LIFETIME_PREFIX) :].split(":", 2)
            span = Span(float(offset), float(unit), setting)
            parameter: tuple[str, int, str] | None = None
        elif label.startswith(L.PARAM_LIFETIME_PREFIX):
            # (A method's index counts `self`: its own class's calls `self._encode(claims, span)` hand it on.)
            index = int(label[len(L.PARAM_LIFETIME_PREFIX) :])
            span, parameter = None, (ctx.module.global_name(function), index, function.params[index])
        else:
            continue
        before = len(ctx.findings)
        ctx.report(JWT005, node, "token lifetime is over the maximum", scope=function, audit=purpose is not None)
        for finding in ctx.findings[before:]:
            ctx.fact(SETTING_LIFETIME, SettingLifetime(finding, span, parameter, max_lifetime, purpose))
        del ctx.findings[before:]


@check(JWT005)
def time_constants(ctx: FileContext) -> None:
    """Hand on the numbers bound at the top of a module or a settings class under a time-speaking name,
    `Field(default=...)` and `Field(...)` included."""
    module = ctx.module
    for stmt, name, default in setting_bindings(module):
        if not TIME_SETTING_WORDS & set(names.words(name)):
            continue
        number = module.constant(default)
        if isinstance(default, ast.Call) and module.qualified_name(default.func) == "datetime.timedelta":
            span = timedelta_span(module, module.module_function, default)  # `TTL = timedelta(hours=24)`
            number = span.seconds if span is not None and span.setting is None else None
        if isinstance(number, (int, float)) and not isinstance(number, bool):
            ctx.fact(TIME_CONSTANT, TimeConstant(name, float(number), stmt.lineno, short_source(stmt)))


#: A `timedelta` passed to a function of the project, as `SpanArgument`.
SPAN_ARGUMENT = "span-argument"


@dataclass(frozen=True)
class SpanArgument:
    callee: str
    index: int | None  # position, or
    keyword: str | None
    span: Span
    line: int
    text: str
    caller: str = ""  # the name of the function that passes it (`create_user_api_key`)


@check(JWT005)
def span_arguments(ctx: FileContext) -> None:
    """Hand on the spans passed to functions of the project (`create_access_token(user.id,
    expires_delta=timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES))`), also through a local name."""
    module = ctx.module
    if "timedelta" not in module.source:
        return
    for function in module.all_functions():
        bound: dict[str, ast.expr] | None = None
        cls = module.classes.get(function.qualname.rsplit(".", 1)[0]) if function.class_name else None
        for call in function.calls:
            callee, shift = call.callee, 0
            own = _own_method_called(module, function, call.node)
            if own is not None:
                callee, shift = module.global_name(own), 1  # `self._encode(claims, span)`: after `self`
            elif not callee or callee.split(".", 1)[0] not in module.project_roots:
                continue
            given: list[tuple[int | None, str | None, ast.expr]] = [
                (i + shift, None, a) for i, a in enumerate(call.node.args)
            ]
            given += [(None, k.arg, k.value) for k in call.node.keywords if k.arg]
            for index, keyword, argument in given:
                if isinstance(argument, ast.Name):
                    bound = assignments(function) if bound is None else bound
                    argument = bound.get(argument.id, argument)
                if isinstance(argument, ast.Attribute) and _self_attribute(argument) and cls is not None:
                    # `self.access_lifetime`, bound in the class body (`access_lifetime = timedelta(days=14)`).
                    argument = cls.attributes.get(argument.attr, argument)
                if not (
                    isinstance(argument, ast.Call)
                    and module.qualified_name(argument.func, function) == "datetime.timedelta"
                ):
                    continue
                span = timedelta_span(module, function, argument)
                if span is not None:
                    text = short_source(argument)
                    ctx.fact(
                        SPAN_ARGUMENT,
                        SpanArgument(callee, index, keyword, span, argument.lineno, text, function.name),
                    )


def _self_attribute(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


def _own_method_called(module, function: Function, node: ast.Call) -> Function | None:
    """`self._encode(...)` in a method: the method of the same class it runs, when the class defines it."""
    func = node.func
    if not function.class_name or not isinstance(func, ast.Attribute) or not _self_attribute(func):
        return None
    owner = function.qualname.rsplit(".", 1)[0]
    return module.functions.get(f"{owner}.{func.attr}")


@check(JWT005, stage="project")
def setting_lifetimes(ctx: ProjectContext) -> None:
    """A token lifetime set by a setting is judged by the defaults the project gives that setting: every
    one of them must be over the maximum (a test or local settings module may shorten it). A lifetime a
    parameter holds is judged by the spans the project's callers pass."""
    lifetimes = ctx.facts_of(SETTING_LIFETIME, SettingLifetime)
    if not lifetimes:
        return
    constants: dict[str, list[tuple[str, TimeConstant]]] = {}
    for path, constant in ctx.facts_of(TIME_CONSTANT, TimeConstant):
        constants.setdefault(constant.name.lower(), []).append((path, constant))
    arguments = ctx.facts_of(SPAN_ARGUMENT, SpanArgument)

    def judged(span: Span) -> tuple[float, FlowStep | None, str] | None:
        """The span in seconds, the step to the setting's default, and what sets it; None if unknown."""
        if span.setting is None:
            return span.seconds, None, ""
        found = constants.get(span.setting.lower())
        if not found:
            return None
        seconds, path, constant = min(
            ((span.unit * c.value + span.seconds, p, c) for p, c in found), key=lambda item: item[0]
        )
        step = FlowStep(Location(path, constant.line), f"`{constant.text}`: {_span(int(seconds))}")
        return seconds, step, f" (`{span.setting}`, {path}:{constant.line})"

    seen: set[tuple[str, int]] = set()
    for _, fact in lifetimes:
        finding = fact.finding
        candidates: list[tuple[float, tuple[FlowStep, ...], str, str | None]] = []
        if fact.span is not None:
            result = judged(fact.span)
            if result is not None:
                candidates.append((result[0], (result[1],) if result[1] else (), result[2], fact.purpose))
        elif fact.parameter is not None:
            symbol, index, name = fact.parameter
            for path, argument in arguments:
                if argument.callee != symbol or (argument.index != index and argument.keyword != name):
                    continue
                if _names_refresh(argument.caller) or _names_refresh(argument.span.setting or ""):
                    continue  # `create_refresh_token()` passing `REFRESH_TOKEN_EXPIRE_DAYS`: meant to live long
                result = judged(argument.span)
                if result is None:
                    continue
                passed = FlowStep(Location(path, argument.line), f"`{argument.text}` passed as `{name}`")
                steps: tuple[FlowStep, ...] = (result[1], passed) if result[1] else (passed,)
                where = result[2] or f" (passed at {path}:{argument.line})"
                candidates.append((result[0], steps, where, fact.purpose or _caller_purpose(argument.caller)))
        if not candidates:
            continue
        # An access token's span over the maximum decides before one a caller makes for another purpose.
        over = [c for c in candidates if c[0] > fact.max_lifetime]
        seconds, steps, where, purpose = max(over or candidates, key=lambda item: (item[3] is None, item[0]))
        if seconds <= fact.max_lifetime or (finding.location.path, finding.location.line) in seen:
            continue
        seen.add((finding.location.path, finding.location.line))
        message = f"token lifetime {_span(int(seconds))}{where} is over the maximum of {_span(fact.max_lifetime)}"
        ctx.findings.append(
            replace(
                finding,
                message=message + _purpose_note(purpose),
                flow=(*steps, *finding.flow),
                audit=finding.audit or purpose is not None,
            )
        )


check(SQL002, JWT003, PWD004)(parameter_passes)

#: An unverified decode of a token a parameter holds, as `UnverifiedParameter`.
UNVERIFIED_PARAMETER = "jwt-unverified-parameter"


@dataclass(frozen=True)
class UnverifiedParameter:
    finding: Finding  # audit mode, as reported where nothing shows a client sent the token
    function: str  # global name
    position: str  # as callers count it (after `self`)
    name: str


# The calls that hand request input to project functions are registered in `rules/xss.py`, for every join.


@check(JWT003, stage="project")
def unverified_parameters(ctx: ProjectContext) -> None:
    """A helper that reads a token's claims without checking its signature is reported where a caller hands it
    a token the client sent (`vehicle_from_unit_token(request.headers[...])`); otherwise it stays for audit."""
    pending = ctx.facts_of(UNVERIFIED_PARAMETER, UnverifiedParameter)
    if not pending:
        return
    joined = requests_and_passes(ctx)
    for _, helper in pending:
        sent = request_reaching(joined, helper.function, helper.position, helper.name)
        if sent is None:
            ctx.findings.append(helper.finding)
            continue
        argument, steps = sent
        message = helper.finding.message.split("; no key is given", 1)[0]
        source = describe_source(argument.trace, helper.finding.location)
        ctx.findings.append(
            replace(
                helper.finding,
                audit=False,
                message=f"{message}: {source} is passed to `{argument.callee}()`, which reads its claims "
                "without checking the signature",
                flow=(
                    *argument.trace,
                    *steps,
                    FlowStep(helper.finding.location, "claims read without the signature"),
                ),
            )
        )


#: A signing key that is a name imported from another module of the project, as `ImportedKey`.
IMPORTED_KEY = "jwt-key-imported"
#: A string constant of a module or of a class at its top (`settings.JWT_SECRET`), as `KeyConstant`.
KEY_CONSTANT = "jwt-key-constant"


@dataclass(frozen=True)
class ImportedKey:
    finding: Finding  # reported at the key argument, message to be completed
    qualified: str
    algorithm: object


@dataclass(frozen=True)
class KeyConstant:
    qualified: str
    length: int
    line: int


#: Where Django's settings are read from, whichever module the project's settings are.
_DJANGO_SETTINGS = "django.conf.settings."


def _hand_on_imported_key(ctx: FileContext, function: Function, key_node: ast.expr, algorithm: object) -> None:
    """`jwt.encode(claims, JWT_SECRET)` with `from app.settings import JWT_SECRET`, or `settings.JWT_KEY` of
    Django's settings: the project stage knows whether that module, or the settings in force, bind it to a
    literal."""
    module = ctx.module
    qualified = module.qualified_name(key_node, function) if isinstance(key_node, (ast.Name, ast.Attribute)) else None
    if not qualified or (
        qualified.split(".", 1)[0] not in module.project_roots and not qualified.startswith(_DJANGO_SETTINGS)
    ):
        return
    before = len(ctx.findings)
    ctx.report(JWT004, key_node, "signing key is hard-coded", scope=function)
    for finding in ctx.findings[before:]:
        ctx.fact(IMPORTED_KEY, ImportedKey(finding, qualified, algorithm))
    del ctx.findings[before:]


#: Words of the names a signing key is kept under.
_KEY_WORDS = frozenset({"key", "secret", "signing", "jwt", "token", "pass", "password", "passphrase"})


@check(JWT004)
def key_constants(ctx: FileContext) -> None:
    """Hand on the string constants that could be a key another module signs with, and (with length -1) the
    key-named names the module binds to anything else (`JWT_KEY = os.environ["JWT_KEY"]`): a settings module
    that reads one from the environment overrides what another wrote."""
    module = ctx.module
    literal: set[str] = set()
    for qualified, binding in module.top_level_literals():
        if not _KEY_WORDS & set(names.words(binding.name)) or is_reference(str(binding.value)):
            continue
        literal.add(binding.name)
        ctx.fact(KEY_CONSTANT, KeyConstant(qualified, len(binding.value), binding.node.lineno))
    for name, values in module.assignments.items():
        if name.isupper() and name not in literal and _KEY_WORDS & set(names.words(name)):
            if any(literal_value(v) is None for v in values):
                ctx.fact(KEY_CONSTANT, KeyConstant(f"{module.module_name}.{name}", -1, values[-1].lineno))


@check(JWT004, stage="project")
def imported_keys(ctx: ProjectContext) -> None:
    keys = ctx.facts_of(IMPORTED_KEY, ImportedKey)
    if not keys:
        return
    facts = ctx.facts_of(KEY_CONSTANT, KeyConstant)
    computed = {fact.qualified for _, fact in facts if fact.length < 0}
    constants = {fact.qualified: (path, fact) for path, fact in facts if fact.qualified not in computed}
    for _, key in keys:
        if key.qualified.startswith(_DJANGO_SETTINGS):
            written = _literal_setting(ctx, key.qualified[len(_DJANGO_SETTINGS) :], constants, computed)
            if written is None:
                continue
            path, line, length = written
        else:
            found = constants.get(key.qualified)
            if found is None:
                continue
            path, constant = found
            line, length = constant.line, constant.length
        message = (
            f"signing key is hard-coded in {path}:{line}{_shortness(length, key.algorithm)}: "
            "load it from the environment"
        )
        where = FlowStep(Location(path, line), f"`{last(key.qualified)}` is written here")
        ctx.findings.append(replace(key.finding, message=message, flow=(*key.finding.flow, where)))


def _literal_setting(
    ctx: ProjectContext, name: str, constants: dict[str, tuple[str, KeyConstant]], computed: set[str]
) -> tuple[str, int, int] | None:
    """Where Django's setting `name` is written as a string literal in a settings module (one that sets
    Django's settings), when no settings module binds it to anything else (reads it from the environment,
    as a production module overriding a base one does): (file, line, length)."""
    modules = {unit.name for _, unit in ctx.facts_of(SETTINGS, SettingsFact) if ":" not in unit.name}
    if any(f"{module}.{name}" in computed for module in modules):
        return None
    written = sorted(
        (path, constant.line, constant.length)
        for module in modules
        if (found := constants.get(f"{module}.{name}")) is not None
        for path, constant in [found]
    )
    return written[0] if written else None


def _algorithm(node: ast.Call, event: CallEvent, callee: str) -> object:
    if callee in ("authlib.jose.jwt.encode", "joserfc.jwt.encode"):
        header = literal_value(node.args[0]) if node.args else None
        return header.get("alg") if isinstance(header, dict) else None
    found = _arg(node, 2, "algorithm")
    if found is None:
        return "HS256"  # PyJWT's and python-jose's default
    return literal_value(found)


def _closed_literal_payload(
    module: Module, function: Function, encode: ast.Call | None, payload: ast.expr | None, depth: int = 0
) -> bool:
    """The claims are a dict literal with literal keys and no `**`, written in the call or bound once to a name
    the function neither changes (`payload[k] = ...`, `payload.update(...)`) nor hands to another call; or
    what a function of this module returns that is always one (`jwt.encode(build_claims(user), ...)`)."""
    if isinstance(payload, ast.Call) and depth < 3:
        builder = module.local_function(module.qualified_name(payload.func, function))
        if builder is None or builder.class_name:
            return False
        returns = builder.returns()
        return bool(returns) and all(
            _closed_literal_payload(module, builder, None, r.value, depth + 1) for r in returns
        )
    name = payload.id if isinstance(payload, ast.Name) else None
    written = assignments(function).get(name) if name else payload
    if not isinstance(written, ast.Dict) or not all(isinstance(k, ast.Constant) for k in written.keys):
        return False
    if name is None:
        return True
    for node in ast.walk(function.node):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name:
            if isinstance(node.ctx, ast.Store):
                return False
        elif isinstance(node, ast.Call) and node is not encode:
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == name:
                return False  # `payload.update(...)`
            if any(isinstance(a, ast.Name) and a.id == name for a in node.args) or any(
                isinstance(k.value, ast.Name) and k.value.id == name for k in node.keywords
            ):
                return False  # handed to a helper that may add claims
    return True


def _arg(node: ast.Call, index: int | None, keyword: str) -> ast.expr | None:
    for kw in node.keywords:
        if kw.arg == keyword:
            return kw.value
    if index is not None and index < len(node.args):
        return node.args[index]
    return None


def _names_refresh(name: str) -> bool:
    return "refresh" in names.words(name)


def _is_refresh(function: Function, payload: L.Value) -> bool:
    """Refresh tokens are meant to live long; the server can revoke them."""
    if "refresh" in function.name.lower():
        return True
    return any(label.startswith(L.KEYVAL_PREFIX) and "refresh" in label.lower() for label in payload)


#: Words that name what a single-purpose token is for: a link sent by e-mail, not a token that grants access.
_LINK_PURPOSES = {
    "verify": "verification", "verification": "verification", "confirm": "confirmation",
    "confirmation": "confirmation", "invite": "invitation", "invitation": "invitation", "reset": "reset",
    "unsubscribe": "unsubscribe", "activate": "activation", "activation": "activation", "download": "download",
    "share": "share link", "rsvp": "RSVP link", "calendar": "calendar feed",
}  # fmt: skip


def _link_purpose(function: Function, payload: L.Value) -> str | None:
    """`make_email_verification_token`, `{"type": "password_reset"}`: the purpose of a token sent in a link.
    `generate_client_secret`, `client_assertion`: a token this code sends another service as its own credential,
    whose lifetime that service sets."""
    words = list(names.words(function.name))
    if {"client", "secret"} <= set(words) or "assertion" in words:
        return "client assertion"
    for label in payload:
        if label.startswith(L.KEYVAL_PREFIX) and label.split("=", 1)[0][len(L.KEYVAL_PREFIX) :] in _PURPOSE_CLAIMS:
            words.extend(names.words(label.split("=", 1)[1].strip("'\"")))
    return next((_LINK_PURPOSES[word] for word in words if word in _LINK_PURPOSES), None)


def _caller_purpose(caller: str) -> str | None:
    """`create_user_api_key(...)` passing the span: the token is an API key, whose lifetime is the key's policy
    (how long a key stays valid and how it is revoked), not an access token's."""
    words = set(names.words(caller))
    return "API key" if {"api", "key"} <= words or "apikey" in words else None


def _purpose_note(purpose: str | None) -> str:
    return f"; it is a {purpose} token, not an access token: check that the lifetime fits its use" if purpose else ""


#: Claims that say what a token is for.
_PURPOSE_CLAIMS = frozenset({"type", "typ", "purpose", "scope", "token_type", "use", "aud"})


def _span(seconds: int) -> str:
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit[:-1] if count == 1 else unit}"
    return f"{seconds} seconds"


def _masked_line(ctx: FileContext, node: ast.AST, secret: str) -> str:
    line = ctx.module.line_text(getattr(node, "lineno", 1)).strip()
    return line.replace(secret, ctx.secret(secret))
