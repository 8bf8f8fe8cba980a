"""Who may talk to ``planc serve``: this machine's browser, through the address with the token.

A request is refused (403) unless its Host is the server's own address (a web page elsewhere
cannot reach it by renaming a domain to 127.0.0.1), its Origin (if any) is the server's own, it
is not a cross-site request, and its path starts with the random token printed at start.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

#: Headers on every answer: no address (with its token) leaks to a site a link points to, no
#: other site frames the pages, no type sniffing.
HEADERS = {
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}
#: The policy of planc's own pages: their script and style only, and forms only to themselves.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'"
)
#: The policy of the document itself (as in the built page: no script at all).
DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self'"
)


def new_token() -> str:
    """A fresh random token for the address (printed once, never stored)."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Guard:
    """The server's own address and token."""

    port: int
    token: str

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    @property
    def url(self) -> str:
        """The address to open."""
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    def allows(self, path: str, headers: Mapping[str, str]) -> bool:
        """Whether a request with this path and these (lower-case) headers may be answered."""
        if headers.get("host", "").lower() not in self.hosts:
            return False
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in {f"http://{host}" for host in self.hosts}:
            return False
        if headers.get("sec-fetch-site", "same-origin") == "cross-site":
            return False
        first = path.lstrip("/").split("/", 1)[0]
        return hmac.compare_digest(first.encode("utf-8", "replace"), self.token.encode("ascii"))
