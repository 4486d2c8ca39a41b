"""The baselines bench/run.py measures, each run in a fresh process of its own.

  python bench/stages.py floor CORPUS.jsonl OUT.parquet
      the I/O floor: pyarrow.json.read_json + pyarrow.parquet.write_table (zstd), nothing else
  python bench/stages.py naive CORPUS.jsonl OUT.parquet
      what a user would write today with datasets: load_dataset("json"), .map() with
      ftfy.fix_text, BeautifulSoup(...).get_text() and langdetect.detect per document,
      .to_parquet(). Uses HF_DATASETS_CACHE from the environment (run.py gives it a fresh one).

Each prints one JSON line on stdout: the rows written and the seconds spent inside the
process (imports included).
"""

from __future__ import annotations

import json
import sys
import time

STARTED = time.perf_counter()


def floor(corpus: str, out: str) -> int:
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    table = pj.read_json(corpus)
    pq.write_table(table, out, compression="zstd")
    return table.num_rows


def naive(corpus: str, out: str) -> int:
    import ftfy
    import langdetect
    from bs4 import BeautifulSoup
    from datasets import load_dataset

    def process(example):
        text = ftfy.fix_text(example["text"])
        text = BeautifulSoup(text, "html.parser").get_text()
        try:
            language = langdetect.detect(text)
        except langdetect.LangDetectException:
            language = None
        return {"text": text, "language": language}

    dataset = load_dataset("json", data_files=corpus, split="train")
    dataset = dataset.map(process)
    dataset.to_parquet(out)
    return dataset.num_rows


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("floor", "naive"):
        print(__doc__, file=sys.stderr)
        return 2
    stage, corpus, out = argv
    rows = (floor if stage == "floor" else naive)(corpus, out)
    print(json.dumps({"stage": stage, "rows": rows, "seconds_inside": time.perf_counter() - STARTED}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
