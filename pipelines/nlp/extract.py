"""One spaCy pass per document, then every extractor on the shared parse.

The Extractor loads the model once and streams documents through `nlp.pipe`, so the cost
of extraction stays close to the cost of the parse itself.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from pipelines.config import DEFAULT_SPACY_MODEL

from pipelines.nlp import claims as claims_mod
from pipelines.nlp import doc_cache
from pipelines.nlp import entities as entities_mod
from pipelines.nlp import quotes as quotes_mod
from pipelines.nlp import stance as stance_mod
from pipelines.nlp import time as timex_mod
from pipelines.nlp.entities.aliases import SHIPPED_ALIASES, load_alias_rules
from pipelines.nlp.language import detect_language, load_detector
from pipelines.nlp.spacy_model import load_model
from pipelines.nlp.time.scan import compile_patterns as compile_timex_patterns
from pipelines.nlp.textprep import sanitize, segment
from pipelines.nlp.types import DocInput, DocumentExtraction

# Parsing a 1 MB paragraph in one piece costs gigabytes; longer texts are parsed in
# segments and joined back into one Doc with identical character offsets.
MAX_SEGMENT_CHARS = 100_000
MAX_DOC_CHARS = 2_000_000
# Chunks queued per worker: enough that no worker waits for the consumer, few enough to bound memory.
IN_FLIGHT_PER_PROCESS = 3
WORKER_CHUNKS = 16  # chunks of batch_size documents a worker extracts before it is replaced (19k-file bench: peak 1,499 MB vs 1,537-1,562 MB at 40)

def _aliases_fingerprint(path: Path) -> str:
    """Editing entity_aliases.yaml changes who is who: it is part of the entity extractor's version,
    so the next run re-extracts (from stored text) with the new merges and splits."""
    import hashlib

    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:8]
    except OSError:
        return "none"


def extractor_versions(aliases_file: Path | None = None) -> dict[str, str]:
    """Per extractor, its version; the entities' includes the alias file (None: the shipped one)."""
    return {
        "quotes": quotes_mod.EXTRACTOR_VERSION,
        "entities": f"{entities_mod.EXTRACTOR_VERSION}+aliases.{_aliases_fingerprint(aliases_file or SHIPPED_ALIASES)}",
        "timexes": timex_mod.EXTRACTOR_VERSION,
        "claims": claims_mod.EXTRACTOR_VERSION,
        "stances": stance_mod.EXTRACTOR_VERSION,
    }


_WARM_UP_TEXT = ('"Prices will rise," the minister, John Smith, said on Monday. '
                 'Russia opposes NATO and welcomed the deal with China last year.')


