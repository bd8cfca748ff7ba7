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
    assert lint["rulebooks"] == ["default"]
    assert lint["posts_checked"] == 4
    assert lint["posts_with_errors"] == 1
    assert lint["posts_with_warnings"] >= 2
    by_id = {p["id"]: p for p in lint["posts"]}
    assert "platform.x.panjang" in by_id["2"]["rules"] and by_id["2"]["errors"] >= 1
    assert "platform.x.panjang" not in by_id.get("3", {"rules": []})["rules"]
    assert "singkatan.sms" in by_id["1"]["rules"] and "singkatan.sms" in by_id["5"]["rules"]
    rules = {r["rule"]: r for r in lint["rules"]}
    assert rules["singkatan.sms"]["count"] == 2  # posts in which the rule was broken
    assert rules["singkatan.sms"]["level"] == "warning"
    assert "yg" in rules["singkatan.sms"]["message"]
    assert rules["platform.x.panjang"]["level"] == "error"
    counts = [r["count"] for r in lint["rules"]]
    assert counts == sorted(counts, reverse=True)
    assert [p["id"] for p in lint["posts"]] == [p for p in ["1", "2", "3", "5"] if p in by_id]


def test_youtube_title_is_linted_when_there_is_no_description(config, linter):
    lint = lint_posts([post("youtube", "v", "", title="Rapat yg membahas anggaran")], config,
                      linter=linter)
    assert lint["posts_checked"] == 1 and lint["posts"][0]["rules"] == ["singkatan.sms"]


def test_no_posts_gives_empty_counts_without_building_a_linter(config):
    lint = lint_posts([], config)
    assert lint == {"rulebooks": ["default"], "posts_checked": 0, "posts_with_errors": 0,
                    "posts_with_warnings": 0, "rules": [], "posts": []}


def test_configured_rulebook_names(tmp_path):
    config = Config(rulebooks=["default", str(tmp_path / "aturan-dinas")])
    assert lint_posts([], config)["rulebooks"] == ["default", "aturan-dinas"]


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
    rules = {p["id"]: p["rules"] for p in lint["posts"]}
    assert "akun.tagar-resmi" not in rules.get("7", [])  # a reply needs no official hashtag
    assert "akun.tagar-resmi" in rules["8"]


def test_small_batches_stay_in_process():
    assert lintposts._workers(lintposts.PARALLEL_MIN - 1) == 1
