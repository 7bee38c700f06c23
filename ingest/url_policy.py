"""Which URLs the ingester may fetch: http(s) only, and only hosts whose every address is public (no loopback,
private, link-local, CGNAT, multicast, unspecified or reserved address, nor cloud metadata such as
169.254.169.254; IPv6 equivalents and IPv4 addresses embedded in IPv6 likewise). Checked again on every
redirect by :func:`ingest.fetch.fetch_bytes`, which then connects to the address checked here (no second DNS
answer in between).

>>> policy = UrlPolicy()
>>> policy.address_allowed(ip_address("93.184.216.34")), policy.address_allowed(ip_address("169.254.169.254"))
(True, False)
>>> policy.address_allowed(ip_address("::ffff:127.0.0.1")), policy.address_allowed(ip_address("fd00:ec2::254"))
(False, False)
>>> UrlPolicy(allow_private=True).address_allowed(ip_address("127.0.0.1"))
True

``allowed_networks`` admits named private networks (an intranet document server) while the rest stay refused;
``resolver`` replaces DNS (tests, or a resolver of your own).
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv6Address, IPv6Network, ip_address, ip_network
from urllib.parse import urlsplit

from common.errors import IngestError

Address = IPv4Address | IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
SCHEMES = ("http", "https")
_NAT64 = IPv6Network("64:ff9b::/96")
# Addresses Python's ``is_global`` lets through that must not be fetched: multicast, and the shared/benchmark
# ranges some clouds use for their metadata service.
_EXTRA_BLOCKED = tuple(ip_network(n) for n in ("224.0.0.0/4", "100.64.0.0/10", "198.18.0.0/15", "ff00::/8"))


class UrlRefusedError(IngestError):
    """A URL the policy does not allow (scheme, host or address); ``reason`` says which."""

    vi = "Địa chỉ không được phép nạp."


def system_resolver(host: str, port: int) -> list[str]:
    """Every address DNS gives for ``host`` (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))


def _embedded_v4(addr: IPv6Address) -> IPv4Address | None:
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]
    if addr in _NAT64:
        return IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def is_public(addr: Address) -> bool:
    """Whether ``addr`` is a public unicast address (IPv4 embedded in IPv6 judged as IPv4)."""
    if isinstance(addr, IPv6Address):
        inner = _embedded_v4(addr)
        if inner is not None:
            return is_public(inner)
    if any(addr in net for net in _EXTRA_BLOCKED if net.version == addr.version):
        return False
    return addr.is_global and not (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_multicast
                                   or addr.is_reserved or addr.is_unspecified)


@dataclass(frozen=True)
class UrlPolicy:
    """Decides whether a URL may be fetched; :meth:`check` returns the addresses to connect to."""

    allow_private: bool = False
    allowed_networks: tuple = field(default=())  # ip_network objects (or strings) allowed although not public
    resolver: Resolver = system_resolver

    def address_allowed(self, addr: Address) -> bool:
        if self.allow_private or is_public(addr):
            return True
        return any(addr in ip_network(n) for n in self.allowed_networks if ip_network(n).version == addr.version)

    def check(self, url: str) -> list[Address]:
        """The addresses of ``url``'s host, all of them allowed; raises :class:`UrlRefusedError` otherwise."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in SCHEMES:
            raise UrlRefusedError(url, "only http(s) URLs can be ingested")
        try:
            host, port = parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as exc:
            raise UrlRefusedError(url, "malformed URL") from exc
        if not host:
            raise UrlRefusedError(url, "URL without a host")
        try:
            addresses = [ip_address(host)]
        except ValueError:
            try:
                addresses = [ip_address(a) for a in self.resolver(host, port)]
            except (OSError, UnicodeError, ValueError) as exc:
                raise IngestError(url, f"could not be fetched (host {host} not found)") from exc
        if not addresses:
            raise IngestError(url, f"could not be fetched (host {host} not found)")
        refused = [a for a in addresses if not self.address_allowed(a)]
        if refused:
            raise UrlRefusedError(url, f"host {host} is not a public address ({refused[0]}); "
                                       "set PLAN_ASSISTANT_ALLOW_PRIVATE_URLS to allow it")
        return addresses
