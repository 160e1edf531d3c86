"""Remote sources: feeds and pages listed in sources.yaml, fetched over HTTP(S).

sources.yaml (repo root, or $CLAIMS_SOURCES):

    sources:
      - name: guardian-us-politics        # unique; input key "remote:guardian-us-politics"
        url: https://www.theguardian.com/us-news/us-politics/rss
        kind: feed                         # feed | page
      - name: intranet-page
        url: http://10.0.0.5/story.html
        kind: page
        allow_private: true                # only for sources you trust on your own network

(a bare top-level list of the same mappings is accepted too).

Fetching is defensive: only http and https; every address the host resolves to must be
public (private, loopback, link-local, reserved, multicast and unspecified addresses are
refused unless the source sets allow_private), checked again on every redirect and at
connect time on the very address connected to (no DNS-rebinding window); environment
proxies are ignored for the same reason. Timeouts, a size cap enforced while streaming,
retries with exponential backoff on 5xx and timeouts, conditional GET with the validators of
the previous fetch (ETag -> If-None-Match, Last-Modified -> If-Modified-Since; a 304 is
"not_modified"), and a User-Agent naming the project.
"""

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from pipelines.ingest import safe_yaml
from pipelines.ingest.article import ReadResult, Rejection, bytes_hash
from pipelines.ingest.files import read_bytes

USER_AGENT = "claims-warehouse/0.1 (news ingestion for a research claims warehouse; python-urllib)"
DEFAULT_TIMEOUT_S = 15.0  # per socket operation
DEFAULT_DEADLINE_S = 60.0  # per fetch, all attempts included
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF_S = 1.0
MAX_REDIRECTS = 5
ALLOWED_SCHEMES = ("http", "https")
SOURCE_KINDS = ("feed", "page")
FETCH_STATUSES = ("ok", "not_modified", "refused", "too_large", "failed")


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    kind: str = "feed"  # feed | page
    allow_private: bool = False

    @property
    def input_key(self) -> str:
        return remote_input_key(self.name)


REMOTE_PREFIX = "remote:"


def remote_input_key(name: str) -> str:
    return REMOTE_PREFIX + name


class SourcesConfigError(ValueError):
    """sources.yaml is not a list of {name, url, kind, allow_private} mappings."""


