"""spaCy pipeline pieces: tokenizer rules, sentence boundaries, candidate suggester, attribution."""
