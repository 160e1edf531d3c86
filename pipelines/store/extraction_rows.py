"""Turn DocumentExtraction records into table rows with deterministic ids."""

from hashlib import sha1
from datetime import datetime

import pyarrow as pa

from pipelines.nlp.types import DocumentExtraction


def stable_id(*parts) -> str:
    return sha1("|".join(["" if p is None else str(p) for p in parts]).encode("utf-8")).hexdigest()[:16]


def entity_id(key: str | None) -> str | None:
    return stable_id("entity", key) if key else None


TABLE_COLUMNS = {
    "quotations": [
        "quote_id", "article_id", "article_version", "content_text", "content_start", "content_end",
        "content_spans", "kind", "cue", "cue_start", "cue_end", "speaker_text", "speaker_start",
        "speaker_end", "speaker_entity_id", "speaker_name", "confidence", "stated_at", "extractor_version",
    ],
    "time_expressions": [
        "timex_id", "article_id", "article_version", "text", "start_offset", "end_offset", "type", "value",
        "interval_start", "interval_end", "granularity", "anchor", "unanchored", "reason", "extractor_version",
    ],
    "claims": [
        "claim_id", "article_id", "article_version", "text", "start_offset", "end_offset", "claimer",
        "claimer_entity_id", "claimer_source", "about_start", "about_end", "about_source", "timex_text",
        "stated_at", "modality", "entities", "numbers", "checkworthy", "extractor_version",
    ],
    "stances": [
        "stance_id", "article_id", "article_version", "holder_text", "holder_start", "holder_end",
        "holder_entity_id", "target_text", "target_start", "target_end", "target_entity_id", "target_issue",
        "polarity", "score", "confidence", "method", "evidence_start", "evidence_end", "evidence_text",
        "source_kind", "stated_at", "extractor_version",
    ],
    "entity_mentions": [
        "mention_id", "article_id", "article_version", "entity_id", "mention_start", "mention_end",
        "mention_text", "extractor_version",
    ],
    "entity_batch": ["entity_id", "name_key", "canonical_name", "type", "aliases", "first_seen", "last_seen"],
    "article_extractions": [
        "article_id", "article_version", "input_key", "language", "skipped_reason", "notes",
        "n_quotations", "n_time_expressions", "n_claims", "n_stances", "extractor_version", "extracted_at",
    ],
}


