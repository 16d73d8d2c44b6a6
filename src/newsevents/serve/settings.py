"""Settings of the HTTP service: one object, filled from options and the environment."""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

from ..errors import ConfigError

TOKEN_ENV = "NEWSEVENTS_TOKEN"
LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


@dataclass
class ServeSettings:
    """What `newsevents serve` is started with.

    `token` guards writing always, and reading too when the server listens beyond the
    loopback interface; None means no token (writing is then refused).
    """

    db: str = "newsevents.duckdb"
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_body_bytes: int = 2_000_000  # one POST /documents body
    max_page_size: int = 500  # rows per page of a list
    default_page_size: int = 50
    max_download_rows: int = 100_000  # rows of one JSONL/CSV download
    request_timeout: float = 30.0  # seconds for one request, analysis included
    read_lock_wait: float = 2.0  # seconds to wait for a writer before the first snapshot exists
    write_lock_wait: float = 10.0  # seconds a POST waits for another writer (an ingest) to finish
    max_pending_analyses: int = 2  # analyses running or queued; more are answered 429
    model: str | None = None  # spaCy pipeline for POST /documents (default: the library's)

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def read_needs_token(self) -> bool:
        return not self.loopback

    def check(self) -> None:
        """Raises:
            ConfigError: the settings cannot be served safely (no token beyond loopback, bad limits).
        """
        if self.token is not None and not self.token.strip():
            raise ConfigError("the token is empty; set --token or NEWSEVENTS_TOKEN to a secret string")
        if self.read_needs_token and not self.token:
            raise ConfigError(f"listening on {self.host} (beyond loopback) needs a token: "
                              f"set --token or {TOKEN_ENV}")
        for name in ("max_body_bytes", "max_page_size", "default_page_size", "max_download_rows"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1")
        if self.default_page_size > self.max_page_size:
            raise ConfigError("default_page_size must not exceed max_page_size")
        if self.request_timeout <= 0:
            raise ConfigError("request_timeout must be positive")


def is_loopback(host: str) -> bool:
    """True when `host` names only the local machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def token_from_env() -> str | None:
    return os.environ.get(TOKEN_ENV) or None
