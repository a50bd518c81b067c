"""Recovery Planner: turns a runner's check-in into a safe, explained recovery plan."""

__version__ = "0.1.0"
PLANNER_VERSION = "2.0"
