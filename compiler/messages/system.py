"""Why the operating system refused something, in the user's language (``strerror`` is English)."""

from __future__ import annotations

import errno

from compiler.messages.diagnostics import Text, msg

_REASONS = {
    errno.EACCES: msg("permission denied"),
    errno.EPERM: msg("permission denied"),
    errno.ENOENT: msg("it does not exist"),
    errno.ENOSPC: msg("the disk is full"),
    errno.EDQUOT: msg("the disk quota is used up"),
    errno.EROFS: msg("the disk is read-only"),
    errno.EISDIR: msg("it is a folder"),
    errno.ENOTDIR: msg("a part of the path is not a folder"),
    errno.ELOOP: msg("the links loop back on themselves"),
    errno.EEXIST: msg("it already exists"),
    errno.ENOTEMPTY: msg("it already exists"),
    errno.EIO: msg("the disk cannot be read or written"),
    errno.ENAMETOOLONG: msg("the name is too long"),
}


def reason(error: OSError) -> Text:
    """What went wrong, in words: a known cause, or the system's own text."""
    known = _REASONS.get(error.errno or 0)
    return known if known is not None else msg("{detail}", detail=error.strerror or str(error))
