"""Make reviewed documents the way reviewers do: comments added with python-docx, and with LibreOffice itself.

python-docx (test-only) adds comments to a DOCX planc built; replies, the resolved state and tracked
changes, which it does not write, are added to the XML as Word writes them (``commentsExtended.xml``,
``w:ins``/``w:del``). ``LibreOffice`` converts between DOCX and ODT and runs a Basic macro that comments
a document through LibreOffice's own API.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.text.paragraph import Paragraph
from docx.text.run import Run

TIMEOUT = 120
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
EXTENDED = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">{items}</w15:commentsEx>'
)
EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
EXTENDED_RELATION = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


@dataclass(frozen=True)
class Comment:
    """A comment to place: on which paragraphs (first and last), what it says, who says it."""

    first: str  #: the start of the text of the paragraph or table cell where it starts
    text: str
    author: str
    last: str | None = None  #: where it ends, if not in the same paragraph
    after: str | None = None  #: look only after the paragraph that starts so (a heading)


def paragraphs(document: docx.document.Document) -> list[Paragraph]:
    """Every paragraph of the body, those in table cells included, in reading order."""
    found: list[Paragraph] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            found.append(block)
        else:
            found.extend(p for row in block.rows for cell in row.cells for p in cell.paragraphs)
    return found


def runs(paragraph: Paragraph) -> list[Run]:
    """The runs of ``paragraph``, those inside links included, in reading order."""
    found: list[Run] = []
    for item in paragraph.iter_inner_content():
        found.extend([item] if isinstance(item, Run) else item.runs)
    return found


_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\s+")


def _heading(paragraph: Paragraph) -> bool:
    return paragraph.style is not None and (paragraph.style.name or "").startswith("Heading")


def _title(paragraph: Paragraph) -> str:
    """A heading's text without the section number pandoc writes before it (``11``, ``3.2``)."""
    return _SECTION_NUMBER.sub("", paragraph.text, count=1)


def find(document: docx.document.Document, start: str, after: str | None = None) -> Paragraph:
    """The first paragraph (table cells included) whose text starts with ``start``, after ``after``."""
    candidates = paragraphs(document)
    if after is not None:
        candidates = candidates[
            next(i for i, p in enumerate(candidates) if _heading(p) and _title(p).startswith(after)) :
        ]
    for paragraph in candidates:
        if paragraph.text.startswith(start) and runs(paragraph):
            return paragraph
    raise AssertionError(f"no paragraph starts with {start!r}")


def comment_with_python_docx(source: Path, target: Path, comments: Sequence[Comment]) -> None:
    """Add ``comments`` to a copy of ``source`` with python-docx's own comment API."""
    document = docx.Document(str(source))
    for comment in comments:
        first = find(document, comment.first, comment.after)
        last = find(document, comment.last) if comment.last else first
        initials = "".join(word[0] for word in comment.author.split())
        document.add_comment(
            [runs(first)[0], runs(last)[-1]], text=comment.text, author=comment.author, initials=initials
        )
    document.save(str(target))


