"""The core: what every stage shares and that depends on nothing else of the project.

The document model (:mod:`.model`), row and plan identity (:mod:`.identity`),
settings (:mod:`.settings`), errors, text normalisation and the parsers of
dates, periods, money, names and status words. Nothing here imports a reader,
an extractor, the store or a surface (``tests/test_layers.py`` holds that).
"""
