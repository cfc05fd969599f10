"""The Word package around the body: opening it (with recovery), headers,
footers, footnotes and the application properties.

Archives hold Word files that were copied off failing shares and mailed
through old gateways; a missing footer part or a truncated numbering part
should not lose a board pack whose body is intact, so :func:`open_package`
drops broken auxiliary parts (and says which) the way Word's "recover"
does. A missing or malformed main document part is never repaired.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from lxml import etree

from boardpack.core.errors import UnreadableDocument
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.docx_styles import qn

W_P, W_T = qn("w:p"), qn("w:t")


def _part_text(el) -> str:
    lines = []
    for p in el.iter(W_P):
        t = "".join(x.text or "" if x.tag == W_T else "\t" for x in p.iter(W_T, qn("w:tab"))).strip()
        if t:
            lines.append(t)
    return "\n".join(lines)


def headers_footers(wdoc) -> tuple[list[str], list[str]]:
    headers, footers, seen = [], [], set()
    part = wdoc.part
    for sect in wdoc.element.body.iter(qn("w:sectPr")):
        for ref in sect.iterchildren(qn("w:headerReference"), qn("w:footerReference")):
            rid = ref.get(qn("r:id"))
            if not rid or rid in seen or rid not in part.rels:
                continue
            seen.add(rid)
            text = _part_text(part.rels[rid].target_part.element)
            dest = headers if ref.tag == qn("w:headerReference") else footers
            if text and text not in dest:
                dest.append(text)
    return headers, footers


def footnotes(wdoc) -> list[dict]:
    out = []
    for rel in wdoc.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/footnotes"):
            continue
        part = rel.target_part
        root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
        for fn in root.iterchildren(qn("w:footnote")):
            if fn.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = _part_text(fn)
            if text:
                out.append({"id": fn.get(qn("w:id")), "text": text})
    return out


def app_properties(path: Path) -> dict:
    """Application, AppVersion and Pages from docProps/app.xml (absent in some files)."""
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read("docProps/app.xml")
        root = ElementTree.fromstring(data)
    except Exception:  # noqa: BLE001 - only metadata: a broken part, bad CRC, odd zip version
        return {}
    out = {}
    for el in root:
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("Application", "AppVersion", "Pages", "Company", "Template") and el.text:
            out[tag] = el.text.strip()
    return out


# Macro-enabled documents and templates are the same WordprocessingML under
# another content type; python-docx only opens the plain one unless told.
_WORD_MAIN_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)


def _open_variant(path: Path):
    from docx.opc.package import OpcPackage
    from docx.opc.part import PartFactory
    from docx.parts.document import DocumentPart

    for ct in _WORD_MAIN_TYPES:
        PartFactory.part_type_for.setdefault(ct, DocumentPart)
    part = OpcPackage.open(str(path)).main_document_part
    if not isinstance(part, DocumentPart):
        raise ValueError(f"main part has content type {part.content_type}")
    return part.document


def _without_broken_parts(path: Path):
    """An in-memory copy of the package without its missing or malformed
    auxiliary parts (headers, footers, numbering, styles, footnotes, settings,
    properties), and the names of what was dropped.

    Word offers to "recover" such files and shows the body; we do the same, but
    say so. The main document part itself is never repaired: if it is missing
    or malformed the file is unreadable.
    """
    import io
    import posixpath

    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        data = {n: z.read(n) for n in names}
    main = "word/document.xml"
    if main not in data:
        raise UnreadableDocument("corrupt DOCX (no word/document.xml part)", path)
    etree.fromstring(data[main])  # a malformed body is not repairable: let it raise

    def broken(name: str) -> bool:
        if name not in data:
            return True
        if name.endswith((".xml", ".rels")):
            try:
                etree.fromstring(data[name])
            except etree.XMLSyntaxError:
                return True
        return False

    dropped: list[str] = []
    for rels_name in [n for n in names if n.endswith(".rels")]:
        src_dir = posixpath.dirname(posixpath.dirname(rels_name))  # word/_rels/x.rels -> word
        try:
            root = etree.fromstring(data[rels_name])
        except etree.XMLSyntaxError:
            continue
        changed = False
        for rel in list(root):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(src_dir, target))
            if full != main and broken(full):
                root.remove(rel)
                changed = True
                dropped.append(full)
        if changed:
            data[rels_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    for name in dropped:
        data.pop(name, None)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for name, blob in data.items():
            out.writestr(name, blob)
    buf.seek(0)
    return buf, sorted(set(dropped))


#: A part smaller than this is never refused for its ratio (a small styles
#: part of repeated runs can compress 100x and costs nothing to parse).
RATIO_MIN_BYTES = 1 << 20


def check_zip_limits(path: Path, settings: Settings = DEFAULT) -> None:
    """Refuse a ZIP package whose parts would inflate past the settings' limits.

    Decided from the central directory alone (each entry's declared inflated
    and stored sizes), before a byte is inflated: python's zipfile never
    inflates an entry past its declared size, so the declared sizes bound
    what reading the package can cost. A broken zip is left to the caller.
    """
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return
    limit = settings.zip_max_inflated_mb * (1 << 20)
    total = 0
    for info in infos:
        total += info.file_size
        if total > limit:
            raise UnreadableDocument(
                f"refused: ZIP parts would inflate to more than {settings.zip_max_inflated_mb} MB "
                f"(setting zip_max_inflated_mb; a zip bomb?)", path)
        if info.file_size >= RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > settings.zip_max_ratio:
                raise UnreadableDocument(
                    f"refused: ZIP part {info.filename} would inflate {ratio:.0f}x "
                    f"({info.compress_size:,} to {info.file_size:,} bytes; limit "
                    f"{settings.zip_max_ratio:g}x, setting zip_max_ratio; a zip bomb?)", path)


def open_package(path: Path, settings: Settings = DEFAULT):
    """(python-docx Document, parts dropped to open it)."""
    import docx

    check_zip_limits(path, settings)
    try:
        return _open_strict(path), []
    except UnreadableDocument as strict_error:
        if not zipfile.is_zipfile(path):
            raise
        try:
            buf, dropped = _without_broken_parts(path)
            if not dropped:
                raise strict_error
            return docx.Document(buf), dropped
        except UnreadableDocument:
            raise
        except Exception:
            raise strict_error from None


def _open_strict(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    # Check the zip ourselves first: python-docx reports a broken zip as "Package not found".
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError) as e:
        raise UnreadableDocument(f"corrupt DOCX (broken zip: {e})", path) from e
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise UnreadableDocument("corrupt DOCX (no word/document.xml part)", path)
    try:
        return docx.Document(str(path))
    except PackageNotFoundError as e:
        raise UnreadableDocument(f"not a readable Word package ({e})", path) from e
    except zipfile.BadZipFile as e:
        raise UnreadableDocument(f"corrupt DOCX (broken zip: {e})", path) from e
    except KeyError as e:
        raise UnreadableDocument(f"corrupt DOCX (missing part: {e.args[0] if e.args else e})", path) from e
    except ValueError as e:
        if "not a Word file" not in str(e):
            raise UnreadableDocument(f"corrupt DOCX ({type(e).__name__}: {e})", path) from e
        try:
            return _open_variant(path)
        except Exception as e2:
            raise UnreadableDocument(f"not a Word document ({e})", path) from e2
    except Exception as e:  # lxml XMLSyntaxError, zlib errors, bad content types, ...
        raise UnreadableDocument(f"corrupt DOCX ({type(e).__name__}: {e})", path) from e
