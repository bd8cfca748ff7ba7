"""``medsos rollup DIR``: the province's scorecard over every office's Parquet hand-over.

The folder is scanned first (pyarrow reads only the file footers): every file that is not a
hand-over table, a file of another schema version, a corrupt file, a missing table and a week
sent twice get an Indonesian message naming the file. The chosen files are then read with
DuckDB, an in-process engine that streams Parquet and aggregates past memory.

Score (shown in the report, :data:`FORMULA`), each part between 0 and 1:

* P (unggahan) = min(1, posts / target), target = minimum per account and week × accounts ×
  days / 7; accounts are those with posts or daily values in the period;
* E (interaksi) = min(1, ER / province median ER); an unknown ER counts 0;
* L (layanan aduan) = complaints answered within the SLA / complaints received; no complaint
  received counts 1;
* S (SOP) = max(0, 1 − findings per 100 posts / 100).

Score = 100 × (0.4 P + 0.2 E + 0.2 L + 0.2 S), rounded to one decimal; ties share a rank.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from statistics import median
from typing import Any
from zoneinfo import ZoneInfo

from medsos_cli import __version__
from medsos_cli.errors import InputError
from medsos_cli.province.schema import (
    META_OFFICE,
    META_OFFICE_NAME,
    META_SCHEMA,
    META_TABLE,
    META_WEEK,
    PARQUET_SCHEMA,
    TABLES,
)
from medsos_cli.weekly.week import Period, Week, parse_week, week_of

ROLLUP_VERSION = 1
TREND_WEEKS = 8
WEIGHTS = {"posting": 0.4, "engagement": 0.2, "service": 0.2, "sop": 0.2}
FORMULA = ("Skor = 100 × (0,4 × P + 0,2 × E + 0,2 × L + 0,2 × S); P = min(1; unggahan ÷ "
           "target), target = minimum per akun per pekan × jumlah akun × hari ÷ 7; E = min(1; "
           "ER kantor ÷ median ER provinsi), ER tidak diketahui = 0; L = aduan dijawab dalam "
           "SLA ÷ aduan diterima, tanpa aduan = 1; S = maks(0; 1 − temuan SOP per 100 "
           "unggahan ÷ 100)")
_OFFICE_DIR = re.compile(r"office=(.+)")
_WEEK_DIR = re.compile(r"week=(.+)")
_IGNORED = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass
class Part:
    """One office-week folder of the hand-over."""

    office: str
    week: Week
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)
    rows: int = 0  # posts rows (footer), to choose between copies
    name: str = ""


@dataclass
class Scan:
    """What the folder holds: usable partitions, problems, every office and week seen."""

    parts: dict[tuple[str, Week], Part] = field(default_factory=dict)
    problems: list[dict[str, str]] = field(default_factory=list)
    offices: dict[str, str] = field(default_factory=dict)  # id -> name
    weeks_seen: dict[str, set[Week]] = field(default_factory=lambda: defaultdict(set))

    def problem(self, path: Path | str, message: str) -> None:
        self.problems.append({"path": str(path), "message": message})


def scan(root: Path, weeks: set[Week], con: Any, full: set[Week] | None = None) -> Scan:
    """Find the hand-over files under ``root`` and check (with DuckDB connection ``con``) the
    files of ``weeks``: every table for the weeks in ``full`` (default: all of ``weeks``),
    only ``posts`` for the others (the trend needs nothing else)."""
    root = Path(root)
    if not root.is_dir():
        raise InputError("folder rekap tidak ditemukan", root)
    full = weeks if full is None else full
    found = Scan()
    candidates: dict[tuple[str, Week], list[Part]] = defaultdict(list)
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        here = Path(folder)
        week_dir, office_dir = here.name, here.parent.name
        office_match, week_match = _OFFICE_DIR.fullmatch(office_dir), _WEEK_DIR.fullmatch(week_dir)
        week = None
        if office_match is not None and week_match is not None:
            try:
                week = parse_week(week_match.group(1), today=date(2000, 1, 1))
            except InputError:
                week = None
        for name in sorted(files):
            path = here / name
            if name.lower() in _IGNORED or name.startswith("."):
                continue
            table = name[:-len(".parquet")] if name.endswith(".parquet") else None
            if office_match is None or week_match is None or table not in TABLES:
                found.problem(path, "berkas asing di folder serah-terima (bukan office=…/"
                              f"week=…/{{{','.join(TABLES)}}}.parquet); tidak dibaca")
                continue
            if week is None:
                found.problem(path, f"nama folder “{week_dir}” bukan pekan ISO (week=2026-W47); "
                              "tidak dibaca")
                continue
            office = office_match.group(1)
            found.weeks_seen[office].add(week)
            found.offices.setdefault(office, office)
            if week not in weeks or (week not in full and table != "posts"):
                continue
            group = candidates[(office, week)]
            part = next((p for p in group if p.folder == here), None)
            if part is None:
                part = Part(office, week, here)
                group.append(part)
            part.files[table] = path
    _check(con, [p for group in candidates.values() for p in group], found)
    for key, group in sorted(candidates.items(), key=lambda item: (item[0][0], item[0][1])):
        if key[1] in full:
            for part in group:
                missing = [t for t in TABLES if t not in part.files]
                if part.files and missing:
                    found.problem(part.folder, "partisi tidak lengkap: tidak ada "
                                  f"{', '.join(t + '.parquet' for t in missing)}; angka kantor "
                                  f"ini pada pekan {part.week.label} untuk bagian itu tidak "
                                  "diketahui")
        usable = [p for p in group if p.files]
        if not usable:
            continue
        # The same week sent twice (two e-mails unpacked side by side): keep the copy with
        # the most posts, then the last folder in name order, and say so.
        usable.sort(key=lambda p: (p.rows, str(p.folder)))
        kept = usable[-1]
        for other in usable[:-1]:
            found.problem(other.folder, f"data {key[0]} pekan {key[1].label} dikirim dua kali; "
                          f"yang dipakai {kept.folder} ({kept.rows} unggahan), salinan ini "
                          "diabaikan agar tidak terhitung dua kali")
        found.parts[key] = kept
        if kept.name:
            found.offices[key[0]] = kept.name
    return found


def _footers(con: Any, files: list[str]) -> tuple[dict, dict, dict]:
    """Key-value metadata, row counts and column names of ``files`` (DuckDB reads only the
    footers, all files in one call)."""
    kv: dict[str, dict[str, str]] = defaultdict(dict)
    for name, key, value in con.execute(
            "SELECT file_name, key::VARCHAR, value::VARCHAR FROM parquet_kv_metadata(?)",
            [files]).fetchall():
        kv[name][key] = value
    rows = dict(con.execute("SELECT file_name, num_rows FROM parquet_file_metadata(?)",
                            [files]).fetchall())
    columns: dict[str, list[str]] = defaultdict(list)
    for name, column in con.execute("SELECT file_name, name FROM parquet_schema(?)",
                                    [files]).fetchall():
        columns[name].append(column)
    return kv, rows, columns


def _check(con: Any, parts: list[Part], found: Scan) -> None:
    """Keep the parts' files whose footer is a hand-over table of this schema and place."""
    files = [path.as_posix() for part in parts for path in part.files.values()]
    if not files:
        return
    broken: set[str] = set()
    try:
        kv, rows, columns = _footers(con, files)
    except Exception:  # noqa: BLE001 - one damaged file fails the bulk read: find it
        kv, rows, columns = {}, {}, {}
        for name in files:
            try:
                one = _footers(con, [name])
            except Exception:  # noqa: BLE001 - DuckDB raises several types for damaged files
                broken.add(name)
                continue
            kv.update(one[0])
            rows.update(one[1])
            columns.update(one[2])
    for part in parts:
        for table in list(part.files):
            path = part.files[table]
            name = path.as_posix()
            problem = _file_problem(table, part, name in broken, kv.get(name, {}),
                                    columns.get(name, []))
            if problem:
                found.problem(path, problem)
                del part.files[table]
                continue
            if table == "posts":
                part.rows = rows.get(name, 0)
            part.name = kv[name].get(META_OFFICE_NAME.decode(), "") or part.name


