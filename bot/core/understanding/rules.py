"""The intent rules: tried in order, the first that claims the message wins.

Order, most specific first: reminder, explicit time zone, pause, race, resume,
progress/history, a question about the plan (``questions``), skipped/done, body report,
today's session, "I'm in <place>", help/thanks/greeting, else unknown. A weak signal (a
question word and "today", a greeting) only counts when no off-topic word is present:
unknown beats a wrong guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Final

from bot.core.places import country_named, name_key, places_named
from bot.core.understanding.body import (
    clinician_kept_off,
    fallen_to,
    feeling_hits,
    landing_said,
    negated,
)
from bot.core.understanding.cities import (
    BARE_CITY_POPULATION,
    city_asked,
    city_text,
    place_in,
)
from bot.core.understanding.cleared import clinician_cleared, may_name_a_clinician
from bot.core.understanding.clock import impossible_time, parse_time, time_range
from bot.core.understanding.dates import (
    MONTH_PATTERN,
    dates_meant,
    find_dates,
    last_date,
    names_a_date,
    weekday_date_clash,
)
from bot.core.understanding.extract import zone_text
from bot.core.understanding.features import Features, Hit, scan
from bot.core.understanding.fine import RECOVERY_WORDS, fine_reading, says_change
from bot.core.understanding.fuzzy import correct_words
from bot.core.understanding.lexicon import KNOWN
from bot.core.understanding.message import DONE_EMOJI, MOVED_TO, Message, near
from bot.core.understanding.model import Intent, IntentKind, PlanTopic, ReportSlots, Unclear
from bot.core.understanding.numbers import effort_span, odd_effort, odd_rating, odd_rating_at
from bot.core.understanding.others import (
    back_from_trip,
    break_refused,
    reminder_put_off,
    someone_elses_clearance,
    someone_elses_move,
    someone_elses_race,
    trip_gone_by,
)
from bot.core.understanding.outcome import names_days_in, outcome, rated_session
from bot.core.understanding.pelvic import PelvicSign, pelvic_sign
from bot.core.understanding.questions import (
    asks_getting_back,
    asks_permission,
    names_the_block,
    plan_question,
)
from bot.core.understanding.races import long_run_days, no_race_had, weekly_run
from bot.core.understanding.senses import Cue
from bot.core.understanding.subject import all_supposed, theirs
from bot.core.understanding.text import SENTENCE_GAP_RE, normalise, spoken, tokenise
from bot.core.understanding.when import (
    back_on,
    holidays_as_dates,
    log_day,
    log_days,
    pause_said,
    pause_sentence,
    said_in_past,
)
from bot.core.understanding.words import FILLER, word_set
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

__all__ = [
    "analyse",
    "back_later",
    "done_by_mistake",
    "fine_in_passing",
    "healed_long_ago",
    "race_date_moved",
    "read_body",
    "setting_said",
    "time_asked_apart",
    "understand",
    "was_then_fine",
]

_WAVE_EMOJI: Final = frozenset("👋")
_THANKS_EMOJI: Final = frozenset("🙏")
_STATEMENT_STARTS: Final = frozenset(
    {
        "running",
        "doing",
        "racing",
        "entered",
        "signed",
        "booked",
        "not",
        "pulling",
        "withdrawing",
        "got",
        "pulled",
        "dropped",
        "withdrew",
    }
)
_NEAR_OFF: Final = 3
_NEAR_RACE: Final = 4


def understand(text: str, today: date | None = None) -> Intent:
    """What ``text`` asks of the coach, with its slots; ``today`` resolves relative dates
    (punctuation a voice assistant typed out as words read as typed: ``text.spoken``)."""
    return analyse(spoken(text), today)[0]


def analyse(text: str, today: date | None = None) -> tuple[Intent, Message | None]:
    """``understand``, with the analysed message (None for emoji only) for ``parts``
    (``text`` as typed: ``understand_parts`` reads dictated marks first)."""
    clean, low = normalise(text)
    tokens = tokenise(low)
    if not tokens.words:
        return _emoji_only(clean), None
    f = scan(correct_words(tokens.words), tokens.clauses, "?" in low)
    message = Message(clean, low, tokens, f, today)
    for rule in _RULES:
        intent = rule(message)
        if intent is not None:
            if message.f.supposition is not None:
                intent = _not_supposed(message, intent)
            elif intent.kind in _DAY_ASKS and ("?" in message.low or message.f.asking):
                intent = _not_for_another(message, intent)
            intent = _not_the_session_done(message, _not_done_long_ago(message, intent))
            intent = _done_by_mistake(message, intent)
            said = _with_signs(message, _odd_values(message, _away(message, intent)))
            return city_asked(_go_ahead(message, said)), message
    unknown = _odd_values(message, _away(message, Intent(IntentKind.UNKNOWN)))
    return _go_ahead(message, _with_signs(message, unknown)), message


#: Training told as the runner's past ("did plyos for 2 yrs at uni", "did plyos years
#: ago"): experience, no session to log.
_LONG_AGO_DONE_RE: Final = re.compile(
    r"\b(?:years?|yrs?|months?|ages)\s+ago\b|\bfor\s+(?:[0-9]+|a|an|one|two|three|four|five|"
    r"several|many|a\s+few|a\s+couple\s+of|couple|few)?\s*(?:years?|yrs?|months?|seasons?)\b"
    r"|\b(?:back\s+)?(?:in|at)\s+(?:uni|university|college|high\s+school|school)\b"
    r"|\bback\s+in\s+(?:the\s+day|[0-9]{4})\b|\bwhen\s+i\s+was\b|\bas\s+a\s+(?:kid|teen|student)\b"
)
_NOW_SAID_RE: Final = re.compile(
    r"\b(?:today|todays|tonight|this\s+(?:morning|afternoon|evening)|yesterday|yday|just|session"
    r"|now)\b|^\W*(?:done|did\s+it|finished|completed)\b"
)


#: A "done" that is no session of today: an appointment or an errand done ("podiatrist
#: visit done"), weeks of the plan told ("I've done the plan faithfully for 3 weeks", "done
#: the first week"), most days ("managed the sessions most days"), news ("we finally did
#: it, moved to Vancouver").
_NOT_THE_SESSION_DONE_RE: Final = re.compile(
    r"\b(?:visit|appointment|appt|dentist|physio|doctor|docs|gp|podiatrist|scan|mri|x\s?ray"
    r"|xray|meeting|interview|exam|exams|shift|commute|unpacking|move)\s+(?:is\s+|was\s+|all\s+)?"
    r"(?:done|over|finished)\b"
    r"|\b(?:i'?ve|i\s+have|i\s+had|we'?ve)\s+(?:done|followed|stuck\s+to|been\s+doing)\s+(?:the\s+|your\s+|this\s+)?"
    r"(?:plan|programme|program|sessions|exercises)\s+(?:\w+\s+){0,2}for\s+(?:the\s+(?:last|past)\s+)?"
    r"(?:[0-9]+|a|one|two|three|four|five|six|a\s+few|a\s+couple\s+of|couple\s+of)\s+(?:weeks?|months?)\b"
    r"|\b(?:done|did|finished|completed|through)\s+(?:the\s+|my\s+)?(?:first|second|third|1st|2nd|3rd)"
    r"\s+(?:week|block|couple\s+of\s+weeks|two\s+weeks|few\s+weeks)\b"
    r"|\bmost\s+days\b"
    r"|\b(?:done|did|had)\s+(?:[0-9]+|a|one|two|three|four|five|six|a\s+few|a\s+couple\s+of)\s+"
    r"(?:weeks?|months?|years?)\s+of\b"
    r"|\bwe\s+(?:finally|actually)\s+did\s+it\b(?!\s+together)"
)
#: What says today's session was done beside such a "done" ("visit done, then the
#: session, 5/10").
_TODAYS_SAID_RE: Final = re.compile(
    r"\b(?:today|todays|tonight|this\s+(?:morning|afternoon|evening)|effort|rpe|[0-9]{1,2}\s*/\s*10"
    r"|out\s+of\s+10)\b"
)


def _not_the_session_done(m: Message, intent: Intent) -> Intent:
    """A done that tells of no session of today (``_NOT_THE_SESSION_DONE_RE``), with no
    effort, report or today said: no log."""
    if (
        intent.kind is not IntentKind.DONE
        or intent.report is not None
        or intent.effort is not None
        or intent.log_day is not None
        or _NOT_THE_SESSION_DONE_RE.search(m.low) is None
        or _TODAYS_SAID_RE.search(m.low) is not None
    ):
        return intent
    return Intent(IntentKind.UNKNOWN)


#: A done logged by mistake and told as a skip ("I logged yesterday as done but that was
#: wrong, I skipped it", "marked monday done by accident, I missed it").
_DONE_BY_MISTAKE_RE: Final = re.compile(
    r"\b(?:logged|marked|ticked|put|pressed|tapped|hit|clicked)\s+(?:[\w']+\s+){0,3}?"
    r"(?:as\s+)?(?:done|complete|completed)\b.*\b(?:wrong|mistake|accident|accidentally"
    r"|error)\b.*\b(?:skipped|missed|didn'?t|did\s+not|never)\b"
)


def done_by_mistake(low: str) -> bool:
    """Whether ``low`` takes back a done logged by mistake (``_DONE_BY_MISTAKE_RE``)."""
    return "done" in low and _DONE_BY_MISTAKE_RE.search(low) is not None


def _done_by_mistake(m: Message, intent: Intent) -> Intent:
    """A done said to have been logged by mistake, the session missed: a skip of that
    day, which takes the done's place."""
    if intent.kind is not IntentKind.DONE or not done_by_mistake(m.low):
        return intent
    day = log_day(m.low, m.today) if m.today is not None else None
    return Intent(IntentKind.SKIPPED, log_day=day)


def _not_done_long_ago(m: Message, intent: Intent) -> Intent:
    """A done told as the runner's past training, with nothing of now ("i did plyos for 2
    yrs at uni"): no log, the message is read as nothing the coach acts on."""
    if (
        intent.kind is not IntentKind.DONE
        or intent.report is not None
        or _LONG_AGO_DONE_RE.search(m.low) is None
        or _NOW_SAID_RE.search(m.low) is not None
    ):
        return intent
    return Intent(IntentKind.UNKNOWN)


def read_body(text: str, today: date | None = None) -> tuple[Intent, Message | None]:
    """``analyse`` for a piece of a message that is only read for its body report: a
    recovery (FEELS_FINE, NOT_FINE), a report (BODY_REPORT) or UNKNOWN, with the warning
    signs said without an area; no other rule is tried (``parts``)."""
    clean, low = normalise(text)
    tokens = tokenise(low)
    if not tokens.words:
        return Intent(IntentKind.UNKNOWN), None
    f = scan(correct_words(tokens.words), tokens.clauses, "?" in low)
    message = Message(clean, low, tokens, f, today)
    intent = _fine(message) or _body(message) or Intent(IntentKind.UNKNOWN)
    return _with_signs(message, intent), message


def _away(m: Message, intent: Intent) -> Intent:
    """ "I'm back on the 20th" is a break until the 19th, not a return today; "away from the
    14th, back on the 20th" starts on the 14th."""
    if intent.kind not in (IntentKind.RESUME, IntentKind.UNKNOWN) or m.today is None:
        return intent
    last = back_on(m.low, m.today)
    if last is None:
        return intent
    if intent.kind is IntentKind.UNKNOWN and (
        asks_permission(m.low) or (("?" in m.low or m.f.asking) and Cue.PAUSE not in m.f.cues)
    ):
        # "in Mumbai from the 19th, home on the 30th, can I do it in hotels?", "flying to
        # new york thursday, back sunday, will i still get the reminder over there": asked
        return intent
    said = pause_said(m.low, m.today)  # "off from the 30th, back on the 6th": from the 30th
    if said is not None and said.first is not None and said.last is not None and said.last > last:
        # "flying to new york tmrw, back wednesday": back the wednesday after leaving
        return Intent(IntentKind.PAUSE, pause_from=said.first, pause_until=said.last)
    first = said.first if said is not None and said.last == last else None
    return Intent(IntentKind.PAUSE, pause_from=first, pause_until=last)


#: What a message that only supposes never stores, nor answers as the plan's day: a
#: greeting word in it is no greeting ("what if I can only do evenings?").
_DAY_ASKS: Final = frozenset({IntentKind.TODAY, IntentKind.PLAN_QUESTION, IntentKind.GREETING})
_STORED: Final = frozenset(
    {IntentKind.DONE, IntentKind.SKIPPED, IntentKind.BODY_REPORT, IntentKind.NOT_FINE,
     IntentKind.PAUSE, IntentKind.RESUME, IntentKind.RACE_DATE, IntentKind.SET_REMINDER,
     IntentKind.SET_TIMEZONE}
)  # fmt: skip
_NOT_SUPPOSED: Final = _STORED | _DAY_ASKS
_OTHER_ONE: Final = frozenset({"she", "he", "they", "hubby", "wife", "husband", "partner"})
_QUESTION_AUX: Final = frozenset({"should", "can", "could", "does", "do", "is", "will", "would"})
_ME: Final = frozenset({"i", "me", "my", "im", "ive", "id", "ill", "we", "us"})


def _not_for_another(m: Message, intent: Intent) -> Intent:
    """A question about another's day ("her hip is tight, should she skip tmrw?"): no
    plan day or greeting of the runner's, UNKNOWN."""
    if intent.kind is IntentKind.PLAN_QUESTION and intent.topic is not PlanTopic.DAY:
        return intent
    f = m.f
    if _OTHER_ONE.isdisjoint(f.words):
        return intent
    for i, word in enumerate(f.words[:-1]):
        if word in _QUESTION_AUX and f.words[i + 1] in _OTHER_ONE:
            clause = [w for j, w in enumerate(f.words) if f.clauses[j] == f.clauses[i]]
            if _ME.isdisjoint(clause):
                return Intent(IntentKind.UNKNOWN)
    return intent


def _not_supposed(m: Message, intent: Intent) -> Intent:
    """Nothing stored from a message that only supposes and asks ("say I'm away for a week
    in feb, do I lose it all?", "if I got pregnant could I carry on?"): UNKNOWN, for the
    FAQ; a report with a warning sign stays."""
    f = m.f
    if intent.kind not in _NOT_SUPPOSED:
        return intent
    if intent.kind is IntentKind.PLAN_QUESTION and intent.topic is not PlanTopic.DAY:
        return intent  # "what if I miss a week, when do the jumps start?": still asked
    if intent.report is not None and intent.report.red_flags:
        return intent
    if f.supposition is None:
        return intent
    sets = (*f.supposition, f.asking)
    return (
        Intent(IntentKind.UNKNOWN)
        if all_supposed(f.words, f.clauses, "?" in m.low, sets)
        else intent
    )


#: Kinds a lone odd rating turns into a question about it ("effort 11/10 today").
_UNRATED_ASKS: Final = frozenset({IntentKind.UNKNOWN, IntentKind.TODAY})
_RATED_KINDS: Final = frozenset(
    {IntentKind.DONE, IntentKind.SKIPPED, IntentKind.BODY_REPORT, IntentKind.NOT_FINE}
)


def _odd_values(m: Message, intent: Intent) -> Intent:
    """Mark a rating that is no one number from 0 to 10 ("11/10", "-5/10", "effort like 6
    or 7", "effort 15") for the coach to ask about; the slot it would fill stays empty
    (the effort, or the severity of a report it follows), the rest of the message counts."""
    if intent.kind in _UNRATED_ASKS and ("/10" in m.low or "effort" in m.low or "rpe" in m.low):
        odd = odd_effort(m.low) or odd_rating(m.low)  # "effort 11/10 today", "rpe 12 lol"
        return (
            intent
            if odd is None
            else Intent(IntentKind.UNKNOWN, unclear=odd, unclear_slot=Unclear.RATING)
        )
    if intent.kind not in _RATED_KINDS:
        return intent
    if intent.kind is IntentKind.DONE and (effort := odd_effort(m.low)) is not None:
        return replace(
            intent, unclear=effort, unclear_slot=Unclear.EFFORT, effort=None, effort_label=None
        )
    if not ("10" in m.low or "ten" in m.low):
        return intent
    found = odd_rating_at(m.low)
    if found is None:
        return intent
    at, odd = found
    report = intent.report
    body = [m.char(h.start) for h, _ in m.areas] + [m.char(h.start) for h in feeling_hits(m.f)]
    if intent.kind is IntentKind.DONE and (not body or at < min(body)):
        return replace(
            intent, unclear=odd, unclear_slot=Unclear.EFFORT, effort=None, effort_label=None
        )
    if report is not None:  # "knee 11/10": no feeling word, the cautious reading is pain
        kind = report.kind if feeling_hits(m.f) else ReportKind.PAIN
        report = replace(report, severity=None, kind=kind)
    return replace(intent, unclear=odd, unclear_slot=Unclear.SEVERITY, report=report)


#: Signs that are no warning without a word of pain or soreness: "fell off the wagon",
#: "lost my nerve", "can I do it at night?", "in one spot".
_SIGNS_NEEDING_PAIN: Final = frozenset(
    {
        RedFlag.AFTER_FALL,
        RedFlag.NERVE_PAIN,
        RedFlag.WEAKNESS,
        RedFlag.GIVING_WAY,
        RedFlag.NIGHT_PAIN,
        RedFlag.BONE_SPOT,
    }
)


#: What a warning sign about the runner's own body replaces: chat, and a question about
#: today or the plan (the answer to "should I still train?" is the warning).
_SIGN_WINS: Final = frozenset(
    {IntentKind.UNKNOWN, IntentKind.GREETING, IntentKind.THANKS, IntentKind.HELP,
     IntentKind.TODAY, IntentKind.PLAN_QUESTION}
)  # fmt: skip


#: Words of pain inside a sign's own phrase ("hurts to hop"; not "when I hop").
_HURT_WORDS: Final = frozenset(
    {"hurts", "hurt", "painful", "pain", "cant", "cannot", "worse", "sore"}
)
_UNWELL: Final = frozenset({RedFlag.UNWELL})
#: Everyday illnesses: a temperature with one is a reason to rest (the illness answer),
#: not the unexplained fever the warning signs mean.
_COMMON_ILLNESS: Final = frozenset(
    {"cold", "colds", "flu", "cough", "coughing", "throat", "sniffles", "snotty", "covid",
     "virus", "bug", "chesty", "sinus", "sinuses", "congested"}
)  # fmt: skip


