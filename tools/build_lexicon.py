"""Build the spelling lexicon shipped in ``src/medsos_cli/lexicon/`` (run by hand, not at run time).

Input: Debian ``hunspell-id`` (``id_ID.dic``/``id_ID.aff``, LibreOffice dictionaries) and, for the
English detector, Debian ``wamerican`` (SCOWL ``american-english``). Get them with::

    apt-get download hunspell-id wamerican
    dpkg-deb -x hunspell-id_*.deb pkg && dpkg-deb -x wamerican_*.deb pkg
    python tools/build_lexicon.py --dic pkg/usr/share/hunspell/id_ID.dic \
        --aff pkg/usr/share/hunspell/id_ID.aff --english pkg/usr/share/dict/american-english

What it writes (see ``medsos_cli.lexicon`` for how they are read):

- ``id-forms.txt``: every full form the affix rules generate from the 31k stems, lower case,
  sorted, one a line, **without clitics** (-nya -lah -kah -pun -ku -mu, ku-/kau-): the linter
  strips those at run time, which keeps the list five times smaller. Forms built with the
  unassimilated ``mem-``/``pen-``/``peng-`` classes on a root starting k/p/t/s + vowel
  (*mempengaruhi*) are left out: the morphology rule reports them instead.
- ``id-stems.txt``: the stems as written in the .dic (bare lemmas such as *mentari*, *pentas*).
- ``id-verbs.txt``: stems that take a bare ``meN-``/``di-`` (verb roots: *tulis*, *cek*).
- ``id-unassimilated.txt``: the unassimilated forms the dictionary accepts (*mempengaruhi*).
- ``en-words.txt``: lower-case English words of 3+ letters that are not Indonesian forms.

With ``--check`` and the ``hunspell`` binary installed, every generated form is verified: the
forms that hunspell itself rejects are reported. Expected: only forms of ``id-extra.dic`` (not in
hunspell by definition); on hunspell-id 1:7.5.0-1 the only others were 5 of 57,520: two from
malformed .dic lines (``bersutM0``, dropped by the word filter) and *agentif*, *dekagram*,
*geleca* (stems whose flags hunspell reads differently; kept, they are KBBI words).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "medsos_cli" / "lexicon"
CLITIC_CLASSES = {"l0", "n0", "nl", "o0"}
CLITIC_PREFIXES = {"O0", "O1"}
CLITIC_TAILS = ("lah", "kah", "ku", "mu", "nya", "Ku", "Mu", "Nya", "-Ku", "-Mu", "-Nya")
# Plain nasal prefixes (no assimilation): on a k/p/t/s + vowel root they give the forms that
# EYD V and KBBI replace (memPengaruhi → memengaruhi).
PLAIN_NASAL = {"MM", "M5", "PG", "P4", "PK", "P5"}
_KPTS_VOWEL = re.compile(r"^[kpts][aeiou]")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# Flags of the bare verbal prefixes: a stem with one of them is a verb root, so di- + root is
# a passive (dicek, diunggah), while di- + a noun root is the preposition (di kantor).
VERBAL = {"M0", "M1", "MG", "M3", "MM", "M5", "D0", "D1"}


@dataclass
class Entry:
    """One affix entry: strip, add, continuation flags, condition."""

    strip: str
    add: str
    cont: frozenset[str]
    cond: re.Pattern


def _flags(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(0, len(text) - len(text) % 2, 2))


def read_aff(path: Path) -> tuple[dict, dict, str, str]:
    """Prefix and suffix classes of a ``FLAG long`` .aff file, and the CIRCUMFIX/NEEDAFFIX flags."""
    prefixes: dict[str, list[Entry]] = {}
    suffixes: dict[str, list[Entry]] = {}
    circumfix = needaffix = ""
    for raw in path.read_text("latin-1").splitlines():
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        if line[0] == "CIRCUMFIX":
            circumfix = line[1]
        elif line[0] == "NEEDAFFIX":
            needaffix = line[1]
        elif line[0] in ("PFX", "SFX") and len(line) >= 4 and line[2] not in ("Y", "N"):
            kind, flag, strip, add = line[:4]
            cond = line[4] if len(line) > 4 else "."
            strip = "" if strip == "0" else strip
            add, _, cont = add.partition("/")
            add = "" if add == "0" else add
            pattern = "^" + cond if kind == "PFX" else cond + "$"
            table = prefixes if kind == "PFX" else suffixes
            table.setdefault(flag, []).append(Entry(strip, add, _flags(cont), re.compile(pattern)))
    return prefixes, suffixes, circumfix, needaffix


def expand(word: str, flags: frozenset[str], prefixes: dict, suffixes: dict, circumfix: str,
           needaffix: str) -> tuple[set[str], set[str]]:
    """(forms, unassimilated forms) of one stem, following hunspell's affix semantics: up to
    two suffixes, one prefix (from the stem's flags or the suffix's continuation class), and
    circumfix affixes only together."""
    forms: set[str] = set()
    plain_nasal: set[str] = set()
    if needaffix not in flags:
        forms.add(word)

    def suffixed(base: str, classes) -> list[tuple[str, frozenset[str]]]:
        out = []
        for flag in classes:
            if flag in CLITIC_CLASSES:
                continue
            for e in suffixes.get(flag, ()):
                if e.add.endswith(CLITIC_TAILS) and e.add not in ("kan", "an", "i"):
                    continue
                if e.cond.search(base) and (not e.strip or base.endswith(e.strip)):
                    out.append((base[:len(base) - len(e.strip)] + e.add, e.cont))
        return out

    def prefixed(base: str, root: str, classes, circ_needed: bool) -> None:
        for flag in classes:
            if flag in CLITIC_PREFIXES:
                continue
            for e in prefixes.get(flag, ()):
                if (circumfix in e.cont) != circ_needed:
                    continue
                if e.cond.search(root) and (not e.strip or root.startswith(e.strip)):
                    form = e.add + base[len(e.strip):]
                    if (flag in PLAIN_NASAL and _KPTS_VOWEL.match(root)
                            and not form.startswith(("memper", "pemer"))):
                        plain_nasal.add(form)
                    else:
                        forms.add(form)

    stem_prefixes = [f for f in flags if f in prefixes]
    prefixed(word, word, stem_prefixes, False)
    for form1, cont1 in suffixed(word, flags):
        circ1 = circumfix in cont1
        if not circ1:
            forms.add(form1)
        pre1 = [f for f in set(stem_prefixes) | cont1 if f in prefixes]
        prefixed(form1, word, pre1, circ1)
        for form2, cont2 in suffixed(form1, cont1):
            circ2 = circ1 or circumfix in cont2
            if not circ2:
                forms.add(form2)
            pre2 = [f for f in set(pre1) | cont2 if f in prefixes]
            prefixed(form2, word, pre2, circ2)
    return forms, plain_nasal


def read_dic(path: Path, header: bool = True) -> list[tuple[str, frozenset[str]]]:
    """(stem, flags) of a .dic file (first line is the count, unless ``header`` is false)."""
    out = []
    for raw in path.read_text("latin-1").splitlines()[1 if header else 0:]:
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        word, _, flags = raw.partition("/")
        out.append((word, _flags(flags)))
    return out


def main(argv: list[str] | None = None) -> int:
    """Expand the dictionary and write the lexicon files."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--dic", type=Path, required=True)
    ap.add_argument("--aff", type=Path, required=True)
    ap.add_argument("--english", type=Path)
    ap.add_argument("--extra", type=Path, default=Path(__file__).with_name("id-extra.dic"),
                    help="stems added to the .dic (same affix flags), newer KBBI entries")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="verify the forms with hunspell -G")
    args = ap.parse_args(argv)
    prefixes, suffixes, circumfix, needaffix = read_aff(args.aff)
    stems = read_dic(args.dic)
    if args.extra and args.extra.exists():
        stems += read_dic(args.extra, header=False)
    forms: set[str] = set()
    plain: set[str] = set()
    for word, flags in stems:
        got, unassimilated = expand(word, flags, prefixes, suffixes, circumfix, needaffix)
        forms |= got
        plain |= unassimilated
    lower = {f.lower() for f in forms if _WORD.fullmatch(f)}
    plain_lower = {f.lower() for f in plain} - lower
    stem_words = sorted({w.lower() for w, _ in stems if _WORD.fullmatch(w)})
    verbs = sorted({w.lower() for w, f in stems if f & VERBAL and _WORD.fullmatch(w)})
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "id-forms.txt").write_text("\n".join(sorted(lower)) + "\n", "utf-8")
    (args.out / "id-stems.txt").write_text("\n".join(stem_words) + "\n", "utf-8")
    (args.out / "id-verbs.txt").write_text("\n".join(verbs) + "\n", "utf-8")
    (args.out / "id-unassimilated.txt").write_text("\n".join(sorted(plain_lower)) + "\n",
                                                   "utf-8")
    print(f"{len(stems)} stems -> {len(lower)} forms ({len(plain_lower)} unassimilated left out)")
    if args.english:
        english = set()
        for raw in args.english.read_text("utf-8").splitlines():
            w = raw.strip()
            if len(w) >= 3 and w.isascii() and w.isalpha() and w.islower():
                english.add(w)
        english -= lower
        (args.out / "en-words.txt").write_text("\n".join(sorted(english)) + "\n", "utf-8")
        print(f"{len(english)} English words")
    if args.check:
        dic = str(args.dic.with_suffix(""))
        run = subprocess.run(["hunspell", "-d", dic, "-G"], input="\n".join(sorted(forms)),
                             capture_output=True, text=True, encoding="latin-1", check=False)
        accepted = set(run.stdout.split())
        rejected = sorted(forms - accepted)
        print(f"hunspell rejects {len(rejected)} of {len(forms)} generated forms",
              rejected[:20])
    return 0


if __name__ == "__main__":
    sys.exit(main())
