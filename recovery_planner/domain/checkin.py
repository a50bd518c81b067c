"""The check-in (exchange format v1): typed model, validation with field-named errors, and serialisation."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Any

from .limits import EXPERIENCE
from .regions import REGIONS, SIDES, SUBREGIONS

SEXES = ("female", "male")
KINDS = ("soreness", "aching", "sharp", "cramp")
TRENDS = ("better", "same", "worse")
MECHANISMS = ("sudden_during_sprint", "inversion_twist", "gradual", "none")

# Red-flag and follow-up answers. Each is optional; None means "not answered".
BOOL_SYMPTOMS = (
    "dark_urine",
    "calf_warmth_redness",
    "chest_pain_or_breathless",
    "confusion_or_collapse",
    "vomiting",
    "headache",
    "focal_bone_tenderness",
    "night_or_rest_pain",
    "weight_bearing_pain_groin",
    "unable_to_bear_weight_4_steps",
    "bony_tenderness_ottawa",
    "bruising",
    "warms_up_during_run",
    "pain_worse_as_run_continues",
    "locking_or_giving_way",
    "limited_rom",
    "radiating_pain",
    "pain_out_of_proportion",
    "pain_on_passive_toe_stretch",
    "muscle_weakness",
    "pain_lying_on_side",
    "muscle_cramps_during_run",
    "worse_downhill",
    "menstrual_irregularity",
    # Added 2026-12 (guidance section 0, "Fields the check-in format needs"); missing = not asked.
    "pregnant_or_postpartum",
    "previous_clot_or_surgery",
    "oestrogen_or_active_cancer",
    "saddle_numbness_or_bladder_change",
    "bilateral_leg_nerve_symptoms",
    "fainting_or_palpitations",
    "fever_or_illness",
    "head_cold_only",
    "pop_or_cannot_heel_raise",
)
# name -> (low, high, unit) for the answers that are numbers.
NUMBER_SYMPTOMS: dict[str, tuple[float, float, str]] = {
    "recent_long_travel_h": (0, 72, "hours"),
    "body_mass_change_kg": (-15, 15, "kg"),
    "morning_stiffness_min": (0, 600, "minutes"),
    "onset_at_km": (0, 400, "km"),
    "postpartum_weeks": (0, 520, "weeks"),
    "recent_weight_loss_pct": (0, 60, "%"),
}
# first_step_pain may be a yes/no answer or a 0-10 rating.
FLEX_SYMPTOMS = ("first_step_pain",)
SYMPTOMS = BOOL_SYMPTOMS + tuple(NUMBER_SYMPTOMS) + FLEX_SYMPTOMS

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Accepted check-in dates: a fixed range, never relative to today (the domain reads no clock).
FIRST_DATE, LAST_DATE = date(1970, 1, 1), date(2100, 12, 31)
MAX_NUMBER_DIGITS = 30  # longer number literals are refused before Python converts them


@dataclass(frozen=True)
class FieldError:
    """One problem in the input, with the path of the field it is about."""

    path: str
    problem: str

    def __str__(self) -> str:
        text = f"{self.path}: {self.problem}" if self.path else self.problem
        return _printable(text)


def _printable(text: str) -> str:
    """The text with lone surrogates (invalid in UTF-8) escaped, so it can always be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class CheckInError(ValueError):
    """The input is not a valid check-in; ``errors`` names every problem found."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class Athlete:
    experience: str = "beginner"
    body_mass_kg: float | None = None
    age: int | None = None
    name: str | None = None
    sex: str | None = None  # "female" / "male"; wording of REDs and pregnancy questions only (X2, X4)
    height_cm: float | None = None  # for adult BMI (X4)

    @property
    def bmi(self) -> float | None:
        if self.body_mass_kg is None or not self.height_cm:
            return None
        return self.body_mass_kg / (self.height_cm / 100) ** 2


@dataclass(frozen=True)
class Wellbeing:
    sleep_hours: float | None = None
    fatigue: float | None = None
    resting_hr_elevated: bool = False
    hot_weather: bool = False
    rhr_delta_bpm: float | None = None
    temperature_c: float | None = None
    wbgt_c: float | None = None  # wet-bulb globe temperature (H1, section 4)


@dataclass(frozen=True)
class Area:
    region: str
    side: str
    pain: float
    kind: str
    swelling: bool = False
    numbness: bool = False
    gait_change: bool = False
    hours_since_run: float | None = None
    days_since_onset: float | None = None
    trend: str | None = None
    subregion: str | None = None
    mechanism: str | None = None


@dataclass(frozen=True)
class SweatTest:
    bm_pre: float
    bm_post: float
    fluid_in: float = 0.0
    urine_out: float = 0.0


@dataclass(frozen=True)
class Session:
    type: str | None = None
    duration_min: float | None = None
    fluid_consumed_l: float | None = None
    temperature_c: float | None = None
    sweat_test: SweatTest | None = None
    ended_hours_ago: float | None = None  # hours from the end of the session to day 1 (section 4 step 5, H2)


@dataclass(frozen=True)
class Load:
    acute_km_7d: float | None = None
    chronic_km_per_week_28d: float | None = None
    weekly_increase_pct: float | None = None
    planned_session_min: float | None = None
    last_session: Session | None = None
    usual_easy_run_min: float | None = None  # section 4 D_plan, M2, L3
    longest_run_30d_km: float | None = None  # L3
    planned_session_km: float | None = None  # L3


@dataclass(frozen=True)
class CheckIn:
    date: date
    athlete: Athlete = field(default_factory=Athlete)
    wellbeing: Wellbeing = field(default_factory=Wellbeing)
    areas: tuple[Area, ...] = ()
    symptoms: dict[str, Any] = field(default_factory=dict)
    load: Load = field(default_factory=Load)

    def symptom(self, name: str) -> Any:
        """The answer to one follow-up question, or None if it was not answered."""
        return self.symptoms.get(name)

    def to_dict(self) -> dict[str, Any]:
        """The check-in in exchange format v1 (only the fields that were given)."""
        out: dict[str, Any] = {"date": self.date.isoformat()}
        out["athlete"] = _compact(self.athlete.__dict__)
        out["wellbeing"] = _compact(self.wellbeing.__dict__)
        out["areas"] = [_compact(a.__dict__) for a in self.areas]
        out["symptoms"] = dict(self.symptoms)
        load = _compact({k: v for k, v in self.load.__dict__.items() if k != "last_session"})
        if self.load.last_session is not None:
            s = self.load.last_session
            session = _compact({k: v for k, v in s.__dict__.items() if k != "sweat_test"})
            if s.sweat_test is not None:
                session["sweat_test"] = dict(s.sweat_test.__dict__)
            load["last_session"] = session
        out["load"] = load
        return out


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


class _Reader:
    """Reads one JSON object field by field, collecting every problem with its path."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors

    def fail(self, path: str, problem: str) -> None:
        self.errors.append(FieldError(path, problem))

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, f"must be an object, got {_describe(value)}")
            return {}
        return value

    def number(
        self, d: dict, key: str, path: str, lo: float, hi: float, required: bool = False, integer: bool = False
    ) -> float | None:
        here = f"{path}.{key}" if path else key
        if key not in d or d[key] is None:
            if required:
                self.fail(here, "is required")
            return None
        v = d[key]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            self.fail(here, f"must be a number, got {_describe(v)}")
            return None
        if integer and v != int(v):
            self.fail(here, f"must be a whole number, got {v}")
            return None
        if not lo <= v <= hi:
            self.fail(here, f"must be {_fmt(lo)}-{_fmt(hi)}, got {_fmt(v)}")
            return None
        return int(v) if integer else v

    def boolean(self, d: dict, key: str, path: str) -> bool:
        here = f"{path}.{key}" if path else key
        v = d.get(key)
        if v is None:
            return False
        if not isinstance(v, bool):
            self.fail(here, f"must be true or false, got {_describe(v)}")
            return False
        return v

    def choice(
        self, d: dict, key: str, path: str, options: tuple[str, ...] | dict, required: bool = False
    ) -> str | None:
        here = f"{path}.{key}" if path else key
        v = d.get(key)
        if v is None:
            if required:
                self.fail(here, "is required")
            return None
        if not isinstance(v, str) or v not in options:
            allowed = ", ".join(options)
            self.fail(here, f"must be one of {allowed}; got {_describe(v)}")
            return None
        return v

    def text(self, d: dict, key: str, path: str, max_len: int = 200) -> str | None:
        here = f"{path}.{key}" if path else key
        v = d.get(key)
        if v is None:
            return None
        if not isinstance(v, str):
            self.fail(here, f"must be text, got {_describe(v)}")
            return None
        if not _is_unicode(v):
            self.fail(here, "contains characters that are not valid text (lone surrogates)")
            return None
        if len(v) > max_len:
            self.fail(here, f"must be at most {max_len} characters, got {len(v)}")
            return None
        return v


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number (write a plain number, or leave the field out)")


