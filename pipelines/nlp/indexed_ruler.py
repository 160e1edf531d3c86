"""The attribute ruler's matches found by lookup instead of by spaCy's Matcher.

spaCy's AttributeRuler runs a Matcher that tries each of its ~190 patterns (the tag map, the
morph rules, ours) at every token: about 11% of the whole pipeline's time, as much as the
parser. Nearly all patterns test one token's TAG, LOWER, DEP or IS_SPACE, so what matches a
token depends only on those four values: the answer is computed once per combination and
looked up after that. The ruler's own `set_annotations` still applies the matches, in the
order its `match` sorts them, so the tokens get exactly what the stock ruler gives them
(tests compare the two on real text). A pattern with anything else (an operator, a quantifier,
another attribute) keeps the stock Matcher for the whole ruler.
"""

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
_MAX_CACHED = 50_000  # token kinds remembered; past it the cache starts over (a worker stays small)


class IndexedRulerMatch:
    """A drop-in for `AttributeRuler.match`: the same sorted (attr_id, match_id, start, end) list."""

    def __init__(self, ruler, tests: list[tuple[int, int, list]]):
        self.strings = ruler.vocab.strings
        # (attr_id, match_id, [one predicate list per token of the pattern])
        self.single = [(a, m, p[0]) for a, m, p in tests if len(p) == 1]
        self.multi = [(a, m, p) for a, m, p in tests if len(p) > 1]
        # A new token kind is tested only against the patterns its TAG can satisfy.
        self._single_for_tag = _by_tag_anchor([preds for _a, _m, preds in self.single])
        self._multi_for_tag = _by_tag_anchor([preds[0] for _a, _m, preds in self.multi])
        self._by_token: dict[tuple, tuple[tuple[int, int], ...]] = {}  # token kind -> (attr_id, match_id)s
        self._first_of_multi: dict[tuple, tuple[int, ...]] = {}  # token kind -> multi-token patterns it may start
        self._regex_cache: dict[tuple[int, int], bool] = {}

    def __call__(self, doc):
        columns = doc.to_array(_COLUMNS).tolist()
        if len(self._by_token) > _MAX_CACHED:
            self._by_token.clear()
            self._first_of_multi.clear()
            self._regex_cache.clear()
        matches = []
        for i, key in enumerate(map(tuple, columns)):
            hits = self._by_token.get(key)
            if hits is None:
                hits = self._by_token[key] = tuple(
                    self.single[n][:2] for n in _candidates(self._single_for_tag, key[0])
                    if self._fits(self.single[n][2], key))
            for attr_id, match_id in hits:
                matches.append((attr_id, match_id, i, i + 1))
            if self.multi:
                firsts = self._first_of_multi.get(key)
                if firsts is None:
                    firsts = self._first_of_multi[key] = tuple(
                        n for n in _candidates(self._multi_for_tag, key[0]) if self._fits(self.multi[n][2][0], key))
                for n in firsts:
                    attr_id, match_id, preds = self.multi[n]
                    end = i + len(preds)
                    if end <= len(columns) and all(self._fits(p, tuple(columns[i + k]))
                                                   for k, p in enumerate(preds[1:], 1)):
                        matches.append((attr_id, match_id, i, end))
        matches.sort()
        return matches

    def _fits(self, predicates, key) -> bool:
        for column, kind, value in predicates:
            got = key[column]
            if kind == "eq":
                ok = got == value
            elif kind == "in":
                ok = got in value
            elif kind == "not_in":
                ok = got not in value
            else:  # "regex": spaCy's REGEX searches the attribute's string
                cached = self._regex_cache.get((id(value), got))
                if cached is None:
                    cached = self._regex_cache[(id(value), got)] = bool(value.search(self.strings[got]))
                ok = cached
            if not ok:
                return False
        return True


def _by_tag_anchor(first_tokens: list[list]) -> dict:
    """TAG hash -> indices of the patterns requiring exactly that TAG, sorted; None -> the rest."""
    index: dict = {None: []}
    for n, predicates in enumerate(first_tokens):
        tag = next((value for column, kind, value in predicates if column == 0 and kind == "eq"), None)
        index.setdefault(tag, []).append(n)
    return index


def _candidates(index: dict, tag: int) -> list[int]:
    return sorted(index.get(tag, []) + index[None])


def index_attribute_ruler(nlp) -> bool:
    """Give the pipeline's attribute ruler the indexed `match`; False (stock Matcher kept) when
    a pattern uses something the index does not reproduce."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    tests = compile_patterns(ruler)
    if tests is None:
        return False
    ruler.match = IndexedRulerMatch(ruler, tests)
    return True


def compile_patterns(ruler) -> list[tuple[int, int, list]] | None:
    strings = ruler.vocab.strings
    tests = []
    # ruler.patterns lists one entry per add() in order; the attr_id of the n-th is n.
    for attr_id, entry in enumerate(ruler.patterns):
        match_id = strings.add(str(attr_id))
        for pattern in entry["patterns"]:
            compiled = []
            for token_pattern in pattern:
                predicates = _compile_token(token_pattern, strings)
                if predicates is None:
                    return None
                compiled.append(predicates)
            if not compiled:
                return None
            tests.append((attr_id, match_id, compiled))
    return tests


def _compile_token(token_pattern: dict, strings) -> list | None:
    predicates = []
    for attr, value in token_pattern.items():
        column = _ATTRS.get(attr)
        if column is None:
            return None
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            predicates.append((column, "eq", int(value)))
        elif isinstance(value, str):
            predicates.append((column, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1:
            (op, operand), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
                # the Matcher hashes each string; "" is the hash of a missing value (0)
                predicates.append((column, op.lower(), frozenset(strings.add(v) if v else 0 for v in operand)))
            elif op == "REGEX" and isinstance(operand, str):
                predicates.append((column, "regex", re.compile(operand)))
            else:
                return None
        else:
            return None
    return predicates
