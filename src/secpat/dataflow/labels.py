"""Labels a value can carry, and how values combine.

A value is a mapping from label to the data path that brought it there
(a tuple of FlowSteps, source first). Labels are plain strings so that facts
stay picklable and cacheable:

- concrete labels: `random`, `seeded`, `time`, `uuid1`, `short-token`, `password`,
  `secret`, `weak-hash`, `fast-hash-of-password`, `password-hash`, `const`
  (and `request`, reserved for request input);
- symbolic labels, resolved later: `param:N` (the N-th parameter of the function
  being analysed), `init-param:N` (in a method, what its class's `__init__` kept from
  its N-th parameter) and `ret:QUALNAME` (whatever a project function in another
  module returns; the project stage resolves it from that module's summary);
- `url-param:VIEW:NAME`, beside `request`: every piece of request input in the value is the Django URL
  parameter NAME of the view VIEW, which the project stage judges from the URL patterns that reach the view
  (`<int:pk>` converts it to a number before the view runs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from secpat.findings import FlowStep

RANDOM = "random"  # output of a non-cryptographic PRNG
RANDOM_PICK = "random-pick"  # one element picked by a PRNG (`random.choice(THEMES)`): a secret only if named so
SEEDED = "seeded"  # output of a PRNG with a fixed or time-based seed
TIME = "time"  # derived from the clock
TIME_FIELD = "time-field"  # the clock kept as a readable time field (`expiry_ms`, `"iat"`): guessable, not secret
CSPRNG = "csprng"  # output of a cryptographic generator: a value with such a part is not guessable
UUID1 = "uuid1"  # uuid1(): time + MAC address
SHORT_TOKEN = "short-token"  # CSPRNG output with fewer than 128 bits
SHORT_TOKEN_96 = "short-token-96"  # with `short-token`: fewer than 96 bits, too few for a nonce or a password
SHORT_TOKEN_64 = "short-token-64"  # with `short-token`: fewer than 64 bits, too few for a salt
PASSWORD = "password"  # a plaintext password
SECRET = "secret"  # a token, key or credential
WEAK_HASH = "weak-hash"  # MD5 / SHA-1 output, used for security
FAST_HASH_OF_PASSWORD = "fast-hash-of-password"
PASSWORD_HASH = "password-hash"  # output of a slow password hash
MAC = "mac"  # an HMAC: a signature to be checked in constant time
HASH_OBJECT = "hash-object"  # a hashlib / hmac object (its `update()` feeds it)
CONST = "const"  # built from literals only
REQUEST = "request"  # what the client sent: query, form, body, headers, cookies, URL parameters, input()
TERMINAL = "terminal"  # with `request`: given by whoever runs the program (`input()`, `sys.argv`)
REQUEST_OBJECT = "request-object"  # the request object itself: its input attributes are REQUEST
REQUEST_WHOLE = "request-whole"  # all headers, all cookies, the whole body or form: not one field
REQUEST_BODY = "request-body"  # with `request-whole`, the same trace: the whole body or form, not the headers
EXCEPTION = "exception"  # a caught exception (its message may hold internals)
FRAMED_EXCEPTION = "framed-exception"  # an exception's text in a sentence written around it (`f"Error: {e}"`)
TRACEBACK = "traceback"  # a formatted traceback
EXPECTED_ERROR = "expected-error"  # with `exception`: caught by kind (`except KeyError`), not by a catch-all
SYSTEM_ERROR = "system-error"  # with `exception`: caught as a database or I/O error, its text describes the system
UPSTREAM_ERROR = "upstream-error"  # with `exception`: raised by an outbound HTTP call, its text is about that service
PERSONAL = "personal"  # card numbers, CVV, social security numbers
FLAG = "flag"  # a boolean flag (`data.get("reset_password", False)`): no name makes it a secret
MASKED = "masked"  # a few characters cut from a value (`key[:4]`, `key[-4:]`): what a mask shows of it
HTML_ESCAPED = "request-html-escaped"  # request input after HTML escaping: safe in HTML, not in SQL
HTML_SAFE = "html-safe"  # markup built safely (format_html, render_to_string, escape output)
COMPOSED = "composed"  # a string built at run time from at least one non-constant part
SQL_TEXT = "sql-text"  # contains literal text that reads as SQL
SQL_COMPOSED = "sql-composed"  # composed, and its literal text reads as SQL
IDENTIFIER = "identifier"  # a name the code defines itself: model metadata, another module's CONSTANT
COMPOSED_IDENT = "composed-identifiers"  # built at run time from constants and identifiers only
QUOTED_VALUE = "quoted-value"  # with `composed`: a non-constant part sits between quotes, a value made SQL text

# Shapes, tracked only in modules that build or read tokens (JWT): which keys a dict has, their
# literal values, and lifetimes computed from `timedelta` / seconds arithmetic.
DICT = "dict"  # a dict built here (its keys are known)
KEY_PREFIX = "key:"  # `key:exp`
TABLE_PREFIX = "table:"  # `table:comments`: rows a SQL SELECT read from that table (stored text, if users write it)
KEYVAL_PREFIX = "keyval:"  # `keyval:verify_signature=False`
DURATION_PREFIX = "duration:"  # `duration:3600`: a time span in seconds
LIFETIME_PREFIX = "lifetime:"  # `lifetime:86400`: what `exp` is set to, from now
#: A span, and a lifetime, set by a setting defined elsewhere: `<seconds per unit>:<seconds added>:<setting name>`.
SETTING_DURATION_PREFIX = "duration-setting:"  # `timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)`
SETTING_LIFETIME_PREFIX = "lifetime-setting:"  # what `exp` is set to, from now, through such a span
PARAM_LIFETIME_PREFIX = "lifetime-param:"  # `lifetime-param:1`: `exp` is now plus the span parameter 1 holds
TOKEN_HEADER = "token-header"  # read from an unverified token header
LITERAL_FALLBACK = "literal-fallback"  # `os.getenv("X", "literal")`

PARAM_PREFIX = "param:"
INIT_PARAM_PREFIX = "init-param:"  # in a method: what `__init__` of its class kept from its N-th parameter
ESCAPED_PARAM_PREFIX = "escaped-param:"  # parameter N after HTML escaping
HASHED_PARAM_PREFIX = "hashed-param:"  # a fast hash of parameter N: summaries say "returns sha256(param)"
RET_PREFIX = "ret:"
COMPOSED_FROM_PREFIX = "composed-from:"  # composed, unless what QUALNAME returns is a constant
TEXT_OF_PREFIX = "text-of:"  # `text-of:QUALNAME:LABEL`: formatted, what QUALNAME returns (see `text_of`)
URL_PARAM_PREFIX = "url-param:"  # `url-param:VIEW:NAME`: the request input is only that Django URL parameter
VIA_PREFIX = "via:"  # `via:QUALNAME:PARAM:LABEL`: LABEL came in through a call, if QUALNAME returns that parameter
#: `raises:pkg.a.f|pkg.b.C.m`: a caught exception raised in a block that calls nothing but those project
#: functions (and code that works in memory): its text is the program's own if theirs is (see `raises`).
RAISES_PREFIX = "raises:"

Trace = tuple[FlowStep, ...]
Value = Mapping[str, Trace]

EMPTY: Value = {}
CONSTANT: Value = {CONST: ()}


def short_token(bits: int, step: FlowStep) -> Value:
    """CSPRNG output of fewer than 128 bits, marked with the lower floors it also misses."""
    value = {SHORT_TOKEN: (step,)}
    for floor, label in ((96, SHORT_TOKEN_96), (64, SHORT_TOKEN_64)):
        if bits < floor:
            value[label] = (step,)
    return value


def combine(values: Iterable[Value]) -> Value:
    """Union of labels; `const` survives only if every part is constant, `url-param:` marks only if every
    part with request input has one, `request-body` only if every whole part is a body."""
    out: dict[str, Trace] = {}
    all_const = True
    any_part = False
    other_input = False
    headers: Trace | None = None  # the shortest trace of a part holding all headers or cookies
    for value in values:
        any_part = True
        if REQUEST_WHOLE in value and REQUEST_BODY not in value:
            trace = value[REQUEST_WHOLE]
            if headers is None or len(trace) < len(headers):
                headers = trace
        if CONST not in value:
            all_const = False
        if REQUEST in value and not other_input and not any(label.startswith(URL_PARAM_PREFIX) for label in value):
            other_input = True
        for label, trace in value.items():
            if label == CONST:
                continue
            old = out.get(label)
            if old is None or len(trace) < len(old):
                out[label] = trace
    if any_part and all_const:
        out[CONST] = ()
    if headers is not None:  # shown through a part that holds the headers: what makes it more than a body
        out.pop(REQUEST_BODY, None)
        out[REQUEST_WHOLE] = headers
    if other_input:
        return {label: trace for label, trace in out.items() if not label.startswith(URL_PARAM_PREFIX)}
    return out


def without(value: Value, *labels: str) -> Value:
    return {k: v for k, v in value.items() if k not in labels}


def with_step(value: Value, step: FlowStep) -> Value:
    """Extend every trace by one step (constants carry no path)."""
    return {k: (v + (step,) if k != CONST else v) for k, v in value.items()}


def is_symbolic(label: str) -> bool:
    return label.startswith(
        (
            PARAM_PREFIX,
            HASHED_PARAM_PREFIX,
            ESCAPED_PARAM_PREFIX,
            RET_PREFIX,
            VIA_PREFIX,
            COMPOSED_FROM_PREFIX,
            INIT_PARAM_PREFIX,
            URL_PARAM_PREFIX,
            TEXT_OF_PREFIX,
        )
    )


def deferred(label: str) -> bool:
    """Labels only the project stage can decide: they name a function of another module."""
    return label.startswith((RET_PREFIX, VIA_PREFIX, COMPOSED_FROM_PREFIX, TEXT_OF_PREFIX, RAISES_PREFIX))


def raises_label(functions: Iterable[str]) -> str:
    return RAISES_PREFIX + "|".join(functions)


def parse_raises(label: str) -> list[str]:
    return label[len(RAISES_PREFIX) :].split("|")


def url_param(view: str, name: str) -> str:
    return f"{URL_PARAM_PREFIX}{view}:{name}"


def parse_url_param(label: str) -> tuple[str, str]:
    """`url-param:pkg.views.user:user_pk` → ('pkg.views.user', 'user_pk')."""
    view, _, name = label[len(URL_PARAM_PREFIX) :].rpartition(":")
    return view, name


def via(callee: str, param: int | str, label: str) -> str:
    return f"{VIA_PREFIX}{callee}:{param}:{label}"


#: `ret:pkg.mod.f!`: what a method of the object `pkg.mod.f` returns gives back: its request data, not
#: the secrets its name promised (`find_token(serial).get_serial()` is a serial number).
#: `ret:pkg.mod.C!field`: what the method `field` of that object returns: when `pkg.mod.C` is a class with
#: such a method, that method's return value (its arguments arrive as `via:pkg.mod.C!field:N:LABEL`, N
#: counting `self`, and the constructor's as `via:pkg.mod.C!field:init-N:LABEL`); otherwise as `ret:pkg.mod.C!`.
METHOD_SUFFIX = "!"
#: The "method" of an item read by key (`found["name"]`): one field of what was returned, never all of it.
ITEM_ACCESS = "[]"
_NAMING_NOTES = ("named `", "parameter `")


def method_result(value: Value, method: str | None = None) -> Value:
    """The labels a method of a labelled object returns: those of the object, resolved without its name
    (or by the method itself, when it is named and the object is what another module's callee returned)."""
    out: dict[str, Trace] = {}
    for label, trace in value.items():
        if label.startswith(RET_PREFIX) and METHOD_SUFFIX not in label:
            label += METHOD_SUFFIX + (method or "")
        elif label.startswith(RET_PREFIX) and not label.endswith(METHOD_SUFFIX):
            label += METHOD_SUFFIX
        out[label] = trace
    return out


def split_method(name: str) -> tuple[str, str] | None:
    """`pkg.mod.C!field` → ('pkg.mod.C', 'field'); None for any other name."""
    owner, sep, method = name.partition(METHOD_SUFFIX)
    return (owner, method) if sep and method and METHOD_SUFFIX not in method else None


def text_of(value: Value) -> Value:
    """A value written as text (`f"{token}"`). When it is what another module's callee returned and its name
    promises a secret, the project stage decides: an object of a project class is written as its `__str__` /
    `__repr__` returns (`<Token object at 0x…>` when it defines neither), anything else as it is, name included.
    `text-of:QUALNAME:` stands for what QUALNAME returns, `text-of:QUALNAME:LABEL` for the name's LABEL."""
    owners = [
        label[len(RET_PREFIX) :]
        for label in value
        if label.startswith(RET_PREFIX) and METHOD_SUFFIX not in label and "#" not in label
    ]
    named = [
        label
        for label, trace in value.items()
        if label in (SECRET, PASSWORD, PERSONAL) and trace and trace[0].note.startswith(_NAMING_NOTES)
    ]
    if not owners or not named:
        return value
    out = {
        label: trace
        for label, trace in value.items()
        if label not in named and not (label.startswith(RET_PREFIX) and label[len(RET_PREFIX) :] in owners)
    }
    for owner in owners:
        out[f"{TEXT_OF_PREFIX}{owner}:"] = value[RET_PREFIX + owner]
        for label in named:
            out[f"{TEXT_OF_PREFIX}{owner}:{label}"] = value[label]
    return out


def parse_text_of(label: str) -> tuple[str, str]:
    """`text-of:pkg.mod.f:secret` → ('pkg.mod.f', 'secret')."""
    owner, _, named = label[len(TEXT_OF_PREFIX) :].rpartition(":")
    return owner, named


def without_names(value: Value) -> Value:
    """Drop secret labels that rest only on a name."""
    return {
        label: trace
        for label, trace in value.items()
        if not (label in (SECRET, PASSWORD, PERSONAL) and trace and trace[0].note.startswith(_NAMING_NOTES))
    }


def item(callee: str, index: int, arity: int) -> str:
    """`pkg.mod.f#1/3`: the second element of the 3-tuple `pkg.mod.f` returns."""
    return f"{callee}#{index}/{arity}"


def parse_item(name: str) -> tuple[str, int | None, int]:
    """`pkg.mod.f#1/3` → ('pkg.mod.f', 1, 3); `pkg.mod.f` → ('pkg.mod.f', None, 0)."""
    callee, sep, position = name.partition("#")
    if not sep:
        return name, None, 0
    index, _, arity = position.partition("/")
    return callee, int(index), int(arity)


def per_item(value: Value, callee: str, index: int, arity: int) -> Value:
    """What one element of a call's tuple holds: its labels about `callee` narrowed to that element."""
    out: dict[str, Trace] = {}
    for label, trace in value.items():
        if label == f"{RET_PREFIX}{callee}":
            label = f"{RET_PREFIX}{item(callee, index, arity)}"
        elif label.startswith(f"{VIA_PREFIX}{callee}:"):
            label = f"{VIA_PREFIX}{item(callee, index, arity)}:{label[len(VIA_PREFIX) + len(callee) + 1 :]}"
        out[label] = trace
    return out


def one_field(value: Value) -> Value:
    """An item of a value (`data["name"]`): not the whole body or header set, however it came in, here or
    through another module's function that hands its parameter back (`via:...:request-whole`)."""
    whole = (REQUEST_WHOLE, REQUEST_BODY)
    return {
        label: trace
        for label, trace in value.items()
        if label not in whole and not (label.startswith(VIA_PREFIX) and label.endswith(tuple(f":{w}" for w in whole)))
    }


def parse_via(label: str) -> tuple[str, str, str]:
    """`via:pkg.mod.f:1:request` → ('pkg.mod.f', '1', 'request')."""
    callee, param, inner = label[len(VIA_PREFIX) :].rsplit(":", 2) if label.count(":") >= 3 else ("", "", "")
    return callee, param, inner
