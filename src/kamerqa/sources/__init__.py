"""kamerqa.sources."""
