"""The inbox: finding raw files and reading each into Articles and Rejections.

Discovery (`discover`) lists every file under raw/ at any depth, except:

* hidden files and anything inside a hidden directory (name starts with "."),
* notes for humans: files named `README*` (any case, any extension) and `*.notes.md` /
  `*.notes.txt` (put provenance or remarks next to an article under that name),
* unfinished or editor files: names ending in `~`, `.tmp`, `.part`, `.crdownload`, `.swp`,
Entries that cannot be read as a regular file inside raw/ are listed too, with a `problem`
(their read is a quarantine row with that reason, never a silent loss): FIFOs, sockets and
devices (`not_a_regular_file`, never opened: a FIFO would block), dangling symlinks and
symlink loops (`broken_symlink`), symlinks that point outside raw/ (`outside_inbox`, never
followed), and files or directories the user running the pipeline cannot read (`unreadable`).

Each file's input key is its POSIX path relative to raw/ ("thediplomat/putin.md").

Reading (`read_input` for a path, `read_bytes` for bytes already in memory) dispatches on
the extension, after an optional `.gz` (decompressed with the same size cap):

    .txt .text .md .markdown       plain text, optional YAML front matter  (text_reader)
    .html .htm .xhtml              web page, trafilatura + htmldate         (html_reader)
    .json / .jsonl .ndjson         one article per object                    (json_reader)
    .xml .rss .atom .rdf           RSS / Atom feed                           (feed_reader)

Any other extension is sniffed (a feed root, an HTML root, a JSON opening bracket) and
quarantined as `unknown_extension` when nothing fits. Readers never raise and never
modify the raw file; every failure becomes a Rejection with one of REJECTION_REASONS.
"""

import gzip
import hashlib
import os
import stat as stat_module
import zlib
from dataclasses import dataclass
from pathlib import Path

from pipelines.ingest.article import ReadResult, Rejection, bytes_hash
from pipelines.ingest.feed_reader import read_feed
from pipelines.ingest.html_reader import read_html
from pipelines.ingest.json_reader import read_json, read_jsonl
from pipelines.ingest.sniff import decode_strict, decode_text, looks_binary, sniff_format
from pipelines.ingest.text_reader import read_text

DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # per file, and per decompressed .gz
TEXT_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
FORMAT_BY_EXTENSION = {
    **TEXT_EXTENSIONS,
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
}
NOTE_SUFFIXES = (".notes.md", ".notes.txt")
UNFINISHED_SUFFIXES = ("~", ".tmp", ".part", ".crdownload", ".swp")
REJECTION_REASONS = (
    "empty", "binary", "undecodable", "too_large", "unreadable", "unknown_extension",
    "malformed_json", "malformed_html", "malformed_xml", "malformed_front_matter", "malformed_gzip",
    "hostile_xml", "no_text", "not_an_article",
    "fetch_refused", "fetch_failed",  # remote sources, see pipelines.ingest.remote
    "not_a_regular_file", "broken_symlink", "outside_inbox",  # inbox entries, see discover
)
# What each problem entry tells the user to do.
ENTRY_PROBLEMS = {
    "not_a_regular_file": "a FIFO, socket or device is not an article file; remove it from raw/",
    "broken_symlink": "the symbolic link points at nothing (dangling, or a loop); fix or remove it",
    "outside_inbox": "the symbolic link points outside raw/ and is not followed; copy the file into raw/",
    "unreadable": "permission denied; make it readable by the user that runs the pipeline",
}


@dataclass(frozen=True)
class RawInput:
    input_key: str  # POSIX path relative to raw_dir
    path: Path
    size_bytes: int
    mtime: float
    sha256: str | None
    problem: str | None = None  # a key of ENTRY_PROBLEMS: not readable as a file in raw/


def is_ignored_name(name: str) -> bool:
    lowered = name.lower()
    return (
        name.startswith(".")
        or lowered.startswith("readme")
        or lowered.endswith(NOTE_SUFFIXES)
        or lowered.endswith(UNFINISHED_SUFFIXES)
    )


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MB chunks (a huge file is never in memory at once)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def discover(raw_dir: Path | str) -> list[RawInput]:
    """Every ingestible file under raw_dir, sorted by input key (empty list if raw_dir is missing)."""
    root = Path(raw_dir).resolve()
    if not root.is_dir():
        return []
    found = []
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unlisted.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if is_ignored_name(name):
                continue
            item = _inbox_entry(Path(dirpath) / name, root)
            if item is not None:
                found.append(item)
    for error in unlisted:  # a directory os.walk could not list
        path = Path(error.filename)
        if path != root and path.is_relative_to(root) and not path.name.startswith("."):
            found.append(RawInput(path.relative_to(root).as_posix(), path, 0, 0.0, None, "unreadable"))
    return sorted(found, key=lambda item: item.input_key)


def entry_problem(path: Path, root: Path) -> str | None:
    """Why `path` cannot be read as a regular file inside root (a key of ENTRY_PROBLEMS), or None."""
    try:
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # dangling (FileNotFoundError) or a loop (RuntimeError)
                return "broken_symlink"
            if not target.is_relative_to(root):
                return "outside_inbox"
        mode = path.stat().st_mode
    except OSError:
        return "unreadable"
    if stat_module.S_ISDIR(mode):
        return None if os.access(path, os.R_OK | os.X_OK) else "unreadable"
    if not stat_module.S_ISREG(mode):
        return "not_a_regular_file"
    return None if os.access(path, os.R_OK) else "unreadable"


