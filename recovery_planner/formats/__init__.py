"""File formats that need third-party libraries but neither Qt nor TinyDB (imports the domain only).

Activity files (GPX, TCX, FIT), zip exports and the bounded reader every file goes through; the plan's
calendar (plan_ics) and spreadsheet (plan_csv); the check-in exchange file (exchange); the squad summary.
"""