def _bounded_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number with {len(literal)} digits is too long")
    return int(literal)


def _bounded_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_DIGITS + 10:
        raise ValueError(f"a number written with {len(literal)} characters is too long")
    value = float(literal)
    if not math.isfinite(value):
        raise ValueError(f"{literal[:20]} is too large a number")
    return value


def decode_json(text: str) -> Any:
    """Decode check-in JSON text; NaN/Infinity, over-long numbers and over-deep nesting raise ValueError
    with a plain message (never another exception), so callers can report it without a traceback."""
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_int=_bounded_int, parse_float=_bounded_float)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _describe(v: Any) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return repr(v) if len(v) <= 40 else repr(v[:37] + "...")
    if isinstance(v, (int, float)):
        return _fmt(v)
    if isinstance(v, list):
        return "a list"
    if isinstance(v, dict):
        return "an object"
    return type(v).__name__


def parse_check_in(data: Any, today: date, path: str = "") -> CheckIn:
    """Validate a decoded JSON value and return the check-in; raises CheckInError naming each bad field.

    ``today`` is the plan's first day when the check-in carries no ``date``.
    """
    if not isinstance(data, dict):
        raise CheckInError([FieldError(path, f"a check-in must be a JSON object, got {_describe(data)}")])
    errors: list[FieldError] = []
    check_in = _read_check_in(data, today, path, errors)
    if errors:
        raise CheckInError(errors)
    return check_in


