"""Understanding citizens' comments and admins' replies: lexicon rules and linear models."""
