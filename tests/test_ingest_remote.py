"""Remote fetch against a local HTTP server: pages, feeds, conditional GET, caps, retries, address policy."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipelines.ingest import remote
from pipelines.ingest.remote import FetchRefused, Source, fetch, load_sources, read_remote, resolve_checked

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = (FIXTURES / "article.html").read_bytes()
FEED = (FIXTURES / "feed.rss").read_bytes()
FEED_LAST_MODIFIED = "Tue, 12 Nov 2024 09:00:00 GMT"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    flaky_failures = {"count": 0}
    seen: list = []

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _send(self, status, body=b"", headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and status != 304:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.seen.append((self.path, dict(self.headers)))
        if self.path == "/page.html":
            if self.headers.get("If-None-Match") == '"page-v1"':
                return self._send(304, headers={"ETag": '"page-v1"'})
            return self._send(200, PAGE, {"Content-Type": "text/html; charset=utf-8", "ETag": '"page-v1"'})
        if self.path == "/feed.rss":
            if self.headers.get("If-Modified-Since") == FEED_LAST_MODIFIED:
                return self._send(304)
            return self._send(200, FEED, {"Content-Type": "application/rss+xml", "Last-Modified": FEED_LAST_MODIFIED})
        if self.path == "/big":
            return self._send(200, b"x" * 200_000, {"Content-Type": "text/html"})
        if self.path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 10_000)
            self.close_connection = True
            return None
        if self.path == "/flaky":
            self.flaky_failures["count"] += 1
            if self.flaky_failures["count"] <= 2:
                return self._send(503, b"busy")
            return self._send(200, PAGE, {"Content-Type": "text/html"})
        if self.path == "/slow":
            time.sleep(1.0)
            return self._send(200, PAGE)
        if self.path == "/drip":  # a byte every 0.3 s: each read succeeds, the body never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.3)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if self.path == "/missing":
            return self._send(404, b"no")
        if self.path == "/to-private":
            return self._send(302, headers={"Location": f"http://private.test:{self.server.server_port}/page.html"})
        if self.path == "/to-file":
            return self._send(302, headers={"Location": "file:///etc/passwd"})
        return self._send(404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _local(name, base, path, kind="page"):
    return Source(name=name, url=base + path, kind=kind, allow_private=True)


def test_page_fetch_and_read(server):
    source = _local("page", server, "/page.html")
    result = fetch(source)
    assert result.status == "ok" and result.status_code == 200 and result.etag == '"page-v1"'
    assert result.content_hash and result.size_bytes == len(PAGE)
    read = read_remote(source, result)
    [article] = read.articles
    assert article.title == "Harbour council approves new ferry timetable"
    assert article.source == server + "/page.html"
    assert source.input_key == "remote:page"
    headers = _Handler.seen[-1][1]
    assert headers["User-Agent"].startswith("claims-warehouse/")


def test_feed_fetch_and_conditional_get(server):
    source = _local("feed", server, "/feed.rss", kind="feed")
    first = fetch(source)
    assert first.status == "ok" and first.last_modified == FEED_LAST_MODIFIED
    assert [a.source_item for a in read_remote(source, first).articles] == [
        "courier-1001",
        "https://courier.example.org/politics/bridge-repairs",
    ]
    second = fetch(source, last_modified=first.last_modified)
    assert second.status == "not_modified" and second.not_modified and second.body is None
    assert read_remote(source, second).articles == [] and read_remote(source, second).rejections == []


def test_etag_304(server):
    source = _local("page", server, "/page.html")
    result = fetch(source, etag='"page-v1"')
    assert result.status == "not_modified" and result.status_code == 304 and result.etag == '"page-v1"'


@pytest.mark.parametrize("path", ["/big", "/big-undeclared"])
def test_too_large_body_is_refused(server, path):
    source = _local("big", server, path)
    result = fetch(source, max_bytes=100_000)
    assert result.status == "too_large" and result.body is None
    assert [r.reason for r in read_remote(source, result).rejections] == ["too_large"]


def test_retries_with_exponential_backoff_on_5xx(server):
    _Handler.flaky_failures["count"] = 0
    sleeps = []
    result = fetch(_local("flaky", server, "/flaky"), retries=3, backoff=0.5, sleep=sleeps.append)
    assert result.status == "ok" and result.attempts == 3
    assert sleeps == [0.5, 1.0]


def test_timeout_is_retried_then_fails(server):
    sleeps = []
    result = fetch(_local("slow", server, "/slow"), timeout=0.2, retries=1, backoff=0.1, sleep=sleeps.append)
    assert result.status == "failed" and result.attempts == 2 and sleeps == [0.1]
    assert "timed out" in result.error


def test_a_dripping_server_is_cut_off_by_the_deadline_per_fetch(server):
    started = time.monotonic()
    result = fetch(_local("drip", server, "/drip"), timeout=1.0, deadline_s=2.0, retries=3, backoff=0.1,
                   sleep=lambda _s: None)
    assert time.monotonic() - started < 5
    assert result.status == "failed" and "time limit" in result.error


def test_credentials_in_the_url_are_refused_not_retried(server):
    result = fetch(Source(name="creds", url=server.replace("http://", "http://user:pass@") + "/page.html",
                          allow_private=True))
    assert result.status == "refused" and result.attempts == 0 and "credentials" in result.error


@pytest.mark.parametrize("address,public", [("2002:7f00:1::1", False), ("2002:0a00:0001::1", False),
                                            ("2002:0808:0808::1", True), ("::ffff:10.0.0.1", False)])
def test_ipv4_inside_ipv6_is_judged_as_the_ipv4_address(address, public):
    from pipelines.ingest.remote import is_public_address

    assert is_public_address(address) is public


def test_404_is_not_retried(server):
    sleeps = []
    result = fetch(_local("missing", server, "/missing"), sleep=sleeps.append)
    assert result.status == "failed" and result.status_code == 404 and result.attempts == 1 and sleeps == []
    assert [r.reason for r in read_remote(_local("missing", server, "/missing"), result).rejections] == ["fetch_failed"]


def test_loopback_refused_without_allow_private(server):
    _Handler.seen.clear()
    source = Source(name="local", url=server + "/page.html", kind="page")
    result = fetch(source)
    assert result.status == "refused" and "127.0.0.1" in result.error
    assert _Handler.seen == []  # refused before connecting
    assert [r.reason for r in read_remote(source, result).rejections] == ["fetch_refused"]
    assert fetch(Source(name="lh", url="http://localhost:9/", kind="page")).status == "refused"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "javascript:alert(1)"])
def test_non_http_schemes_refused(url):
    assert fetch(Source(name="bad", url=url, kind="page", allow_private=True)).status == "refused"


def _fake_resolver(mapping):
    def resolve(host, port, type=socket.SOCK_STREAM, **_):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in mapping[host]]

    return resolve


def test_every_resolved_address_is_checked():
    resolver = _fake_resolver({"mixed.test": ["93.184.216.34", "10.1.2.3"], "public.test": ["93.184.216.34"]})
    with pytest.raises(FetchRefused):
        resolve_checked("mixed.test", 80, allow_private=False, resolver=resolver)
    assert resolve_checked("public.test", 80, allow_private=False, resolver=resolver)
    for address in ("169.254.169.254", "::1", "fe80::1", "::ffff:127.0.0.1", "0.0.0.0", "240.0.0.1", "100.64.0.1"):
        assert not remote.is_public_address(address)
    assert remote.is_public_address("93.184.216.34")


def test_redirects_are_checked_too(server, monkeypatch):
    # Pretend 127.0.0.1 is public so the first hop connects; the redirect target resolves privately.
    monkeypatch.setattr(remote, "is_public_address", lambda address: address == "127.0.0.1")
    resolver = _fake_resolver({"public.test": ["127.0.0.1"], "private.test": ["10.0.0.7"]})
    port = server.rsplit(":", 1)[1]
    ok = fetch(Source(name="p", url=f"http://public.test:{port}/page.html", kind="page"), resolver=resolver)
    assert ok.status == "ok"
    redirected = fetch(Source(name="r", url=f"http://public.test:{port}/to-private", kind="page"), resolver=resolver)
    assert redirected.status == "refused" and "10.0.0.7" in redirected.error
    to_file = fetch(Source(name="f", url=f"http://public.test:{port}/to-file", kind="page"), resolver=resolver)
    assert to_file.status == "refused"


def test_sources_config(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - name: a\n    url: https://a.example/rss\n    kind: feed\n"
        "  - name: b\n    url: http://10.0.0.5/x.html\n    kind: page\n    allow_private: true\n"
    )
    assert load_sources(path) == [
        Source("a", "https://a.example/rss", "feed", False),
        Source("b", "http://10.0.0.5/x.html", "page", True),
    ]
    assert load_sources(tmp_path / "absent.yaml") == []
    path.write_text("sources:\n  - name: a\n    url: https://a.example\n    kind: podcast\n")
    with pytest.raises(remote.SourcesConfigError):
        load_sources(path)


def test_shipped_sources_yaml_has_no_active_source():
    assert load_sources(Path(__file__).resolve().parents[1] / "sources.yaml") == []