def _read_check_in(data: dict[str, Any], today: date, path: str, errors: list[FieldError]) -> CheckIn:
    """The check-in in ``data``, with every problem appended to ``errors`` and the field it is in left out."""
    r = _Reader(errors)

    def p(key: str) -> str:
        return f"{path}.{key}" if path else key

    day = today
    raw_date = data.get("date")
    if raw_date is not None:
        if not isinstance(raw_date, str) or not _DATE_RE.match(raw_date):
            r.fail(p("date"), f"must be a date written YYYY-MM-DD, got {_describe(raw_date)}")
        else:
            try:
                day = date.fromisoformat(raw_date)
            except ValueError:
                r.fail(p("date"), f"is not a real calendar date: {raw_date}")
            else:
                if not FIRST_DATE <= day <= LAST_DATE:
                    r.fail(p("date"), f"must be between {FIRST_DATE} and {LAST_DATE}, got {raw_date}")

    a = r.obj(data.get("athlete"), p("athlete"))
    athlete = Athlete(
        experience=r.choice(a, "experience", p("athlete"), EXPERIENCE) or "beginner",
        body_mass_kg=r.number(a, "body_mass_kg", p("athlete"), 25, 250),
        age=None if (age := r.number(a, "age", p("athlete"), 5, 110, integer=True)) is None else int(age),
        name=r.text(a, "name", p("athlete")),
        sex=r.choice(a, "sex", p("athlete"), SEXES),
        height_cm=r.number(a, "height_cm", p("athlete"), 80, 250),
    )

    w = r.obj(data.get("wellbeing"), p("wellbeing"))
    wellbeing = Wellbeing(
        sleep_hours=r.number(w, "sleep_hours", p("wellbeing"), 0, 24),
        fatigue=r.number(w, "fatigue", p("wellbeing"), 0, 10),
        resting_hr_elevated=r.boolean(w, "resting_hr_elevated", p("wellbeing")),
        hot_weather=r.boolean(w, "hot_weather", p("wellbeing")),
        rhr_delta_bpm=r.number(w, "rhr_delta_bpm", p("wellbeing"), -60, 120),
        temperature_c=r.number(w, "temperature_c", p("wellbeing"), -40, 55),
        wbgt_c=r.number(w, "wbgt_c", p("wellbeing"), -20, 45),
    )

    areas: list[Area] = []
    raw_areas = data.get("areas", [])
    if raw_areas is None:
        raw_areas = []
    if not isinstance(raw_areas, list):
        r.fail(p("areas"), f"must be a list of areas, got {_describe(raw_areas)}")
        raw_areas = []
    if len(raw_areas) > 48:
        r.fail(p("areas"), f"at most 48 areas can be marked, got {len(raw_areas)}")
        raw_areas = []
    for i, raw in enumerate(raw_areas):
        ap = f"{p('areas')}[{i}]"
        before = len(errors)
        d = r.obj(raw, ap)
        if not isinstance(raw, dict):
            continue
        region = r.choice(d, "region", ap, REGIONS, required=True)
        side = r.choice(d, "side", ap, SIDES, required=True)
        pain = r.number(d, "pain", ap, 0, 10, required=True)
        kind = r.choice(d, "kind", ap, KINDS, required=True)
        subregion = None
        if region is not None and d.get("subregion") is not None:
            options = SUBREGIONS.get(region, {})
            if not options:
                r.fail(f"{ap}.subregion", f"the {region} region has no sub-locations; leave it out")
            else:
                subregion = r.choice(d, "subregion", ap, tuple(options))
        area_fields: dict[str, Any] = dict(
            swelling=r.boolean(d, "swelling", ap),
            numbness=r.boolean(d, "numbness", ap),
            gait_change=r.boolean(d, "gait_change", ap),
            hours_since_run=r.number(d, "hours_since_run", ap, 0, 24 * 365),
            days_since_onset=r.number(d, "days_since_onset", ap, 0, 3650),
            trend=r.choice(d, "trend", ap, TRENDS),
            mechanism=r.choice(d, "mechanism", ap, MECHANISMS),
        )
        if len(errors) == before and region and side and pain is not None and kind:
            areas.append(Area(region=region, side=side, pain=pain, kind=kind, subregion=subregion, **area_fields))

    symptoms = _read_symptoms(r, data.get("symptoms"), p("symptoms"))
    load = _read_load(r, data.get("load"), p("load"))
    return CheckIn(date=day, athlete=athlete, wellbeing=wellbeing, areas=tuple(areas), symptoms=symptoms, load=load)


