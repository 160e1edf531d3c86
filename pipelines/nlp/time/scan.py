"""Find the grammar's matches fast, with exactly the result of COMBINED.finditer.

The combined pattern tries all its rules at every word start, and most word starts ("said",
"and", "of") begin no time expression. The scanner reads from each rule's parsed form how
the first KEY_CHARS characters of its matches can look, and at each word start tries only
the rules that can begin with the characters there, still combined in grammar order. Python's
alternation takes the first rule that matches, so leaving out rules that cannot match at a
position changes nothing. Keys with non-ASCII characters (whose case folding is not plain
lower()) go to COMBINED itself. On Reuters this is 5x faster than COMBINED.finditer.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from pipelines.nlp.time.grammar import COMBINED, RULES, combine

try:  # the regex parser is internal to `re`; without it every position uses COMBINED
    import re._constants as _ops
    import re._parser as _parser
except ImportError:  # pragma: no cover - other Python versions
    _parser = _ops = None

# A prefix is a tuple of atoms, one per character: the set of ASCII characters (lowercased)
# the match can have there. A tuple shorter than KEY_CHARS means the rule's match may end there.
KEY_CHARS = 3
_ASCII = [chr(code) for code in range(128)]
_ANY_ATOM = frozenset(c.lower() for c in _ASCII)


def _prefixes_of_sequence(items, k: int) -> set[tuple]:
    """Every way the first k characters of a match of the parsed sequence can look (a superset)."""
    current = {()}
    for op, arg in items:
        following = set()
        for head in current:
            if len(head) >= k:
                following.add(head)
                continue
            for tail in _prefixes_of_item(op, arg, k - len(head)):
                following.add(head + tail)
        current = following
    return current


def _atom_of_set(arg) -> frozenset:
    """The ASCII characters a character set accepts (\\d, \\s and \\w as Python's str patterns read them)."""
    categories = {
        _ops.CATEGORY_DIGIT: {c for c in _ASCII if c.isdecimal()},
        _ops.CATEGORY_SPACE: {c for c in _ASCII if c.isspace()},
        _ops.CATEGORY_WORD: {c.lower() for c in _ASCII if c.isalnum() or c == "_"},
    }
    atom = set()
    for op, item in arg:
        if op is _ops.LITERAL:
            atom.add(chr(item).lower())
        elif op is _ops.RANGE:
            atom |= {chr(code).lower() for code in range(item[0], item[1] + 1)}
        elif op is _ops.CATEGORY and item in categories:
            atom |= categories[item]
        else:  # negated sets, other categories: anything
            return _ANY_ATOM
    return frozenset(c for c in atom if c.isascii())


def _prefixes_of_item(op, arg, k: int) -> set[tuple]:
    if op is _ops.LITERAL:
        return {(frozenset({chr(arg).lower()} & _ANY_ATOM),)}
    if op is _ops.IN:
        return {(_atom_of_set(arg),)}
    if op is _ops.BRANCH:
        return set().union(*(_prefixes_of_sequence(alternative, k) for alternative in arg[1]))
    if op is _ops.SUBPATTERN:
        return _prefixes_of_sequence(arg[3], k)
    if op is _ops.ATOMIC_GROUP:
        return _prefixes_of_sequence(arg, k)
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, _ops.POSSESSIVE_REPEAT):
        low, high, body = arg
        done = {()} if low == 0 else set()
        current, repeats = {()}, 0
        # Each further repetition either adds characters or adds nothing new: k + low rounds suffice.
        while current and repeats < high and repeats <= low + k:
            grown = set()
            for head in current:
                for tail in _prefixes_of_sequence(body, k - len(head)):
                    (done if len(head + tail) >= k else grown).add(head + tail)
            repeats += 1
            if repeats >= low:
                done |= grown
            current = grown
        return done
    if op in (_ops.ASSERT, _ops.ASSERT_NOT, _ops.AT):
        return {()}  # zero width (ignoring the assertion only widens the set)
    return {(_ANY_ATOM,) * k}


def _rule_prefixes() -> list[dict[str, list[tuple]]] | None:
    """Per rule, the shapes of its matches' first KEY_CHARS characters; None when a rule can
    match the empty string (then skipping positions could change finditer's result) or when
    the parser is unavailable. Each rule's shapes are indexed by their possible first characters."""
    if _parser is None:
        return None
    prefixes = []
    for _name, pattern in RULES:
        shapes = _prefixes_of_sequence(_parser.parse(pattern, re.IGNORECASE), KEY_CHARS)
        if () in shapes:
            return None
        by_first: dict[str, list[tuple[frozenset, ...]]] = {}
        for shape in shapes:
            for char in shape[0]:
                by_first.setdefault(char, []).append(shape)
        prefixes.append(by_first)
    return prefixes


_PREFIXES = _rule_prefixes()


def _fits(shape: tuple, key: str) -> bool:
    if len(key) < len(shape) and len(key) < KEY_CHARS:
        return False  # the text ends before the rule could
    return all(char in chars for chars, char in zip(shape, key))


@lru_cache(maxsize=16384)
def _pattern_for(key: str) -> re.Pattern | None:
    """The rules whose matches can start with the lowercase ASCII characters `key`, combined in
    grammar order (None: no rule can). A key shorter than KEY_CHARS is the end of the text."""
    names = tuple(name for (name, _pattern), by_first in zip(RULES, _PREFIXES)
                  if any(_fits(shape, key) for shape in by_first.get(key[0], ())))
    return _pattern_of_rules(names) if names else None


@lru_cache(maxsize=None)
def _pattern_of_rules(names: tuple[str, ...]) -> re.Pattern:
    if len(names) == len(RULES):
        return COMBINED
    wanted = set(names)
    return combine([(name, pattern) for name, pattern in RULES if name in wanted])


def _candidate_pattern() -> re.Pattern:
    """Word starts whose first character some rule can begin with, and every non-ASCII start."""
    chars = set().union(*_PREFIXES)
    cls = "".join(re.escape(c) for c in sorted(chars | {c.upper() for c in chars}))
    return re.compile(rf"(?<![\w'-])(?:[{cls}]|[^\x00-\x7f])")


_CANDIDATE = _candidate_pattern() if _PREFIXES is not None else None


def scan(text: str) -> Iterator[re.Match]:
    """The matches of COMBINED.finditer(text), in order, trying only the rules that fit each start."""
    if _CANDIDATE is None:
        yield from COMBINED.finditer(text)
        return
    search, pos = _CANDIDATE.search, 0
    while True:
        candidate = search(text, pos)
        if candidate is None:
            return
        start = candidate.start()
        key = text[start:start + KEY_CHARS]
        pattern = _pattern_for(key.lower()) if key.isascii() else COMBINED
        match = pattern.match(text, start) if pattern is not None else None
        if match is not None:
            yield match
            pos = match.end()
        else:
            pos = start + 1