def _with_signs(m: Message, intent: Intent) -> Intent:
    """Warning signs said without a body area: WARNING_SIGN when nothing else was meant;
    a pelvic-floor sign among them (``_pelvic_floor``)."""
    return _pelvic_floor(m, _area_less_signs(m, intent))


#: What a message saying a clinician's go-ahead may have been read as without it.
_GO_AHEAD_KINDS: Final = frozenset({IntentKind.UNKNOWN, IntentKind.FEELS_FINE})


def _go_ahead(m: Message, intent: Intent) -> Intent:
    """A clinician's go-ahead said ("saw the physio, she cleared me to hop again"), with
    no warning sign: FEELS_FINE, ``cleared`` (``cleared.clinician_cleared``)."""
    mild = _mild(intent.report) and intent.kind in _BESIDE_GO_AHEAD
    if (intent.kind not in _GO_AHEAD_KINDS and not mild) or intent.signs:
        return intent
    if intent.report is not None and not mild:
        return intent
    words = m.tokens.words
    if not may_name_a_clinician(words):  # "a&e" counts
        return intent  # no clinician named: no go-ahead (the cheap test first)
    asked = "?" in m.low or bool(m.f.asking)
    told = _told_before_asking(m.low) if asked else None
    said = clinician_cleared(tokenise(told).words) if told else False
    if not said and not clinician_cleared(m.tokens.words, asked=asked):
        return intent  # "scan was clear, no clot 🙏 can i do jumps again?": told, then asked
    # "no clot, doc said im fine to train again. calf still a bit tight": cleared, the
    # tightness kept beside it
    return Intent(
        IntentKind.FEELS_FINE, fine_areas=intent.fine_areas, cleared=True, report=intent.report
    )


#: What a message telling a go-ahead with a mild report may be read as without it.
_BESIDE_GO_AHEAD: Final = frozenset(
    {IntentKind.NOT_FINE, IntentKind.BODY_REPORT, IntentKind.RESUME}
)


def _mild(report: ReportSlots | None) -> bool:
    """A report with no sign at 2/10 or less: said beside a clinician's go-ahead, what is
    left ("calf still a bit tight") or the clinician's name for it ("probably shin
    splints"), not a new sign the go-ahead waits on."""
    return (
        report is not None
        and not report.red_flags
        and (report.severity is None or report.severity <= 2)
    )


#: Where the clause that asks begins: after the last break before the first "?".
_TOLD_BREAK_RE: Final = re.compile(r"[.!;,\n\u2600-\u27bf\U0001f300-\U0001faff]")


def _told_before_asking(low: str) -> str | None:
    """The words before the clause that asks ("scan was clear 🙏 can i jump again?": "scan
    was clear"), or None when the question is all there is."""
    before = low.split("?", 1)[0]
    breaks = list(_TOLD_BREAK_RE.finditer(before))
    told = before[: breaks[-1].start()] if breaks else None
    return None if told is None or _ASKS_FIRST_RE.match(told) else told


#: A clause that opens as a question ("did the physio say ok, do you know?").
_ASKS_FIRST_RE: Final = re.compile(
    r"\s*(?:did|does|do|has|have|had|is|are|was|were|can|could|should|would|will|what|when"
    r"|why|how|which|who)\b"
)


def _area_less_signs(m: Message, intent: Intent) -> Intent:
    if intent.report is not None:
        return intent
    if intent.kind is IntentKind.FEELS_FINE:
        return _spell_in_training(m) or intent
    if intent.kind is IntentKind.NOT_FINE and (spell := _spell_in_training(m)) is not None:
        return spell

    felt = feeling_hits(m.f)
    signs = frozenset(h.sense.flag for h in felt if h.sense.flag is not None)
    if not any(h.sense.flag is None for h in felt):  # "fell off the wagon", "lost my nerve"
        signs -= _SIGNS_NEEDING_PAIN
        if RedFlag.PAIN_ON_HOPPING in signs and not any(
            h.sense.flag is RedFlag.PAIN_ON_HOPPING and not _HURT_WORDS.isdisjoint(h_words)
            for h in felt
            if (h_words := m.f.words[h.start : h.end])
        ):
            signs -= {RedFlag.PAIN_ON_HOPPING}  # "a bit leaks out when I hop": no pain said
    if signs == _UNWELL and not _COMMON_ILLNESS.isdisjoint(m.f.words):
        return intent  # "a head cold and a bit of a temperature": being ill, not a warning
    if clinician_kept_off(m.f):
        signs |= {RedFlag.CLINICIAN_HOLD}  # "physio says no hopping for 2 weeks": where?
    if not signs:
        return intent
    signs = _exertional(m, signs)
    if intent.kind in _SIGN_WINS or intent.kind is IntentKind.NOT_FINE:
        # "feeling feverish, should I still do today's session?"; "still aches at night
        # but way better": a sign said beside a recovery taken back
        return Intent(IntentKind.WARNING_SIGN, signs=signs)
    return replace(intent, signs=signs)


#: Signs beside which new bladder trouble stays an emergency (pressure on the nerves at the
#: base of the spine), whatever brought a leak on.
_NERVE_COMPANIONS: Final = frozenset(
    {RedFlag.SADDLE_NUMBNESS, RedFlag.NUMBNESS_TINGLING, RedFlag.NERVE_PAIN, RedFlag.WEAKNESS}
)
#: Words of bladder or bowel trouble that no impact explains ("can't pee", "lost control").
_EMERGENCY_BLADDER_RE: Final = re.compile(
    r"\b(?:cant|cannot|couldnt|unable\s+to|trouble|struggling\s+to)\s+(?:pee|wee|urinate|go"
    r"|control|hold|empty|feel)\b|\b(?:lost|losing|loss\s+of|no)\s+control\b|\bbowels?\b"
    r"|\bpoo(?:ed|ing|s)?\b|\bretention\b|\bnumb"
)
#: Signs a pelvic-floor report words for the floor itself ("my pelvic floor felt weak").
_FLOOR_WORDS: Final = frozenset({RedFlag.WEAKNESS})
#: The words by which "pelvic heaviness" or "my pelvis feels heavy" names the hip area.
_PELVIS_WORDS: Final = frozenset({"pelvic", "pelvis"})
#: "the skipping", "after skipping": the exercise, no skipped session.
_SKIPS_WORK: Final = frozenset({"skipping", "skips"})
_SKIP_TIME: Final = frozenset({"today", "tonight", "tomorrow", "tmrw", "session", "it", "this"})


def _pelvic_floor(m: Message, intent: Intent) -> Intent:
    """A pelvic-floor sign (``pelvic``) joins the warning signs said without a body area:
    WARNING_SIGN when nothing else was meant, else beside what was. A leak said with the
    impact or effort that brought it on is that sign, not new bladder trouble (an
    emergency), unless nerve signs, back pain, "can't pee" or the bowels come with it."""
    report = intent.report
    sign = pelvic_sign(m.f, m.tokens.words)
    if (
        sign is None
        and report is not None
        and report.area is Area.PELVIC_FLOOR
        and RedFlag.CLINICIAN_HOLD not in report.red_flags  # "midwife said no jumping till
        # my check after the c-section": her hold, no leak or heaviness told
    ):
        # "my pelvic floor hurts after the hops": any feeling there is the same sign
        sign = PelvicSign(triggered=True)
    if sign is None:
        return intent
    said = intent.signs | (report.red_flags if report is not None else frozenset())
    if RedFlag.BLADDER_BOWEL in said:
        if not sign.triggered or _emergency_bladder(m, said):
            return intent  # new bladder trouble: the emergency stays
        if report is not None:
            report = replace(report, red_flags=report.red_flags - {RedFlag.BLADDER_BOWEL})
        intent = replace(intent, signs=intent.signs - {RedFlag.BLADDER_BOWEL}, report=report)
    if report is not None and (
        report.area is Area.PELVIC_FLOOR
        or (report.red_flags <= _FLOOR_WORDS and _only_the_pelvis(m))
    ):
        # "my pelvis feels heavy after the hops", "pelvic floor felt weak": the floor
        report = None
        intent = replace(intent, report=None)
    signs = intent.signs | {RedFlag.PELVIC_FLOOR}
    alone = report is None and (
        intent.kind in _SIGN_WINS
        or intent.kind in (IntentKind.WARNING_SIGN, IntentKind.BODY_REPORT)
        or (intent.kind in (IntentKind.FEELS_FINE, IntentKind.NOT_FINE) and not intent.fine_areas)
        or (intent.kind is IntentKind.SKIPPED and _skipping_is_the_work(m))
    )
    if alone:  # "leaked a bit on the jumps today", "heavy down below after skipping"
        return Intent(IntentKind.WARNING_SIGN, signs=signs)
    return replace(intent, signs=signs)


def _emergency_bladder(m: Message, said: frozenset[RedFlag]) -> bool:
    """Whether bladder trouble is said with what makes it an emergency sign."""
    if not _NERVE_COMPANIONS.isdisjoint(said):
        return True
    if any(area in (Area.LOWER_BACK, Area.LEG) for _, area in m.areas):
        return True  # "back hurts and I wet myself": the nerves, not the pelvic floor
    return _EMERGENCY_BLADDER_RE.search(" ".join(m.tokens.words)) is not None


def _only_the_pelvis(m: Message) -> bool:
    """Whether every area named is the hip said as "pelvis" or "pelvic"."""
    words = m.tokens.words
    return bool(m.areas) and all(
        area is Area.PELVIC_FLOOR
        or (area is Area.HIPS and _PELVIS_WORDS.intersection(words[h.start : h.end]))
        for h, area in m.areas
    )


def _skipping_is_the_work(m: Message) -> bool:
    """Whether every skip word names the exercise ("heavy down below after skipping"),
    not a session left out ("skipping today")."""
    f = m.f
    skips = f.cues.get(Cue.SKIP, ())
    return bool(skips) and all(
        f.words[h.start] in _SKIPS_WORK and f.words[h.end : h.end + 1] not in _TIMES_AFTER
        for h in skips
    )


_TIMES_AFTER: Final = frozenset((w,) for w in _SKIP_TIME)


#: Signs of the whole body that no "ok now" clears when they came with training ("felt
#: faint after the bounds, ok now", "chest went tight on the hill, fine now"): a doctor.
#: Signs of the whole body that no area's recovery answers ("sessions are fine but my
#: periods have gone missing").
_WHOLE_BODY: Final = frozenset({RedFlag.HEART_SIGNS, RedFlag.UNWELL, RedFlag.LOW_ENERGY_SIGNS})
_TRAINING_CUES: Final = (Cue.HOP, Cue.EXERCISE, Cue.RUN, Cue.SESSION)


def _spell_in_training(m: Message) -> Intent | None:
    """WARNING_SIGN for a heart sign, feeling faint or unwell, or a low-energy sign, said
    beside a recovery ("felt faint after the sprints but ok now, hips good"); None for
    anything else (a cold)."""
    signs = frozenset(h.sense.flag for h in feeling_hits(m.f) if h.sense.flag in _WHOLE_BODY)
    if not signs or not _COMMON_ILLNESS.isdisjoint(m.f.words):
        return None
    return Intent(IntentKind.WARNING_SIGN, signs=_exertional(m, signs))


#: Words of feeling faint: with training, a heart sign (ACSM: fainting stops exercise).
_FAINT: Final = frozenset({"faint", "fainty", "faintish", "dizzy", "dizziness", "lightheaded"})
_HARD_EFFORTS: Final = frozenset(
    {"sprint", "sprints", "sprinting", "intervals", "reps", "hills", "hill", "strides",
     "race", "raced", "racing", "parkrun", "tempo", "effort", "efforts"}
)  # fmt: skip


def _exertional(m: Message, signs: frozenset[RedFlag]) -> frozenset[RedFlag]:
    """``signs`` with the heart's when feeling faint is said with training ("felt faint
    after my sprints"): not a bug to rest off, a check the same day."""
    if RedFlag.UNWELL not in signs or _FAINT.isdisjoint(m.f.words):
        return signs
    trained = m.f.has(*_TRAINING_CUES) or landing_said(m.f)
    if trained or not _HARD_EFFORTS.isdisjoint(m.f.words):
        return signs | {RedFlag.HEART_SIGNS}
    return signs


#: The highest pain a recovery may be said with (readiness checks: 2/10 or less).
_SAFE_RATING: Final = 2


def _rated_above_safe(m: Message) -> int | None:
    """The highest rating said with a recovery when it is above 2/10, with no feeling and
    no effort of a session said beside it ("knee ok today, maybe a 3"), else None."""
    if not m.ratings or m.f.has(Cue.DONE, Cue.DID, Cue.EFFORT_WORD) or "effort" in m.low:
        return None
    if feeling_hits(m.f):
        return None  # "achilles sore but the calf is fine. 5/10": the sore one's rating
    at, highest = max(m.ratings, key=lambda rating: rating[1])
    if _SENTENCE_BREAK_RE.search(m.low, 0, at):
        return None  # "the calf is fine. 5 out of 10": a rating of its own, read with the rest
    return highest if highest > _SAFE_RATING else None


_SENTENCE_BREAK_RE: Final = re.compile(r"[.!?;]\s|\bbut\b")


_LONG_PAST_RE: Final = re.compile(
    r"\b(?:last\s+year|years?\s+ago|(?:back\s+)?in\s+(?:19|20)[0-9]{2}|a\s+while\s+back"
    r"|ages\s+ago|(?:a\s+)?(?:few|couple\s+of)\s+years\s+back"
    r"|back\s+in\s+(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov)|(?:in\s+the|last)\s+summer)\b"
)


def _fine(m: Message) -> Intent | None:
    """ "knee fine now" (FEELS_FINE), or a recovery word taken back ("not fine yet"); not
    an old injury healed long ago that a question asks about ("tore my hamstring back in
    2023, all healed now, anything I should know?": the FAQ's)."""
    if ("fine to" in m.low or "ok to" in m.low) and not m.areas and asks_permission(m.low):
        return None  # "fine to do it today?": a question, no recovery
    if "clear" in m.low and someone_elses_clearance(" ".join(m.tokens.words)):
        return None  # "my physio cleared my wife for running again": not the runner's
    reading = fine_reading(m.f, [(hit.end - 1, area) for hit, area in m.areas])
    if reading is None or healed_long_ago(m):
        return None
    if not m.areas and _COMPARED_RE.search(m.low) and not says_change_now(m.low):
        return None  # "better before or after a run?": which is better, no recovery
    if not m.areas and _WENT_FINE_RE.search(m.low) and not says_change(m.f.words):
        return None  # "paused it once before, worked fine": how a thing went
    if not m.areas and _GONE_TIME_RE.search(m.low) and not _GONE_FEELING_RE.search(m.low):
        return None  # "by the time we'd eaten it was gone 9": a time, no recovery
    fine, areas = reading
    if (spell := _spell_in_training(m)) is not None:
        return spell  # "felt faint after the sprints but ok now, hips good": a doctor first
    if fine and fine_in_passing(m):
        return rated_session(m)  # "no pain at all during today's hops, effort 5": a log
    if fine and (rated := _rated_above_safe(m)) is not None:
        # "hip was fine today, 4/10": no recovery above 2/10, the rating is a report; with
        # no area named ("the hip thing was fine today, 4/10") it may be the session's
        # effort: neither is stored, the coach asks
        if not m.areas:
            return Intent(IntentKind.UNKNOWN)
        area = m.areas[0][1]
        report = m.report() or ReportSlots(area, Side.NONE, ReportKind.SORENESS, rated)
        return Intent(IntentKind.NOT_FINE, fine_areas=areas, report=report)
    if fine:
        return Intent(IntentKind.FEELS_FINE, fine_areas=areas)
    if was_then_fine(m):  # "my calf was sore last week but it's fine now"
        return Intent(IntentKind.FEELS_FINE, fine_areas=tuple(a for _, a in m.areas))
    return Intent(IntentKind.NOT_FINE, fine_areas=areas, report=m.report())


_WAS: Final = frozenset({"was", "were", "been", "felt"})
_FINE_NOW_RE: Final = re.compile(
    r"\b(?:fine|ok|okay|good|grand|better|gone|sorted|settled|all\s+good)\s+(?:now|again|today)\b"
)


def was_then_fine(m: Message) -> bool:
    """Every feeling said in the past ("was sore", "been tight yesterday") and the area
    said fine now: a recovery, not a report."""
    feelings = feeling_hits(m.f)
    if not feelings or not m.areas or any(h.sense.flag is not None for h in feelings):
        return False
    if not all(_WAS.intersection(m.f.words[max(h.start - 2, 0) : h.start]) for h in feelings):
        return False
    last = max(h.end for h in feelings)
    return _FINE_NOW_RE.search(" ".join(m.f.words[last:])) is not None


#: "Better" comparing two things, no recovery: "better before or after a run?", "is it
#: better to...", "which is better".
_COMPARED_RE: Final = re.compile(
    r"\bbetter\s+(?:before|after|than|to|or|if|when|in\s+the|at|on|with|for)\b"
    r"|\b(?:is\s+it|which\s+is|whats|what'?s|which'?s|would\s+it\s+be)\s+better\b"
)
_NOW_BETTER_RE: Final = re.compile(
    r"\bbetter\s+(?:now|again|today)\b|\b(?:feels?|feeling)\s+better\b"
)


#: Past a time of day: "it was gone 9", "gone midnight".
_GONE_TIME_RE: Final = re.compile(
    r"\bgone\s+(?:[0-9]{1,2}(?:[:.][0-9]{2})?\b|half\s|midnight|noon)"
)
_GONE_FEELING_RE: Final = re.compile(
    r"\b(?:pain|ache|soreness|niggle|tightness|stiffness|it|swelling)\s+(?:has\s+|had\s+|'?s\s+)?"
    r"(?:all\s+|completely\s+)?gone\b(?!\s+[0-9])"
)
#: How a thing went, not the body: "worked fine", "went ok", "turned out fine".
_WENT_FINE_RE: Final = re.compile(
    r"\b(?:worked|works|went|goes|turned\s+out|worked\s+out)\s+(?:really\s+|pretty\s+)?"
    r"(?:fine|ok|okay|well|great|alright)\b"
)


def says_change_now(low: str) -> bool:
    """Whether a recovery is said beside the comparison ("feels better now")."""
    return _NOW_BETTER_RE.search(low) is not None


