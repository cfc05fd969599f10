"""Typed exceptions raised by the library; only the CLI turns them into one-line messages."""

from __future__ import annotations

import os
from typing import Optional


class BoardpackError(Exception):
    """Base class: every error the library raises on purpose."""

    #: pipeline stage the error belongs to (read, clean, segment, extract, store)
    stage = "read"

    def __init__(self, message: str, path: str | bytes | os.PathLike | None = None, stage: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        if stage:
            self.stage = stage

    def one_line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message}".replace("\n", " ")


class UnsupportedFormat(BoardpackError):
    """The file's bytes are not PDF, DOCX or DOC (whatever its extension says)."""


class UnreadableDocument(BoardpackError):
    """The file has a known format but cannot be parsed (truncated, corrupt, empty)."""


class EncryptedDocument(UnreadableDocument):
    """The file is password protected."""


class ConverterMissing(BoardpackError):
    """An external converter (LibreOffice) is needed but not installed."""


class ConversionFailed(UnreadableDocument):
    """An external converter ran but produced nothing usable (or timed out)."""


class StoreError(BoardpackError):
    """The database cannot be opened or written (locked, read-only, not a database)."""

    stage = "store"


class SettingsError(BoardpackError, ValueError):
    """A settings value is missing, of the wrong type or out of range."""

    stage = "settings"
