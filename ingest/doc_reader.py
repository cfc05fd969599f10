"""Legacy Word 97-2003 (.doc) reader: LibreOffice converts, the DOCX reader reads.

Each conversion runs ``soffice --headless`` with its own throw-away user
profile: LibreOffice locks its profile, so two conversions sharing one (two
ingest workers, or a desktop session of the same user) block or silently
produce nothing. The whole process group is killed on timeout because the
``soffice`` launcher leaves ``soffice.bin`` behind otherwise. LibreOffice
sometimes exits 0 without writing anything (profile first-run races, a
filter that declines the file); that is detected and retried once with a fresh
profile before it is reported as :class:`ConversionFailed`.

Hygiene: soffice runs with macros disabled explicitly (a seeded profile sets
the highest macro security and turns macro execution off), with a scrubbed
environment (PATH, LANG, and HOME pointing into its own temporary profile),
in a process group of its own that is killed on timeout; a small watchdog
kills that group and removes the temporary folder if the worker itself dies
(``kill -9``), and :func:`boardpack.ingest.doc_temp.clean_stale_temp` removes what a killed run left
(folders whose owner process is gone, and soffice processes still using
them) at the next start. ``boardpack-doc-*`` folders are removed on every
exit path.

Before converting, the .doc's own container is read (:mod:`.ole`): a
password-protected file is refused with :class:`EncryptedDocument` instead of
a vague conversion failure, and Word's recorded application and page count
replace the converter's.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple, Optional

from boardpack.core.errors import ConversionFailed, ConverterMissing, EncryptedDocument, UnsupportedFormat
from boardpack.core.model import Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.doc_temp import TEMP_PREFIX, clean_stale_temp_once, make_temp_dir
from boardpack.ingest.docx_reader import read_docx_document
from boardpack.ingest.ole import DocInfo, doc_info

INSTALL_HINT = (
    "LibreOffice is needed to read .doc files: install libreoffice-writer-nogui "
    "(apt-get install libreoffice-writer-nogui)"
)
ATTEMPTS = 2
# Force Word's binary import filters: left to detect, LibreOffice imports a
# corrupt OLE file as plain text and "succeeds" with garbage.
WORD_FILTERS = ("MS Word 97", "MS Word 95", "MS WinWord 6.0")


def find_soffice() -> str:
    """Path of the LibreOffice binary, or :class:`ConverterMissing`."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ConverterMissing(INSTALL_HINT)


#: The profile soffice starts with: macros never run, whatever the document
#: asks (security level 3 "very high": only trusted locations, and none are
#: configured; DisableMacrosExecution turns the macro engine off).
MACRO_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="SecureURL" \
oor:op="fuse"><value/></prop></item>
</oor:items>
"""

# The watchdog: a shell that polls the worker and, once it is gone, kills
# soffice's process group and removes the temporary folder.
_WATCHDOG = ('while kill -0 "$1" 2>/dev/null; do sleep 0.5; done; '
             'kill -9 "-$2" 2>/dev/null; rm -rf "$3"')


def soffice_env(home: Path) -> dict:
    """The only variables soffice sees: PATH, LANG and HOME (its own profile folder)."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": os.environ.get("LANG") or "C.UTF-8",
        "HOME": str(home),
    }


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """The launcher gets SIGKILL when the worker dies (Linux); the watchdog does the rest."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _run(cmd: list[str], timeout: float, env: dict, guard: Optional[Path] = None) -> subprocess.CompletedProcess:
    # Own process group so a timeout kills soffice.bin along with the launcher
    # script; the watchdog kills the group (and removes ``guard``) if this
    # process dies while soffice runs.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True, env=env,
                            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
    dog = None
    if guard is not None:
        try:
            dog = subprocess.Popen(["/bin/sh", "-c", _WATCHDOG, "boardpack-doc-watchdog", str(os.getpid()),
                                    str(proc.pid), str(guard)],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True, env={"PATH": "/usr/bin:/bin"})
        except OSError:
            dog = None
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:  # timeout, or KeyboardInterrupt: never leave soffice behind
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.communicate()
        raise
    finally:
        if dog is not None:
            dog.kill()
            dog.wait()
    try:  # the launcher has exited; anything left in its group (soffice.bin) goes too
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def convert(path: Path, target: str, outdir: Path, settings: Settings = DEFAULT,
            infilters: tuple = (None,)) -> Path:
    """Convert ``path`` with LibreOffice to format ``target`` ("docx", "doc", "pdf")
    into ``outdir``; return the produced file.

    ``infilters`` are LibreOffice import filters tried in turn (None = let it
    detect); a filter that cannot load the file moves on to the next one.
    """
    soffice = find_soffice()
    path = Path(path)
    outdir = Path(outdir)
    # Copy under a plain name: the output is named after the input's stem, and
    # archive names carry spaces, brackets and the wrong extension.
    work = Path(tempfile.mkdtemp(prefix="bp-conv-", dir=outdir))
    reason = "no output"
    try:
        src = work / f"input{path.suffix.lower() or '.bin'}"
        shutil.copyfile(path, src)
        n = 0
        for infilter in infilters:
            for _ in range(ATTEMPTS):
                n += 1
                done, produced = _convert_once(_Job(soffice, src, target, settings, path), work / f"run-{n}", infilter)
                if produced is not None:
                    final = outdir / f"{path.stem}.{target}"
                    shutil.move(str(produced), final)
                    return final
                reason = _failure_reason(done)
                if b"could not be loaded" in (done.stdout or b"") + (done.stderr or b""):
                    break  # this filter rejects the file; a fresh profile will not help
    finally:
        shutil.rmtree(work, ignore_errors=True)
    raise ConversionFailed(f"cannot convert to {target} ({reason})", path)


class _Job(NamedTuple):
    """One file's conversion, the same for every soffice run of it: the
    program, the plain-named copy it reads, the target format, the settings
    (timeout) and the user's file that errors name."""

    soffice: str
    src: Path
    target: str
    settings: Settings
    path: Path


