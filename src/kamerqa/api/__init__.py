"""kamerqa.api."""
