"""The card's `features` spelled without importing `datasets` agree with `datasets`' own."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from datasets import Features

from corpusprep.build.orchestrate import BuildError, build_dataset
from corpusprep.dataset.card import _features
from corpusprep.dataset.schema import kept_schema, rejected_schema

from ..conftest import SEEDS


@pytest.mark.parametrize("schema", [
    kept_schema([]),
    kept_schema(["url", "title", "id"]),
    rejected_schema([]),
    rejected_schema(["id", "url"]),
    pa.schema([("n", pa.int64()), ("xs", pa.list_(pa.struct([("a", pa.date32()), ("b", pa.list_(pa.string()))])))]),
], ids=["kept", "kept+carried", "rejected", "rejected+carried", "nested"])
def test_features_match_datasets(schema):
    assert _features(schema) == Features.from_arrow_schema(schema)._to_yaml_list()


def test_other_types_go_through_datasets():
    schema = pa.schema([("score", pa.float64()), ("ok", pa.bool_()), ("tags", pa.list_(pa.string()))])
    assert _features(schema) == Features.from_arrow_schema(schema)._to_yaml_list()


# ---------------------------------------------------------------- issue 14: stable configs, real snippets, a card that can be completed

def front(card: str) -> dict:
    return yaml.safe_load(card.split("---\n")[1])


def section(card: str, title: str) -> str:
    """The text of the card's `## title` section, up to the next `## ` heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", card, re.S | re.M)
    assert match, f"no section {title!r}"
    return match.group(1)


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    """seeds 1.0.0 with nothing rejected, under ROOT/dist as the card names it."""
    root = tmp_path_factory.mktemp("card")
    report = build_dataset([SEEDS], "seeds", "1.0.0", out=root / "dist")
    assert report.rejected == {}
    return root, report.path, (report.path / "README.md").read_text(encoding="utf-8")


def test_a_version_with_nothing_rejected_still_has_the_rejected_config(clean_build):
    import datasets

    _, folder, card = clean_build
    configs = [c["config_name"] for c in front(card)["configs"]]
    assert configs == ["default", "rejected"] == [i["config_name"] for i in front(card)["dataset_info"]]
    empty = pq.read_table(folder / "rejected" / "train-00000-of-00001.parquet")
    assert empty.num_rows == 0 and empty.schema == rejected_schema([])
    assert sorted(datasets.get_dataset_config_names(str(folder))) == ["default", "rejected"]
    builder = datasets.load_dataset_builder(str(folder), "rejected")
    assert builder.info.features == Features.from_arrow_schema(rejected_schema([]))
    assert list(datasets.load_dataset(str(folder), "rejected", split="train", streaming=True)) == []
    assert datasets.load_dataset(str(folder), split="train").num_rows == 5


def test_the_cards_snippet_runs_and_loads_both_configs(clean_build, monkeypatch):
    root, folder, card = clean_build
    snippet = re.search(r"```python\n(.*?)```", card, re.S).group(1)
    assert "<" not in snippet and '"dist/seeds/1.0.0"' in snippet
    monkeypatch.chdir(root)
    names: dict = {}
    exec(snippet, names)  # the card's own code, as a reader would paste it
    assert names["ds"].num_rows == 5
    assert list(names["rejected"]) == [] and set(names["rejected"].features) == set(rejected_schema([]).names)


def test_a_version_with_nothing_kept_still_has_the_default_config(tmp_path):
    from corpusprep import CleanOptions

    report = build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path, options=CleanOptions(min_words=5000))
    assert report.kept == 0
    card = (report.path / "README.md").read_text(encoding="utf-8")
    assert [c["config_name"] for c in front(card)["configs"]] == ["default", "rejected"]
    assert pq.read_table(report.path / "data").num_rows == 0


def test_the_front_matter_can_be_completed(clean_build):
    _, _, card = clean_build
    meta = front(card)
    assert meta["task_categories"] == ["text-generation"]
    assert meta["language_creators"] == ["found"] and meta["source_datasets"] == ["original"]
    assert meta["multilinguality"] == ["monolingual"]
    for title in ("Dataset description", "Uses", "Dataset structure", "Source data",
                  "Personal and sensitive information", "Bias, risks and limitations", "Citation"):
        assert section(card, title)
    assert "To complete:" in section(card, "Uses") and "To complete:" in section(card, "Citation")
    assert "| en | 5 | 100.0% |" in section(card, "Bias, risks and limitations")
    assert "World Socialist Web Site" in section(card, "Source data")
    assert "`wsws.contact_footer` | 3 |" in card and "No two documents were copies" in card


TEMPLATE = """\
A corpus of five articles on the war in Syria.

## Uses

Training and evaluating news summarisers.

## Citation

```bibtex
@misc{seeds, title = {Seeds}}
```

## Contact

alice@example.org
"""