def _read_symptoms(r: _Reader, raw: Any, path: str) -> dict[str, Any]:
    s = r.obj(raw, path)
    out: dict[str, Any] = {}
    for key, value in s.items():
        here = f"{path}.{key}"
        if key not in SYMPTOMS:
            r.fail(here, "is not a known question (check the spelling)")
            continue
        if value is None:
            continue
        if key in BOOL_SYMPTOMS:
            if not isinstance(value, bool):
                r.fail(here, f"must be true, false or null, got {_describe(value)}")
                continue
            out[key] = value
        elif key in NUMBER_SYMPTOMS:
            lo, hi, _unit = NUMBER_SYMPTOMS[key]
            v = r.number(s, key, path, lo, hi)
            if v is not None:
                out[key] = v
        else:  # first_step_pain: yes/no or a 0-10 rating
            if isinstance(value, bool):
                out[key] = value
            else:
                v = r.number(s, key, path, 0, 10)
                if v is not None:
                    out[key] = v
    return out


def _read_load(r: _Reader, raw: Any, path: str) -> Load:
    d = r.obj(raw, path)
    session = None
    if d.get("last_session") is not None:
        sp = f"{path}.last_session"
        s = r.obj(d["last_session"], sp)
        sweat = None
        if s.get("sweat_test") is not None:
            tp = f"{sp}.sweat_test"
            t = r.obj(s["sweat_test"], tp)
            pre = r.number(t, "bm_pre", tp, 25, 250, required=True)
            post = r.number(t, "bm_post", tp, 25, 250, required=True)
            fluid_in = r.number(t, "fluid_in", tp, 0, 20) or 0.0
            urine = r.number(t, "urine_out", tp, 0, 10) or 0.0
            if pre is not None and post is not None:
                if pre - post + fluid_in - urine <= 0:
                    r.fail(tp, "these weights and drinks give no sweat loss; check bm_pre, bm_post and fluid_in")
                else:
                    sweat = SweatTest(bm_pre=pre, bm_post=post, fluid_in=fluid_in, urine_out=urine)
        session = Session(
            type=r.text(s, "type", sp),
            duration_min=r.number(s, "duration_min", sp, 1, 24 * 60),
            fluid_consumed_l=r.number(s, "fluid_consumed_l", sp, 0, 20),
            temperature_c=r.number(s, "temperature_c", sp, -40, 55),
            sweat_test=sweat,
            ended_hours_ago=r.number(s, "ended_hours_ago", sp, 0, 24 * 365),
        )
        if sweat is not None and session.duration_min is None:
            r.fail(f"{sp}.duration_min", "is required with a sweat test (it gives the sweat rate per hour)")
    return Load(
        acute_km_7d=r.number(d, "acute_km_7d", path, 0, 2000),
        chronic_km_per_week_28d=r.number(d, "chronic_km_per_week_28d", path, 0, 2000),
        weekly_increase_pct=r.number(d, "weekly_increase_pct", path, -100, 10000),
        planned_session_min=r.number(d, "planned_session_min", path, 1, 24 * 60),
        last_session=session,
        usual_easy_run_min=r.number(d, "usual_easy_run_min", path, 1, 24 * 60),
        longest_run_30d_km=r.number(d, "longest_run_30d_km", path, 0, 400),
        planned_session_km=r.number(d, "planned_session_km", path, 0, 400),
    )