class Extractor:
    """model: an installed spaCy pipeline; aliases_file: the entity alias rules (None: the shipped
    entity_aliases.yaml); stance_model: the polarity model directory (None: the shipped one). The
    caller reads them from its configuration (pipelines.extraction_settings)."""

    def __init__(self, model: str | None = DEFAULT_SPACY_MODEL, n_process: int = 1, batch_size: int = 64,
                 aliases_file: Path | None = None, stance_model: Path | None = None,
                 mention_sentiment: bool = False):
        self.model_name = model or DEFAULT_SPACY_MODEL
        self.mention_sentiment = mention_sentiment
        self.aliases_file = Path(aliases_file) if aliases_file is not None else SHIPPED_ALIASES
        self.stance_model = Path(stance_model) if stance_model is not None else None
        self.versions = extractor_versions(self.aliases_file)
        self.nlp = load_model(self.model_name)
        self.n_process = n_process
        self.batch_size = batch_size
        self._warm_up()

    def _warm_up(self) -> None:
        """Load every stage's lazy resources (models, lexicons, alias rules) now, once: forked
        workers then inherit them instead of each loading them again."""
        self.extract_parsed(self.nlp(_WARM_UP_TEXT), DocInput(doc_id="warm-up", text=_WARM_UP_TEXT,
                                                                published="2020-01-02"))
        compile_timex_patterns()  # the warm-up text selects only a few of them

    def _prepare(self, docs: Iterable[DocInput]) -> Iterator[tuple[str, tuple]]:
        """Yield (segment text, (doc index, segment index, n segments, DocInput, skip reason, segment text))."""
        for index, doc in enumerate(docs):
            text = doc.text or ""
            skip = None
            if not text.strip():
                skip = "empty_text"
            elif len(text) > MAX_DOC_CHARS:
                skip = "text_too_long"
            else:
                _language, skip = detect_language(text)
            if skip:
                yield "", (index, 0, 1, doc, skip, "")
                continue
            prepared = sanitize(text)
            pieces = segment(prepared, MAX_SEGMENT_CHARS)
            for seg_index, (start, end) in enumerate(pieces):
                piece = prepared[start:end]
                yield piece, (index, seg_index, len(pieces), doc, None, piece)

    def extract_many(self, docs: Iterable[DocInput]) -> Iterator[DocumentExtraction]:
        """Extractions in input order, reading `docs` lazily. With n_process > 1, whole chunks
        (parse AND extraction) run in worker processes, so the extractors scale with the parse
        instead of queuing behind it."""
        docs = iter(docs)
        if self.n_process > 1:
            # Below a few batches, starting workers costs more than it saves.
            head = list(islice(docs, 2 * self.batch_size + 1))
            if len(head) > 2 * self.batch_size:
                yield from _extract_in_workers(self, chain(head, docs))
                return
            docs = iter(head)
        yield from self._extract_serial(docs)

    def _extract_serial(self, docs: Iterable[DocInput]) -> Iterator[DocumentExtraction]:
        from spacy.tokens import Doc

        pending: list = []
        stream = self.nlp.pipe(self._prepare(docs), as_tuples=True, batch_size=self.batch_size)
        for parsed, (_index, seg_index, n_segments, doc_input, skip, segment_text) in stream:
            if skip:
                yield DocumentExtraction(doc_id=doc_input.doc_id, skipped_reason=skip, notes=[skip])
                continue
            pending.append(parsed)
            if seg_index + 1 < n_segments:
                continue
            if len(pending) == 1:
                spacy_doc = pending[0]
                doc_cache.remember_text(spacy_doc, segment_text)
            else:
                spacy_doc = Doc.from_docs(pending, ensure_whitespace=False)
            notes = ["segmented"] if len(pending) > 1 else []
            pending = []
            yield self.extract_parsed(spacy_doc, doc_input, notes)

    def extract_parsed(self, spacy_doc, doc_input: DocInput, notes: list[str] | None = None) -> DocumentExtraction:
        result = DocumentExtraction(doc_id=doc_input.doc_id, language="en", notes=list(notes or []))
        for stage in _STAGES:
            try:
                stage(self, result, spacy_doc, doc_input)
            except Exception as exc:  # one extractor failing must not lose the others' rows
                result.notes.append(f"{stage.__name__}_failed:{type(exc).__name__}")
        doc_cache.forget(spacy_doc)
        return result

    def extract(self, doc_input: DocInput) -> DocumentExtraction:
        return next(self.extract_many([doc_input]))


_worker_extractor: "Extractor | None" = None


def _worker_run(chunk: list[DocInput]) -> list[DocumentExtraction]:
    # spaCy's memory zone frees the strings and lexemes the chunk added to the vocabulary (which
    # otherwise only grows); the extractions returned are plain data, no Doc outlives the zone.
    with _worker_extractor.nlp.memory_zone():
        out = list(_worker_extractor._extract_serial(chunk))
    _trim_heap()  # a chunk's Docs are freed: give their pages back, or each worker keeps its peak
    return out