def test_card_options_and_a_template_fill_the_card(tmp_path):
    from corpusprep.dataset.card import CardOptions

    (tmp_path / "card.md").write_text(TEMPLATE, encoding="utf-8")
    options = CardOptions(pretty_name="Syria seeds", task_categories=("summarization", "text-generation"),
                          source_datasets=("extended|cc_news",), repo_id="alice/seeds", template=tmp_path / "card.md")
    report = build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "a", license="cc-by-4.0", card=options)
    card = (report.path / "README.md").read_text(encoding="utf-8")
    meta = front(card)
    assert (meta["pretty_name"], meta["license"]) == ("Syria seeds", "cc-by-4.0")
    assert meta["task_categories"] == ["summarization", "text-generation"]
    assert meta["source_datasets"] == ["extended|cc_news"]
    assert 'load_dataset("alice/seeds", revision="v1.0.0", split="train")' in card and "dist/seeds" not in card
    assert "# Syria seeds\n\nA corpus of five articles on the war in Syria." in card
    uses = section(card, "Uses")
    assert "Training and evaluating news summarisers." in uses and "To complete:" not in uses
    assert "config `rejected`" in uses  # what corpusprep knows stays beside the user's text
    assert "@misc{seeds" in section(card, "Citation") and "To complete:" not in section(card, "Citation")
    assert "alice@example.org" in section(card, "Contact")
    assert card.index("## Contact") < card.index("## Citation")
    assert "To complete:" in section(card, "Source data")  # not in the template: still marked
    again = build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "b", license="cc-by-4.0", card=options)
    assert (again.path / "README.md").read_bytes() == card.encode("utf-8")  # deterministic
    assert build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "a", license="cc-by-4.0", card=options).noop
    (tmp_path / "card.md").write_text(TEMPLATE.replace("summarisers", "classifiers"), encoding="utf-8")
    with pytest.raises(BuildError, match="already exists"):  # another card is another build
        build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "a", license="cc-by-4.0", card=options)


TERMS = "https://www.wsws.org/en/special/terms.html"


@pytest.mark.parametrize(("kwargs", "message"), [
    (dict(license="Apache 2.0"), r"unknown license 'Apache 2.0': use one of the Hub's license ids \(apache-2.0, "),
    (dict(license="MIT"), "unknown license 'MIT': did you mean 'mit'"),
    (dict(card_kwargs=dict(language_creators=("scraped",))), "unknown language creator 'scraped'"),
    (dict(card_kwargs=dict(repo_id="not a repo")), "not a Hub repo id"),
    (dict(card_kwargs=dict(template="missing.md")), "cannot read the card template missing.md"),
    (dict(template="---\nlicense: mit\n---\n"), "front matter"),
    (dict(template="## Uses\n\na\n\n## uses\n\nb\n"), "twice"),
    (dict(license="other"), r"^license other needs license_name \(--license-name, .*\) and license_link \(--license-link, "),
    (dict(license="other", card_kwargs=dict(license_name="wsws-terms")), "license other needs license_name"),
    (dict(license="other", card_kwargs=dict(license_link=TERMS)), "license other needs license_name"),
    (dict(license="mit", card_kwargs=dict(license_name="wsws-terms")),
     r"^license_name \(--license-name\) is only for license other, not 'mit'"),
    (dict(card_kwargs=dict(license_name="wsws-terms", license_link=TERMS)),
     r"^license_name \(--license-name\) and license_link \(--license-link\) are only for license other, not 'unknown'"),
    (dict(license="other", card_kwargs=dict(license_name="WSWS terms", license_link=TERMS)), "bad license_name 'WSWS terms'"),
    (dict(license="other", card_kwargs=dict(license_name="mit", license_link=TERMS)), r"give it as the license \(--license mit\)"),
    (dict(license="other", card_kwargs=dict(license_name="wsws-terms", license_link="LICENSE")),
     "bad license_link 'LICENSE': the http\\(s\\) URL"),
], ids=["license", "license-case", "creator", "repo", "no-template", "template-front-matter", "template-twice",
        "other-alone", "other-no-link", "other-no-name", "name-with-mit", "terms-with-unknown", "name-spaces",
        "name-a-hub-id", "link-not-a-url"])
def test_card_errors_are_one_line_and_write_nothing(tmp_path, monkeypatch, kwargs, message):
    from corpusprep.dataset.card import CardOptions

    monkeypatch.chdir(tmp_path)
    card_kwargs = kwargs.pop("card_kwargs", {})
    if "template" in kwargs:
        (tmp_path / "t.md").write_text(kwargs.pop("template"), encoding="utf-8")
        card_kwargs["template"] = tmp_path / "t.md"
    with pytest.raises(BuildError, match=message) as caught:
        build_dataset([SEEDS], "x", "1.0.0", out=tmp_path / "dist", card=CardOptions(**card_kwargs), **kwargs)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "dist").exists()


