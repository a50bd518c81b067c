"""`python -m recovery_planner`: the same as the `recovery-planner` command."""

import sys

from recovery_planner.app import main

sys.exit(main())
