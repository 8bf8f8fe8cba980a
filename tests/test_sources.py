"""The strict loader: YAML 1.2-like scalars, refusals, positions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compiler import sources


def load_text(tmp_path: Path, text: str | bytes) -> sources.Loaded:
    path = tmp_path / "plan.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return sources.load(path, "plan.yaml")


@pytest.mark.parametrize(
    ("written", "loaded"),
    [
        ("NO", "NO"),
        ("No", "No"),
        ("on", "on"),
        ("yes", "yes"),
        ("00100", "00100"),
        ("0321123456", "0321123456"),
        ("12:30", "12:30"),
        ("1:20:00", "1:20:00"),
        ("2025-03-31", "2025-03-31"),
        ("1_000", "1_000"),
        ("=", "="),
        (".inf", ".inf"),
        ("true", True),
        ("false", False),
        ("28100", 28100),
        ("-3", -3),
        ("1.10", 1.1),
        ("1.0e3", 1000.0),
        ("~", None),
        ("", None),
    ],
)
def test_plain_scalars_keep_what_was_written(tmp_path: Path, written: str, loaded: object) -> None:
    result = load_text(tmp_path, f"value: {written}\n")
    assert result.source is not None, result.problems
    assert result.source.data == {"value": loaded}
    assert type(result.source.data["value"]) is type(loaded)


def test_quoted_scalars_are_always_text(tmp_path: Path) -> None:
    result = load_text(tmp_path, 'a: "true"\nb: \'12\'\nc: "2025"\n')
    assert result.source is not None
    assert result.source.data == {"a": "true", "b": "12", "c": "2025"}


def test_every_key_and_value_keeps_its_position(tmp_path: Path) -> None:
    result = load_text(tmp_path, "actions:\n  - id: AZ-01\n    partners: [ets-alfa, ets-beta]\n")
    document = result.source
    assert document is not None
    assert document.keys[("actions",)] == (1, 1)
    assert document.values[("actions", 0, "id")] == (2, 9)
    assert document.keys[("actions", 0, "partners")] == (3, 5)
    assert document.values[("actions", 0, "partners", 1)] == (3, 26)
    assert document.where(("actions", 0, "missing", 3)).line == 2


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    result = load_text(tmp_path, "città: più città\nb: x\n")
    assert result.source is not None
    assert result.source.values[("città",)] == (1, 8)


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    result = load_text(tmp_path, "\ufeffa: uno\r\nb: due\r\n".encode())
    assert result.problems == []
    assert result.source is not None
    assert result.source.data == {"a": "uno", "b": "due"}
    assert result.source.values[("b",)] == (2, 4)


def test_a_comment_after_one_space_is_flagged_but_an_ordinary_comment_is_not(tmp_path: Path) -> None:
    result = load_text(tmp_path, "a: vedi punto #3\nb: comune  # Comune di Prova\nc: x # nota\n")
    assert [(p.code, p.where.line, p.where.column) for p in result.problems] == [("comment-in-value", 1, 15)]
    assert result.source is not None
    assert result.source.data["a"] == "vedi punto"


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    result = load_text(tmp_path, "title: a\nversion: x\ntitle: b\n")
    (problem,) = result.problems
    assert (problem.code, problem.where.line, problem.message.args["first"]) == ("duplicate-key", 3, 1)


def test_a_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    levels += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    result = load_text(tmp_path, "\n".join(levels) + "\n")
    assert result.source is None
    assert [p.code for p in result.problems] == ["yaml-anchor"]


def test_deep_nesting_is_refused_with_a_position(tmp_path: Path) -> None:
    result = load_text(tmp_path, "a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert result.source is None
    (problem,) = result.problems
    assert problem.code in {"too-deep", "yaml-syntax"}
    assert problem.where.line == 1


def test_an_unreadable_file_is_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("a: 1\n")

    def refuse(_path: Path, _flags: int) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    result = sources.load(path, "plan.yaml")
    assert [p.code for p in result.problems] == ["unreadable-file"]


def test_discover_reads_yaml_and_yml_in_sorted_order_and_skips_hidden_files(tmp_path: Path) -> None:
    for name in ("b.yaml", "a/z.yml", "a/b.yaml", ".hidden.yaml", ".git/x.yaml", "notes.txt", "old.yaml~"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("a: 1\n")
    found, problems = sources.discover(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/b.yaml", "a/z.yml", "b.yaml"]
    assert problems == []
