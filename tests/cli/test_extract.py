"""`newsloom extract PATH...` prints one JSON line per file and keeps going on failures."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newsloom.cli.extract import command

PAGE = """<html lang="en"><head><title>Pier to be rebuilt | The Wenlow Gazette</title>
<meta property="og:site_name" content="The Wenlow Gazette">
<meta property="og:image" content="https://gazette.example/pier.jpg">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<meta name="author" content="Jonas Feld">
</head><body><article><h1>Pier to be rebuilt</h1>
<p>The harbour town of Wenlow voted on Tuesday to rebuild its old stone pier, ending a debate
that had divided the council for almost three years.</p>
<p>Work is due to begin in the spring, once the herring boats have left the harbour.</p>
</article></body></html>"""

KEYS = {
    "path",
    "title",
    "author",
    "published",
    "text",
    "lead_image",
    "language",
    "authors",
    "updated",
    "canonical_url",
    "site_name",
    "description",
    "score",
    "blocks",
}


def test_html_and_gz_files(tmp_path: Path) -> None:
    plain = tmp_path / "a.html"
    plain.write_text(PAGE, encoding="utf-8")
    packed = tmp_path / "b.html.gz"
    packed.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    result = CliRunner().invoke(command, [str(plain), str(packed)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 2
    for line, path in zip(lines, (plain, packed), strict=True):
        assert set(line) == KEYS
        assert line["path"] == str(path)
        assert line["title"] == "Pier to be rebuilt"
        assert line["author"] == "Jonas Feld"
        assert line["authors"] == ["Jonas Feld"]
        assert line["published"] == "2024-03-05T09:30:00+01:00"
        assert line["text"].startswith("The harbour town of Wenlow")
        assert line["lead_image"] == "https://gazette.example/pier.jpg"
        assert line["language"] == "en"
        assert line["site_name"] == "The Wenlow Gazette"
        assert line["blocks"][1] == {
            "kind": "p",
            "text": "Work is due to begin in the spring, once the herring boats have left the "
            "harbour.",
        }
        assert 0 < line["score"] <= 1


def test_failures_are_reported_and_the_rest_continues(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    broken_gz = tmp_path / "broken.html.gz"
    broken_gz.write_bytes(b"not gzip at all")
    missing = tmp_path / "missing.html"
    result = CliRunner().invoke(command, [str(binary), str(broken_gz), str(missing), str(good)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["path"] for line in lines] == [
        str(binary),
        str(broken_gz),
        str(missing),
        str(good),
    ]
    assert lines[0] == {
        "path": str(binary),
        "error": "This is not an HTML page: it looks like a PNG image.",
    }
    assert "gzip" in lines[1]["error"]
    assert lines[2]["error"] == "no such file"
    assert lines[3]["title"] == "Pier to be rebuilt"
    assert "Traceback" not in result.output


def test_null_fields_for_bare_page(tmp_path: Path) -> None:
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body></body></html>")
    result = CliRunner().invoke(command, [str(bare)])
    assert result.exit_code == 0
    line = json.loads(result.output)
    assert line["author"] is None and line["published"] is None and line["blocks"] == []


def test_registered_in_the_main_command(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", "from newsloom.cli import main; main()", "extract", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "Pier to be rebuilt"
