"""Terminology tables: one concept per line, names per language, expanded into rule patterns.

The tables (``rules/terms/{substances,conditions,targets}.tsv``, format in
``rules/terms/README.md``) hold base forms only. This module turns each name
into the patterns :mod:`claimx.rules` matches:

- inflections: the base form plus the language's noun and adjective endings
  (``migræne`` -> ``migrænen``, ``migræner``, ``migrænerne``);
- a word of six letters or more also matches as the first part of a compound
  (``magnesium*``: ``magnesiumtilskud``);
- a shorter substance word matches before a generic supplement head
  (``jern`` + ``tilskud``, ``zink`` + ``s`` + ``brist``), see :data:`GENERIC_HEADS`;
- a word of four letters or more is a compound head: a compound ending in it
  inherits its meaning (``lunge`` + ``kræft``), see :mod:`claimx.rules`.

``word!`` keeps one exact form; ``word=`` adds inflections but no compounds;
a name with ``*`` at an end is a raw pattern. Every row is validated when the
table is read, and errors name the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from claimx.errors import RuleError
from claimx.rulefiles import term_files

LANGS = ("sv", "da", "nb", "en")
# What a substance is: a food named beside a supplement or drug is its source, not a claim's subject.
SUBSTANCE_KINDS = ("supplement", "food", "drug", "other")
# What a target is: a "process" is the body's machinery (metabolism, nerve signals), an outcome only
# when a claim says it moved, not when a substance merely "plays a role" in it.
TARGET_KINDS = ("process",)
TABLES = {  # the same stems as rulefiles.TERM_TABLES (a test checks)
    "substances": ("SUBSTANCE", "sub", ("id", "name", "sv", "da", "nb", "en", "cased", "kind")),
    "conditions": ("CONDITION", "cond", ("id", "name", "icd10", "sv", "da", "nb", "en")),
    "targets": ("TARGET", "target", ("id", "name", "sv", "da", "nb", "en", "kind")),
}
# Noun and adjective endings added to a base form, after a consonant and after a vowel
# (over-generation is harmless: such forms do not occur in text).
ENDINGS = {
    "sv": (("", "en", "et", "ar", "arna", "er", "erna", "or", "orna", "s", "ens", "ets", "a", "e"),
           ("", "n", "t", "r", "rna", "na", "s", "ns", "ts")),
    "da": (("", "en", "et", "er", "erne", "ene", "e", "s", "ens", "ets", "es"),
           ("", "n", "t", "r", "rne", "ne", "s", "ns", "ts")),
    "nb": (("", "en", "et", "er", "ene", "e", "a", "s", "ens", "ets", "es"),
           ("", "n", "t", "r", "ne", "s", "ns", "ts")),
    "en": (("", "s", "es", "'s"), ("", "s", "'s")),
}
VOWELS = set("aeiouyæøåäö")
# Heads of supplement compounds whose first part is the substance: "jerntilskud", "zinkbrist", "D-vitaminnivå".
GENERIC_HEADS = frozenset("""
tilskud tilskudd tillskott tilskot supplement suppl tablet tablett tabletter kapsel kapslar kapsler piller pille
brist mangel nivå nivåer niveau niveauer nivå nivåene status indtag indtagelse intag intaget inntak
behov depot depå depåer lager lagre reserve reserver extrakt ekstrakt olie olja olje pulver dosis dos doser dose
dosering værdi værdier värde värden verdi verdier koncentration koncentrationer konsentrasjon koncentrat konsentrat
preparat preparater produkt produkter behandling behandlingen terapi kur kurer rig rige rik rika rike holdig holdige
haltig haltiga innehåll indhold innhold kilde kilder källa källor forgiftning förgiftning overdosis överdos
optag optagelse upptag opptak balance balans omsætning omsättning omsetning stofskifte metabolisme metabolism
infusion infusioner injektion injektioner injeksjon drik drikke dryck drikk juice saft spray dråber droppar dråper
tab tap förlust forlust tillförsel tilførsel mængde mängd mengde
""".split())
# Heads that make a compound name the body's machinery, not something taken: "calciumkanaler",
# "glutamatsystemet", "kreatinkinase", "insulinreceptorer" (a substance's prefix match on them is dropped).
BIOLOGY_HEADS = frozenset("""
kanal kanaler kanalerne kanalene kanalerna receptor receptorer receptorerne receptorene receptorerna
system systemet systemer systemerne systemene systemen kinase kinas kinaset kinasen enzym enzymet enzymer
transportør transportører transportörer transporter transportörerna pumpe pumpen pump pumpar
channel channels receptors systems kinases enzyme enzymes transporters pumps
""".split())


@lru_cache(maxsize=1)
def generic_head_forms() -> frozenset[str]:
    """Every inflected form of the generic heads, with the Danish/Norwegian doubled final consonant."""
    forms = set()
    for head in GENERIC_HEADS:
        for lang in ("sv", "da", "nb"):
            forms.update(inflections(head, lang))
        if head[-1] not in "aeiouyæøå" and len(head) > 3:
            forms.update(head + head[-1] + ending for ending in ("e", "et", "en", "ene", "er", "erne", "ets"))
    return frozenset(forms)


NAME_RE = re.compile(r"^[\w][\w .,'’+/()&-]*[\w.)'’+]?$")
ID_RE = re.compile(r"^[a-z0-9_]+$")


@dataclass
class Concept:
    """One validated row of a table, with its patterns expanded."""

    table: str
    line: int
    id: str
    name: str
    icd10: list[str]
    names: dict[str, list[str]]
    cased: list[str]
    kind: str | None = None
    patterns: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)  # base forms a compound may end in ("kræft")
    modifiers: list[str] = field(default_factory=list)  # short substance words before a generic head

    @property
    def label(self) -> str:
        return TABLES[table_stem(self.table)][0]

    @property
    def rule_id(self) -> str:
        """The id its rule entry carries: ``com.sub.<id>``, ``com.cond.<id>``, ``com.target.<id>``."""
        return f"com.{TABLES[table_stem(self.table)][1]}.{self.id}"


def table_stem(file_name: str) -> str:
    """ "rules/terms/conditions.tsv" -> "conditions"."""
    return file_name.rsplit("/", 1)[-1].removesuffix(".tsv")


def parse_table(file_name: str, text: str) -> Iterator[Concept]:
    """Validate each row of one table; errors name the file and line."""
    label, _, columns = TABLES[table_stem(file_name)]
    lines = text.splitlines()
    header_seen = False
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != columns:
                raise RuleError(f"{file_name}:{number}: header must be {' '.join(columns)!r}, got {line!r}")
            header_seen = True
            continue
        if len(cells) > len(columns) or len(cells) < 3:
            raise RuleError(f"{file_name}:{number}: {len(cells)} columns, expected {len(columns)}")
        row = dict(zip(columns, [c.strip() for c in cells] + [""] * (len(columns) - len(cells))))
        concept = _concept(file_name, number, label, row)
        if concept.id in seen:
            raise RuleError(f"{file_name}:{number}: duplicate id {concept.id!r}")
        seen.add(concept.id)
        yield concept


def _concept(file_name: str, number: int, label: str, row: dict[str, str]) -> Concept:
    where = f"{file_name}:{number}"
    if not ID_RE.match(row["id"]):
        raise RuleError(f"{where}: id {row['id']!r} must be lowercase a-z, 0-9 and _")
    if not row["name"] or row["name"] != row["name"].lower():
        raise RuleError(f"{where}: name {row['name']!r} must be given in lowercase")
    icd10 = _split(row.get("icd10", ""))
    if label == "CONDITION":
        if not icd10:
            raise RuleError(f"{where}: a condition needs at least one ICD-10 code")
        for code in icd10:
            if not re.fullmatch(r"[A-Z][0-9]{2}", code):
                raise RuleError(f"{where}: ICD-10 code {code!r} is not a 3-character category")
    kind = row.get("kind") or ("supplement" if label == "SUBSTANCE" else None)
    kinds = TARGET_KINDS if label == "TARGET" else SUBSTANCE_KINDS
    if kind is not None and kind not in kinds:
        raise RuleError(f"{where}: kind {kind!r} must be one of {', '.join(kinds)}")
    names = {lang: _split(row.get(lang, "")) for lang in LANGS}
    cased = _split(row.get("cased", ""))
    if not any(names.values()) and not cased:
        raise RuleError(f"{where}: {row['id']!r} has no names")
    concept = Concept(file_name, number, row["id"], row["name"], icd10, names, cased, kind)
    for lang, items in names.items():
        for item in items:
            if item != item.lower():
                raise RuleError(f"{where}: name {item!r} must be lowercase (symbols go in 'cased')")
            if not NAME_RE.match(item.strip("*!=")):
                raise RuleError(f"{where}: bad name {item!r}")
            _expand(concept, label, lang, item)
    concept.patterns = list(dict.fromkeys(concept.patterns))
    concept.heads = list(dict.fromkeys(concept.heads))
    concept.modifiers = list(dict.fromkeys(concept.modifiers))
    return concept


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _expand(concept: Concept, label: str, lang: str, item: str) -> None:
    """Add the patterns, compound heads and modifiers of one name."""
    if item.startswith("*") or item.endswith("*"):
        concept.patterns.append(item)
        return
    if item.endswith("!"):
        concept.patterns.append(item[:-1])
        return
    plain = item.endswith("=") or concept.kind == "food"  # "chokladsug" is a craving, not chocolate
    word = item.rstrip("=")
    *lead, last = word.split(" ")
    prefix = " ".join(lead) + " " if lead else ""
    forms = inflections(last, lang)
    if not plain and len(last) >= (7 if lang == "en" else 6) and not (lang == "en" and lead):
        concept.patterns.extend((prefix + last + "*", prefix + last))  # the base form too, for lemma lookups
        concept.patterns.extend(prefix + form for form in forms if not form.startswith(last))  # "smärtor"
    else:
        concept.patterns.extend(prefix + form for form in forms)
    concept.patterns.extend(_head_first_forms(lead + [last], lang))
    if lead or lang == "en":
        return
    letters = sum(ch.isalpha() for ch in last)
    if not plain and letters >= 4:
        concept.heads.append(last)  # inflected heads are found by stripping endings (head_candidates)
    if label == "SUBSTANCE" and len(last) >= 2:
        concept.modifiers.append(last)


# A name whose head comes first, before a prepositional phrase ("blødning efter fødslen", "hevelse i
# leddene"), inflects at the head too: "blødninger efter fødslen", "hevelsen i leddene".
HEAD_PREPOSITIONS = {
    "sv": frozenset("i på efter från av med vid under över mot till för kring runt".split()),
    "da": frozenset("i på efter fra af med ved under over mod til for omkring".split()),
    "nb": frozenset("i på etter fra av med ved under over mot til for rundt".split()),
    "en": frozenset("in on after from of with at under over around".split()),
}


def _head_first_forms(words: list[str], lang: str) -> list[str]:
    """The inflected forms of a head-first name: its word before the first preposition inflected,
    the prepositional phrase kept ("blodpropp i benet" -> "blodproppar i benet")."""
    at = next((i for i, word in enumerate(words) if i and word in HEAD_PREPOSITIONS[lang]), None)
    if at is None:
        return []
    head = words[at - 1]
    return [" ".join(words[:at - 1] + [form] + words[at:]) for form in inflections(head, lang) if form != head]


def inflections(word: str, lang: str) -> list[str]:
    """The base form and its inflected forms in ``lang`` (a hyphenated word inflects at its end)."""
    if len(word) < 3 or not word[-1].isalpha():
        return [word]
    after_consonant, after_vowel = ENDINGS[lang]
    forms = [word + ending for ending in (after_vowel if word[-1] in VOWELS else after_consonant)]
    if lang == "sv" and word[-1] in "ae":  # "fiskolja" -> "fiskoljor", "pojke" -> "pojkar"
        forms += [word[:-1] + ending for ending in (("or", "orna") if word[-1] == "a" else ("ar", "arna"))]
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def _all_endings() -> tuple[str, ...]:
    endings = {e for lang in ("sv", "da", "nb") for group in ENDINGS[lang] for e in group if e}
    return tuple(sorted(endings, key=len, reverse=True))


def head_candidates(tail: str) -> list[str]:
    """The base forms an inflected compound head may have: "kræften" -> "kræft", "smärtor" -> "smärta"."""
    found = [tail]
    for ending in _all_endings():
        if tail.endswith(ending) and len(tail) - len(ending) >= 3:
            found.append(tail[:-len(ending)])
    for plural, base in (("orna", "a"), ("or", "a"), ("arna", "e"), ("ar", "e")):
        if tail.endswith(plural) and len(tail) - len(plural) >= 3:
            found.append(tail[:-len(plural)] + base)
    return found


@lru_cache(maxsize=1)
def load_concepts() -> tuple[Concept, ...]:
    """Every concept of every table (read and validated once, then kept in the start-up cache)."""
    from claimx.artefacts import cached

    return cached("concepts", read_concepts)


def read_concepts() -> tuple[Concept, ...]:
    """:func:`load_concepts` from the tables, validating every row."""
    concepts = []
    for name, text in term_files():
        concepts.extend(parse_table(name, text))
    return tuple(concepts)


def concept_entries() -> Iterator[tuple[dict, Concept]]:
    """Rule-entry dicts (for :class:`claimx.rules.RuleEntry`) of every concept, with the concept."""
    for concept in load_concepts():
        base = {"label": concept.label, "name": concept.name}
        if concept.kind:
            base["kind"] = concept.kind
        if concept.icd10:
            base["icd10"] = concept.icd10
        if concept.patterns or concept.heads or concept.modifiers:
            yield {**base, "id": concept.rule_id, "patterns": concept.patterns or [concept.name]}, concept
        if concept.cased:
            yield {**base, "id": concept.rule_id + ".cased", "cased": True, "patterns": concept.cased}, concept

