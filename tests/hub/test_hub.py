"""publish(): releases to a fake Hub over real HTTP, read back with the real huggingface_hub and datasets.

The offline tripwire of conftest.py is lifted only inside these tests, and every
endpoint the clients know is pointed at the local server (huggingface_hub and
datasets read them at import time, so the module constants are patched too).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from corpusprep import CleanOptions
from corpusprep.build.orchestrate import build_dataset
from corpusprep.hub.publish import PublishError, publish

from ..conftest import ROOT, seed_paths
from ..helpers.hubserver import FakeHub

# huggingface_hub's own LFS upload passes a file as `data=`, which httpx2 deprecates: not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>' to upload raw bytes:DeprecationWarning")
TOKEN = "hf_testtoken_SECRET123"
REPO = "alice/news"


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """news 1.0.0 (three seeds and a stub that is rejected) and 1.1.0 (four seeds, nothing rejected)."""
    root = tmp_path_factory.mktemp("hub")
    seeds = seed_paths()
    first, second = root / "first", root / "second"
    first.mkdir()
    second.mkdir()
    for path in seeds[:3]:
        shutil.copy(path, first / path.name)
    (first / "stub.txt").write_text("Too short to keep.\n")
    for path in seeds[1:]:
        shutil.copy(path, second / path.name)
    build_dataset([first], "news", "1.0.0", out=root / "dist")
    build_dataset([second], "news", "1.1.0", out=root / "dist")
    other = build_dataset([first], "news", "1.0.0", out=root / "other", options=CleanOptions(min_words=5000))
    return {"1.0.0": root / "dist" / "news" / "1.0.0", "1.1.0": root / "dist" / "news" / "1.1.0", "other": other.path}


@pytest.fixture
def hub(tmp_path, monkeypatch):
    import datasets.config
    import huggingface_hub.constants as constants

    import corpusprep.hub.publish

    with FakeHub(token=TOKEN) as server:
        for key, value in {"HF_HUB_OFFLINE": "0", "HF_ENDPOINT": server.url, "HF_HUB_DISABLE_XET": "1",
                           "HF_HOME": str(tmp_path / "hf"), "HF_HUB_DISABLE_TELEMETRY": "1"}.items():
            monkeypatch.setenv(key, value)
        monkeypatch.delenv("HF_TOKEN", raising=False)
        for name, value in {"HF_HUB_OFFLINE": False, "ENDPOINT": server.url, "HF_HUB_DISABLE_XET": True,
                            "HUGGINGFACE_CO_URL_TEMPLATE": server.url + "/{repo_id}/resolve/{revision}/{filename}",
                            "HF_HUB_CACHE": str(tmp_path / "hf" / "hub"), "HF_HUB_DISABLE_TELEMETRY": True,
                            "HF_TOKEN_PATH": str(tmp_path / "hf" / "token"),
                            "HF_STORED_TOKENS_PATH": str(tmp_path / "hf" / "stored_tokens")}.items():
            monkeypatch.setattr(constants, name, value)
        for name, value in {"HF_HUB_OFFLINE": False, "HF_DATASETS_OFFLINE": False, "HF_ENDPOINT": server.url,
                            "HUB_DATASETS_URL": server.url + "/datasets/{repo_id}/resolve/{revision}/{path}",
                            "USE_PARQUET_EXPORT": False, "HF_UPDATE_DOWNLOAD_COUNTS": False}.items():
            monkeypatch.setattr(datasets.config, name, value)  # no dataset viewer, no download counter: local only
        monkeypatch.setattr(corpusprep.hub.publish, "FIRST_BACKOFF", 0.01)
        yield server
        assert server.unknown == []


def release(folder, hub, **kwargs):
    return publish(folder, REPO, token=TOKEN, endpoint=hub.url, **kwargs)


def titles(hub):
    return [c.title for c in hub.repo(REPO).commits]


def commit_posts(hub):
    return [p for m, p in hub.log if m == "POST" and "/commit/" in p]


def ids(folder, config="data"):
    return sorted(pq.read_table(folder / config, columns=["id"]).column("id").to_pylist())


def load(hub, tmp_path, revision, *config):
    import datasets

    dataset = datasets.load_dataset(REPO, *config, revision=revision, split="train", token=TOKEN,
                                    cache_dir=str(tmp_path / f"datasets-{revision}-{config}"))
    return sorted(dataset["id"])


def test_two_releases_each_loadable_by_tag(dist, hub, tmp_path, capsys, caplog):
    caplog.set_level(logging.DEBUG, logger="huggingface_hub")
    caplog.set_level(logging.DEBUG, logger="corpusprep")
    first = release(dist["1.0.0"], hub, private=True)
    second = release(dist["1.1.0"], hub, private=True)
    assert (first.create_repo, second.create_repo) == (True, False) and hub.repo(REPO).private
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0", "corpusprep: release news 1.1.0"]
    assert len(commit_posts(hub)) == 2
    repo = hub.repo(REPO)
    assert repo.tags == {"v1.0.0": first.commit, "v1.1.0": second.commit} and repo.branches["main"] == second.commit
    # main shows exactly 1.1.0: 1.0.0's rejected shard is replaced by 1.1.0's empty one (both versions have the
    # `rejected` config), every file is byte for byte the local one
    local = {p.relative_to(dist["1.1.0"]).as_posix(): p.read_bytes() for p in dist["1.1.0"].rglob("*") if p.is_file()}
    assert repo.resolve("main").files == {**local, ".gitattributes": repo.commits[0].files[".gitattributes"]}
    assert second.delete == [] and {"diff.json", "rejected/train-00000-of-00001.parquet"} <= set(second.add)

    assert load(hub, tmp_path, "v1.0.0") == ids(dist["1.0.0"]) == sorted(p.name for p in seed_paths()[:3])
    assert load(hub, tmp_path, "v1.0.0", "rejected") == ["stub.txt"]
    assert load(hub, tmp_path, "v1.1.0") == load(hub, tmp_path, "main") == ids(dist["1.1.0"])

    captured = capsys.readouterr()
    assert any(r.name.startswith("huggingface_hub") for r in caplog.records)  # the client's debug logs were seen
    for text in (captured.out, captured.err, caplog.text, *(f.decode("utf-8", "replace") for f in local.values())):
        assert TOKEN not in text


def test_republishing_identical_content_is_a_noop(dist, hub):
    release(dist["1.0.0"], hub)
    release(dist["1.1.0"], hub)
    before = (titles(hub), len(hub.writes()))
    again = release(dist["1.0.0"], hub)
    assert again.noop and again.commit == hub.repo(REPO).tags["v1.0.0"]
    assert release(dist["1.1.0"], hub).noop
    assert (titles(hub), len(hub.writes())) == before


def test_versions_are_immutable_on_the_hub(dist, hub):
    release(dist["1.0.0"], hub)
    with pytest.raises(PublishError, match="already has a tag v1.0.0 with other content: versions are immutable"):
        release(dist["other"], hub)
    release(dist["1.1.0"], hub)
    hub.repo(REPO).tags.pop("v1.0.0")  # even untagged, main does not go back to an older version
    with pytest.raises(PublishError, match="holds news 1.1.0, newer than 1.0.0"):
        release(dist["1.0.0"], hub)
    assert len(titles(hub)) == 3


def test_dry_run_sends_nothing(dist, hub, capsys):
    plan = release(dist["1.0.0"], hub, dry_run=True)
    assert plan.create_repo and "manifest.json" in plan.add and plan.tag == "v1.0.0"
    assert hub.writes() == [] and hub.repos == {}
    release(dist["1.0.0"], hub)
    repo = hub.repo(REPO)  # a file put on main by hand: not part of 1.1.0, so the release deletes it
    main = repo.resolve("main")
    repo.add_commit("notes by hand", {**main.files, "notes.txt": b"by hand\n"}, set(main.lfs))
    writes = len(hub.writes())
    plan = release(dist["1.1.0"], hub, dry_run=True)
    assert not plan.create_repo and plan.delete == ["notes.txt"]
    assert "delete  notes.txt" in plan.summary() and "dry run" in plan.summary()
    assert len(hub.writes()) == writes and "v1.1.0" not in hub.repo(REPO).tags


def test_a_503_on_the_commit_is_retried_into_one_commit(dist, hub):
    hub.fail_next("POST", "/commit/", 503)
    hub.fail_next("POST", "/tag/", 429)
    report = release(dist["1.0.0"], hub)
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0"]
    assert len(commit_posts(hub)) == 2 and hub.repo(REPO).tags == {"v1.0.0": report.commit}


def test_a_commit_that_landed_despite_a_500_is_not_sent_again(dist, hub):
    release(dist["1.0.0"], hub)
    hub.fail_next("POST", "/commit/", 500, apply=True)
    report = release(dist["1.1.0"], hub)
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0", "corpusprep: release news 1.1.0"]
    assert len(commit_posts(hub)) == 2 and hub.repo(REPO).tags["v1.1.0"] == report.commit


def test_a_release_cut_short_before_its_tag_is_finished_without_a_second_commit(dist, hub):
    hub.fail_next("POST", "/tag/", 400)
    with pytest.raises(PublishError, match="the Hub answered 400"):
        release(dist["1.0.0"], hub)
    assert "v1.0.0" not in hub.repo(REPO).tags
    report = release(dist["1.0.0"], hub)
    assert report.add == [] and "no commit" in report.summary()
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0"]
    assert hub.repo(REPO).tags == {"v1.0.0": report.commit} and report.commit == hub.repo(REPO).branches["main"]


def test_a_concurrent_commit_stops_the_release(dist, hub):
    release(dist["1.0.0"], hub)
    hub.fail_next("POST", "/commit/", 412)  # what the Hub answers when main moved past our parent commit
    with pytest.raises(PublishError, match="main on alice/news changed during the release: run it again"):
        release(dist["1.1.0"], hub)
    assert len(titles(hub)) == 2


def test_user_errors_are_one_line_publish_errors(dist, hub, tmp_path, monkeypatch):
    import huggingface_hub.constants as constants

    def one_line(match, *args, **kwargs):
        with pytest.raises(PublishError, match=match) as caught:
            publish(*args, **kwargs)
        message = str(caught.value)
        assert "\n" not in message and TOKEN not in message and "Traceback" not in message
        return message

    one_line("not a built version", tmp_path, REPO, token=TOKEN, endpoint=hub.url)
    one_line("not a Hub repo id", dist["1.0.0"], "news", token=TOKEN, endpoint=hub.url)
    one_line("no Hugging Face token", dist["1.0.0"], REPO, endpoint=hub.url)
    one_line(r"refused the token \(401\)", dist["1.0.0"], REPO, token="hf_wrong", endpoint=hub.url)
    edited = tmp_path / "edited"
    shutil.copytree(dist["1.0.0"], edited)
    (edited / "README.md").write_text("edited\n")
    one_line("README.md differs from manifest.json", edited, REPO, token=TOKEN, endpoint=hub.url)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    one_line("HF_HUB_OFFLINE is set", dist["1.0.0"], REPO, token=TOKEN, endpoint=hub.url)
    assert hub.repos == {}


def test_an_existing_repo_and_the_token_from_hf_token(dist, hub, monkeypatch):
    from huggingface_hub import HfApi

    HfApi(endpoint=hub.url, token=TOKEN).create_repo(REPO, repo_type="dataset")
    with pytest.raises(PublishError, match="exists and is public: --private only applies to a new repo"):
        release(dist["1.0.0"], hub, private=True)
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    report = publish(dist["1.0.0"], REPO, endpoint=hub.url)
    assert not report.create_repo and report.commit == hub.repo(REPO).tags["v1.0.0"]
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0"]


def command_env(hub, tmp_path):
    """The environment of a command run against the local Hub, importing this checkout's corpusprep.

    PYTHONPATH is made absolute: the commands run in `tmp_path`, where a relative `src`
    would fall back to whichever corpusprep the venv has installed.
    """
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_ENDPOINT": hub.url, "HF_TOKEN": TOKEN,
            "HF_HUB_DISABLE_XET": "1", "HF_HUB_OFFLINE": "0", "HF_HOME": str(tmp_path / "hf"),
            "HF_DATASETS_CACHE": str(tmp_path / "datasets"), "HF_HUB_DISABLE_TELEMETRY": "1",
            "HF_UPDATE_DOWNLOAD_COUNTS": "0"}


def run(hub, tmp_path, *args):
    result = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                            env=command_env(hub, tmp_path), cwd=tmp_path, timeout=120)
    assert TOKEN not in result.stdout + result.stderr
    return result


def test_corpusprep_publish_command(dist, hub, tmp_path):
    dry = run(hub, tmp_path, "corpusprep.cli.main", "publish", str(dist["1.0.0"]), REPO, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dry run" in dry.stdout and "would create public dataset repo alice/news" in dry.stdout
    assert hub.writes() == []
    done = run(hub, tmp_path, "corpusprep.cli.main", "publish", str(dist["1.0.0"]), REPO, "--private")
    assert done.returncode == 0, done.stderr
    assert "published news 1.0.0" in done.stdout and hub.repo(REPO).private and "v1.0.0" in hub.repo(REPO).tags
    clash = run(hub, tmp_path, "corpusprep.cli.main", "publish", str(dist["other"]), REPO)
    assert clash.returncode == 2 and clash.stderr.startswith("corpusprep: error: alice/news already has a tag v1.0.0")
    assert len(clash.stderr.strip().splitlines()) == 1


def test_build_dataset_push_to_hub(hub, tmp_path):
    first = tmp_path / "in"
    first.mkdir()
    shutil.copy(seed_paths()[0], first)
    result = run(hub, tmp_path, "corpusprep.cli.build_dataset", str(first), "--name", "news", "--version", "1.0.0",
                 "--push-to-hub", REPO, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["kept"] == 1 and summary["publish"]["tag"] == "v1.0.0"
    repo = hub.repo(REPO)
    assert repo.tags["v1.0.0"] == summary["publish"]["commit"] == repo.branches["main"] and not repo.private
    manifest = json.loads(repo.resolve("v1.0.0").files["manifest.json"])
    assert manifest["version"] == "1.0.0" and TOKEN not in json.dumps(manifest)


def test_help_does_not_import_huggingface_hub():
    code = ("import sys\nfrom corpusprep import hub\nfrom corpusprep.cli.build_dataset import main\ntry:\n    main(['--help'])\n"
            "except SystemExit:\n    pass\nprint('IMPORTED' if 'huggingface_hub' in sys.modules else 'LIGHT')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "--push-to-hub OWNER/NAME" in result.stdout and result.stdout.strip().endswith("LIGHT")


# Reliability: a Hub that stops answering, Ctrl-C, offline mode.
STALLS = {  # (method, path pattern, apply the request before stalling): one of each request a release sends
    "repo info": ("GET", r"/api/datasets/alice/news/revision/", False),
    "tag list": ("GET", r"/refs$", False),
    "manifest HEAD": ("HEAD", r"/resolve/.*/manifest\.json$", False),
    "manifest GET": ("GET", r"/resolve/.*/manifest\.json$", False),
    "file tree": ("GET", r"/tree/", False),
    "preupload": ("POST", r"/preupload/", False),
    "LFS batch": ("POST", r"/lfs/objects/batch", False),
    "LFS upload": ("PUT", r"/__lfs/", False),
    "commit, not applied": ("POST", r"/commit/", False),
    "commit, applied": ("POST", r"/commit/", True),
    "tag, applied": ("POST", r"/tag/", True),
}


@pytest.mark.parametrize("stalled", STALLS.values(), ids=STALLS.keys())
def test_a_hub_that_stops_answering_is_given_up_on_and_retried_into_one_commit(dist, hub, stalled, caplog, capsys):
    method, pattern, apply = stalled
    release(dist["1.0.0"], hub)
    hub.stall_next(method, pattern, seconds=5, apply=apply)
    report = release(dist["1.1.0"], hub, timeout=0.5)
    assert hub.clients_hung_up(1)  # the client gave up on the stalled request instead of waiting for it
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0", "corpusprep: release news 1.1.0"]
    repo = hub.repo(REPO)
    assert repo.tags == {"v1.0.0": repo.commits[1].oid, "v1.1.0": report.commit} and report.commit == repo.commits[2].oid
    assert len(commit_posts(hub)) == 2 + (method == "POST" and pattern == r"/commit/" and not apply)
    assert TOKEN not in caplog.text + "".join(capsys.readouterr())


def test_a_hub_that_stops_answering_while_creating_the_repo(dist, hub):
    hub.stall_next("POST", r"/api/repos/create", seconds=5, apply=True)
    report = release(dist["1.0.0"], hub, timeout=0.5)
    assert hub.clients_hung_up(1) and report.create_repo
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0"]


def test_a_dropped_connection_after_the_commit_landed_is_not_sent_again(dist, hub):
    release(dist["1.0.0"], hub)
    hub.stall_next("POST", r"/commit/", seconds=0, apply=True)  # applied, then the connection drops unanswered
    report = release(dist["1.1.0"], hub, timeout=0.5)
    assert len(titles(hub)) == 3 and len(commit_posts(hub)) == 2 and hub.repo(REPO).tags["v1.1.0"] == report.commit


def test_a_hub_that_never_answers_ends_in_one_line(dist, hub):
    for _ in range(3):
        hub.stall_next("GET", r"/api/datasets/alice/news/revision/", seconds=5)
    with pytest.raises(PublishError) as caught:
        release(dist["1.0.0"], hub, timeout=0.5, max_retries=2)
    message = str(caught.value)
    assert message.startswith(f"{hub.url} did not answer within 0.5 s") and "\n" not in message
    assert hub.clients_hung_up(3) and hub.repos == {}


def test_an_unreadable_manifest_is_not_taken_for_a_missing_one(dist, hub):
    hub.fail_next("POST", "/tag/", 400)  # a release cut short between its commit and its tag
    with pytest.raises(PublishError):
        release(dist["1.0.0"], hub)
    hub.fail_next("HEAD", r"/resolve/.*/manifest\.json$", 403)  # main's manifest cannot be read this time
    with pytest.raises(PublishError, match=r"refused the token \(403\)"):
        release(dist["1.0.0"], hub)
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0"]  # not committed a second time
    assert release(dist["1.0.0"], hub).add == [] and len(titles(hub)) == 2


def test_offline_mode_is_answered_at_once(dist, hub, monkeypatch, caplog):
    import huggingface_hub.constants as constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    caplog.set_level(logging.DEBUG, logger="corpusprep")
    with pytest.raises(PublishError, match="^HF_HUB_OFFLINE is set: cannot reach the Hub$"):
        release(dist["1.0.0"], hub)
    assert [r.getMessage() for r in caplog.records if "retry" in r.getMessage()] == [] and hub.log == []


def test_corpusprep_publish_timeout_option(dist, hub, tmp_path):
    hub.stall_next("POST", r"/commit/", seconds=5, apply=True)
    done = run(hub, tmp_path, "corpusprep.cli.main", "publish", str(dist["1.0.0"]), REPO, "--timeout", "0.5")
    assert done.returncode == 0, done.stderr
    assert hub.clients_hung_up(1) and len(titles(hub)) == 2 and "v1.0.0" in hub.repo(REPO).tags
    for bad in ("0", "-1", "soon"):
        refused = run(hub, tmp_path, "corpusprep.cli.main", "publish", str(dist["1.0.0"]), REPO, "--timeout", bad)
        assert refused.returncode == 2 and "--timeout" in refused.stderr and "Traceback" not in refused.stderr


def test_ctrl_c_during_publish_is_one_line_and_a_rerun_finishes_the_release(dist, hub, tmp_path):
    hub.stall_next("POST", r"/commit/", seconds=60, apply=True)  # the commit lands, its answer never comes
    proc = subprocess.Popen([sys.executable, "-m", "corpusprep.cli.main", "publish", str(dist["1.0.0"]), REPO],
                            env={**command_env(hub, tmp_path), "HF_HUB_DISABLE_PROGRESS_BARS": "1"}, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert hub.stalling.wait(60), "the publish never reached the commit"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.startswith("corpusprep: interrupted") and len(err.strip().splitlines()) == 1 and TOKEN not in out + err
    assert "v1.0.0" not in hub.repo(REPO).tags
    again = run(hub, tmp_path, "corpusprep.cli.main", "publish", str(dist["1.0.0"]), REPO)
    assert again.returncode == 0 and "no commit" in again.stdout, again.stderr
    assert titles(hub) == ["initial commit", "corpusprep: release news 1.0.0"] and "v1.0.0" in hub.repo(REPO).tags
