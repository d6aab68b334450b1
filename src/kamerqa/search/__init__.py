"""kamerqa.search."""
