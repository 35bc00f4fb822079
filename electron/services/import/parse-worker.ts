// Parser worker entry: filled in by the import pipeline (same session).
