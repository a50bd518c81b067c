"""A coach's notes and plan changes for one athlete: ``athletes/<id>/coach.json``.

- table ``notes``: ``{"id", "text", "author", "created_at", "pinned", "checkin_id"?}`` (a pinned note is
  about the athlete; one with a ``checkin_id`` is about that check-in);
- table ``edits``: the coach's plan changes (``domain.coach_edits.CoachEdit.to_dict()`` plus an ``id``).

Every write goes through the folder's transaction (atomic, durable, backed up like the other files).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tinydb import Query

from .errors import InvalidRecordError, NotFoundError
from .folder import DataFolder
from .paths import ATHLETES_DIR, COACH_FILE

MAX_NOTE_CHARS = 5000


def _rel(athlete_id: str) -> Path:
    return Path(ATHLETES_DIR, athlete_id, COACH_FILE)


def notes(folder: DataFolder, athlete_id: str) -> list[dict[str, Any]]:
    """The athlete's notes, oldest first (copies)."""
    docs = folder.table(_rel(athlete_id), "notes").values()
    return sorted((dict(d) for d in docs), key=lambda d: (d.get("created_at", ""), d["id"]))


def add_note(folder: DataFolder, athlete_id: str, doc: dict[str, Any]) -> dict[str, Any]:
    """Store a note (call inside a transaction); returns it with its new ``id``."""
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidRecordError(["note: the text is empty"])
    if len(text) > MAX_NOTE_CHARS:
        raise InvalidRecordError([f"note: at most {MAX_NOTE_CHARS} characters, got {len(text)}"])
    stored = {**doc, "id": os.urandom(5).hex()}
    folder.prepare_dir(folder.athlete_dir(athlete_id))
    folder.db(_rel(athlete_id)).table("notes").insert(stored)
    return stored


def remove_note(folder: DataFolder, athlete_id: str, note_id: str) -> None:
    table = folder.db(_rel(athlete_id)).table("notes")
    if not table.remove(Query().id == note_id):
        raise NotFoundError(f"No note with id {note_id}.")


def edits(folder: DataFolder, athlete_id: str) -> list[dict[str, Any]]:
    """The coach's plan changes, in the order they were made (copies)."""
    docs = folder.table(_rel(athlete_id), "edits").values()
    return sorted((dict(d) for d in docs), key=lambda d: (d.get("made_at", ""), d["id"]))


def add_edit(folder: DataFolder, athlete_id: str, doc: dict[str, Any]) -> dict[str, Any]:
    stored = {**doc, "id": os.urandom(5).hex()}
    folder.prepare_dir(folder.athlete_dir(athlete_id))
    folder.db(_rel(athlete_id)).table("edits").insert(stored)
    return stored
