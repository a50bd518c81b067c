"""Writer process for the crash test: saves check-ins forever, printing each id once ``add_check_in`` returned.

Usage: python crash_writer.py DATA_DIR SEED
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.storage import Repository


def main() -> None:
    rng = random.Random(int(sys.argv[2]))
    repo = Repository.open(sys.argv[1])
    athletes = [a.id for a in repo.list_athletes()]
    while True:
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
        ci = parse_check_in(
            {
                "date": day.isoformat(),
                "areas": [
                    {
                        "region": rng.choice(["calf", "knee", "shin"]),
                        "side": "left",
                        "pain": rng.randint(0, 8),
                        "kind": "soreness",
                    }
                ],
            },
            day,
        )
        athlete = rng.choice(athletes)
        rec = repo.add_check_in(athlete, ci, build_plan(ci))
        print(f"{athlete} {rec.id}", flush=True)


if __name__ == "__main__":
    main()