class RowBuffer:
    """Accumulates rows for every extraction table over a batch of articles."""

    def __init__(self, versions: dict[str, str]):
        self.versions = versions
        self.rows = {table: [] for table in TABLE_COLUMNS}
        self.entities: dict[str, dict] = {}

    def add(self, article: dict, extraction: DocumentExtraction, input_key: str, now: datetime) -> None:
        aid, ver, text = article["article_id"], article["version"], article["text"]
        stated_at = article.get("published_at")
        v = self.versions
        for ent in extraction.entities:
            key = ent.key or (ent.canonical_name or "").strip().lower()
            if not key:
                continue  # an entity with no name cannot be stored or merged
            eid = entity_id(key)
            names = sorted({ent.canonical_name, *ent.aliases, *(m.text for m in ent.mentions)})
            known = self.entities.get(eid)
            if known:
                known["aliases"] = sorted(set(known["aliases"]) | set(names))
            else:
                self.entities[eid] = {"entity_id": eid, "name_key": key, "canonical_name": ent.canonical_name or key,
                                      "type": ent.type, "aliases": names, "first_seen": now, "last_seen": now}
            for m in ent.mentions:
                self.rows["entity_mentions"].append({
                    "mention_id": stable_id(aid, eid, m.start, m.end), "article_id": aid, "article_version": ver,
                    "entity_id": eid, "mention_start": m.start, "mention_end": m.end, "mention_text": text[m.start:m.end],
                    "extractor_version": v["entities"],
                })
        for q in extraction.quotes:
            self.rows["quotations"].append({
                "quote_id": stable_id(aid, q.kind, q.content_start, q.content_end), "article_id": aid,
                "article_version": ver, "content_text": text[q.content_start:q.content_end],
                "content_start": q.content_start, "content_end": q.content_end,
                "content_spans": [[int(s), int(e)] for s, e in q.content_spans], "kind": q.kind, "cue": q.cue,
                "cue_start": q.cue_start, "cue_end": q.cue_end, "speaker_text": q.speaker_text,
                "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                "speaker_entity_id": entity_id(q.speaker_key), "speaker_name": q.speaker_entity,
                "confidence": float(q.confidence), "stated_at": stated_at, "extractor_version": v["quotes"],
            })
        for t in extraction.timexes:
            self.rows["time_expressions"].append({
                "timex_id": stable_id(aid, t.start, t.end, t.type), "article_id": aid, "article_version": ver,
                "text": text[t.start:t.end], "start_offset": t.start, "end_offset": t.end, "type": t.type,
                "value": t.value, "interval_start": t.interval_start, "interval_end": t.interval_end,
                "granularity": t.granularity, "anchor": t.anchor, "unanchored": bool(t.unanchored),
                "reason": t.reason, "extractor_version": v["timexes"],
            })
        for c in extraction.claims:
            self.rows["claims"].append({
                "claim_id": stable_id(aid, c.start, c.end), "article_id": aid, "article_version": ver,
                "text": text[c.start:c.end], "start_offset": c.start, "end_offset": c.end, "claimer": c.claimer,
                "claimer_entity_id": entity_id(c.claimer_key), "claimer_source": c.claimer_source,
                "about_start": c.about_start, "about_end": c.about_end, "about_source": c.about_source,
                "timex_text": c.timex_text, "stated_at": stated_at, "modality": c.modality,
                "entities": list(c.entities), "numbers": list(c.numbers), "checkworthy": float(c.checkworthy),
                "extractor_version": v["claims"],
            })
        for s in extraction.stances:
            target_eid = entity_id(s.target_key)
            # The text columns hold the mention at the offsets (the contract's text[start:end]);
            # the resolved names live in entities, through the entity ids.
            holder_text = text[s.holder_start:s.holder_end] if s.holder_start is not None else s.holder
            target_text = text[s.target_start:s.target_end] if s.target_start is not None else s.target
            self.rows["stances"].append({
                "stance_id": stable_id(aid, s.holder_key or s.holder, s.target_key or s.target, s.evidence_start,
                                       s.evidence_end, s.target_start),
                "article_id": aid, "article_version": ver, "holder_text": holder_text, "holder_start": s.holder_start,
                "holder_end": s.holder_end, "holder_entity_id": entity_id(s.holder_key), "target_text": target_text or s.target,
                "target_start": s.target_start, "target_end": s.target_end, "target_entity_id": target_eid,
                "target_issue": None if target_eid else s.target, "polarity": s.polarity, "score": float(s.score),
                "confidence": float(s.confidence), "method": s.method, "evidence_start": s.evidence_start,
                "evidence_end": s.evidence_end, "evidence_text": text[s.evidence_start:s.evidence_end],
                "source_kind": s.source_kind, "stated_at": stated_at, "extractor_version": v["stances"],
            })
        self.rows["article_extractions"].append({
            "article_id": aid, "article_version": ver, "input_key": input_key,
            "language": extraction.language, "skipped_reason": extraction.skipped_reason,
            "notes": list(extraction.notes), "n_quotations": len(extraction.quotes),
            "n_time_expressions": len(extraction.timexes), "n_claims": len(extraction.claims),
            "n_stances": len(extraction.stances), "extractor_version": combined_version(v), "extracted_at": now,
        })

    def frames(self) -> dict[str, pa.Table]:
        """One Arrow table per table, built column by column from the rows: each column's type is
        inferred from all its values (no pandas in between, which cost more than the inserts)."""
        self.rows["entity_batch"] = list(self.entities.values())
        out = {}
        for table, columns in TABLE_COLUMNS.items():
            rows = self.rows[table]
            # Stable ids may collide for exact duplicates (same span twice): keep the first.
            key = columns[0]
            seen, unique = set(), []
            for row in rows:
                if row[key] not in seen:
                    seen.add(row[key])
                    unique.append(row)
            out[table] = pa.table({column: [row.get(column) for row in unique] for column in columns})
        return out


def combined_version(versions: dict[str, str]) -> str:
    return "+".join(versions[k] for k in sorted(versions))
