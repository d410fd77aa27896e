"""The converter's shortcuts give exactly what the plain way gives.

Each shortcut (a prefilter before a slow pattern, the front matter written without the
pure-Python YAML emitter, ...) is checked here against the plain computation it
replaces, on the fixture articles and on inputs made to hit its edges.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator

import pytest
import yaml

from briefs import prefilter
from briefs.compose import loaded
from briefs.compose.sentences import split_sentences
from briefs.extract.text import lexicon
from briefs.extract.text.blocks import tokens
from briefs.write import _Dumper, _plain_front
from tests.conftest import FIXTURES


def fixture_texts() -> Iterator[str]:
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md", ".html") and path.is_file():
            yield path.read_text(encoding="utf-8", errors="replace")


def test_case_odd_lists_every_non_ascii_match_of_an_ascii_character() -> None:
    """The characters a case-insensitive pattern matches to ASCII, beyond ASCII itself."""
    ascii_chars = "".join(chr(c) for c in range(0x80))
    pattern = re.compile(f"[{re.escape(ascii_chars)}]", re.IGNORECASE)
    others = "".join(chr(c) for c in range(0x80, 0x110000))
    odd = set(pattern.findall(others))
    assert odd == set(prefilter.CASE_ODD)
    # ``str.lower`` maps every other character that matches an ASCII letter to that letter
    for ch in odd - {"\u0130", "\u0131", "\u017f"}:
        assert ch.lower().isascii()


def test_needed_strings_cover_every_loaded_term() -> None:
    strings = loaded.needed()
    assert strings is not None
    terms, _pattern = loaded.lexicon()
    assert {"martyr", "regime", "so-called", "zionist"} <= set(strings)
    assert len(strings) >= len(terms) - 2  # one or more per term, a few shared


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.title(), text.swapcase(),
            text.replace("i", "\u0130").replace("s", "\u017f"),
            text.replace("I", "\u0131").replace("k", "\u212a").replace("K", "\u212a")]


def test_loaded_spans_prefilter_changes_nothing() -> None:
    _terms, pattern = loaded.lexicon()

    def full(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(text)]

    samples = [
        "The occupation forces and the US occupation met Zionists and so-called hardliners.",
        "MARTYRDOM of a Regime; the TERROR GROUPS; freedom fighters; rogue states.",
        "An illegal base, hostile aircraft, resistance factions and the axis of resistance.",
        "Tax regime and sanctions regime and regime change are not loaded.",
        "Nothing to see here: a calm and even sentence about the weather in Oslo.",
    ]
    for text in fixture_texts():
        samples += split_sentences(" ".join(text.split()))[:400]
    checked = 0
    for sample in samples:
        for text in _variants(sample):
            loaded.loaded_spans.cache_clear()
            assert [span for _term, span in loaded.loaded_spans(text)] == full(text), text
            checked += 1
    assert checked > 1000


def test_neutral_text_prefilter_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    samples = ["The occupation forces and US occupation troops met resistance groups.",
               "An illegal base, an illegally presence, hostile aircraft, militant factions.",
               "OCCUPATION ARMY; \u0130llegal bases; ho\u017ftile forces; Militant groups."]
    for text in fixture_texts():
        samples += split_sentences(" ".join(text.split()))[:400]
    texts = [t for sample in samples for t in _variants(sample)]
    fast = [loaded.neutral_text(t) for t in texts]
    monkeypatch.setattr(loaded, "may_match", lambda *_args: True)
    assert [loaded.neutral_text(t) for t in texts] == fast
    assert sum(f != t for f, t in zip(fast, texts, strict=True)) >= 5  # some were rewritten


def _stopwords_plain(tokens_: list[str]) -> frozenset[str]:
    """``guess_stopwords`` as first written: one membership test per token and list."""
    if not tokens_:
        return lexicon.stoplists()["English"]
    best, best_score, best_hits = "English", -1.0, 0
    sample = tokens_[:3000]
    for name, words in lexicon.stoplists().items():
        hits = sum(1 for t in sample if t in words)
        score = hits / len(sample) - 0.00002 * len(words)
        if score > best_score:
            best, best_score, best_hits = name, score, hits
    if best_hits < lexicon.MIN_COVERAGE * len(sample):  # no stoplist knows the language
        return lexicon._own_stopwords(sample)
    return lexicon.stoplists()[best]


def test_guess_stopwords_counts_as_before() -> None:
    texts = list(fixture_texts())
    assert len(texts) > 20
    for text in texts:
        toks = tokens(text)
        assert lexicon.guess_stopwords(toks) == _stopwords_plain(toks)
        assert lexicon.guess_stopwords(toks[:50]) == _stopwords_plain(toks[:50])


def _dump(data: dict[str, object]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=10_000, default_flow_style=False)


_PIECES = ["a", "Word", " ", "  ", ":", ": ", " #", "#", "-", "- ", "?", "? ", ",", "[", "]",
           "{", "}", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`", "...", "---", "é",
           "’", "“", "”", "\u00a0", "\u2028", "\u0085", "\ufeff", "\t", "\n", "\r", "\x00",
           "true", "No", "null", "~", "1", "0x1f", "1e3", ".5", "2024-01-05", "12:30",
           "=", "<<", "日本", "\U0001f600", "\ud800", "'s", "\\", "/", "."]


_WORDS = ["Syria", "said", "the", "convoy", "’s", "é", "on", " ", " ", " ", ",", "."]


def _random_string(rng: random.Random) -> str:
    """Mostly words and spaces, with a tricky piece now and then."""
    return "".join(rng.choice(_PIECES if rng.random() < 0.1 else _WORDS)
                   for _ in range(rng.randint(0, 8)))


def test_plain_front_matter_is_what_yaml_writes() -> None:
    rng = random.Random(7)
    written = 0
    for _ in range(20_000):
        data: dict[str, object] = {"title": _random_string(rng)}
        if rng.random() < 0.5:
            data["date"] = dt.date(2024, 1, rng.randint(1, 31))
        if rng.random() < 0.3:
            data["draft"] = rng.random() < 0.5
        data["key_points"] = [_random_string(rng) for _ in range(rng.randint(0, 3))]
        data["quotes"] = [{"text": _random_string(rng), "speaker": _random_string(rng)}
                          for _ in range(rng.randint(0, 2))]
        if rng.random() < 0.8:  # front_matter leaves empty lists out
            data = {k: v for k, v in data.items() if v != []}
        data["word_count"] = rng.randint(-5, 5000)
        mine = _plain_front(data)
        if mine is not None:
            assert mine == _dump(data), data
            written += 1
    assert written > 1000  # the shortcut is taken, not only declined


@pytest.mark.parametrize("value", [
    "plain words", "Syria’s Hasaka", "a: b", "a #b", "#a", "- a", "-a", "?a", ":a", "a:",
    "a ", " a", "true", "yes", "null", "~", "123", "1.5", "2024-01-01", "...x", "---",
    "x\u2028y", "x\ty", "'a'", "\"a\"", "a:b", "a#b", "", "x" * 9_500, "x " * 6_000,
])
def test_plain_front_matter_edges(value: str) -> None:
    for data in ({"title": value}, {"tags": [value]}, {"quotes": [{"text": value}]}):
        mine = _plain_front(data)
        assert mine is None or mine == _dump(data)


def test_names_pattern_matches_as_the_plain_alternation() -> None:
    from briefs.compose.gazetteer import countries, country_pattern
    from briefs.compose.organizations import _data, _known

    countries_plain = re.compile(
        r"(?<![\w.’'-])(?:" + "|".join(re.escape(n) for n in sorted(
            countries(), key=len, reverse=True)) + r")(?![\w-])")
    org_names = sorted((n for pair in _data()["organizations"].items() for n in pair if n),
                       key=len, reverse=True)
    orgs_plain = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(n) for n in org_names)
                            + r")(?![\w’'-])")
    edges = ("Syria’s Iraq-Syria US-backed U.S. .Iraq -Iran Iranian Iran’s United States "
             "United States of America UN NATO’s x.NATO NATO- (UN) Congo Democratic Republic "
             "of the Congo\nIraq\tIran 'Iraq' ’Iraq")
    for text in [*fixture_texts(), edges]:
        for fast, plain in ((country_pattern(), countries_plain), (_known(), orgs_plain)):
            assert [(m.span(), m.group()) for m in fast.finditer(text)] == \
                [(m.span(), m.group()) for m in plain.finditer(text)]


# lexicon._JUNK_ANYWHERE as first written: one alternation searched in every line.
_JUNK_ANYWHERE_PLAIN = re.compile(
    r"(^(copyright|©|\(c\))|all rights reserved|alle rechte vorbehalten|"
    r"tous droits réservés|todos los derechos reservados|todos os direitos reservados|"
    r"všechna práva vyhrazena|tutti i diritti riservati|все права защищены|"
    r"tüm hakları saklıdır|جميع الحقوق محفوظة|版权所有|版權所有|無断転載|"
    r"\b(we|this (web)?site) uses? cookies|\bcookie (policy|settings|preferences)|"
    r"accept (all )?cookies|verwendet cookies|utilise des cookies|utilizamos cookies|"
    r"používá cookies|privacy policy|terms of (use|service)|datenschutz(erklärung)?$|"
    r"(how|why) we use cookies|wie wir cookies (verwenden|nutzen|einsetzen)|"
    r"cookie-?(einstellungen|richtlinie|hinweis)|"
    r"(your|dein|ihr) browser (is|ist) (leider )?(out of date|outdated|veraltet|not supported)|"
    r"votre navigateur (est obsolète|n'est pas (à jour|supporté))|update your browser|"
    r"follow (this )?blog (via|by) e-?mail|(blog )?per e-?mail folgen|"
    r"^(image|media|video|photo) (caption|copyright)|^(getty images|shutterstock)$|"
    r"\b(leave|add|post|write) a comment\b|"
    r"^(read more|read also|see also|related|more|lire aussi|à lire aussi|voir aussi|"
    r"lesen sie auch|mehr zum thema|leia também|leia mais|veja também|lea también|"
    r"ver también|čtěte také|související)\s*:|"
    r"^(click|tap) here\b|^contact me with news and offers|"
    r"^receive e-?mails? from us on behalf|enable javascript|"
    r"\byou may use these html tags and attributes\b|"
    r"\byour comment (has not yet been posted|could not be posted|has been (saved|received|"
    r"submitted))\b|\bthe following comments are owned by whoever posted them\b|"
    r"\bnot responsible for the content of external (internet )?(sites|websites)\b|"
    r"\bbest viewed (in|with) (an? )?[\w -]{0,20}browser\b|"
    r"\b(advertising|affiliate) (disclosure|disclaimer)\b|"
    r"\bwe (may )?(receive|earn|get) (compensation|(a )?commissions?|affiliate commissions?)\b|"
    r"javascript is disabled|\(opens in (a )?new (window|tab)\)|"
    r"^\d[\d,.]*\b.{0,30}\b(comments?|posters?|replies|responses|participating)\b.{0,20}$|"
    r"\bmodal window\b|\bdialog window\b|^\d{1,3}\s*(/|of)\s*\d{1,3}\b|"
    r"^(sponsored|advertisement|anzeige|publicité)\b.{0,30}$)"
)


def test_junk_anywhere_split_changes_nothing() -> None:
    lines = ["© 2024 The Paper", "(c) Someone", "Copyright 2020 all rights reserved",
             "We use cookies to improve", "This website uses cookies.", "Cookie settings",
             "accept all cookies", "Datenschutzerklärung", "datenschutz", "Photo caption here",
             "Getty Images", "Read more: the story", "Click here to subscribe",
             "Please enable JavaScript", "Affiliate disclosure: we earn commissions",
             "We may receive compensation for", "12 comments", "1,234 people participating",
             "3 of 12", "4/10 photos", "Sponsored by a brand", "A modal window opens",
             "Leave a comment", "Terms of Service", "a plain line about affiliate deals",
             "no junk, just news: the council met on Tuesday.", "we get commissions"]
    for text in fixture_texts():
        lines += text.splitlines()
    junk = 0
    for line in lines:
        for form in (line.casefold(), line):
            plain = bool(_JUNK_ANYWHERE_PLAIN.search(form))
            assert lexicon._junk_anywhere(form) == plain, form
            junk += plain
    assert junk > 20


@pytest.mark.parametrize("fast, plain", [
    (r"[a-z](?<![\w’'-].)[a-z-]{3,}(?![\w’'-])", r"(?<![\w’'-])[a-z][a-z-]{3,}(?![\w’'-])"),
    (r"[a-z](?<![\w-].)[\w-]+", r"(?<![\w-])[a-z][\w-]+"),
])
def test_word_patterns_opening_with_a_letter_find_the_same(fast: str, plain: str) -> None:
    from briefs.compose import places, tags

    assert fast in (tags._WORD.pattern, places._LOWER_WORD.pattern)
    texts = [*fixture_texts(), "a-word x’word 'word -word _word 9word word\nword élan über"]
    for text in texts:
        assert re.findall(fast, text) == re.findall(plain, text)


def test_language_automaton_window_is_its_depth() -> None:
    """Every state of py3langid's automaton is reached within ``WINDOW`` bytes (its
    string is at most that long): the walk over the last ``WINDOW`` bytes finds it."""
    np = pytest.importorskip("numpy")
    from briefs.compose import lang

    identifier = lang._identifier()
    nextmove = np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}")
    rowbase = np.asarray(identifier._rowbase, dtype=np.intp)
    depth = np.full(len(rowbase), -1)
    depth[0] = 0
    frontier, level = np.array([0]), 0
    while len(frontier):
        reached = np.unique(nextmove[(rowbase[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[depth[reached] < 0]
        level += 1
        depth[frontier] = level
    assert depth.min() == 0 and depth.max() == lang.WINDOW


def test_language_scores_as_py3langid_does() -> None:
    from py3langid.langid import LanguageIdentifier

    from briefs.compose import lang

    fast = lang._identifier()
    plain = LanguageIdentifier(fast.nb_ptc, fast.nb_pc, fast.nb_classes, fast.tk_nextmove,
                               fast.tk_output, tk_row=fast.tk_row)
    rng = random.Random(3)
    samples = ["", "a", "ab", "abcdef", "Ünïcödé ✓ 日本語のテキスト", "\x00\xff" * 10]
    for text in fixture_texts():
        sample = " ".join(text[:lang.SAMPLE].split())
        samples += [sample, sample[: rng.randint(1, 200)], sample.upper()]
    samples += ["".join(chr(rng.randint(32, 0x2FFF)) for _ in range(300)) for _ in range(30)]
    for sample in samples:
        assert fast.classify(sample) == plain.classify(sample), sample[:80]


def test_place_cue_patterns_skipped_only_without_matches() -> None:
    from briefs.compose import places

    texts = [*fixture_texts(), "Near Napa town and the province of Hasakah, the al-Walid "
             "border crossing and Syria’s Omar oilfield.", "No cue in this text at all."]
    for pattern in places._cue_patterns():
        for text in texts:
            assert [m.span() for m in prefilter.cued_finditer(pattern, text)] == \
                [m.span() for m in pattern.finditer(text)]


def test_outlet_pattern_matches_as_the_plain_alternation() -> None:
    """The outlets as a trie (``prefilter.alternation``) find what their alternation,
    longest name first, finds."""
    from briefs.compose import sources

    data = sources._outlet_data()
    names = sorted((n for n in data["outlets"] if n not in data["platforms"]),
                   key=len, reverse=True)
    plain = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(n) for n in names)
                       + r")(?![\w’'-])")
    fast, _platforms = sources._outlets()
    edges = ("Reuters, Reuters’ AP-Reuters x.Reuters BBC News BBC Newsnight BBC-News "
             "The New York Times New York Timesx Al Jazeera English Al Jazeera\nAFP "
             "'AFP' ’AFP SANA's Sana")
    checked = 0
    for text in [*fixture_texts(), edges]:
        found = [(m.span(), m.group()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.group()) for m in plain.finditer(text)]
        checked += len(found)
    assert checked > 50


@pytest.mark.parametrize("words, text, expected", [
    (["New York", "New York Times", "New Yorker"], "The New York Times and the New Yorker "
     "in New York", ["New York Times", "New Yorker", "New York"]),
    (["a.b", "a+b", "a"], "a+b a.b axb a", ["a+b", "a.b", "a", "a"]),
])
def test_alternation_tries_the_longest_word_first(words: list[str], text: str,
                                                   expected: list[str]) -> None:
    pattern = re.compile(prefilter.alternation(words))
    assert pattern.findall(text) == expected
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    assert re.findall(plain, text) == expected


def test_alternation_falls_back_to_the_shorter_word_before_a_lookahead() -> None:
    pattern = re.compile(prefilter.alternation(["BBC", "BBC News"], not_before=r"\w")
                         + r"(?!\w)")
    assert [m.group() for m in pattern.finditer("BBC Newsnight, BBC News, xBBC, BBC")] \
        == ["BBC", "BBC News", "BBC"]


def test_branches_find_the_match_the_whole_pattern_finds() -> None:
    """``prefilter.Branches`` (one alternative at a time, each behind its cue) gives the
    match of the pattern's own search: the leftmost, of those there the first branch."""
    mixed = re.compile(r"(cat|category|\bdog|bird$|[|]pipe)", re.IGNORECASE)
    patterns = [lexicon._JUNK_INSIDE, lexicon._CREDIT, mixed]
    assert len(prefilter.Branches(lexicon._JUNK_INSIDE).branches) > 20
    assert len(prefilter.Branches(mixed).branches) == 5  # (the wrapping group opened)
    lines = ["Photo: Jane Doe/AFP", "a caption | Foto: dpa", "(Photo by Someone)",
             "All rights reserved. Cookie settings", "category cat", "the DOG and the cat",
             "a bird", "x|pipe", "\u0130stanbul CAT", "nothing at all here"]
    for text in fixture_texts():
        lines += text.splitlines()
    matched = 0
    for line in lines:
        for form in (line.casefold(), line):
            for pattern in patterns:
                plain = pattern.search(form)
                fast = prefilter.Branches(pattern).search(form) if pattern is mixed else \
                    (lexicon._JUNK_INSIDE_BRANCHES if pattern is lexicon._JUNK_INSIDE
                     else lexicon._CREDIT_BRANCHES).search(form)
                assert (plain and (plain.start(), plain.group())) == \
                    (fast and (fast.start(), fast.group())), (pattern.pattern[:30], form)
                matched += plain is not None
    assert matched > 100


