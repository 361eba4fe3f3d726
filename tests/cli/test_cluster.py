"""`newsloom cluster FILE.jsonl` as a user runs it: story lines out, clear errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newsloom.cli.cluster import command

NEWSLOOM = Path(sys.executable).with_name("newsloom")

LINES = [
    {
        "id": "a1",
        "title": "Valderra pier collapses in storm",
        "text": "",
        "published": "2026-05-04T08:00:00Z",
        "source": "Courier",
    },
    {
        "id": "b1",
        "title": "Ostrava library to open on Sundays",
        "text": "Readers petitioned.",
        "published": None,
        "source": None,
    },
    {
        "id": "a2",
        "title": "Storm destroys Valderra pier",
        "text": "",
        "published": 1777900000,
        "source": "Tribune",
    },
    {
        "id": 7,
        "title": "Ostrava library Sunday opening approved",
        "text": "",
        "published": "2026-05-04T11:00:00+02:00",
        "source": None,
    },
]


def write(path: Path, lines: list[object]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


def test_prints_one_story_line_per_article(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, [str(write(tmp_path / "in.jsonl", LINES))])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a1", "b1", "a2", "7"]
    story = {o["id"]: o["story"] for o in out}
    assert story["a1"] == story["a2"] == "s1"
    assert story["b1"] == story["7"] == "s2"


def test_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    lines = [
        LINES[0],
        "{not json",
        {"title": "no id"},
        {"id": "x", "published": "yesterday"},
        LINES[2],
    ]
    result = CliRunner().invoke(command, [str(write(tmp_path / "bad.jsonl", lines))])
    assert result.exit_code == 1
    # the article whose date cannot be read is still clustered, undated
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a1", "x", "a2"]
    assert "line 2: not valid JSON" in result.stderr
    assert "line 3: missing 'id'" in result.stderr
    assert "bad.jsonl line 4: 'published' is not an ISO 8601 date" in result.stderr
    assert "warning:" in result.stderr
    assert "read as null" in result.stderr
    assert "2 bad line(s) skipped" in result.stderr
    assert "Traceback" not in result.output


def test_an_unreadable_date_alone_is_a_warning(tmp_path: Path) -> None:
    lines = [LINES[0], {"id": "x", "title": "Harbour strike", "published": True}]
    result = CliRunner().invoke(command, [str(write(tmp_path / "dates.jsonl", lines))])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a1", "x"]
    assert "line 2: 'published' must be an ISO 8601 date or a number; read as null" in (
        result.stderr
    )


def test_real_command_missing_file_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(NEWSLOOM), "cluster", str(tmp_path / "nope.jsonl")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode != 0
    assert "nope.jsonl" in proc.stderr and "No such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_embeddings_without_the_extra_say_how_to_install_it(tmp_path: Path) -> None:
    # The default install has no torch: asking for embeddings explains the extra instead.
    proc = subprocess.run(
        [str(NEWSLOOM), "cluster", "--embeddings", str(write(tmp_path / "in.jsonl", LINES))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode != 0
    assert "pip install 'newsloom[embeddings]'" in proc.stderr
    assert "Traceback" not in proc.stderr
