"""Conditions named by description: a disease head and the organs it sits in.

"sjukdomar i leder, lungor, hud och tarm", "sygdomme i nyrerne", "diseases of the
kidneys": each organ of the list after a DISEASE_HEAD phrase (``rules/<lang>/cues.jsonl``,
its ``name`` the head's base form) is read as the compound of organ and head
("ledsjukdom", "nyresygdom", "kidney disease"), and names that condition when the
lexicon knows it. An adjective before the head goes with every organ
("inflammatoriska sjukdomar i tarm" is "inflammatorisk tarmsjukdom").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from claimx.rules import Lexicon, Pattern

SEPARATORS = {",", "og", "och", "eller", "samt", "and", "or", "&", "the", "both"}  # "the kidneys and the liver"
# Inflections an organ word may carry ("lungorna", "nyrerne", "leddene", "kidneys").
ORGAN_ENDINGS = ("arna", "erna", "orna", "erne", "ene", "ane", "arne", "ar", "er", "or", "en", "et", "na", "ne",
                 "a", "e", "n", "s")
ADJECTIVE_ENDINGS = ("a", "e", "t")
LINKS = ("", "s", "e", "-")  # Scandinavian compounds join with nothing, -s-, -e- or a hyphen
MAX_ORGANS = 8
ITEM_WORDS = 2  # an organ may take one more word before the next separator ("mave-tarm kanalen og nyrerne")
MIN_STEM = 3

WordPatterns = Callable[[str], tuple[Pattern, ...]]


def stems(word: str, endings: tuple[str, ...]) -> Iterator[str]:
    """The word, then the word without each inflection it may end in."""
    yield word
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            yield word[: -len(ending)]


def organ_conditions(words: list[str], start: int, head: str, adjective: str | None, lang: str,
                     lexicon: Lexicon, patterns_of: WordPatterns) -> list[tuple[Pattern, int]]:
    """(condition pattern, token index) for each organ of the list starting at token ``start``.

    ``words`` are the doc's lowercased token texts. The list ends at the first word in an
    organ's place that names no condition, at punctuation, or after :data:`MAX_ORGANS`.
    """
    found: list[tuple[Pattern, int]] = []
    since_separator = 0
    for i in range(start, min(len(words), start + MAX_ORGANS * 3)):
        word = words[i]
        if word in SEPARATORS:
            since_separator = 0
            continue
        if not word.replace("-", "").isalpha() or since_separator >= ITEM_WORDS:
            break
        if since_separator == 0:
            pattern = organ_condition(word, head, adjective, lang, lexicon, patterns_of)
            if pattern is None:
                break
            found.append((pattern, i))
            if len(found) >= MAX_ORGANS:
                break
        since_separator += 1
    return found


def organ_condition(organ: str, head: str, adjective: str | None, lang: str, lexicon: Lexicon,
                    patterns_of: WordPatterns) -> Pattern | None:
    """The condition "organ + head" names, with the adjective if the lexicon knows that phrase."""
    for stem in stems(organ, ORGAN_ENDINGS):
        names = [(stem, head)] if lang == "en" else [(stem + link + head,) for link in LINKS]
        for name in names:
            if adjective:
                for adj in stems(adjective, ADJECTIVE_ENDINGS):
                    phrase = _phrase(lexicon, (adj, *name))
                    if phrase is not None:
                        return phrase
            known = _phrase(lexicon, name) if len(name) > 1 else next(
                (p for p in patterns_of(name[0]) if p.entry.label == "CONDITION" and p.mode in ("exact", "prefix")),
                None)
            if known is not None:
                return known
    return None


def _phrase(lexicon: Lexicon, words: tuple[str, ...]) -> Pattern | None:
    """A CONDITION phrase of exactly these words."""
    for pattern in lexicon.phrases_at(words[0], lambda j: words[j] if j < len(words) else None, 0):
        if pattern.entry.label == "CONDITION" and len(pattern.words) == len(words) and pattern.words[0] == words[0]:
            return pattern  # phrases_at found every word fitting
    return None
