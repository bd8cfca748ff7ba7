"""Build the labelled corpus (data/understanding/corpus.csv) from the hand-written seed files.

Every seed text is written by hand (data/understanding/*.txt, labelling rules in
docs/korpus-pemahaman.md). Each seed gets a few written-out variants in other voices: informal
spelling (gak, udah, yg), typos, no final punctuation, a greeting or a tag, an emoji that fits
its sentiment. A seed and all its variants fall in the same split, so the dev and test splits
hold only texts whose wording the model never saw in training.

The split is drawn before any tuning from a seeded hash of each seed text (70 % train, 15 %
dev, 15 % test), so it is deterministic and stays put when seeds are added.

Usage: python tools/understanding/build_corpus.py  (rewrites data/understanding/corpus.csv)
"""

from __future__ import annotations

import csv
import random
import re
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "understanding"
SEED = 20261202
SPLITS = (("train", 0.70), ("dev", 0.15), ("test", 0.15))

CLASS_CODES = {"pu": "pujian", "ta": "pertanyaan", "ad": "aduan", "kr": "kritik",
               "la": "lainnya"}
SENT_CODES = {"+": "positif", "0": "netral", "-": "negatif"}

# Informal spellings as citizens write them (several choices per word).
SLANG = {
    "yang": ["yg", "yng"], "tidak": ["gak", "ga", "nggak", "tdk", "ngga"],
    "sudah": ["udah", "udh", "sdh", "dah"], "banget": ["bgt", "bngt"],
    "terima kasih": ["makasih", "trims", "trimakasih", "mksh"], "tolong": ["tlg", "tolongin"],
    "sama": ["sm", "ama"], "saja": ["aja", "aj"], "untuk": ["utk", "buat"],
    "dengan": ["dgn", "sama"], "kalau": ["kalo", "klo", "klw"], "bisa": ["bs", "bisa"],
    "belum": ["blm", "belom"], "saya": ["sy", "aku", "aq"], "sekarang": ["skrg", "skrng"],
    "gimana": ["gmn", "gmna"], "bagaimana": ["gmn", "gimana"], "apa": ["ap", "apa"],
    "juga": ["jg"], "lagi": ["lg"], "karena": ["krn", "soalnya"], "kemarin": ["kmrn", "kemaren"],
    "mohon": ["mhn"], "dari": ["dr"], "berapa": ["brp"], "kapan": ["kpn"], "di mana": ["dmn"],
    "info": ["inpo"], "pak": ["pakk"], "min": ["mimin", "minn"], "ya": ["yaa", "yah"],
    "jam": ["jm"], "masih": ["msh", "masi"], "gara-gara": ["gr2", "gara2"],
}
GREETINGS = ["Min, ", "min ", "Pak, ", "Bu ", "Kak, ", "mimin ", "Assalamualaikum, ", "Punten, ",
             "Nuwun sewu, ", "Halo min, ", "Sore min, "]
TAILS = [" min", " pak", " kak", " ya min", " nggih", " mas admin", " cc @rt05_tidar",
         " @diskominfo_kota", " #MagelangKota", " cc @dpupr_kota"]
EMOJI = {"positif": ["👍", "🙏", "😍", "🔥", "👏", "❤️", "🥰"],
         "negatif": ["😡", "😤", "😭", "🙄", "😔", "🤦", "😩"],
         "netral": ["🙏", "🤔", "", "😊", ""]}
_WORD = re.compile(r"\w+", re.UNICODE)


def read_seeds(name: str) -> list[tuple[str, str, str]]:
    """(post kind, code, text) for each seed line of ``name``."""
    rows: list[tuple[str, str, str]] = []
    post = ""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("# post:"):
            post = line.split(":", 1)[1].strip()
        if not line or line.startswith("#"):
            continue
        code, text = (part.strip() for part in line.split("|", 1))
        rows.append((post, code, text))
    return rows


def slangify(text: str, rng: random.Random) -> str:
    """Replace formal words by the informal spellings comments use (the SLANG table)."""
    out = text
    for formal, informal in SLANG.items():
        if rng.random() < 0.8:
            out = re.sub(rf"\b{re.escape(formal)}\b", lambda _m, i=informal: rng.choice(i), out,
                         flags=re.IGNORECASE)
    return out


