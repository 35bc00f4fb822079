// Benchmark entry: filled in by the import benchmark (same session).
