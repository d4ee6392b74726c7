"""What a name says about the value it holds: password, secret, token, or nothing.

Names are split into words (`resetToken`, `RESET_TOKEN`, `reset-token` → reset,
token) and judged by their head word, the last one, as English judges a noun
phrase: `password_policy` is a policy, `min_password_length` a length,
`token_type` a type, and none of them holds a secret.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

_SPLIT = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|_)|[A-Z]?[a-z]+|[A-Z]+|\d+")


class NameKind(Enum):
    PASSWORD = "password"  # a user's password or passphrase
    SECRET = "secret"  # a token, key or other credential the system issues or holds
    SHORT_CODE = "short-code"  # an OTP / PIN / one-time code: may be short if attempts are limited
    SIGNATURE = "signature"  # a MAC, signature or integrity checksum
    PERSONAL = "personal"  # card number, CVV, social security number: never logged


@lru_cache(maxsize=8192)
def words(name: str) -> tuple[str, ...]:
    """`resetToken` → ('reset', 'token'); `API_KEY` → ('api', 'key')."""
    return tuple(w.lower() for w in _SPLIT.findall(name))


_PASSWORD_HEADS = {"password", "passwd", "pwd", "passphrase", "pw", "pass", "passwords"}
_SECRET_HEADS = {
    "secret",
    "token",
    "apikey",
    "nonce",
    "salt",
    "csrf",
    "xsrf",
    "credential",
    "credentials",
    "secrets",
    "tokens",
    "authorization",
    "sessionid",
    "sid",
    "jwt",
    "bearer_token",
    "pepper",
    "otpkey",  # the shared seed of an HOTP/TOTP token: whoever has it makes every code
}
# Qualifiers that make plural `tokens` credentials rather than a count or a lexer's output.
_CREDENTIAL_TOKENS = {
    "api",
    "access",
    "refresh",
    "auth",
    "bearer",
    "session",
    "csrf",
    "reset",
    "id",
    "oauth",
    "jwt",
    "personal",
    "user",
    "device",
    "push",
    "invite",
    "verification",
    "revoked",
    "valid",
}
_SHORT_CODE_HEADS = {"otp", "totp", "hotp", "pin", "passcode", "mfa"}
_PERSONAL_HEADS = {"cvv", "cvc", "cvv2", "ssn", "pan", "iban"}
_SIGNATURE_HEADS = {"signature", "sig", "mac", "hmac", "checksum", "integrity"}
# Head words that need a qualifier in front to mean a secret.
_KEY_QUALIFIERS = {
    "api",
    "otp",
    "hotp",
    "totp",
    "secret",
    "private",
    "access",
    "signing",
    "sign",
    "encryption",
    "encrypt",
    "session",
    "auth",
    "hmac",
    "master",
    "client",
    "app",
    "jwt",
    "aes",
    "fernet",
    "crypto",
    "license",
    "webhook",
    "shared",
    "decryption",
    "cipher",
    "token",
    "consumer",
    "integration",
    "partner",
}
_CODE_QUALIFIERS = {
    "pass",  # `guest_pass_code`: a passcode written in two words
    "reset",
    "verification",
    "verify",
    "confirm",
    "confirmation",
    "auth",
    "authorization",
    "login",
    "otp",
    "sms",
    "email",
    "activation",
    "activate",
    "invite",
    "invitation",
    "recovery",
    "backup",
    "mfa",
    "security",
    "access",
    "one",
    "magic",
    "pairing",
    "unlock",
    "signin",
    "signup",
    "2fa",
    # what redeems money or goods: `gift_card_code`, `voucher_code`
    "card",
    "gift",
    "voucher",
}
_LINK_QUALIFIERS = {
    "reset",
    "invite",
    "invitation",
    "magic",
    "verify",
    "verification",
    "confirm",
    "confirmation",
    "activation",
    "login",
    "signin",
    "unsubscribe",
}
_ID_QUALIFIERS = {"session", "sess"}
#: Words before `session_id` that make it a tracing or analytics id (`trace_session_id`): it groups
#: records, and signs nobody in.
_TELEMETRY_WORDS = frozenset({"trace", "tracing", "span", "telemetry", "analytics", "correlation"})
_DERIVED_QUALIFIERS = {
    "hashed",
    "hash",
    "encrypted",
    "encoded",
    "salted",
    "masked",
    "redacted",
    "next",
    "prev",
    "previous",
    "page",
    "pagination",
    "continuation",
    "cursor",
    "sync",
    # Where a stream or a listing is up to (`since_token`, `stream_token`, `from_token`): a position.
    "since",
    "stream",
    "batch",
    "poll",  # a feed's `pollToken`: where the last poll ended
    "resume",  # a change stream's `resume_token`
    "from",
    "to",
    "upto",
    "now",
    "start",
    "end",
}
#: Every name that `classify` takes for a password or a secret has one of these words in it, in any case:
#: a cheap way to rule out a text that names no secret before judging its names one by one.
SECRET_NAME_WORDS = frozenset(_PASSWORD_HEADS | _SECRET_HEADS | {"key", "url", "uri", "link", "sess", "cookie"})
# A first word that turns the name into a question or a count about the secret.
_NOT_A_VALUE_PREFIX = {
    "has",
    "is",
    "use",
    "uses",
    "need",
    "needs",
    "require",
    "requires",
    "allow",
    "enable",
    "show",
    "check",
    "validate",
    "num",
    "n",
    "max",
    "min",
    "should",
    "can",
    "must",
    "no",
    "len",
    "count",
    "invalid",
    "missing",
    "wrong",
    "bad",
    "hide",
    "mask",
    "masked",
    "redact",
    "redacted",
    "forgot",
    "forgotten",
    "change",
    "update",
    "set",
    "get",
}


#: Words before the head that make the name the grant a credential carries, not the credential.
_GRANT_WORDS = frozenset({"permission", "permissions", "rights", "scope", "scopes", "role", "roles"})

#: Trailing words that say how a value is encoded, not what it is.
_REPRESENTATIONS = frozenset({"bytes", "utf8", "str", "bin"})


@lru_cache(maxsize=8192)
def classify(name: str) -> NameKind | None:
    """The kind of secret a variable, attribute, key or parameter name promises, if any."""
    ws = words(name)
    if not ws:
        return None
    if ws[0] in _NOT_A_VALUE_PREFIX and len(ws) > 1:
        return None
    cut = next((i for i, w in enumerate(ws[1:-1], 1) if w in ("for", "of")), None)
    if cut is not None:
        # `password_for_email`, `length_of_password`: the noun before "for" / "of" is what the value is.
        ws = ws[:cut]
    if len(ws) > 1 and _GRANT_WORDS & set(ws[:-1]):
        return None  # `default_permissions_create_token`: the permissions a token is made with, not the token
    head = ws[-1]
    qualifier = ws[-2] if len(ws) > 1 else ""
    # `password1`, `password_2`, `token_v2`: a trailing number does not change the head.
    if head.isdigit() and len(ws) > 1:
        head, qualifier = ws[-2], ws[-3] if len(ws) > 2 else ""
        if head == "v" and len(ws) > 2:  # `token_v2`
            head, qualifier = ws[-3], ws[-4] if len(ws) > 3 else ""
    elif head == "v" and len(ws) > 1:
        return None  # `pwd_v`, `token_v`: which version of the secret, a number
    if head in _REPRESENTATIONS and qualifier in _PASSWORD_HEADS:
        # `password_bytes`, `password_utf8`: the password itself, encoded for a hash function.
        head, qualifier = ws[-2], ws[-3] if len(ws) > 2 else ""
    if qualifier in _DERIVED_QUALIFIERS:
        return None  # `hashed_password`, `password_hash`: a derived value, not the secret itself
    if qualifier == "orm":
        return None  # `orm_token`: the mapped object a token is stored in, written as its class decides
    if head in _PASSWORD_HEADS:
        if head in {"pass", "pw"} and qualifier not in {
            "user",
            "db",
            "admin",
            "new",
            "old",
            "raw",
            "plain",
            "root",
            "login",
            "current",
        }:
            return None  # `pass` and `pw` alone are too ambiguous
        return NameKind.PASSWORD
    if head in _SHORT_CODE_HEADS:
        return NameKind.SHORT_CODE
    # An account number names a cloud or customer account as often as a bank's: only a bank's is personal.
    if head in _PERSONAL_HEADS or (
        head == "number" and (qualifier in {"card", "pan", "iban"} or qualifier == "account" and "bank" in ws)
    ):
        return NameKind.PERSONAL
    if head in _SIGNATURE_HEADS:
        return NameKind.SIGNATURE
    if head == "tokens" and qualifier not in _CREDENTIAL_TOKENS:
        return None  # `input_tokens`, `total_tokens`, `tokens`: counts of language-model tokens, lexer output
    if head in {"id", "key", "token"} and qualifier in _ID_QUALIFIERS and _TELEMETRY_WORDS & set(ws[:-2]):
        return None  # `trace_session_id`: groups records of a trace
    if head in _SECRET_HEADS:
        return NameKind.SECRET
    if head == "key" and {"ssl", "tls"} & set(ws):
        return None  # `ssl_client_key`, `TLS_KEY`: a key file's path, as servers and clients are configured
    if head == "key" and qualifier in _KEY_QUALIFIERS:
        return NameKind.SECRET
    if head in {"code", "codes"} and qualifier in _CODE_QUALIFIERS:
        return NameKind.SHORT_CODE
    if head in {"link", "url", "uri"} and qualifier in _LINK_QUALIFIERS:
        if head != "link" and qualifier in {"login", "signin"}:
            return None  # `LOGIN_URL`, `signin_url`: where the login page is; a magic login link is a link
        return NameKind.SECRET
    if head in {"id", "key", "token"} and qualifier in _ID_QUALIFIERS:
        return NameKind.SECRET
    if head == "cookie" and qualifier in {"session", "auth", "remember"}:
        return NameKind.SECRET
    if head == "auth" and qualifier == "basic":
        return NameKind.SECRET  # `FLOWER_BASIC_AUTH: user:password`: the pair a Basic challenge accepts
    return None


def sends_secret_link(function_name: str) -> bool:
    """`send_verification_email`, `mail_reset_instructions`, `send_magic_login_email`: a function named for sending
    the message that carries a reset, verification, invitation or sign-in link (whose token opens it)."""
    ws = set(words(function_name))
    return bool(ws & {"send", "mail", "email", "notify", "deliver"}) and bool(ws & _LINK_QUALIFIERS)


def is_password(name: str) -> bool:
    return classify(name) is NameKind.PASSWORD


_CONFIRM = {
    "confirm",
    "confirmation",
    "confirmed",
    "repeat",
    "repeated",
    "again",
    "retype",
    "retyped",
    "re",  # `re_password`, `re_new_password`: typed again
    "verify",
    "check",
    "2",
    "two",
}


def is_confirmation(name: str) -> bool:
    """`password2`, `confirm_password`, `password_again`, a bare `confirm`: a second copy typed by the
    same user."""
    ws = words(name)
    return any(w in _CONFIRM for w in ws) and (
        any(w in _PASSWORD_HEADS for w in ws) or all(w in _CONFIRM or w == "new" for w in ws)
    )


# First words of functions that inspect, fetch or destroy a secret rather than produce one.
NOT_A_PRODUCER = {
    "check",
    "validate",
    "verify",
    "is",
    "has",
    "compare",
    "parse",
    "read",
    "load",
    "extract",
    "decode",
    "revoke",
    "consume",  # `consume_reset_token(token)`: uses one up, hands out what it opened
    "redeem",
    "delete",
    "remove",
    "invalidate",
    "count",
    "len",
    "test",
    "get",
    "fetch",
    "find",
    "lookup",
    "clear",
    "expire",
    "rotate",
    "mask",
    "redact",
    "hide",
    "log",
    "print",
    "send",
    "show",
    "handle",
    "on",
    "process",
    "use",
    "apply",
    "strip",
    "split",
    "format",
    "describe",
    "refresh",
}


def is_configured_secret(name: str) -> bool:
    """`LAB_INTEGRATION_KEY`, `WEBHOOK_SECRET`, `ADMIN_PASSWORD`: a constant-cased setting named for a secret."""
    return name.isupper() and classify(name) in (NameKind.SECRET, NameKind.PASSWORD)


def function_returns_secret(func_name: str) -> NameKind | None:
    """`generate_reset_token`, `make_otp`, `default_invite_token`: a function that hands out a security value.

    Functions named for checking, fetching or revoking one (`verify_token`, `get_api_key`) do not.
    """
    ws = words(func_name)
    if not ws or ws[0] in NOT_A_PRODUCER:
        return None
    kind = classify(func_name)
    return None if kind is NameKind.SIGNATURE else kind


def hashes_passwords(name: str) -> bool:
    """`hash_password`, `encrypt_pwd`, `password_hash`: a hashing word right next to a password word, or
    one word before it (`hash_user_password`)."""
    ws = words(name)
    verbs = {"hash", "encrypt", "digest", "crypt", "encode", "hashed"}
    # A PIN or passcode kept hashed signs someone in as a password does.
    nouns = {"password", "passwd", "pwd", "passphrase", "pin", "passcode"}
    return any({a, b} & verbs and {a, b} & nouns for a, b in zip(ws, ws[1:])) or any(
        a in verbs and b in nouns for a, b in zip(ws, ws[2:])
    )
