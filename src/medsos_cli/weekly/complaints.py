"""Complaint handling (aduan) of the week: the report's "complaints" object.

Definitions (docs/weekly-json.md):

- *received*: complaints whose ``received_at`` falls on a local date of the week;
- *answered*: ``first_response_at`` is set; *resolved*: ``resolved_at`` is set or the status
  is ``selesai``; *open* = received − resolved;
- *overdue*: answered later than the SLA, or still unanswered when the SLA has run out at the
  cut-off, which is the end of the week (Sunday 24.00 in the zone) or ``now`` if earlier;
- first-response time: hours from ``received_at`` to ``first_response_at``, answered ones only.
  The median is the usual one (mean of the two middle values for an even count); the 90th
  percentile is the **nearest-rank** value: the ``ceil(0.9 × n)``-th smallest, so it is always
  a response time that really happened;
- *within_sla*: share of answered complaints answered within the SLA (a response exactly at
  the SLA is within it);
- *overdue_items*: longest wait first; ``hours_waiting`` is the response time of a late answer,
  or the time from receipt to the cut-off for one still unanswered.
- *lapor*: cases from a LAPOR! SP4N case list (they carry a tracking number) follow LAPOR!'s
  own deadlines in **working days** instead of the 1×24-hour social-media SLA: 3 working days
  to verify and forward, then 5 for the office's follow-up. Working days are the office's
  weekdays (``[report] working_days``, Monday–Friday by default) minus Indonesian public
  holidays (the ``holidays`` package, country ID). A deadline ends at 24.00 of its last
  working day; a case is overdue when its status still shows the stage at the cut-off.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, datetime, time, timedelta
from statistics import median
from zoneinfo import ZoneInfo

from medsos_cli.exports.model import Complaint
from medsos_cli.forms import weekdays
from medsos_cli.weekly.model import (
    ComplaintsBefore,
    ComplaintsSection,
    CountChange,
    Lapor,
    LaporCase,
    OverdueComplaint,
)

NO_CATEGORY = "tanpa kategori"

# Channel spellings admins type, keyed by the letters and digits only, lower case.
_CHANNELS = {
    "lapor": "LAPOR!",
    "sp4nlapor": "LAPOR!",
    "laporgoid": "LAPOR!",
    "laporgub": "LaporGub!",
    "dm": "DM",
    "komentar": "komentar",
    "komen": "komentar",
    "kolomkomentar": "komentar",
    "wa": "WhatsApp",
    "whatsapp": "WhatsApp",
}
_DM_PREFIXES = ("dm", "directmessage", "pesanlangsung")


def normalise_channel(channel: str) -> str:
    """One spelling per channel: ``Lapor!``/``lapor`` → ``LAPOR!``, ``DM IG`` → ``DM``, ...

    Channels not in the table are kept as written (trimmed, inner spaces collapsed).
    """
    text = " ".join(channel.split())
    key = re.sub(r"[\W_]+", "", text.lower())
    known = _CHANNELS.get(key)
    if known is not None:
        return known
    if key.startswith(_DM_PREFIXES):
        return "DM"
    return text


def percentile_nearest_rank(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the ``ceil(share × n)``-th smallest value."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered) - 1e-9))
    return ordered[rank - 1]


LAPOR_VERIFY_DAYS = 3
LAPOR_FOLLOW_UP_DAYS = 5
# LAPOR! statuses (lower case): still to verify, or verified/forwarded and awaiting the office.
_TO_VERIFY = ("belum terverifikasi", "belum diverifikasi", "baru")
_TO_FOLLOW_UP = ("belum ditindaklanjuti", "terverifikasi", "diteruskan", "didisposisi",
                 "disposisi")


def add_working_days(start: date, days: int, working: tuple[int, ...]) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    from medsos_cli.extras import require

    require("tenggat hari kerja LAPOR! (hari libur nasional)", "holidays")
    import holidays

    if not working:
        raise ValueError("no working days")
    years = {start.year, start.year + 1}
    off = holidays.country_holidays("ID", years=sorted(years))
    current, left = start, days
    while left:
        current += timedelta(days=1)
        if current.year not in years:
            years.add(current.year)
            off = holidays.country_holidays("ID", years=sorted(years))
        if current.weekday() in working and current not in off:
            left -= 1
    return current


def _lapor(cases: list[Complaint], zone: ZoneInfo, cutoff: datetime,
           working: tuple[int, ...]) -> Lapor:
    overdue: list[LaporCase] = []
    verify = follow = 0
    for case in cases:
        received = _aware(case.received_at, zone)
        status = " ".join(case.status.lower().split())
        if status in _TO_VERIFY:
            stage, days = "verifikasi", LAPOR_VERIFY_DAYS
        elif status in _TO_FOLLOW_UP:
            stage, days = "tindak lanjut", LAPOR_VERIFY_DAYS + LAPOR_FOLLOW_UP_DAYS
        else:
            continue
        last = add_working_days(received.date(), days, working)
        deadline = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)
        if cutoff > deadline:
            verify += stage == "verifikasi"
            follow += stage == "tindak lanjut"
            overdue.append(LaporCase(tracking=case.tracking, received_at=received.isoformat(),
                                     status=case.status.strip(), stage=stage,
                                     deadline=last.isoformat(),
                                     office=case.forwarded_to.strip()))
    overdue.sort(key=lambda c: (c.deadline, c.tracking))
    return Lapor(cases=len(cases), verify_working_days=LAPOR_VERIFY_DAYS,
                 follow_up_working_days=LAPOR_FOLLOW_UP_DAYS,
                 working_days=[weekdays()[d].lower() for d in working],
                 overdue_verification=verify, overdue_follow_up=follow, overdue_cases=overdue)


def analyse_complaints(items: list[Complaint], *, start: date, end: date, tz: str,
                       sla_hours: float, now: datetime | None = None,
                       working_days: tuple[int, ...] = (0, 1, 2, 3, 4),
                       ) -> ComplaintsSection | None:
    """Build the ``complaints`` part of the weekly report (docs/weekly-json.md).

    Returns ``None`` when no complaint was given at all (no complaint log).
    """
    if not items:
        return None
    zone = ZoneInfo(tz)
    cutoff = datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone)
    if now is not None:
        now = _aware(now, zone)
        if now < cutoff:
            cutoff = now
    sla = timedelta(hours=sla_hours)

    week = [c for c in items if start <= _aware(c.received_at, zone).date() <= end]
    week.sort(key=lambda c: (_aware(c.received_at, zone), c.channel, c.text))
    answered = 0
    resolved = 0
    within = 0
    delays: list[float] = []
    channels: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    forwarded: Counter[str] = Counter()
    overdue: list[tuple[float, datetime, Complaint, str]] = []
    cases = [c for c in week if c.tracking]
    for complaint in week:
        received = _aware(complaint.received_at, zone)
        channel = normalise_channel(complaint.channel)
        channels[channel] += 1
        categories[complaint.category.strip() or NO_CATEGORY] += 1
        if complaint.forwarded_to.strip():
            forwarded[complaint.forwarded_to.strip()] += 1
        if complaint.resolved_at is not None or complaint.status.strip().lower() == "selesai":
            resolved += 1
        if complaint.tracking:  # LAPOR! case: working-day deadlines, below
            continue
        if complaint.first_response_at is not None:
            answered += 1
            # A response logged before receipt is a typing slip; it counts as immediate.
            waited = max(_aware(complaint.first_response_at, zone) - received, timedelta(0))
            delays.append(waited.total_seconds() / 3600)
            if waited <= sla:
                within += 1
            else:
                overdue.append((waited.total_seconds() / 3600, received, complaint, channel))
        else:
            waited = cutoff - received
            if waited > sla:
                overdue.append((waited.total_seconds() / 3600, received, complaint, channel))

    overdue.sort(key=lambda row: (-row[0], row[1], row[3], row[2].text))
    previous = _previous_week(items, zone, start, sla)
    return ComplaintsSection(
        received=len(week),
        answered=answered,
        resolved=resolved,
        open=len(week) - resolved,
        overdue=len(overdue),
        sla_hours=int(sla_hours) if float(sla_hours).is_integer() else sla_hours,
        first_response_median_hours=round(median(delays), 1) if delays else None,
        first_response_p90_hours=(round(percentile_nearest_rank(delays, 0.9), 1)
                                  if delays else None),
        within_sla=round(within / answered, 6) if answered else None,
        by_channel=_ordered(channels),
        by_category=_ordered(categories),
        by_forwarded_to=_ordered(forwarded),
        overdue_items=[OverdueComplaint(
            received_at=received.isoformat(),
            channel=channel,
            text=complaint.text,
            category=complaint.category.strip(),
            forwarded_to=complaint.forwarded_to.strip(),
            answered=complaint.first_response_at is not None,
            hours_waiting=round(hours, 1),
        ) for hours, received, complaint, channel in overdue],
        lapor=_lapor(cases, zone, cutoff, working_days) if cases else None,
        previous_week=previous,
        change=({"received": _count_change(len(week), previous.received),
                 "overdue": _count_change(len(overdue), previous.overdue)}
                if previous else None),
    )


def _count_change(now: int, before: int) -> CountChange:
    """A count against last week's (percent of last week's, one decimal; ``None`` when last
    week had none)."""
    return CountChange(count=now, previous=before, delta=now - before,
                       percent=round((now - before) * 100 / before, 1) if before else None)


def _previous_week(items: list[Complaint], zone: ZoneInfo, start: date,
                   sla: timedelta) -> ComplaintsBefore | None:
    """Received and overdue (against the SLA, judged at that week's end) in the seven days
    before ``start``; ``None`` when the log starts in the report's week (nothing is known of
    the week before, which is not the same as none received). LAPOR! cases count as received
    only: their deadlines are in working days."""
    begin = start - timedelta(days=7)
    if not any(_aware(c.received_at, zone).date() < start for c in items):
        return None
    cutoff = datetime.combine(start, time(0), tzinfo=zone)
    received = overdue = 0
    for complaint in items:
        moment = _aware(complaint.received_at, zone)
        if not begin <= moment.date() < start:
            continue
        received += 1
        if complaint.tracking:
            continue
        answered = complaint.first_response_at
        waited = (max(_aware(answered, zone) - moment, timedelta(0)) if answered is not None
                   else cutoff - moment)
        overdue += waited > sla
    return ComplaintsBefore(start=begin.isoformat(),
                            end=(start - timedelta(days=1)).isoformat(), received=received,
                            overdue=overdue)


def _aware(moment: datetime, zone: ZoneInfo) -> datetime:
    # The readers give aware times; a naive one is taken as local time in the zone.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def _ordered(counts: Counter[str]) -> dict[str, int]:
    """Count desc, then name: a stable order for the JSON."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
