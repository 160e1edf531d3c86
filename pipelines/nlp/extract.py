"""One spaCy pass per document, then every extractor on the shared parse.

The Extractor loads the model once and streams documents through `nlp.pipe`, so the cost
of extraction stays close to the cost of the parse itself.
"""

from collections.abc import Iterable, Iterator
from dataclasses import asdict

from pipelines.nlp import claims as claims_mod
from pipelines.nlp import entities as entities_mod
from pipelines.nlp import quotes as quotes_mod
from pipelines.nlp import stance as stance_mod
from pipelines.nlp import timex as timex_mod
from pipelines.nlp.language import detect_language
from pipelines.nlp.spacy_model import load_model
from pipelines.nlp.textprep import sanitize, segment
from pipelines.nlp.types import DocInput, DocumentExtraction

# Parsing a 1 MB paragraph in one piece costs gigabytes; longer texts are parsed in
# segments and joined back into one Doc with identical character offsets.
MAX_SEGMENT_CHARS = 100_000
MAX_DOC_CHARS = 2_000_000

def _aliases_fingerprint() -> str:
    """Editing entity_aliases.yaml changes who is who: it is part of the entity extractor's version,
    so the next run re-extracts (from stored text) with the new merges and splits."""
    import hashlib

    from pipelines.config import Settings

    path = Settings.from_env().aliases_file
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()[:8]
    except OSError:
        return "none"


EXTRACTOR_VERSIONS = {
    "quotes": quotes_mod.EXTRACTOR_VERSION,
    "entities": f"{entities_mod.EXTRACTOR_VERSION}+aliases.{_aliases_fingerprint()}",
    "timexes": timex_mod.EXTRACTOR_VERSION,
    "claims": claims_mod.EXTRACTOR_VERSION,
    "stances": stance_mod.EXTRACTOR_VERSION,
}


class Extractor:
    def __init__(self, model: str | None = None, n_process: int = 1, batch_size: int = 64):
        self.model_name = model
        self.nlp = load_model(model)
        self.n_process = n_process
        self.batch_size = batch_size

    def _prepare(self, docs: Iterable[DocInput]) -> Iterator[tuple[str, tuple]]:
        """Yield (segment text, (doc index, segment index, n segments, DocInput, skip reason))."""
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
                yield "", (index, 0, 1, doc, skip)
                continue
            prepared = sanitize(text)
            pieces = segment(prepared, MAX_SEGMENT_CHARS)
            for seg_index, (start, end) in enumerate(pieces):
                yield prepared[start:end], (index, seg_index, len(pieces), doc, None)

    def extract_many(self, docs: Iterable[DocInput]) -> Iterator[DocumentExtraction]:
        """Extractions in input order. With n_process > 1, whole chunks (parse AND extraction) run
        in worker processes, so the extractors scale with the parse instead of queuing behind it."""
        if self.n_process > 1:
            docs = list(docs)
            # Below a few batches, starting workers costs more than it saves.
            if len(docs) > 2 * self.batch_size:
                yield from _extract_in_workers(self.model_name, docs, self.n_process, self.batch_size)
                return
        yield from self._extract_serial(docs)

    def _extract_serial(self, docs: Iterable[DocInput]) -> Iterator[DocumentExtraction]:
        from spacy.tokens import Doc

        pending: list = []
        stream = self.nlp.pipe(self._prepare(docs), as_tuples=True, batch_size=self.batch_size)
        for parsed, (_index, seg_index, n_segments, doc_input, skip) in stream:
            if skip:
                yield DocumentExtraction(doc_id=doc_input.doc_id, skipped_reason=skip, notes=[skip])
                continue
            pending.append(parsed)
            if seg_index + 1 < n_segments:
                continue
            spacy_doc = pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            notes = ["segmented"] if len(pending) > 1 else []
            pending = []
            yield self.extract_parsed(spacy_doc, doc_input, notes)

    def extract_parsed(self, spacy_doc, doc_input: DocInput, notes: list[str] | None = None) -> DocumentExtraction:
        result = DocumentExtraction(doc_id=doc_input.doc_id, language="en", notes=list(notes or []))
        for stage in _STAGES:
            try:
                stage(result, spacy_doc, doc_input)
            except Exception as exc:  # one extractor failing must not lose the others' rows
                result.notes.append(f"{stage.__name__}_failed:{type(exc).__name__}")
        return result

    def extract(self, doc_input: DocInput) -> DocumentExtraction:
        return next(self.extract_many([doc_input]))


_worker_extractor: "Extractor | None" = None


def _worker_init(model: str | None, batch_size: int) -> None:
    global _worker_extractor
    _worker_extractor = Extractor(model=model, n_process=1, batch_size=batch_size)


def _worker_run(chunk: list[DocInput]) -> list[DocumentExtraction]:
    return list(_worker_extractor._extract_serial(chunk))


def _chunks(docs: Iterable[DocInput], size: int) -> Iterator[list[DocInput]]:
    chunk: list[DocInput] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_in_workers(model, docs, n_process: int, batch_size: int) -> Iterator[DocumentExtraction]:
    import multiprocessing

    # fork: workers inherit the loaded model pages copy-on-write instead of loading it again.
    context = multiprocessing.get_context("fork")
    pool = context.Pool(n_process, initializer=_worker_init, initargs=(model, batch_size))
    finished = False
    try:
        for extractions in pool.imap(_worker_run, _chunks(docs, batch_size)):
            yield from extractions
        finished = True
    finally:
        if finished:
            # close + join lets idle workers take their sentinel and exit; terminate() can hang
            # on a worker blocked on the task queue's lock.
            pool.close()
            pool.join()
        else:
            pool.terminate()


def _entities(result, spacy_doc, doc_input):
    result.entities = entities_mod.build_entities(spacy_doc)


def _quotes(result, spacy_doc, doc_input):
    result.quotes = quotes_mod.extract_quotes(spacy_doc, result.entities)


def _timexes(result, spacy_doc, doc_input):
    result.timexes = timex_mod.tag_timexes(doc_input.text, doc_input.published, spacy_doc)


def _claims(result, spacy_doc, doc_input):
    result.claims = claims_mod.extract_claims(spacy_doc, result.quotes, result.timexes, result.entities, doc_input)


def _stances(result, spacy_doc, doc_input):
    result.stances = stance_mod.extract_stances(spacy_doc, result.quotes, result.claims, result.entities, doc_input)


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
            for s in extraction.stances
        ],
    }


def to_record(extraction: DocumentExtraction) -> dict:
    """Everything extracted, for the warehouse writers."""
    return asdict(extraction)
