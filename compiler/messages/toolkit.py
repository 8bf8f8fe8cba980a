"""The command-line toolkit's own words (click's), kept in planc's catalogue for usage errors and help.

click asks gettext for each of its messages; ``cli`` makes planc's catalogue gettext's default
domain (``translate.speak_the_users_language_in_the_toolkit``). The words are listed here only so
that ``make messages`` extracts them and keeps them in the catalogue; nothing else reads them.
"""

from __future__ import annotations

from compiler.messages.diagnostics import Text, msg


def plural(one: str, many: str) -> tuple[str, str]:
    """Mark a singular/plural pair for the catalogue (``make messages`` extracts ``plural:1,2``)."""
    return one, many


WORDS: tuple[Text, ...] = (
    msg("Usage:"),
    msg("Options"),
    msg("Commands"),
    msg("Show this message and exit."),
    msg("Error: {message}"),
    msg("Try '{command} {option}' for help."),
    msg("Invalid value for {param_hint}: {message}"),
    msg("Invalid value: {message}"),
    msg("Missing argument"),
    msg("Missing option"),
    msg("Missing parameter"),
    msg("Missing command."),
    msg("No such command {name!r}."),
    msg("No such option {name!r}."),
    msg("Option {name!r} does not take a value."),
    msg("Aborted!"),
    msg("default: {default}"),
    msg("directory"),
    msg("file"),
    msg("path"),
    msg("{name} {filename!r} does not exist."),
    msg("{name} {filename!r} is a file."),
    msg("{name} {filename!r} is a directory."),
    msg("{name} {filename!r} is not readable."),
    msg("{name} {filename!r} is not writable."),
)
PLURALS: tuple[tuple[str, str], ...] = (
    plural("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    plural("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    plural("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    plural("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)
