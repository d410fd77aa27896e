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


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same refusals on libyaml's parser: about ten times faster (MkDocs reads front
    matter with it too), which counts when ``briefs build`` checks every brief."""


_FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load(text: str) -> Any:
    """``text`` parsed with ``StrictLoader``'s rules; raises ``yaml.YAMLError``.

    libyaml reads first; a document it refuses is read again by ``StrictLoader``, so an
    error's message and line are the pure-Python parser's. libyaml accepts tabs where the
    pure-Python parser refuses them: a document with a tab goes to ``StrictLoader``.
    """
    if "\t" not in text:
        try:
            return yaml.load(text, Loader=_FastLoader)  # a SafeLoader-equivalent subclass
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=StrictLoader)  # a SafeLoader subclass
