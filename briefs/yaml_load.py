"""The one YAML loader for front matter, sidecars and Markdown seeds.

``yaml.SafeLoader`` with two refusals that become a ``yaml.YAMLError`` naming the line:
a key given twice (the last one would win silently) and a date-shaped value that is no
calendar day (``2024-02-30``: PyYAML raises a bare ``ValueError`` that would end the run).
"""

from __future__ import annotations

from typing import Any

import yaml


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and impossible dates."""


def _mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _timestamp(loader: StrictLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:  # 2024-13-45 looks like a date but is no calendar day
        raise yaml.constructor.ConstructorError(
            None, None, f"not a calendar date: {node.value} ({exc})", node.start_mark) from exc


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load(text: str) -> Any:
    """``text`` parsed with ``StrictLoader``; raises ``yaml.YAMLError``."""
    return yaml.load(text, Loader=StrictLoader)  # a SafeLoader subclass