def add_thread(path: Path, replies: dict[int, int], resolved: Sequence[int]) -> None:
    """Make comment ``key`` a reply to ``value`` and mark ``resolved`` ones done, as Word 2013 on does."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    comments = parts["word/comments.xml"].decode()
    for key in re.findall(r'<w:comment [^>]*w:id="(\d+)"', comments):
        comments = re.sub(
            rf'(<w:comment [^>]*w:id="{key}"[^>]*>\s*<w:p)\b',
            rf'\1 xmlns:w14="{W14}" w14:paraId="{int(key) + 1:08X}"',
            comments,
            count=1,
        )
    parts["word/comments.xml"] = comments.encode()
    items = []
    for key in re.findall(r'<w:comment [^>]*w:id="(\d+)"', comments):
        number = int(key)
        parent = f' w15:paraIdParent="{replies[number] + 1:08X}"' if number in replies else ""
        done = "1" if number in resolved else "0"
        items.append(f'<w15:commentEx w15:paraId="{number + 1:08X}"{parent} w15:done="{done}"/>')
    parts["word/commentsExtended.xml"] = EXTENDED.format(items="".join(items)).encode()
    types = parts["[Content_Types].xml"].decode()
    override = f'<Override PartName="/word/commentsExtended.xml" ContentType="{EXTENDED_TYPE}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    relations = parts["word/_rels/document.xml.rels"].decode()
    relation = f'<Relationship Id="rIdPlancThreads" Type="{EXTENDED_RELATION}" Target="commentsExtended.xml"/>'
    parts["word/_rels/document.xml.rels"] = relations.replace(
        "</Relationships>", relation + "</Relationships>"
    ).encode()
    _write(path, parts)


def track_replacement(path: Path, old: str, new: str, author: str, date: str) -> None:
    """Replace ``old`` (the whole text of one run) by ``new`` as a tracked deletion and insertion."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode()
    run = re.compile(
        rf"<w:r>((?:(?!</w:r>).)*?)<w:t(?: [^>]*)?>([^<]*){re.escape(escape(old))}([^<]*)</w:t></w:r>", re.S
    )
    # In the body, after the table of contents (which lists the headings too), as a reviewer would.
    contents = document.find('<w:docPartGallery w:val="Table of Contents"')
    found = run.search(document, document.find("</w:sdt>", contents) if contents >= 0 else 0)
    assert found is not None, f"no run holds {old!r}"
    properties, before, after = found.group(1), found.group(2), found.group(3)
    stamp = f'w:author="{escape(author)}" w:date="{date}T10:00:00Z"'
    replacement = (
        f'<w:r>{properties}<w:t xml:space="preserve">{before}</w:t></w:r>'
        f'<w:del w:id="9001" {stamp}><w:r>{properties}<w:delText>{escape(old)}</w:delText></w:r></w:del>'
        f'<w:ins w:id="9002" {stamp}><w:r>{properties}<w:t>{escape(new)}</w:t></w:r></w:ins>'
        f'<w:r>{properties}<w:t xml:space="preserve">{after}</w:t></w:r>'
    )
    parts["word/document.xml"] = (document[: found.start()] + replacement + document[found.end() :]).encode()
    _write(path, parts)


def _write(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


MACRO = r"""
Function Locate(oDoc, sWhere As String)
  REM "HEADING>>TEXT": the first TEXT after the paragraph that starts with HEADING; or just "TEXT".
  nSplit = InStr(1, sWhere, ">>", 0)
  If nSplit > 0 Then
    sAfter = Left(sWhere, nSplit - 1)
    sText = Mid(sWhere, nSplit + 2)
  Else
    sAfter = ""
    sText = sWhere
  End If
  bPast = (sAfter = "")
  oEnum = oDoc.getText().createEnumeration()
  Do While oEnum.hasMoreElements()
    oPart = oEnum.nextElement()
    If oPart.supportsService("com.sun.star.text.Paragraph") Then
      sStyle = LCase(oPart.ParaStyleName)
      REM The table of contents lists the headings too: a reviewer comments on the heading itself.
      bContents = Left(sStyle, 8) = "contents" Or Left(sStyle, 3) = "toc"
      If Not bPast And Not bContents And InStr(1, oPart.getString(), sAfter, 0) = 1 Then
        bPast = True
      ElseIf bPast And Not bContents And InStr(1, oPart.getString(), sText, 0) = 1 Then
        Locate = oPart
        Exit Function
      End If
    ElseIf bPast And oPart.supportsService("com.sun.star.text.TextTable") Then
      For Each sName In oPart.getCellNames()
        oCell = oPart.getCellByName(sName)
        If InStr(1, oCell.getString(), sText, 0) = 1 Then
          oCursor = oCell.getText().createTextCursorByRange(oCell.getText().getStart())
          oCursor.gotoEnd(True)
          Locate = oCursor
          Exit Function
        End If
      Next sName
    End If
  Loop
End Function

Sub AddNote(oDoc, sText As String, sAuthor As String, sSaid As String)
  oAt = Locate(oDoc, sText)
  oField = oDoc.createInstance("com.sun.star.text.textfield.Annotation")
  oField.Author = sAuthor
  oField.Content = sSaid
  oAt.getText().insertTextContent(oAt.getEnd(), oField, False)
End Sub

Sub Review(sIn As String, sOut As String, sPlan As String)
  On Error Goto Failed
  Dim args(1) As New com.sun.star.beans.PropertyValue
  args(0).Name = "URL"
  args(0).Value = ConvertToURL(sIn)
  args(1).Name = "FilterName"
  args(1).Value = "MS Word 2007 XML"
  oDoc = createUnoService("com.sun.star.text.TextDocument")
  oDoc.load(args())
  oLines = Split(sPlan, "|")
  For i = 0 To UBound(oLines) - 2 Step 3
    AddNote oDoc, oLines(i), oLines(i + 1), oLines(i + 2)
  Next i
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "MS Word 2007 XML"
  oDoc.storeToURL(ConvertToURL(sOut & ".docx"), out())
  out(0).Value = "writer8"
  oDoc.storeToURL(ConvertToURL(sOut & ".odt"), out())
  oDoc.close(True)
  Exit Sub
Failed:
  n = FreeFile
  Open sOut & ".log" For Output As #n
  Print #n, "error " & Err & ": " & Error$ & " (line " & Erl & ")"
  Close #n
End Sub
"""
MODULE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    'script:language="StarBasic">{code}</script:module>\n'
)


