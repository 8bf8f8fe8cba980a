"""The problems found by checking each plan file against the schema (part of ``planc codes``)."""

from __future__ import annotations

from compiler.messages.diagnostics import error, msg

UNKNOWN_KEY = error("unknown-key", msg("A section or field name is not part of the plan format."))
MISSING_FIELD = error("missing-field", msg("A required field is missing."))
WRONG_TYPE = error("wrong-type", msg("A value has the wrong type, such as a number where text is expected."))
EMPTY_VALUE = error("empty-value", msg("A value is empty or only spaces."))
INVALID_VALUE = error("invalid-value", msg("A value is not one of the allowed choices."))
INVALID_ID = error("invalid-id", msg("An id has characters an id cannot have."))
INVALID_DATE = error("invalid-date", msg("A date is not written as YYYY, YYYY-MM or YYYY-MM-DD, or does not exist."))
INVALID_URL = error("invalid-url", msg("A web address does not start with https:// or http://."))
INVALID_FORMAT = error("invalid-format", msg("A value is not in the format its field expects."))
TOO_LONG = error("too-long", msg("A text is longer than its field allows."))
OUT_OF_RANGE = error("out-of-range", msg("A number is below the minimum or above the maximum."))

CODES = (
    UNKNOWN_KEY,
    MISSING_FIELD,
    WRONG_TYPE,
    EMPTY_VALUE,
    INVALID_VALUE,
    INVALID_ID,
    INVALID_DATE,
    INVALID_URL,
    INVALID_FORMAT,
    TOO_LONG,
    OUT_OF_RANGE,
)