def _file_problem(table: str, part: Part, broken: bool, kv: dict[str, str],
                  columns: list[str]) -> str | None:
    if broken:
        return ("berkas rusak atau bukan Parquet yang utuh; tidak dibaca (minta kantor mengirim "
                "ulang)")
    version = kv.get(META_SCHEMA.decode())
    if version is None:
        return "bukan berkas serah-terima medsos (tanpa metadata medsos.schema); tidak dibaca"
    if version != str(PARQUET_SCHEMA):
        return (f"skema serah-terima versi {version}, sedangkan medsos ini membaca versi "
                f"{PARQUET_SCHEMA}; samakan versi medsos kantor dan provinsi")
    wanted = [c for c, _ in TABLES[table]]
    # parquet_schema lists the root element first, then the columns (flat tables only)
    if kv.get(META_TABLE.decode()) != table or columns[1:] != wanted:
        return f"isi berkas tidak sesuai tabel {table} (kolom atau metadata berbeda); tidak dibaca"
    office, week = kv.get(META_OFFICE.decode()), kv.get(META_WEEK.decode())
    if office != part.office or week != part.week.label:
        return (f"metadata kantor/pekan berkas tidak sama dengan nama foldernya (berkas: "
                f"{office or '?'}, {week or '?'}); tidak dibaca")
    return None