def healed_long_ago(m: Message) -> bool:
    """An old injury healed long ago, told beside a question ("old knee injury, years ago,
    physio sorted it. what phase am I in?"): no recovery of now."""
    return bool(m.f.asking or "?" in m.low) and _LONG_PAST_RE.search(m.low) is not None


#: What a "no pain" is said about when it is no recovery: a session, an exercise, a day.
_IN_PASSING_CUES: Final = (
    Cue.HOP,
    Cue.EXERCISE,
    Cue.SESSION,
    Cue.EFFORT_WORD,
    Cue.DURING,
    Cue.AFTER,
)


def fine_in_passing(m: Message) -> bool:
    """A state of no pain said in passing, no recovery: no area, no change said ("gone",
    "better now", "fine again"), and said of a session or beside a question ("no pain at
    all during today's hops", "yoga instead today? no pain or anything", "the jumps are
    too easy, no soreness at all"). A feels fine needs a problem said to be over."""
    if says_change(m.f.words):
        return False
    if _NORMAL_ASKED_RE.search(m.low):
        return True  # "is it normal that my hips click, no pain just a clicky sound"
    if m.areas:
        return False
    return m.f.has(*_IN_PASSING_CUES) or "?" in m.low or bool(m.f.asking)


#: A question whether a thing felt is normal or a worry: a "no pain" in it describes the
#: thing asked about, no recovery.
_NORMAL_ASKED_RE: Final = re.compile(
    r"\b(?:is|are|was)\s+(?:it|that|this|they|these)\s+(?:normal|ok|okay|fine|a\s+problem"
    r"|something\s+to\s+worry|bad|a\s+bad\s+sign|common)\b"
    r"|\bshould\s+i\s+(?:worry|be\s+worried|be\s+concerned)\b|\bany\s+reason\s+why\b"
)


def _emoji_only(clean: str) -> Intent:
    chars = set(clean)
    if chars & DONE_EMOJI:
        return Intent(IntentKind.DONE)
    if chars & _WAVE_EMOJI:
        return Intent(IntentKind.GREETING)
    if chars & _THANKS_EMOJI:
        return Intent(IntentKind.THANKS)
    return Intent(IntentKind.UNKNOWN)


def _reminder(m: Message) -> Intent | None:
    f = m.f
    anchors = [*f.cues.get(Cue.REMIND, ()), *f.cues.get(Cue.REMINDER, ())]
    if not anchors:
        return _message_moved(m)
    if _TAKEN_BACK_RE.search(m.low):
        return Intent(IntentKind.UNKNOWN)  # "move my reminder to never 😂 jk keep it"
    if (works := _TIME_WORKS_RE.match(m.low)) is not None and (
        at := parse_time(f"at {works.group(1)}")
    ) is not None:
        return Intent(IntentKind.SET_REMINDER, reminder_time=at)  # "6ish works for the reminder"
    if _praised(m.low):
        # "the 7am reminder works great", "the morning nudge got me off the sofa": no
        # setting to change; with a thanks, thanks
        return Intent(IntentKind.THANKS) if Cue.THANKS in f.cues else None
    if _told_of(m.low):
        return None  # "got your 7am reminder in the shower", "my alarm's set for 5:45"
    if clocks_change(m.low) and not _REMINDER_CHANGE_RE.search(m.low):
        return None  # "summer time soon, will the reminder still come at 7?": the FAQ's
    if (span := time_range(m.low)) is not None:
        return Intent(
            IntentKind.SET_REMINDER, unclear=span, unclear_slot=Unclear.TIME
        )  # "6-7am": which one?
    if _REMINDER_QUERY_RE.search(m.low) and not _REMINDER_CHANGE_RE.search(m.low):
        return Intent(IntentKind.SET_REMINDER)  # "is my reminder still 7am?": shown, unchanged
    if reminder_put_off(m.low) or _reminder_praised(m):
        # "will sort the reminders out then", "thanks, the 7am reminder works great"
        return Intent(IntentKind.THANKS) if Cue.THANKS in f.cues else None
    if (some := _some_days(m.low)) is not None:
        return Intent(  # "no reminders at weekends", "6:30 on weekdays and 8 at weekends"
            IntentKind.SET_REMINDER, unclear=some, unclear_slot=Unclear.SOME_DAYS
        )
    if _STOP_IT_RE.search(m.low) and not _MOVE_IT_RE.search(m.low):
        return Intent(IntentKind.SET_REMINDER, reminder_off=True)  # "stop the morning messages"
    at = parse_time(_asked_clause(m.low) or _asked_part(m.low))
    if at is not None and (once := _ONE_DAY_RE.search(m.low)) is not None:
        return Intent(  # "remind me at 8 tomorrow only, then back to normal": asked
            IntentKind.SET_REMINDER,
            reminder_time=at,
            unclear=once.group(0),
            unclear_slot=Unclear.ONE_DAY,
        )
    if at is not None:
        return Intent(IntentKind.SET_REMINDER, reminder_time=at)
    if (odd := impossible_time(m.low)) is not None:
        return Intent(
            IntentKind.SET_REMINDER, unclear=odd, unclear_slot=Unclear.TIME
        )  # "25:00": asked, never clamped
    off_by = _OFF_BY_RE.search(m.low) is not None  # "the reminders are all off by hours"
    if off_by and Cue.TIMEZONE in f.cues:
        return None  # "...off by hours, could you update my location to Vancouver?": the zone
    if (
        near(f, Cue.OFF, anchors, _NEAR_OFF) or near(f, Cue.NEG, anchors, _NEAR_OFF)
    ) and not off_by:
        said = None if m.today is None else pause_said(m.low, m.today)
        if said is not None and said.unclear is None and said.last is not None:
            # "no reminders next week", "stop the messages until sunday": a break, not off
            return Intent(IntentKind.PAUSE, pause_from=said.first, pause_until=said.last)
        return Intent(IntentKind.SET_REMINDER, reminder_off=True)
    if _REMIND_DONE_RE.search(m.low):
        return Intent(IntentKind.HISTORY)  # "remind me what I logged last week": the record
    remind = f.first(Cue.REMIND)
    if (
        remind is not None
        and not f.has(Cue.REMINDER, Cue.DAILY)
        and f.has(Cue.ASK, Cue.OF, Cue.TODAY, Cue.SESSION)
        and f.words[remind.end : remind.end + 1] != ("to",)
    ):
        # "remind me what today's session is"; "remind me what's left this week": the week
        return plan_question(m.low, m.today) or Intent(IntentKind.TODAY)
    if f.has(Cue.REMINDER, Cue.DAILY) or not (f.unexplained or Cue.EXERCISE in f.cues):
        return Intent(IntentKind.SET_REMINDER)  # not "remind me why we do clamshells"
    return None


#: "remind me what I logged", "remind me which days I did": the record asked, no reminder.
_REMIND_DONE_RE: Final = re.compile(
    r"\bremind\s+me\s+(?:of\s+)?(?:what|which(?:\s+days?|\s+sessions?)?|when|if|whether)\s+"
    r"(?:i|i'?ve|i\s+have|i\s+had)\s+(?:actually\s+|already\s+)?"
    r"(?:logged|log|did|done|completed|finished|managed|skipped|missed)\b"
)
#: What happened to a reminder or alarm, or how it stands ("got your 7am reminder", "the 8am
#: one just went off", "missed the 7 oclock reminder", "my alarm's set for 5:45"): told of.
_HAPPENED_RE: Final = re.compile(
    r"\b(?:got|get|gets|getting|received|saw|see|seen|noticed|heard|missed|miss|ignored"
    r"|snoozed|slept\s+(?:through|thru)|(?:went|goes|going|gone)\s+off|came|comes|arrived"
    r"|woke|wakes|buzzed|popped\s+up|pinged|dinged|rang|rings|i\s+(?:just\s+|always\s+)?set"
    r"|(?:'?s|is|was|are|were|been)\s+(?:set\s+|always\s+|usually\s+)?(?:at|for|on|set)\b)"
)
#: What asks a reminder to change, or to be at a time: a request word; a time "from now on".
_CHANGE_ASKED_RE: Final = re.compile(
    r"\b(?:set|change|move|update|switch|make|put|turn|shift|push|pls"
    r"|(?:can|could|would|will)\s+(?:you|u|ya|it|they|that|the|my|your|ur|we)"
    r"|(?:can|could|may)\s+i\s+(?:get|have|change|move|set|make|switch)"
    r"|please|plz|earlier|later|different|instead(?!\s+of)|want|wanna|like|prefer|rather|need"
    r"|possible"
    r"|remind|ping\s+me|nudge\s+me|text\s+me|notify\s+me|from\s+now|going\s+forward"
    r"|stop|cancel|mute|don'?t|dont|no\s+more|off)\b"
)
#: A clause that asks about the reminder itself: "can the reminder be at 9?".
_REMINDER_CLAUSE_ASKED_RE: Final = re.compile(
    r"\b(?:reminders?|alarms?|notifications?|notifs|nudges?|pings?)\b[^,.;!?]*\?"
)


#: The reminders turned off, whatever time is said beside ("stop the morning messages
#: please, I don't need my phone nagging me at 7 every day").
_STOP_IT_RE: Final = re.compile(
    r"\b(?:stop|cancel|disable|mute|turn\s+off|switch\s+off|no\s+more)\s+(?:sending\s+)?"
    r"(?:the\s+|my\s+|your\s+|ur\s+|all\s+|these\s+|those\s+)?(?:\w+\s+)?"
    r"(?:reminders?|messages?|msgs?|notifications?|notifs|nudges?|pings?|texts?|alarms?)\b"
)
#: Reminders at the wrong time, not turned off: "all off by hours", "off by an hour".
_OFF_BY_RE: Final = re.compile(r"\boff\s+by\s+(?:an?\s+|one\s+|a\s+few\s+|[0-9]+\s+)?hours?\b")
_MOVE_IT_RE: Final = re.compile(
    r"\b(?:move|change|switch\s+(?:it|them|to)|set|make|shift|push|earlier|later|instead|until"
    r"|till|til|for\s+(?:a|the|this|next)|this\s+week|next\s+week|today|tomorrow|weekend)\b"
)


#: The clocks changing: summer or winter time, daylight saving, the clocks going forward.
_CLOCKS_RE: Final = re.compile(
    r"\b(?:(?:summer|winter|standard)\s*time|daylight\s*sav\w*|dst|bst"
    r"|clocks?\s+(?:go|goes|going|gone|went|change[sd]?|changing|spring|fall|move[sd]?))\b"
)


def clocks_change(low: str) -> bool:
    """Whether ``low`` speaks of the clocks changing ("switch me to summer time", "clocks go
    back on sunday"): local time follows them by itself."""
    return ("time" in low or "dst" in low or "bst" in low or "clock" in low or "sav" in low) and (
        _CLOCKS_RE.search(low) is not None
    )


def _told_of(low: str) -> bool:
    """A reminder (or the runner's own alarm) told of, nothing asked of it: what happened
    to it ("got your 7am reminder while I was in the shower", "8am reminder just went off")
    or how it stands ("my alarm's set for 5:45 every day"). A change needs a request
    ("move it", "can you...", "remind me at", "at 7 from now on")."""
    if _HAPPENED_RE.search(low) is None:
        return False
    for piece in _PIECES_RE.split(low):
        if _BARE_ASK_RE.match(piece):
            return False  # "reminder at 5:30 before it gets hot": a request, in few words
        rest = _HAPPENED_RE.sub(" ", piece)
        named = _REMINDER_WORD_RE.search(piece) is not None
        if _CHANGE_ASKED_RE.search(rest) and (named or not _OTHER_ASK_RE.search(rest)):
            return False  # not "alarm goes off at 5:45, can you pause me from the 1st"
        if rest == piece and _REMINDER_CLAUSE_ASKED_RE.search(piece):
            return False
    return True


#: A reminder asked for some days of the week only ("no reminders at weekends", "8 on
#: weekdays"): the time is one for every day, so it is asked about, never changed (nor
#: turned off for every day).
_SOME_DAYS_RE: Final = re.compile(
    r"\b(?:on|at|in|over|during|for)\s+(?:the\s+)?(?:weekends?|weekdays?|week\s*days|work\s*days"
    r"|saturdays|sundays|mondays|tuesdays|wednesdays|thursdays|fridays)\b"
    r"|\b(?:weekends?|weekdays?)\s+only\b"
)
_REMINDER_CLAUSE_RE: Final = re.compile(
    r"[^,.;!?]*\b(?:remind\w*|messages?|msgs?|notifications?|pings?|alarm)\b[^,.;!?]*"
)


def _some_days(low: str) -> str | None:
    """Some days of the week said in the reminder's own clause ("no reminders at weekends",
    not "I run on weekends, remind me at 7"), as said; None otherwise."""
    if "week" not in low and "days" not in low:
        return None
    for clause in _REMINDER_CLAUSE_RE.finditer(low):
        if (some := _SOME_DAYS_RE.search(clause.group(0))) is not None:
            return some.group(0)
    return None


#: A reminder time asked for one day only ("tomorrow only", "just for tomorrow", "then
#: back to normal"): the time is one for every day, so it is asked about, not changed.
_ONE_DAY_RE: Final = re.compile(
    r"\b(?:tomorrow|tmrw|today|tonight|this\s+once)\s+only\b"
    r"|\bjust\s+(?:for\s+)?(?:tomorrow|tmrw|today|this\s+once|this\s+time|one\s+day|once)\b"
    r"|\bonly\s+(?:for\s+)?(?:tomorrow|tmrw|one\s+day|once)\b"
    r"|\bthen\s+back\s+to\s+(?:normal|usual|the\s+usual|[0-9])"
    r"|\bone[-\s]off\b"
)
#: A reminder and its time said as a request, with no verb ("reminder at 5:30 ...").
_BARE_ASK_RE: Final = re.compile(
    r"\s*(?:the\s+|my\s+)?(?:morning\s+)?(?:reminders?|msgs?|messages?|notifications?)\s+"
    r"(?:at|for|to)\s+[0-9]"
)
_REMINDER_WORD_RE: Final = re.compile(
    r"\b(?:reminders?|alarms?|notifications?|notifs|nudges?|pings?)\b"
)
#: What else a request may be for: a break, a race, the time zone, a session.
_OTHER_ASK_RE: Final = re.compile(
    r"\b(?:pause|break|hold|holiday|race|time\s*zone|session|today|tomorrow|tmrw|plan|jumps?"
    r"|hops?|week)\b"
)


_PIECES_RE: Final = re.compile(r"[,;.!?]+(?:\s+|$)|\s+(?:but|so|and)\s+")


#: Where a message breaks into clauses for ``_asked_clause``.
_CLAUSE_BREAK_RE: Final = re.compile(r"[,;.!?]+\s*|\s+(?:and|but|so)\s+")


def time_asked_apart(low: str) -> bool:
    """Whether one clause of several that say times asks for the reminder's change
    (``_asked_clause``): its time is the one asked, whatever the others say."""
    return _asked_clause(low) is not None


def _asked_clause(low: str) -> str | None:
    """With times in several clauses, the one clause that asks for a change ("on nights, 7pm
    to 7am, so the 6:30 reminder is useless, can it come at 14:00 instead": 14:00; "did it
    at 10pm last night, can the reminder come at 9pm instead": 9pm); None when no one
    clause does (the whole message is read)."""
    if not _CLAUSE_BREAK_RE.search(low):
        return None
    timed = [piece for piece in _CLAUSE_BREAK_RE.split(low) if parse_time(piece) is not None]
    if len(timed) < 2:
        return None
    asked = [
        piece for piece in timed if _CHANGE_ASKED_RE.search(piece) and _NAMES_IT_RE.search(piece)
    ]
    if len(asked) != 1:  # "meetings till 9pm. and remind me at 6:45 from now": the reminder's
        asked = [piece for piece in timed if _REMIND_ME_RE.search(piece)]
    return asked[0] if len(asked) == 1 else None


#: One day paused, said right after the word ("pause friday", "pause me on sunday"), with
#: nothing else after it but a reason ("pause friday, I've got a trip").
_PAUSE_ONE_DAY_RE: Final = re.compile(
    r"\bpause\s+(?:me\s+|it\s+|us\s+)?(?:on\s+|this\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?:\s+(?:pls|please|thanks|thx))?\s*(?:[,.!]|$)"
)
_REMIND_ME_RE: Final = re.compile(
    r"^\s*(?:(?:and|also|so|pls|please|can\s+you|could\s+you|just)\s+)*"
    r"(?:remind|ping|nudge|text|message)\s+me\b"
)  # a request opening its clause


#: A clause that names what is moved: the reminder, or "it" in a request ("can it come at").
_NAMES_IT_RE: Final = re.compile(
    r"\b(?:reminders?|alarms?|notifications?|notifs|nudges?|pings?|messages?|it|instead)\b"
)


def _asked_part(low: str) -> str:
    """Where to read the time asked for: without the pieces that tell what happened to the
    reminder ("the reminder came at 7, can you move it to 8?": 8), if a time is left."""
    if _HAPPENED_RE.search(low) is None:
        return low
    rest = " ".join(p for p in _PIECES_RE.split(low) if not _HAPPENED_RE.search(p))
    if parse_time(rest) is not None:
        return rest
    bare = _BARE_TIME_RE.match(rest) or _MAKE_IT_RE.search(rest)  # "went off at 8, too
    # late. 7 please", "is going off at 6, could you make it 8?": at 7, at 8
    return f"at {bare.group(1)}" if bare and parse_time(f"at {bare.group(1)}") else low


_BARE_TIME_RE: Final = re.compile(r"\s*([0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?)(?![0-9/])")
_MAKE_IT_RE: Final = re.compile(
    rf"{MOVED_TO}(?:it|them|that)\s+(?:to\s+|at\s+|for\s+)?"
    r"([0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?)(?![0-9/])"
)


#: The coach's message moved to a time: "your 6am message woke the baby, move it to 9".
_MESSAGE_MOVED_RE: Final = re.compile(
    r"\b(?:your|ur|the|my|morning|daily|[0-9]{1,2}(?::[0-9]{2})?\s*(?:am|pm)?)\s+"
    r"(?:message|messages|msg|msgs|text|texts|ping|buzz)\b[^.!?]*?"
    r"\b(?:move|change|switch|shift|push|put|make|set)\s+(?:it|them|that|this|those)\s+"
    r"(?:back\s+|forward\s+)?(?:to|till|until|for|at)\s+"
    r"([0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?)(?![0-9/])"
)


