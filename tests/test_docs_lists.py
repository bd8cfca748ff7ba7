"""Lists the docs give, checked against the tables the code reads (sqlite-utils' habit):
export formats, text kinds, platforms. A new format, kind or platform fails here until the
docs name it."""

from __future__ import annotations

import re
from pathlib import Path

from medsos_cli.exports.formats import registry
from medsos_cli.platforms import PLATFORMS, TEXT_KINDS

ROOT = Path(__file__).resolve().parents[1]


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_exports_doc_names_every_format_of_the_table():
    doc = _read("docs/exports.md")
    section = doc[doc.index("## 3. Format yang dikenali"):doc.index("### Angka dan tanggal")]
    table = section[:section.index("Berkas yang dikenali tetapi belum dibaca")]
    unread = section[section.index("Berkas yang dikenali tetapi belum dibaca"):]
    formats = registry().formats
    read = {f.name for f in formats if f.reader is not None}
    not_read = {f.name for f in formats if f.reader is None} - read
    assert read <= set(re.findall(r"`([a-z0-9_]+)`", table)), "a read format missing in §3"
    assert not_read <= set(re.findall(r"`([a-z0-9_]+)`", unread)), "an unread format missing"
    documented = set(re.findall(r"`([a-z]+_[a-z0-9_]+)`", section))
    assert documented - read - not_read - {"sep"} == set(), "the doc names a format that is gone"


def test_json_doc_lists_the_text_kinds():
    row = next(line for line in _read("docs/json-output.md").splitlines()
               if line.startswith("| `files[].kind`"))
    assert set(re.findall(r"`([a-z]+)`", row.split("|")[2])) == set(TEXT_KINDS)


def test_readme_lists_the_platforms():
    line = next(line for line in _read("README.md").splitlines()
                if line.startswith("`--platform` is one of"))
    listed = re.search(r"`([a-z, ]+)`\.", line)
    assert listed is not None
    assert tuple(p.strip() for p in listed.group(1).split(",")) == PLATFORMS