def test_source_patterns_skipped_only_without_matches() -> None:
    from briefs.compose import sources

    texts = [*fixture_texts(), "The state news agency SANA said. Reuters reported. "
             "According to Al-Monitor, a Qatari channel ..."]
    found = 0
    for pattern in sources._PATTERNS:
        for text in texts:
            spans = [m.span() for m in prefilter.cued_finditer(pattern, text)]
            assert spans == [m.span() for m in pattern.finditer(text)]
            found += len(spans)
    assert found > 3


def test_month_trie_finds_what_the_sorted_month_alternation_finds() -> None:
    """``meta._MONTH`` is the month names written as a trie; in the date forms (case
    ignored, a word boundary, a day or year after) it finds what their alternation,
    longest first, finds."""
    from briefs.extract.text import meta

    plain = "(?:" + "|".join(sorted(meta.MONTHS, key=len, reverse=True)) + ")"
    made = [f"{k % 28 + 1} {name} 2020, {name.upper()} {k % 31}, 2021; {name.title()}. {k}"
            for k, name in enumerate(sorted(meta.MONTHS))]
    forms = ("({})", r"\b({})\.?\s+(\d{{1,2}})", r"(\d{{1,2}})\.?\s*({})\.?,?\s*(\d{{4}})")
    for text in [*fixture_texts(), *made, "Mart martie March Marts marts 3. Mär 2020"]:
        for around in forms:
            fast = re.compile(around.format(meta._MONTH), re.IGNORECASE)
            slow = re.compile(around.format(plain), re.IGNORECASE)
            assert [m.groups() for m in fast.finditer(text)] \
                == [m.groups() for m in slow.finditer(text)]
