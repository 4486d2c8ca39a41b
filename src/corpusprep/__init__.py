"""corpusprep: turn messy scraped news articles into clean, audited, versioned text datasets.

>>> from corpusprep import clean
>>> doc = clean(open("seeds/000_c2bbe43d8b8d3bed.txt").read())  # doctest: +SKIP
>>> doc.title, doc.authors, doc.date, doc.publisher  # doctest: +SKIP
('American war planes slaughter civilians in northern Syria', ['Thomas Gaist'], datetime.date(2016, 7, 20), 'World Socialist Web Site')
"""

from typing import TYPE_CHECKING, Any

from .cleaning.explain import explain
from .cleaning.learned import LearnedBoilerplate, LearnOptions
from .cleaning.options import CleanOptions
from .cleaning.pipeline import clean
from .corpus.dedup_options import DedupOptions
from .document import Document, Removal
from .errors import CorpusprepError
from .rules.compile import RuleError, RuleSet, default_rules, load_rules

if TYPE_CHECKING:  # what type checkers see: the real signatures of the names loaded lazily below
    from .build.orchestrate import BuildError, BuildReport, build_dataset
    from .corpus.learner import learn_boilerplate
    from .dataset.card import CardOptions
    from .hub.publish import PublishError, PublishReport, publish
    from .integrations.hf_datasets import clean_batch, features
    from .readers.records import ReadOptions

__version__ = "0.2.0"
# These import numpy, pyarrow or huggingface_hub (and `features()` datasets): loaded only when first asked for.
_LAZY = {"build_dataset": "build.orchestrate", "BuildError": "build.orchestrate", "BuildReport": "build.orchestrate",
         "publish": "hub.publish", "PublishError": "hub.publish", "PublishReport": "hub.publish",
         "CardOptions": "dataset.card", "ReadOptions": "readers.records",
         "clean_batch": "integrations.hf_datasets", "features": "integrations.hf_datasets", "learn_boilerplate": "corpus.learner"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'corpusprep' has no attribute {name!r}")


__all__ = [
    "BuildError",
    "CorpusprepError",
    "BuildReport",
    "CardOptions",
    "CleanOptions",
    "DedupOptions",
    "Document",
    "LearnOptions",
    "LearnedBoilerplate",
    "Removal",
    "RuleError",
    "RuleSet",
    "clean",
    "clean_batch",
    "default_rules",
    "explain",
    "features",
    "learn_boilerplate",
    "load_rules",
    "build_dataset",
    "publish",
    "PublishError",
    "PublishReport",
    "ReadOptions",
    "__version__",
]