def _message_moved(m: Message) -> Intent | None:
    """The coach's message asked for at another time without the word reminder."""
    low = m.low
    if (asked := _time_asked(m)) is not None:
        at = parse_time(f"at {asked}")  # "send it 7ish", "move it to 7pm"
        return None if at is None else Intent(IntentKind.SET_REMINDER, reminder_time=at)
    if not ("message" in low or "msg" in low or "text" in low or "ping" in low or "buzz" in low):
        return None  # one of these is in every match: a cheap test first
    moved = _MESSAGE_MOVED_RE.search(m.low) or _MESSAGE_MADE_RE.search(m.low)
    if moved is None:
        return None
    at = parse_time(f"at {moved.group(1)}")
    if at is None:
        return Intent(IntentKind.SET_REMINDER, unclear=moved.group(1), unclear_slot=Unclear.TIME)
    return Intent(IntentKind.SET_REMINDER, reminder_time=at)


#: A time said first that suits the reminder: "6ish works for the reminder", "half 7 would
#: be better for the messages".
_TIME_WORKS_RE: Final = re.compile(
    r"\s*((?:(?:half|quarter)\s+(?:past\s+|to\s+)?)?[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm|ish)?)\s+"
    r"(?:works|would\s+work|is\s+(?:better|best|good|fine|perfect)|would\s+be\s+(?:better|best|good"
    r"|great|perfect))\b"
)
#: The coach's message named, then a time asked with "make it": "the 6am message is a bit
#: early ... could you make it half 7 instead?"
_MESSAGE_MADE_RE: Final = re.compile(
    r"\b(?:message|messages|msg|msgs|text|texts|ping|notification|notifications)\b[^?]*?"
    r"\b(?:make|have|send)\s+(?:it|them)\s+(?:at\s+|for\s+)?"
    r"((?:(?:half|quarter)\s+(?:past\s+|to\s+)?)?[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm|ish)?)"
    r"(?=\s*(?:$|pls|please|instead|thanks|[.,!?]))"
)
_CLOCK: Final = (
    r"((?:(?:half|quarter)\s+(?:past|to)\s+)?(?:[0-9]{1,2}|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve)(?:[:.][0-9]{2})?\s*(?:am|pm|ish)?)"
)
#: A time asked for the day's message without the word reminder: "can the message come at
#: 6.15", "send it 7ish pls", "can we move it to 7pm", "quarter to six from now on please".
_TIME_ASKED_RE: Final = re.compile(
    r"\b(?:can|could|would|will|pls|please|want|like|need)\s+(?:the\s+|my\s+|your\s+|ur\s+)?"
    r"(?:daily\s+|morning\s+)?(?:message|messages|msg|msgs|text|texts|ping|session|it)\s+"
    r"(?:to\s+)?(?:come|arrive"
    rf"|land|go\s+out)\s+(?:at|around|for)\s+{_CLOCK}(?![0-9/])"
    rf"|(?:^|[,.!;]\s*|\b(?:so|and|just)\s+)(?:can\s+you\s+|could\s+you\s+|pls\s+|please\s+)?"
    rf"send\s+(?:it|them|me\s+it)\s+{_CLOCK}"
    r"(?=\s*(?:$|pls|please|instead|thanks|thx|from|each|every|in\s+the|[.,!?]))"
    r"|\b(?:move|shift|push|switch)\s+(?:it|them)\s+(?:back\s+|forward\s+)?(?:to|till|until)\s+"
    r"((?:[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)|[0-9]{1,2}[:.][0-9]{2}))\b"
    rf"|^(?:ok\s+|so\s+)?{_CLOCK}\s+from\s+now\s+on\b"
)


def _time_asked(m: Message) -> str | None:
    """The time asked for the day's message without the word reminder, as written."""
    low = m.low
    if not ("send" in low or "move" in low or "come" in low or "from now on" in low):
        return None  # one of these is in every match: a cheap test first
    asked = _TIME_ASKED_RE.search(low)
    if asked is None or names_days_in(m.f.words):
        return None  # "move it to saturday": a day swapped, no time
    return next(group for group in asked.groups() if group)


#: A request taken back in the same message: "jk keep it", "just kidding, leave it".
_TAKEN_BACK_RE: Final = re.compile(
    r"\b(?:jk|j/k|just\s+kidding|only\s+joking|kidding)\b[^.!?]*?\b(?:keep|leave)\s+(?:it|them)\b"
)
#: A reminder spoken of, not asked about: "the morning nudge really helped".
_REMINDER_PRAISED_RE: Final = re.compile(
    r"\b(?:help|helped|helps|helping|helpful|love|loved|loving|great|useful|handy|perfect|brilliant"
    r"|thanks|thank\s+you|cheers|appreciated?|amazing|lifesaver|got\s+me|works|working)\b"
)


def _praised(low: str) -> bool:
    """Whether the reminder is praised, with nothing asked of it."""
    return bool(_REMINDER_PRAISED_RE.search(low)) and not _REMINDER_ASKED_RE.search(low)


_REMINDER_ASKED_RE: Final = re.compile(
    r"\b(?:set|change|move|update|switch|make|put|turn|can\s+you|could\s+you|pls|please"
    r"|earlier|later|different|instead|stop|cancel|no\s+more|don'?t|dont|mute)\b|\?"
)


#: The reminder asked about, not changed: "is my reminder still 7am?", "it's at 7 right?"
_REMINDER_QUERY_RE: Final = re.compile(
    r"^(?:is|isnt|what|whats|what's|when|does|did|has|hasnt)\b[^?]*\?"
    r"|\b(?:right|yeah|correct|isnt\s+it|isn'?t\s+it)\s*\?+\s*$"
)
_REMINDER_CHANGE_RE: Final = re.compile(
    r"\b(?:set|change|move|update|switch|make|put|turn|can\s+you|could\s+you|pls|please"
    r"|earlier|later|different|instead|stop|cancel|mute|want|like|possible|get|have|ok|okay)\b"
)
#: The reminder said to work as it is: "the 7am reminder works great".
_WORKS_RE: Final = re.compile(
    r"\b(?:works?|working|worked)\s+(?:really\s+|so\s+)?(?:great|well|perfectly|a\s+treat|nicely"
    r"|brilliantly|fine)\b|\b(?:is|was|has\s+been|been|are)\s+(?:really\s+|so\s+)?(?:perfect"
    r"|great|brilliant|spot\s+on|ideal|helpful|a\s+lifesaver|working)\b"
)


def _reminder_praised(m: Message) -> bool:
    """The reminder praised as it is, nothing asked of it (in the sentence that names it:
    "could I swap it? ... the reminder at 7 is perfect, keep it as it is")."""
    if Cue.REMIND in m.f.cues:
        return False
    said = _reminder_sentence(m.low)
    if said is not m.low and parse_time(m.low.replace(said, " ")) is not None:
        return False  # "the 7am reminder works great. can you move it to 8 though"
    return (
        _WORKS_RE.search(said) is not None or _KEEP_IT_RE.search(said) is not None
    ) and _REMINDER_ASKED_RE.search(said) is None


#: The reminder kept as it is: "keep it as it is", "leave it be".
_KEEP_IT_RE: Final = re.compile(
    r"\b(?:keep|leave)\s+it\s+(?:as\s+it\s+is|like\s+that|that\s+way|the\s+same|be)\b"
)


def _reminder_sentence(low: str) -> str:
    """The sentence of ``low`` that names the reminder (all of it when none or one)."""
    sentences = SENTENCE_GAP_RE.split(low)
    named = [s for s in sentences if "remind" in s or "notif" in s or "alarm" in s]
    return named[0] if len(named) == 1 and len(sentences) > 1 else low


def _timezone(m: Message) -> Intent | None:
    cue = m.f.first(Cue.TIMEZONE)
    if cue is None or clocks_change(m.low):
        return None  # "switch me to summer time": the clocks, not a place (the FAQ's)
    text = zone_text(m.clean, m.tokens, m.f, cue, check=True)
    if text is None:  # "I'm in Brisbane for 3 months, update my time zone": the city said
        located = _location(m)
        if located is not None:
            return located
        text = place_in(m.clean, least=_ASKED_CITY_POPULATION)
    if text is None:  # "NYC now, update the time zone": the city said first
        text = _city_first(m)
    if text is None:  # "in new york this week so switch my zone": a big city, lower case
        text = _big_city_in(m.low)
    local = m.f.words[cue.start : cue.end] == ("local", "time")
    if text is None and local and (at := parse_time(m.low)) is not None:
        return Intent(IntentKind.SET_REMINDER, reminder_time=at)  # "my local time, 6am is good"
    return Intent(IntentKind.SET_TIMEZONE, timezone_text=text)


_BIG_CITY_IN_RE: Final = re.compile(
    r"\b(?:in|to)\s+((?:[^\W\d_][\w'.-]*)(?:\s+[^\W\d_][\w'.-]*){0,2})"
)


def _big_city_in(low: str) -> str | None:
    """A big city after "in" or "to", written lower case in any of its names ("in new york
    this week"), when the message asks for the time zone."""
    for match in _BIG_CITY_IN_RE.finditer(low):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            said = " ".join(words[:size])
            if said in KNOWN or said in FILLER:
                continue
            places = places_named(said)
            if len(places) == 1 and places[0].population >= BARE_CITY_POPULATION:
                return city_text(said)
    return None


#: A city said first, then where the runner is now ("NYC now, ...", "in paris now. ...").
_CITY_FIRST_RE: Final = re.compile(
    r"^\s*(?:(?:i'?m|i\s+am|now|currently|just\s+landed|landed)\s+)?(in\s+)?"
    r"([^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,2}?)\s*,?\s+"
    r"(?:now|rn|atm|at\s+the\s+moment|currently|this\s+week|for\s+(?:a|the|two|three|[0-9]+)\b"
    r"|for\s+work\b|on\s+(?:business|holiday|holiday|a\s+trip)\b|(?:til|till|until)\s)",
    re.IGNORECASE,
)

#: Every ``_CITY_FIRST_RE`` match holds one of these: a cheap test first.
_CITY_FIRST_HINTS: Final = (
    *("now", "rn", "atm", "moment", "currently", "week", "for", "til", "business"),
    *("holiday", "trip"),
)


def _city_first(m: Message, *, alone: bool = False) -> str | None:
    """The city a message opens with before "now" ("NYC now, update the time zone", "in
    paris now. what's tomorrow?"), as ``city_text`` writes it. ``alone`` (no time-zone word
    in the message) takes it only after "in" and from a city of
    :data:`BARE_CITY_POPULATION` ("in bed now" names no city)."""
    if not any(hint in m.low for hint in _CITY_FIRST_HINTS):
        return None
    match = _CITY_FIRST_RE.match(m.clean)
    if match is None:
        return None
    said = match.group(2)
    bare = alone and match.group(1) is None  # "Edinburgh now 🏴": a big city, capitalised
    if bare and not (said[:1].isupper() and _NOW_AFTER_RE.search(match.group(0))):
        return None
    places = places_named(said)
    least = BARE_CITY_POPULATION if alone else _ASKED_CITY_POPULATION
    least = _BARE_WORD_POPULATION if bare else least
    if len(places) != 1 or places[0].population < least:
        return None
    if bare and name_key(said) != name_key(places[0].name):
        return None  # "Sam now": a name, not Damascus's other name
    if said[:1].isupper():
        return city_text(said)
    known = any(word in KNOWN or word in FILLER for word in said.lower().split())
    big = places[0].population >= _BIG_CITY_POPULATION
    if big and (not known or " " in said.strip()):
        return city_text(said)  # "in new york this week", "in nyc now": a world city's alias
    if name_key(said) != name_key(places[0].name) or known:
        return None  # an alias only capitalised ("Brum"); "in reading now" is a word
    return city_text(said)


_NOW_AFTER_RE: Final = re.compile(r"(?:now|rn|atm|at the moment|currently)$", re.IGNORECASE)
#: A city this big is taken by its alias typed in lower case ("nyc", "new york").
_BIG_CITY_POPULATION: Final = 1_000_000


def _arrived(m: Message) -> Intent | None:
    """ "in paris now", "in Tokyo this week. what's tomorrow?": the runner is in a city now,
    so the times move there (a question beside it is a part of its own)."""
    if m.f.has(Cue.PAUSE, Cue.AWAY) and not _only_on_a_trip(m):
        return None  # "in Rome for a week, pause me": the pause's rule reads it
    if (text := _city_first(m, alone=True)) is None:
        return None
    if m.report() is not None or someone_elses_move(m.low):
        return None
    return Intent(IntentKind.SET_TIMEZONE, timezone_text=text)


_NOT_THE_PLAN: Final = frozenset({"the", "this", "that", "my", "your"})


def _paused_elsewhere(m: Message) -> bool:
    """Every pause word takes an object that is not the plan ("pause the music")."""
    f = m.f
    for hit in f.cues.get(Cue.PAUSE, ()):
        j = hit.end
        if not (j + 1 < len(f.words) and f.words[j] in _NOT_THE_PLAN and j + 1 in f.unexplained):
            return False
    return True


def _dated(m: Message) -> bool:
    """Whether a date is said that is no rating ("maybe 2/10, after it goes away")."""
    rated = {pos for pos, _ in m.ratings}
    return any(pos not in rated for pos, _ in find_dates(m.low, m.today))


_TRIP_WORDS: Final = frozenset(
    {("holiday",), ("holidays",), ("vacation",), ("vacay",), ("hols",), ("sabbatical",)}
)


def _only_on_a_trip(m: Message) -> bool:
    """A trip word and no break asked or dated ("in Lisbon now for the holidays")."""
    return Cue.AWAY not in m.f.cues and _only_a_trip(m) and not _dated(m)


def _only_a_trip(m: Message) -> bool:
    """Whether every pause word is a trip ("on holiday next week"), none a request."""
    return all(m.f.words[h.start : h.end] in _TRIP_WORDS for h in m.f.cues.get(Cue.PAUSE, ()))


#: Just before a pause word, what makes it the past ("after a long time off").
_AFTER_RE: Final = re.compile(r"\b(?:after|since)\s+(?:a\s+|my\s+|the\s+|some\s+)?(?:\w+\s+)?$")


#: What opens a question asking advice ("should I...", "do I need...", "how do I..."), not
#: a request ("can you pause me?").
_ADVICE_OPENERS: Final = frozenset({"should", "shall", "do", "does", "would", "must", "how"})
_ADVICE_AFTER: Final = frozenset({"i", "we", "it"})


def _advice_asked(f: Features, pos: int) -> bool:
    """Whether the word at ``pos`` is in a clause that asks advice ("should I stop the
    plan?", "how do I get back into it?", "do I need days off?")."""
    clause = f.clauses[pos]
    if clause not in f.asking:
        return False
    start = pos
    while start and f.clauses[start - 1] == clause:
        start -= 1
    opener, after = f.words[start], f.words[start + 1 : start + 2]
    if opener == "how":
        return after in (("do",), ("should",))
    return opener in _ADVICE_OPENERS and after != () and after[0] in _ADVICE_AFTER


#: Words that make the restart after them the topic of a question ("the rule for starting
#: again", "any tips on getting back into it").
_TOPIC_OF: Final = frozenset({"for", "about", "on"})


def _topic_of(f: Features, pos: int) -> bool:
    """Whether the restart word at ``pos`` is what a question is about ("whats the rule for
    starting again after a race?"), not a restart asked for: a preposition before it, in
    a message that asks."""
    return pos > 0 and f.words[pos - 1] in _TOPIC_OF and f.clauses[pos - 1] == f.clauses[pos]


_WISHES: Final = frozenset({"happy", "merry", "enjoy"})


def _wished(f: Features) -> bool:
    """Whether every pause word is a wish ("happy holidays!", "enjoy your holiday")."""
    return all(
        h.start > 0
        and (
            f.words[h.start - 1] in _WISHES
            or (h.start > 1 and f.words[h.start - 2] == "enjoy" and f.words[h.start - 1] in _YOUR)
        )
        for h in f.cues.get(Cue.PAUSE, ())
    )


_YOUR: Final = frozenset({"your", "ur", "the"})
#: Before a pause word, what makes it a break told of, not asked for ("back from the pause",
#: "i paused it before i left").
_TOLD_BEFORE: Final = frozenset({"the", "my", "i", "we", "had", "was", "been", "were", "you"})
_TOLD_WORDS: Final = frozenset({"pause", "paused", "break", "hold"})


def _pause_told(f: Features, hit: Hit) -> bool:
    """Whether the pause word at ``hit`` names a break the runner tells of (a noun after
    "the" or "my", a past "paused" after its subject), not one asked for."""
    if hit.end - hit.start != 1 or f.words[hit.start] not in _TOLD_WORDS or not hit.start:
        return False
    before = f.words[hit.start - 1]
    return before in _TOLD_BEFORE and (before in ("the", "my") or f.words[hit.start] == "paused")


_BEEN: Final = frozenset({"been", "was", "were"})
_BEEN_ON: Final = frozenset({"on", "a", "the", "my"})
_BEEN_BACK: Final = 3


def _paused_so_far(f: Features, hit: Hit) -> bool:
    """Whether the pause word at ``hit`` tells of a break the runner has been on ("I've been
    on pause since the 1st", "was paused all month"), no new one asked for."""
    k = hit.start - 1
    while k >= max(hit.start - _BEEN_BACK, 0) and f.words[k] in _BEEN_ON:
        k -= 1
    return k >= 0 and f.words[k] in _BEEN and f.clauses[k] == f.clauses[hit.start]


_SHOULD: Final = frozenset({"should", "shd"})
_SHOULD_BACK: Final = 3


def _not_asked(m: Message, hit: Hit) -> bool:
    """A pause word negated ("don't pause me", "never asked to pause", "no need to pause")
    or only advised in a question ("he reckons I should pause, what do you think?")."""
    f = m.f
    if negated(f, hit.start) or f.words[hit.start - 1 : hit.start] in (("stop",), ("quit",)):
        return True  # "stop pausing me": a return asked for
    before = f.words[max(hit.start - _SHOULD_BACK, 0) : hit.start]
    return "?" in m.low and not _SHOULD.isdisjoint(before)


_HOME_FOR_GAP: Final = 16


def _home_for(m: Message, hit: Hit) -> bool:
    """A holiday spent at home ("I'm home for the whole holiday"): no break."""
    at = m.char(hit.start)
    home = _STAYING_HOME_RE.search(m.low, max(at - _HOME_FOR_GAP - 20, 0), at)
    return home is not None and at - home.end() <= _HOME_FOR_GAP


