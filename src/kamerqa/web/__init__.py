"""kamerqa.web."""
