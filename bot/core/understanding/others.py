"""Settings that belong to someone else, or to the past: a story, nothing to store.

- someone else's race ("my mate's race is on the 20th, going to cheer him on", "my
  friend's race is that day"): no race date of the runner's own, unless they say they
  race it too ("my sister's marathon, I'm running it as well");
- someone else's move ("my friend moved to berlin and loves it"): no time zone, unless
  the runner says they are there too ("my wife and I moved to Berlin");
- a break refused ("pause? nah, I'm keeping going through xmas", "she wants me to pause
  with her, no chance, I'm keeping going"): no pause;
- the reminder left for later ("will sort the reminders out when I'm there"): no change;
- a trip gone by ("went on holiday to greece in the summer and lost the habit"): no
  pause; a return said ("home from holiday, start me up again") is a resume.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "back_from_trip",
    "break_refused",
    "reminder_put_off",
    "someone_elses_clearance",
    "someone_elses_move",
    "someone_elses_race",
    "someone_elses_visit",
    "trip_gone_by",
]

_PERSON: Final = (
    r"(?:mate|friend|buddy|pal|wife|husband|partner|bf|gf|boyfriend|girlfriend|son|daughter"
    r"|kid|brother|bro|sister|sis|mum|mom|mam|dad|colleague|coworker|co-worker|teammate"
    r"|clubmate|hubby|bestie|cousin|uncle|aunt|auntie|flatmate|housemate|roommate|neighbou?r"
    r"|boss|missus|fiance|fiancee|other\s+half|running\s+(?:buddy|partner|mate))"
)
_WHOSE: Final = rf"(?:{_PERSON}(?:'s|’s|s'|s)?|his|her|their)"
_RACE: Final = r"(?:race|marathon|half(?:\s+marathon)?|10k|5k|parkrun|ultra|triathlon|tri|xc)"
_THEIR_RACE_RE: Final = re.compile(
    rf"\b{_WHOSE}\s+(?:(?:first|big|next|local|club|own|trail|road|[0-9]+k|half|full)\s+){{0,2}}"
    rf"{_RACE}\b"
    # "wife's doing a 10k on sunday", "my brother is running the london marathon"
    rf"|\b(?:{_PERSON}(?:'s|’s|s)?|he'?s|she'?s|he|she)\s+(?:is\s+|also\s+)?"
    rf"(?:doing|running|racing|entered|signed\s+up\s+for|has|has\s+got|got)\s+"
    rf"(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w']+\s+){{0,2}}?{_RACE}\b"
    # "my brother's racing in boston on monday": racing is the race
    rf"|\b(?:{_PERSON}(?:'s|’s|s)?|he'?s|she'?s)\s+(?:is\s+)?racing\s+(?:in|at|on|this|next)\b"
    r"|\bcheer(?:ing)?\s+(?:him|her|them|on|for)\b|\bspectat(?:e|ing)\b"
    r"|\bwatch(?:ing)?\s+(?:him|her|them)\b|\bsupport(?:ing)?\s+(?:him|her|them)\b"
)
#: The runner races it too: "I'm running it as well", "my own race", "we're both racing".
_OWN_RACE_RE: Final = re.compile(
    r"\b(?:i'?m|i\s+am|im|we'?re|we\s+are|i'?ll\s+be|i)\s+(?:also\s+|both\s+)?"
    r"(?:racing|running\s+(?:it|too)|doing\s+it|entered|signed\s+up)\b"
    rf"|\bmy\s+(?:own\s+|next\s+|first\s+|big\s+)?{_RACE}\b(?!\s+(?:is|was)\s+(?:his|hers))"
    r"|\bme\s+too\b|\bso\s+(?:am|do|will)\s+i\b|\bi\s+am\s+too\b|\bme\s+as\s+well\b|\b(?:we|us)\s+both\b|\bboth\s+(?:of\s+us|racing|running)\b"
    r"|\bmine(?:'s|’s|s|\s+is)?\s+(?:on|in|the|is)\b"
)
_THEIR_MOVE_RE: Final = re.compile(
    rf"\b(?:{_PERSON}s?|he|she|they)\s+(?:just\s+|recently\s+|has\s+|have\s+|finally\s+)?"
    r"(?:moved|moving|relocated|lives|live|living|is\s+(?:in|living|based|moving)|'s\s+in"
    r"|s\s+in|went|flew|emigrated)\b"
)
_OWN_MOVE_RE: Final = re.compile(
    r"\b(?:i'?m|i\s+am|im|i'?ve|i|we'?re|we\s+are|we|me)\s+(?:just\s+|also\s+|now\s+|too\s+)?"
    r"(?:in|moved|moving|relocated|living|based|here|too)\b"
    r"|\bmy\s+(?:time\s*zone|timezone|zone|times|reminders?)\b"
)
_TRIP: Final = r"(?:holiday|holidays|hols|vacation|vacay|trip|travels|honeymoon|break)"
_TRIP_GONE_RE: Final = re.compile(
    rf"\b(?:went|was|were|been|had|did)\s+(?:on\s+|away\s+on\s+)?(?:a\s+|my\s+|our\s+|the\s+)?"
    rf"(?:\w+\s+)?{_TRIP}\b|\b(?:last|in\s+the)\s+(?:summer|spring|autumn|fall|winter|year)\b"
)
#: A break asked for, whatever the past in the message: "pause", "stop", "until", "next".
_BREAK_ASKED_RE: Final = re.compile(
    r"\b(?:pause|paused|stop|hold|freeze|until|till|til|next|from|tomorrow|tmrw|again|this\s+week"
    r"|going|gonna|will|off\s+(?:to|on))\b"
)
_BACK_FROM_RE: Final = re.compile(
    rf"\b(?:home|back|returned|got\s+back|just\s+back)\s+from\s+(?:my\s+|the\s+|our\s+|a\s+)?"
    rf"(?:\w+\s+)?{_TRIP}\b(?![^.!?]*\b(?:next|till|until|pause)\b)"
    r"|\b(?:start|restart|kick\s*start)\s+(?:me|it|things|the\s+plan|my\s+plan)\s+"
    r"(?:up\s+)?(?:again|back\s+up)\b"
)


def someone_elses_race(low: str) -> bool:
    """Whether the race the message names is another person's, not the runner's too."""
    return _THEIR_RACE_RE.search(low) is not None and _OWN_RACE_RE.search(low) is None


def someone_elses_move(low: str) -> bool:
    """Whether the move or place the message names is another person's only."""
    return _THEIR_MOVE_RE.search(low) is not None and _OWN_MOVE_RE.search(low) is None


