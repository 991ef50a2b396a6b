"""Plain word lists: filler the rules may ignore, and common words typo-correction must keep.

FILLER words are "explained": they carry no intent but do not count as off-topic content.
PROTECTED words are real words one typo away from a lexicon word ("sure"/"sore",
"legs"/"logs"); typo-correction leaves them alone, and they still count as content.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "FILLER",
    "NUMBER_WORDS",
    "PEOPLE",
    "PROTECTED",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


NUMBER_WORDS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

FILLER: Final = word_set(
    """
    a an the and or but so then than too also just only still even really very quite
    pretty bit little lot lots much more most some any all each every both of on in at to
    for from by about after before during as into over up down out off is are was were be
    been being am do does did doing have has had having get got getting gets go going gone
    went can could should would will may might must shall what whats which who when where
    why how hows if yes yeah yep yup ya sure ok okay please pls plz coach bot now again yet
    already since until like feel feels felt feeling seem seems kind think thought guess
    know need want wanna gonna gotta let lets make made take took taking give show tell
    say said see look looks new old good great bad nice awesome cool fine well better
    right left one ones thing things way day days week weeks time times morning evening
    afternoon night yesterday tomorrow tonight last next first second side sides leg legs
    body muscle muscles stretch stretches stretching hop hops hopping jump jumps jumping
    squat squats lunge lunges bridge bridges band bands weights long short hill hills
    speed pace work job it its itself you your youre u ur he she his her they them their
    this that these those there here i im ive id ill me my mine myself we our us
    haha lol hmm um uh oh ah wow omg ugh damn man mate dude guys bro sorry pal
    am pm oclock noon midday midnight half quarter past hour hours minute minutes mins
    min hr hrs sec secs k km kms mile miles st nd rd th x
    today todays weekend fortnight month months year years coming
    tmrw tmr tmrow tomoz 2moro 2morrow nite 2nite tonite
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday tues tue thurs thur weds thu fri sat
    sun mon wed slightly slight mild mildly somewhat kinda sorta super extremely abit lil
    tho though although because cause cos coz bc due with without anyway anyways anyhow app
    honestly honest genuinely seriously truly
    zero two three four five six seven eight nine ten eleven twelve
    plyo plyos plyometric plyometrics helps helped helpful happen happened whole entire full
    rest idk dunno assistance either neither
    """
)

PROTECTED = word_set(
    """
    eve eves nye nyd xmas boxing hint hints trace
    burn burns burned burnt fire kids kid
    plus sure some sort store score snore swore shore sold soar core knew kneel knot calm call
    called shine skin ship food fool feed fees bank black pack hits glue tried tries rate
    rice rage rack hall hell held hunt paid pair paint tights hand harm east weak weed lift
    bath booth start state stars starts thinks tanks cheese limb smelling spelling selling
    share shouting heal healed healing angle bread brake rewind dose dine play plane plant
    plain logo mouth wall stuff staff sniff acne touch groan lamp lime dome tone tune tile
    tide tine ties dune gone bone none cone line mine wine face lace place space mice dice
    live life link lint list lost bark bake sack tack jack hack fell meet beet bore wore
    tore lore pore rain gain main vain pail helm kelp yelp dole sniffs stuffed light fight
    might sight bight hurl curt swell smell spell sell dwell shark shape harp lump dumb
    numbs talk talks talked seek peek slip skim mess kiss mist dog dogs stay star clan
    cause caused breaks breath cold gold bold told fold flute boot thin chin spin peel arc
    arcs uncle thing high sigh quid squad grown dorms card herd rough hallo mourning remain
    result presume toddy eight height wright horse nurse purse curse talking cunning ban
    fan pan tan van water wafer massage dance cancer cast cart cent calls calms carve caves
    carves camp cheeks child compete completely competed consistent consistently continues
    continued continual crap clamp champ camping craps dairy agent arise arose acing
    arching boil basil bait blasted boasted boots broth burying bury bust buys bush dope
    dove doze drone dent donut daring depending exception explained fail fret fleet find
    fire furnished freezer friend fries fired form gray given gives gluten grain grin grins
    grains guided glide head hats harms hums hammering hate heart heat heals hero hole holy
    holes hope hunting insured internal info intro jobs knit knows lent layer latter leaves
    looked loss lows love mercy mind milk mill mixes mass messed moaning mode movie newer
    news nose note node norm noting overweight passed part pints plank planks puff puffs
    positioning progressed progresses quiet quiz rare rave rates rating raging remaining
    raising rank rant record related remote roller rope ruin rubs strap scrape sent spend
    seed sand shard scattered shit shiny ships skins spins schooling smoothing shorts shots
    shouts shoot shoe shoes shop shot shown shows slow snow silk sink stick slick size site
    slide simply sample shipped slipped sipped shipping slipping stripping spammed scammed
    steep sale solo solve stole sales slid shortness sober spam splashing stub stubs stag
    slab scab stubbing stabling stays seats states status step steps stomp stoop stepped
    shopped shopping stepping steak stream strikes soup swapped smelled spelled smells
    spells sells stitch tidy tall tease tank throws ticket tail tilt tied tires timing trap
    trim variation variations vocation walls ways wash wait weigh weighs whole white whine
    wish word saying sprint sprints trail trails nudes nude remainder remainders fully brothers
    brother mothers hurling curling bowling used
    suppose supposing imagine hypothetically hypothetical case theory theoretically
    """
)
#: People other than the runner ("my wife has...", "my mate's knee"): never typo-corrected
#: into other words ("wife" is no "wine", "dads" no "days"), nor their "-s" forms.
#: The days of the week, Monday first (``date.weekday()`` order).
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Short day names as runners type them, each to its ``date.weekday()`` number.
WEEKDAY_ABBREVIATIONS: Final = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
PEOPLE: Final = word_set(
    """
    friend wife husband partner boyfriend girlfriend bf gf mum mom mam dad mother father
    brother sister son daughter kid child colleague coworker boss teammate clubmate hubby
    hubbie wifey missus fiance fiancee bestie mate mates buddy pal flatmate housemate
    roommate neighbour neighbor client uncle aunt auntie nan gran granny grandma grandad
    grandpa dog dogs puppy pup cat horse baby toddler
    """
)
#: Forms of people too near a word the runner means ("mums"/"numb", "gran"/"grand"); words
#: of three letters are never corrected, so need no keeping (and must not attract typos).
_NOT_PROTECTED: Final = word_set("mums moms mams sons nans gran grans cats")
PROTECTED = PROTECTED | frozenset(
    form
    for word in PEOPLE
    for form in (word, word + "s")
    if len(form) > 3 and form not in _NOT_PROTECTED
)
