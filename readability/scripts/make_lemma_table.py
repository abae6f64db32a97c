#!/usr/bin/env python3
"""Regenerates readability/lemmas.tsv and readability/derivations.tsv.

Source: the OpenTaal Dutch word list for Hunspell (Debian package
`hunspell-nl`, files /usr/share/hunspell/nl.dic and nl.aff), licensed
"Revised BSD License and/or CC BY 3.0" at the user's choice; helder uses it
under the BSD licence (see readability/README.md). The Hunspell files list
valid word forms, and their affix tags say which forms are plurals,
diminutives or inflected adjectives of which entry. They do not link a verb
form to its infinitive: this script does that with the regular Dutch
conjugation rules ('t kofschip, vowel doubling, ge- and separable particles)
and readability/irregular-verbs.tsv, and keeps only forms that OpenTaal knows.

Run it where hunspell-nl is installed (`apt-get install hunspell-nl`):

    python3 readability/scripts/make_lemma_table.py

It writes the two files next to this script's folder. To keep helder's start-up
fast, lemmas.tsv holds the forms that are in readability/nl-frequency.tsv
(the 50,000 most frequent words), and every form of a verb whose infinitive is
frequent; rarer noun and adjective forms are left to helder's suffix rules.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DIC = Path(__import__("os").environ.get("HUNSPELL_NL_DIC", "/usr/share/hunspell/nl.dic"))
AFF = DIC.with_suffix(".aff")

NOUN_TAGS = {"NN2", "NN2r", "NN2d", "NN1r", "NN1d"}
ADJECTIVE_TAGS = {"AJe", "AJce", "AJci", "AJcn", "AJc", "AJsn", "AJse"}
VERB_STEM_TAGS = {"VB3", "VBh1", "VBh"}
# Separable particles, longest first (the particle goes to the end of a main clause).
PARTICLES = sorted(
    """aan achter af bij binnen boven buiten dicht door heen in langs los mee na neer om omhoog
    onder op over rond samen stop tegen terecht terug thuis toe tussen uit vast voor voorbij vooruit
    weg weer""".split(),
    key=len,
    reverse=True,
)
# Prefixes that take no ge- in the participle and never separate.
INSEPARABLE = ["be", "ge", "her", "er", "ver", "ont"]
KOFSCHIP = set("tkfsp") | {"ch", "x"}
VOWELS = set("aeiouyëïéèöü")


def norm(word: str) -> str:
    return word.replace("ĳ", "ij").replace("Ĳ", "IJ")


def parse_aff(path: Path):
    rules = defaultdict(list)
    cross = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        tag = None
        for piece in line.split():
            if piece.startswith("ts:"):
                tag = piece[3:]
        if len(parts) >= 4 and parts[0] in ("SFX", "PFX"):
            kind, flag = parts[0], parts[1]
            if len(parts) == 4 and parts[3].isdigit():
                cross[flag] = parts[2] == "Y"
                continue
            if len(parts) < 5:
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add = parts[3].split("/", 1)[0]
            add = "" if add == "0" else add
            cond = parts[4]
            pattern = re.compile((cond + "$") if kind == "SFX" else ("^" + cond))
            rules[flag].append((kind, norm(strip), norm(add), pattern, tag))
    return rules, cross


def flags_of(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(0, len(text), 2)]


def apply(rule, word: str):
    kind, strip, add, pattern, _ = rule
    if kind == "SFX":
        if not pattern.search(word) or (strip and not word.endswith(strip)):
            return None
        return word[: len(word) - len(strip)] + add
    if not pattern.search(word) or (strip and not word.startswith(strip)):
        return None
    return add + word[len(strip) :]


def load_lexicon():
    rules, _ = parse_aff(AFF)
    entries = []  # (word, flags)
    for line in DIC.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.partition("/")
        word = norm(word.strip())
        if not word or word[0].isupper() or " " in word:
            continue
        entries.append((word, flags_of(flags.split()[0]) if flags.strip() else []))
    forms = set()
    relations = []  # (form, entry, tag, prefixed entry)
    verb_stem_entries = set()
    other_entries = set()
    infinitives = set()
    for word, flags in entries:
        forms.add(word)
        prefixes = [r for f in flags for r in rules.get(f, []) if r[0] == "PFX"]
        suffixes = [r for f in flags for r in rules.get(f, []) if r[0] == "SFX"]
        tags = {r[4] for r in suffixes}
        if tags & VERB_STEM_TAGS:
            verb_stem_entries.add(word)
        else:
            other_entries.add(word)
        if "PPn" in tags:
            infinitives.add(word)
        bases = [word] + [p for p in (apply(r, word) for r in prefixes) if p]
        for base in bases:
            forms.add(base)
            if base != word:
                if "PPn" in tags:
                    infinitives.add(base)
                if tags & VERB_STEM_TAGS:
                    verb_stem_entries.add(base)
                else:
                    other_entries.add(base)
            for rule in suffixes:
                form = apply(rule, base)
                if form:
                    forms.add(form)
                    relations.append((form, base, rule[4]))
    return forms, relations, infinitives, verb_stem_entries, other_entries


def load_irregular():
    table = {}
    for line in (HERE / "irregular-verbs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (5 - len(cells))
        inf, past_sg, past_pl, participle, other = cells[:5]
        table[inf] = (past_sg, past_pl, participle, [o for o in other.split(",") if o])
    return table


def stems(inf: str) -> list[str]:
    """Candidate present stems of a regular infinitive ("verlagen" → verlaag, verlag)."""
    if not inf.endswith("en") or len(inf) < 4:
        return [inf[:-1]] if inf.endswith("n") else []
    base = inf[:-2]
    out = []
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
        out.append(base[:-1])  # stoppen → stop
    else:
        if len(base) >= 3 and base[-1] not in VOWELS and base[-2] in "aeou" and base[-3] not in VOWELS:
            out.append(base[:-2] + base[-2] * 2 + base[-1])  # verlagen → verlaag
        out.append(base)
    fixed = []
    for stem in out:
        if stem.endswith("v"):
            stem = stem[:-1] + "f"
        elif stem.endswith("z"):
            stem = stem[:-1] + "s"
        fixed.append(stem)
    return fixed


def voiceless(inf: str) -> bool:
    base = inf[:-2] if inf.endswith("en") else inf
    return base.endswith("ch") or (base[-1:] in KOFSCHIP)


def split_prefix(inf: str, known: set[str]):
    """(prefix, base verb, separable) for a compound verb, longest known base first."""
    for particle in PARTICLES:
        rest = inf[len(particle) :]
        if inf.startswith(particle) and len(rest) >= 4 and rest in known:
            return particle, rest, True
    for prefix in INSEPARABLE:
        rest = inf[len(prefix) :]
        if inf.startswith(prefix) and len(rest) >= 4 and rest in known:
            return prefix, rest, False
    return None


def paradigm(inf: str, irregular, infinitives, forms) -> dict[str, str]:
    """Every form of a verb that OpenTaal knows (finite forms of separable verbs are
    the particle-first forms of subordinate clauses: "dat wij uw uitkering stopzetten")."""
    out = {inf + "d": "present", inf + "de": "present"}
    known = set(irregular) | infinitives

    def add(kind: str, *new: str) -> None:
        for form in new:
            out.setdefault(form, kind)

    def done() -> dict[str, str]:
        return {f: k for f, k in out.items() if f in forms and f != inf}

    if inf in irregular:
        past_sg, past_pl, participle, other = irregular[inf]
        add("past", past_sg, past_pl)
        add("present", *other)
        if participle:
            add("past", participle, participle + "e")
        for stem in stems(inf):
            add("present", stem, stem + "t")
        return done()
    split = split_prefix(inf, known)
    if split and split[1] in irregular:
        prefix, base, separable = split
        past_sg, past_pl, participle, _ = irregular[base]
        add("past", prefix + past_sg, prefix + past_pl)
        if participle:
            if not separable and participle.startswith("ge"):
                participle = participle[2:]
            add("past", prefix + participle, prefix + participle + "e")
        for stem in stems(inf):
            add("present", stem, stem + "t")
        return done()
    prefix, body, separable = ("", inf, False)
    if split:
        prefix, body, separable = split
    past = "te" if voiceless(body) else "de"
    for stem in stems(body):
        add("present", prefix + stem, prefix + stem + "t")
        add("past", prefix + stem + past, prefix + stem + past + "n")
        end = "t" if past == "te" else "d"
        pp = stem if stem[-1] == end else stem + end
        starts_unstressed = any(body.startswith(p) for p in INSEPARABLE) or (prefix and not separable)
        participle = pp if starts_unstressed else "ge" + pp
        if prefix and not separable and participle == stem + "t":
            # "bestraft" is "hij bestraft" and "is bestraft": a verb with a real
            # prefix ("be" + "straffen") whose participle is also a present form
            # counts it as a participle, so that it is a verb form first unless
            # it is far more common than its verb.
            out[prefix + participle] = "past"
        add("past", prefix + participle, prefix + participle + "e")
    return done()


def main() -> None:
    if not DIC.exists():
        sys.exit("make_lemma_table.py: /usr/share/hunspell/nl.dic not found; apt-get install hunspell-nl")
    forms, relations, infinitives, verb_stems, others = load_lexicon()
    irregular = load_irregular()
    for inf in irregular:
        forms.add(inf)
        infinitives.add(inf)
    zipf: dict[str, float] = {}
    for line in (HERE / "nl-frequency.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, value = line.split("\t", 1)
            zipf.setdefault(word, float(value))
    frequent = set(zipf)
    irregular_present = set()
    for inf, (_, _, _, other) in irregular.items():
        irregular_present |= {*other, *stems(inf)} - {""}

    lemmas = defaultdict(dict)  # form → {lemma: pos}
    past_forms = set()
    for inf in sorted(infinitives):
        for form, kind in paradigm(inf, irregular, infinitives, forms).items():
            lemmas[form].setdefault(inf, "V")
            if kind == "past":
                past_forms.add(form)
    for form, entry, tag in relations:
        if form == entry:
            continue
        if tag in NOUN_TAGS:
            lemmas[form].setdefault(entry, "N")
        elif tag in ADJECTIVE_TAGS:
            lemmas[form].setdefault(entry, "A")

    nouns = {entry for _, entry, tag in relations if tag in NOUN_TAGS}

    def primary(form: str, candidates: dict[str, str]) -> list[tuple[str, str]]:
        """The lemmas of a form, the likeliest first.

        The present forms of the irregular verbs ("is", "kan", "moet") are verb
        forms first. Otherwise the most frequent lemma wins ("maanden": maand before manen;
        "legt": leggen before legen). A word that is an entry of its own ("kort":
        short; "straf") competes with its own frequency, so it stays its own lemma
        unless the other lemma is clearly more common ("huizen": huis). Past forms
        and participles ("gezet", "gekort") are verb forms first, unless the word is
        far more common than the verb ("bekend", "verplicht")."""
        ordered = sorted(candidates.items(), key=lambda kv: (-zipf.get(kv[0], 0.0), kv[1] != "V", kv[0]))
        # A present verb form far more frequent than its verb is another word
        # ("het" is not a form of heten, "met" not of meten, "beter" not of beteren).
        far_more_common = zipf.get(form, 0.0) > zipf.get(ordered[0][0], 0.0) + 1.0
        if ordered[0][1] == "V" and far_more_common and (
            form not in past_forms or zipf.get(form, 0.0) > zipf.get(ordered[0][0], 0.0) + 2.5
        ):
            return [(form, "S")] + ordered
        if form in irregular_present:
            return ordered  # "is", "kan", "moet": forms of zijn, kunnen, moeten
        if form not in infinitives and all(pos == "N" for _, pos in ordered):
            return ordered  # a plural listed as its own entry too ("maatregelen")
        if form in infinitives or form in others:
            own_score = zipf.get(form, 0.0)
            best = zipf.get(ordered[0][0], 0.0)
            if form in past_forms and form not in nouns:
                # A participle is often more frequent than its infinitive ("stopgezet"):
                # only a word far more common than its verb is an adjective first.
                own_score -= 1.0
            if own_score >= best - 0.2:
                kind = "P" if form in past_forms else "S"
                return [(form, kind)] + [c for c in ordered if c[0] != form]
        return ordered

    def irregular_verb(inf: str) -> bool:
        split = split_prefix(inf, set(irregular) | infinitives)
        return inf in irregular or bool(split and split[1] in irregular)

    concept_lemmas = set(
        re.findall(r'"([^"]+)"', "\n".join(
            line for line in (HERE / "concepts.toml").read_text(encoding="utf-8").splitlines()
            if line.startswith("lemmas")
        ))
    )
    rows = []
    for form in sorted(lemmas):
        ordered = primary(form, lemmas[form])
        lemma, pos = ordered[0]
        # Every frequent form, and every form of a frequent irregular verb or of a
        # verb of a concept (the regular forms of other verbs are found by
        # helder's suffix rules, which know every infinitive from the "I" rows).
        keep = form in frequent or any(
            pos == "V" and l in frequent and (irregular_verb(l) or l in concept_lemmas)
            for l, pos in ordered
        )
        if not keep:
            continue
        if lemma == form and len(ordered) == 1:
            continue
        rest = ",".join(l for l, _ in ordered[1:] if l != form)
        rows.append(f"{form}\t{lemma}\t{pos}\t{rest}")

    verb_lemmas = sorted({l for forms in lemmas.values() for l, pos in forms.items() if pos == "V"} & frequent)
    rows += [f"{inf}\t{inf}\tI\t" for inf in verb_lemmas]
    header = [
        "# Dutch word forms and their lemma: form<TAB>lemma<TAB>kind<TAB>other lemmas (comma-separated).",
        "# kind: V verb form (lemma = infinitive), N noun form (lemma = singular), A adjective form,",
        "# S a word that is its own lemma first and a form of the other lemmas too (\"kort\": short, and korten),",
        "# I an infinitive helder knows as a verb (listed once, so that the suffix rules know the verb),",
        "# P a participle that is mostly used as an adjective (\"opgelegd\", \"bekend\"): its own lemma first, then the verb.",
        "# Generated by readability/scripts/make_lemma_table.py from the OpenTaal Hunspell word list",
        "# (hunspell-nl, BSD licence) and readability/irregular-verbs.tsv. Do not edit by hand.",
    ]
    (HERE / "lemmas.tsv").write_text("\n".join(header + rows) + "\n", encoding="utf-8")

    derivations = []
    nouns = {e for f, e, t in relations if t in NOUN_TAGS} | {f for f in others}
    for noun in sorted(nouns):
        verb = None
        if noun.endswith("ing") and noun[:-3] + "en" in infinitives:
            verb = noun[:-3] + "en"
        elif noun.endswith("atie") and noun[:-4] + "eren" in infinitives:
            verb = noun[:-4] + "eren"
        elif noun.endswith("eur") and noun[:-3] + "eren" in infinitives:
            verb = noun[:-3] + "eren"
        if verb and (noun in frequent or verb in frequent):
            derivations.append(f"{noun}\t{verb}")
    (HERE / "derivations.tsv").write_text(
        "\n".join(
            [
                "# Nouns made from a verb and that verb: noun<TAB>verb (verlaging → verlagen,",
                "# controleur → controleren). Generated by readability/scripts/make_lemma_table.py",
                "# from the OpenTaal Hunspell word list (BSD licence). Do not edit by hand.",
            ]
            + sorted(set(derivations))
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"lemmas.tsv: {len(rows)} forms; derivations.tsv: {len(set(derivations))} nouns", file=sys.stderr)


if __name__ == "__main__":
    main()