# --------------------------------------------------------------------------- reading a stored check-in
def read_stored_check_in(data: Mapping[str, Any], day: date) -> CheckIn:
    """A stored check-in (exchange format v1, written by ``CheckIn.to_dict``) read back as a ``CheckIn``.

    It was validated when it was saved, so its values are taken as stored (an older version may have
    allowed what this one no longer does) and fields this version does not know are ignored. A record
    whose shape does not fit (a wrong type, a missing area field) is read field by field as
    ``parse_check_in`` reads it, leaving out each field that does not pass instead of refusing the record.
    ``day`` is the record's date (used when the check-in itself carries none). New input never comes here:
    it goes through ``parse_check_in``.
    """
    try:
        return _from_stored(data, day)
    except (TypeError, ValueError, KeyError, AttributeError):
        return _read_check_in(dict(data), day, "", []) if isinstance(data, Mapping) else CheckIn(date=day)


class StoredCheckIn:
    """A stored check-in read back on first use: ``areas`` alone (what a history is mostly read for: five
    times fewer objects than the whole check-in), ``check_in`` whole; each is read once. Holds the stored
    dict (not copied: records are read-only)."""

    __slots__ = ("_areas", "_check_in", "_data", "_day")

    def __init__(self, data: Mapping[str, Any], day: date) -> None:
        self._data, self._day = data, day
        self._check_in: CheckIn | None = None
        self._areas: tuple[Area, ...] | None = None

    @property
    def check_in(self) -> CheckIn:
        if self._check_in is None:
            self._check_in = read_stored_check_in(self._data, self._day)
        return self._check_in

    @property
    def areas(self) -> tuple[Area, ...]:
        if self._areas is None:
            self._areas = self._check_in.areas if self._check_in is not None else read_stored_areas(self._data)
        return self._areas


