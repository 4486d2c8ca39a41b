"""corpusprep: turn messy scraped news articles into clean, audited, versioned text datasets.

>>> from corpusprep import clean
>>> doc = clean(open("seeds/000_c2bbe43d8b8d3bed.txt").read())  # doctest: +SKIP
>>> doc.title, doc.authors, doc.date, doc.publisher  # doctest: +SKIP
('American war planes slaughter civilians in northern Syria', ['Thomas Gaist'], datetime.date(2016, 7, 20), 'World Socialist Web Site')
"""

from typing import TYPE_CHECKING, Any

from .dedup_options import DedupOptions
from .document import Document, Removal
from .errors import CorpusprepError
from .explain import explain
from .learned import LearnedBoilerplate, LearnOptions
from .options import CleanOptions
from .pipeline import clean
from .rules import RuleError, RuleSet, default_rules, load_rules

if TYPE_CHECKING:  # what type checkers see: the real signatures of the names loaded lazily below
    from .batch import clean_batch, features
    from .build import BuildError, BuildReport, build_dataset
    from .hub import PublishError, PublishReport, publish
    from .learner import learn_boilerplate

__version__ = "0.2.0"
# These import numpy, pyarrow or huggingface_hub (and `features()` datasets): loaded only when first asked for.
_LAZY = {"build_dataset": "build", "BuildError": "build", "BuildReport": "build",
         "publish": "hub", "PublishError": "hub", "PublishReport": "hub",
         "clean_batch": "batch", "features": "batch", "learn_boilerplate": "learner"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'corpusprep' has no attribute {name!r}")


__all__ = [
    "BuildError",
    "CorpusprepError",
    "BuildReport",
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
    "__version__",
]
