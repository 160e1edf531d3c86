"""YAML with bounded cost: `yaml.safe_load` expands aliases, so 600 bytes of nested aliases
(a "billion laughs") become gigabytes once anything walks the value. Front matter and
sources.yaml never need more than a few aliases; more than MAX_ALIASES, or a document larger
than MAX_BYTES, is refused before it is expanded."""

import yaml

MAX_ALIASES = 20
MAX_BYTES = 256 * 1024


class YamlTooComplex(yaml.YAMLError):
    pass


class _BoundedLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise YamlTooComplex(f"more than {MAX_ALIASES} YAML aliases (refused: they can expand without bound)")
        return super().compose_node(parent, index)


def load(text: str):
    """Like yaml.safe_load, with the size and alias limits above (raises YamlTooComplex)."""
    if len(text) > MAX_BYTES:
        raise YamlTooComplex(f"YAML block of {len(text)} characters is over the {MAX_BYTES} limit")
    return yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 - a SafeLoader subclass