#: "why did u put me on hold??": a question about a hold or break, no break asked for.
_WHY_HELD_RE: Final = re.compile(r"\bwhy\b[^.!?]*\b(?:hold|held|pause|paused|break|stopped|off)\b")


def _pause(m: Message) -> Intent | None:
    f = m.f
    if "why" in m.low and _WHY_HELD_RE.search(m.low):
        return Intent(IntentKind.PLAN_QUESTION, topic=PlanTopic.PHASE)  # asked, not asked for
    if "paused" in m.low and _PAUSED_STATE_RE.search(m.low) and not _PAUSE_ASKED_RE.search(m.low):
        return None  # "i'm still paused after my holiday": where things are, no new break
    moved = "from" in m.low and Cue.RACE in f.cues and _MOVED_RANGE_RE.search(m.low)
    low = _MOVED_RANGE_RE.sub(_blank, m.low) if moved else m.low  # the race's move: no break
    if m.today is None or not f.has(Cue.PAUSE, Cue.AWAY, Cue.OFF, Cue.SKIP):
        said = None
    else:
        said = pause_said(low, m.today)
    dated = (
        Cue.AWAY in f.cues
        and (Cue.UNTIL in f.cues or said is not None or _dated(m))
        and not (f.has(Cue.SKIP, Cue.DONE, Cue.DID) and said_in_past(m.low))
        and not (Cue.SKIP in f.cues and said is None and Cue.UNTIL not in f.cues)
    )  # not "missed it on the 1st, was travelling", "wont make tmrw's, work trip": a log
    ranged = (  # "23rd to 28th, no sessions", not "missed sat and sun"
        said is not None and said.ranged and f.has(Cue.OFF, Cue.SKIP) and not said_in_past(m.low)
    )
    asked = Cue.PAUSE in f.cues and not _paused_elsewhere(m) and not _wished(f)
    if not (asked or dated or ranged):
        return None
    if _break_gone_by(m.low) or _break_supposed(m) or _break_hedged(m.low):
        return None  # "I paused over christmas", "if I pause for a holiday do I lose it?"
    offs = [*f.cues.get(Cue.OFF, ()), *f.cues.get(Cue.PAUSE, ()), *f.cues.get(Cue.AWAY, ())]
    if ranged and all(theirs(f.words, f.clauses, f.foreign, h.start, h.end) for h in offs):
        return None  # "my mate's off skiing from the 20th to the 27th"
    if said is None and _only_a_trip(m) and Cue.LOCATION in f.cues and not _dated(m):
        return None  # "im in Sydney now for the holidays": where they are, no break asked
    if (("?" in m.low or f.asking) and _PAUSE_ADVICE_RE.search(m.low)) or asks_getting_back(m.low):
        return None  # "do i need days off or can i go every day": advice, no break
    if _only_a_trip(m) and _HOLIDAYS_WISHED_RE.search(m.low):
        return None  # "happy holidays!!": a wish, no break
    if said is None and _NO_BREAK_RE.search(m.low):
        return None  # "pause? nah, im keeping going through xmas": a break turned down
    breaks = [*f.cues.get(Cue.PAUSE, ()), *f.cues.get(Cue.AWAY, ())]
    if breaks and f.opinion and all(h.start in f.opinion for h in breaks):
        return None  # "my coach reckons we should all take two weeks off": their view
    if breaks and all(theirs(f.words, f.clauses, f.foreign, h.start, h.end) for h in breaks):
        return None  # "my wife is away next week", "told my friend to pause her training"
    if asked and not dated and all(_paused_so_far(f, h) for h in f.cues[Cue.PAUSE]):
        return None  # "I've been on pause since the start of the month, can we go again"
    if asked and break_refused(m.low, m.char(f.cues[Cue.PAUSE][0].start)):
        return None  # "pause? nah, I'm keeping going through xmas"
    if asked and all(
        _advice_asked(f, h.start) or _not_asked(m, h) or _home_for(m, h) for h in f.cues[Cue.PAUSE]
    ):
        return None  # "should I just stop the plan?", "don't pause me", "no need to pause"
    if Cue.RESUME in f.cues and _only_a_trip(m) and said is None:
        return None  # "back from holiday", "holiday's over, unpause me": a return
    if (
        Cue.RESUME in f.cues
        and said is None
        and all(_pause_told(f, h) for h in f.cues.get(Cue.PAUSE, ()))
    ):
        return None  # "back from the pause, resume please", "restart it, I paused it in june"
    if said is None and (back_from_trip(m.low) or (_only_a_trip(m) and trip_gone_by(m.low))):
        return None  # "home from holiday, start me up", "went on holiday in the summer"
    if said is None and _only_a_trip(m) and _there_now(m):
        return None  # "did it yesterday, and I'm in Sydney now for the holidays": no break
    if (not asked or _only_a_trip(m)) and (
        asks_permission(m.low) or plan_question(m.low, m.today) is not None
    ):
        return None  # "away next week, can I still do it in a hotel?": a question, no break
    if asked and all(_AFTER_RE.search(m.low, 0, m.char(h.start)) for h in f.cues[Cue.PAUSE]):
        return None  # "back into running after a long time off": the past, no break asked
    if said is not None and said.unclear is not None:
        return Intent(
            IntentKind.PAUSE, unclear=said.unclear, unclear_slot=Unclear.DATE
        )  # "from the 21st to the 14th"
    if said is not None:
        return Intent(
            IntentKind.PAUSE, pause_from=said.first, pause_until=said.last, report=m.report()
        )
    today = m.today
    if today and Cue.UNTIL not in f.cues and (one := _PAUSE_ONE_DAY_RE.search(m.low)):
        day = next(iter(log_days(one.group(1), today, ahead=True)), None)
        if day is not None and day > today:  # "pause friday, I've got a trip": that day
            return Intent(IntentKind.PAUSE, pause_from=day, pause_until=day, report=m.report())
    rated = {pos for pos, _ in m.ratings}
    low = _SINCE_DAY_RE.sub(_blank, low) if "since" in low else low
    asking = None if _UNTIL_THEN_RE.search(low) else pause_sentence(low)  # "until then": before
    if asking is not None:  # "newborn arrived monday!! pause...":
        at = low.find(asking)  # the days of the sentence that asks, none told before
        low = " " * at + asking + " " * (len(low) - at - len(asking))
    dates = [day for pos, day in find_dates(low, m.today) if pos not in rated]
    until = last_date(low, m.today) if dates else None  # not "5/10", a rating
    if until is None and asked and (vague := _VAGUE_LENGTH_RE.search(m.low)) is not None:
        return Intent(  # "can u pause it for a bit": how long is asked, nothing paused
            IntentKind.PAUSE, unclear=vague.group(0), unclear_slot=Unclear.LENGTH
        )
    return Intent(IntentKind.PAUSE, pause_until=until, report=m.report())


#: A break's end said as a day told before ("last exam is on the 17th, pause me until then").
_UNTIL_THEN_RE: Final = re.compile(r"\b(?:until|till|til|untill)\s+then\b")
#: A race moved from one day to another ("race moved from 10 May to 24 May"): no break.
_MOVED_RANGE_RE: Final = re.compile(
    r"\b(?:moved|changed|pushed|switched|shifted|rescheduled|postponed|brought\s+forward)"
    r"\s+(?:back\s+|forward\s+)?(?:it\s+)?from\s+[^,.;!?]+?\s+to\s+[^,.;!?]+"
)


#: A day the trouble started ("ill since tuesday", "since the 3rd"): never a break's end.
_SINCE_DAY_RE: Final = re.compile(
    r"\bsince\s+(?:last\s+|the\s+)?[\w']+(?:\s+(?:of\s+)?(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?"
    r"|oct|nov|dec)\b)?"
)


def _blank(match: re.Match[str]) -> str:
    """The matched text as spaces, so positions in the text stay where they were."""
    return " " * len(match.group(0))


#: A break told of as the past: "I paused over christmas", "last time I took 2 weeks off",
#: "thanks for pausing me last month".
_BREAK_GONE_RE: Final = re.compile(
    r"\b(?:i|we|you|u)\s+(?:(?:just|once|already|then)\s+)?(?:paused|took|had)\b"
    r"|(?:^|[,.;!?]\s*)(?:paused|took|had|went|was|were)\b"
    r"|\b(?:i|we)\s+(?:went|was|were)\s+(?:to|on|away|off)\b"
    r"|\b(?:last|that|the\s+other)\s+time\b|\blast\s+(?:month|year|week|summer|winter|spring"
    r"|autumn|christmas|xmas|easter)\b|\b(?:ago|previously|used\s+to)\b"
    r"|\bthanks?\s+(?:you\s+)?for\s+(?:the\s+)?(?:pausing|pause|break|hold)\b"
)
#: A break asked for, whatever the past said beside it: "pause me", "can you", "next week".
_BREAK_WANTED_RE: Final = re.compile(
    r"\b(?:pause|hold|freeze)\s+(?:me|it|my|us|the|everything|things)\b"
    r"|\b(?:can|could|would|will)\s+(?:you|u)\b|\b(?:please|pls|plz|want|wanna|need|gonna"
    r"|going\s+to|i'?ll|ill|i\s+will|next|tomorrow|tmrw|from\s+the|until|till|til)\b"
)


def _break_gone_by(low: str) -> bool:
    """A break told of as the past, none asked for now."""
    return _BREAK_GONE_RE.search(low) is not None and _BREAK_WANTED_RE.search(low) is None


#: A break only thought about or ruled out: "thinking of pausing", "pausing isn't an
#: option", "might take a break, not sure".
_BREAK_HEDGE_RE: Final = re.compile(
    r"\b(?:thinking\s+(?:of|about)|considering|contemplating|wondering\s+(?:if|whether|about)"
    r"|not\s+sure(?!\s+(?:when|how\s+long|till|until))|undecided|might|maybe)\b"
    r"|\b(?:pause|pausing|break|stopping)\s+(?:isn'?t|is\s+not|isnt|aint|not)\s+(?:an\s+)?"
    r"(?:option|happening|needed|necessary)\b"
)
_BREAK_SURELY_ASKED_RE: Final = re.compile(
    r"^\s*(?:pause|hold|freeze)\s+(?:from|till|until|for)\b"
    r"|\b(?:pause|hold|freeze|stop)\s+(?:me|it|my|us|everything)\b|\b(?:can|could|would)\s+"
    r"(?:you|u)\b|\b(?:can|could)\s+we\s+(?:just\s+)?(?:pause|hold|freeze)\b"
    r"|\b(?:please|pls|plz)\b"
)


def _break_hedged(low: str) -> bool:
    """A break only thought about or ruled out, none asked for."""
    return _BREAK_HEDGE_RE.search(low) is not None and _BREAK_SURELY_ASKED_RE.search(low) is None


_SUPPOSING_RE: Final = re.compile(r"\b(?:if|whenever|suppose|supposing|say|in\s+case|what\s+if)\b")


def _break_supposed(m: Message) -> bool:
    """Every break word said as a supposition in a question ("if I pause for a holiday do
    I lose my progress?"): asked about, none asked for."""
    if "?" not in m.low:
        return False
    breaks = [*m.f.cues.get(Cue.PAUSE, ()), *m.f.cues.get(Cue.AWAY, ())]
    return bool(breaks) and all(
        _SUPPOSING_RE.search(m.low, max(m.char(h.start) - 24, 0), m.char(h.start)) for h in breaks
    )


#: A break of no length said ("for a bit", "for a while"): the coach asks how long.
_VAGUE_LENGTH_RE: Final = re.compile(
    r"\bfor\s+(?:a\s+(?:little\s+|wee\s+|short\s+)?(?:bit|while|spell)|some\s+time|a\s+few)\b"
    r"(?!\s+(?:days?|weeks?|months?))"
)


def _there_now(m: Message) -> bool:
    """A trip said beside a done log or where the runner is now ("in Lisbon now for the
    holidays"): being away, no break asked for."""
    return m.f.has(Cue.LOCATION, Cue.DONE, Cue.DID) or _city_first(m, alone=True) is not None


def _the_races(f: Features, races: list[Hit]) -> list[Hit]:
    """The races themselves, not a time before one ("stop the jumps for race week?")."""
    return [h for h in races if f.words[h.end : h.end + 1] != ("week",)]


def _race_unclear(said: str) -> Intent:
    """A race date that cannot be right as written: asked about, nothing stored."""
    return Intent(IntentKind.RACE_DATE, unclear=said, unclear_slot=Unclear.DATE)


#: The sessions stopped, not the race ("stop the jumps for race week").
_WORK_STOPPED_RE: Final = re.compile(
    r"\b(?:stop|stopping|drop|dropping|cut|cutting|pause|skip|skipping|ditch)\s+"
    r"(?:the\s+|my\s+|doing\s+(?:the\s+)?)?(?:jumps|plyos?|hops|sessions?|hip\s+work|strength)\b"
)


#: How far from a race word its date is said, in characters ("my race is on the 14th of
#: february", "the london marathon on the 25th of april, that's my race").
_RACE_DATE_BEFORE: Final = 40
_RACE_DATE_AFTER: Final = 45


#: The race's old date told, then its new one ("was meant to be the 22nd of may but it's
#: now on the 19th of june"): group 1 is where the new one is said.
_WAS_THEN_NOW_RE: Final = re.compile(
    r"\b(?:meant|supposed|planned|scheduled|due|originally|was\s+going)\b[^?!]*?"
    r"\b(now|moved|changed|pushed|postponed|rescheduled|instead)\b"
)


#: A bare day of the month put in the place of a date said before ("change it to the 27th").
_TO_THE_DAY_RE: Final = re.compile(
    r"\b(?:change\s+it\s+to|change\s+to|move\s+it\s+to|moved\s+to|make\s+it|actually|instead"
    r"|now)\s+(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z]{3})"
)


def race_date_moved(low: str) -> bool:
    """Whether ``low`` tells the race's old date, then its new one (``_WAS_THEN_NOW_RE``,
    with a day's number after it: not "withdrew, nothing planned now")."""
    turn = _WAS_THEN_NOW_RE.search(low)
    return turn is not None and any(c.isdigit() for c in low[turn.end() : turn.end() + 40])


def _same_month_fix(low: str, dates: list[tuple[int, date]]) -> date | None:
    """The day of the month a correction names, in the month of the date said before it
    ("i think i set 20 march, change it to the 27th": 27 march); None when not said so."""
    fix = _TO_THE_DAY_RE.search(low)
    if fix is None or not any(pos < fix.start() for pos, _ in dates):
        return None
    before = [day for pos, day in dates if pos < fix.start()][-1]
    try:
        return before.replace(day=int(fix.group(1)))
    except ValueError:
        return None


def _race_day(m: Message, races: list[Hit]) -> date | None:
    """The race's date: the last date said near a race word when one is ("did it on sunday,
    also my race is on boxing day": boxing day; "marathon is on 25 april ... staying with
    us for ten days": 25 april), else the last date said; a named day ("boxing day") is a
    date."""
    low = holidays_as_dates(m.low)
    # "staying with us for ten days", "in Istanbul for 2 months": a length, never the race's day
    dates = [
        (pos, day) for pos, day in dates_meant(low, m.today) if not low.startswith("for ", pos)
    ]
    if dates and (run := _RACE_RUN_RE.search(low)) is not None:  # "raced a half on sunday,
        # signed up for a marathon next spring": the race run has a day, not the next one
        gone = [(pos, d) for pos, d in dates if run.start() <= pos <= run.end() + _RUN_DAY_AFTER]
        dates = [(pos, d) for pos, d in dates if (pos, d) not in gone] if gone else dates
    if len(dates) > 1 and "long" in low:  # "london marathon april 26, long runs on sunday"
        runs = long_run_days(low)
        dates = [(pos, d) for pos, d in dates if not any(a <= pos < b for a, b in runs)] or dates
    if len(dates) > 1 and (fixed := _same_month_fix(low, dates)) is not None:
        return fixed  # "i think i set 20 march, change it to the 27th": 27 march
    if len(dates) < 2 or not races:
        return dates[-1][1] if dates else None
    if (
        race_date_moved(low)
        and (turn := _WAS_THEN_NOW_RE.search(low)) is not None
        and (after := [day for pos, day in dates if pos >= turn.start(1)])
    ):
        return after[-1]  # "it was meant to be the 22nd of may but it's now on the 19th of june"
    if "from" in low and (move := _MOVED_RANGE_RE.search(low)) is not None:
        moved = [day for pos, day in dates if move.start() <= pos < move.end()]
        if len(moved) > 1:
            return moved[-1]  # "my half got moved from the 16th of April to the 30th": 30th
    shift = len(low) - len(m.low)  # a named day said as a date moves what follows it
    ats = [m.char(h.start) for h in races]
    near = [
        day
        for pos, day in dates
        if any(
            -_RACE_DATE_BEFORE <= pos - at <= _RACE_DATE_AFTER + max(shift, 0)
            or -_RACE_DATE_BEFORE <= pos - at - shift <= _RACE_DATE_AFTER
            for at in ats
        )
    ]
    return near[-1] if near else dates[-1][1]


