"""`build-dataset` in a terminal and in a pipe: one progress bar per pass, each closed at its true count.

The real CLI runs as a subprocess with stdout and stderr on one pseudo-terminal (as in a
user's terminal, where both streams interleave), and the bytes it wrote are replayed the
way a terminal shows them: a carriage return redraws the current line.
"""

from __future__ import annotations

import csv
import fcntl
import os
import re
import struct
import subprocess
import sys
import termios

from ..conftest import SEEDS
from ..helpers.realcorpus import rows

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def build_in_terminal(*args: str, cwd) -> tuple[int, bytes]:
    """Run build-dataset with stdout and stderr on a 100-column pseudo-terminal; return its exit code and output."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.ONLCR  # keep the bytes as written: no \n -> \r\n
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "corpusprep.cli.build_dataset", *args], cwd=cwd,
                                stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    finally:
        os.close(slave)
    output = bytearray()
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer closed the terminal
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(master)
    return proc.wait(timeout=300), bytes(output)


def screen_lines(output: bytes) -> list[str]:
    """What each line finally shows: the text after its last carriage return (escape codes dropped)."""
    text = ANSI.sub("", output.decode("utf-8", errors="replace"))
    return [line.rsplit("\r", 1)[-1].rstrip() for line in text.split("\n")]


def bar_lines(lines: list[str], phase: str) -> list[str]:
    return [line for line in lines if line.startswith(f"{phase}:")]


def test_seeds_in_a_terminal_show_one_closed_bar_per_pass_at_its_true_count(tmp_path):
    code, output = build_in_terminal(str(SEEDS), "--name", "seeds", "--version", "1.0.0", cwd=tmp_path)
    assert code == 0, output
    lines = screen_lines(output)
    learning, cleaning = bar_lines(lines, "learning"), bar_lines(lines, "cleaning")
    assert len(learning) == 1 and len(cleaning) == 1, lines
    assert "5/5" in learning[0] and "100%" in learning[0], learning
    assert "5/5" in cleaning[0] and "100%" in cleaning[0], cleaning
    assert "built seeds 1.0.0" in lines, lines  # the summary starts on a line of its own
    assert lines.index(learning[0]) < lines.index(cleaning[0]) < lines.index("built seeds 1.0.0")
    for line in output.decode().split("\n"):  # no line was ever drawn as another pass's bar
        assert not ("learning:" in line and "cleaning:" in line), line


def test_a_table_of_unknown_size_counts_the_learning_pass_then_shows_its_total(tmp_path):
    table = rows()[:40]
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    code, output = build_in_terminal(str(path), "--name", "news", "--version", "1.0.0", "--text-column", "content",
                                     cwd=tmp_path)
    assert code == 0, output
    lines = screen_lines(output)
    learning, cleaning = bar_lines(lines, "learning"), bar_lines(lines, "cleaning")
    assert len(learning) == 1 and len(cleaning) == 1, lines
    assert re.search(r"\b40 docs\b", learning[0]), learning  # a CSV's rows are not counted in advance
    assert "40/40" in cleaning[0], cleaning  # ...but the cleaning pass knows them from the learning pass
    assert "built news 1.0.0" in lines, lines


def test_no_bars_in_a_pipe(tmp_path):
    result = subprocess.run([sys.executable, "-m", "corpusprep.cli.build_dataset", str(SEEDS), "--name", "seeds",
                             "--version", "1.0.0"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("built seeds 1.0.0\n")
