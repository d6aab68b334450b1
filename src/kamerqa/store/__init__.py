"""kamerqa.store."""