def _inbox_entry(path: Path, root: Path) -> RawInput | None:
    key = path.relative_to(root).as_posix()
    problem = entry_problem(path, root)
    if problem is not None:
        return RawInput(key, path, 0, _lstat_mtime(path), None, problem)
    try:
        info = path.stat()
        if stat_module.S_ISDIR(info.st_mode):
            return None  # a symlink to a directory inside raw/: its files are listed where they are
        digest = file_sha256(path)
    except OSError:
        return None  # vanished between listing and reading: the next run sees what is there
    return RawInput(key, path, info.st_size, info.st_mtime, digest)


def _lstat_mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return 0.0


def problem_rejection(source: str, problem: str) -> ReadResult:
    return _reject(source, problem, ENTRY_PROBLEMS[problem], None)


def input_key_for(path: Path | str, raw_dir: Path | str) -> str:
    return Path(path).resolve().relative_to(Path(raw_dir).resolve()).as_posix()


def _reject(source: str, reason: str, detail: str, content_hash: str | None) -> ReadResult:
    return ReadResult(rejections=[Rejection(source, reason, detail, content_hash)])


def read_input(path: Path | str, raw_dir: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Articles and Rejections from one raw file; Article.source is its input key. Never raises."""
    path = Path(path)
    try:
        source = input_key_for(path, raw_dir)
    except ValueError:
        source = path.as_posix()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _reject(source, "too_large", f"{size} bytes > cap of {max_bytes}", None)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may grow between stat and read
    except OSError as exc:
        return _reject(source, "unreadable", f"{type(exc).__name__}: {exc}"[:300], None)
    return read_bytes(data, path.name, source, max_bytes=max_bytes)


def _gunzip(data: bytes, max_bytes: int) -> bytes | None:
    """Decompressed bytes, at most max_bytes + 1 of them (a gzip bomb stops at the cap)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = decompressor.decompress(data, max_bytes + 1)
    if len(out) <= max_bytes and not decompressor.eof:
        raise EOFError("truncated gzip stream")
    return out


def read_bytes(
    data: bytes,
    name: str,
    source: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    url: str | None = None,
    format_hint: str | None = None,
) -> ReadResult:
    """Articles and Rejections from bytes named `name` (its extension picks the reader). Never raises.

    `format_hint` ("text", "markdown", "html", "json", "jsonl", "feed") overrides the extension;
    `url` is the page's URL for remote pages (date-in-URL evidence, canonical URL fallback).
    """
    raw_hash = bytes_hash(data)
    try:
        return _read_bytes(data, name, source, max_bytes, url, format_hint, raw_hash)
    except Exception as exc:  # last line of defence: a reader bug quarantines the input, not the run
        return _reject(source, "unreadable", f"reader error {type(exc).__name__}: {exc}"[:300], raw_hash)


def _read_bytes(data, name, source, max_bytes, url, format_hint, raw_hash) -> ReadResult:
    if len(data) > max_bytes:
        return _reject(source, "too_large", f"more than {max_bytes} bytes", raw_hash)
    lowered = name.lower()
    if lowered.endswith(".gz"):
        try:
            data = _gunzip(data, max_bytes)
        except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
            return _reject(source, "malformed_gzip", f"{type(exc).__name__}: {exc}"[:300], raw_hash)
        if len(data) > max_bytes:
            return _reject(source, "too_large", f"decompresses to more than {max_bytes} bytes", raw_hash)
        lowered = lowered[:-3]
    if not data.strip():
        return _reject(source, "empty", "no bytes" if not data else "only whitespace", raw_hash)
    if looks_binary(data):
        return _reject(source, "binary", "binary content (magic number or control bytes)", raw_hash)
    kind = format_hint or FORMAT_BY_EXTENSION.get(os.path.splitext(lowered)[1])
    if kind is None:
        kind = sniff_format(data)
        if kind is None:
            extension = os.path.splitext(lowered)[1] or "(none)"
            return _reject(source, "unknown_extension", f"no reader for extension {extension}", raw_hash)
    if kind in ("text", "markdown") and sniff_format(data) == "html":
        kind = "html"  # a saved page with a .txt name
    if kind == "html":
        return read_html(data, source, raw_hash, url=url)
    if kind == "feed":
        return read_feed(data, source, raw_hash)
    if kind in ("json", "jsonl"):
        text = decode_strict(data)  # JSON is UTF-8 by definition (RFC 8259)
        if text is None:
            return _reject(source, "undecodable", "JSON is not valid UTF-8", raw_hash)
        return read_json(text, source, raw_hash) if kind == "json" else read_jsonl(text, source, raw_hash)
    text = decode_text(data)
    if text is None:
        return _reject(source, "undecodable", "not UTF-8 and no confident legacy encoding", raw_hash)
    return read_text(text, source, raw_hash, markdown=kind == "markdown")