def load_sources(path: Path | str) -> list[Source]:
    """The sources in a sources.yaml; [] when the file is missing or lists none."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = safe_yaml.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourcesConfigError(f"{path}: not valid YAML: {exc}") from exc
    if data is None:
        return []
    entries = data.get("sources") if isinstance(data, dict) else data
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise SourcesConfigError(f"{path}: expected a list of sources")
    sources, names = [], set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("url"):
            raise SourcesConfigError(f"{path}: source #{index + 1} needs a name and a url")
        kind = str(entry.get("kind", "feed")).lower()
        if kind not in SOURCE_KINDS:
            raise SourcesConfigError(f"{path}: source {entry['name']!r}: kind must be one of {SOURCE_KINDS}")
        name = str(entry["name"])
        if name in names:
            raise SourcesConfigError(f"{path}: duplicate source name {name!r}")
        names.add(name)
        allow_private = entry.get("allow_private", False)
        if not isinstance(allow_private, bool):
            raise SourcesConfigError(f"{path}: source {name!r}: allow_private must be true or false")
        sources.append(Source(name=name, url=str(entry["url"]), kind=kind, allow_private=allow_private))
    return sources


@dataclass
class FetchResult:
    source_name: str
    url: str  # as requested
    status: str  # one of FETCH_STATUSES
    final_url: str | None = None  # after redirects
    status_code: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    attempts: int = 0
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(tzinfo=None))

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def not_modified(self) -> bool:
        return self.status == "not_modified"

    @property
    def content_hash(self) -> str | None:
        """sha256 of the body (None when nothing was fetched)."""
        return bytes_hash(self.body) if self.body is not None else None

    @property
    def size_bytes(self) -> int | None:
        return len(self.body) if self.body is not None else None


class FetchRefused(Exception):
    """The request breaks the fetch policy (scheme, private address, redirect limit)."""


class BodyTooLarge(Exception):
    pass


# --- address policy -------------------------------------------------------------------------


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 addresses carried inside IPv6 are judged as the IPv4 address they reach:
        # mapped (::ffff:a.b.c.d), 6to4 (2002:aabb:ccdd::/16) and Teredo (2001::/32).
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return is_public_address(str(embedded))
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
        or ip.is_multicast or ip.is_unspecified or not ip.is_global
    )


Resolver = Callable[..., list]


def resolve_checked(host: str, port: int, allow_private: bool, resolver: Resolver = socket.getaddrinfo) -> list[tuple]:
    """getaddrinfo results for host, refusing the lot if any address is not public."""
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host!r}: {exc}") from exc
    if not infos:
        raise OSError(f"cannot resolve {host!r}")
    if not allow_private:
        for info in infos:
            address = info[4][0]
            if not is_public_address(address):
                raise FetchRefused(f"{host} resolves to non-public address {address}")
    return infos


def _connect_checked(address: tuple, timeout, source_address, allow_private: bool, resolver: Resolver):
    """socket.create_connection, but only to addresses that passed the policy."""
    host, port = address
    last_error: OSError | None = None
    for family, socktype, proto, _canonname, sockaddr in resolve_checked(host, port, allow_private, resolver):
        sock = socket.socket(family, socktype, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            last_error = exc
            sock.close()
    raise last_error or OSError(f"cannot connect to {host}")


def _guarded_connection_class(base: type, allow_private: bool, resolver: Resolver) -> type:
    class GuardedConnection(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = lambda address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None: (
                _connect_checked(address, timeout, source_address, allow_private, resolver)
            )

    return GuardedConnection


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool, resolver: Resolver):
        super().__init__()
        self.connection_class = _guarded_connection_class(http.client.HTTPConnection, allow_private, resolver)

    def http_open(self, req):
        return self.do_open(self.connection_class, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool, resolver: Resolver):
        super().__init__()
        self.connection_class = _guarded_connection_class(http.client.HTTPSConnection, allow_private, resolver)

    def https_open(self, req):
        return self.do_open(self.connection_class, req, context=self._context)


class _CheckedRedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("Location") or headers.get("URI")
        if location:
            target = urljoin(req.full_url, location)
            if urlsplit(target).scheme.lower() not in ALLOWED_SCHEMES:
                fp.close()
                raise FetchRefused(f"redirect to non-http(s) URL {target!r}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def build_opener(allow_private: bool, resolver: Resolver = socket.getaddrinfo) -> urllib.request.OpenerDirector:
    """An opener with only guarded http/https handlers: no file:, ftp:, data:, no env proxies."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        _GuardedHTTPHandler(allow_private, resolver),
        _GuardedHTTPSHandler(allow_private, resolver),
        _CheckedRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


# --- fetching -------------------------------------------------------------------------------


class DeadlinePassed(Exception):
    pass


def _read_capped(response, max_bytes: int, deadline: float | None = None) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLarge(f"Content-Length {declared} > cap of {max_bytes} bytes")
    chunks, total = [], 0
    while True:
        if deadline is not None and time.monotonic() > deadline:
            raise DeadlinePassed("the body was still arriving when the time limit per fetch ran out")
        # read1 returns what has arrived (one socket read): read(n) would wait for all n bytes,
        # and a server dripping a byte every few seconds never trips the per-read timeout.
        chunk = response.read1(65536)
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise BodyTooLarge(f"body exceeds cap of {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _is_timeout(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", exc)
    return isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason)


