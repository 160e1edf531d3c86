"""Which of several people sharing a surname a lone surname means ("Cruz" after "Ted Cruz",
"Heidi Cruz" and "Rafael Cruz").

News introduces its principal and then names relatives and namesakes in full or by their given
name, so a lone surname is, in this order of evidence:
1. of the gender an honorific before it shows ("Mrs. Cruz"), when the given names show genders;
2. the one whose full name carried the same office ("Vice President Biden" after "Vice President
   Joe Biden");
3. the one named most often in full or by the given name alone;
4. the one introduced first (a given name alone counts: "Joe and Hunter Biden").
The most recently named person is no evidence: "a photo of Heidi Cruz ... 'my wife,' Cruz said".
"""

from dataclasses import dataclass, field

from pipelines.nlp.entities.gender import given_name_gender, mention_gender
from pipelines.nlp.entities.names import TITLES

# Words of TITLES that say nothing about which office (courtesy titles go to the gender test).
_NOT_OFFICES = {"mr", "mrs", "ms", "miss", "the", "former", "sir", "dame", "lord", "lady"}
_OFFICE_LOOKBACK = 30  # characters before a name in which its office words stand


@dataclass
class _Record:
    first_at: int
    named: int = 0
    offices: set[str] = field(default_factory=set)


def offices_before(text: str, start: int) -> frozenset[str]:
    """The office words directly before a name: "former Vice President" -> {"vice", "president"}."""
    words = text[max(0, start - _OFFICE_LOOKBACK):start].replace(".", " ").split()
    found = []
    for word in reversed(words):
        lower = word.lower()
        if lower not in TITLES:
            break
        found.append(lower)
    return frozenset(found) - _NOT_OFFICES


class SharedSurnames:
    """Evidence on the people of one document with a full name, gathered in one pass."""

    def __init__(self, text: str):
        self.text = text
        self._records: dict[int, _Record] = {}

    def named(self, cluster, start: int, full: bool) -> None:
        """`cluster` is named at `start`, in full or by its given name alone."""
        record = self._records.setdefault(id(cluster), _Record(start))
        record.first_at = min(record.first_at, start)
        record.named += 1
        if full:
            record.offices |= offices_before(self.text, start)

    def rank(self, candidates: list, start: int, end: int) -> list:
        """The candidates for the lone surname at [start, end), best first."""
        gender = mention_gender(self.text, start, end)
        offices = offices_before(self.text, start)

        def evidence(cluster):
            record = self._records.get(id(cluster)) or _Record(len(self.text))
            given = given_name_gender(cluster.full_tokens[0])
            wrong_gender = gender is not None and given is not None and given != gender
            same_office = bool(offices) and offices <= record.offices
            return (wrong_gender, not same_office, -record.named, record.first_at)

        return sorted(candidates, key=evidence)
