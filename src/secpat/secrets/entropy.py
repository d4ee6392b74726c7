"""Is this literal a real secret? Shannon entropy, value shape, and placeholders.

A name promises a secret (`api_key`, `DB_PASSWORD`); the value decides. Labels
(`'Bearer'`, `'NextToken'`, `'X-Auth-Token'`), enum-like values that repeat the
name, error strings, paths, URLs, format templates, references to the
environment (`${VAR}`, `%(var)s`, `{{ var }}`) and placeholders (`changeme`,
`<your-key>`, `xxx`, empty) are not secrets; a random-looking token or a
human-chosen password is.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections import Counter
from dataclasses import dataclass

from secpat import names
from secpat.levels import Confidence
from secpat.names import NameKind

# -- placeholders ----------------------------------------------------------------------

#: Whole values that stand for "put the real one here" or that merely name the field.
PLACEHOLDER_VALUES = frozenset(
    {
        "changeme",
        "change_me",
        "change-me",
        "changeit",
        "change_it",
        "changethis",
        "change_this",
        "changepw",
        "change_pw",
        "replaceme",
        "replace_me",
        "replace-me",
        "todo",
        "tbd",
        "fixme",
        "none",
        "null",
        "nil",
        "undefined",
        "empty",
        "default",
        "secret",
        "secrets",
        "password",
        "passwd",
        "pass",
        "pwd",
        "token",
        "key",
        "apikey",
        "api_key",
        "api-key",
        "secret_key",
        "secret-key",
        "secretkey",
        "mysecret",
        "mypassword",
        "mytoken",
        "redacted",
        "hidden",
        "masked",
        "notset",
        "not_set",
        "not-set",
        "unset",
        "something",
        "anything",
        "whatever",
        "foo",
        "bar",
        "baz",
        "foobar",
        "abc",
        "1234",
        "12345",
        "123456",
        "12345678",
        "123456789",
        "qwerty",
        "letmein",
        "bearer",
        "basic",
        "digest",
        "token_type",
        "n/a",
        "na",
        "...",
        "…",
        "-",
        "?",
    }
)

#: Fragments that make a value a placeholder wherever they appear in it.
PLACEHOLDER_FRAGMENTS = (
    "your",
    "please",  # `please_choose_a_strong_password`: an instruction to whoever installs it
    "changeme",
    "change_me",
    "change-me",
    "change_this",
    "change-this",
    "changethis",
    "replace",
    "placeholder",
    "example",
    "dummy",
    "insert",
    "_here",
    "-here",
    " here",
    "xxxx",
    "todo",
    "fixme",
    "redacted",
    "notreal",
    "not_real",
    "not-real",
    "not_a_real",
    "not-a-real",
    "fake",
    "sample",
    "test",
    "mock",
    "missing",
    "unset",
    "not-set",
    "not_set",
    "notset",
    "undefined",
    "not-configured",
    "not_configured",
    "<",
    ">",
    "***",
    "•••",
)

#: References to a value kept elsewhere: the environment, a template, a vault.
_REFERENCE = re.compile(
    r"""^(?:
        \$\{(?:[^{}]|\$\{[^{}]*\})*\}  # ${VAR}, ${VAR:-x}, ${ssm:/app/${sls:stage}/key} (Serverless)
      | \$\([^)]*\)              # $(VAR), $(command)
      | \$[A-Za-z_][A-Za-z0-9_]*  # $VAR
      | %\([^)]*\)[sd]           # %(var)s  (configparser interpolation)
      | %[sd]                    # %s
      | \{\{.*\}\}               # {{ var }}  (Jinja, Ansible, Helm)
      | \{%.*%\}
      | <%=?.*%>                 # ERB
      | \#\{[^}]*\}              # #{var}
      | \{[\w.\[\]'"-]*\}        # {password}, {0}  (str.format)
      | @[A-Za-z_]+@             # @VAR@  (autoconf)
      | (?:os\.)?environ[/:.]?[A-Z][A-Z0-9_]*  # os.environ/OPENAI_API_KEY (a config's pointer to a variable)
      | (?P<mark>[#%])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?P=mark)  # #ENV_DB_PASSWORD#, %DB_PASSWORD%
      | !(?:env|secret|vault|ref|sub|getatt)\b.*   # YAML tags
      | \$ANSIBLE_VAULT.*
      | ENC\[.*\]                # sops
      | (?:vault|op|sm|awssm|gcpsm|azkv|ssm|secret|secretsmanager|kms|env|file)://.*
      | arn:aws:(?:secretsmanager|ssm|kms):.*
    )$""",
    re.VERBOSE | re.DOTALL,
)
_SAME_CHAR = re.compile(r"^(.)\1*$", re.DOTALL)


def is_env_name(value: str) -> bool:
    """`APP_SECRET_KEY`, `DB_PASSWORD`: the name of an environment variable, not its value."""
    return bool(_ENV_NAME.match(value))


def is_reference(value: str) -> bool:
    """`${DB_PASSWORD}`, `{{ vault_key }}`, `%(secret)s`: a pointer to a value kept elsewhere."""
    return bool(_REFERENCE.match(value.strip().strip("'\"").strip()))


def is_documented_example(value: str) -> bool:
    """A key a provider publishes for tests and examples (reCAPTCHA's test secret, AWS's `...EXAMPLE` key)."""
    return "akiaiosfodnn7example" in value.lower() or any(example in value for example in KNOWN_EXAMPLES)


def is_placeholder(value: str) -> bool:
    """`changeme`, `<your-api-key>`, `${DB_PASSWORD}`, `xxx`, `********`, empty: not a secret."""
    stripped = value.strip().strip("'\"").strip()
    if not stripped:
        return True
    lower = stripped.lower()
    if lower in PLACEHOLDER_VALUES or _SAME_CHAR.match(lower):
        return True
    if _REFERENCE.match(stripped):
        return True
    if is_documented_example(stripped):
        return True
    return any(fragment in lower for fragment in PLACEHOLDER_FRAGMENTS)


# -- entropy and shape -----------------------------------------------------------------


def shannon_entropy(value: str) -> float:
    """Bits of information per character, from the value's own character frequencies."""
    if not value:
        return 0.0
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def char_classes(value: str) -> int:
    """How many of lower case, upper case, digits and symbols the value mixes."""
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm")


def is_sequential(value: str, run: int = 8) -> bool:
    """`abcdefgh12345678`, `qwertyuiop`: keyboard walks and alphabets, not random values."""
    lower = value.lower()
    for sequence in _SEQUENCES:
        for start in range(len(sequence) - run + 1):
            if sequence[start : start + run] in lower:
                return True
    return False


_LABEL = re.compile(r"[A-Za-z]+(?:[-_.:/ ][A-Za-z]+)*")
_SEPARATOR = re.compile(r"[-_.:/ ]")
_VERSIONED_WORD = re.compile(r"(?<=[A-Za-z])\d(?=[-_.:/ ]|$)")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_SRI = re.compile(r"^sha(?:256|384|512)-[A-Za-z0-9+/=]{20,}$")
_PUBLIC = (
    "ssh-rsa ",
    "ssh-ed25519 ",
    "ssh-dss ",
    "ecdsa-sha2-",
    "sk-ssh-",
    "-----begin public key",
    "-----begin certificate",
    "-----begin rsa public key",
    "-----begin pgp public",
    "pk_live_",
    "pk_test_",
)
_PROSE_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "be",
        "not",
        "no",
        "invalid",
        "expired",
        "missing",
        "required",
        "please",
        "must",
        "should",
        "your",
        "you",
        "for",
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "with",
        "enter",
        "wrong",
        "incorrect",
        "failed",
        "error",
        "does",
        "do",
        "has",
        "have",
        "too",
        "short",
        "long",
        "match",
        "reset",
        "forgot",
        "new",
        "old",
        "confirm",
        "this",
        "that",
        "field",
        "value",
    }
)
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
_AUTH_SCHEMES = ("bearer ", "token ", "bot ", "apikey ", "api-key ", "key ", "sso-key ")
_FILE_REFERENCE = re.compile(r"^(?:/|\./|\.\./|~/|[A-Za-z]:\\)|\.(?:pem|key|crt|json|txt|p12|pfx|jks|env|cfg|ini)$")


#: Technical acronyms without a vowel, read as words in labels (`X-User-Jwt`, `html_url`).
_ACRONYMS = frozenset(
    {
        "jwt",
        "jwk",
        "jwks",
        "xml",
        "html",
        "http",
        "https",
        "sql",
        "css",
        "dns",
        "rpc",
        "grpc",
        "ssh",
        "tls",
        "ssl",
        "cdn",
        "csv",
        "pdf",
        "xss",
        "csrf",
        "hmac",
        "smtp",
        "ldap",
        "crl",
        "pgp",
        "gpg",
        "cms",
        "rss",
        "tcp",
        "mfa",
        "cb",
        "db",
        "pk",
        "fk",
        "tz",
        "mtls",
    }
)


def looks_like_label(value: str) -> bool:
    """Words, not a secret: `NextToken`, `X-Auth-Token`, `access_token`, `csrftoken`, `Bearer`.

    Letters only, split at case changes and separators into pieces that read as words
    (each longer piece has a vowel). A random all-letter string breaks into consonant runs.
    """
    value = value.strip("_-.:")  # `_auth_user_id`, `__token__`: private-looking keys are still labels
    if _SEPARATOR.search(value):
        value = _VERSIONED_WORD.sub("", value)  # `OS-OAUTH1:access_token`: a word's version number
    if not _LABEL.fullmatch(value):
        return False
    parts = names.words(value)
    if not parts:
        return False
    if any(len(p) > 1 and not any(c in "aeiouy" for c in p) and p not in _ACRONYMS for p in parts):
        return False
    words = [p for p in parts if len(p) > 1] or parts  # `X-` in a header name is a word, but says little
    return sum(map(len, words)) / len(words) >= 3 or len(value) < 12


def is_prose(value: str) -> bool:
    """An error message or UI text: `Invalid password.`, `Token has expired`."""
    text = value.strip()
    if " " not in text:
        return False
    if text[-1:] in ".!?:;)" or text.count(" ") >= 4:
        return True
    return any(word.lower() in _PROSE_WORDS for word in re.findall(r"[A-Za-z]+", text))


def is_url_or_path(value: str) -> bool:
    lower = value.lower()
    if "://" in lower or lower.startswith(("/", "./", "../", "~/", "mailto:", "www.")):
        return True
    return bool(_FILE_REFERENCE.search(value))


# Password hashes as Django, passlib and crypt(3) store them: the secret is not in them.
_PASSWORD_HASH = re.compile(
    r"^(?:(?:pbkdf2_sha\d+|argon2|bcrypt(?:_sha256)?|scrypt|sha1|md5|unsalted_md5|unsalted_sha1|crypt)\$"
    r"|\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|7|scrypt|pbkdf2(?:-sha\d+)?)\$)"
)


def is_public_material(value: str) -> bool:
    """Public keys, certificates, subresource-integrity hashes, publishable keys and password hashes."""
    text = value.strip()
    return text.lower().startswith(_PUBLIC) or bool(_SRI.match(text) or _PASSWORD_HASH.match(text))


#: Words that describe a value rather than being one: `user_password`, `raw_secret`, `my_api_key`.
_DESCRIPTIVE_WORDS = frozenset(
    {
        "user",
        "users",
        "my",
        "your",
        "the",
        "a",
        "new",
        "old",
        "some",
        "raw",
        "plain",
        "plaintext",
        "input",
        "given",
        "current",
        "value",
        "string",
        "text",
        "password",
        "passwd",
        "pwd",
        "pass",
        "secret",
        "token",
        "key",
        "api",
        "default",
        "demo",
        "bytes",
        "str",
        "id",
        "name",
        "field",
    }
)


def repeats_name(value: str, name: str) -> bool:
    """`ACCESS_TOKEN = "access_token"`, `POSTGRES_PASSWORD=postgres`, `password = "user_password"`:
    the value only names the field or describes what belongs there."""
    if not looks_like_label(value):
        return False
    value_words = {_singular(w) for w in names.words(value)}
    return bool(value_words) and value_words <= {_singular(w) for w in names.words(name)} | _DESCRIPTIVE_WORDS


def _singular(word: str) -> str:
    """`passwords` → `password`: `RESOURCE_PASSWORD = "Passwords"` names the field all the same."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# Values with the shape of something other than a secret. A secret-named field can hold them:
# `TOTAL_TOKEN_KEY = "llm.usage.total_tokens"` (an attribute name), `"reset_password": "20/m/ip"`
# (a rate limit), `"input_per_million_tokens": 0.114` (a price), `"password": "Database password"`.
_NUMBER = re.compile(r"^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$")  # 0.114, 1.5e-3; integers are judged as before
_RATE = r"\d+\s*(?:/\s*\d*\s*[A-Za-z]+(?:/[A-Za-z_]+)*|\s+per\s+\d*\s*[A-Za-z]+)"
_RATE_LIMIT = re.compile(rf"^{_RATE}(?:\s*[,;]\s*{_RATE})*$", re.IGNORECASE)
_DOTTED_PART = re.compile(r"^(?:[a-z_][a-z0-9_\-]*|[A-Z_][A-Z0-9_\-]*)$")
#: Words that say a text describes a secret field rather than being one: "Database password".
_FIELD_WORDS = frozenset(
    {
        "password",
        "passwords",
        "passphrase",
        "passwd",
        "secret",
        "secrets",
        "token",
        "tokens",
        "key",
        "keys",
        "apikey",
        "credential",
        "credentials",
        "pin",
        "pat",
    }
)


def is_dotted_name(value: str) -> bool:
    """`llm.token_count.prompt`, `gen_ai.usage.input_tokens`, `app.settings.SECRET_KEY`: an attribute,
    setting or module path. Random tokens mix cases and digits inside a part; these do not."""
    parts = value.split(".")
    if len(parts) < 2 or not all(parts):
        return False
    for part in parts:
        if not part[0].isalpha() and part[0] != "_":
            return False
        if not (_DOTTED_PART.match(part) or looks_like_label(part)):
            return False
        if sum(c.isdigit() for c in part) > 2:
            return False
    return True


def describes_field(value: str) -> bool:
    """Several words, one of them naming the secret: a form label or help text, not a value."""
    if not any(c.isspace() for c in value):
        return False
    words = re.findall(r"[^\W\d_]+", value)
    return len(words) >= 2 and any(w.lower() in _FIELD_WORDS for w in words)


def is_structured_data(value: str) -> bool:
    """A number, a rate limit, a dotted name, a parameter or a description: data with a meaning of its own."""
    text = value.strip()
    return (
        bool(_NUMBER.match(text) or _RATE_LIMIT.match(text))
        or is_dotted_name(text)
        or is_parameter_text(text)
        or describes_field(text)
    )


def is_parameter_text(value: str) -> bool:
    """`target=app-watch_files`, `scope=read&mode=full`: names set to words, as in a query string. A token
    holds `=` only as base64 padding at its end, and a random value does not break into words."""
    pairs = value.split("&")
    return (
        all(
            name and rest and looks_like_label(name) and looks_like_label(rest)
            for name, _, rest in (pair.partition("=") for pair in pairs)
        )
        and "=" in value
    )


# -- the verdict ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Judgement:
    """Why a value is taken for a real secret, and the part of it that is the secret."""

    secret: str  # the secret itself (`Bearer abc` → `abc`); only ever shown masked
    reason: str  # "a password", "a high-entropy token"
    confidence: Confidence = Confidence.HIGH


#: Head words of secret-named identifiers whose values are not credentials worth reporting.
_NOT_CREDENTIAL_HEADS = frozenset({"salt", "nonce", "sid", "csrf", "xsrf"})


def secret_kind(name: str) -> NameKind | None:
    """PASSWORD or SECRET when the name promises a credential (per `names.classify`), else None.

    A key with spaces is a label, not a name: translation catalogues map "Enter your password" to
    its translation, and message tables map prose to prose."""
    if any(ch.isspace() for ch in name.strip()):
        return None
    kind = names.classify(name)
    if kind not in (NameKind.PASSWORD, NameKind.SECRET):
        return None
    words = names.words(name)
    if words and words[-1] in _NOT_CREDENTIAL_HEADS and name not in _SECRET_SALTS:
        return None  # a hard-coded salt or nonce is a weakness of its own, not a leaked credential
    return kind


#: Settings named for a salt that frameworks use as a secret key: Flask-Security's HMAC key for passwords.
_SECRET_SALTS = frozenset({"SECURITY_PASSWORD_SALT"})


#: An upper-case name of an environment variable or setting that holds a credential.
_SETTING_NAME = re.compile(r"[A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|PWD|TOKEN|SECRET|KEY)[A-Z0-9_]*")
#: A package version or version range (`^1.0.0`, `~2.1`, `>=3,<4`, `1.2.3`).
_VERSION_RANGE = re.compile(r"(?:[\^~<>=!]=?|\*)?\s*v?\d+(?:\.\d+|\.[x*])+(?:[-+.\w]*)(?:\s*,?\s*[<>=!]=?\s*\d[\w.]*)*")
#: Conditions on other settings (`sms_provider=ovh`, `mode=ldap&tls=true`): which form fields to show.
_SETTING_CONDITION = re.compile(r"[a-z][a-z0-9_]*=[a-z0-9_.-]+(?:[&,;][a-z][a-z0-9_]*=[a-z0-9_.-]+)*")


def judge_value(value: str, kind: NameKind, name: str) -> Judgement | None:
    """A Judgement if `value`, bound to a name of this kind, looks like a real secret; else None."""
    text = value.strip()
    if is_placeholder(text) or repeats_name(text, name) or is_public_material(text) or is_structured_data(text):
        return None
    if _SETTING_NAME.fullmatch(text) or _VERSION_RANGE.fullmatch(text) or _SETTING_CONDITION.fullmatch(text):
        # `"password": "PGPASSWORD"` names a variable; `"parse-passwd": "^1.0.0"` is a version;
        # `"sms_ovh_application_secret": "sms_provider=ovh"` says when a form shows the field
        return None
    if _has_control_chars(text):
        return _judge_escaped(text)
    lower = text.lower()
    for scheme in _AUTH_SCHEMES:
        if lower.startswith(scheme):
            rest = text[len(scheme) :].strip()
            return _judge_token(rest) if rest and not is_placeholder(rest) else None
    if lower.startswith("basic "):
        return _judge_basic(text[6:].strip())
    if kind is NameKind.PASSWORD:
        return _judge_password(text)
    return _judge_token(text)


def judge_literal(value: str | bytes, kind: NameKind, name: str) -> Judgement | None:
    """`judge_value` for a str or bytes literal. Bytes of printable ASCII are judged as their text;
    other bytes (pasted `os.urandom` output) are a binary key when they look random."""
    if isinstance(value, str):
        return judge_value(value, kind, name)
    text = value.decode("latin-1")
    if text.isascii() and text.isprintable():
        return judge_value(text, kind, name)
    return _judge_binary(text)


def escaped(text: str) -> str:
    """The value as a literal writes it: control and non-ASCII characters as `\\n`, `\\x9c`.
    A binary key is shown (masked) and looked for in source lines in this form, never raw."""
    return text.encode("unicode_escape").decode("ascii")


def _has_control_chars(text: str) -> bool:
    """A newline, tab or `\\x08` inside: written with escapes, not typed as text."""
    return any(not c.isprintable() and c != " " for c in text)


def _judge_escaped(text: str) -> Judgement | None:
    """A str with control characters: words around a line break are a message; otherwise the
    characters are judged as the bytes of a key."""
    spaced = "".join(c if c.isprintable() else " " for c in text)
    if is_prose(spaced) or describes_field(spaced) or is_placeholder(spaced):
        return None
    return _judge_binary(text)


def _judge_binary(text: str) -> Judgement | None:
    """Characters (or bytes read as latin-1) that no one types: a key when there are enough of them
    and they do not repeat (`b"\\x00\\x00..."`, a file signature like `\\x89PNG\\r\\n` do)."""
    if len(text) < 8 or shannon_entropy(text) < 3.0:
        return None
    return Judgement(escaped(text), "a hard-coded binary key")


#: The reason given for a value judged as a password because its name says so: people choose passwords, so
#: the value need not look random.
CHOSEN_PASSWORD = "a hard-coded password"


def _judge_password(text: str) -> Judgement | None:
    """People choose passwords: low entropy is normal, so the shape rules out non-passwords."""
    if len(text) < 6 or is_prose(text) or is_url_or_path(text) or _ENV_NAME.match(text):
        return None
    if text.isdigit() and len(text) < 8:
        return None  # ports, counts, PIN-like ids
    if _UUID.match(text):
        return None
    if looks_like_label(text) and ("_" in text or "." in text):
        # `production_password` or `password_mismatch`: a password or a message key; say so.
        return Judgement(text, CHOSEN_PASSWORD, Confidence.MEDIUM)
    return Judgement(text, CHOSEN_PASSWORD)


def _judge_token(text: str) -> Judgement | None:
    """Tokens and keys are machine-made: they must look random."""
    if len(text) < 8 or any(c.isspace() for c in text) or is_url_or_path(text) or _ENV_NAME.match(text):
        return None
    if looks_like_label(text) or is_sequential(text, run=10):
        return None
    entropy = shannon_entropy(text)
    if text.isdigit():
        # Ids, timestamps and counts are digits; a secret drawn as a long random number (Flask-Security's
        # documented `SECURITY_PASSWORD_SALT`) is one too, and its digits spread evenly.
        return Judgement(text, "a hard-coded secret") if len(text) >= 24 and entropy >= 3.0 else None
    if _UUID.match(text):
        return Judgement(text, "a hard-coded UUID-shaped key", Confidence.MEDIUM)
    if _HEX.match(text):
        return Judgement(text, "a hard-coded hex key") if len(text) >= 16 and entropy >= 2.5 else None
    if char_classes(text) >= 2 and entropy >= 3.0:
        return Judgement(text, "a hard-coded secret")
    if len(text) >= 16 and entropy >= 3.5:
        return Judgement(text, "a hard-coded secret")
    return None


def _judge_basic(encoded: str) -> Judgement | None:
    """`Basic dXNlcjpzM2NyZXQ=`: decode it and judge the password inside."""
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, _, password = decoded.partition(":")
    if not password or password == user or is_placeholder(password):
        return None
    return Judgement(encoded, "hard-coded basic-auth credentials")


#: Documented example credentials that appear in tutorials everywhere.
KNOWN_EXAMPLES = (
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",  # the jwt.io sample token's signature
    # The Azure storage emulator's (Azurite's) account key, published in Microsoft's documentation.
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    # reCAPTCHA's test site key and secret, which always pass: Google's documentation gives them for tests.
    "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI",
    "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",
    # hCaptcha's test site key, secret and response token, from its integration-testing documentation.
    "10000000-ffff-ffff-ffff-000000000001",
    "0x0000000000000000000000000000000000000000",
    "10000000-aaaa-bbbb-cccc-000000000001",
    # The secret access key in AWS's documentation, next to `AKIAIOSFODNN7EXAMPLE`.
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    # The test secret key in Stripe's API reference examples.
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
)


def judge_format_secret(secret: str) -> bool:
    """Whether a known-format match carries a real secret rather than an example or a mask. A well-formed key
    whose random part runs through the keyboard (`sk_live_1234567890abcdef...`) is still one: the format
    says where it goes, and only published examples are known to be fake."""
    if any(example in secret for example in KNOWN_EXAMPLES):
        return False
    lower = secret.lower()
    if any(f in lower for f in ("example", "xxxx", "your", "placeholder", "dummy", "redacted", "*****", "<", "${")):
        return False
    body = re.sub(r"^[A-Za-z]{2,6}[_-]", "", secret)  # entropy of the random part, not of `sk_live_`
    if len(body) >= 16 and shannon_entropy(body) < 3.0:
        return False
    return not re.search(r"(.)\1{7,}", secret)
