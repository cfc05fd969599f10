"""boardpack: legacy council board packs (PDF, DOCX, DOC) into a normalised SQLite store.

The pipeline has visible stages: read -> clean -> segment -> extract -> store
(and, across documents, link). Readers live in ``boardpack.ingest``, extractors
in ``boardpack.extractors``, DDL and migrations in ``boardpack.schema``.
"""

__version__ = "0.1.0"
# Bumped whenever readers or extractors change what they produce; stored with
# every file so a re-ingest after an upgrade can be detected.
PARSER_VERSION = "1"
