"""Whether a page's declared language can be the language of its text, by script.

Templates declare a language for every page of a site, whatever its text: a Bengali
news site on an English WordPress theme says ``<html lang="en">``. A declaration is
kept unless its script and the text's disagree: a language written in Latin letters
over a text whose letters are mostly of other scripts, or a language written in other
letters over a text almost all in Latin ones. The brief's language is then detected
from the text, as for a page that declares none.
"""

from __future__ import annotations

SAMPLE = 3000  # characters of the text read: enough to know its script
MIN_LETTERS = 40  # fewer letters tell nothing

# Languages written in Latin letters (ISO 639-1), and languages written in none.
LATIN = frozenset({
    "af", "ay", "az", "bs", "ca", "co", "cs", "cy", "da", "de", "en", "eo", "es", "et",
    "eu", "fi", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "ha", "hr", "ht", "hu", "id",
    "ig", "is", "it", "jv", "kl", "ku", "la", "lb", "lt", "lv", "mg", "mi", "ms", "mt",
    "nb", "nl", "nn", "no", "oc", "om", "pl", "pt", "qu", "rm", "ro", "rw", "sk", "sl",
    "sm", "sn", "so", "sq", "st", "su", "sv", "sw", "tk", "tl", "tn", "to", "tr", "uz",
    "vi", "wo", "xh", "yo", "zu"
})
NOT_LATIN = frozenset({
    "am", "ar", "be", "bg", "bn", "bo", "dv", "dz", "el", "fa", "gu", "he", "hi", "hy",
    "ja", "ka", "kk", "km", "kn", "ko", "ky", "lo", "mk", "ml", "mn", "mr", "my", "ne",
    "or", "pa", "ps", "ru", "si", "ta", "te", "tg", "th", "ti", "ug", "uk", "ur", "yi",
    "zh"
})


def fits(code: str, body: tuple[str, ...]) -> bool:
    """``code`` (``en``, ``pt-br``) may be the language of ``body``."""
    base = code.split("-")[0].lower()
    if base not in LATIN and base not in NOT_LATIN:
        return True
    sample = "".join(body)[:SAMPLE]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return True
    latin = sum(1 for ch in letters if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")
    if base in LATIN:
        return 2 * latin > len(letters)
    return 10 * latin < 9 * len(letters)
