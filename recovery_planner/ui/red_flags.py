"""Safety questions asked before any plan is shown, grouped under the area they are about.

The questions come from ``domain/questions.py``. A question may carry an ``area`` (a region key or a
heading); older questions without one are placed with ``AREA_HINTS``, and anything else goes under
"General". Two questions are asked the positive way round here, with the answer turned back before it is
stored, so the check-in keeps its meaning.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.questions import Question
from ..domain.regions import REGIONS, region_label
from .number_field import NumberField

GENERAL = "General"
AREA_HINTS: dict[str, tuple[str, ...]] = {
    "calf_warmth_redness": ("calf",),
    "recent_long_travel_h": ("calf",),
    "focal_bone_tenderness": ("shin", "foot", "ankle"),
    "night_or_rest_pain": ("shin", "foot", "ankle"),
    "pain_worse_as_run_continues": ("shin", "foot", "ankle"),
    "unable_to_bear_weight_4_steps": ("foot", "ankle"),
    "bony_tenderness_ottawa": ("foot", "ankle"),
    "weight_bearing_pain_groin": ("hip_flexors", "adductors"),
    "locking_or_giving_way": ("knee",),
    "limited_rom": ("knee",),
    "morning_stiffness_min": ("achilles", "knee", "foot", "glutes"),
    "warms_up_during_run": ("achilles", "knee", "foot", "glutes"),
    "first_step_pain": ("foot",),
    "pain_lying_on_side": ("glutes",),
    "worse_downhill": ("it_band",),
    "onset_at_km": ("it_band",),
}
# key -> (the old negative text this replaces, positive text); the stored answer is the opposite of "Yes".
POSITIVE: dict[str, tuple[str, str]] = {
    "limited_rom": (
        "Can you not bend or straighten it fully?",
        "Can you bend and straighten the knee fully?",
    ),
    "unable_to_bear_weight_4_steps": (
        "After a twist or fall: could you NOT take four steps, both straight after it and now?",
        "After a twist or fall: could you take four steps, straight after it or now?",
    ),
}
ERROR_COLOUR = "#d93025"


def asked_text(q: Question) -> tuple[str, bool]:
    """(text shown, whether Yes means the stored answer False)."""
    swap = POSITIVE.get(q.key)
    if swap is not None and q.text == swap[0]:
        return swap[1], True
    return q.text, False


def area_heading(q: Question, marked: set[str]) -> str:
    """The heading a question is shown under: its area, else the marked areas it is about, else General."""
    if hasattr(q, "area"):  # the questions name their area: trust it (None = about the runner in general)
        area = q.area
        if not isinstance(area, str) or not area or area.lower() in ("general", "all", "any"):
            return GENERAL
        return region_label(area) if area in REGIONS else area
    hinted = [r for r in AREA_HINTS.get(q.key, ()) if r in marked]
    return ", ".join(region_label(r) for r in hinted) if hinted else GENERAL


class RedFlagPage(QWidget):
    """Yes/No (or number) answers to the safety questions; every question must be answered."""

    back_requested = Signal()
    answered = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self._groups: dict[str, QButtonGroup] = {}
        self._numbers: dict[str, NumberField] = {}
        self._inverted: set[str] = set()
        self._labels: dict[str, QLabel] = {}
        self._texts: dict[str, str] = {}
        self._headings: dict[str, str] = {}
        self._rows: dict[str, QWidget] = {}
        self._follows: dict[str, str] = {}  # follow-up key -> the key whose "yes" makes it apply
        self._tried = False
        heading = QLabel(
            "<h2>A few safety questions</h2>Some problems cannot be seen on a diagram. "
            "Answer each question so the plan can tell you if you should see someone first."
        )
        heading.setWordWrap(True)
        self.host = QWidget()
        self.host_layout = QVBoxLayout(self.host)
        scroll = QScrollArea()
        scroll.setWidget(self.host)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;")
        self.problem.setWordWrap(True)
        back = QPushButton("Back")
        back.clicked.connect(self.back_requested)
        self.show_button = QPushButton("Show my plan")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self._submit)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # -- building ----------------------------------------------------------------------------------
    def set_questions(self, questions: list[Question], marked_regions: set[str] | None = None) -> None:
        """Show ``questions`` grouped by area; ``marked_regions`` places questions that name no area."""
        while self.host_layout.count():
            item = self.host_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater only acts once the event loop runs
                widget.deleteLater()
        self._questions = list(questions)
        for store in (
            self._groups,
            self._numbers,
            self._labels,
            self._texts,
            self._headings,
            self._rows,
            self._follows,
        ):
            store.clear()
        self._inverted.clear()
        self._tried = False
        self.problem.clear()
        marked = set(marked_regions or ())
        order: dict[str, list[Question]] = {}
        for q in questions:
            order.setdefault(area_heading(q, marked), []).append(q)
        headings = [h for h in order if h != GENERAL] + ([GENERAL] if GENERAL in order else [])
        for title in headings:
            box = QGroupBox(title if title != GENERAL else "General: how you are overall")
            box.setAccessibleName(f"Questions about {title}")
            rows = QVBoxLayout(box)
            for q in order[title]:
                rows.addWidget(self._question_row(q, title))
            self.host_layout.addWidget(box)
        self.host_layout.addStretch(1)
        self._update_follow_ups()

    def _question_row(self, q: Question, heading: str) -> QWidget:
        text, inverted = asked_text(q)
        if inverted:
            self._inverted.add(q.key)
        self._texts[q.key] = text
        self._headings[q.key] = heading
        row = QWidget()
        self._rows[q.key] = row
        parent_key = getattr(q, "follows", None)
        if parent_key:
            self._follows[q.key] = parent_key
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 2, 0, 2)
        label = QLabel(text + (f"<br><small>{q.hint}</small>" if q.hint else ""))
        label.setWordWrap(True)
        self._labels[q.key] = label
        lay.addWidget(label, 1)
        if q.number is not None:
            low, high, unit = q.number
            field = NumberField(text, low, high, unit=unit, decimals=1)
            field.value_changed.connect(self._on_change)
            self._numbers[q.key] = field
            lay.addWidget(field)
            return row
        group = QButtonGroup(self)
        for label_text, value in (("Yes", 1), ("No", 0)):
            button = QRadioButton(label_text)
            button.setAccessibleName(f"{text} {label_text}")
            group.addButton(button, value)
            lay.addWidget(button)
        group.idClicked.connect(self._on_change)
        self._groups[q.key] = group
        return row

    # -- answers -----------------------------------------------------------------------------------
    def answer(self, key: str, value: bool | float) -> None:
        """Set one stored answer (True = the symptom is there), e.g. when restoring a draft."""
        if key in self._numbers:
            self._numbers[key].setValue(float(value))
        else:
            yes = bool(value) != (key in self._inverted)
            self._groups[key].button(1 if yes else 0).setChecked(True)
        self._on_change()

    def question_buttons(self, key: str) -> tuple[QRadioButton, QRadioButton]:
        """The (Yes, No) buttons of a yes/no question, as shown."""
        group = self._groups[key]
        return group.button(1), group.button(0)  # type: ignore[return-value]

    def number_field(self, key: str) -> NumberField:
        return self._numbers[key]

    def shown_text(self, key: str) -> str:
        return self._texts[key]

    def applies(self, key: str) -> bool:
        """False for a follow-up whose question was not answered Yes (it is hidden and not asked)."""
        parent = self._follows.get(key)
        return parent is None or (self.applies(parent) and self.answers_given().get(parent) is True)

    def unanswered_keys(self) -> list[str]:
        return [q.key for q in self._questions if self.applies(q.key) and not self._is_answered(q.key)]

    def _is_answered(self, key: str) -> bool:
        if key in self._groups:
            return self._groups[key].checkedId() >= 0
        return key not in self._numbers or self._numbers[key].value() is not None

    def unanswered(self) -> list[str]:
        return [self._texts[key] for key in self.unanswered_keys()]

    def answers(self) -> dict[str, Any]:
        """The stored answers of the questions that apply (True = the sign is there)."""
        given = self.answers_given()
        return {key: value for key, value in given.items() if self.applies(key)}

    def _update_follow_ups(self) -> None:
        for key in self._follows:
            self._rows[key].setVisible(self.applies(key))

    def answers_given(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, group in self._groups.items():
            if group.checkedId() >= 0:
                out[key] = (group.checkedId() == 1) != (key in self._inverted)
        for key, field in self._numbers.items():
            if field.value() is not None:
                out[key] = field.value()
        return out

    def _mark(self) -> None:
        """Mark the unanswered questions (after a first try) and say which are left."""
        missing = set(self.unanswered_keys())
        for key, label in self._labels.items():
            flagged = self._tried and key in missing
            label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;" if flagged else "")
            label.setAccessibleDescription("Not answered yet" if flagged else "")
        if not self._tried or not missing:
            self.problem.clear()
            return
        names = [f"{self._headings[k]}: {self._short(self._texts[k])}" for k in self.unanswered_keys()]
        shown = "; ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        self.problem.setText(f"Please answer all questions. {len(names)} left: {shown}")

    @staticmethod
    def _short(text: str, limit: int = 48) -> str:
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

    def _on_change(self, *_args: object) -> None:
        self._update_follow_ups()
        if self._tried:
            self._mark()

    def _submit(self) -> None:
        self._tried = True
        self._mark()
        if self.unanswered_keys():
            first = self._labels[self.unanswered_keys()[0]]
            self.scroll_area.ensureWidgetVisible(first)
            return
        self.answered.emit(self.answers())
