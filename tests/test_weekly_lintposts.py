"""SOP compliance of the week's posted captions, linted with the configured rulebook."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone

import pytest

from medsos_cli.config import Config
from medsos_cli.exports.model import Post
from medsos_cli.lint.run import build_linter, build_rulebook
from medsos_cli.weekly import lintposts
from medsos_cli.weekly.lintposts import lint_posts
from medsos_cli.weekly.model import LintSummary

WIB = timezone(timedelta(hours=7))
WHEN = datetime(2026, 11, 17, 9, 0, tzinfo=WIB)


@pytest.fixture(scope="module")
def config() -> Config:
    return Config(account_name="Diskominfo Kota Contoh")


@pytest.fixture(scope="module")
def linter(config):
    return build_linter(config, build_rulebook(config))


def post(platform: str, post_id: str, caption: str, **kw) -> Post:
    return Post(platform, post_id, WHEN, caption=caption, permalink=f"https://e/{post_id}", **kw)


def test_counts_rules_and_posts(config, linter):
    long_text = "Informasi layanan kependudukan hari ini. " * 10  # ~410 characters
    posts = [
        post("facebook", "1", "Info yg penting bagi warga."),  # singkatan.sms (warning)
        post("x", "2", long_text),  # over X's 280 weighted characters (error)
        post("facebook", "3", long_text),  # the same text is fine on Facebook
        post("instagram", "4", ""),  # nothing to check
        post("facebook", "5", "Info yg penting bagi warga."),  # same caption: linted once
    ]
    lint = lint_posts(posts, config, linter=linter)
    assert lint.rulebooks == ["default"]
    assert lint.posts_checked == 4
    assert lint.posts_with_errors == 1
    assert lint.posts_with_warnings >= 2
    by_id = {p.id: p for p in lint.posts}
    assert "platform.x.panjang" in by_id["2"].rules and by_id["2"].errors >= 1
    assert "3" not in by_id or "platform.x.panjang" not in by_id["3"].rules
    assert "singkatan.sms" in by_id["1"].rules and "singkatan.sms" in by_id["5"].rules
    rules = {r.rule: r for r in lint.rules}
    assert rules["singkatan.sms"].count == 2  # posts in which the rule was broken
    assert rules["singkatan.sms"].level == "warning"
    assert "yg" in rules["singkatan.sms"].message
    assert rules["platform.x.panjang"].level == "error"
    counts = [r.count for r in lint.rules]
    assert counts == sorted(counts, reverse=True)
    assert [p.id for p in lint.posts] == [p for p in ["1", "2", "3", "5"] if p in by_id]


def test_youtube_title_is_linted_when_there_is_no_description(config, linter):
    lint = lint_posts([post("youtube", "v", "", title="Rapat yg membahas anggaran")], config,
                      linter=linter)
    assert lint.posts_checked == 1 and lint.posts[0].rules == ["singkatan.sms"]


def test_no_posts_gives_empty_counts_without_building_a_linter(config):
    lint = lint_posts([], config)
    assert lint == LintSummary(rulebooks=["default"], posts_checked=0, posts_with_errors=0,
                               posts_with_warnings=0, rules=[], posts=[])


def test_configured_rulebook_names(tmp_path):
    config = Config(rulebooks=["default", str(tmp_path / "aturan-dinas")])
    assert lint_posts([], config).rulebooks == ["default", "aturan-dinas"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")
def test_parallel_lint_gives_the_same_findings(config, linter, monkeypatch):
    items = [("facebook" if i % 2 else "x", "caption",
              f"Info yg ke-{i} untuk warga. " * (1 + i % 15)) for i in range(60)]
    monkeypatch.setattr(lintposts, "_workers", lambda count: 1)
    alone = lintposts.lint_texts(linter, items)
    monkeypatch.setattr(lintposts, "_workers", lambda count: 2)
    assert lintposts.lint_texts(linter, items) == alone
    assert any(rule == "platform.x.panjang" for briefs in alone for rule, _, _ in briefs)


def test_replies_are_linted_as_replies():
    config = Config(account_name="Diskominfo Kota Contoh", hashtags=["#KotaContoh"])
    linter = build_linter(config, build_rulebook(config))
    reply = post("x", "7", "@warga_contoh Terima kasih laporannya, sudah kami teruskan ke DPUPR.",
                 post_type="balasan")
    caption = post("x", "8", "Terima kasih laporannya, sudah kami teruskan ke DPUPR.")
    lint = lint_posts([reply, caption], config, linter=linter)
    rules = {p.id: p.rules for p in lint.posts}
    assert "akun.tagar-resmi" not in rules.get("7", [])  # a reply needs no official hashtag
    assert "akun.tagar-resmi" in rules["8"]


def test_small_batches_stay_in_process():
    assert lintposts._workers(lintposts.PARALLEL_MIN - 1) == 1


# -- the lint-result cache in the history database ---------------------------------------------

CACHED_POSTS = [
    post("facebook", "c1", "Info yg penting bagi warga."),
    post("x", "c2", "Informasi layanan kependudukan hari ini. " * 10),
    post("instagram", "c3", "Pelayanan KTP buka Sabtu ini di kantor kecamatan. #KotaContoh"),
    post("x", "c4", "@warga Terima kasih, sudah kami teruskan.", post_type="balasan"),
]


def counting(monkeypatch) -> list[int]:
    calls = [0]
    real = lintposts._lint_one

    def lint_one(*args):
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(lintposts, "_lint_one", lint_one)
    return calls


def test_cached_findings_equal_fresh_findings(config, tmp_path, monkeypatch):
    from medsos_cli.weekly.history import History

    fresh = lint_posts(CACHED_POSTS, config)
    calls = counting(monkeypatch)
    with History(tmp_path / "h.sqlite3") as history:
        assert lint_posts(CACHED_POSTS, config, history=history) == fresh
        assert calls[0] == 4
    with History(tmp_path / "h.sqlite3") as history:  # a later run: nothing linted again
        assert lint_posts(CACHED_POSTS, config, history=history) == fresh
        assert calls[0] == 4
        more = [*CACHED_POSTS, post("facebook", "c5", "Rapat yg kedua besok.")]
        lint_posts(more, config, history=history)
        assert calls[0] == 5  # only the new caption


def test_changed_settings_invalidate_the_cache(config, tmp_path, monkeypatch):
    from medsos_cli.weekly.history import History

    calls = counting(monkeypatch)
    stricter = Config(account_name=config.account_name, levels={"singkatan.sms": "error"})
    with History(tmp_path / "h.sqlite3") as history:
        before = lint_posts(CACHED_POSTS[:1], config, history=history)
        after = lint_posts(CACHED_POSTS[:1], stricter, history=history)
        assert calls[0] == 2
        assert before.posts_with_errors == 0 and after.posts_with_errors == 1
        assert lint_posts(CACHED_POSTS[:1], config, history=history) == before
        assert calls[0] == 2  # both fingerprints are kept


def test_fingerprint_follows_rulebook_files_and_settings(config, tmp_path):
    folder = tmp_path / "aturan"
    folder.mkdir()
    (folder / "aturan.yaml").write_text("rules: []\n", encoding="utf-8")

    class Book:
        paths = [folder]

    first = lintposts.lint_fingerprint(config, Book)
    assert lintposts.lint_fingerprint(config, Book) == first
    (folder / "aturan.yaml").write_text("rules: [] # diubah\n", encoding="utf-8")
    edited = lintposts.lint_fingerprint(config, Book)
    assert edited != first
    (folder / "tambahan.yml").write_text("rules: []\n", encoding="utf-8")
    assert lintposts.lint_fingerprint(config, Book) != edited
    for changed in (Config(account_name=config.account_name, disable=["singkatan.sms"]),
                    Config(account_name=config.account_name, hashtags=["#KotaContoh"]),
                    Config(account_name="Dinas Lain")):
        assert lintposts.lint_fingerprint(changed, Book) != lintposts.lint_fingerprint(config,
                                                                                        Book)


def test_no_cache_without_history_or_when_disabled(config, tmp_path, monkeypatch):
    from medsos_cli.weekly.history import History

    calls = counting(monkeypatch)
    lint_posts(CACHED_POSTS[:1], config)
    lint_posts(CACHED_POSTS[:1], config)
    assert calls[0] == 2
    monkeypatch.setenv("MEDSOS_NO_CACHE", "1")
    with History(tmp_path / "h.sqlite3") as history:
        lint_posts(CACHED_POSTS[:1], config, history=history)
        lint_posts(CACHED_POSTS[:1], config, history=history)
        assert calls[0] == 4
        assert history.db.execute("SELECT COUNT(*) FROM lint_cache").fetchone() == (0,)


def test_only_the_newest_fingerprints_are_kept(tmp_path):
    from medsos_cli.weekly.history import LINT_BOOKS_KEPT, History

    with History(tmp_path / "h.sqlite3") as history:
        for k in range(LINT_BOOKS_KEPT + 2):
            history.lint_store(f"fp{k}", {("x", "caption", f"{k:064x}"): [("r", 1, "m")]})
        kept = {r[0] for r in history.db.execute("SELECT DISTINCT fingerprint FROM lint_cache")}
        assert kept == {f"fp{k}" for k in range(2, LINT_BOOKS_KEPT + 2)}
        assert history.lint_lookup("fp5") == {("x", "caption", f"{5:064x}"): [("r", 1, "m")]}
        assert history.lint_lookup("fp0") == {}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")
def test_workers_stopped_when_the_result_is_not_wanted(config, linter, monkeypatch):
    monkeypatch.setattr(lintposts, "_workers", lambda count: 2)
    pending = lintposts.start_lint([post("x", str(i), f"Info yg ke-{i}.") for i in range(40)],
                                   config, linter=linter)
    pool = pending.batch.pool
    assert pool is not None
    pending.close()
    assert pending.batch.pool is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")
def test_early_forked_workers_give_the_same_findings(config, linter, monkeypatch):
    posts = [post("facebook" if i % 2 else "x", str(i),
                  f"Info yg ke-{i} untuk warga. " * (1 + i % 15)) for i in range(60)]
    alone = lint_posts(posts, config, linter=linter)
    monkeypatch.setattr(lintposts, "_cores", lambda: 2)
    monkeypatch.setattr(lintposts, "PARALLEL_MIN", 10)
    with lintposts.LintWorkers(config) as workers:
        assert workers.pool is not None
        assert lintposts.start_lint(posts, config, workers=workers).result() == alone
        assert workers.pool is not None  # still there for another batch
    assert workers.pool is None
