"""URL ingest fetches public hosts only, checked on every redirect: a local server is refused by default and
fetched with ``allow_private``; a redirect from an allowed host to a loopback, link-local (cloud metadata) or
private one is refused before anything is sent there; every address of a name is checked."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address

import pytest

from common.errors import IngestError
from ingest.fetch import MAX_REDIRECTS, fetch_bytes
from ingest.url_policy import UrlPolicy, UrlRefusedError, is_public

REFUSED = ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
           "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::", "fc00::1",
           "fd00:ec2::254", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe",
           "2002:7f00:1::1", "::ffff:10.0.0.1"]
PUBLIC = ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("addr", REFUSED)
def test_non_public_addresses_are_refused(addr):
    assert not is_public(ip_address(addr))
    with pytest.raises(UrlRefusedError):
        UrlPolicy().check(f"http://[{addr}]/" if ":" in addr else f"http://{addr}/")


@pytest.mark.parametrize("addr", PUBLIC)
def test_public_addresses_are_allowed(addr):
    assert is_public(ip_address(addr))


@pytest.mark.parametrize("url", ["/etc/passwd", "file:///etc/passwd", "ftp://example.org/a.pdf",
                                 "gopher://127.0.0.1:25/", "http:///x", "javascript:alert(1)"])
def test_only_http_urls_with_a_host(url):
    with pytest.raises(UrlRefusedError):
        UrlPolicy(allow_private=True).check(url)


def test_every_resolved_address_is_checked():
    policy = UrlPolicy(resolver=lambda host, port: ["93.184.216.34", "10.1.2.3"])
    with pytest.raises(UrlRefusedError, match="10.1.2.3"):
        policy.check("https://ke-hoach.example/a.pdf")
    assert UrlPolicy(resolver=lambda h, p: ["93.184.216.34"]).check("https://ke-hoach.example/") == [
        ip_address("93.184.216.34")]


class _Handler(BaseHTTPRequestHandler):
    seen: list[str] = []
    redirect_to: dict[str, str] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).seen.append(f"{self.server.server_address[0]} {self.headers.get('Host')} {self.path}")
        if self.path in self.redirect_to:
            self.send_response(302)
            self.send_header("Location", self.redirect_to[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = f"KẾ HOẠCH từ {self.headers.get('Host')}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def _serve(host: str):
    httpd = ThreadingHTTPServer((host, 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture()
def servers():
    _Handler.seen, _Handler.redirect_to = [], {}
    a, b = _serve("127.0.0.1"), _serve("127.0.0.2")
    yield f"http://127.0.0.1:{a.server_address[1]}", f"http://127.0.0.2:{b.server_address[1]}"
    for s in (a, b):
        s.shutdown()
        s.server_close()


def test_a_local_server_is_refused_by_default_and_fetched_when_allowed(servers):
    a, _ = servers
    with pytest.raises(UrlRefusedError, match="not a public address"):
        fetch_bytes(f"{a}/ke-hoach.txt", 5, 2**20)
    assert _Handler.seen == []  # refused before any request
    data, media, final = fetch_bytes(f"{a}/ke-hoach.txt", 5, 2**20, UrlPolicy(allow_private=True))
    assert data.decode().startswith("KẾ HOẠCH") and media == "text" and final == f"{a}/ke-hoach.txt"


def test_library_refuses_a_local_url_unless_the_setting_allows_it(servers, tmp_path):
    from assistant.library import Library
    from common.provinces import ProvinceGazetteer
    from common.settings import Settings

    a, _ = servers
    for allow in (False, True):
        lib = Library(store=None, gazetteer=ProvinceGazetteer(), settings=Settings(data_dir=tmp_path,
                                                                                   allow_private_urls=allow))
        if allow:
            assert lib._read(f"{a}/x.txt")[0].decode().startswith("KẾ HOẠCH")
        else:
            with pytest.raises(UrlRefusedError):
                lib._read(f"{a}/x.txt")


@pytest.mark.parametrize("target", ["{b}/bi-mat", "http://169.254.169.254/latest/meta-data/",
                                    "http://[::1]:{bport}/",
                                    "http://[::ffff:127.0.0.2]:{bport}/", "file:///etc/passwd"])
def test_a_redirect_to_a_refused_host_is_refused(servers, target):
    a, b = servers
    target = target.format(b=b, bport=b.rsplit(":", 1)[1])
    _Handler.redirect_to = {"/dau": target}
    allowed_first_hop = UrlPolicy(allowed_networks=("127.0.0.1/32",))  # only the first server counts as allowed
    with pytest.raises(UrlRefusedError, match="redirected to a refused URL"):
        fetch_bytes(f"{a}/dau", 5, 2**20, allowed_first_hop)
    assert [s.split()[-1] for s in _Handler.seen] == ["/dau"]  # nothing was sent to the refused host


def test_a_redirect_to_an_allowed_host_is_followed_and_hops_are_capped(servers):
    a, _ = servers
    _Handler.redirect_to = {"/dau": "/cuoi", **{f"/vong{i}": f"/vong{i + 1}" for i in range(10)}}
    policy = UrlPolicy(allowed_networks=("127.0.0.1/32",))
    data, _, final = fetch_bytes(f"{a}/dau", 5, 2**20, policy)
    assert final == f"{a}/cuoi" and data.decode().startswith("KẾ HOẠCH")
    with pytest.raises(IngestError, match="too many redirects"):
        fetch_bytes(f"{a}/vong0", 5, 2**20, policy)
    assert len([s for s in _Handler.seen if "/vong" in s]) == MAX_REDIRECTS + 1


def test_the_request_goes_to_the_checked_address_with_the_host_name_kept(servers):
    a, _ = servers
    port = a.rsplit(":", 1)[1]
    policy = UrlPolicy(allowed_networks=("127.0.0.1/32",), resolver=lambda host, p: ["127.0.0.1"])
    data, _, _ = fetch_bytes(f"http://ke-hoach.test:{port}/a.txt", 5, 2**20, policy)
    assert data.decode() == f"KẾ HOẠCH từ ke-hoach.test:{port}"
    assert _Handler.seen == [f"127.0.0.1 ke-hoach.test:{port} /a.txt"]
