"""The app's reverse-DNS desktop id (Linux .desktop entry, macOS bundle id), importable without loading any dialog."""

DESKTOP_ID = "org.recoveryplanner.RecoveryPlanner"
