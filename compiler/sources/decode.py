"""Turn a plan file's bytes into text: its size, its encoding."""

from __future__ import annotations

from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.sources import codes

MAX_BYTES = 2 * 1024 * 1024


def too_large(file: str, size: int) -> Diagnostic:
    return codes.FILE_TOO_LARGE.at(
        Where(file),
        msg("The file is {size} bytes; a plan file may be at most {limit} bytes.", size=size, limit=MAX_BYTES),
        msg("Split it into several .yaml files: list sections such as actions can continue in another file."),
    )


def decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            codes.ENCODING.at(
                Where(file),
                msg("The file is saved as UTF-16; plan files must be UTF-8."),
                msg("Save the file again choosing the UTF-8 encoding."),
            )
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        where = Where(file, before.count(b"\n") + 1, column)
        byte = f"0x{raw[exc.start]:02X}"
        return None, [
            codes.ENCODING.at(
                where,
                msg(
                    "The text is not valid UTF-8 (byte {byte}): the file was probably saved as Latin-1 or Windows-1252.",
                    byte=byte,
                ),
                msg(
                    'Save the file again choosing the UTF-8 encoding (in LibreOffice or Notepad: "Save as", encoding UTF-8).'
                ),
            )
        ]
