"""Text analysis for Indonesian captions: tokens, sentences, syllables, metrics."""
