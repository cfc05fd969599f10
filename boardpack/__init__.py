"""boardpack: legacy council board packs (PDF, DOCX, DOC) into a normalised SQLite store.

The pipeline has visible stages: read -> clean -> segment -> extract -> store
(and, across documents, link). What every stage shares is in ``boardpack.core``;
readers, cleaning and segmentation in ``boardpack.ingest``; extractors in
``boardpack.extractors``; DDL and migrations in ``boardpack.schema``; the
database, linking and audits in ``boardpack.store``; the surfaces (pipeline,
batch runner, CLI, serve, export, eval) are the modules of this package.
"""

from boardpack.core.identity import PARSER_VERSION  # noqa: F401  (part of the public surface)

__version__ = "0.1.0"