def read_stored_areas(data: Mapping[str, Any]) -> tuple[Area, ...]:
    """The marked areas of a stored check-in, as ``read_stored_check_in(data, day).areas`` gives them."""
    try:
        return tuple(_stored_area(a) for a in data.get("areas") or ())
    except (TypeError, ValueError, KeyError, AttributeError):
        return read_stored_check_in(data, FIRST_DATE).areas


class _Stored:
    """Builds one frozen dataclass from stored values: the fields it has (None and unknown keys left out,
    so defaults apply), set directly. Its ``__init__`` sets each field through ``object.__setattr__``,
    which makes reading a long history several times slower; these classes have no ``__post_init__``."""

    def __init__(self, cls: type, skip: tuple[str, ...] = ()) -> None:
        self.cls = cls
        self.names = frozenset(f.name for f in fields(cls)) - set(skip)
        self.defaults = {f.name: f.default for f in fields(cls) if f.default is not MISSING}
        self.factories = {f.name: f.default_factory for f in fields(cls) if f.default_factory is not MISSING}
        self.required = frozenset(
            f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING and f.name not in skip
        )

    def __call__(self, values: Any, **extra: Any) -> Any:
        if values is None:
            values = {}
        elif type(values) is not dict:  # stored records are decoded JSON; anything else takes the slow path
            raise TypeError(f"{self.cls.__name__}: not an object")
        if values.keys() <= self.names and None not in values.values():
            given = values  # as CheckIn.to_dict writes it: nothing to leave out
        else:
            given = {k: v for k, v in values.items() if k in self.names and v is not None}
        for name in self.required:
            if name not in given and name not in extra:
                raise KeyError(f"{self.cls.__name__}.{name} is missing")
        obj: Any = object.__new__(self.cls)
        fields_ = obj.__dict__
        fields_.update(self.defaults)
        for name, make in self.factories.items():  # a fresh default, as the dataclass's __init__ would make
            if name not in given and name not in extra:
                fields_[name] = make()
        fields_.update(given)
        if extra:
            fields_.update(extra)
        return obj


_CHECK_IN, _ATHLETE, _WELLBEING = _Stored(CheckIn), _Stored(Athlete), _Stored(Wellbeing)
_AREA, _SWEAT = _Stored(Area), _Stored(SweatTest)
_SESSION, _LOAD = _Stored(Session, skip=("sweat_test",)), _Stored(Load, skip=("last_session",))
_KNOWN_SYMPTOMS = frozenset(SYMPTOMS)


def _stored_area(d: Any) -> Area:
    area: Area = _AREA(d)
    if not isinstance(area.pain, (int, float)) or isinstance(area.pain, bool):
        raise TypeError("pain is not a number")
    if not (isinstance(area.region, str) and isinstance(area.side, str) and isinstance(area.kind, str)):
        raise TypeError("an area's region, side or kind is not text")
    return area


def _from_stored(data: Mapping[str, Any], day: date) -> CheckIn:
    raw_date = data.get("date")
    raw_load = data.get("load") or {}
    raw_session = raw_load.get("last_session")
    session = None
    if raw_session is not None:
        sweat = raw_session.get("sweat_test")
        session = _SESSION(raw_session, sweat_test=None if sweat is None else _SWEAT(sweat))
    symptoms = data.get("symptoms") or {}
    if type(symptoms) is not dict:
        raise TypeError("symptoms is not an object")
    check_in: CheckIn = _CHECK_IN(
        {},
        date=day if raw_date is None else date.fromisoformat(raw_date),
        athlete=_ATHLETE(data.get("athlete")),
        wellbeing=_WELLBEING(data.get("wellbeing")),
        areas=tuple(_stored_area(a) for a in data.get("areas") or ()),
        symptoms={k: v for k, v in symptoms.items() if v is not None and k in _KNOWN_SYMPTOMS},
        load=_LOAD(raw_load, last_session=session),
    )
    return check_in