def _convert_once(job: _Job, run_dir: Path, infilter):
    """One soffice run with a fresh profile; (process result, produced file or None)."""
    soffice, src, target, settings, path = job
    profile = run_dir / "profile"
    result_dir = run_dir / "out"
    result_dir.mkdir(parents=True)
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(MACRO_SETTINGS, encoding="utf-8")
    cmd = [soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
           "--nofirststartwizard", f"-env:UserInstallation={profile.as_uri()}"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", target, "--outdir", str(result_dir), str(src)]
    env = soffice_env(profile)
    guard = next((p for p in src.parents if p.name.startswith(TEMP_PREFIX)), src.parent)
    try:
        done = _run(cmd, settings.soffice_timeout, env, guard)
    except subprocess.TimeoutExpired:
        raise ConversionFailed(
            f"LibreOffice timed out after {settings.soffice_timeout:g}s converting to {target}", path
        ) from None
    except OSError as e:
        raise ConversionFailed(f"could not run LibreOffice ({e})", path) from e
    produced = result_dir / f"{src.stem}.{target}"
    # LibreOffice can exit 0 having written nothing (or an empty file): check the file.
    if done.returncode == 0 and produced.exists() and produced.stat().st_size > 0:
        return done, produced
    return done, None


def _failure_reason(done: subprocess.CompletedProcess) -> str:
    text = ((done.stderr or b"") + b"\n" + (done.stdout or b"")).decode("utf-8", "replace")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if done.returncode != 0:
        reason = f"LibreOffice exited with status {done.returncode}"
    else:
        reason = "LibreOffice exited 0 without writing a file"
    return f"{reason}: {lines[-1]}" if lines else reason


def read_doc_document(path: Path, sha256: str, settings: Settings = DEFAULT) -> Document:
    path = Path(path)
    info = doc_info(path)
    if info is not None and not info.is_word:
        what = f"an {info.kind}" if info.kind and info.kind[0] in "AEIOU" else f"a {info.kind or 'non-Word file'}"
        raise UnsupportedFormat(f"Office file that is not a Word document ({what})", path)
    if info is not None and info.encrypted:
        raise EncryptedDocument(
            "password-protected Word document (open it in Word, remove the password and save again)", path)
    find_soffice()  # fail fast with the install hint before making temp dirs
    clean_stale_temp_once()
    tmp = make_temp_dir()
    try:
        produced = convert(path, "docx", tmp, settings, WORD_FILTERS)
        doc = read_docx_document(produced, sha256, "doc", settings)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    doc.path = str(path)
    doc.converted_from = "doc"
    doc.metadata["converter"] = doc.producer or "LibreOffice"
    if info is not None:
        apply_doc_info(doc, info)
    return doc


def apply_doc_info(doc: Document, info: DocInfo) -> None:
    """Put back what Word recorded in the .doc: the DOCX LibreOffice wrote names
    LibreOffice as the application and has no page count."""
    doc.producer = info.application or doc.producer
    if info.pages and (doc.pages is None or info.pages > doc.pages):
        # Word's count includes pages the text simply flowed onto, which the
        # converted file's explicit breaks cannot show.
        doc.pages = info.pages
        doc.metadata["page_count_source"] = "doc summary information"
    if info.word_version:
        doc.metadata["word_nfib"] = info.word_version
    for key in ("title", "author"):
        if getattr(info, key) and not doc.metadata.get(key):
            doc.metadata[key] = getattr(info, key)


def read_doc(path: Path, sha256: str, settings: Settings = DEFAULT) -> Document:
    """Read a Word 97-2003 .doc file by converting it to DOCX with LibreOffice."""
    return read_doc_document(path, sha256, settings)
