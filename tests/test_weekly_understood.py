"""Comment texts understood in an earlier run are kept in the history and not classified
again: the report is the same, a new installation (code, model, lexicon) classifies afresh,
and a damaged cache only means classifying again. A week stored again updates no reply."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medsos_cli import cache
from medsos_cli.config import Config
from medsos_cli.exports.model import Comment, ImportResult
from medsos_cli.weekly import conversation
from medsos_cli.weekly.build import build_report
from medsos_cli.weekly.history import History

WIB = timezone(timedelta(hours=7))
TEXTS = [
    "Terima kasih infonya, sangat membantu 🙏",
    "Jalan rusak di depan pasar kapan diperbaiki?",
    "Pelayanan KTP lambat sekali, antre dari pagi",
    "Kok jadwalnya diganti terus sih",
    "Mantap, semoga lancar acaranya",
    "Air PDAM mati sejak kemarin, tolong dicek",
]


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=WIB)


def comments(texts=TEXTS) -> list[ImportResult]:
    rows = [Comment("instagram", str(i % 2), f"@warga{i}", at(16 + i % 7, 8 + i % 5), text,
                    replied_at=at(16 + i % 7, 14) if i % 3 else None)
            for i, text in enumerate(texts)]
    return [ImportResult("komentar.csv", "medsos_comments", rows=len(rows), comments=rows)]


def report(db, results=None) -> dict:
    config = Config(account_name="Diskominfo Kota Contoh")
    return build_report(results or comments(), week="2026-W47", config=config,
                        db=db).to_dict()


@pytest.fixture
def counted(monkeypatch):
    """Count the texts the model classifies."""
    seen: list[str] = []
    real = conversation._understand

    def understand(text, *args):
        seen.append(text)
        return real(text, *args)

    monkeypatch.setattr(conversation, "_understand", understand)
    return seen


def test_a_second_run_classifies_nothing_and_reports_the_same(tmp_path, counted):
    db = tmp_path / "riwayat.sqlite3"
    first = report(db)
    assert sorted(counted) == sorted(TEXTS)
    counted.clear()
    again = report(db)
    assert counted == []
    assert again["comments"] == first["comments"]
    without = build_report(comments(), week="2026-W47", use_history=False,
                           config=Config(account_name="Diskominfo Kota Contoh")).to_dict()
    assert again["comments"] == without["comments"]


def test_only_new_texts_are_classified(tmp_path, counted):
    db = tmp_path / "riwayat.sqlite3"
    report(db, comments(TEXTS[:4]))
    counted.clear()
    report(db)
    assert sorted(counted) == sorted(TEXTS[4:])


def test_a_new_installation_classifies_again_and_forgets_the_old(tmp_path, counted,
                                                                monkeypatch):
    db = tmp_path / "riwayat.sqlite3"
    report(db)
    first_fingerprint = cache.installation_fingerprint()
    counted.clear()
    monkeypatch.setattr(cache, "installation_fingerprint", lambda: "model-baru")
    report(db)
    assert sorted(counted) == sorted(TEXTS)
    with History(db) as history:
        assert history.understood_lookup("model-baru")
        assert history.understood_lookup(first_fingerprint) == {}
        assert history.db.execute("SELECT COUNT(*) FROM understood").fetchone()[0] == len(TEXTS)


def test_a_damaged_row_only_means_classifying_again(tmp_path, counted):
    db = tmp_path / "riwayat.sqlite3"
    first = report(db)
    with History(db) as history, history.db:
        history.db.execute("UPDATE understood SET stream = X'6a616c616e' WHERE rowid % 2")
        history.db.execute("UPDATE understood SET class = 'hilang' WHERE rowid % 2 = 0")
    counted.clear()
    assert report(db)["comments"] == first["comments"]
    assert sorted(counted) == sorted(TEXTS)


@pytest.mark.parametrize("row", [
    ("aduan", "negatif", 0.0, 0.9, 0.9, 0, 0, 5),
    ("aduan", "negatif", 0.0, 0.9, 0.9, 0, 0, None),
    ("aduan", "negatif", 0.0, 0.9, 0.9, 0, 0, b"jalan"),
    ("hilang", "negatif", 0.0, 0.9, 0.9, 0, 0, ""),
    ("aduan", "marah", 0.0, 0.9, 0.9, 0, 0, ""),
    ("aduan", "negatif", "banyak", 0.9, 0.9, 0, 0, ""),
    ("aduan", "negatif"),
])
def test_recall_refuses_a_damaged_row(row):
    with pytest.raises(ValueError):
        conversation.recall(row)


def test_remember_then_recall_gives_the_analysis_back():
    engine = conversation._engine()
    for text in TEXTS:
        items = engine.items(text)
        result = conversation._understand(text, items, engine, conversation._model())
        stream = engine.theme_stream(items)
        back, back_stream = conversation.recall(conversation.remember(result, stream))
        assert (back, back_stream) == (result, stream)
        assert [type(v) for v in back] == [type(v) for v in result]  # 0.0 stays a float


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
       | st.lists(st.sampled_from(["jalan", "rusak", "?", "!", "#Tagar", "😡", "\x1f", " ",
                                   "\n", "tidak", "ada", "."]), max_size=12).map("".join))
def test_a_theme_stream_survives_the_history_for_any_text(text):
    engine = conversation._engine()
    items = engine.items(text)
    stream = engine.theme_stream(items)
    assert all(item and conversation.STREAM_SEPARATOR not in item for item in stream)
    result = conversation._understand(text, items, engine, conversation._model())
    assert conversation.recall(conversation.remember(result, stream)) == (result, stream)


def test_only_the_newest_texts_are_kept(tmp_path, monkeypatch):
    from medsos_cli.weekly import history as module

    monkeypatch.setattr(module, "UNDERSTOOD_KEPT", 3)
    row = ("aduan", "negatif", -1.0, 0.9, 0.8, 0, 1, f"jalan{conversation.STREAM_SEPARATOR}rusak")
    with History(tmp_path / "riwayat.sqlite3") as history:
        history.understood_store("v1", [(bytes([i]), row) for i in range(5)])
        history.understood_store("v1", [(b"\x09", row)])
        assert sorted(history.understood_lookup("v1")) == [b"\x03", b"\x04", b"\x09"]


def test_a_week_stored_again_updates_no_reply(tmp_path):
    stored = comments()[0].comments
    with History(tmp_path / "riwayat.sqlite3") as history:
        history.store_comments(stored)
        statements: list[str] = []
        history.db.set_trace_callback(statements.append)
        later = [Comment(c.platform, c.post_ref, c.author, c.time, c.text,
                         replied_at=at(23)) for c in stored]
        assert history.store_comments(later) == 0
        history.db.set_trace_callback(None)
        replies = dict(history.db.execute("SELECT text, replied_at FROM comments"))
    updates = [s for s in statements if s.startswith("UPDATE")]
    unanswered = [c for c in stored if c.replied_at is None]
    assert len(updates) == len(unanswered)  # only those without a reply time yet
    for c in stored:  # a reply time already kept is never replaced
        expected = c.replied_at or at(23)
        assert replies[c.text] == expected.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
