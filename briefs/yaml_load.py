"""The one YAML loader for front matter, sidecars and Markdown seeds.

``yaml.SafeLoader`` with refusals that become a ``yaml.YAMLError`` naming the line:
a key given twice (the last one would win silently); a key that is no text (``? [a, b]``
cannot even be compared with the others); a date-shaped value that is no calendar day
(``2024-02-30``: PyYAML raises a bare ``ValueError`` that would end the run); a lone
surrogate (``"\\ud800"``, half of a character: libyaml, which the site reads briefs with,
refuses it, the pure-Python parser does not); and an alias (``*name``): none of these
files needs one, and aliases of aliases (a "billion laughs" of a few hundred bytes) make
a list that printing or walking never ends.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import yaml


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and impossible dates."""


def _mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"a key must be text, got {_shown(key)}", key_node.start_mark)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _timestamp(loader: StrictLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:  # 2024-13-45 looks like a date but is no calendar day
        reason = str(exc) if len(str(exc)) <= REASON_CHARS else "no such day or time"
        raise yaml.constructor.ConstructorError(
            None, None, f"not a calendar date: {node.value} ({reason})", node.start_mark) \
            from exc


REASON_CHARS = 40  # Python's own words for a bad day ("month must be in 1..12"), not
# its longer ones for a bad offset (``timedelta(days=1, seconds=3600)``)


SURROGATE = re.compile("[\ud800-\udfff]")  # half of a character (a JSON or YAML escape)


def _str(loader: StrictLoader, node: yaml.ScalarNode) -> Any:
    value = loader.construct_yaml_str(node)
    found = SURROGATE.search(value)
    if found:
        raise yaml.constructor.ConstructorError(
            None, None, f"a lone surrogate (\\u{ord(found.group()):04x}) is half of a "
            "character, not text", node.start_mark)
    return value


def _shown(value: object) -> str:
    if isinstance(value, (list, dict, set)):  # (filled in later: its items are not known)
        return {list: "a list", dict: "a mapping", set: "a set"}[type(value)]
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
StrictLoader.add_constructor("tag:yaml.org,2002:str", _str)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same refusals on libyaml's parser: about ten times faster (MkDocs reads front
    matter with it too), which counts when ``briefs build`` checks every brief."""


_FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_FastLoader.add_constructor("tag:yaml.org,2002:str", _str)


def load(text: str) -> Any:
    """``text`` parsed with ``StrictLoader``'s rules; raises ``yaml.YAMLError``.

    libyaml reads first; a document it refuses is read again by ``StrictLoader``, so an
    error's message and line are the pure-Python parser's; one that only libyaml refuses
    is refused with libyaml's error (the site reads briefs with libyaml: what it cannot
    read must not pass). libyaml accepts tabs where the pure-Python parser refuses them:
    a document with a tab goes to ``StrictLoader``.
    """
    if "*" in text:
        _refuse_aliases(text)
    if "\t" not in text:
        try:
            return yaml.load(text, Loader=_FastLoader)  # a SafeLoader-equivalent subclass
        except yaml.YAMLError as fast:
            yaml.load(text, Loader=StrictLoader)  # a SafeLoader subclass: its message
            raise fast from None
    return yaml.load(text, Loader=StrictLoader)  # a SafeLoader subclass


def _refuse_aliases(text: str) -> None:
    """Raise ``yaml.YAMLError`` at the first alias of ``text`` (its tokens are read,
    nothing is built); a document that does not scan is left to ``load``'s parser."""
    loader = _FastLoader if "\t" not in text else StrictLoader
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, yaml.AliasToken):
                raise yaml.constructor.ConstructorError(
                    None, None, f"an alias (*{token.value}) is not allowed here",
                    token.start_mark)
    except yaml.constructor.ConstructorError:
        raise
    except yaml.YAMLError:
        return


class MappingError(ValueError):
    """A document that is no mapping of the allowed fields; the message says why."""


def load_mapping(text: str, allowed: Collection[str], *, noun: str, label: str = "",
                 first_line: int = 1) -> dict[str, Any]:
    """``text`` as a mapping whose keys are all in ``allowed`` (``{}`` when empty).

    Raises ``MappingError`` with a message for the reader: ``label`` opens it (``front
    matter``), the line of a YAML error counts from ``first_line`` (the line the text
    starts on in its file), and ``noun`` names the document (``sidecar``)."""
    try:
        data = load(text)
    except yaml.reader.ReaderError as exc:  # a control character: its line, one line
        opening = f"{label} " if label else ""
        row = text.count("\n", 0, exc.position) + first_line
        found: int | str = exc.character
        char = found if isinstance(found, int) else ord(found)
        raise MappingError(f"{opening}line {row}: control character U+{char:04X} "
                           "is not allowed in YAML") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + first_line}: " if mark is not None else ""
        opening = f"{label} " if label else ""
        raise MappingError(f"{opening}{line}{getattr(exc, 'problem', exc)}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MappingError(f"{noun} must be a mapping of field: value")
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        opening = f"{label}: " if label else ""
        raise MappingError(f"{opening}unknown field(s) {', '.join(unknown)}; "
                           f"allowed: {', '.join(allowed)}")
    return dict(data)
