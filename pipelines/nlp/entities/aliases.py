"""The user-editable alias file (entity_aliases.yaml at the repo root; format in its header)."""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipelines.config import PROJECT_ROOT
from pipelines.nlp.entities.names import name_key

SHIPPED_ALIASES = PROJECT_ROOT / "entity_aliases.yaml"


@dataclass
class AliasRules:
    # alias key -> (canonical key, canonical name)
    merges: dict[str, tuple[str, str]] = field(default_factory=dict)
    # unordered pairs of keys that must never be merged
    apart: set[frozenset] = field(default_factory=set)

    def canonical(self, key: str, name: str) -> tuple[str, str]:
        return self.merges.get(key, (key, name))

    def kept_apart(self, name_a: str, name_b: str) -> bool:
        if not self.apart:
            return False
        a, b = self._keys(name_a), self._keys(name_b)
        return any(frozenset((x, y)) in self.apart for x in a for y in b if x != y)

    def _keys(self, name: str) -> set[str]:
        keys = {name_key(name, "PERSON"), name_key(name, "ORG")}
        return keys | {self.merges[k][0] for k in list(keys) if k in self.merges}


def parse_alias_rules(data) -> AliasRules:
    rules = AliasRules()
    if not isinstance(data, dict):
        return rules
    for canonical, aliases in (data.get("merge") or {}).items():
        canonical = str(canonical)
        target = (name_key(canonical, "PERSON"), canonical)
        for alias in [canonical, *(aliases or [])]:
            for etype in ("PERSON", "ORG"):
                rules.merges[name_key(str(alias), etype)] = target
    for group in data.get("keep_apart") or []:
        names = [str(n) for n in group or []]
        keys = [rules.canonical(name_key(n, "PERSON"), n)[0] for n in names]
        org_keys = [name_key(n, "ORG") for n in names]
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                for x in (keys[i], org_keys[i]):
                    for y in (keys[j], org_keys[j]):
                        if x != y:
                            rules.apart.add(frozenset((x, y)))
    # keep_apart wins over a merge that would join the two names.
    for alias_key, (canonical_key, _name) in list(rules.merges.items()):
        if frozenset((alias_key, canonical_key)) in rules.apart:
            del rules.merges[alias_key]
    return rules


def load_alias_rules(path: Path | None = None) -> AliasRules:
    """The rules of the alias file at `path` (None: the shipped entity_aliases.yaml)."""
    path = SHIPPED_ALIASES if path is None else path
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError:
        mtime = None
    # Keyed by modification time too, so a long-running process sees the user's edits.
    return _load_cached(str(path), mtime)


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: int | None) -> AliasRules:
    import yaml

    file = Path(path)
    if not file.exists():
        return AliasRules()
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    return parse_alias_rules(data)