def test_the_license_list_holds_the_hubs_ids():
    from corpusprep.dataset.card import hub_licenses

    ids = hub_licenses()
    assert {"apache-2.0", "mit", "cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0", "odc-by", "other", "unknown"} <= ids
    assert all(i == i.strip().lower() and " " not in i for i in ids)


def test_the_cli_takes_a_card_template_and_refuses_a_bad_license(tmp_path):
    (tmp_path / "card.md").write_text(TEMPLATE, encoding="utf-8")
    cli = [sys.executable, "-m", "corpusprep.cli.build_dataset", str(SEEDS), "--name", "seeds", "--version", "1.0.0", "--json"]
    bad = subprocess.run(cli + ["--license", "apache"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("build-dataset: error: unknown license 'apache'")
    assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert not (tmp_path / "dist").exists()
    done = subprocess.run(cli + ["--card-template", "card.md", "--license", "cc-by-4.0", "--task-category", "summarization",
                                 "--task-category", "text-generation", "--source-dataset", "extended|cc_news",
                                 "--language-creator", "expert-generated", "--pretty-name", "Syria seeds",
                                 "--tag", "syria", "--repo-id", "alice/seeds"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    card = (tmp_path / json.loads(done.stdout)["path"] / "README.md").read_text(encoding="utf-8")
    meta = front(card)
    assert meta["task_categories"] == ["summarization", "text-generation"] and meta["license"] == "cc-by-4.0"
    assert meta["language_creators"] == ["expert-generated"] and meta["source_datasets"] == ["extended|cc_news"]
    assert meta["pretty_name"] == "Syria seeds" and meta["tags"][-1] == "syria"
    assert "Training and evaluating news summarisers." in section(card, "Uses")
    assert 'load_dataset("alice/seeds", revision="v1.0.0"' in card
    clash = subprocess.run(cli[:7] + ["2.0.0", "--repo-id", "alice/a", "--push-to-hub", "alice/b"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert clash.returncode == 2 and clash.stderr.startswith("build-dataset: error: --repo-id alice/a")
    assert len(clash.stderr.strip().splitlines()) == 1 and not (tmp_path / "dist" / "seeds" / "2.0.0").exists()


# ---------------------------------------------------------------- issue 14: `license: other` names its license

def test_a_custom_license_is_named_and_linked_in_the_front_matter(tmp_path):
    from huggingface_hub import DatasetCard

    from corpusprep.dataset.card import CardOptions

    options = CardOptions(license_name="wsws-terms-1.0", license_link=TERMS)
    report = build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "dist", license="other", card=options)
    card = (report.path / "README.md").read_text(encoding="utf-8")
    meta = front(card)
    keys = list(meta)
    assert keys[keys.index("license"):keys.index("license") + 3] == ["license", "license_name", "license_link"]
    assert (meta["license"], meta["license_name"], meta["license_link"]) == ("other", "wsws-terms-1.0", TERMS)
    data = DatasetCard(card).data  # as huggingface_hub reads the card it uploads
    assert (data.license, data.license_name, data.license_link) == ("other", "wsws-terms-1.0", TERMS)
    assert f"- **License:** `wsws-terms-1.0` (`license: other`, not a Hub license id), text at <{TERMS}>" in card
    assert build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "dist", license="other", card=options).noop
    with pytest.raises(BuildError, match="other card options"):  # another license text is another build
        build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "dist", license="other",
                      card=CardOptions(license_name="wsws-terms-2.0", license_link=TERMS))


def test_a_hub_license_writes_no_license_terms(clean_build):
    _, _, card = clean_build
    assert "license_name" not in front(card) and "license_link" not in front(card)


def test_the_cli_requires_and_writes_the_terms_of_license_other(tmp_path):
    cli = [sys.executable, "-m", "corpusprep.cli.build_dataset", str(SEEDS), "--name", "seeds", "--version", "1.0.0", "--json"]
    for args, message in [
        (["--license", "other", "--license-name", "wsws-terms-1.0"], "license other needs license_name (--license-name"),
        (["--license", "cc-by-4.0", "--license-link", TERMS], "license_link (--license-link) is only for license other"),
    ]:
        bad = subprocess.run(cli + args, capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert bad.returncode == 2 and bad.stderr.startswith(f"build-dataset: error: {message}"), bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
        assert not (tmp_path / "dist").exists()
    done = subprocess.run(cli + ["--license", "other", "--license-name", "wsws-terms-1.0", "--license-link", TERMS],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    meta = front((tmp_path / json.loads(done.stdout)["path"] / "README.md").read_text(encoding="utf-8"))
    assert (meta["license"], meta["license_name"], meta["license_link"]) == ("other", "wsws-terms-1.0", TERMS)
