"""Build ``src/medsos_cli/lexicon/gazetteer.txt``: the words of Indonesian place names.

Input: ``db/wilayah.sql`` of ``cahyadsn/wilayah`` (MIT; codes and names per Kepmendagri
No 300.2.2-2138 Tahun 2025). Levels kept: provinces (38), kabupaten/kota (514) and kecamatan
(7,285); villages are left out to keep proper-name acceptance tight. Run by hand::

    python tools/build_gazetteer.py path/to/wilayah.sql
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "medsos_cli" / "lexicon" / "gazetteer.txt"
_ROW = re.compile(r"\('([\d.]+)','((?:[^']|'')*)'\)")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def main(argv: list[str]) -> int:
    """Read the SQL dump and write the sorted, lower-case word list."""
    text = Path(argv[0]).read_text("utf-8")
    words: set[str] = set()
    names = 0
    for code, name in _ROW.findall(text):
        if code.count(".") > 2:
            continue
        names += 1
        for word in _WORD.findall(name.replace("''", "'")):
            if len(word) > 1:
                words.add(word.lower())
    header = ("# Words of Indonesian province, kabupaten/kota and kecamatan names.\n"
              "# Source: github.com/cahyadsn/wilayah db/wilayah.sql (MIT, (c) Cahya DSN),\n"
              "# data per Kepmendagri No 300.2.2-2138 Tahun 2025. Built by "
              "tools/build_gazetteer.py.\n")
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", "utf-8")
    print(f"{names} names -> {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
