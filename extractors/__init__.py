"""Extractors: one module per paper type, registered by type.

An extractor consumes only the document model (:mod:`boardpack.core.model`) and
returns rows for the store. Adding a paper type is one new module decorated
with :func:`register`.
"""

from __future__ import annotations

import importlib

from boardpack.extractors.base import (  # noqa: F401
    EXTRACTORS,
    WHOLE_DOCUMENT,
    ExtractContext,
    Extractor,
    ExtractResult,
    extract_document,
    extract_paper,
    register,
    row_id,
)

__all__ = ["EXTRACTORS", "ExtractContext", "Extractor", "ExtractResult", "extract_paper", "extract_document", "register", "row_id", "WHOLE_DOCUMENT", "load_all"]

# Modules imported by load_all(); each registers itself. Listed here (not
# discovered by globbing) so packaging and import errors are visible.
EXTRACTOR_MODULES = (
    "meetings",
    "agenda",
    "minutes",
    "reports",
    "action_plans",
    "budgets",
    "indicators",
    "people",
    "status_tables",
)


def load_all() -> dict:
    """Import every extractor module (each registers itself); the registry."""
    for name in EXTRACTOR_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return EXTRACTORS