def _race(m: Message) -> Intent | None:
    f = m.f
    races = [h for h in f.cues.get(Cue.RACE, []) if f.words[h.end : h.end + 1] not in _NO_RACE_NEXT]
    asked = Cue.RACE_DATE in f.cues
    if not (races or asked):
        return None  # "a race-pace session that day": a kind of run, not a race
    if someone_elses_race(m.low):
        return None  # "my mate's race is on the 20th, going to cheer him on": a story
    if (
        not asked
        and races
        and all(h.start in f.foreign for h in races)
        and not _MY_RACE_RE.search(m.low)
        and "mine" not in f.words
    ):
        return None  # "skipping friday, my partner's racing": theirs (not "...mine's the 19th")
    if _CLEAR_RACE_RE.search(m.low) and "?" not in m.low:
        return Intent(IntentKind.RACE_DATE, race_off=True)  # "clear my race date"
    if (
        f.opinion
        and not asked
        and any(h.start in f.opinion for h in races)
        and all(h.start in f.opinion or f.clauses[h.start] in f.asking for h in races)
    ):
        return None  # "my coach reckons two weeks off after the half in march": their view
    if (
        not asked
        and _SAME_AS_RE.search(m.low)
        and not _MY_RACE_RE.search(m.low)
        and not any(c.isdigit() for c in m.low)
    ):
        return None  # "vienna marathon is the same weekend as my cousin's wedding": chat
    if not asked and (m.report() is not None or feeling_hits(m.f)):
        if _RACE_OFF_RE.search(m.low) and not _LONG_PAST_RE.search(m.low):
            # "no race anymore, injured calf pulled me out": the race is off, and the calf
            return Intent(IntentKind.RACE_DATE, race_off=True, report=m.report())
        return None  # "calves tight after my race on Sunday", "still sore from saturday's race"
    personal = (
        asked
        or _personal_race(f, races)
        or _PUT_IN_RE.search(m.low) is not None
        or _MOVE_THE_RACE_RE.search(m.low) is not None
        or ("from" in m.low and _MOVED_RANGE_RE.search(m.low) is not None)  # "the Lisbon half
        # got moved from 5 October to 19 October": told because it is theirs
    )
    if not personal:
        return None  # "who won the race on Sunday?"
    if not asked and weekly_run(m.low):
        return None  # "I do parkrun every saturday": a weekly run, no race date
    if _RACE_RUN_RE.search(m.low) and not _RACE_SET_RE.search(m.low):
        return None  # "ran valencia on sunday!! when can I get back to it?": the race is run
    if not asked and _ADVICE_ASKED_RE.match(m.low) and not names_a_date(m.low):
        return None  # "do I keep the sessions in race week or stop them?": advice, no setting
    moved = Cue.MOVED in f.cues or race_date_moved(m.low)  # "...but it's now on the 19th"
    if (
        not (asked or moved)
        and _COUNTED_WHEN_RE.search(m.low)
        and _ADVICE_LATER_RE.search(m.low)
        and not _PUT_IN_RE.search(m.low)
    ):  # "race is in 10 days, should I still do the sessions?": the advice's context; a
        return None  # date said ("half is on 19.12! do I keep going?") is stored beside
    if (both := _EITHER_WAY_RE.search(m.low)) is not None and both[1] != both[2]:
        return _race_unclear(both[0])  # "12/06": June or December?
    if m.today is not None and (clash := weekday_date_clash(m.low, m.today)) is not None:
        return _race_unclear(clash)  # "sunday the 23rd", no Sunday the 23rd soon: which?
    when = _race_day(m, races)
    if (
        when is not None
        and Cue.PAST_EVENT in f.cues
        and not (moved or asked)
        and f.has(Cue.FIRST_PERSON)
        and _PAST_RACE_RE.search(m.low)
    ):  # "my race was on 2 jan, put it in": that race has been; which is the next?
        return _race_unclear(_said_date(m.low) or when.isoformat())
    work_stopped = _WORK_STOPPED_RE.search(m.low) and not _RACE_OFF_RE.search(m.low)
    if _called_off(f, Cue.OFF, _the_races(f, races)) and not moved and not work_stopped:
        return Intent(IntentKind.RACE_DATE, race_off=True)  # even "race on Sunday cancelled"
    if when is None and not work_stopped and _RACE_CALLED_OFF_RE.search(m.low):
        # "the half marathon I was training for has been cancelled": off
        return Intent(IntentKind.RACE_DATE, race_off=True)
    if no_race_had(m.low):  # "oops i dont have a race sunday, thats my long run"
        return Intent(IntentKind.RACE_DATE, race_off=True)
    if when is not None and m.today is not None and _just_passed(when, m.today, m.low):
        return _race_unclear(_said_date(m.low) or when.isoformat())
    if when is not None and _A_WEEK_OR_MONTH_RE.search(m.low) and not _said_date(m.low):
        return Intent(IntentKind.RACE_DATE)  # "my race is next week": which day? asked
    if when is not None and (moved or Cue.PAST_EVENT not in f.cues):
        if m.today is not None and when < m.today:  # "race date 2026-12-01" said after it
            return _race_unclear(_said_date(m.low) or when.isoformat())
        return Intent(IntentKind.RACE_DATE, race_date=when)
    if when is None and _called_off(f, Cue.NEG, races):
        return Intent(IntentKind.RACE_DATE, race_off=True)  # "no race anymore"
    if when is None and m.today is not None and (said := _said_date(m.low)) is not None:
        return _race_unclear(said)  # "31st June": no such day
    if asked or names_a_date(m.low) or moved or _VAGUE_WHEN_RE.search(m.low):
        return Intent(IntentKind.RACE_DATE)  # entered, moved, "in about 6 weeks": the bot asks
    if _PUT_IN_RE.search(m.low) or f.words[0] in _ENTERED:
        return Intent(IntentKind.RACE_DATE)  # "signed up for a half, put it in": which day?
    if when is None and _MONTH_ONLY_RE.search(m.low):
        return Intent(IntentKind.RACE_DATE)  # "half marathon in march": which day? asked
    return None


#: A day told only by another event's ("the same weekend as the wedding"): no date said.
_SAME_AS_RE: Final = re.compile(r"\bsame\s+(?:\w+\s+){0,2}?as\b|\bclash(?:es|ing)?\s+with\b")
#: The race date asked to go ("clear my race date", "remove the race, I'm not doing it").
_CLEAR_RACE_RE: Final = re.compile(
    r"\b(?:clear|remove|delete|scrap|drop|wipe|erase|cancel|get\s+rid\s+of|take\s+off|take\s+out)"
    r"\s+(?:my\s+|the\s+|that\s+)?(?:race(?:\s+date|\s+day)?|race-date)\b"
)
#: The runner's own race: "my race", "our marathon", "I'm running it".
_MY_RACE_RE: Final = re.compile(
    r"\b(?:my|our|mine)\s+(?:\w+\s+){0,2}?(?:race|marathon|half|10k|5k|ultra|parkrun)\b"
    r"|\b(?:i'?m|im|i\s+am|we'?re)\s+(?:running|racing|doing|entered|signed)\b"
)
#: A race later than now, not off: "my race isn't till the autumn".
_NOT_TILL: Final = frozenset({("till",), ("until",), ("til",), ("before",)})


#: A month said without its day ("in march", "end of april", "next may").
_MONTH_ONLY_RE: Final = re.compile(
    r"\b(?:in|this|next|early|late|mid|end\s+of|start\s+of|beginning\s+of|middle\s+of)"
    rf"\s+(?:-\s*)?(?:{MONTH_PATTERN})\b(?!\s*[0-9])"
)


#: Words that may stand between a race and the word calling it off ("race on sunday is
#: cancelled", "not doing the marathon"); any other ("stop the jumps for race week",
#: "parkrun told me never jump") makes the off word about something else.
_OFF_BETWEEN: Final = frozenset(
    {"the", "my", "a", "an", "this", "that", "next", "upcoming", "of", "out", "from", "is",
     "was", "has", "been", "got", "it", "its", "s", "on", "in", "now", "officially", "just",
     "sadly", "unfortunately", "i", "im", "am", "have", "ive", "any", "more", "longer",
     "doing", "running", "racing", "entered", "into", "for", "me", "so", "all", "whole",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
     "week", "month", "year", "gonna", "going", "to", "be", "will", "wont", "cant", "can"}
)  # fmt: skip


def _called_off(f: Features, cue: Cue, races: list[Hit]) -> bool:
    """Whether a ``cue`` word (off, cancelled; a negation) near a race word is said of it:
    only small words, days or numbers stand between them."""
    for hit in f.cues.get(cue, ()):
        for race in races:
            if f.clauses[hit.start] != f.clauses[race.start]:
                continue
            if cue is Cue.NEG and f.words[hit.end : hit.end + 1] in _NOT_TILL:
                continue  # "my race isn't till the autumn": later, not off
            if not race.start - _NEAR_RACE <= hit.start < race.end + _NEAR_RACE:
                continue
            low, high = (hit.end, race.start) if hit.start < race.start else (race.end, hit.start)
            between = f.words[low:high]
            if all(w in _OFF_BETWEEN or w[0].isdigit() for w in between):
                return True
    return False


#: A day and month that read both ways ("12/06", "3/4/2028"): asked, never guessed.
_EITHER_WAY_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9/.:-])(0?[1-9]|1[0-2])/(0?[1-9]|1[0-2])(?:/[0-9]{2,4})?(?![0-9/.:-])"
)
#: Words after "race" that make it a kind of training, not a race ("race pace", "race-pace
#: intervals", "race sim").
_NO_RACE_NEXT: Final = frozenset(
    {("pace",), ("paced",), ("sim",), ("simulation",), ("effort",), ("efforts",), ("specific",)}
)
_ENTERED: Final = frozenset({"signed", "entered", "booked", "registered"})
#: A race said to be off: "no race anymore", "marathon's cancelled", "pulled me out".
_RACE_OFF_RE: Final = re.compile(
    r"\bno\s+(?:more\s+)?(?:race|races|marathon|half|10k|5k)\b(?!\s+(?:pace|day|week))"
    r"|\b(?:race|marathon|half|10k|5k)(?:'s|’s|s)?\s+(?:is\s+|has\s+been\s+)?(?:off|cancell?ed"
    r"|canceled|scrapped|called\s+off)\b"
    r"|\b(?:pulled|pulling|dropped|dropping)\s+(?:me\s+)?out\b|\bwithdr[ae]wn?\b"
)
#: A race asked to be stored: "can you put it in?", "add it", "pop it in the diary".
_PUT_IN_RE: Final = re.compile(
    r"\b(?:put|pop|stick|add|enter|save|note|log|pencil)\s+(?:it|that|this|them)\s+"
    r"(?:in|down|on)\b|\badd\s+(?:it|that|this)\b"
)
#: How far after a race run its day may be said ("raced a half on sunday").
_RUN_DAY_AFTER: Final = 16
#: The runner's paused state told ("i'm still paused", "am paused at the moment").
_PAUSED_STATE_RE: Final = re.compile(r"\b(?:i'?m|im|i\s+am|am|was|been)\s+(?:still\s+)?paused\b")
#: A break asked for all the same ("pause me", "can you pause again from the 20th").
_PAUSE_ASKED_RE: Final = re.compile(r"\bpause\b")
#: The race asked to move: "move the race to the 25th", "can you shift the race to...".
_MOVE_THE_RACE_RE: Final = re.compile(
    r"\b(?:move|change|shift|push|switch|update|set|put)\s+(?:the\s+)?race\s+(?:date\s+)?"
    r"(?:to|back|forward|on)\b"
)
#: A race the runner has run ("ran valencia marathon on sunday", "did my first 10k"), and
#: what would make it a race to store all the same ("put it in", "my next race").
_RACE_RUN_RE: Final = re.compile(
    r"\b(?:(?:ran|raced|did|finished|completed|smashed|nailed|survived|done|pb'?d|pbd|pr'?d)\s+"
    r"|(?:pb'?d|pbd|pr'?d)\s+(?:at|in)\s+|(?:got|had|ran|set)\s+(?:a\s+)?(?:pb|pr)\s+at\s+)"
    r"(?:the\s+|my\s+|a\s+|our\s+)?(?:[\w'-]+\s+){0,2}(?:race|marathon|half|10k|5k|ultra"
    r"|parkrun|triathlon|10km|5km)\b"
    r"|\b(?:race|parkrun|5k|10k|half|marathon)\b[^.!?]{0,30}?\bin\s+(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2}\b"
)  # "5k race saturday in 19:58!!": run, a finishing time said
#: The race said to be off a few words after it ("the half marathon I was training for has
#: been cancelled").
_RACE_CALLED_OFF_RE: Final = re.compile(
    r"\b(?:race|marathon|half|10k|5k|ultra|triathlon)\b[^.!?,;]{0,40}?\b(?:has|have|had|got|was"
    r"|is|been)\s+(?:been\s+)?(?:cancelled|canceled|called\s+off|scrapped|axed)\b"
)
_RACE_SET_RE: Final = re.compile(
    r"\b(?:put|set|add|enter|save|update|change|moved|move|next\s+(?:race|one)|upcoming"
    r"|coming\s+up|signed|entered|booked|racing\s+again|another)\b"
)
#: A question asking for advice, not a setting ("should I ... in race week or stop?").
_ADVICE_ASKED_RE: Final = re.compile(
    r"\s*(?:should|shall|do|must|can|could)\s+i\b|\s*is\s+it\s+(?:ok|okay|fine|wise|safe|better)\b"
)
#: Advice asked after the race is said ("race is in 10 days, should I still do them?"):
#: the race is the question's context, no date to store.
_ADVICE_LATER_RE: Final = re.compile(
    r"[,.;!:\-]\s*(?:and\s+|but\s+|so\s+)?(?:should|shall|must|can|could|do)\s+i\b[^?]*\??"
    r"|[,.;!:\-]\s*(?:and\s+|but\s+|so\s+)?is\s+it\s+(?:ok|okay|fine|wise|safe|better)\b"
)
#: A race's day counted from today ("in 10 days", "in a fortnight", "next week").
_COUNTED_WHEN_RE: Final = re.compile(
    r"\bin\s+(?:about\s+|around\s+|like\s+|just\s+|only\s+)?(?:[0-9]{1,3}|a|an|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few)\s+(?:days?|weeks?|fortnight)\b"
    r"|\b(?:next|this)\s+(?:week|weekend)\b|\b(?:tomorrow|tmrw)\b"
)
#: The race said to have been on a day ("race was on 2 jan", "raced on the 3rd").
_PAST_RACE_RE: Final = re.compile(r"\b(?:was|were|raced|ran\s+it)\s+(?:on|last)\b")


#: A week or a month, not a day ("my race is next week"): the coach asks which day.
_A_WEEK_OR_MONTH_RE: Final = re.compile(r"\b(?:next|this|the\s+following)\s+(?:week|month)\b")
_VAGUE_WHEN_RE: Final = re.compile(
    r"\b(?:in\s+)?(?:about|around|roughly|approx(?:imately)?|~)\s*(?:[0-9]{1,2}|a\s+few|a\s+couple"
    r"\s+of)\s+(?:days?|weeks?|months?)\b"
)
_SAID_DATE_RE: Final = re.compile(
    r"\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b|\b[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+[0-9]{1,2}(?:st|nd|rd|th)?\b"
    r"|(?<![0-9/.:-])[0-9]{1,2}/[0-9]{1,2}(?![0-9/.:-])"  # "30/02": no such day, asked
)


_YEAR_RE: Final = re.compile(r"\b(?:19|20)[0-9]{2}\b")
#: A day and month said without a year that passed this many days ago or fewer is asked
#: about, not taken for next year's ("set my race for the 3rd of july" on 14 July).
JUST_PASSED_DAYS: Final = 60


def _just_passed(when: date, today: date, low: str) -> bool:
    """Whether ``when`` is next year's date of a day that has just passed this year, said
    without a year: a slip (or last race) more likely than a race a year away."""
    if when.year == today.year or _YEAR_RE.search(low):
        return False
    try:
        this_year = when.replace(year=when.year - 1)
    except ValueError:  # 29 February
        return False
    return 0 < (today - this_year).days <= JUST_PASSED_DAYS


def _said_date(low: str) -> str | None:
    """The date as written ("31st june"), for asking about it."""
    match = _SAID_DATE_RE.search(low)
    return None if match is None else match.group(0)


def _personal_race(f: Features, races: list[Hit]) -> bool:
    """Whether the race is the runner's own: "my race", "race on May 3", "signed up",
    "training for a marathon, race is 26 sept" (a race opening a clause)."""
    return (
        f.has(Cue.FIRST_PERSON, Cue.MOVED)
        or races[0].start <= 1
        or f.words[0] in _STATEMENT_STARTS
        or any(f.clauses[h.start - 1] != f.clauses[h.start] for h in races if h.start > 0)
    )


#: Running taken up again, told ("I'm back running", "been back training a month").
_BACK_AT_IT_RE: Final = re.compile(
    r"\b(?:i'?m|i\s+am|been|got|getting)\s+back\s+(?:to\s+)?(?:running|jogging|training|racing"
    r"|parkrun)\b"
)
#: The sessions asked back beside it ("back running, turn the sessions back on").
_SESSIONS_ASKED_BACK_RE: Final = re.compile(
    r"\b(?:sessions?|plan|programme|program|reminders?|messages?|pause|paused|unpause|resume"
    r"|turn|switch|restart|hips?\s+stuff|hip\s+work)\b"
)


def _running_again_told(low: str) -> bool:
    """Whether a sentence tells of running taken up again with no sessions asked back in
    it ("I'm back running"; not "back running, turn the sessions back on")."""
    sentences = SENTENCE_GAP_RE.split(low)
    told = [s for s in sentences if _BACK_AT_IT_RE.search(s)]
    return bool(told) and not any(
        _SESSIONS_ASKED_BACK_RE.search(s) if s in told else _RESTART_ASKED_RE.search(s)
        for s in sentences
    )


#: A restart asked for in a sentence of its own ("I'm back running. Resume please").
_RESTART_ASKED_RE: Final = re.compile(
    r"\b(?:resume|unpause|restart|start\s+(?:again|back)|(?:turn|switch)\s+(?:\w+\s+){0,2}on"
    r"|carry\s+on|continue|pick\s+(?:it\s+)?up)\b"
)


#: "back now", "I'm back today": said first, a return (not "my back now hurts").
_BACK_FIRST_RE: Final = re.compile(
    r"^\W*(?:i'?m\s+|i\s+am\s+|we'?re\s+)?back\s+(?:now|again|today)\b"
    r"|^\W*(?:i'?m\s+)?back\s+on\s*(?:[^\w\s]+\s*)*(?:$|[.!,]\s*(?:what|whats|what's)\b"
    r"|[^\w\s]+\s*(?:what|whats|what's)\b)"
)

