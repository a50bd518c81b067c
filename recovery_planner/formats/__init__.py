"""File formats that need third-party libraries but no Qt and no storage: calendar, spreadsheet, exchange files.

Each module turns plan or check-in dicts (plan format v1, check-in format v1) into bytes, or reads bytes
back with a size limit. Imports the domain only.
"""
