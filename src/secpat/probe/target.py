"""The probe's target URL: parsed, resolved and refused unless it is loopback (or allowed).

Nothing here sends a request: the decision is made on the URL and the addresses its host
resolves to, before the first byte goes out. For plain http on loopback the client is
pinned to the address that was checked, so a name that resolves differently a moment later
(DNS rebinding) cannot move the probe off the machine.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

Resolver = Callable[[str, int], Sequence[str]]


class TargetError(ValueError):
    """The URL cannot or may not be probed; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Target:
    url: str  # as the user gave it, normalised: scheme://host[:port][/prefix], no trailing slash
    scheme: str
    host: str
    port: int
    prefix: str  # path prefix every request path is appended to ("" for the site root)
    addresses: tuple[str, ...]
    loopback: bool
    connect_url: str  # where requests go: the checked address for loopback http, else `url`
    host_header: str | None  # the Host header to send when `connect_url` differs from `url`

    @property
    def https(self) -> bool:
        return self.scheme == "https"


def resolve_addresses(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_loopback(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback  # 127.0.0.0/8 and ::1


def parse_target(url: str, *, allow_remote: bool = False, resolve: Resolver = resolve_addresses) -> Target:
    """Check `url` and decide where requests go; raise TargetError, before any request, when refused."""
    text = url.strip()
    shown = redacted(text)  # what error messages may repeat: never a password
    if "://" not in text:
        raise TargetError(f"{shown!r} is not a URL: give one like http://127.0.0.1:8000")
    try:
        parts = urlsplit(text)
    except ValueError:
        raise TargetError(f"{shown!r} is not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise TargetError(f"{shown!r}: only http and https URLs can be probed")
    if parts.username is not None or parts.password is not None:
        raise TargetError(
            f"{shown!r}: credentials in the URL are not accepted; use --username and --password for the test account"
        )
    if parts.query or parts.fragment:
        raise TargetError(f"{shown!r}: give the application's base URL, without a query or fragment")
    host = parts.hostname
    if not host:
        raise TargetError(f"{shown!r} has no host")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise TargetError(f"{shown!r} has an invalid port") from None
    prefix = parts.path.rstrip("/")
    shown_host = f"[{host}]" if ":" in host else host
    netloc = f"{shown_host}:{parts.port}" if parts.port else shown_host
    normalised = f"{scheme}://{netloc}{prefix}"
    try:
        addresses = tuple(resolve(host, port))
    except (OSError, UnicodeError) as exc:
        raise TargetError(f"cannot resolve {host}: {exc}") from None
    if not addresses:
        raise TargetError(f"cannot resolve {host}: no addresses")
    outside = [a for a in addresses if not is_loopback(a)]
    if outside and not allow_remote:
        resolved = "" if _is_ip(host) else f" resolves to {', '.join(outside)}, which is"
        raise TargetError(
            f"refusing to probe {normalised}: {host}{resolved or ' is'} not a loopback address. "
            "secpat probe sends requests only to 127.0.0.0/8 and ::1 unless --allow-remote is given; "
            "use it only for systems you are allowed to test."
        )
    loopback = not outside
    connect_url, host_header = normalised, None
    if loopback and scheme == "http" and not _is_ip(host):
        # Pin the checked address; https keeps the name, which certificate checks need.
        address = _preferred(addresses)
        literal = f"[{address}]" if ":" in address else address
        connect_url = f"http://{literal}:{port}{prefix}"
        host_header = netloc
    return Target(
        url=normalised,
        scheme=scheme,
        host=host,
        port=port,
        prefix=prefix,
        addresses=addresses,
        loopback=loopback,
        connect_url=connect_url,
        host_header=host_header,
    )


def redacted(url: str) -> str:
    """`url` with everything before an `@` in its authority masked: a password given in a URL
    must not come back in an error message (the user name goes too: it may be the secret)."""
    head, sep, rest = url.partition("://")
    if not sep:
        head, rest = "", url
    authority_and_path = re.split(r"[?#]", rest, maxsplit=1)[0]
    if "@" not in authority_and_path:
        return url
    at = authority_and_path.rindex("@")
    return f"{head}{sep}***{rest[at:]}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _preferred(addresses: Sequence[str]) -> str:
    """IPv4 first: development servers bind 127.0.0.1 far more often than ::1."""
    return next((a for a in addresses if ":" not in a), addresses[0])
