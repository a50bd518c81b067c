"""File formats that need third-party libraries but no Qt and no database: activity files (GPX, TCX, FIT),
zip exports, and the bounded reader every file goes through. Imports the domain only."""
