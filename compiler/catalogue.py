"""Every diagnostic code planc reports, with its default severity and what it means.

This is the user documentation of the messages: ``planc codes`` prints it in the plan's
language. A test checks that it lists exactly the codes the code can emit, and that each
one has a failing case in ``tests/``.
"""

from __future__ import annotations

from compiler.diagnostics import Severity, Text, msg

E, W = Severity.ERROR, Severity.WARNING

#: Problems found while reading files, checking them against the schema and merging them.
READING: dict[str, tuple[Severity, Text]] = {
    "no-plan-files": (E, msg("The plan folder holds no .yaml file.")),
    "ignored-file": (W, msg("A .yml file is not read: plan files end in .yaml.")),
    "unreadable-file": (E, msg("A plan file cannot be opened.")),
    "file-too-large": (E, msg("A plan file is larger than 2 MiB.")),
    "encoding": (E, msg("A plan file is not saved as UTF-8.")),
    "control-character": (E, msg("An invisible control character is in the text.")),
    "bidi-character": (E, msg("An invisible text-direction character is in the text.")),
    "yaml-syntax": (E, msg("The YAML structure is broken.")),
    "yaml-tab": (E, msg("A tab is used for indentation.")),
    "yaml-colon": (E, msg("A value contains “: ”, so YAML reads a new key.")),
    "yaml-anchor": (E, msg("YAML anchors or aliases are used.")),
    "yaml-tag": (E, msg("An explicit YAML tag such as !!python/object is used.")),
    "multiple-documents": (E, msg("A file holds more than one YAML document.")),
    "too-deep": (E, msg("The data is nested too deeply.")),
    "duplicate-key": (E, msg("A key is written twice in the same block.")),
    "key-not-text": (E, msg("A key is a number, a boolean or a list instead of a word.")),
    "key-spaces": (E, msg("A key has spaces at its edges or a non-breaking space.")),
    "unprintable-character": (W, msg("A character no font of the PDF has: the PDF shows □ instead.")),
    "comment-in-value": (W, msg("“ #” cut a value short: the rest became a comment.")),
    "empty-file": (E, msg("A plan file is empty.")),
    "not-a-mapping": (E, msg("A plan file does not start with section names.")),
    "unknown-key": (E, msg("A section or field name is not part of the plan format.")),
    "missing-field": (E, msg("A required field is missing.")),
    "wrong-type": (E, msg("A value has the wrong type, such as a number where text is expected.")),
    "empty-value": (E, msg("A value is empty or only spaces.")),
    "invalid-value": (E, msg("A value is not one of the allowed choices.")),
    "invalid-id": (E, msg("An id has characters an id cannot have.")),
    "invalid-date": (E, msg("A date is not written as YYYY, YYYY-MM or YYYY-MM-DD, or does not exist.")),
    "invalid-url": (E, msg("A web address does not start with https:// or http://.")),
    "invalid-format": (E, msg("A value is not in the format its field expects.")),
    "too-long": (E, msg("A text is longer than its field allows.")),
    "out-of-range": (E, msg("A number is below the minimum or above the maximum.")),
    "section-repeated": (E, msg("A section that must appear once is written in two files.")),
    "missing-section": (E, msg("The plan has no “plan” section.")),
}

#: Cross-document rules, documented by their modules.
CROSS_CHECKS: dict[str, tuple[Severity, Text]] = {
    "duplicate-id": (E, msg("An id is used by two objects.")),
    "unknown-reference": (E, msg("A reference names an id that does not exist.")),
    "wrong-reference-kind": (E, msg("A reference names an object of the wrong kind.")),
    "repeated-reference": (W, msg("An id is listed twice in the same list.")),
    "owner-is-partner": (E, msg("An action's owner is also one of its partners.")),
    "chair-not-member": (W, msg("A governance body's chair is not one of its members.")),
    "reference-cycle": (E, msg("Parents or reporting lines go round in a circle.")),
    "date-order": (E, msg("A period ends before it starts.")),
    "outside-period": (E, msg("An action starts before or ends after the plan period.")),
    "indicator-years": (E, msg("An indicator's baseline year is after its target year.")),
    "target-outside-period": (E, msg("An indicator's target year is outside the plan period.")),
    "target-direction": (W, msg("An indicator's target does not move in its declared direction.")),
    "objective-without-action": (W, msg("An objective has no action.")),
    "objective-without-indicator": (W, msg("An objective has no indicator.")),
    "organisation-without-role": (W, msg("An organisation has no role in the plan.")),
}

CATALOGUE: dict[str, tuple[Severity, Text]] = {**READING, **CROSS_CHECKS}
