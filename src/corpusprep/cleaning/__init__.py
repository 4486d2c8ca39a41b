"""The pure cleaning core: one scraped article in, one `Document` out (`pipeline.clean`).

`prepare` (decode, repair, unmark) makes the paragraphs, `stages.STAGES` reads and trims
them, `judge` decides. Nothing here imports numpy, pyarrow, the corpus passes, the build
or the readers (tests/test_layers.py holds it to that): cleaning one text costs only
the text.
"""