def _trim_heap() -> None:
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def _chunks(docs: Iterable[DocInput], size: int) -> Iterator[list[DocInput]]:
    chunk: list[DocInput] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_in_workers(extractor: "Extractor", docs: Iterable[DocInput]) -> Iterator[DocumentExtraction]:
    """Chunks of `batch_size` documents go to `n_process` forked workers, at most a few chunks
    ahead of the consumer: memory stays bounded however long the stream, and `docs` is read in
    the caller's thread (it may be a database cursor the caller also writes through)."""
    import gc
    import multiprocessing

    global _worker_extractor
    # fork: workers inherit this extractor with its loaded (and warmed) models copy-on-write.
    _worker_extractor = extractor
    load_detector()  # else each worker (and each replacement) loads its own copy on a first non-English guess
    context = multiprocessing.get_context("fork")
    # Objects that exist now go to the collector's permanent generation: a worker's garbage
    # collections then never write to them, so their pages stay shared instead of being copied.
    gc.freeze()
    # A worker is replaced after WORKER_CHUNKS chunks: spaCy's string store and the allocator's
    # arenas only grow, and a fresh fork of the parent (which parses nothing) starts small again.
    pool = context.Pool(extractor.n_process, maxtasksperchild=WORKER_CHUNKS)
    in_flight: deque = deque()
    chunks = _chunks(docs, extractor.batch_size)
    finished = False
    try:
        for chunk in islice(chunks, IN_FLIGHT_PER_PROCESS * extractor.n_process):
            in_flight.append(pool.apply_async(_worker_run, (chunk,)))
        while in_flight:
            extractions = in_flight.popleft().get()
            following = next(chunks, None)
            if following is not None:
                in_flight.append(pool.apply_async(_worker_run, (following,)))
            yield from extractions
        finished = True
    finally:
        _worker_extractor = None
        gc.unfreeze()
        if finished:
            # close + join lets idle workers take their sentinel and exit; terminate() can hang
            # on a worker blocked on the task queue's lock.
            pool.close()
            pool.join()
        else:
            pool.terminate()


# Each stage: (extractor, result so far, parsed Doc, DocInput); the extractor carries the configuration.
def _entities(extractor, result, spacy_doc, doc_input):
    # per document: the alias rules are cached by file and modification time, so edits are seen
    result.entities = entities_mod.build_entities(spacy_doc, load_alias_rules(extractor.aliases_file))


def _quotes(extractor, result, spacy_doc, doc_input):
    result.quotes = quotes_mod.extract_quotes(spacy_doc, result.entities)
    # The article's author is never the speaker of a quotation in it (a byline near a quote).
    authors = entities_mod.author_keys(doc_input.author, None)
    for quote in result.quotes:
        if quote.speaker_key and quote.speaker_key in authors:
            quote.speaker_text = quote.speaker_start = quote.speaker_end = None
            quote.speaker_entity = quote.speaker_key = None


def _timexes(extractor, result, spacy_doc, doc_input):
    result.timexes = timex_mod.tag_timexes(doc_input.text, doc_input.published, spacy_doc)


def _claims(extractor, result, spacy_doc, doc_input):
    result.claims = claims_mod.extract_claims(spacy_doc, result.quotes, result.timexes, result.entities, doc_input)


def _stances(extractor, result, spacy_doc, doc_input):
    result.stances = stance_mod.extract_stances(spacy_doc, result.quotes, result.claims, result.entities, doc_input,
                                                extractor.stance_model)
    if extractor.mention_sentiment:
        result.mention_sentiments = stance_mod.mention_sentiments(spacy_doc, result.entities, extractor.stance_model)


_STAGES = (_entities, _quotes, _timexes, _claims, _stances)


def to_contract(extraction: DocumentExtraction) -> dict:
    """The `claims extract` output line for one document (../shared/eval/README.md)."""
    return {
        "doc_id": extraction.doc_id,
        "quotes": [
            {
                "content_start": q.content_start,
                "content_end": q.content_end,
                "content_spans": [list(span) for span in q.content_spans],
                "speaker_text": q.speaker_text,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "speaker_entity": q.speaker_entity,
                "cue": q.cue,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
                "kind": q.kind,
            }
            for q in extraction.quotes
        ],
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in extraction.timexes
        ],
        "claims": [
            {
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "claimer": c.claimer,
                "checkworthy": c.checkworthy,
                "claim_date_start": c.about_start,
                "claim_date_end": c.about_end,
            }
            for c in extraction.claims
        ],
        "stances": [
            {
                "holder": s.holder,
                "holder_start": s.holder_start,
                "holder_end": s.holder_end,
                "target": s.target,
                "target_start": s.target_start,
                "target_end": s.target_end,
                "polarity": s.polarity,
                "score": s.score,
                "evidence_start": s.evidence_start,
                "evidence_end": s.evidence_end,
            }
            for s in [*extraction.stances, *extraction.mention_sentiments]
        ],
    }