def fetch(
    source: Source,
    etag: str | None = None,
    last_modified: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    deadline_s: float = DEFAULT_DEADLINE_S,
    max_bytes: int = DEFAULT_MAX_BYTES,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF_S,
    user_agent: str = USER_AGENT,
    sleep: Callable[[float], None] = time.sleep,
    resolver: Resolver = socket.getaddrinfo,
) -> FetchResult:
    """Fetch a source once (with retries). Never raises: the outcome is in FetchResult.status.

    Pass the etag / last_modified stored from the previous fetch to make it conditional.
    Retries (`retries` extra attempts, sleeping backoff * 2**attempt) only on 5xx, 429 and
    timeouts / connection errors; policy refusals, 4xx and oversize bodies are final.
    """
    result = FetchResult(source_name=source.name, url=source.url, status="failed")
    parts = urlsplit(source.url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        result.status, result.error = "refused", f"scheme {scheme or '(none)'!r} is not http or https"
        return result
    if parts.username is not None or parts.password is not None:
        # urllib sends no credentials from the URL: every attempt would fail the same way.
        result.status, result.error = "refused", "credentials in the URL (user:password@) are not supported"
        return result
    headers = {"User-Agent": user_agent, "Accept-Encoding": "identity", "Accept": _accept_header(source.kind)}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    opener = build_opener(source.allow_private, resolver)
    deadline = time.monotonic() + deadline_s
    for attempt in range(retries + 1):
        result.attempts = attempt + 1
        retry = False
        try:
            request = urllib.request.Request(source.url, headers=headers, method="GET")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeadlinePassed(f"no complete answer within the {deadline_s:g} s limit per fetch")
            with opener.open(request, timeout=min(timeout, remaining)) as response:
                body = _read_capped(response, max_bytes, deadline)
                result.status = "ok"
                result.status_code = response.status
                result.final_url = response.geturl()
                result.body = body
                result.content_type = response.headers.get("Content-Type")
                result.etag = response.headers.get("ETag")
                result.last_modified = response.headers.get("Last-Modified")
                result.error = None
                return result
        except FetchRefused as exc:
            result.status, result.error = "refused", str(exc)
            return result
        except BodyTooLarge as exc:
            result.status, result.error = "too_large", str(exc)
            return result
        except DeadlinePassed as exc:
            result.status, result.error = "failed", str(exc)
            return result
        except urllib.error.HTTPError as exc:
            result.status_code = exc.code
            result.final_url = exc.geturl()
            if exc.code == 304:
                result.status, result.error = "not_modified", None
                result.etag = exc.headers.get("ETag") or etag
                result.last_modified = exc.headers.get("Last-Modified") or last_modified
                return result
            result.status, result.error = "failed", f"HTTP {exc.code} {exc.reason}"
            retry = exc.code >= 500 or exc.code == 429
            exc.close()
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, FetchRefused):
                result.status, result.error = "refused", str(reason)
                return result
            result.status = "failed"
            result.error = f"{type(reason).__name__}: {reason}"[:300]
            retry = _is_timeout(exc) or isinstance(reason, (ConnectionError, http.client.HTTPException, OSError))
        if not retry or attempt == retries or time.monotonic() + backoff * (2**attempt) >= deadline:
            return result
        sleep(backoff * (2**attempt))
    return result


def _accept_header(kind: str) -> str:
    if kind == "feed":
        return "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
    return "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


# --- reading --------------------------------------------------------------------------------


def read_remote(source: Source, fetch_result: FetchResult) -> ReadResult:
    """Articles from a fetched feed or page (Article.source = the fetched URL).

    not_modified -> an empty ReadResult (nothing new); refused / too_large / failed -> one
    Rejection ("fetch_refused", "too_large", "fetch_failed") so the outcome is visible in quarantine.
    """
    location = fetch_result.final_url or source.url
    if fetch_result.status == "not_modified":
        return ReadResult()
    if fetch_result.status != "ok" or fetch_result.body is None:
        reason = {"refused": "fetch_refused", "too_large": "too_large"}.get(fetch_result.status, "fetch_failed")
        return ReadResult(rejections=[Rejection(location, reason, fetch_result.error or fetch_result.status)])
    name = urlsplit(location).path.rsplit("/", 1)[-1] or "index"
    hint = "feed" if source.kind == "feed" else "html"
    return read_bytes(fetch_result.body, name, location, url=None if source.kind == "feed" else location, format_hint=hint)
