"""File formats that need third-party libraries but neither Qt nor TinyDB (imports the domain only):
activity files (GPX, TCX, FIT), zip exports, and the bounded reader every file goes through."""
