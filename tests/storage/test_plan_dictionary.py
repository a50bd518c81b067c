"""The plan compression dictionary never changes: every stored plan needs exactly these bytes to be read."""

from __future__ import annotations

import base64
import hashlib

import orjson
import zstandard

from recovery_planner.storage import plan_dictionary
from recovery_planner.storage.checkins import PLAN_FIELD, pack_plan, plan_json

# SHA-256 of the 32,768 dictionary bytes that databases since data format 2 were written with.
DICTIONARY_SHA256 = "7fb981e9b2666939c6c2448baf112046be496dd80c41ec5c0a09fff3daa475b5"


def test_the_dictionary_bytes_and_id_are_the_ones_plans_were_stored_with():
    raw = base64.b64decode(plan_dictionary._DICTIONARY_B64, validate=True)
    assert len(raw) == 32768 and hashlib.sha256(raw).hexdigest() == DICTIONARY_SHA256
    assert plan_dictionary.dictionary().dict_id() == plan_dictionary.DICT_ID
    assert zstandard.ZstdCompressionDict(raw).dict_id() == plan_dictionary.DICT_ID


def test_a_packed_plan_reads_back(tmp_path):
    plan = {"planner_version": "2.0", "start": "2026-12-01", "days": [], "note": "rest " * 50}
    assert plan_json({PLAN_FIELD: pack_plan(plan)}, tmp_path / "plans.json") == orjson.dumps(plan)