# -- computing --------------------------------------------------------------------------------

_DUCK_TYPES = {"string": "VARCHAR", "int64": "BIGINT", "bool": "BOOLEAN", "date": "DATE",
               "timestamp": "TIMESTAMPTZ"}


def _views(con: Any, parts: list[Part]) -> dict[str, set[tuple[str, Week]]]:
    """One DuckDB view per table over the chosen files; returns which parts have each table."""
    have: dict[str, set[tuple[str, Week]]] = {}
    for table, columns in TABLES.items():
        files = [p.files[table].as_posix() for p in parts if table in p.files]
        have[table] = {(p.office, p.week) for p in parts if table in p.files}
        if files:
            relation = con.read_parquet(files, hive_partitioning=True)
            relation.create_view(table)
        else:
            cols = ", ".join(f'CAST(NULL AS {_DUCK_TYPES[t]}) AS "{c}"' for c, t in columns)
            con.execute(f"CREATE VIEW {table} AS SELECT {cols}, CAST(NULL AS VARCHAR) AS office,"
                        " CAST(NULL AS VARCHAR) AS week WHERE false")
    return have


def _local_midnight(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def compute(root: Path, period: Period, *, tz: str, sla_hours: float, min_posts_week: int,
            expected: dict[str, str] | None = None) -> dict:
    """The roll-up report dict (docs/province.md) of ``period`` over the folder ``root``.

    ``expected`` (office id -> name, from the province's registry) names the offices that
    should have sent data; without it, every office seen in any week of the folder.
    """
    import duckdb

    last_week = week_of(period.end)
    trend_weeks = [last_week]
    while len(trend_weeks) < TREND_WEEKS:
        trend_weeks.insert(0, trend_weeks[0].previous())
    weeks = set(period.weeks) | set(trend_weeks)
    con = duckdb.connect(config={"threads": "2", "memory_limit": "700MB"})
    try:
        found = scan(root, weeks, con, full=set(period.weeks))
        offices = dict(found.offices)
        if expected:
            offices.update(expected)
        in_period = set(period.weeks)
        _views(con, [p for p in found.parts.values() if p.week in in_period])
        trend_files = [p.files["posts"].as_posix() for p in found.parts.values()
                       if "posts" in p.files]
        if trend_files:
            con.read_parquet(trend_files, hive_partitioning=True).create_view("trend_posts")
        else:
            con.execute("CREATE VIEW trend_posts AS SELECT * FROM posts")
        first, last = period.start, period.end
        args = [first, last]

        def by_office(sql: str, params: list) -> dict[str, tuple]:
            return {row[0]: row[1:] for row in con.execute(sql, params).fetchall()}

        posts = by_office(
            "SELECT office, count(*), count(DISTINCT day), "
            "sum(er_engagements) FILTER (WHERE er_engagements IS NOT NULL AND er_basis > 0), "
            "sum(er_basis) FILTER (WHERE er_engagements IS NOT NULL AND er_basis > 0) "
            "FROM posts WHERE day BETWEEN ? AND ? GROUP BY office", args)
        accounts = by_office(
            "SELECT office, count(*) FROM (SELECT DISTINCT office, platform, account FROM posts "
            "WHERE day BETWEEN ? AND ? UNION SELECT DISTINCT office, platform, account "
            "FROM daily WHERE day BETWEEN ? AND ?) GROUP BY office", args + args)
        cutoff = _local_midnight(last + timedelta(days=1), tz)
        sla = float(sla_hours) * 3600
        complaints = by_office(
            "SELECT office, count(*), "
            "count(*) FILTER (WHERE first_response_at IS NOT NULL AND "
            "epoch(first_response_at) - epoch(received_at) <= ?), "
            "count(*) FILTER (WHERE (first_response_at IS NOT NULL AND "
            "epoch(first_response_at) - epoch(received_at) > ?) OR (first_response_at IS NULL "
            "AND epoch(?::TIMESTAMPTZ) - epoch(received_at) > ?)), "
            "count(*) FILTER (WHERE resolved_at IS NOT NULL OR lower(trim(status)) = 'selesai')"
            " FROM complaints WHERE day BETWEEN ? AND ? GROUP BY office",
            [sla, sla, cutoff, sla] + args)
        findings = by_office("SELECT office, count(*) FROM findings WHERE day BETWEEN ? AND ? "
                             "GROUP BY office", args)
        comments = by_office(
            "SELECT office, count(*), count(*) FILTER (WHERE sentiment = 'negatif') "
            "FROM comments WHERE day BETWEEN ? AND ? GROUP BY office", args)
        trend_rows = con.execute(
            "SELECT office, week, count(*), "
            "sum(er_engagements) FILTER (WHERE er_engagements IS NOT NULL AND er_basis > 0), "
            "sum(er_basis) FILTER (WHERE er_engagements IS NOT NULL AND er_basis > 0) "
            "FROM trend_posts WHERE day BETWEEN ? AND ? GROUP BY office, week",
            [trend_weeks[0].start, trend_weeks[-1].end]).fetchall()
        negative_days = con.execute(
            "SELECT office, day, count(*) FROM comments WHERE day BETWEEN ? AND ? AND "
            "sentiment = 'negatif' GROUP BY office, day", args).fetchall()
        negative_texts = con.execute(
            "SELECT office, text, count(*) FROM comments WHERE day BETWEEN ? AND ? AND "
            "sentiment = 'negatif' GROUP BY office, text", args).fetchall()
    finally:
        con.close()

    period_weeks = set(period.weeks)
    sent = {office for office, week in found.parts if week in period_weeks}
    days = len(period.days)
    rates = {}
    for office, (_, _, num, base) in posts.items():
        if base:
            rates[office] = num / base
    er_median = median(sorted(rates.values())) if rates else None
    trend: dict[str, dict[str, tuple[int, float | None]]] = defaultdict(dict)
    for office, week, count, num, base in trend_rows:
        trend[office][week] = (count, round(num / base, 6) if base else None)
    spikes = _spikes(negative_days, period)
    themes, province_themes = _themes(negative_texts)

    cards = []
    for office in sorted(sent):
        count, active, _, _ = posts.get(office, (0, 0, None, None))
        n_accounts = accounts.get(office, (0,))[0]
        target = min_posts_week * n_accounts * days / 7
        rate = rates.get(office)
        received, within, overdue, resolved = complaints.get(office, (0, 0, 0, 0))
        n_findings = findings.get(office, (0,))[0]
        per_100 = n_findings / count * 100 if count else None
        parts = {
            "posting": min(1.0, count / target) if target else (1.0 if count else 0.0),
            "engagement": (min(1.0, rate / er_median) if rate is not None and er_median
                           else 0.0),
            "service": within / received if received else 1.0,
            "sop": max(0.0, 1 - per_100 / 100) if per_100 is not None else 1.0,
        }
        score = round(100 * sum(WEIGHTS[k] * v for k, v in parts.items()), 1)
        notes = [f"{p['path']}: {p['message']}" for p in found.problems
                 if f"office={office}" in Path(p["path"]).as_posix().split("/")]
        n_comments, n_negative = comments.get(office, (0, 0))
        cards.append({
            "office": office, "name": offices.get(office, office),
            "score": score, "rank": None,
            "parts": {k: round(v, 4) for k, v in parts.items()},
            "posts": count, "accounts": n_accounts, "target_posts": round(target, 1),
            "min_posts_week": min_posts_week,
            "posts_per_account_week": (round(count / n_accounts / (days / 7), 2)
                                       if n_accounts else None),
            "days_without_posts": days - active,
            "engagement_rate": round(rate, 6) if rate is not None else None,
            "er_vs_median": (round(rate / er_median, 4) if rate is not None and er_median
                             else None),
            "complaints": {"received": received, "within_sla": within, "overdue": overdue,
                           "resolved": resolved,
                           "within_sla_share": round(within / received, 4) if received
                           else None},
            "findings": n_findings,
            "findings_per_100_posts": round(per_100, 1) if per_100 is not None else None,
            "comments": n_comments, "negative_comments": n_negative,
            "trend": [{"week": w.label, "posts": trend[office].get(w.label, (0, None))[0],
                       "engagement_rate": trend[office].get(w.label, (0, None))[1],
                       "sent": (office, w) in found.parts} for w in trend_weeks],
            "themes": themes.get(office, []),
            "negative_spikes": spikes.get(office, []),
            "notes": notes,
        })
    cards.sort(key=lambda c: (-c["score"], c["name"], c["office"]))
    rank = 0
    previous = None
    for position, card in enumerate(cards, 1):
        if card["score"] != previous:
            rank, previous = position, card["score"]
        card["rank"] = rank
    missing = []
    for office in sorted(set(offices) - sent):
        seen = sorted(w for w in found.weeks_seen.get(office, set()) if w.end < period.start)
        missing.append({"office": office, "name": offices[office],
                        "last_week": seen[-1].label if seen else None})
    total_posts = sum(c["posts"] for c in cards)
    total_received = sum(c["complaints"]["received"] for c in cards)
    all_num = sum(posts[o][2] or 0 for o in rates)
    all_base = sum(posts[o][3] or 0 for o in rates)
    return {
        "version": ROLLUP_VERSION,
        "generator": f"medsos {__version__}",
        "period": {"label": period.label, "kind": period.kind, "title": period.title,
                   "start": period.start.isoformat(), "end": period.end.isoformat(),
                   "days": days, "weeks": [w.label for w in period.weeks]},
        "timezone": tz,
        "sla_hours": int(sla_hours) if float(sla_hours).is_integer() else sla_hours,
        "min_posts_week": min_posts_week,
        "formula": FORMULA,
        "weights": WEIGHTS,
        "province": {
            "offices_expected": len(offices), "offices_with_data": len(cards),
            "posts": total_posts,
            "engagement_rate": round(all_num / all_base, 6) if all_base else None,
            "engagement_rate_median": round(er_median, 6) if er_median is not None else None,
            "complaints_received": total_received,
            "complaints_within_sla": sum(c["complaints"]["within_sla"] for c in cards),
            "complaints_overdue": sum(c["complaints"]["overdue"] for c in cards),
            "findings": sum(c["findings"] for c in cards),
            "comments": sum(c["comments"] for c in cards),
            "negative_comments": sum(c["negative_comments"] for c in cards),
            "themes": province_themes,
        },
        "offices": cards,
        "missing": missing,
        "problems": found.problems,
        "trend_weeks": [w.label for w in trend_weeks],
    }


def _spikes(rows: list[tuple], period: Period) -> dict[str, list[dict]]:
    """Days of the period on which an office's negative comments jumped (weekly report's
    rule: weekly/conversation.crisis_days)."""
    from medsos_cli.weekly.conversation import crisis_days

    counts: dict[str, dict[date, int]] = defaultdict(dict)
    for office, day, count in rows:
        counts[office][day] = count
    return {office: crisis_days([(d, by_day.get(d, 0)) for d in period.days])
            for office, by_day in counts.items()}


def weighted_themes(docs: list[tuple[tuple[str, ...], int]], negators: frozenset[str],
                    limit: int) -> list[dict]:
    """Top terms of comments given as ``(theme stream, how many comments)``: words and 2–3-word
    phrases within a clause, each counted once per comment; a word or phrase is dropped when
    more than half of its comments hold a longer term containing it (the weekly report's rule,
    weekly/conversation.themes, counted with weights so a week's thousands of identical
    comments cost one pass)."""
    from medsos_cli.weekly.conversation import THEME_BREAK, THEME_MIN_COUNT, theme_word

    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for stream, many in docs:
        terms: set[tuple[str, ...]] = set()
        clause: list[str] = []
        for word in (*stream, THEME_BREAK):
            if word != THEME_BREAK:
                clause.append(word)
                continue
            for size in (1, 2, 3):
                for i in range(len(clause) - size + 1):
                    gram = tuple(clause[i:i + size])
                    if (gram[-1] in negators or not all(theme_word(w) for w in gram)
                            or (size > 1 and any(w.startswith("#") for w in gram))):
                        continue
                    terms.add(gram)
            clause = []
        for term in terms:
            counts[term] += many
    kept = {t: c for t, c in counts.items() if c >= THEME_MIN_COUNT}
    longer: dict[tuple[str, ...], int] = defaultdict(int)
    for term, count in kept.items():
        for size in range(1, len(term)):
            for i in range(len(term) - size + 1):
                part = term[i:i + size]
                longer[part] = max(longer[part], count)
    picked = [(" ".join(t), c) for t, c in kept.items() if not longer.get(t, 0) * 2 > c]
    picked.sort(key=lambda item: (-item[1], item[0]))
    return [{"term": term, "count": count} for term, count in picked[:limit]]


def _theme_streams(texts: list[tuple[str, int]]) -> list[tuple[tuple[str, ...], int]]:
    # The weekly report's tokeniser (understanding.rules): one normaliser for both.
    from medsos_cli.understanding.rules import engine as comment_engine

    engine = comment_engine()
    return [(engine.theme_stream(engine.items(text)), count) for text, count in texts]


def _themes(rows: list[tuple]) -> tuple[dict[str, list[dict]], list[dict]]:
    """Top themes of each office's negative comments, and of the province's."""
    from medsos_cli.understanding.rules import engine as comment_engine

    negators = comment_engine().negators
    by_office: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for office, text, count in rows:
        by_office[office].append((text, count))
    distinct = sorted({text for _, text, _ in rows})  # each text tokenised once
    streams = dict(zip(distinct, (s for s, _ in _theme_streams([(t, 0) for t in distinct])),
                       strict=True))
    merged: dict[tuple[str, ...], int] = defaultdict(int)
    out = {}
    for office, texts in by_office.items():
        docs = [(streams[t], c) for t, c in texts]
        for stream, count in docs:
            merged[stream] += count
        out[office] = weighted_themes(docs, negators, 5)
    return out, weighted_themes(sorted(merged.items()), negators, 10)
