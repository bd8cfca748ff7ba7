"""Indonesian wording for the syntax errors of the YAML, TOML and JSON parsers.

PyYAML (libyaml or its pure-Python parser), tomllib/tomli and json report in English. The
readers keep the file and line those parsers give and pass the English text through
:func:`yaml_message`, :func:`toml_message` or :func:`json_message`. A message this table
does not know (a newer parser release) is kept, in brackets after an Indonesian lead, so that
nothing the parser said is lost."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

# Each entry: an anchored pattern over the parser's message, and the Indonesian text. Named
# groups carry the quoted character or key into the translation.
_YAML: tuple[tuple[str, str], ...] = (
    # libyaml (CSafeLoader) wording
    (r"mapping values are not allowed (?:in this context|here)",
     "titik dua (:) di tempat yang tidak boleh; nilai yang memuat “: ” perlu diapit tanda "
     "kutip, atau indentasinya salah"),
    (r"could not find expected ':'", "tanda “:” yang diharapkan tidak ditemukan"),
    (r"did not find expected key", "kunci yang diharapkan tidak ditemukan; periksa indentasi"),
    (r"did not find expected '-' indicator",
     "tanda “-” untuk butir daftar yang diharapkan tidak ditemukan; periksa indentasi"),
    (r"did not find expected ',' or '\]'", "tanda “,” atau “]” yang diharapkan tidak ditemukan"),
    (r"did not find expected ',' or '\}'", "tanda “,” atau “}” yang diharapkan tidak ditemukan"),
    (r"did not find expected node content", "isi nilai yang diharapkan tidak ditemukan"),
    (r"did not find expected <document start>",
     "ada teks setelah nilai selesai; periksa kurung dan indentasi"),
    (r"did not find expected comment or line break",
     "setelah nilai hanya boleh komentar (#) atau baris baru"),
    (r"did not find expected whitespace(?: or line break)?",
     "spasi atau baris baru yang diharapkan tidak ditemukan"),
    (r"did not find expected alphabetic or numeric character",
     "huruf atau angka yang diharapkan tidak ditemukan"),
    (r"did not find expected hexdecimal number", "angka heksadesimal tidak ditemukan"),
    (r"block sequence entries are not allowed (?:in this context|here)|sequence entries are "
     r"not allowed here",
     "butir daftar (-) di tempat yang tidak boleh; periksa indentasi"),
    (r"mapping keys are not allowed (?:in this context|here)",
     "kunci pemetaan di tempat yang tidak boleh"),
    (r"found character (?:(?P<char>'.*') )?that cannot start any token",
     "karakter {char} tidak boleh mengawali nilai; apit nilainya dengan tanda kutip"),
    (r"found a tab character (?:that violates indentation|where an indentation space is "
     r"expected)",
     "karakter tab dipakai sebagai indentasi; YAML hanya menerima spasi"),
    (r"found unexpected end of stream", "berkas berakhir sebelum nilai selesai (tanda kutip "
     "atau kurung belum ditutup?)"),
    (r"found unexpected document indicator|found unexpected document separator",
     "penanda dokumen (--- atau ...) di tengah nilai"),
    (r"found unknown escape character(?: (?P<char>'.*'))?",
     "urutan escape {char} tidak dikenal dalam teks berkutip ganda; pakai kutip tunggal"),
    (r"found undefined alias(?: (?P<char>'.*'))?", "alias (*) {char} tidak didefinisikan"),
    (r"found undefined tag handle(?: (?P<char>'.*'))?", "tag {char} tidak didefinisikan"),
    (r"found duplicate anchor(?: (?P<char>'.*'))?.*|second occurrence",
     "jangkar (&) {char} ditulis dua kali"),
    (r"expected '<document start>', but found (?P<char>.*)",
     "ada {char} setelah nilai selesai; periksa kurung dan indentasi"),
    (r"expected indentation indicator in the range 1-9, but found 0|found an indentation "
     r"indicator equal to 0", "indikator indentasi blok teks (| atau >) harus 1–9"),
    (r"found unexpected ':'", "tanda “:” tidak diharapkan di sini"),
    (r"control characters are not allowed", "karakter kendali tidak boleh ada di berkas YAML"),
    (r"(?:found an incorrect|invalid) (?:leading|trailing) UTF-8 octet|incomplete UTF-8 octet "
     r"sequence|invalid length of a UTF-8 sequence|invalid Unicode character",
     "berkas bukan UTF-8 yang sah"),
    (r"expected a single document in the stream|but found another document",
     "berkas berisi lebih dari satu dokumen YAML (---); hanya satu yang boleh"),
    (r"expected <block end>, but found (?P<char>.*)",
     "struktur blok belum selesai, tetapi ditemukan {char}; periksa indentasi"),
    (r"expected ',' or '\]', but got (?P<char>.*)", "tanda “,” atau “]” diharapkan, "
     "tetapi ditemukan {char}"),
    (r"expected ',' or '\}', but got (?P<char>.*)", "tanda “,” atau “}” diharapkan, "
     "tetapi ditemukan {char}"),
    (r"expected the node content, but found (?P<char>.*)",
     "isi nilai diharapkan, tetapi ditemukan {char}"),
    (r"expected (?:alphabetic or numeric character|a comment or a line break|' '), but found "
     r"(?P<char>.*)", "karakter {char} tidak diharapkan di sini"),
    (r"could not determine a constructor for the tag (?P<char>.*)",
     "tag {char} tidak dikenal; berkas ini hanya boleh berisi data biasa"),
    (r"found unhashable key", "kunci harus berupa teks, bukan daftar atau pemetaan"),
    (r"invalid indentation or unclosed '\[' or '\{'",
     "indentasi salah, atau tanda “[”/“{” belum ditutup"),
    (r"found unconstructable recursive node", "alias merujuk ke dirinya sendiri"),
)

_TOML: tuple[tuple[str, str], ...] = (
    (r"Expected '=' after a key in a key/value pair",
     "tanda “=” diharapkan setelah kunci (kunci = nilai)"),
    (r"Invalid value", "nilai tidak sah (teks perlu diapit tanda kutip, mis. nama = \"Dinas\")"),
    (r"Invalid statement", "baris tidak sah: tulis kunci = nilai atau [tabel]"),
    (r"Invalid initial character for a key part", "kunci diawali karakter yang tidak boleh"),
    (r"Cannot overwrite a value", "nilai untuk kunci ini sudah ditulis sebelumnya"),
    (r"Cannot declare (?P<key>.*) twice", "tabel {key} ditulis dua kali"),
    (r"Cannot mutate immutable namespace (?P<key>.*)",
     "tabel {key} sudah ditulis lengkap (sebaris) dan tidak bisa ditambah"),
    (r"Cannot redefine namespace (?P<key>.*)", "tabel {key} tidak bisa ditulis ulang"),
    (r"Duplicate inline table key (?P<key>.*)", "kunci {key} ditulis dua kali dalam tabel "
     "sebaris"),
    (r"Expected ']' at the end of a table declaration",
     "tanda “]” diharapkan di akhir nama tabel"),
    (r"Expected ']]' at the end of an array declaration",
     "tanda “]]” diharapkan di akhir nama tabel larik"),
    (r"Unclosed array", "daftar [ … ] belum ditutup"),
    (r"Unclosed inline table", "tabel sebaris { … } belum ditutup"),
    (r"Unterminated string", "teks belum ditutup tanda kutip"),
    (r"Unescaped '\\' in a string",
     "garis miring terbalik (\\) dalam teks; tulis \\\\ atau pakai kutip tunggal"),
    (r"Escaped character is not a Unicode scalar value|Invalid hex value",
     "urutan escape Unicode tidak sah"),
    (r"Invalid date or datetime", "tanggal atau waktu tidak sah"),
    (r"Illegal character '\\n'", "teks belum ditutup tanda kutip sebelum akhir baris"),
    (r"Expected newline or end of document after a statement",
     "setelah nilai harus baris baru: satu baris satu kunci = nilai (teks perlu diapit "
     "tanda kutip)"),
    (r"Illegal character (?P<key>.*)", "karakter {key} tidak boleh ada di sini"),
    (r"Found invalid character (?P<key>.*)", "karakter {key} tidak boleh ada di sini"),
    (r"Expected (?P<key>.*)", "tanda {key} diharapkan di sini"),
)

_JSON: tuple[tuple[str, str], ...] = (
    (r"Expecting property name enclosed in double quotes",
     "nama kunci harus diapit tanda kutip ganda (atau ada koma berlebih sebelum “}”)"),
    (r"Expecting ',' delimiter", "tanda “,” diharapkan di antara dua nilai"),
    (r"Expecting ':' delimiter", "tanda “:” diharapkan setelah nama kunci"),
    (r"Expecting value", "nilai diharapkan di sini (atau ada koma berlebih)"),
    (r"Extra data", "ada teks lain setelah nilai JSON selesai"),
    (r"Unterminated string starting at", "teks belum ditutup tanda kutip"),
    (r"Invalid control character (?:(?P<char>'.*') )?at", "karakter kendali {char} di dalam "
     "teks; tulis sebagai \\n atau \\t"),
    (r"Invalid \\escape(?:: (?P<char>.*))?", "urutan escape {char} tidak sah"),
    (r"Invalid \\uXXXX escape", "urutan escape \\uXXXX tidak sah"),
    (r"Unexpected UTF-8 BOM.*", "penanda BOM UTF-8 di awal berkas"),
)

# PyYAML names tokens in angle brackets; say what they are.
_TOKENS = {"'<stream end>'": "akhir berkas", "'<scalar>'": "sebuah nilai", "'?'": "kunci baru",
           "'-'": "butir daftar (-)", "'<block end>'": "akhir blok",
           "'<block mapping start>'": "awal pemetaan", "'<block sequence start>'": "awal daftar",
           "'<document start>'": "awal dokumen", "'<document end>'": "akhir dokumen"}
_PLACEHOLDER = re.compile(r"\{(char|key|n)\}")
_COMPILED: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _toml_key(text: str) -> str:
    """tomllib names a table by its key tuple ``('lint', 'x')``; show it as ``[lint.x]``."""
    import ast

    try:
        parts = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text
    if isinstance(parts, tuple) and all(isinstance(p, str) for p in parts):
        return "[" + ".".join(parts) + "]"
    return text


# What a captured group shows: a PyYAML token by what it is, a TOML table by its header
# (only the TOML patterns capture a ``key``), a count as written.
_REFINE: dict[str, Callable[[str], str]] = {
    "char": lambda v: _TOKENS.get(v, v), "key": lambda v: _toml_key(v) if v else v,
    "n": lambda v: v}


def _fill(groups: dict[str, str], match: re.Match[str]) -> str:
    return groups.get(match.group(1), "")


def _translate(table_name: str, table: tuple[tuple[str, str], ...], message: str,
               lead: str) -> str:
    compiled = _COMPILED.get(table_name)
    if compiled is None:
        compiled = _COMPILED[table_name] = [(re.compile(p), t) for p, t in table]
    text = message.strip()
    for pattern, target in compiled:
        match = pattern.fullmatch(text)
        if match:
            groups = {k: _REFINE[k]((v or "").strip()) for k, v in match.groupdict().items()}
            filled = _PLACEHOLDER.sub(partial(_fill, groups), target)
            return re.sub(r" {2,}", " ", filled).replace(" ;", ";")
    return f"{lead} [{text}]" if text else lead


def yaml_message(problem: str | None) -> str:
    """Indonesian for a PyYAML/libyaml ``problem`` text."""
    return _translate("yaml", _YAML, problem or "", "sintaks YAML tidak sah")


def toml_message(message: str) -> str:
    """Indonesian for a tomllib/tomli message (its ``(at line …)`` suffix already removed)."""
    text = message.strip()
    at_end = text.endswith("(at end of document)")
    if at_end:
        text = text[: -len("(at end of document)")].strip()
    said = _translate("toml", _TOML, text, "sintaks TOML tidak sah")
    return f"{said} (di akhir berkas)" if at_end else said


def json_message(message: str) -> str:
    """Indonesian for a ``json.JSONDecodeError.msg``."""
    return _translate("json", _JSON, message, "sintaks JSON tidak sah")


_VALUE: tuple[tuple[str, str], ...] = (
    (r"Exceeds the limit \((?P<n>\d+) digits\) for integer string conversion.*",
     "bilangan bulat terlalu panjang (lebih dari {n} digit)"),
    (r"month must be in 1\.\.12", "bulan harus 1–12"),
    (r"day is out of range for month", "tanggal tidak ada di bulan itu"),
    (r"year (?P<n>-?\d+) is out of range", "tahun {n} di luar jangkauan"),
    (r"(?:hour|minute|second) must be in .*", "jam, menit atau detik di luar jangkauan"),
)


def value_message(message: str) -> str:
    """Indonesian for the ``ValueError`` a parser raises while building a value."""
    return _translate("value", _VALUE, message, "nilai tidak sah")
