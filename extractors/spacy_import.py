"""spaCy, imported without its command-line interface.

``import spacy`` also imports ``spacy.cli`` (to offer ``spacy.info``), and with
it typer, rich, weasel, httpx, requests and jinja2: about 17 MB and 0.14 CPU
seconds in every parse worker, none of which ever runs a spaCy command
(issue 10: two workers' memory). :func:`load_spacy` imports spaCy with a
stand-in for ``spacy.cli.info`` in place, then takes the stand-in away again,
so a later ``import spacy.cli`` (a user's own code, ``python -m spacy``) gets
the real package, and ``spacy.info()`` loads it when it is called.
"""

from __future__ import annotations

import sys
import types

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args, **kwargs):
    """``spacy.info``, from the real command-line package, imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def load_spacy() -> types.ModuleType:
    """The spaCy module; its command-line package is left unimported when spaCy is first imported here."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _STAND_INS):
        import spacy

        return spacy
    cli, info = types.ModuleType(_STAND_INS[0]), types.ModuleType(_STAND_INS[1])
    cli.__path__ = []  # a package, so 'spacy.cli.info' can be found under it
    info.info = _info
    cli.info = info
    sys.modules.update({_STAND_INS[0]: cli, _STAND_INS[1]: info})
    try:
        import spacy
    finally:
        for name in _STAND_INS:
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    return spacy
