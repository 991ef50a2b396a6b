"""Message understanding: turn a runner's free text into an intent with slots.

Pure Python, no I/O: ``understand(text, today)`` never reads the clock; ``today`` only
resolves relative dates ("next Saturday", "in 2 weeks"). Input is cut to 1,000 characters.

Choices where the coaching rules are silent (details in the module docs of ``body``, ``outcome``,
``rules``, ``dates`` and ``fuzzy``):

- A body report needs an area and a feeling, rating or red flag; "my left calf" alone,
  or "I'm so sore" with no area, is UNKNOWN (``ReportSlots.area`` is required). So is a
  red flag with no area ("sharp pain when I run").
- One report per clause: the first area named; the most serious feeling the runner said
  (pain > soreness > tightness), even beside a red flag ("limping, prob just a tight hip
  flexor" is tightness; "sore when I walk" is pain); a red flag alone is pain; a rating
  with no feeling word is soreness; the highest rating is the severity; a number alone at
  a clause's end rates what it follows ("sore glutes 3", "finished it. 5."); a bare "12"
  is none. Several areas in their own clauses ("sore: quads 4, hip flexors 2") make one
  report each in ``understand_all``.
- "11/10", "-5/10", "4-5/10", "effort like 6 or 7", "effort 15" are marked ``unclear``
  and their slot left empty; ``understand_all`` gives the clear part (the log, the report
  without a number) and then a request with only ``unclear`` set, which the coach asks
  about.
- Exercise names ("hip flexor stretch", "calf raises", "hip stuff") are no body area;
  someone else's body, the long past and general questions are no report
  (``subject``); a clause that opens as a question logs nothing ("how sore is too
  sore?").
- ``report`` is filled whenever a message carries a body report, whatever its kind:
  "done, but my calves are tight" is DONE with ``note`` and ``report``; "skipped, knee
  hurts" is SKIPPED with ``reason`` and ``report``.
- Done and skip in one message is DONE (part of the session was done). In a done
  message a number before the body words is the effort, after them the severity
  ("done 7/10, calves tight 3/10"). ``note`` is the message itself (emoji dropped) when
  it says more than done and effort; ``reason`` is the words around the skip phrase.
- A reminder time wins over an "off" word; "remind me what/of today's session" is TODAY.
- ``timezone_text`` is cut from the message as written (case kept), never validated; a
  city several well-known places in other zones bear ("Springfield") is no zone: it is
  ``unclear`` (``Unclear.CITY``) and the coach asks which, with buttons (``cities``).
- ``understand_all`` splits a message with several requests into one intent each
  (``parts``); ``understand`` reads a message as one request.
- A done/skip naming a past day carries ``log_day``; a pause carries ``pause_from`` when
  it starts later (``when``, with dateparser); an out-of-range rating or an impossible
  time is ``unclear``, to be asked about; plan questions carry a ``topic``.
- A pelvic-floor sign (leaking, heaviness or dragging down below, with impact, or any
  feeling said of the pelvic floor) is a warning sign said without a leg area
  (``signs``, ``pelvic``); a general question about it ("is it normal to leak when
  jumping?") is none, for the FAQ. A leak said with impact or effort is no emergency
  bladder sign unless nerve signs, back pain, "can't pee" or the bowels come with it.
- A message that corrects itself ("remind me at 6. actually make that 6:30") keeps the last
  value said (``corrections``; a day is replaced where it was said: "pause from thursday,
  no wait, friday, until sunday", a bare day keeping the month said first); someone
  else's race or move and a trip gone by store nothing (``others``).
- Without a year, a date is the next one on or after today; "next Saturday" is the
  first Saturday after today; with several dates the last counts ("moved from 3 May to
  7 June"). A race or pause date that cannot be resolved leaves the slot None.
"""

from __future__ import annotations

from bot.core.understanding.model import (
    EffortLabel,
    Intent,
    IntentKind,
    PlanTopic,
    ReportSlots,
    Unclear,
)
from bot.core.understanding.parts import understand_all
from bot.core.understanding.rules import understand
from bot.core.understanding.text import MAX_CHARS

__all__ = [
    "MAX_CHARS",
    "EffortLabel",
    "Intent",
    "IntentKind",
    "PlanTopic",
    "ReportSlots",
    "Unclear",
    "understand",
    "understand_all",
]