@dataclass(frozen=True)
class LibreOffice:
    """Headless LibreOffice with a private profile in ``folder``."""

    folder: Path

    def run(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run soffice in a session of its own, so that a hung one is stopped with all its children."""
        soffice = shutil.which("soffice")
        assert soffice is not None, "soffice is not installed: run `make clients`"
        profile = f"-env:UserInstallation={(self.folder / 'profile').as_uri()}"
        command = [soffice, "--headless", "--norestore", profile, *arguments]
        environment = {**os.environ, "HOME": str(self.folder)}
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, start_new_session=True
        ) as process:
            try:
                out, err = process.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                out, err = process.communicate()
            return subprocess.CompletedProcess(command, process.returncode, out, err)

    def convert(self, source: Path, kind: str, out: Path) -> Path:
        """``source`` saved by LibreOffice as ``kind`` (odt, docx) in folder ``out``."""
        out.mkdir(parents=True, exist_ok=True)
        result = self.run("--convert-to", kind, "--outdir", str(out), str(source))
        converted = out / f"{source.stem}.{kind}"
        assert converted.is_file(), result.stdout + result.stderr
        return converted

    def comment(self, source: Path, target: Path, comments: Sequence[tuple[str, str, str]]) -> tuple[Path, Path]:
        """Comment ``source`` (a DOCX) with LibreOffice's API (a point comment at the end of each located text).

        Each comment is (the text its paragraph or table cell starts with, or ``HEADING>>TEXT`` for the
        first such text after a heading, author, comment); LibreOffice
        saves the result as ``target``.docx and ``target``.odt.
        """
        basic = self.folder / "profile" / "user" / "basic" / "Standard"
        if not basic.is_dir():  # the first start makes the profile; the macro goes in afterwards
            self.run("--terminate_after_init")
        (basic / "Module1.xba").write_text(MODULE.format(code=escape(MACRO, {'"': "&quot;"})), encoding="utf-8")
        log = target.with_suffix(".log")
        log.unlink(missing_ok=True)
        plan = "|".join(part for triple in comments for part in triple)
        call = f'macro:///Standard.Module1.Review("{source}","{target}","{plan}")'
        result = self.run(call)
        made = (target.with_suffix(".docx"), target.with_suffix(".odt"))
        assert not log.exists(), log.read_text(encoding="utf-8")
        assert all(path.is_file() for path in made), result.stdout + result.stderr
        return made
