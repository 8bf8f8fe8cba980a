"""The register's pieces without a document: observations written as YAML that reads back, unreadable files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from compiler import sources
from compiler.messages.translate import Translator
from compiler.review.comments import COMMENT, UnreadableDocument, read_reviewed
from compiler.review.observation_file import observation_records, observations_yaml
from compiler.review.register import REPLY, Register, RegisterEntry
from tests.conftest import CASES, overlay, planc

HOSTILE = [
    'x"\nobservations:\n  - on: AZ-01\n    evil: true',
    "- on: AZ-01\n  by: nessuno",
    "&anchor *alias !!python/object:os.system {{ 7*7 }} <script>alert(1)</script>",
    "NO 00100 12:30 2025-03-31 ~ null",
    "riga\u2028separatore\u202etesto\x07",
]


def entry(number: int, text: str, kind: str = COMMENT, reply_to: int | None = None) -> RegisterEntry:
    return RegisterEntry(
        number, "r.docx", kind, 'Anna: "A" #1', "2025-02-10", text, "", "AZ-01", None, (), reply_to=reply_to
    )


def test_observations_read_back_through_the_strict_loader_as_the_text_written(tmp_path: Path) -> None:
    register = Register([entry(n, text) for n, text in enumerate(HOSTILE, start=1)])
    records = observation_records(register, frozenset({"AZ-01"}), Translator("it"))
    path = tmp_path / "90-osservazioni.yaml"
    path.write_text(observations_yaml(records, "# a heading: with\nlines"), encoding="utf-8")
    loaded = sources.load(path, str(path))
    assert loaded.problems == [] and loaded.source is not None
    observations = loaded.source.data["observations"]
    assert [o["text"] for o in observations] == [*HOSTILE[:4], "riga\u2028separatoretesto"]
    assert all(set(o) == {"on", "by", "origin", "source", "date", "text"} for o in observations)
    assert observations[0]["by"] == 'Anna: "A" #1'


def test_the_written_observations_check_clean_in_a_plan(tmp_path: Path) -> None:
    plan = overlay(CASES / "review" / "new", tmp_path / "plan")
    register = Register([entry(1, "Va bene."), entry(2, "Concordo.", REPLY, reply_to=1)])
    records = observation_records(register, frozenset({"AZ-01"}), Translator("it"))
    (plan / "90-osservazioni.yaml").write_text(observations_yaml(records, "osservazioni"), encoding="utf-8")
    run = planc("check", "--strict", "--format", "json", str(plan))
    assert (run.exit_code, run.diagnostics) == (0, [])
    assert len(records) == 1 and records[0]["text"] == 'Va bene.\n\nRisposta di Anna: "A" #1: Concordo.'


@pytest.mark.parametrize(
    "parts",
    [
        {"word/document.xml": b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"},
        {"content.xml": b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;</x>"},
        {"mimetype": b"application/pdf"},
    ],
    ids=["broken-xml", "no-text", "neither"],
)
def test_a_document_planc_cannot_read_is_refused(parts: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "reviewed.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(UnreadableDocument):
        read_reviewed(path)


def test_a_part_that_would_unpack_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (65 * 1024 * 1024) + b"/>")
    with pytest.raises(UnreadableDocument, match="too large"):
        read_reviewed(path)


def test_build_since_a_version_that_cannot_be_found_writes_nothing(tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    run = planc("build", str(plan), "-o", str(tmp_path / "out"), "--since", "v9", "--published", str(tmp_path))
    assert run.exit_code == 2 and "«v9»" in run.stderr
    assert not (tmp_path / "out").exists()
