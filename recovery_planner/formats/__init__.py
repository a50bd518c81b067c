"""File formats that need third-party libraries but neither Qt nor TinyDB (imports the domain only).

Calendar (plan_ics), spreadsheet (plan_csv) and the check-in exchange file (exchange): plan and check-in
dicts (plan format v1, check-in format v1) to bytes, and bytes read back with a size limit.
"""