#: Someone else went to a clinician ("my mate went to a&e", "my wife saw the physio"), not
#: the runner taken there ("my wife drove me to a&e").
_THEIR_VISIT_RE: Final = re.compile(
    rf"(?:^|\b(?:my|his|her|our|a|the)\s+){_PERSON}\s+(?:(?!me\b|us\b)\w+\s+){{0,3}}?"
    r"(?:went|been|saw|seen|had|got|visited|was|is|goes|sees)\b(?!\s+(?:me|us)\b)"
)


#: A go-ahead given to someone else: "cleared her", "he was cleared for the same thing",
#: "my buddy got cleared", "my wife's doctor", "she's good to go".
_THEIR_CLEARANCE_RE: Final = re.compile(
    rf"\bcleared\s+(?:her|him|them|(?:my|his|her)\s+{_PERSON})\b"
    rf"|\b(?:he|she|they|{_PERSON})\s+(?:was|were|is|'s|’s|s|got|has\s+been|had\s+been|been"
    r"|was\s+told|got\s+told|saw\s+the\s+\w+\s+and\s+got)\s+"
    r"(?:\w+\s+)?(?:cleared|good\s+to\s+go|fine\s+to|ok\s+to|okay\s+to|signed\s+off)\b"
    rf"|\b{_PERSON}(?:'s|’s|s)\s+(?:doctor|doc|physio|gp|dr|surgeon|consultant)\b"
)
#: A clinician's word about the runner: "cleared me", "said I'm ok", "I was cleared".
_OWN_CLEARANCE_RE: Final = re.compile(
    r"\bcleared\s+me\b|\bgave\s+me\b|\b(?:said|says|told\s+me)\s+(?:that\s+)?"
    r"(?:i'?m|i\s+am|im|i\s+was|i\s+can|i'?ll|my)\b"
    r"|\bi\s+(?:was|got|have\s+been|am|'?m)\s+(?:now\s+)?cleared\b"
)


