"""Corpus-level passes: boilerplate a site repeats (`learner`) and duplicates across the corpus (`duplicates`, `minhash`).

They see many documents at once, spill to disk to stay in bounded memory, and use numpy;
the cleaning core only ever sees what they learned.
"""
