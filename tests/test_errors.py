"""Every error corpusprep reports to its user derives from one class, so a caller catches one thing."""

from __future__ import annotations

import pytest

import corpusprep
from corpusprep import CorpusprepError
from corpusprep.build.orchestrate import BuildError, build_dataset
from corpusprep.cleaning.language import LanguageBackendError
from corpusprep.cli.main import UserError
from corpusprep.corpus.dedup_options import DedupOptions
from corpusprep.dataset.card import CardError, CardOptions
from corpusprep.dataset.versions import VersionError
from corpusprep.hub.publish import PublishError
from corpusprep.readers.records import InputError
from corpusprep.rules.compile import RuleError, load_rules

USER_FACING = {BuildError: Exception, CardError: ValueError, UserError: Exception, PublishError: Exception,
               LanguageBackendError: RuntimeError, InputError: Exception, RuleError: ValueError, VersionError: ValueError}


@pytest.mark.parametrize("error", sorted(USER_FACING, key=lambda e: e.__name__))
def test_each_user_facing_error_is_a_corpusprep_error_and_keeps_its_builtin_base(error):
    assert issubclass(error, CorpusprepError) and issubclass(error, USER_FACING[error])
    assert corpusprep.CorpusprepError is CorpusprepError


def test_a_bad_pack_bad_options_and_a_bad_card_are_caught_as_one_class(tmp_path):
    pack = tmp_path / "broken.toml"
    pack.write_text("[pack\nid = ", encoding="utf-8")
    with pytest.raises(CorpusprepError):
        load_rules(pack)
    with pytest.raises(CorpusprepError, match="threshold must be above 0"):
        DedupOptions(threshold=5)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("A short article about the harbour.", encoding="utf-8")
    with pytest.raises(CorpusprepError, match="not a Hub repo id"):
        build_dataset([tmp_path / "in"], "c", "1.0.0", out=tmp_path / "out", card=CardOptions(repo_id="not an id"))
