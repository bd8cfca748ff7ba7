"""Exports are streamed: memory follows the report's weeks, not the file (issue 15).

A generated year of one Page (a few MB, long multi-line captions with emoji, as Meta writes
it): reading it for a weekly report must peak far below the file's size, keep the two weeks'
posts whole and every other post compact, with its texts given back intact for the history.
The benchmark with a 200 MB file is benchmarks/bench_export_stream.py.
"""

from __future__ import annotations

import csv
import io
import tracemalloc
from datetime import date, datetime, timedelta

import pytest

from medsos_cli.errors import InputError
from medsos_cli.exports import read_exports
from medsos_cli.exports.spill import CompactPost

FB_HEADER = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)",
             "Publish time", "Caption type", "Permalink", "Is crosspost", "Is share",
             "Post type", "Languages", "Custom labels", "Funded content status", "Data comment",
             "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions",
             "Comments", "Shares", "Total clicks"]
WEEK_START, WEEK_END = date(2026, 11, 9), date(2026, 11, 22)  # W46 and W47


def _caption(n: int) -> str:
    body = ("Pemerintah Kota Contoh membuka layanan perekaman KTP-el keliling di kecamatan "
            f"ke-{n} 🙏🇮🇩. Warga cukup membawa fotokopi KK. ") * 12
    return f"[INFO] Layanan #{n}\n\n{body}\n#PelayananPublik #KotaContoh"


