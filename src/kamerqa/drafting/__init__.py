"""kamerqa.drafting."""
