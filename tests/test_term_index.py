"""The term index visits only the words that can begin a term; it must find exactly what a
visit of every word finds, with the bundled rulebook (9,000 terms, case-sensitive ones too)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medsos_cli.config import Config
from medsos_cli.lint.run import build_rulebook
from medsos_cli.text.document import Document


@pytest.fixture(scope="module")
def index():
    return build_rulebook(Config(), None).term_index()


# Term words and phrase starters of the bundled rulebook (also in capitals, as the
# case-sensitive 'yg'/'Yg' entries need), beside ordinary words, joined by gaps that do and do
# not let a phrase continue.
WORDS = ["yg", "Yg", "YG", "dgn", "Utk", "himbauan", "Menghimbau", "dalam", "rangka",
         "Dalam", "RANGKA", "sehubungan", "dengan", "hal", "tersebut", "di", "mana", "warga",
         "Puskesmas", "buka", "bagi", "para", "bapak", "ibu", "merubah", "ijin", "aktifitas"]
GAPS = [" ", "  ", "\t", "\n", ", ", ". ", " #tagar ", " 08.00 WIB ", " - ", "\u00a0"]


def _everywhere(index, doc):
    return index._scan(doc, list(range(len(doc.words))), None)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=30))
def test_same_matches_as_visiting_every_word(index, pieces):
    doc = Document("".join(w + g for w, g in pieces))
    assert index.find(doc) == _everywhere(index, doc)


def test_finds_case_sensitive_and_phrase_terms(index):
    doc = Document("Yg hadir dalam rangka rapat, menghimbau warga.")
    found = index.find(doc)
    assert found == _everywhere(index, doc)
    assert {doc.text[m.start:m.end] for m in found} >= {"Yg", "dalam rangka", "menghimbau"}


def test_text_without_terms_finds_nothing(index):
    assert index.find(Document("Warga datang ke balai.")) == []