def typo(text: str, rng: random.Random) -> str:
    """One or two slips in long words: swapped or dropped letters, elongation, capitals."""
    words = text.split(" ")
    long_words = [k for k, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    for k in rng.sample(long_words, min(len(long_words), rng.choice((1, 2)))):
        w = words[k]
        kind = rng.randrange(4)
        i = rng.randrange(1, len(w) - 2)
        if kind == 0:  # swapped letters
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif kind == 1:  # a dropped vowel or letter
            w = w[:i] + w[i + 1:]
        elif kind == 2:  # an elongated last letter
            w = w + w[-1] * rng.randrange(2, 5)
        else:  # shouted
            w = w.upper()
        words[k] = w
    return " ".join(words)


def casual(text: str) -> str:
    """Lower case, without the closing full stop or exclamation mark."""
    return text.lower().rstrip(".!")


def comment_variants(text: str, sentiment: str, rng: random.Random) -> list[str]:
    """Six renderings of one comment in different voices (the first is the seed itself)."""
    emoji = rng.choice(EMOJI[sentiment])
    variants = [
        text,
        casual(slangify(text, rng)),
        rng.choice(GREETINGS) + text[0].lower() + text[1:],
        typo(text, rng) + (" " + emoji if emoji else ""),
        casual(typo(slangify(text, rng), rng)) + rng.choice(TAILS),
        (rng.choice(GREETINGS) + casual(slangify(text, rng))).replace(",", "")
        + " " + emoji * rng.choice((1, 2, 3)),
    ]
    return [v.strip() for v in variants]


def reply_variants(text: str, rng: random.Random) -> list[str]:
    """A reply as written, casual, with another form of address, and in slang."""
    swap = rng.choice(("Pak", "Bu", "Mas", "Mbak", "Sob"))
    return [text, casual(text), text.replace("Kak", swap), slangify(text, rng)]


def campaign_variants(text: str, rng: random.Random) -> list[str]:
    """A campaign text as written, casual slang, with a typo, and with an emoji."""
    return [text, casual(slangify(text, rng)), typo(text, rng), text.replace(".", " 🙏", 1)]


def assign_split(task: str, seed_text: str) -> str:
    """The split of one seed: a seeded hash of its task and text, so that adding seeds later
    never moves an existing seed (and its variants) to another split."""
    draw = zlib.crc32(f"{SEED}|{task}|{seed_text}".encode()) / 2**32
    edge = 0.0
    for name, share in SPLITS:
        edge += share
        if draw < edge:
            return name
    return SPLITS[-1][0]


def main() -> None:
    """Write the labelled corpus from the seed files (deterministic)."""
    rows: list[dict[str, str]] = []
    for task, name in (("kelas", "komentar.txt"), ("nada", "balasan.txt"),
                       ("kampanye", "kampanye.txt")):
        for k, (post, code, text) in enumerate(read_seeds(name)):
            gid = f"{task}-{k:04d}"
            rng = random.Random(zlib.crc32(f"{SEED}:{gid}".encode()))
            if task == "kelas":
                label, sentiment = CLASS_CODES[code[:2]], SENT_CODES[code[2]]
                texts = comment_variants(text, sentiment, rng)
            else:
                label, sentiment = code, ""
                texts = (reply_variants if task == "nada" else campaign_variants)(text, rng)
            split = assign_split(task, text)
            seen: set[str] = set()
            for v, variant in enumerate(texts):
                if variant in seen:
                    continue
                seen.add(variant)
                rows.append({"id": f"{gid}-{v}", "group": gid, "task": task, "post": post,
                             "label": label, "sentiment": sentiment, "text": variant,
                             "split": split})
    path = DATA / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "group", "split", "task", "post", "label",
                                         "sentiment", "text"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        counts[row["task"], row["split"]] = counts.get((row["task"], row["split"]), 0) + 1
    for key in sorted(counts):
        print(*key, counts[key])


if __name__ == "__main__":
    main()
