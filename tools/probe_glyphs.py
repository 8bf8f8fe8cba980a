"""Find which characters each of the PDF's fonts can print, by asking Typst itself; writes compiler/glyphs/table.py.

The PDF is PDF/A, so Typst refuses any character that no font in its fallback chain has, and
names every such character in its error. This script compiles probe documents with the same
standards as planc, font by font: Typst's own fonts (always there), then each Noto family planc
uses from Debian's packages (``make fonts`` installs them), and records the printable ranges of
each. Run it after upgrading the ``typst`` wheel or the Noto packages:
``.venv/bin/python tools/probe_glyphs.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import typst

ROOT = Path(__file__).resolve().parent.parent
FONTS_ROOT = Path("/usr/share/fonts")
LIMIT = 0x32400  # up to the CJK extensions of the Tertiary Ideographic Plane
SKIP = {"Cc", "Cn", "Co", "Cs", "Zl", "Zp"}  # not text: controls, unassigned, private, surrogates, breaks
CHUNK = 1024
_MISSING = re.compile(r'the text `"(.+?)"` could not be displayed')
_STYLES = ("Regular", "Bold", "Italic", "BoldItalic")

#: The Noto families planc puts in the PDF when they are installed: family, Debian package, file
#: name stem under FONTS_ROOT, and the scripts (ISO 15924) for which the family comes first.
FAMILIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Noto Serif", "fonts-noto-core", "truetype/noto/NotoSerif", ()),
    ("Noto Naskh Arabic", "fonts-noto-core", "truetype/noto/NotoNaskhArabic", ("Arab", "Aran")),
    ("Noto Serif Hebrew", "fonts-noto-core", "truetype/noto/NotoSerifHebrew", ("Hebr",)),
    ("Noto Serif Devanagari", "fonts-noto-core", "truetype/noto/NotoSerifDevanagari", ("Deva",)),
    ("Noto Serif Bengali", "fonts-noto-core", "truetype/noto/NotoSerifBengali", ("Beng",)),
    ("Noto Serif Gujarati", "fonts-noto-core", "truetype/noto/NotoSerifGujarati", ("Gujr",)),
    ("Noto Serif Gurmukhi", "fonts-noto-core", "truetype/noto/NotoSerifGurmukhi", ("Guru",)),
    ("Noto Serif Tamil", "fonts-noto-core", "truetype/noto/NotoSerifTamil", ("Taml",)),
    ("Noto Serif Telugu", "fonts-noto-core", "truetype/noto/NotoSerifTelugu", ("Telu",)),
    ("Noto Serif Kannada", "fonts-noto-core", "truetype/noto/NotoSerifKannada", ("Knda",)),
    ("Noto Serif Malayalam", "fonts-noto-core", "truetype/noto/NotoSerifMalayalam", ("Mlym",)),
    ("Noto Serif Sinhala", "fonts-noto-core", "truetype/noto/NotoSerifSinhala", ("Sinh",)),
    ("Noto Serif Thai", "fonts-noto-core", "truetype/noto/NotoSerifThai", ("Thai",)),
    ("Noto Serif Lao", "fonts-noto-core", "truetype/noto/NotoSerifLao", ("Laoo",)),
    ("Noto Serif Khmer", "fonts-noto-core", "truetype/noto/NotoSerifKhmer", ("Khmr",)),
    ("Noto Serif Myanmar", "fonts-noto-core", "truetype/noto/NotoSerifMyanmar", ("Mymr",)),
    ("Noto Serif Tibetan", "fonts-noto-core", "truetype/noto/NotoSerifTibetan", ("Tibt",)),
    ("Noto Serif Armenian", "fonts-noto-core", "truetype/noto/NotoSerifArmenian", ("Armn",)),
    ("Noto Serif Georgian", "fonts-noto-core", "truetype/noto/NotoSerifGeorgian", ("Geor",)),
    ("Noto Serif Ethiopic", "fonts-noto-core", "truetype/noto/NotoSerifEthiopic", ("Ethi",)),
    ("Noto Serif CJK SC", "fonts-noto-cjk", "opentype/noto/NotoSerifCJK", ("Hans",)),
    ("Noto Serif CJK TC", "fonts-noto-cjk", "opentype/noto/NotoSerifCJK", ("Hant",)),
    ("Noto Serif CJK JP", "fonts-noto-cjk", "opentype/noto/NotoSerifCJK", ("Jpan",)),
    ("Noto Serif CJK KR", "fonts-noto-cjk", "opentype/noto/NotoSerifCJK", ("Kore",)),
    ("Noto Sans Symbols", "fonts-noto-core", "truetype/noto/NotoSansSymbols", ()),
    ("Noto Sans Symbols2", "fonts-noto-core", "truetype/noto/NotoSansSymbols2", ()),
)


class Probe:
    """One Typst compiler with a given set of fonts, asked which characters one font prints."""

    def __init__(self, folders: list[str]) -> None:
        self.compiler = typst.Compiler(root=str(ROOT), font_paths=folders, ignore_system_fonts=True)

    def missing(self, characters: list[str], font: str | None) -> set[str]:
        """The characters of the list that ``font`` (Typst's own chain if ``None``) cannot print."""
        # One paragraph a character: Typst 0.15 can panic shaping right-to-left runs with gaps.
        body = "\n\n".join(f'#"\\u{{{ord(c):x}}}"' for c in characters)
        chosen = f'font: "{font}", fallback: false' if font else 'font: "Libertinus Serif"'
        source = f'#set document(title: [x])\n#set text({chosen}, lang: "it")\n{body}\n'
        try:
            self.compiler.compile(input=source.encode(), pdf_standards=["a-2a", "ua-1"])
        except typst.TypstError as problem:
            found = {c for text in _MISSING.findall(str(problem.diagnostic)) for c in _unescape(text)} - {" "}
            if not found:
                raise
            return found
        return set()

    def printable(self, characters: list[str], font: str | None) -> list[str]:
        """The subset of ``characters`` that prints, asking again until Typst accepts all of it."""
        remaining = characters
        while remaining:
            missing = self.missing(remaining, font)
            if not missing:
                return remaining
            remaining = [c for c in remaining if c not in missing]
        return []


def _unescape(text: str) -> str:
    """Typst names a character as itself or as ``\\u{94d}``."""
    return re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), text)


