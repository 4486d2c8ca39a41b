"""`build_dataset()` (`orchestrate`): the passes over a corpus, run by local worker processes or Ray, into one version folder.

The orchestrator reads inputs (`corpusprep.readers`), learns (`corpusprep.corpus`), cleans
in workers (`workers`, `local_engine`, `ray_engine`), sorts in bounded memory (`sorting`)
and writes the dataset (`corpusprep.dataset`).
"""
