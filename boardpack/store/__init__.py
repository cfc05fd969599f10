"""The store: the SQLite database (:mod:`.database`), the cross-document link
stage (:mod:`.linking`), audits, search and the documented views' descriptions.

Depends on the core, the schema and the extractors' row types only.
"""