def coverage(probe: Probe, font: str | None) -> list[tuple[int, int]]:
    """The ranges of code points ``font`` prints."""
    candidates = [chr(c) for c in range(0x20, LIMIT) if unicodedata.category(chr(c)) not in SKIP]
    found: list[int] = []
    for start in range(0, len(candidates), CHUNK):
        found.extend(ord(c) for c in probe.printable(candidates[start : start + CHUNK], font))
    ranges: list[tuple[int, int]] = []
    for point in found:
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return ranges


def _files(stem: str) -> list[tuple[str, int]]:
    """The installed files of a family (relative path and size), regular first."""
    found = []
    for style in _STYLES:
        for suffix in (".ttf", ".ttc", ".otf"):
            path = FONTS_ROOT / f"{stem}-{style}{suffix}"
            if path.is_file():
                found.append((str(path.relative_to(FONTS_ROOT)), path.stat().st_size))
    return found


def _ranges(ranges: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> str:
    """Ranges as lines of ``"4E00-9FFF 3400-4DBF "`` pieces: compact to store and quick to load."""
    pieces = [f"{a:04X}-{b:04X} " for a, b in ranges]
    lines = ["".join(pieces[index : index + 10]) for index in range(0, len(pieces), 10)]
    return "".join(f'    "{line}"\n' for line in lines)


def write_table(
    embedded: list[tuple[int, int]],
    families: list[tuple[str, str, list[tuple[str, int]], tuple[str, ...], list[tuple[int, int]]]],
) -> None:
    """Write compiler/glyphs/table.py; families that print the same characters share one string."""
    shared: dict[tuple[tuple[int, int], ...], str] = {}
    constants, entries = [], []
    for name, package, files, scripts, ranges in families:
        key = tuple(ranges)
        if key not in shared:
            shared[key] = f"_RANGES_{len(shared)}"
            constants.append(f"{shared[key]} = (\n{_ranges(key)})\n")
        entries.append(f"    ({name!r}, {package!r}, {tuple(files)!r}, {scripts!r}, {shared[key]}),\n")
    version = typst.__version__ if hasattr(typst, "__version__") else ""
    target = ROOT / "compiler" / "glyphs" / "table.py"
    target.write_text(
        f'"""Characters the PDF can print, font by font: generated by tools/probe_glyphs.py for typst {version}\n'
        "and Debian's Noto fonts. Do not edit.\n\n"
        'Each set of characters is a string of hexadecimal ranges, ``"0020-007E 00A0-00AC "``.\n"""\n\n'
        "#: A Noto family: name, Debian package, files (path under /usr/share/fonts, bytes), the scripts\n"
        "#: (ISO 15924) it comes first for, and the characters it prints.\n"
        "FamilyRow = tuple[str, str, tuple[tuple[str, int], ...], tuple[str, ...], str]\n\n"
        f"#: Typst's own fonts, always there.\nEMBEDDED = (\n{_ranges(embedded)})\n\n"
        + "\n".join(constants)
        + f"\nNOTO: tuple[FamilyRow, ...] = (\n{''.join(entries)})\n",
        encoding="utf-8",
    )
    subprocess.run([sys.executable, "-m", "ruff", "format", str(target)], check=True)


def main() -> int:
    families = [(name, package, _files(stem), scripts) for name, package, stem, scripts in FAMILIES]
    absent = [name for name, _package, files, _scripts in families if not files]
    if absent:
        print(f"not installed (run `make fonts`): {', '.join(absent)}", file=sys.stderr)
        return 1
    folders = sorted({str((FONTS_ROOT / files[0][0]).parent) for _n, _p, files, _s in families})
    known = set(typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=folders).families())
    unknown = [name for name, *_rest in families if name not in known]
    if unknown:  # Typst would print with another font and call the family's coverage its own
        print(f"no such family in the font files: {', '.join(unknown)}", file=sys.stderr)
        return 1
    embedded = coverage(Probe([]), None)
    print(f"Typst's own fonts: {len(embedded)} ranges", file=sys.stderr)
    probe = Probe(folders)
    probed = []
    for name, package, files, scripts in families:
        ranges = coverage(probe, name)
        print(f"{name}: {len(ranges)} ranges", file=sys.stderr)
        probed.append((name, package, files, scripts, ranges))
    write_table(embedded, probed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
