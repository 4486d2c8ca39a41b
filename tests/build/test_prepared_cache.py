"""Frames carried from a build's learning pass to its cleaning pass."""

from __future__ import annotations

from corpusprep.build.prepared_cache import FrameWriter, attach, read_frames
from corpusprep.readers.records import RawRecord


def _record(n: int) -> RawRecord:
    return RawRecord(f"doc{n}", f"text {n}", "corpus.jsonl", f"{n:064x}")


def test_frames_come_back_in_order_and_only_on_their_own_record(tmp_path):
    writer = FrameWriter(tmp_path / "frames.bin")
    for n in range(4):
        writer.write(_record(n).sha256, None if n == 1 else bytes([n]) * n)
    writer.close()
    assert list(read_frames(tmp_path / "frames.bin")) == [
        (f"{n:064x}", None if n == 1 else bytes([n]) * n) for n in range(4)]
    # The input changed under the build: record 2 is another document now.
    records = [_record(0), _record(1), RawRecord("doc2", "other", "corpus.jsonl", "f" * 64), _record(3)]
    attached = list(attach(iter(records), read_frames(tmp_path / "frames.bin")))
    assert [r.prepared for r in attached] == [b"", None, None, b"\x03\x03\x03"]
    assert [r.raw for r in attached] == [r.raw for r in records]


def test_records_beyond_the_last_frame_get_none(tmp_path):
    FrameWriter(tmp_path / "empty.bin").close()
    assert [r.prepared for r in attach(iter([_record(0)]), read_frames(tmp_path / "empty.bin"))] == [None]
