"""File formats that need third-party libraries but neither Qt nor TinyDB (imports the domain only)."""