#: A restart asked about, not asked for: "is it safe to continue?", "when do I restart the
#: jumps?".
_RESUME_ASKED_RE: Final = re.compile(
    r"\bis\s+it\s+(?:safe|ok|okay|fine|alright|wise|sensible)\s+to\b"
    r"|\b(?:do|should|shall)\s+(?:i|we)\s+(?:(?:just|still|then)\s+)?(?:restart|start\s+again"
    r"|start\s+over|continue|carry\s+on|pick\s+up)\b|\bshould\s+i\b[^.?!]*\bcarry\s+on\b"
    r"|\b(?:carry\s+on|continue)\s+as\s+(?:normal|usual|planned|before)\s*\?"  # "or just ...?"
    r"|\bcan\s+i\s+(?:start|do|try|begin)\s+(?:the\s+)?(?:jumps?|hops?|hopping|jumping|plyos?"
    r"|plyometrics|bounds?|bounding)\b"
    r"|\bwhen\s+(?:do|can|should|will|could)\s+(?:i|we)\s+(?:restart|start\s+again|continue)\b"
    r"|\bi\s+(?:can|could|should|must)\s+(?:still\s+)?(?:continue|carry\s+on)\b"  # asked
    r"|\b(?:continue[sd]?|continuing|carr(?:y|ied|ying)\s+on)\s+(?:to\s+(?!the\b|my\b|it\b)\w+"
    r"|(?!training\b|sending\b)\w+ing\b)"  # "I continue to stretch it": a habit told
    r"|\bhow\s+(?:do|should|can|would)\s+(?:i|we)\s+(?:best\s+)?(?:get\s+back|ease\s+back|come\s+back"
    r"|start\s+again|restart|return|pick\s+(?:it\s+)?(?:back\s+)?up)\b"
)
#: A break asked about as advice, not asked for: "do I need days off?", "should I just stop
#: the plan?", "do I have to pause over christmas?" ("can you pause me?" asks for one).
_PAUSE_ADVICE_RE: Final = re.compile(
    r"\b(?:do|should|must|shall)\s+(?:i|we)\s+(?:really\s+|just\s+|still\s+)?(?:need|have|stop|take"
    r"|pause|quit|give|drop)\b|\bis\s+it\s+(?:bad|ok|okay|wise|better)\s+to\b"
)
#: A break turned down: "nah", "no chance", "keeping going", "not pausing".
_NO_BREAK_RE: Final = re.compile(
    r"\b(?:pause|pausing|break|stop)\w*\W+(?:\w+\W+)?(?:nah|nope|no\s+chance|not\s+a\s+chance"
    r"|no\s+thanks)\b"
    r"|(?<!cant\s)(?<!can't\s)(?<!couldnt\s)\b(?:keep|keeping|kept)\s+going\b"
    r"|\bnot\s+(?:pausing|stopping|taking\s+a\s+break)\b"
)
#: Holidays wished, not taken: "happy holidays!", "enjoy the hols".
_HOLIDAYS_WISHED_RE: Final = re.compile(
    r"\b(?:happy|enjoy\s+(?:the|your)|have\s+(?:a\s+)?(?:good|great|lovely|nice)|merry)\s+"
    r"(?:holiday|holidays|hols|vacation)\b"
)


def back_later(low: str) -> bool:
    """Whether ``low`` promises a return on a later day ("back on it tmrw"): the one
    ``_BACK_LATER_RE`` below (a second, shadowed spelling of it here was never read)."""
    return _BACK_LATER_RE.search(low) is not None


_OPENING_MOST: Final = 10
_OPENING_LEAST: Final = 4


def _opening_question(m: Message) -> Intent | None:
    """The plan question a long unpunctuated message opens with ("when do the jumps start
    again my old physio said..."): its first few words read alone."""
    if 0 not in m.f.asking:
        return None
    words = m.low.split()
    for n in range(min(len(words) - 1, _OPENING_MOST), _OPENING_LEAST - 1, -1):
        asked = plan_question(" ".join(words[:n]), m.today)
        if asked is not None:
            return asked
    return None


#: Said in the words as typed: the spelling pass reads "says" and "wants" as "say" and
#: "want", and "I want to carry on" is the runner's own request.
_SAID_TO: Final = word_set("said says told tells wants advised reckons")


def _their_advice(m: Message, at: int) -> bool:
    """Whether the resume words at ``at`` are what someone said to do ("the physio said my
    IT band is just tight and to carry on with the plan"): a clinician's or another's
    advice in the same sentence, no return asked."""
    start = max(at - 12, 0)
    said = zip(m.tokens.words[start:at], m.f.clauses[start:at], strict=True)
    return any(w in _SAID_TO and c == m.f.clauses[at] for w, c in said)


def resume_advised(m: Message) -> bool:
    """Whether every resume word in the message is someone's advice ("the physio says ...
    to carry on with the plan"), none the runner's own request."""
    resumes = m.f.cues.get(Cue.RESUME, ())
    return bool(resumes) and all(_their_advice(m, h.start) for h in resumes)


def _resume(m: Message) -> Intent | None:
    if "back" in m.low and (home := _back_in_city(m)) is not None:
        return Intent(IntentKind.SET_TIMEZONE, timezone_text=home)  # "im back in london"
    said = Cue.RESUME in m.f.cues or _BACK_FIRST_RE.match(m.low) or back_from_trip(m.low)
    if not said or _RESUME_ASKED_RE.search(m.low):
        return None
    if _running_again_told(m.low):
        return None  # "had my second baby 5 months ago and I'm back running": news
    if m.f.has(Cue.SKIP, Cue.SKIP_WHY, Cue.SKIP_WEAK) and back_later(m.low):
        return None  # "missed today ugh, back on it tmrw": the skip, not a resume
    resumes = m.f.cues.get(Cue.RESUME, ())
    if resumes and _STAYING_HOME_RE.search(m.low) and not _BACK_FIRST_RE.match(m.low):
        return None  # "I'm home all half term": staying in, not back from a break
    if resumes and all(_told_how_hard(m.f, h.start) for h in resumes):
        return None  # "last time it took ages to get going again": a story, no return
    if resume_advised(m):
        return None  # "the physio said ... to carry on with the plan": their word, no return
    if resumes and all(_advice_asked(m.f, h.start) for h in resumes):
        return None  # "been off a week, how do I get back into it?": the FAQ's
    if resumes and ("?" in m.low or m.f.asking) and all(_topic_of(m.f, h.start) for h in resumes):
        return None  # "what's the usual rule for starting again after a race?": a topic
    if "?" in m.low or "when" in m.low:  # "when do the jumps start again?": the plan's answer
        asked = plan_question(m.low, m.today) or _opening_question(m)
        if asked is not None and asked.topic is PlanTopic.JUMPS:
            return asked
    if resumes and all(_restart_later(m.f, h.start) for h in resumes):
        return None  # "I'll pick it up again after", "I'll message when I'm back": later
    if (
        resumes
        and all(_sends_anew(m, h) for h in resumes)
        and (said_at := parse_time(m.low)) is not None
    ):  # "start sending it at 6:30": the reminder's time
        at = parse_time(_asked_clause(m.low) or _asked_part(m.low)) or said_at
        return Intent(IntentKind.SET_REMINDER, reminder_time=at)
    if _BACK_LATER_RE.search(m.low):  # "missed today, back on it tmrw": today's skip
        logged = outcome(m)
        if logged is not None and logged.kind is IntentKind.SKIPPED:
            return logged
    return Intent(IntentKind.RESUME, report=m.report())


#: Words that make "start sending" a return, whatever time is said with it.
_RETURN_WORDS: Final = frozenset({"again", "back", "resume", "holiday", "break", "pause", "trip"})


def _sends_anew(m: Message, resume: Hit) -> bool:
    """Whether "start sending" is said with no word of a return ("start sending it at half
    six instead of seven"): with a time, the messages' time, not a return after a break."""
    said = m.f.words[resume.start : resume.start + 2]
    return said == _START_SENDING and _RETURN_WORDS.isdisjoint(m.f.words)


_START_SENDING: Final = ("start", "sending")


#: "back in london", "back home in leeds": the city the runner is back in.
_BACK_IN_RE: Final = re.compile(
    r"\bback\s+(?:home\s+)?in\s+([^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*)??)"
    r"(?:\s+(?:now|again|at\s+last|finally|today))?\s*[.!,]*\s*$"
)


def _back_in_city(m: Message) -> str | None:
    """The city a message ends on after "back in" ("im back in london"), when one big
    place bears its name; else None."""
    found = _BACK_IN_RE.search(m.low)
    if found is None:
        return None
    said = found.group(1)
    places = places_named(said)
    if len(places) != 1 or places[0].population < BARE_CITY_POPULATION:
        return None
    return city_text(m.clean[found.start(1) : found.end(1)])


#: What makes "to start again" wanted ("want to start again", "ready to get going again").
_WANTED_TO: Final = word_set(
    "want wanna like love ready time need needs able keen going gonna happy"
)
_TOLD_BACK: Final = 3


def _told_how_hard(f: Features, pos: int) -> bool:
    """A return said as what a thing took or was like ("it took ages to get going again",
    "it was nice to come back to"), not wanted now ("ready to start again")."""
    for j in range(pos - 1, max(pos - _TOLD_BACK, -1), -1):
        if f.words[j] == "to":
            return j > 0 and f.words[j - 1] not in _WANTED_TO and Cue.PAST in f.cues
    return False


#: Words before a return in its clause that put it later, not now: "I'll start again
#: next monday", "I'll message when I'm back", "how long til I can start back".
_LATER_MARKS: Final = frozenset(
    {"ill", "will", "gonna", "shall", "planning", "hoping", "hope", "intend", "when", "once",
     "til", "till", "until", "untill", "before", "whenever"}
)  # fmt: skip
_LATER_BACK: Final = 5
#: After a return in its clause, tomorrow: "back on it tomorrow" (a return on a named day,
#: "ready to start again on monday", is the runner's restart: the plan resumes now).
_LATER_DAYS: Final = frozenset(
    {"tomorrow", "tmrw", "tmr", "tomoz", "2moro", "2morrow", "tomorow"}
)  # fmt: skip
_LATER_AHEAD: Final = 6
#: "will you restart me?", "when you can, resume me": asked of the coach, now.
_ASKED_OF_COACH: Final = frozenset({"you", "u"})


def _restart_later(f: Features, pos: int) -> bool:
    """Whether the return at ``pos`` is put off to a later time in its own clause ("I'll pick
    it up again after", "realistically I'll start again next monday", "I'll message when I'm
    back", "how long after a marathon til I can start back"): no resume now."""
    clause = f.clauses[pos]
    for j in range(pos - 1, max(pos - _LATER_BACK, -1), -1):
        if f.clauses[j] != clause:
            break
        word = f.words[j]
        if word in _LATER_MARKS:
            following = f.words[j + 1 : j + 2]
            return not (following and following[0] in _ASKED_OF_COACH)
    ahead = range(pos + 1, min(pos + 1 + _LATER_AHEAD, len(f.words)))
    return any(f.clauses[j] == clause and f.words[j] in _LATER_DAYS for j in ahead)