def someone_elses_clearance(low: str) -> bool:
    """Whether the go-ahead ``low`` tells of is someone else's ("my friend's doctor cleared
    her", "he said he was cleared for the same thing last year"), with none of the
    runner's own."""
    return _THEIR_CLEARANCE_RE.search(low) is not None and _OWN_CLEARANCE_RE.search(low) is None


def someone_elses_visit(before: str) -> bool:
    """Whether ``before``, the words before the clinician a message names, tell of someone
    else's visit ("my mate went to"), whose all-clear is not the runner's."""
    return _THEIR_VISIT_RE.search(before) is not None


def trip_gone_by(low: str) -> bool:
    """Whether the trip the message names is over, with no break asked for."""
    return _TRIP_GONE_RE.search(low) is not None and _BREAK_ASKED_RE.search(low) is None


def back_from_trip(low: str) -> bool:
    """Whether the runner says they are back from a trip or asks to start again."""
    if "from" not in low and "start" not in low:  # in every match: a cheap test first
        return False
    return _BACK_FROM_RE.search(low) is not None


_REFUSED_RE: Final = re.compile(
    r"\b(?:nah|nope|no\s+chance|no\s+way|not\s+a\s+chance|not\s+happening|hell\s+no"
    r"|no\s+thanks|not\s+likely)\b"
)
_KEEP_GOING_RE: Final = re.compile(
    r"\b(?:(?:i'?m|i\s+am|im|i'?ll|i\s+will|gonna|going\s+to|i'?d\s+rather)\s+)?(?:just\s+|still\s+)?"
    r"(?:keep(?:ing)?\s+(?:going|at\s+it|training)|carry(?:ing)?\s+on|crack(?:ing)?\s+on"
    r"|push(?:ing)?\s+on|stick(?:ing)?\s+(?:with|at)\s+it)\b"
)


#: The break taken back later in the message: "so no pause", "no pause after all",
#: "don't pause after all".
_NO_PAUSE_AFTER_ALL_RE: Final = re.compile(
    r"\b(?:so\s+no\s+pause|no\s+pause\s+after\s+all"
    r"|(?:don'?t|do\s+not|dont)\s+pause\s+(?:it\s+|me\s+)?after\s+all)\b"
)
_MIND_CHANGED_RE: Final = re.compile(
    r"\bchanged?\s+my\s+mind\b[\s.!,]*(?:lol|haha|[\u2600-\u27bf\U0001f300-\U0001faff\s])*$"
)


def break_refused(low: str, pause_at: int) -> bool:
    """Whether a break named at ``pause_at`` is turned down: a no after it ("pause? nah")
    and the runner going on ("I'm keeping going"), or a mind changed at the end ("was
    going to pause over xmas but changed my mind")."""
    if _MIND_CHANGED_RE.search(low, pause_at) is not None:
        return True
    if _NO_PAUSE_AFTER_ALL_RE.search(low, pause_at) is not None:
        return True  # "pause those days, actually no i'll do it in the hotel. so no pause"
    return _REFUSED_RE.search(low, pause_at) is not None and _KEEP_GOING_RE.search(low) is not None


_PUT_OFF_RE: Final = re.compile(
    r"\b(?:will|i'?ll|ill|gonna|going\s+to)\s+(?:\w+\s+)?(?:sort|deal\s+with|fix|change|update"
    r"|look\s+at|do)\b[^.!?]*?\b(?:then|later|tomorrow|tmrw|when\s+i'?m|once\s+i'?m"
    r"|when\s+i\s+(?:get|land|arrive))\b"
)


def reminder_put_off(low: str) -> bool:
    """Whether the runner leaves the reminder for later ("will sort the reminders out
    then")."""
    return _PUT_OFF_RE.search(low) is not None
