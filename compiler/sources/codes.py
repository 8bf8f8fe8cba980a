"""The problems found while finding and reading plan files (part of ``planc codes``)."""

from __future__ import annotations

from compiler.messages.diagnostics import error, msg, warning

NO_PLAN_FILES = error("no-plan-files", msg("The plan folder holds no .yaml or .yml file."))
IGNORED_FILE = error("ignored-file", msg("An entry that looks like a plan file cannot be read as one."))
OUTSIDE_PLAN_FOLDER = error("outside-plan-folder", msg("A link in the plan folder leads out of it."))
UNREADABLE_FILE = error("unreadable-file", msg("A plan file cannot be opened."))
FILE_TOO_LARGE = error("file-too-large", msg("A plan file is larger than 2 MiB."))
ENCODING = error("encoding", msg("A plan file is not saved as UTF-8."))
CONTROL_CHARACTER = error("control-character", msg("An invisible control character is in the text."))
BIDI_CHARACTER = error("bidi-character", msg("An invisible text-direction character is in the text."))
YAML_SYNTAX = error("yaml-syntax", msg("The YAML structure is broken."))
YAML_TAB = error("yaml-tab", msg("A tab is used for indentation."))
YAML_COLON = error("yaml-colon", msg("A value contains “: ”, so YAML reads a new key."))
MISSING_COLON = error("missing-colon", msg("A key is written without the colon after it."))
YAML_ANCHOR = error("yaml-anchor", msg("YAML anchors or aliases are used."))
YAML_TAG = error("yaml-tag", msg("An explicit YAML tag such as !!python/object is used."))
MULTIPLE_DOCUMENTS = error("multiple-documents", msg("A file holds more than one YAML document."))
TOO_DEEP = error("too-deep", msg("The data is nested too deeply."))
DUPLICATE_KEY = error("duplicate-key", msg("A key is written twice in the same block."))
KEY_NOT_TEXT = error("key-not-text", msg("A key is a number, a boolean or a list instead of a word."))
KEY_SPACES = error("key-spaces", msg("A key has spaces at its edges or a non-breaking space."))
UNPRINTABLE_CHARACTER = warning(
    "unprintable-character", msg("A character no font of the PDF has: the PDF shows □ instead.")
)
MISSING_FONT = warning(
    "missing-font", msg("A font the PDF needs for some of the text is not installed: the PDF shows □ instead.")
)
COMMENT_IN_VALUE = warning("comment-in-value", msg("“ #” cut a value short: the rest became a comment."))
EMPTY_FILE = error("empty-file", msg("A plan file is empty."))
NOT_A_MAPPING = error("not-a-mapping", msg("A plan file does not start with section names."))
CSV_HEADER = error("csv-header", msg("The first row of a CSV table does not name its columns as planc expects."))
CSV_ROW = error("csv-row", msg("A row of a CSV table cannot be read: extra cells or a broken quote."))
CSV_NUMBER = error("csv-number", msg("A number in a CSV table could be read as two different numbers."))

CODES = (
    NO_PLAN_FILES,
    IGNORED_FILE,
    OUTSIDE_PLAN_FOLDER,
    UNREADABLE_FILE,
    FILE_TOO_LARGE,
    ENCODING,
    CONTROL_CHARACTER,
    BIDI_CHARACTER,
    YAML_SYNTAX,
    YAML_TAB,
    YAML_COLON,
    MISSING_COLON,
    YAML_ANCHOR,
    YAML_TAG,
    MULTIPLE_DOCUMENTS,
    TOO_DEEP,
    DUPLICATE_KEY,
    KEY_NOT_TEXT,
    KEY_SPACES,
    UNPRINTABLE_CHARACTER,
    MISSING_FONT,
    COMMENT_IN_VALUE,
    EMPTY_FILE,
    NOT_A_MAPPING,
    CSV_HEADER,
    CSV_ROW,
    CSV_NUMBER,
)