#: At home for a time, not home from a break: "I'm home all half term".
_STAYING_HOME_RE: Final = re.compile(
    r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+(?:at\s+)?home\s+(?:all|for|during|over|the\s+whole"
    r"|this|these|every|most)\b"
)


#: Back at it on a day to come: said beside a skip, the skip is the news, not a return.
_BACK_LATER_RE = re.compile(
    r"\bback\s+(?:on\s+(?:it|track|the\s+wagon)\s+|at\s+it\s+|into\s+it\s+|to\s+it\s+)?"
    r"(?:(?:on\s+)?(?:tomorrow|tomorow|tommorow|tmrw|tmr|tmrow|2moro|2morrow|tomoz|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs|fri|sat|sun)"
    r"|next\s+week|after\s+the\s+weekend|on\s+the\s+weekend)\b"
)


#: A protest about what was logged ("I did do it, I said done earlier!", "I already told
#: you"): no new log; today's session is shown with how it stands.
_PROTEST_RE: Final = re.compile(
    r"\bi\s+(?:already\s+|just\s+)?(?:said|told\s+(?:you|u|ya)|logged|marked|sent|typed|wrote)\b"
    r"[^.!?]*\b(?:earlier|already|before|this\s+morning|twice|again)\b"
    r"|\balready\s+(?:said|told\s+(?:you|u|ya)|logged\s+it)\b|\bi\s+told\s+(?:you|u|ya)\b"
)
#: A setting of the running week said as a fact ("friday is a rest day", "I never run on
#: fridays", "long run is sunday"): the week, not a log of today.
_WEEK_FACT_RE: Final = re.compile(
    r"(?<!did\sa\s)(?<!did\smy\s)(?<!did\sthe\s)(?<!had\sa\s)\blong\s*run\s+(?:is|=|on|day\s+is)\b|\b(?:is|are)\s+(?:a\s+|my\s+)?rest\s+days?\b"
    r"|\brest\s+days?\s+(?:is|are)\b|\b(?:never|don'?t|do\s+not|dont)\s+run\s+on\b"
    r"|\b(?:is|are)\s+(?:my\s+)?(?:long\s*run|interval|tempo|hill|speed)s?\b"
)


def setting_said(m: Message) -> Intent | None:
    """A correction of a setting or a protest is no log of today's session, unless it
    clearly says today's was skipped or done ("skipped today, friday is a rest day")."""
    if not m.f.has(Cue.DONE, Cue.DID, Cue.SKIP, Cue.SKIP_WHY, Cue.SKIP_WEAK):
        return None  # nothing would log it
    low = m.low
    if (
        ("rest" in low or "long" in low or "run on" in low or "interval" in low or "tempo" in low)
        and _WEEK_FACT_RE.search(low)
        and Cue.TODAY not in m.f.cues
    ):
        return Intent(IntentKind.UNKNOWN)  # the coach reads the week (``week.running_week``)
    if (
        ("said" in low or "told" in low or "already" in low)
        and not m.areas
        and _PROTEST_RE.search(low)
    ):
        return Intent(IntentKind.TODAY)  # about a log, not "the calf I told you about"
    return None


#: History words that ask for no records: a medical past ("is the plan ok with that
#: history?"), or what was done said as the effort's measure ("effort 5 for what I did").
_NO_HISTORY_ASKED_RE: Final = re.compile(
    r"\b(?:that|this|my\s+(?:injury|medical)|injury|medical|family)\s+history\b"
    r"|\bfor\s+what\s+i\s+did\b"
)
_AHEAD_RE: Final = re.compile(
    r"\b(?:tomorrow|tmrw|day\s+after|coming\s+up|next\s+(?:week|few|couple)"
    r"|got\s+(?:on\s+|for\s+)?(?:this|next|mon|tue|wed|thu|fri|sat|sun))"
)
_MEANT_TO_LOG_RE: Final = re.compile(r"\b(?:forgot|forget|forgotten|meant|remembered)\s+to\s+log\b")


_SEE_RE: Final = re.compile(
    r"\b(?:show|see|check|send|give|view|get|pull\s+up|look\s+at|what'?s|whats|how|where)\b"
)
_SHORT_ASK: Final = 4


def _asks_progress(m: Message) -> bool:
    """A progress word asked about ("stats?", "show my streak", "my progress"), not only
    said ("he's jealous of my streak haha")."""
    return (
        "?" in m.low
        or bool(m.f.asking)
        or len(m.tokens.words) <= _SHORT_ASK
        or _SEE_RE.search(m.low) is not None
    )


def _logged_first(m: Message) -> Intent | None:
    """Today's done said in a clause of its own beside a question ("done. how am I doing?"),
    which ``parts`` then reads clause by clause; None when there is none."""
    if not (m.f.asking and m.f.has(Cue.DONE)):
        return None
    logged = outcome(m)
    if logged is not None and logged.kind is IntentKind.DONE and logged.log_day is None:
        return logged
    return None


#: Whether a log went in, asked: "did i log yesterday?", "have I logged friday's?".
_ASKED_LOGGED_RE: Final = re.compile(
    r"^\W*(?:(?:hey|hi|coach|quick\s+q|so|and)\W+)*(?:did|have|has)\s+(?:i|it|you|u)\s+"
    r"(?:already\s+)?(?:log|logged|record|recorded|mark|marked|save|saved|tick|ticked)\b"
    r"(?!.*\b(?:done|did\s+it|finished|skipped|missed)\b)[^.!]*\?"
)


def _progress_history(m: Message) -> Intent | None:
    f = m.f
    if Cue.PROGRESS in f.cues and not names_the_block(m.low) and _asks_progress(m):
        # "done, hard. how long until I see results?": today's log, then the question
        return _logged_first(m) or Intent(IntentKind.PROGRESS)  # not "overview of the plan"
    if (
        Cue.HISTORY in f.cues
        and not _AHEAD_RE.search(m.low)  # not "what have i got tomorrow"
        and not _NO_HISTORY_ASKED_RE.search(m.low)  # not "ok with that history?"
    ):
        # "done ✅ what did i do last week?": today's log, then the history
        return _logged_first(m) or Intent(IntentKind.HISTORY)
    if "?" in m.low and _ASKED_LOGGED_RE.search(m.low):
        return Intent(IntentKind.HISTORY)  # "did i log yesterday?": what the log holds
    if Cue.LOG in f.cues and not m.areas:
        chatter = f.has(Cue.DONE, Cue.DID, Cue.SKIP, Cue.SKIP_WHY) or _MEANT_TO_LOG_RE.search(m.low)
        if not chatter:
            return Intent(IntentKind.HISTORY)
    return None


def _question(m: Message) -> Intent | None:
    """A question about the plan ("what's on tomorrow?"); never one with a body report or
    a recovery said ("calves are ready, when do the jumps start?" asks still)."""
    if feeling_hits(m.f):
        return None  # "calves sore, what's today?": the report, then the question (parts)
    asked = plan_question(m.low, m.today)
    if asked is None or (m.areas and (m.report() is not None or _recovery_said(m))):
        return None  # "calf fine now, when can we do the hops?": both, read in parts
    if asked.ask_day is None:
        return asked
    # "ran valencia on sunday!! when can I get back to it?": the day is the story's
    sentences = SENTENCE_GAP_RE.split(m.low)
    kept = " ".join(s for s in sentences if "?" in s or not (said_in_past(s) or _RAN_RE.search(s)))
    return asked if kept == " ".join(sentences) else plan_question(kept, m.today)


def _recovery_said(m: Message) -> bool:
    """Whether an area is said to be fine again ("calf feels fine now")."""
    if RECOVERY_WORDS.isdisjoint(m.f.words):
        return False
    return fine_reading(m.f, [(hit.end - 1, area) for hit, area in m.areas]) is not None


_RAN_RE: Final = re.compile(r"\b(?:ran|raced|went|pb'?d)\b")


#: Tightness wondered about as the cause ("is it just tight hammies?", "could it be my IT
#: band being tight?", "is it the hip flexor too tight?"): a question, not a report.
_TIGHT_CAUSE_RE: Final = re.compile(
    r"\b(?:is|could|might|would|can)\s+(?:it|that|this|the\s+pain)\s+(?:just\s+)?(?:be\s+)?"
    r"(?:just\s+)?(?:from\s+|because\s+of\s+|due\s+to\s+)?(?:my\s+|the\s+|a\s+)?"
    r"(?:[a-z']+\s+){0,3}?(?:being\s+|too\s+|so\s+|just\s+)?(?:tight|tightness|stiff)\b"
)


def _tightness_asked(low: str) -> re.Match[str] | None:
    """Where ``low`` asks whether tightness is the cause, else None."""
    asked = _TIGHT_CAUSE_RE.search(low) if "tight" in low or "stiff" in low else None
    return asked if asked is not None and "?" in low[asked.end() : asked.end() + 40] else None


def tightness_asked(low: str) -> bool:
    """Whether ``low`` asks whether tightness is the cause ("is it just tight hammies?")."""
    return _tightness_asked(low) is not None


def _tightness_wondered(m: Message) -> bool:
    """Whether every feeling said is inside a question of whether tightness is the cause."""
    asked = _tightness_asked(m.low)
    if asked is None:
        return False
    felt = feeling_hits(m.f)
    return bool(felt) and all(asked.start() <= m.char(h.start) < asked.end() for h in felt)


def _body(m: Message) -> Intent | None:
    if _tightness_wondered(m):
        return None  # "is it just tight hammies?": the FAQ's, nothing stored
    span = effort_span(m.low)  # "..., effort 7": how hard the session was, no severity
    report = m.report() if span is None else m.report(skip=span[0])
    return None if report is None else Intent(IntentKind.BODY_REPORT, report=report)


_NOT_TODAY_CUES: Final = frozenset(
    {Cue.THANKS, Cue.NEG, Cue.DONE, Cue.DID, Cue.SKIP, Cue.SKIP_WHY, Cue.SKIP_WEAK, Cue.PAST,
     Cue.RACE, Cue.PAUSE, Cue.RESUME, Cue.PROGRESS, Cue.HISTORY, Cue.LOG, Cue.WORSE, Cue.INABLE,
     Cue.LOCATION}
)  # fmt: skip


_WHAT_TO_DO_TODAY_RE: Final = re.compile(
    r"\bwhat\b[^.?!]{0,30}\b(?:supposed|meant|meaning|need|needing|have|got)\s+to\s+(?:be\s+)?"
    r"(?:do|doing)\b[^.?!]{0,20}\btoday\b"
    # "ok so what can i do today", "anything i shud do today or am i off"
    r"|\b(?:what|anything)\s+(?:can|should|shud|shld|do|must)?\s*(?:i|we)\s+(?:still\s+)?"
    r"(?:do|doing)\s+today\b|\banything\s+to\s+do\s+today\b"
    r"|\b(?:what|anything)\s+(?:i|we)\s+(?:should|shud|shld|need\s+to|have\s+to|can|must)\s+do"
    r"\s+today\b"
)


def _today(m: Message) -> Intent | None:
    """A question about the session ("what's today's session?"), or a bare mention of it
    with nothing else said ("today?", "workout pls")."""
    f = m.f
    if Cue.SESSION in f.cues and (Cue.ASK in f.cues or "?" in m.low):
        return Intent(IntentKind.TODAY)
    if "today" in m.low and _WHAT_TO_DO_TODAY_RE.search(m.low) and not m.areas:
        return Intent(IntentKind.TODAY)  # "what exactly am I supposed to be doing today?"
    if not f.has(Cue.TODAY, Cue.SESSION) or Cue.PAST in f.cues:
        return None
    if fallen_to(m.low) is not None:
        return None  # "it's down to a 2 today": how a feeling is, no session asked
    foreign = _foreign_clauses(f)  # "back in 2019 I had a bad ITB problem. what's today?"
    if any(i not in foreign for i in f.unexplained):
        return None
    for hit in f.hits:
        if hit.start in foreign:
            continue
        sense = hit.sense
        if sense.area or sense.kind or sense.effort or not sense.cues.isdisjoint(_NOT_TODAY_CUES):
            return None
    return Intent(IntentKind.TODAY)


def _foreign_clauses(f: Features) -> frozenset[int]:
    """The positions of whole clauses that are no report of the runner's now (``subject``:
    the long past, someone else's body) and name no session or day."""
    if not f.foreign:
        return frozenset()
    asks = {f.clauses[h.start] for c in (Cue.TODAY, Cue.SESSION) for h in f.cues.get(c, ())}
    whole = {
        c
        for c in set(f.clauses) - asks
        if all(i in f.foreign for i, k in enumerate(f.clauses) if k == c)
    }
    return frozenset(i for i, c in enumerate(f.clauses) if c in whole)


_MOVING: Final = frozenset({"moving", "relocating"})
#: A move said with a time to come ("moving to Berlin in the new year", "relocating to
#: Dubai next month"): where the runner will be, not where they are.
_MOVE_LATER_RE: Final = re.compile(
    r"\b(?:in\s+the\s+new\s+year|next\s+(?:week|month|year|spring|summer|autumn|fall|winter)"
    r"|in\s+(?:a\s+(?:few\s+|couple\s+of\s+)?|two\s+|2\s+|three\s+|3\s+)(?:weeks?|months?)"
    r"|in\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|soon|after\s+(?:christmas|xmas"
    r"|the\s+holidays|new\s+year)"
    r"|(?:on|this|from|at\s+the)\s+(?:the\s+)?(?:weekend|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|mon|tues?|wed|thu|thurs|fri|sat|sun|[0-9]{1,2}(?:st|nd|rd|th)\b))"
)  # not "tomorrow": set now, tomorrow's message comes at the new place's hour
_MOVE_LATER_REACH: Final = 60
#: Right after "I'm in <place>", a stay that starts later ("in Rome next week", "in Paris
#: over christmas"): no zone moves now. A start day ("in Mumbai from the 19th") only when
#: the message asks about training there (``_STAY_FROM_RE``): a trip told with a request
#: may want the zone set ahead.
_STAY_LATER_RE: Final = re.compile(
    r"\s+(?:[\w'.-]+\s+){1,3}?(?:next\s+(?:week|month|weekend|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\b|over\s+(?:christmas|xmas|the\s+holidays|new\s+year)\b)"
)
_STAY_FROM_RE: Final = re.compile(
    r"\s+(?:[\w'.-]+\s+){1,3}?(?:from|starting|as\s+of)\s+(?:the\s+)?"
    r"(?:[0-9]{1,2}(?:st|nd|rd|th)?\b|tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|next\b)"
)


def _location(m: Message) -> Intent | None:
    """ "I'm in <place>", "moved from London to Dublin": the city as GeoNames names it
    (``cities.city_text``); a country of several zones ("in the US now") is asked about;
    not someone else's move ("my friend moved to berlin")."""
    if someone_elses_move(m.low) or clocks_change(m.low):
        return None  # "switch me to summer time": the clocks, not a place
    for cue in m.f.cues.get(Cue.LOCATION, ()):
        if m.f.words[cue.start] in _MOVING and _MOVE_LATER_RE.search(
            m.low, m.char(cue.start), m.char(cue.start) + _MOVE_LATER_REACH
        ):
            continue  # "moving to berlin in the new year": not there yet, nothing moves now
        said = m.f.words[cue.start : cue.end]
        if (
            said[-1] == "from"
            and said[0] in _LEFT_FROM
            and not _TO_AFTER_RE.search(m.low, m.char(cue.start))
        ):
            continue  # "HCMC now, moved from Hanoi": the city left, not the one lived in
        after = m.tokens.spans[cue.end - 1][1]
        if _STAY_LATER_RE.match(m.low, after) or (
            _STAY_FROM_RE.match(m.low, after) and asks_permission(m.low)
        ):
            continue  # "in Rome next week", "in Mumbai from the 19th, can I...": not there yet
        text = zone_text(m.clean, m.tokens, m.f, cue, check=True)
        unsure = (
            asks_permission(m.low)
            or "?" in m.low
            or m.tokens.words[cue.end : cue.end + 1] == ("my",)
        )
        if text is not None and not (unsure and not _names_a_place(text)):  # "in my sixties"
            return Intent(IntentKind.SET_TIMEZONE, timezone_text=city_text(text))
        words = m.tokens.words[cue.end : cue.end + 3]
        for size in range(len(words), 0, -1):  # "in the US now": a country, asked about
            if (country := country_named(" ".join(words[:size]))) is not None:
                zones = country[1]
                zone = next(iter(zones)) if len(zones) == 1 else None
                return Intent(IntentKind.SET_TIMEZONE, timezone_text=zone)
    return None


_LEFT_FROM: Final = frozenset({"moved", "relocated", "moving"})
_TO_AFTER_RE: Final = re.compile(r"\bto\s+[a-z]")
_TIMES_RE: Final = re.compile(
    r"\b(?:my|the|our)\s+(?:times|reminder\s+times?|local\s+time)\b|\btimes?\s+back\b"
    r"|\b(?:sort|fix|change|update|adjust|move|set|switch)\s+(?:out\s+)?(?:my|the|our)\s+"
    r"(?:time|clock|hours)\b"
)
#: A city named beside a request to move the times to it counts from this size ("in Galway
#: now, can you sort the time"): the request says a place is meant.
_ASKED_CITY_POPULATION: Final = 20_000


def _names_a_place(text: str) -> bool:
    """Whether ``text`` names a city or country the atlas knows ("Leeds", not "hotels all")."""
    return bool(places_named(text)) or country_named(text) is not None


_BARE_WORDS: Final = 4
#: A one-word message is a city from this size ("Edinburgh", "Manchester"), so a word that
#: some smaller city bears ("Surprise", "Split") stays a word.
_BARE_WORD_POPULATION: Final = 400_000
#: A one-word message that is only another name of a city ("Roma", "Wien") is taken from
#: this length; a shorter one is a person's name as often ("Sam" is Damascus in Turkish),
#: unless written in capitals ("NYC").
_LEAST_BARE_ALIAS: Final = 4


#: The times asked to follow a city: "put me on boston time", "switch us to tokyo time".
_CITY_TIME_RE: Final = re.compile(
    r"\b(?:put|set|switch|move|change|have)\s+(?:me|us|it|them|my\s+reminders?|the\s+reminders?)"
    r"\s+(?:on|to|onto)\s+((?:[^\W\d_][\w'.-]*\s+){1,3}?)time\b"
)


def _city_time(low: str) -> str | None:
    """The big city whose time the runner asks to be put on ("put me on boston time")."""
    asked = _CITY_TIME_RE.search(low)
    if asked is None:
        return None
    said = asked.group(1).strip()
    if said in KNOWN or said in FILLER:
        return None
    places = places_named(said)
    if len(places) == 1 and places[0].population >= BARE_CITY_POPULATION:
        return city_text(said)
    return None


def _place(m: Message) -> Intent | None:
    """A city with a request to move the times to it ("in tokyo till the 20th, adjust my
    times"), or a city and nothing else ("Manchester UK", "Edinburgh")."""
    if (
        _TIMES_RE.search(m.low)
        and (place := place_in(m.clean, least=_ASKED_CITY_POPULATION)) is not None
    ):
        return Intent(IntentKind.SET_TIMEZONE, timezone_text=place)
    if "time" in m.low and (zone := _city_time(m.low)) is not None:
        return Intent(IntentKind.SET_TIMEZONE, timezone_text=zone)
    if m.f.hits or len(m.tokens.words) > _BARE_WORDS:
        return None
    said = m.clean.strip(" .!?,")
    places = places_named(said)
    if len(places) != 1 or places[0].population < BARE_CITY_POPULATION:
        return None
    words = m.tokens.words
    if len(words) == 1 and (
        not said[:1].isupper()
        or words[0] in FILLER
        or words[0] in KNOWN
        or places[0].population < _BARE_WORD_POPULATION
    ):
        return None  # "reading", "Nice!", "Surprise": a word before a city
    short = len(words) == 1 and len(said) < _LEAST_BARE_ALIAS and not said.isupper()
    if short and name_key(said) != name_key(places[0].name):
        return None  # "Sam": a name, though GeoNames spells Damascus so too
    if said[:1].isupper() or name_key(said).startswith(name_key(places[0].name)):
        return Intent(IntentKind.SET_TIMEZONE, timezone_text=city_text(said))
    return None


#: A message that is one value and nothing else: a time of day ("0630", "6:30am", "18:45")
#: or a rating ("11/10"). Read before any word rule, so a lone number is never a guess.
_BARE_VALUE_RE: Final = re.compile(
    r"^\s*(?:at\s+|@\s*)?(?:[0-9]{1,2}\s*[:.h]\s*[0-9]{2}(?:\s*[ap]\.?m\.?)?|[0-9]{4}"
    r"|[0-9]{1,2}\s*[ap]\.?m\.?)\s*[.!?]?\s*$"
    r"|^\s*-?[0-9]{1,3}(?:\.[0-9])?\s*(?:/|out\s+of)\s*(?:10|ten)\s*[.!?]?\s*$"
)


def _bare_value(m: Message) -> Intent | None:
    """ "0630" or "6:30am" alone: the reminder time (the one setting a time of day sets),
    asked about when it cannot be one ("25:00"); "11/10" or "-5/10" alone: asked about."""
    if _BARE_VALUE_RE.match(m.low) is None:
        return None
    if (odd := odd_rating(m.low)) is not None:
        return Intent(IntentKind.UNKNOWN, unclear=odd, unclear_slot=Unclear.RATING)
    if "/" in m.low or "out" in m.low:
        return None  # "5/10" alone: the conversation knows what it answers
    said = m.low.strip(" .!?")
    if (at := parse_time(said if said.startswith(("at", "@")) else f"at {said}")) is not None:
        return Intent(IntentKind.SET_REMINDER, reminder_time=at)
    return Intent(IntentKind.SET_REMINDER, unclear=said, unclear_slot=Unclear.TIME)


#: Asking what the coach can do, in a longer message ("I'm not very techy, my son set
#: this up. What sort of things can I type to you?").
_HELP_ASKED_RE: Final = re.compile(
    r"\bwhat\s+(?:sort|sorts|kind|kinds|type|types)\s+of\s+(?:things|stuff|messages)\s+"
    r"(?:can|should|do)\s+(?:i|we)\b"
    r"|\bwhat\s+(?:can|should|do)\s+i\s+(?:type|say|write|send|ask)\b"
    r"|\bwhat\s+can\s+(?:you|u)\s+(?:actually\s+|even\s+|really\s+)?do\b(?!\s+(?:about|with|if)\b)"
    r"|\bhow\s+(?:does|do)\s+(?:this|it|you)\s+(?:thing\s+|bot\s+|app\s+)?work\b"
    r"|\bhow\s+do\s+i\s+use\s+(?:this|it|you)\b"
)
_NOT_HELP: Final = frozenset(
    {Cue.DONE, Cue.DID, Cue.SKIP, Cue.SKIP_WHY, Cue.PAUSE, Cue.AWAY, Cue.RESUME, Cue.REMIND,
     Cue.REMINDER, Cue.RACE, Cue.RACE_DATE, Cue.TIMEZONE, Cue.LOCATION}
)  # fmt: skip


def _chat(m: Message) -> Intent | None:
    f = m.f
    if (
        f.unexplained
        and _HELP_ASKED_RE.search(m.low)
        and not m.areas
        and _NOT_HELP.isdisjoint(f.cues)
    ):
        return Intent(IntentKind.HELP)  # "what sort of things can I type to you?"
    if f.unexplained and not _thanked_for(f):
        return None
    if Cue.HELP in f.cues:
        return Intent(IntentKind.HELP)
    if Cue.THANKS in f.cues:
        return Intent(IntentKind.THANKS)
    if any(
        h.start == 0 or f.words[h.start] not in _TIMES_OF_DAY for h in f.cues.get(Cue.GREETING, ())
    ):
        return Intent(IntentKind.GREETING)  # not "can I only do evenings?"
    return None


_TIMES_OF_DAY: Final = frozenset({"morning", "mornin", "evening", "evenings", "mornings"})


def _thanked_for(f: Features) -> bool:
    """ "thanks for the tips", "cheers for the advice": what the thanks is for, said after
    it, is no request of its own."""
    thanks = f.first(Cue.THANKS)
    if thanks is None or f.words[thanks.end : thanks.end + 1] != ("for",):
        return False
    return all(i > thanks.end for i in f.unexplained)


#: A session judged, done by the sound of it ("great session, 7", "today very good
#: session, 6", "session was tough, 8").
_JUDGED_SESSION_RE: Final = re.compile(
    r"\b(?:good|great|nice|lovely|solid|decent|tough|hard|easy|brutal|fun|grand|cracking"
    r"|excellent|sharp|quick|short|sweaty|killer|savage|spicy|intense)\s+(?:session|sesh|workout)\b"
    r"(?!\s+(?:tomorrow|tmrw|later|tonight))"
    r"|\b(?:session|sesh|workout)\s+(?:was|felt)\s+(?:really\s+|very\s+|pretty\s+|so\s+)?"
    r"(?:good|great|nice|lovely|solid|decent|tough|hard|easy|brutal|fun|grand|ok|okay|fine)\b"
    r"|\b(?:session|sesh|workout|that|today'?s?)\s+was\s+(?:a\s+|an\s+)?(?:10|[0-9])\b"
    r"|^\W*was\s+(?:a\s+|an\s+)?(?:10|[0-9])\b"
    r"|\bthat\s+was\s+(?:brutal|tough|hard|easy|savage|a\s+killer|grim|rough|a\s+breeze)\b"
    r"|\b(?:way\s+|far\s+|much\s+)?too\s+(?:easy|hard)\b"
)


_JUDGED_AHEAD_RE: Final = re.compile(
    r"\b(?:will|gonna|going to|hope|hopefully|should be|tomorrow|tmrw|next|later|tonight)\b"
)


def _session_judged(m: Message) -> Intent | None:
    """A session said to have gone some way, with one rating: done, at that effort."""
    if "?" in m.low or m.f.asking or len(m.ratings) != 1 or m.today is None:
        return None
    if _JUDGED_SESSION_RE.search(m.low) is None or _JUDGED_AHEAD_RE.search(m.low):
        return None
    day = log_day(m.low, m.today)  # "great session yesterday, 7"
    return Intent(IntentKind.DONE, effort=m.ratings[0][1], log_day=day)


_RULES: Final[tuple[Callable[[Message], Intent | None], ...]] = (
    _bare_value,
    _reminder,
    _timezone,
    _arrived,
    _pause,
    _race,
    _resume,
    _progress_history,
    _question,
    setting_said,
    outcome,
    _fine,
    _body,
    _session_judged,
    _today,
    _location,
    _place,
    _chat,
)