def _export(rows: int) -> tuple[bytes, dict[str, str]]:
    """A year of posts (one every ~hour and a half), captions ~1,300 characters."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(FB_HEADER)
    start = datetime(2026, 1, 1, 6, 0)
    captions = {}
    for i in range(rows):
        when = start + timedelta(minutes=i * 525_600 // rows)
        post_id = f"10{i:014d}"
        captions[post_id] = _caption(i)
        values = {"Post ID": post_id, "Page ID": "100064", "Page name": "Pemkot Contoh",
                  "Title": captions[post_id], "Publish time": f"{when:%m/%d/%Y %H:%M}",
                  "Permalink": f"https://www.facebook.com/pemkot/posts/{post_id}",
                  "Post type": "Photos", "Date": "Lifetime", "Views": 2000 + i, "Reach": 1000 + i,
                  "Reactions, Comments and Shares": 60, "Reactions": 50, "Comments": 6,
                  "Shares": 4}
        writer.writerow([values.get(h, "") for h in FB_HEADER])
    return ("\ufeff" + out.getvalue()).encode("utf-8"), captions


@pytest.fixture(scope="module")
def year_export(tmp_path_factory):
    data, captions = _export(3000)
    path = tmp_path_factory.mktemp("stream") / "pemkot-2026.csv"
    path.write_bytes(data)
    return path, captions


def _peak(path, **kw):
    read_exports([str(path)], **kw)  # imports and tables loaded: not counted below
    tracemalloc.start()
    try:
        results = read_exports([str(path)], **kw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return results, peak


def test_memory_follows_the_weeks_not_the_file(year_export):
    path, captions = year_export
    size = path.stat().st_size
    assert size > 4_000_000
    results, peak = _peak(path, tz="Asia/Jakarta", year=2026, near=date(2026, 11, 16),
                          window=(WEEK_START, WEEK_END))
    (result,) = results
    assert result.error is None and result.rows == 3000 and not result.skipped
    whole = [p for p in result.posts if not isinstance(p, CompactPost)]
    compact = [p for p in result.posts if isinstance(p, CompactPost)]
    assert len(whole) + len(compact) == 3000
    # Two weeks of a year: about 115 of the 3,000 posts stay whole, with their captions.
    assert 100 < len(whole) < 130
    assert all(p.caption == captions[p.post_id] for p in whole)
    # Holding the file (its bytes, its text, or its captions: emoji make each one four
    # bytes per character) would take several times its size; streamed, about half of it
    # (a compact record of ~0.6 KB per post outside the weeks, the weeks' posts whole).
    assert peak < size * 0.6, (peak, size)
    # Every post whole (no window: the library's default) takes several times more.
    _, whole_peak = _peak(path, tz="Asia/Jakarta")
    assert peak * 4 < whole_peak, (peak, whole_peak)
    # A compact post keeps its figures and gives its texts back for the history.
    sample = compact[1234]
    caption, title, link = sample.texts()
    assert sample.caption == "" and caption == captions[sample.post_id]
    assert title == "" and link == f"https://www.facebook.com/pemkot/posts/{sample.post_id}"
    assert sample.reach is not None and sample.published_at is not None


def test_without_a_window_every_post_is_whole(year_export):
    path, captions = year_export
    (result,) = read_exports([str(path)], tz="Asia/Jakarta")
    assert not any(isinstance(p, CompactPost) for p in result.posts)
    assert all(p.caption == captions[p.post_id] for p in result.posts)


def test_late_errors_still_name_the_line(tmp_path):
    """Streamed, a broken row far down the file is still found, with its physical line."""
    data, _ = _export(400)
    lines = data.split(b"\n")
    # A last record whose quote never closes: the truncated-file error, at its first line.
    path = tmp_path / "terpotong.csv"
    path.write_bytes(data + b'"1099","100064","Pemkot Contoh","takarir\nterpotong')
    (result,) = read_exports([str(path)], window=(WEEK_START, WEEK_END))
    assert result.error is not None and "terpotong" in result.error
    assert result.error_line == data.count(b"\n") + 1
    # A cp1252 byte on line 300: the whole file falls back, with the line in the warning.
    broken = lines[:]
    broken[299] = broken[299].replace(b"Contoh", b"Cont\xe9h", 1)
    path = tmp_path / "cp1252.csv"
    path.write_bytes(b"\n".join(broken[:1]).removeprefix(b"\xef\xbb\xbf") + b"\n"
                     + b"\n".join(broken[1:]))
    (result,) = read_exports([str(path)], window=(WEEK_START, WEEK_END))
    assert result.error is None
    assert any("baris 300" in w and "Windows-1252" in w for w in result.warnings)


def test_the_size_limit_holds_while_streaming(tmp_path, monkeypatch):
    from medsos_cli.exports import sniff

    data, _ = _export(50)
    path = tmp_path / "besar.csv"
    path.write_bytes(data)
    monkeypatch.setattr(sniff, "MAX_BYTES", len(data) - 1)
    monkeypatch.setattr("medsos_cli.exports.reader.MAX_BYTES", len(data) - 1)
    with pytest.raises(InputError, match="terlalu besar"):
        read_exports([str(path)], strict=True)


FIXTURE_EXPORTS = __import__("pathlib").Path(__file__).parent / "fixtures" / "exports"


def _summary(results) -> list:
    return [(r.path, r.format, r.rows, r.error, r.error_line, r.warnings,
             [(s.line, s.reason) for s in r.skipped],
             [(p.post_id, p.published_at, p.caption, p.reach, p.line) for p in r.posts],
             [(d.metric, d.day, d.value, d.line) for d in r.daily],
             [(c.post_ref, c.time, c.text, c.line) for c in r.comments],
             [(c.received_at, c.text, c.line) for c in r.complaints]) for r in results]


@pytest.mark.parametrize("chunk", [2, 6, 64])
def test_chunk_boundaries_change_nothing(monkeypatch, chunk):
    """The encoding pass reads in chunks: a UTF-8 character, a UTF-16 pair or a CRLF cut
    between two chunks gives the same records, warnings and errors (every fixture export)."""
    from medsos_cli.exports import sniff

    files = sorted(str(p) for p in FIXTURE_EXPORTS.iterdir()
                   if p.suffix in (".csv", ".bin") and p.is_file())
    assert len(files) > 20
    kw = dict(tz="Asia/Jakarta", year=2026, near=date(2026, 11, 16))
    expected = _summary(read_exports(files, **kw))
    monkeypatch.setattr(sniff, "_CHUNK", chunk)
    assert _summary(read_exports(files, **kw)) == expected


def test_a_workbook_is_read_whole_within_its_own_limit(tmp_path, monkeypatch):
    """Workbooks are not streamed: their limit bounds the memory (README Batas dan keamanan)."""
    from medsos_cli.exports import spreadsheet

    source = FIXTURE_EXPORTS / "tiktok-overview.xlsx"
    (ok,) = read_exports([str(source)], year=2026)
    assert ok.error is None and ok.daily
    monkeypatch.setattr(spreadsheet, "MAX_WORKBOOK_BYTES", source.stat().st_size - 1)
    (big,) = read_exports([str(source)], year=2026)
    assert big.error is not None and "terlalu besar" in big.error
    assert "simpan sebagai CSV" in big.error
    renamed = tmp_path / "overview.csv"  # the same workbook under a .csv name
    renamed.write_bytes(source.read_bytes())
    (big,) = read_exports([str(renamed)], year=2026)
    assert big.error is not None and "terlalu besar" in big.error


def test_a_compact_post_keeps_every_field_but_its_texts():
    """``CompactPost`` copies the fields of ``Post`` one by one: none may be forgotten."""
    import dataclasses

    from medsos_cli.exports.model import Post
    from medsos_cli.exports.spill import _KEPT, SpillFile

    names = [f.name for f in dataclasses.fields(Post)]
    assert sorted(set(names) - set(_KEPT)) == ["caption", "permalink", "title"]
    post = Post(**{name: f"v-{name}" for name in names})
    spill = SpillFile()
    first, second = CompactPost(post, spill), CompactPost(Post("x", "2", None, caption="ü 🇮🇩"),
                                                          spill)
    assert all(getattr(first, name) == f"v-{name}" for name in _KEPT)
    assert first.texts() == ("v-caption", "v-title", "v-permalink")
    assert second.texts() == ("ü 🇮🇩", "", None)
    third = CompactPost(Post("x", "3", None, title="judul"), spill)  # a put after a get
    assert third.texts() == ("", "judul", None) and first.texts()[0] == "v-caption"
