"""Markdown made safe for Python-Markdown's time and stack, before it is rendered: a
seed written in Markdown (``briefs.extract.markdown``) and every page of the site, where
an editor may paste anything into a brief (``briefs.site.hooks``).
"""

from __future__ import annotations

import re

# Python-Markdown's inline pass costs the square of a paragraph's inline constructs: a
# paragraph of thousands of brackets or entities ("[[[[...", "&#91;&#91;...", "<a <a
# ...") takes minutes to hours. So a "[" or "<" that never closes (a "[" in its
# paragraph, a "<" on its line) is made a literal character first, and a paragraph
# longer than ``CHUNK`` characters holding more than ``SPECIALS`` of the characters
# inline syntax starts with is cut at spaces into paragraphs of at most ``CHUNK``:
# rendering stays linear. An article's text, its links and its few long paragraphs
# render as before.
CHUNK = 2000
SPECIALS = 100
MAX_NESTING = 8  # brackets or parentheses inside each other ("[![logo](src)](href)": 2)
_ANGLE = re.compile(r"<[^<>\n]*>?")
_SPECIAL = re.compile(r"[\[\]<>&\\`*_!]")


def _closed_brackets(block: str) -> set[int]:
    """Where the "[" of ``block`` are that a "]" closes in the paragraph and whose
    "(...)" after it, if any, closes too (a link, an image, "[sic]"), nested at most
    ``MAX_NESTING`` deep; a bracket escaped with a backslash is literal already and is
    left out. One pass each for brackets and parentheses."""
    parens = _pairs(block, "(", ")")
    return {start for start, end in _pairs(block, "[", "]").items()
            if not block.startswith("(", end + 1) or end + 1 in parens}


def _pairs(block: str, opening: str, closing: str) -> dict[int, int]:
    """Where each ``opening`` mark of ``block`` that a ``closing`` one closes is, and
    where that one is, for marks nested at most ``MAX_NESTING`` deep; escaped marks do
    not count."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for k, ch in enumerate(block):
        if ch == opening and not _escaped(block, k):
            stack.append(k)
        elif ch == closing and stack and not _escaped(block, k):
            start = stack.pop()
            if len(stack) < MAX_NESTING:
                pairs[start] = k
    return pairs


def _escaped(text: str, k: int) -> bool:
    """The character at ``k`` follows an odd run of backslashes."""
    run = 0
    while k - run - 1 >= 0 and text[k - run - 1] == "\\" and run < 64:
        run += 1
    return run % 2 == 1


def _literal_brackets(block: str) -> str:
    """``block`` with each "[" and "<" that never closes made a literal character."""
    if "[" in block:
        closed = _closed_brackets(block)
        parts: list[str] = []
        for k, ch in enumerate(block):
            if ch == "[" and k not in closed:
                if parts and parts[-1] == "\\" and _escaped(block, k):
                    parts.pop()  # "\[": a literal bracket either way
                parts.append("&#91;")
            else:
                parts.append(ch)
        block = "".join(parts)
    if "<" in block:
        block = _ANGLE.sub(lambda m: m.group() if m.group().endswith(">")
                           else "&lt;" + m.group()[1:], block)
    return block


def _cut(block: str) -> list[str]:
    """``block`` in pieces of at most ``CHUNK`` characters, cut at spaces where it can."""
    pieces: list[str] = []
    rest = block
    while len(rest) > CHUNK:
        at = max(rest.rfind(" ", 0, CHUNK), rest.rfind("\n", 0, CHUNK))
        at = at if at > CHUNK // 2 else CHUNK
        pieces.append(rest[:at])
        rest = rest[at:].lstrip()
    pieces.append(rest)
    return pieces


def _bounded_blocks(text: str, *, every_block: bool) -> str:
    """``text`` made safe for Python-Markdown's time (above): a long paragraph dense with
    syntax cut, its unclosed brackets made literal; with ``every_block``, every other
    paragraph's unclosed brackets too."""
    out: list[str] = []
    for block in text.split("\n\n"):
        if len(block) > CHUNK and len(_SPECIAL.findall(block)) > SPECIALS:
            out.extend(_literal_brackets(piece) for piece in _cut(block))
        else:
            out.append(_literal_brackets(block) if every_block else block)
    return "\n\n".join(out)


# Python-Markdown parses a nested list by recursion, one level per indentation step: a
# list indented 500 deep ends in RecursionError, failing the build. Deeper indentation
# than this is read at this depth (eight list levels, or a code block in seven).
MAX_INDENT = 32


def _shallow(text: str) -> str:
    """``text`` with no line indented deeper than ``MAX_INDENT`` columns."""
    if " " * (MAX_INDENT + 1) not in text and "\t" not in text:
        return text
    out = []
    for line in text.split("\n"):
        body = line.lstrip(" \t")
        indent = len(line[: len(line) - len(body)].expandtabs(4))
        out.append(" " * min(indent, MAX_INDENT) + body if indent > MAX_INDENT else line)
    return "\n".join(out)


def bounded(text: str) -> str:
    """A seed's Markdown, rendered for its text only: every paragraph's unclosed
    brackets made literal, long paragraphs of syntax cut (see above), indentation held."""
    return _bounded_blocks(_shallow(text), every_block=True)


def bounded_page(text: str) -> str:
    """A page's Markdown, rendered for readers: only what would take Python-Markdown
    minutes or its stack is changed, a paragraph of over ``CHUNK`` characters holding more
    than ``SPECIALS`` of syntax's characters (cut, its unclosed brackets made literal) and
    indentation past ``MAX_INDENT``. Any other paragraph is left exactly as written."""
    return _bounded_blocks(_shallow(text), every_block=False)
