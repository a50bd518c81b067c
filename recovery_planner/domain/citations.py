"""Readable citations ("Author Year") for the rule IDs and references plans carry (guidance section 7).

Plans keep their rule IDs in ``sources``; people read ``citations``. Seed articles (S1-x, S2-x, S3-x) and
heuristics have no author and year, so a rule resting only on them adds no citation.
"""

from __future__ import annotations

import re

# Evidence behind each rule, from the guidance's rules tables (section 2) and their references (section 7).
RULE_CITATIONS: dict[str, tuple[str, ...]] = {
    "E1": ("Nye et al. 2021", "O'Connor et al. 2020"),
    "E2": ("Wells et al. 1997", "Goodacre et al. 2005", "Kuipers et al. 2007", "Bartsch et al. 2021"),
    "E3": ("British Orthopaedic Association 2014", "Donaldson et al. 2014"),
    "E4": ("Roberts et al. 2021", "Armstrong et al. 2007"),
    "E5": ("Stiell et al. 1993", "Dowling et al. 2009", "Warden et al. 2014", "Hoenig et al. 2022"),
    "E6": ("Long et al. 2020", "Gardner et al. 2011"),
    "E7": ("Lawless et al. 2014",),
    "E8": ("Hew-Butler et al. 2015", "Sawka et al. 2007"),
    "E9": ("British Orthopaedic Association 2014", "Donaldson et al. 2014"),
    "E10": ("Chiodo et al. 2010", "Maffulli 1998"),
    "E11": ("Peck et al. 2017",),
    "P1": ("Warden et al. 2014", "Kahanov et al. 2015", "Yates & White 2004", "George et al. 2024"),
    "P2": (),
    "P3": ("Dubois & Esculier 2020",),
    "P4": (),
    "P5": ("Cheung et al. 2003", "Yamato et al. 2015"),
    "P6": (),
    "P7": (),
    "R1": (),
    "R2": ("Dupuy et al. 2018",),
    "R3": ("Cheung et al. 2003",),
    "R4": (),
    "R5": ("Warden et al. 2014",),
    "R6": ("Dubois & Esculier 2020",),
    "R7": (),
    "R8": (),
    "R9": ("Silbernagel et al. 2007",),
    "T1": ("Silbernagel et al. 2007", "Beyer et al. 2015", "Martin et al. 2018", "Rathleff et al. 2015"),
    "T2": ("Silbernagel et al. 2007",),
    "T3": ("James et al. 2013",),
    "S1": ("Dressendorfer et al. 1985",),
    "S2": (),
    "S3": (),
    "S4": ("Hirshkowitz et al. 2015", "Paruthi et al. 2016", "Walsh et al. 2021"),
    "S5": ("Dick & Diehl 2014",),
    "I1": (),
    "L1": ("Gabbett 2016", "Impellizzeri et al. 2021", "Frandsen et al. 2025"),
    "L2": ("Buist et al. 2008",),
    "L3": ("Frandsen et al. 2025",),
    "X1": ("Green & Pizzari 2017",),
    "X2": ("ACOG 2020", "Goom et al. 2019"),
    "X3": ("Paruthi et al. 2016", "Desbrow et al. 2014"),
    "X4": ("Mountjoy et al. 2023", "Stellingwerff et al. 2023", "Jäger et al. 2017"),
    "H1": ("Sawka et al. 2007", "Armstrong et al. 2007", "Racinais et al. 2023"),
    "H2": ("Roberts et al. 2021",),
    "B1": (),
    "M1": ("Dupuy et al. 2018",),
    "M2": (),
    "M3": ("Garber et al. 2011", "Herbert et al. 2011"),
    "M4": ("Wiewelhove et al. 2019", "Bartsch et al. 2021"),
    "M5": ("Dupuy et al. 2018",),
    "M6": ("Bleakley et al. 2006", "Dykstra et al. 2009"),
    "M7": ("Machado et al. 2016", "Roberts et al. 2015"),
    "M8": ("Brown et al. 2017", "Hill et al. 2014"),
    "M9": ("Hirshkowitz et al. 2015",),
    "M10": ("Jäger et al. 2017", "Thomas et al. 2016"),
    "M11": ("Thomas et al. 2016", "Kerksick et al. 2017"),
    "M12": ("Sawka et al. 2007", "Hew-Butler et al. 2015"),
    "M13": ("Fahlström et al. 2003", "Beyer et al. 2015", "Rathleff et al. 2015", "Sanchez-Alvarado et al. 2024"),
    "M14": ("Law & Herbert 2007",),
    "M15": ("Law & Herbert 2007", "Van Hooren & Peake 2018"),
    "M16": ("Medina-Mirapeix et al. 2009",),
    "RTR1": ("George et al. 2024",),
    "RTR2": ("George et al. 2024", "Warden et al. 2014"),
    "RTR3": (),
    "RTR4": ("Hébert-Losier et al. 2017",),
    "RTR5": ("Ishøi et al. 2020",),
    "RTR6": ("George et al. 2024",),
    "RTR7": ("Nye et al. 2021", "Roberts et al. 2021"),
}

# Short names used in older plans and item sources, spelled out as the reference list has them.
ALIASES: dict[str, str] = {
    "ACSM 2007": "Sawka et al. 2007",
    "EAH consensus 2015": "Hew-Butler et al. 2015",
    "PEACE": "Dubois & Esculier 2020",
    "PEACE & LOVE": "Dubois & Esculier 2020",
    "LOVE": "Dubois & Esculier 2020",
    "PEACE (Dubois & Esculier 2020)": "Dubois & Esculier 2020",
}

_SEED_OR_HEURISTIC = re.compile(r"^(S[123]-\d+|H)$")
_AUTHOR_YEAR = re.compile(r"^[A-Z][^\d]*\b(19|20)\d\d[a-z]?$")
_SHORT = re.compile(r"^(?P<who>[A-ZÄÖÜ][\w'\-øöäüéÉ]+)(?P<rest>( & [\w'\-øöäüé]+)?) (?P<year>(19|20)\d\d)$")

# Works with several authors cited by a short name in item sources ("Orchard 1996" -> "Orchard et al. 1996").
MORE_WORKS = (
    "Alfredson et al. 1998",
    "DiGiovanni et al. 2003",
    "Fredericson et al. 2000",
    "Milewski et al. 2014",
    "Orchard et al. 1996",
)
_KNOWN = {c for refs in RULE_CITATIONS.values() for c in refs} | set(MORE_WORKS)


def _normal(source: str) -> str | None:
    """One source as an author-year citation, or None when it is not a citation."""
    if source in ALIASES:
        return ALIASES[source]
    if _SEED_OR_HEURISTIC.match(source) or not _AUTHOR_YEAR.match(source):
        return None
    m = _SHORT.match(source)
    if m and not m.group("rest"):
        long = f"{m.group('who')} et al. {m.group('year')}"
        if long in _KNOWN:
            return long
    return source


def citations(sources: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The readable citations behind ``sources``, each once, in order.

    An item that names its studies cites those; one that names only rule IDs cites the rules' evidence."""
    named = [c for c in (_normal(s) for s in sources if s not in RULE_CITATIONS) if c]
    found = named or [c for s in sources for c in RULE_CITATIONS.get(s, ())]
    return tuple(dict.fromkeys(found))


def is_rule_id(source: str) -> bool:
    return source in RULE_CITATIONS or bool(_SEED_OR_HEURISTIC.match(source))
