"""The accept and reject lists of the dictionary rules, gathered from the configuration.

Accepted: ``[lint.vocabulary] accept``, the words of the account's name and hashtags (CamelCase
split: ``#KotaContohMaju`` → kota, contoh, maju), and every word of the names and titles in
``roster.yaml``. Rejected: ``[lint.vocabulary] reject``.
"""

from __future__ import annotations

import re

from medsos_cli.config import Config

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def _words(text: str) -> set[str]:
    found = set()
    for word in _WORD.findall(text):
        found.add(word.lower())
        for part in _CAMEL.findall(word):
            found.add(part.lower())
    return found


def accept_words(config: Config) -> frozenset[str]:
    """Lower-case words the spelling rules accept for this configuration."""
    words: set[str] = set()
    for entry in config.vocabulary_accept:
        words |= _words(entry)
    words |= _words(config.account_name)
    for tag in config.hashtags:
        words |= _words(tag)
    if config.roster is not None and config.roster.is_file():
        from medsos_cli.roster import load_roster

        for official in load_roster(config.roster).officials.values():
            words |= _words(f"{official.jabatan} {official.nama_lengkap}")
    return frozenset(words)


def reject_words(config: Config) -> frozenset[str]:
    """Lower-case words the spelling rule always reports."""
    return frozenset(w.strip().lower() for w in config.vocabulary_reject if w.strip())


def term_words(rules) -> frozenset[str]:
    """Single words that substitution rules already report (their own finding wins)."""
    words: set[str] = set()
    for rule in rules:
        for key, _ in getattr(rule, "pairs", ()):
            if " " not in key:
                words.add(key.lower())
    return frozenset(words)
