"""The lexicon: every word and phrase the rules know, indexed by first word for one-pass scans.

Entries are written as comma-separated phrases; a phrase is matched on whole words
(apostrophes already dropped, so "can't" is written "cant"). Where one phrase appears in
several groups its senses merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from bot.core.understanding.model import EffortLabel
from bot.core.understanding.senses import Cue, Sense
from bot.core.understanding.words import FILLER, NUMBER_WORDS, PROTECTED
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

__all__ = ["KIND_WORDS", "KNOWN", "LEXICON_WORDS", "PHRASES", "PHRASE_STARTS", "WORDS", "Phrase"]

Phrase = tuple[tuple[str, ...], Sense]

_AREAS: Final[dict[Area, str]] = {
    Area.HIP_FLEXORS: """hip flexor, hip flexors, hipflexor, hipflexors, flexor, flexors,
        hip flexer, hip flexers, psoas, iliopsoas""",
    Area.HIPS: """hip, hips, pelvis, pelvic, hip joint, hip joints, side of my hip, outer hip,
        front of my hip, front of the hip, front of hip, front of my hips, front of the hips,
        femoral neck, neck of my femur, neck of the femur, neck of femur, hip bone,
        top of my femur, top of the femur""",
    Area.GLUTES: """glute, glutes, gluteal, gluteus, butt, bum, buttock, buttocks, backside,
        arse, ass, booty, piriformis, glute med, bottom, abductor, abductors""",
    Area.GROIN: "groin, groins, adductor, adductors, inner thigh, inner thighs",
    Area.HAMSTRINGS: """hamstring, hamstrings, hammy, hammies, hammys, hams, back of my thigh,
        back of the thigh, back of my thighs, back of thigh, back of my leg, back of the leg,
        back of my legs""",
    Area.QUADS: """quad, quads, quadriceps, thigh, thighs, front of my thigh, front of the thigh,
        front of my thighs, femur, thigh bone, thighbone""",
    Area.IT_BAND: """itb, itbs, it band, it bands, itband, iliotibial, iliotibial band,
        outer thigh, outer thighs, outside of my thigh""",
    Area.KNEE: """knee, knees, kne, kneecap, kneecaps, patella, patellar, runners knee,
        back of my knee, back of the knee, behind my knee, outside of my knee, outside of the knee,
        inside of my knee, inside of the knee, acl, mcl, pcl, lcl, meniscus, menisci,
        cruciate""",
    Area.CALVES: """calf, calves, calfs, calve, soleus, gastroc, gastrocnemius, calf muscle,
        calf muscles""",
    Area.ACHILLES: """achilles, achilles tendon, achilles tendons, back of my heel,
        back of the heel""",
    Area.SHINS: "shin, shins, shin splints, shinsplints, shin splint, tibia",
    Area.ANKLE: "ankle, ankles",
    Area.FOOT: """foot, feet, arch, arches, plantar, plantar fascia, plantar fasciitis, heel,
        heels, sole, soles, toe, toes, both feet, both my feet, big toe, metatarsal, metatarsals,
        instep,
        bottom of my foot, bottom of my feet, bottom of the foot, bottom of foot,
        ball of my foot, ball of the foot, top of my foot, top of the foot, foot drop,
        drop foot, dropfoot""",
    Area.LOWER_BACK: """lower back, low back, lumbar, lumbar spine, my back, lower spine,
        sacroiliac, si joint, backache""",
    Area.LEG: """leg, legs, left leg, right leg, both legs, both my legs, lower leg, lower legs,
        whole leg, my whole leg, entire leg, dead leg, sciatica, sciatic, sciatic nerve,
        down my leg, down the leg, down my legs, down both legs, down both my legs,
        down my left leg, down my right leg, down the back of my leg,
        down the back of my legs, down the back of the leg, down the side of my leg,
        down the front of my leg, down my thigh, into my leg, into my foot, in both legs,
        down my foot, down to my foot, down into my foot, down to my toes, into my toes,
        in both my legs""",
    Area.PELVIC_FLOOR: """pelvic floor, pelvic floors, pelvic health, c section, c section scar,
        csection, caesarean, cesarean, caesarean scar, section scar""",
}

_KINDS: Final[dict[ReportKind, str]] = {
    ReportKind.TIGHTNESS: """tight, tightness, tighter, tightened, tighten, stiff, stiffness,
        stiffer, stiffened, tense, tension, knotted, knots, knot, knotty, cramp, cramps,
        cramping, cramped, spasm, spasms, spasming, locked up, restricted, inflexible,
        like concrete, like bricks, like a brick, like rocks, like a rock, like wood,
        like planks, seized up, seized, rigid, like guitar strings, like a guitar string,
        like piano wire, like piano wires, tight as a drum, like steel cables""",
    ReportKind.SORENESS: """sore, soreness, sorer, ache, aches, aching, achy, achey, achiness,
        doms, tender, tenderness, too sore to, aches more, bruised, bruise, bruises, sores, beat up,
        beaten up, trashed,
        wrecked, fried, discomfort, uncomfortable, irritated, cranky, grumpy, angry,
        fatigued, feeling it, heavy, burning, backache, destroyed, smashed, battered,
        shredded, toast, cooked, shot, domsing, domsy, in bits, in pieces, in ribbons,
        dead, barking, screaming, on fire, like jelly, grumbling, moaning""",
    ReportKind.PAIN: """pain, pains, painful, too painful to, paining, pained, hurt, hurts,
        hurting, agony, killing me, killing,
        kills, throbbing, throbs, strained, strain, pulled,
        injured, injury, sprained, sprain, torn, sharp, stabbing, deep ache, deep aching,
        deep pain,
        shooting, hurts more, hurt more,
        hurting more, more painful, shin splints,
        shinsplints, shin splint, plantar fasciitis, runners knee, sciatica, tendinitis,
        tendonitis, tendinopathy, bursitis, fasciitis, itbs, stress fracture, fracture""",
}

#: Words for a problem rather than a feeling ("a niggle", "tweaked it", "playing up"): pain
#: when nothing else is said, but the runner's own feeling word wins ("niggle in my calf,
#: more tight than anything": tightness; "rolled my ankle, bit sore": soreness).
_TROUBLE: Final = """niggle, niggles, niggly, niggling, twinge, twinges, tweaked, tweak, rolled my,
    playing up, acting up, flaring up, flared up, flare up, bothering me, bugging me,
    giving me grief, giving me trouble, troubles me, troubling me, twingey, twingy, ouch, ow,
    owie"""

_FLAGS: Final[dict[RedFlag, str]] = {
    RedFlag.SHARP_PAIN: """sharp, sharp pain, stabbing, stab, stabs, shooting, shoots,
        knife, like a knife, felt a pop, heard a pop, felt something pop, something popped,
        it popped, felt something tear, felt it tear, felt something go, felt it go,
        went pop, went ping, felt a ping, felt a twang, felt it ping, felt it twang, twanged""",
    RedFlag.SWELLING: """swelling, swollen, swelled, swells, swelled up, swollen up, puffy,
        puffed up, like a balloon, ballooned, ballooned up, blown up like a balloon,
        puffiness, puffs up, puffed, gone fat, gone all fat, looks fat, looking fat, all fat,
        come up fat, fat and puffy, fat and creaky, fat and sore, fluid on, fluid round,
        fluid around, fluid in my, bit of fluid, some fluid, water on the knee,
        looks bigger, looking bigger, come up bigger, came up bigger, gone bigger,
        bigger than the other, bigger than the left, bigger than the right, twice the size,
        double the size""",
    RedFlag.NIGHT_PAIN: """at night, night pain, during the night, in the night,
        through the night, overnight, wakes me, wakes me up, woke me, woke me up, waking me,
        waking me up, wake me up, keeps me up, kept me up, keeps me awake, kept me awake,
        keeping me up, keeping me awake, keep me up, keep me awake, awake at night,
        cant sleep, couldnt sleep, in bed, at nighttime, nighttime, night time, all night,
        at night time, couldnt get to sleep, cant get to sleep, could not sleep,
        cannot sleep""",
    RedFlag.LIMPING: """limp, limping, limped, limps, hobbling, hobble, hobbled,
        walking funny, walking a bit funny, walking a little funny, walking funny on it,
        walk funny, walking wonky, walking a bit wonky""",
    RedFlag.CANNOT_BEAR_WEIGHT: """cant weight bear, non weight bearing, cant bear weight,
        cant put weight on, cant put any weight on, cannot put weight on,
        cannot put any weight on, unable to put weight on, cant take weight on,
        cant put my weight on, cant stand on it, cant walk on it, cannot walk on it,
        cannot bear weight, unable to bear weight, cant weight bear on it""",
    RedFlag.NUMBNESS_TINGLING: """numb, numbness, numbed, numbing, tingling, tingly, tingle,
        paraesthesia, paraesthesias, paresthesia, paresthesias, paraesthesiae,
        tingles, tingled, tinglin, pins and needles, pins n needles, pins needles, dead leg,
        cant feel my, lost feeling, no feeling, loss of feeling, lost sensation,
        loss of sensation, reduced sensation, feels asleep, falls asleep, keeps falling asleep,
        gone to sleep, goes to sleep, goes dead, gone dead, burning down, buzzing down,
        buzzing in my, buzzing feeling, buzzy feeling, electric feeling, electrical feeling,
        electric sensation, electric buzz, fizzing down, fizzy feeling""",
    RedFlag.NERVE_PAIN: """sciatica, sciatic, sciatic pain, sciatic nerve, nerve pain,
        nerve, nervy pain, pinched nerve, trapped nerve, shooting down, shoots down, shot down,
        shooting into, shoots into, radiating, radiates, radiated, radiating down,
        runs down my leg, travels down, travelling down, goes down my leg, electric shock,
        electric shocks, zinging, zings, zing, electric zaps, electric zap, zaps, zapping,
        like electricity""",
    RedFlag.WEAKNESS: """weakness, weak leg, weak foot, feels weak, feel weak, gone weak,
        has gone weak, have gone weak, has gone a bit weak, leg weak, legs weak, leg is weak,
        legs are weak, foot weak, weak and wobbly,
        went weak, going weak, felt weak, feeling weak, feels a bit weak, felt a bit weak,
        feeling a bit weak, floppy, feels floppy, felt floppy,
        foot drop, drop foot, dropfoot, cant lift my foot, foot slaps, foot slapping,
        cant lift my toes, cannot lift my toes, cant lift my toes up, slapping down,
        slaps down, toes catching, catching my toes, toes keep catching""",
    RedFlag.GIVING_WAY: """gives way, giving way, gave way, gives out, gave out, giving out,
        buckles, buckling, buckled, keeps giving way, went from under me, gonna give,
        going to give, about to give, gonna give way, going to give way, about to give way,
        feels unstable, felt unstable, feeling unstable, feels wobbly and unstable, unstable,
        might buckle, could buckle, might give way, could give way, might give out,
        could give out""",
    RedFlag.LOCKING: """keeps locking, kept locking, is locking, was locking, been locking,
        locking and catching, catching and locking, catches and locks, locks and catches,
        locked and wont, locks and wont, wont straighten, cant straighten, cannot straighten,
        could not straighten, couldnt straighten, wont fully straighten, cant fully straighten,
        cant straighten it, stuck bent, gets stuck bent, got stuck bent, wont unlock,
        locked in place, locks in place, catches and gets stuck, gets stuck for a second,
        got stuck for a second, clicks free, clicked free, pops free, unlocks itself""",
    RedFlag.SADDLE_NUMBNESS: """saddle numbness, numb saddle, saddle anaesthesia,
        saddle anesthesia, numb down there, numbness down there, numb between my legs,
        numb around my bottom, numb bum, numb bottom, numb genitals, numb privates,
        numbness around my bum, numb around my bum, numbness round my bum,
        numbness around my bottom, numb inner thighs, numbness in my inner thighs""",
    RedFlag.BLADDER_BOWEL: """bladder, bowel, bowels, incontinence, incontinent, wet myself,
        peed myself, peeing myself, pooed myself, cant pee, cant wee, cant urinate,
        trouble peeing, trouble weeing, leaking urine, cant hold my pee, cant hold it in,
        struggling to wee, struggling to pee, struggle to wee, struggle to pee,
        cant wee properly, cant pee properly, difficulty peeing, difficulty weeing,
        hard to wee, hard to pee, difficulty passing urine, peeing has gone weird,
        weeing has gone weird, peeing is weird, weeing is weird, peeing feels weird,
        cant tell when i need to go, cant tell when i need to wee, cant tell when i need to pee,
        cant feel when i need to go, cant feel when i need to wee, cant feel when i need to pee,
        dont know when i need to wee, dont know when i need to pee""",
    RedFlag.PAIN_ON_HOPPING: """when i hop, when hopping, on hopping, hurts to hop,
        hurts when i hop, painful to hop, pain hopping, pain when hopping, pain when i hop,
        pain on hopping, hopping hurts, hopping is painful, cant hop, cannot hop,
        hop hurts, hops hurt, worse with hopping, worse when hopping, worse when i hop,
        worse on hopping, worse hopping, sore when hopping, sore when i hop""",
    RedFlag.BONE_SPOT: """bone pain, on the bone, in the bone, the bone, bony, pinpoint,
        pin point, point tender, point tenderness, pinpoint tenderness, one spot on the bone, tender
        bone, bone is tender,
        press the bone, press on the bone, pressing the bone, one spot, in one spot,
        one particular spot, one exact spot, same spot, the same spot,
        sore to touch, sore to the touch, tender to touch, tender to the touch,
        painful to touch, hurts to touch, when i press, when i press it, when i press on it,
        when pressed, if i press, if i press it, press on it, pressing on it""",
    RedFlag.STRESS_FRACTURE: """stress fracture, stress fractures, stress fracure,
        stress reaction, stress response, bone stress, bone stress injury, hairline fracture,
        fracture, fractured, fractures, broken bone, cracked bone""",
    RedFlag.UNWELL: """fever, feverish, a temperature, high temperature, running a temperature,
        chills, the chills, shivery, night sweats, unexplained weight loss,
        losing weight without trying, weight without trying, lost weight without trying,
        weight loss without trying, feeling unwell, feel unwell, feeling ill, feel ill,
        coming down with something, come down with something, came down with something,
        caught something, caught a bug, picked up a bug, got a bug, coming down with a bug,
        got the flu, have the flu, had the flu, the flu, flu like, flu symptoms,
        temp of, temperature of, a temp, high temp, running a temp, got a temp, have a temp,
        temperature is 38, temperature is still 38, temperature is 39, temperature is still 39,
        temp is 38, temp is 39, temp still 38, temp still 39, temperature 38, temperature 39,
        temp 38, temp 39, fever 38, fever 39,
        dizzy, dizziness, lightheaded, light headed, felt faint, feel faint, feeling faint,
        went faint, go faint, going faint, bit faint, a bit faint, little faint, slightly faint,
        quite faint, really faint, very faint, faint and dizzy, dizzy and faint, faint after,
        faint during, faint afterwards, fainty, faintish,
        nauseous, nausea, vomiting, throwing up, threw up,
        feel sick, felt sick, feeling sick, everything aches, aching all over,
        achy all over, aches all over""",
    RedFlag.AFTER_FALL: """fell over, fell off, fell down, fell on, had a fall, took a fall,
        after a fall, after falling, since a fall, since falling, since the fall,
        since i fell, after i fell, tripped, tripped over, tripped up, a crash, crashed my bike,
        bike crash, came off my bike, came off the bike, slipped on, slipped and,
        took a tumble, went flying, stacked it, came a cropper, wiped out, took a spill,
        landed on my, landed hard on, came off, went over on it, rolled it,
        went down hard, hit the deck, took a knock, got a knock""",
    RedFlag.HEART_SIGNS: """chest pain, chest pains, pain in my chest, pains in my chest,
        chest hurts, chest hurt, chest hurting, my chest hurts, chest tightness, tight chest,
        tightness in my chest, chest felt tight, chest feels tight, chest is tight,
        pressure in my chest, crushing chest, fainted, fainting, nearly fainted, almost fainted,
        passed out, passing out, nearly passed out,
        blacked out, blacking out, i collapsed, collapsed on, collapsed during, collapsed after,
        collapsed at, collapsed mid, palpitations, heart racing, racing heart, heart was racing,
        heart is racing, heart pounding, irregular heartbeat, irregular heart beat,
        heart skipping, heart flutter, heart fluttering, nearly blacked out, almost blacked out,
        almost passed out, chest gets tight, chest got tight, chest goes tight,
        chest went tight, chest tightens, chest tightened, tight in my chest,
        tight across my chest, chest felt heavy, heavy chest, chest pressure,
        heart going crazy, heart was going crazy, heart went crazy, heart going mad,
        heart was going mad, heart went mad, heart was pounding, heart is pounding,
        heart pounding really fast, heart was beating really fast, heart beating really fast,
        heart beating irregularly, heart was irregular, heart felt irregular,
        heart rate went through the roof, heart rate through the roof, heart rate shot up,
        heart felt fluttery, heart was fluttery, fluttery heart, fluttering in my chest,
        flutter in my chest, fluttery feeling in my chest, skipped beats, skipping beats,
        heart skipped, heart missing beats, heart was all over the place, heart keeps racing,
        heart kept racing, heart started racing, heart starts racing, heart keeps pounding,
        heart kept pounding, heart keeps skipping, heart kept skipping, heart hammering,
        heart was hammering, heart keeps fluttering, heart kept fluttering""",
    RedFlag.CLOT_SIGNS: """red and hot, hot and red, red and warm, warm and red,
        red hot and swollen, swollen red and hot, swollen and red, red and swollen,
        hot and swollen, swollen and hot, warm and swollen, swollen and warm,
        hot to touch, hot to the touch, warm to touch, warm to the touch""",
    RedFlag.LOW_ENERGY_SIGNS: """another stress fracture, second stress fracture,
        second stress reaction, another stress reaction, two stress fractures,
        two stress reactions, 2 stress fractures, 2 stress reactions, three stress fractures,
        three stress reactions, couple of stress fractures, couple of stress reactions,
        third stress fracture, stress fractures again, repeated stress fractures,
        several stress fractures, multiple stress fractures, keep getting stress fractures,
        missed periods, missed period, missed my period, missed my periods, no period,
        no periods, lost my period, lost my periods, periods stopped, period stopped,
        periods have stopped, havent had a period, havent had my period, amenorrhea,
        amenorrhoea, irregular periods, periods gone missing, period gone missing,
        periods have gone missing, period has gone missing, periods went missing,
        period went missing, missing periods, missing my period, missing my periods,
        periods disappeared, period disappeared, periods have disappeared,
        period has disappeared, no periods for, no period for, tired all the time,
        exhausted all the time, knackered all the time, shattered all the time,
        constantly exhausted, always exhausted, constantly tired""",
}

_SIDES: Final[dict[Side, str]] = {
    Side.LEFT: "left, l, lhs, left side, left hand side, left leg, left sided, left one",
    Side.RIGHT: """right, rite, r, rhs, right side, right hand side, right leg, right sided,
        right one""",
    Side.BOTH: """both, both sides, both legs, bilateral, bilaterally, each side, either side,
        left and right, right and left, both my legs, down both legs, down both my legs,
        in both legs, in both my legs, both feet, both my feet""",
}

_EFFORTS: Final[dict[EffortLabel, str]] = {
    EffortLabel.EASY: """easy, ez, easier, easyish, pretty easy, breeze, a breeze, piece of cake,
        light, comfortable, comfy, no problem, no problems, no sweat, chill, relaxed, gentle,
        effortless, too easy, simple""",
    EffortLabel.MODERATE: """ok, okay, okish, fine, moderate, decent, alright, all right,
        not bad, not too bad, medium, so so, manageable, just right, average, solid, fair,
        reasonable""",
    EffortLabel.HARD: """hard, harder, tough, difficult, challenging, tiring, demanding,
        intense, hard work, struggled, a struggle, taxing, pretty hard, quite hard,
        bit hard, a bit hard, hardish""",
    EffortLabel.BRUTAL: """brutal, killer, savage, insane, exhausting, destroyed, destroyed me,
        wrecked, wrecked me, crushing, very hard, super hard, really hard, so hard,
        extremely hard, horrible, awful, nearly died, almost died, killed me, kicked my butt,
        kicked my ass, kicked my arse, beasted, ruined me, hardest""",
}

_HOLIDAY: Final = "holiday, holidays, hols, the hols, my hols, vacation, my holiday, my vacation, my trip, the trip, my break, the break, travelling, traveling, travel, my travels, leave, injury, my injury, a break"  # noqa: E501

#: A broken bone of the upper body ("fractured my wrist", "broke my collarbone"): no sign of
#: the legs a running plan must hold for (a fall's own sign, if said, still counts).
_UPPER_BODY_BREAKS: Final = ", ".join(
    f"{verb} {whose}{part}"
    for verb in ("fractured", "broke", "broken", "cracked", "fracture in")
    for whose in ("my ", "a ", "")
    for part in (
        "wrist", "arm", "elbow", "collarbone", "collar bone", "clavicle", "hand", "finger",
        "thumb", "rib", "ribs", "nose", "shoulder", "jaw", "cheekbone",
    )
)  # fmt: skip

_CUES: Final[dict[Cue, str]] = {
    Cue.SESSION: """session, sessions, sesh, workout, workouts, plan, routine, exercises,
        exercise, drills, drill, training, programme, program, circuit, mobility, strength,
        hip work, hip stuff, hip exercises, hip session, hip sessions, hip routine, strength work,
        mobility work, band work, band exercises, whats next,
        what next, whats up next,
        next session, what should i do, what do i do, what am i doing,
        what am i supposed to do, what do i have, whats on, what is on, schedule for today,
        todays schedule, the schedule today""",
    Cue.TODAY: "today, todays, tdy, 2day, tonight, tonights, this morning, this evening, this afternoon, this arvo",  # noqa: E501
    Cue.ASK: """what, whats, wat, wot, whatre, which, show, give, send, tell, gimme, hit me,
        can i have, can i get, whats next, what next, whats up next, what should i do,
        what do i do, what am i doing, what am i supposed to do, what do i have, whats on,
        what is on""",
    Cue.OF: "of, about",
    Cue.DONE: """done, all done, finished, finish, finished up, completed, complete,
        had a good session, had a great session, had a decent session, had a solid session,
        got it done, got through it, smashed it, nailed it, crushed it, killed it, killing it,
        knocked it out, knocked it off, ticked off, ticked it off, checked off, in the bag,
        mission accomplished, done and dusted, wrapped up, dusted, did it, did that,
        had a good session, had a great session, had a decent session, had a solid session,
        had a nice session, had a tough session, had a hard session, had an easy session,
        did them, did todays, ive done it, just did it, managed it, caught up on,
        caught up with, knocked it over, knocked over, smashed the session,
        smashed the workout, smashed todays, nailed the session, crushed the session,
        forgot to log, forgot to record, meant to log, stopped early, stopped it early,
        forget to log, forgot to write, forget to write, dun, dunzo, termine, fertig, hecho,
        i make the session, i made the session, session is made, i make the jumps,
        i made the jumps, i make the exercises, i made the exercises,
        got through the session, got through the sesh, got through todays, got through it all,
        made it through the session, made it through todays, i make only half,
        i made only half, i make half, i made half,
        cut it short, cut short, stopped halfway, stopped half way""",
    Cue.DONE_VERB: "finished, finish, completed, complete, caught up on, caught up with",
    Cue.DID: "did, managed, made, have made",
    Cue.SKIP: """skip, skipped, skipping, skipt, missed, miss, give it a miss,
        couldnt face it, cant face it, couldnt face the session, cant face the session,
        couldnt be bothered, cant be bothered, a no from me, no from me, todays a no,
        today is a no, i rest today, i rest also today, today i rest, i rest,
        gave it a miss, not today, didnt do, didnt get to, didnt get round to,
        couldnt get to, could not get to, couldnt get round to, couldnt get around to,
        did not do, did not get to, did not get round to, did not manage,
        never got round to, never got around to, never got to it, never got to the,
        didnt get around to, didnt manage, couldnt do, couldnt manage, couldnt fit, cant do,
        cant make, cant fit, cant manage, cant today, today i cant, today i cannot,
        i cannot today, not can do, not can make,
        can not do, can not make, cannot do, cannot make, will not make, will not do,
        could not do, could not manage, could not make, could not fit, not do the session,
        not do session, no do the session,
        will not be doing, no hip stuff, no hip work, no hips, no exercises,
        not can train, wont do, wont make, wont be doing,
        wont manage, wont get to, wont be able to, not be able to, not able to, unable to do,
        not doing, not gonna, not going to, not happening, not gonna happen,
        not going to happen, didnt happen, no session, no sesh, no workout, no training, bailed,
        bail,
        bailing, ditched, ditching, blew it off, sack it off, sacked it off, pass today,
        passing today, sit this one out, sitting this one out, calling it off, call it off,
        postpone, postponing, postponed, push it to tomorrow, pushing it to tomorrow,
        do it tomorrow, tomorrow instead, move it to tomorrow, day off, taking the day off,
        take the day off, rest day, resting today, rest today, taking a rest, have to skip,
        gonna skip, had to skip, no go, a no go, cant train, wont train, not training,
        forgot to do, forgot to do it, forgot it, forgot about it, forgot all about it,
        cant work out, cant exercise""",
    Cue.SKIP_WHY: """no time, not enough time, too tired, too busy, too sore, too sore to,
        too painful to, too exhausted,
        too knackered, too wrecked, too late, no energy, zero energy, ran out of time,
        out of time, no motivation, not feeling it, not feeling well, feeling unwell,
        feeling ill, feeling sick, under the weather, come down with, got a cold,
        have a cold, got the flu, have the flu, hungover, not in the mood,
        wasnt in the mood, no mood for it""",
    Cue.SKIP_WEAK: """tired, exhausted, knackered, shattered, sick, unwell, busy, swamped,
        slammed, flu, covid, raining, long day, crazy day, hectic, ill today""",
    Cue.NEG: """no, not, never, without, isnt, arent, wasnt, werent, doesnt, dont, didnt,
        hasnt, havent, hadnt, wont, nothing, nope, no longer, nor, neither, no way, no more""",
    Cue.YET: "yet",
    Cue.REMIND: """remind, remind me, reminding, ping me, nudge me, notify me, text me,
        message me, buzz me, alert me, send it at, send me it at, send it to me at,
        send the message at, send the msg at, send me the message at, send me the msg at,
        send them at, send the messages at, send the reminder at, msgs at, msg at,
        messages at, texts at, pings at""",
    Cue.REMINDER: """reminder, reminders, notification, notifications, notifs, alarm, alarms,
        send the session at, send my session at, send me the session at, send the sessions at,
        alert, alerts, daily message, daily ping, pings, nudges, reminder time, nudge,
        daily nudge, morning message, morning messages, evening message, evening messages,
        daily messages, reminder messages, morning ping, morning reminder, daily msg,
        daily msgs, daily text, daily texts, morning msg, morning msgs, morning text,
        morning texts, get the message, get the messages, get my message,
        stop sending me, stop sending, quit sending, stop messaging me, stop texting me,
        stop the messages, stop the msgs, stop the texts""",
    Cue.OFF: """off, stop, stopped, stopping, disable, disabled, cancel, cancelled, canceled,
        mute, muted, unsubscribe, remove, removed, delete, no more, turn off, switch off,
        anymore, any more, any further, no further, quit, scrap, scrapped, clear, withdrew,
        withdrawn, pulled out, pulling out, pull out,
        dropped out, dns, deferred, defer, not racing, pause, silence, stop sending me,
        stop sending, quit sending, stop messaging me, stop texting me, stop the messages,
        stop the msgs, stop the texts""",
    Cue.DAILY: "every day, daily, each day, every morning, every evening, each morning, every night",  # noqa: E501
    Cue.TIMEZONE: """timezone, timezones, time zone, time zones, tz, local time, switch my zone,
        change my zone, update my zone, set my zone, fix my zone, move my zone, moved city,
        moved cities, moving city, changed city, moved country, moving country, moved
        countries, moved abroad, moving abroad, relocated abroad, update my location,
        change my location, set my location, my location to, location to, my location is now,
        new location""",
    Cue.LOCATION: """im in, i am in, im now in, im currently in, now in, im over in, moved to,
        moving to, ive moved to, i live in, living in, im living in, im based in, based in,
        travelling to, traveling to, arrived in, landed in, just landed in, im staying in,
        staying in, relocated to, relocating to, i am now in, currently in, my city is,
        change my city to, set my city to, update my city to, my city to, my city,
        home in, back home in, moved from, relocated from, moving from, now living in,
        we live in, we moved to, weve moved to, we are now in, were now in, we relocated to,
        shifted to, ive shifted to, have shifted to, set me to, switch me to, new city,
        my new city, working from, im working from, working remotely from, change city to,
        set city to, update city to, city is now, my city is now""",
    Cue.RACE: """race, races, racing, raceday, race day, marathon, marathons, half marathon,
        halfmarathon, half marathons, the half, my half, half is on, half is in,
        signed up for a half, entered a half, booked a half, registered for a half,
        ultra, ultramarathon,
        ultra marathon, 5k, 10k, 5km, 10km, 15k, 21k, 42k, 10 miler, ten miler, triathlon,
        20k, 25k, 30k, 50k, 50km, 100k, 100km, 50 miler, 100 miler,
        parkrun, park run, goal race, target race, not racing""",
    Cue.RACE_DATE: "race date, race day is, date of my race, when is my race",
    Cue.MOVED: """moved, rescheduled, postponed, changed, pushed, brought forward, shifted,
        switched, new date, change, update, updated, set, moved to, signed up, signed up for,
        entered, registered, booked""",
    Cue.PAST_EVENT: "was, were, went, watched, ran, raced, did, won, lost, went well",
    Cue.PAUSE: """pause, paused, pausing, suspend, suspended, suspending, put on hold, on hold,
        hold my plan, hold the plan, no sessions from, no sessions till, no sessions until,
        hold the sessions, hold my sessions, out of station, stop sessions for now,
        stop the sessions for now, stop my sessions for now, stop everything for now,
        no more sessions until, no more sessions till,
        hiatus, freeze my plan, freeze, take a break, taking a break, need a break, a break,
        break from, time off, week off, weeks off, month off, few days off,
        couple of weeks off, days off, holiday, holidays, vacation, vacay, hols,
        sabbatical, off until, out until, fortnight off, a fortnight off, weekend off,
        hold off the sessions, hold off on the sessions, hold off the plan,
        stop the plan, stop my plan, stop the programme, stop my programme, stop the program,
        stop my program,
        hold off on the plan, hold off training, hold off on training""",
    Cue.AWAY: """away, travelling, traveling, on a trip, trip, out of town, business trip, offline,
        into hospital, in hospital, to hospital, having surgery, having an operation,
        wont be training, will not be training, not training, no training""",
    Cue.UNTIL: "until, till, til, untill, up to",
    Cue.RESUME: f"""resume, resumed, resuming, unpause, unpaused, un pause, restart,
        restarted, start again, starting again, start back, lets go again,
        turn everything back on, turn it all back on, switch everything back on,
        back to the normal sessions, back to normal sessions, back to the normal plan,
        back on the full plan, back to the full plan, back on the normal plan,
        switch it all back on, everything back on, turn the sessions back on,
        switch the sessions back on, turn sessions back on, switch sessions back on,
        turn the plan back on, switch the plan back on,
        ready to go again, ready to start again, ready to train again, continue, carry on,
        pick up where, pick it up again, end the pause, end pause, unfreeze, im home,
        stop pausing, quit pausing, no more pausing, stop the pause, end my pause,
        lift the pause, take me off pause, take the pause off,
        cancel the break, cancel that break, cancel my break, cancel the pause,
        pause is over, break is over, holiday is over, holidays are over, trip is over,
        cancel that pause, cancel my pause, call off the break, scrap the break,
        no break after all, not going away after all, not away after all,
        keep the sessions going, keep my sessions going, still like to do the sessions,
        still want to do the sessions, still want the sessions,
        home again, im back, i am back, were back, back again, back to training, back to it,
        back at it, back on it, back on track, back in action, back in the game,
        get back into it, getting back into it, back into it, back into training,
        start my plan again, start the plan again, restart my plan, restart the plan,
        start my sessions again, start the sessions again, start sending, send them again,
        sending them again, send the sessions again, get going again, getting going again,
        good to go again, start me up again, start me back up, start me again,
        start me off again, turn me back on, switch me back on,
        holiday over, holidays over, holiday is over, holidays are over,
        holidays over, break over, break is over, trip over, trip is over,
        {", ".join("back from " + w.strip() for w in _HOLIDAY.split(","))}""",
    Cue.PROGRESS: """progress, stats, stat, statistics, streak, streaks, summary, overview,
        how am i tracking, howm i tracking, how im tracking, hows my progress,
        dashboard, how am i doing, how im doing, how have i been doing, how ive been doing,
        how am i getting on, how am i going, how am i progressing, am i improving,
        am i getting better, am i on track, how many sessions, how many workouts,
        how many have i, my numbers, report card, results, consistency, improvement,
        improvements, how far along, how far have i come, weekly report, monthly report,
        progress report, scorecard, totals""",
    Cue.HISTORY: """history, logs, logbook, diary, journal, records, past sessions,
        previous sessions, recent sessions, last sessions, old sessions, past workouts,
        previous workouts, what did i do, what have i done, what ive done, what i did,
        what i have done, did i do, sessions i did, sessions ive done, my sessions,
        what did i, what have i, when did i last, when was my last, when was the last time,
        last time i did, everything ive recorded, everything ive logged, what ive logged,
        what ive recorded, what i logged, what i recorded, my logs, sessions ive logged,
        sessions i logged, sessions i have logged, what sessions i did,
        what sessions ive done""",
    Cue.LOG: "log",
    Cue.PAST: """yesterday, yday, ydays, last week, last month, last few days, past week,
        past few days, so far, recently, lately, last time, earlier, the other day""",
    Cue.HELP: """help, help me, helpp, commands, command, menu, instructions,
        how does this work, how does it work, how does this thing work, how do i use,
        how to use, what can you do, what do you do, what can i say, what can i ask,
        what can u do, what can you even do, what can u even do, what do u do,
        what are the commands, whats the commands, what commands, list of commands,
        what can i type, what can i tell you, what are my options, options, guide, tutorial,
        faq, usage, manual, how do you work, who are you, what are you, what is this,
        explain, features""",
    Cue.GREETING: """hi, hii, hello, helo, hey, heya, hiya, hi there, hey there, hello there,
        howdy, yo, sup, wassup, whats up, good morning, good afternoon, good evening,
        good day, morning, mornin, evening, gm, gday, hola, bonjour, greetings, how are you,
        how are ya, how r u, hows it going, how is it going, how you doing, howre you,
        happy holidays, happy christmas, merry christmas, merry xmas, happy xmas,
        happy new year, seasons greetings, happy hols""",
    Cue.THANKS: """thanks, thank, thank you, thankyou, thank u, thx, thnx, thanx, thks, ty,
        thank you very much, thanks for your help, thank you for your help,
        thank you for your assistance, thanks for your assistance,
        tysm, tyvm, cheers, much appreciated, appreciated, appreciate, ta, nice one, legend,
        thank u sm, thank you sm, thanks sm, ty sm, ta very much, ta muchly,
        you rock, great help, merci, gracias, danke, thanks a million, thanks a lot,
        thanks a bunch, thanks so much, many thanks, thanks loads, thanks heaps,
        love this, love you, love ya, youre the best,
        you are the best, best bot ever, brilliant bot, great bot, amazing bot,
        thank u so much, thank you so much, this is really helping, really helping,
        this is helping, so helpful, really helpful, such a help, big help""",
    Cue.FIRST_PERSON: "i, im, ive, id, ill, me, my, mine, myself, we, our, us",
    Cue.EFFORT_WORD: "effort, rpe, difficulty, exertion, rated, rate it, id rate it",
    Cue.BACK: "back",
    Cue.BACK_VERB: """came, come, comes, coming, got, get, gets, getting, went, go, goes,
        going, ran, run, walked, drove, flew, bounced, bounce, way, looking, wrote, write,
        heard, hear, call, text, reply, replied, gave, give, take, took, bring, brought,
        put, set, holding, hold, welcome, flying, fly, flies, driving, drive, drives, heading,
        travelling, traveling, cycling, riding, sailing""",
    Cue.SIDE_HINT: "side, leg, one, sided, hand, foot",
    Cue.RUN: """run, runs, running, ran, jog, jogging, jogs, jogged, mile, miles, km, kms,
        long run, tempo, intervals, interval, easy run, strides, race, racing, marathon,
        the longer i go, the further i go, the more i go, the longer i keep going,
        the further i get, the longer i keep at it""",
    Cue.WALK: "walk, walking, walks, walked, walkin, every step, each step, every single step",
    Cue.HOP: "hop, hops, hopping, hopped, single leg hop, single leg hops",
    Cue.SADDLE: """saddle, saddle area, saddle region, down there, privates, genitals, genital,
        perineum, between my legs, around my bottom""",
    Cue.STAND: "stand, standing",
    Cue.WEIGHT: "weight, weightbear, weightbearing, weight bearing, pressure",
    Cue.INABLE: """cant, cannot, couldnt, unable, barely, hardly, can barely, can hardly,
        struggling, struggle, hard to, impossible, not able, too sore to, too painful to""",
    Cue.WORSE: """worse, worsens, worsening, worsened, builds, builds up, building, increases,
        increasing, escalates, intensifies, progressively, more and more, gets worse,
        getting worse, got worse, hurts more, hurt more, hurting more, aches more,
        more painful, sorer""",
    Cue.DURING: """during, as, while, whilst, through, throughout, mid, midway, the more,
        the longer, the further, longer, further, each, every, into, the longer i go,
        the further i go, the more i go, the longer i keep going, the further i get,
        the longer i keep at it""",
    Cue.AFTER: "after, since, post, following, afterwards, later, the day after, next day, next morning",  # noqa: E501
    Cue.DETERMINER: "my, the, a, an, with, this, that, some, your",
    Cue.NEUTRAL: f"""bottom of, top of, front of, no idea what i did, not sure what i did,
        dunno what i did, dont think it counts as done, dont think that counts as done,
        doesnt count as done, doesnt really count as done, not sure it counts as done,
        wouldnt count as done, dont think it counts, doesnt count, wouldnt count, pain free,
        painfree, start to finish,
        the finish, finish line, the finish line, photo finish, finish funnel, parkrun finish,
        race finish, marathon finish, at the finish,
        miss those days, miss those times, miss the old days, miss the days, miss being,
        beginning to end, in the morning, in the
        evening, in the afternoon, feel fine, feels fine, feel good, feels good, all good, half
        past, quarter past, quarter to, pain in the butt, pain in the bum, pain in the arse,
        pain in the ass, pain in the neck, pain in my neck, pain in the backside, a right pain,
        a real pain, such a pain, bit of a pain, a bit of a pain, what a pain, pain au,
        pains au, growing pains, got away from me, gets away from me, get away from me,
        getting away from me, got away from us, get away with, ran away with me,
        runs away with me, running away with me, ran away from me, reminder to self,
        note to self, reminder to myself, remind myself, reminder for myself,
        in bare feet, in my bare feet, barefooted, at the bottom, right at the bottom,
        how many ive missed, how many i missed, how many i have missed, how many ive skipped,
        how many i skipped, how many ive done, how many i did, how many i have done,
        how many sessions ive missed, how many sessions ive done, how many ive actually done,
        {_UPPER_BODY_BREAKS}""",
    Cue.EXERCISE: """bridge, bridges, glute bridge, glute bridges, bridging, clamshell,
        clamshells, clam shells, clams, stretch, stretches, stretching, pigeon, pigeon pose,
        squat, squats, split squat, split squats, lunge, lunges, step ups, step up, raises,
        calf raises, heel raises, plank, planks, side plank, side planks, thrusts, hip thrusts,
        deadlift, deadlifts, kickbacks, leg swings, swings, monster walks, band walks, 90 90,
        stuff, moves, reps, sets, skips, a skips, b skips, high skips, power skips, the skipping,
        skipping drills, skipping rope, rope skipping, the flow, hip flow, hips flow,
        mobility flow, todays flow, today's flow, pogos, pogo hops, ankle hops, skaters,
        skater bounds, copenhagens, copenhagen, copenhagen plank, copenhagen planks, nordics,
        nordic curls, wall sit, wall sits, bird dogs, bird dog, dead bugs, dead bug, deadbugs,
        hip airplanes, airplanes, knee drives, marches,
        line hops, tib raises, soleus raises, hip cars, knee hugs,
        hamstring floss, step downs""",
}


#: Verbs of a session done well, with a day's session as their object ("smashed saturday's":
#: the possessive is read as the day), each word already known (no new fuzzy targets).
_PRAISE_VERBS: Final = ("smashed", "nailed", "crushed", "killed")
_DAYS_SESSION: Final = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("yesterday", "mon", "tues", "weds", "thurs", "fri", "sat", "sun"),
)


def _split(phrases: str) -> Iterator[tuple[str, ...]]:
    for phrase in phrases.split(","):
        words = tuple(phrase.split())
        if words:
            yield words


def _merge(old: Sense | None, new: Sense) -> Sense:
    if old is None:
        return new
    return Sense(
        cues=old.cues | new.cues,
        area=old.area or new.area,
        kind=old.kind or new.kind,
        flag=old.flag or new.flag,
        side=old.side or new.side,
        effort=old.effort or new.effort,
    )


def _with_sides(words: tuple[str, ...], area: Area) -> Iterator[Phrase]:
    """ "back of my knee" also as "back of my left knee", with the side in the sense."""
    yield words, Sense(area=area)
    for i, word in enumerate(words[:-1]):
        if word in {"my", "the"}:
            for side in (Side.LEFT, Side.RIGHT):
                yield (*words[: i + 1], side.value, *words[i + 1 :]), Sense(area=area, side=side)


def _entries() -> Iterable[Phrase]:
    for area, text in _AREAS.items():
        for words in _split(text):
            yield from _with_sides(words, area)
    for kind, text in _KINDS.items():
        yield from ((w, Sense(kind=kind)) for w in _split(text))
    trouble = Sense(kind=ReportKind.PAIN, cues=frozenset({Cue.TROUBLE}))
    yield from ((w, trouble) for w in _split(_TROUBLE))
    for flag, text in _FLAGS.items():
        yield from ((w, Sense(flag=flag, kind=ReportKind.PAIN)) for w in _split(text))
    for side, text in _SIDES.items():
        yield from ((w, Sense(side=side)) for w in _split(text))
    for label, text in _EFFORTS.items():
        yield from ((w, Sense(effort=label)) for w in _split(text))
    for cue, text in _CUES.items():
        yield from ((w, Sense(cues=frozenset({cue}))) for w in _split(text))
    done = Sense(cues=frozenset({Cue.DONE}))
    for verb in _PRAISE_VERBS:  # "smashed saturday's one", "nailed yesterdays"
        yield from (((verb, day), done) for day in _DAYS_SESSION)


_PERSONAL: Final = frozenset({"i", "im", "ive", "my", "me", "we", "our"})


def _merged() -> dict[tuple[str, ...], Sense]:
    personal = Sense(cues=frozenset({Cue.FIRST_PERSON}))
    merged: dict[tuple[str, ...], Sense] = {}
    for words, sense in _entries():
        extra = personal if len(words) > 1 and _PERSONAL.intersection(words) else Sense()
        merged[words] = _merge(_merge(merged.get(words), sense), extra)
    return merged


def _index(merged: dict[tuple[str, ...], Sense]) -> dict[tuple[str, str], tuple[Phrase, ...]]:
    index: dict[tuple[str, str], list[Phrase]] = {}
    for words, sense in merged.items():
        if len(words) > 1:
            index.setdefault((words[0], words[1]), []).append((words, sense))
    return {
        pair: tuple(sorted(options, key=lambda p: -len(p[0]))) for pair, options in index.items()
    }


_MERGED: Final = _merged()

WORDS: Final[dict[str, Sense]] = {words[0]: s for words, s in _MERGED.items() if len(words) == 1}
"""Single-word entries."""

PHRASES: Final[dict[tuple[str, str], tuple[Phrase, ...]]] = _index(_MERGED)
"""First two words → the longer phrases starting with them, longest first."""

PHRASE_STARTS: Final[frozenset[str]] = frozenset(first for first, _ in PHRASES)
"""Words that begin some phrase of two or more words."""

LEXICON_WORDS: Final[frozenset[str]] = frozenset(word for words in _MERGED for word in words)
"""Every word of every lexicon phrase."""

KNOWN: Final[frozenset[str]] = LEXICON_WORDS | FILLER | PROTECTED | frozenset(NUMBER_WORDS)
"""Words typo-correction leaves as they are."""

KIND_WORDS: Final[dict[str, ReportKind]] = {
    words[0]: kind for kind, text in _KINDS.items() for words in _split(text) if len(words) == 1
}
"""Single feeling words and their kind ("sore": soreness), also inside sign phrases."""
