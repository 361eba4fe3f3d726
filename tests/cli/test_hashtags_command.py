"""`newsloom hashtags PATH...`: one JSON line per file, tags best first without '#'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newsloom.cli.hashtags import command

NEWSLOOM = Path(sys.executable).with_name("newsloom")

ARTICLE = (
    "North Korean troops join fighting in Kursk\n"
    "SEOUL (AFP) — North Korea has sent soldiers to the Kursk region, South Korean officials "
    "said on Monday. Kim Jong Un met Russian President Vladimir Putin in June; Putin thanked "
    "Kim Jong-un for the troops. The deployment worries Seoul.\n"
)


def test_prints_tags_of_each_file(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("Ostrava library opens on Sundays\nThe library in Ostrava will open.\n")
    result = CliRunner().invoke(command, [str(one), str(two)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in rows] == [str(one), str(two)]
    tags = rows[0]["tags"]
    assert set(tags[:2]) == {"NorthKorea", "Kursk"}
    assert {"KimJongUn", "VladimirPutin", "Seoul", "Deployment", "Troops"} <= set(tags)
    assert len(tags) == 10
    assert not any(t.startswith("#") or t.casefold() in {"monday", "said"} for t in tags)
    assert rows[1]["tags"] == ["Ostrava", "Library"]


def test_limit_option(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(command, ["--limit", "2", str(one)])
    two = json.loads(result.stdout)["tags"]
    assert set(two) == {"NorthKorea", "Kursk"}
    result = CliRunner().invoke(command, [str(one)])
    assert json.loads(result.stdout)["tags"][:2] == two


def test_key_topics_from_the_body_and_never_a_common_word(tmp_path: Path) -> None:
    article = tmp_path / "fire.txt"
    article.write_text(
        "Fire near Kessa\n"
        "A wildfire forced the evacuation of three villages near Kessa on Sunday, officials "
        "said. The wildfire spread overnight, and firefighters said the evacuation could last "
        "days. People said the smoke was basically everywhere; the report said this was the "
        "worst wildfire in years. Firefighters asked people to leave, and the evacuation went "
        "on.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(command, [str(article)])
    assert result.exit_code == 0, result.output
    tags = json.loads(result.stdout)["tags"]
    assert {"Wildfire", "Evacuation", "Kessa"} <= set(tags[:4])
    for word in ("basically", "people", "said", "year", "years", "report", "officials"):
        assert word not in {t.casefold() for t in tags}


def test_the_language_of_each_text_is_detected(tmp_path: Path) -> None:
    article = tmp_path / "pendler.txt"
    article.write_text(
        "Landesregierung beschließt Hilfe für Pendler in Kessa\n"
        "Die Landesregierung hat am Mittwoch in Kessa eine Hilfe für Pendler beschlossen. Die "
        "Pauschale steige ab Januar, sagte die Ministerin. Die Opposition kritisierte, dass die "
        "Hilfe zu spät komme und die Pendler aus Valmora nichts davon hätten.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(command, [str(article)])
    assert result.exit_code == 0, result.output
    tags = json.loads(result.stdout)["tags"]
    assert {"Landesregierung", "Pendler", "Kessa"} <= set(tags)
    assert not {"Beschließt", "Beschlossen", "Für", "Sagte"} & set(tags)


def test_missing_and_unreadable_files_are_reported(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    proc = subprocess.run(
        [str(NEWSLOOM), "hashtags", str(tmp_path / "nope.txt"), str(good), str(binary)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert [json.loads(x)["path"] for x in proc.stdout.splitlines()] == [str(good)]
    assert "nope.txt: no such file" in proc.stderr
    assert "bin.txt: not UTF-8 text" in proc.stderr
    assert "Traceback" not in proc.stderr
