"""spaCy is imported without its command-line package (issue 10: worker memory).

Each case runs in a fresh interpreter, since what matters is what the first
import of spaCy brings in.
"""

from __future__ import annotations

import json
import subprocess
import sys

CLI_LIBRARIES = ["typer", "rich", "weasel", "httpx", "requests", "jinja2", "spacy.cli"]


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_pipeline_is_built_without_spacys_command_line_libraries():
    got = _run(
        "import json, sys\n"
        "from boardpack.extractors.nlp import build_nlp\n"
        "nlp = build_nlp(['John Smith'])\n"
        "ents = [e.text for e in nlp('John Smith met the Police').ents]\n"
        f"print(json.dumps({{'ents': ents, 'loaded': [m for m in {CLI_LIBRARIES!r} if m in sys.modules]}}))\n")
    assert got["ents"] == ["John Smith", "Police"]
    assert got["loaded"] == []


def test_a_plain_import_of_spacy_does_load_them():
    # the check above can fail: spaCy's own import brings the command-line package
    got = _run(f"import json, sys, spacy; print(json.dumps([m for m in {CLI_LIBRARIES!r} if m in sys.modules]))")
    assert "spacy.cli" in got and "typer" in got


def test_spacys_command_line_stays_usable_afterwards():
    got = _run(
        "import json\n"
        "from boardpack.extractors.spacy_import import load_spacy\n"
        "spacy = load_spacy()\n"
        "about = spacy.info()\n"
        "import spacy.cli\n"
        "print(json.dumps({'version': about.get('spacy_version'), 'download': hasattr(spacy.cli, 'download')}))\n")
    assert got["version"] and got["download"] is True
