"""The shipped programme content, the loader's error messages and ``hipcoach content check``."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
from bot.core.content import (
    CONTACT_RANGES,
    IMPACT_LOADS,
    PHASE_CATEGORIES,
    Content,
    ContentError,
    Dose,
    Exercise,
    Part,
    SessionTemplate,
    load_content,
)
from bot.core.planner import GENERAL_WARM_UP
from bot.core.vocabulary import Area, Category, Equipment, Family, Intensity, Level, Phase

REPO = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO / "content"

MOBILITY_PHASES = frozenset(Phase) - {Phase.PAUSED}
STATIC_PHASES = frozenset(
    {Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE, Phase.RACE_SEASON, Phase.RECOVERY_HOLD}
)
GENTLE_PHASES = {Phase.ONBOARDING, Phase.POST_RACE_RECOVERY, Phase.RECOVERY_HOLD}
ADVANCED_ONLY_MOVES = {
    "bounds",
    "single-leg-hops",
    "split-jumps",
    "skater-bounds",
    "single-leg-pogo-hops",
    "single-leg-lateral-hops",
}


@pytest.fixture(scope="module")
def shipped() -> Content:
    """The content in the repo's ``content/`` folder."""
    return load_content(CONTENT_DIR)


def _ids(category: Category | None = None) -> list[str]:
    """Session ids straight from the YAML, so a broken file fails tests, not collection."""
    ids: list[str] = []
    for path in sorted((CONTENT_DIR / "sessions").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["sessions"]:
            if category is None or entry["category"] == category.value:
                ids.append(entry["id"])
    return ids


# --- the shipped content ---------------------------------------------------------------------


def test_shipped_content_loads_with_enough_exercises(shipped: Content) -> None:
    assert len(shipped.exercises) >= 50
    by_category = shipped.counts()["exercises by category"]
    assert set(by_category) == {c.value for c in Category}
    assert by_category["mobility"] >= 15
    assert by_category["dynamic"] >= 14  # band work and marches are static (issue 12)
    assert by_category["static"] >= 12


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("phase", list(Phase))
def test_every_level_and_phase_has_a_template_for_each_allowed_category(
    shipped: Content, level: Level, phase: Phase
) -> None:
    for category in Category:
        templates = shipped.templates(level, phase, category)
        assert bool(templates) == (category in PHASE_CATEGORIES[phase])


@pytest.mark.parametrize("level", list(Level))
def test_each_level_has_the_planned_mix_of_sessions(shipped: Content, level: Level) -> None:
    mine = [t for t in shipped.sessions.values() if t.level is level]
    mobility = [t for t in mine if t.category is Category.MOBILITY]
    static = [t for t in mine if t.category is Category.STATIC]
    dynamic = [t for t in mine if t.category is Category.DYNAMIC]
    assert len(mobility) >= 3
    assert len(static) >= 2
    assert len(dynamic) >= 2
    assert all(set(t.phases) == MOBILITY_PHASES for t in mobility)
    assert all(set(t.phases) == STATIC_PHASES for t in static)
    assert all(t.phases == (Phase.DYNAMIC_BLOCK,) for t in dynamic)
    assert any(set(t.phases) >= GENTLE_PHASES for t in mobility)


@pytest.mark.parametrize("level", list(Level))
def test_each_level_has_a_desk_sitter_hip_flexor_session(shipped: Content, level: Level) -> None:
    def hip_flexor_items(template: SessionTemplate) -> int:
        return sum(
            Area.HIP_FLEXORS in shipped.exercises[item.exercise].targets for item in template.main
        )

    mobility = shipped.templates(level, Phase.BASE, Category.MOBILITY)
    assert max(hip_flexor_items(t) for t in mobility) >= 3


@pytest.mark.parametrize("template_id", _ids(Category.DYNAMIC))
def test_dynamic_sessions_stay_in_the_contact_range_every_week(
    shipped: Content, template_id: str
) -> None:
    template = shipped.sessions[template_id]
    low, high = CONTACT_RANGES[template.level]
    weekly = [shipped.session_contacts(template, week) for week in range(1, 9)]
    assert all(low <= contacts <= high for contacts in weekly), weekly


@pytest.mark.parametrize("template_id", _ids(Category.DYNAMIC))
def test_dynamic_progression_builds_then_eases_in_the_last_week(
    shipped: Content, template_id: str
) -> None:
    template = shipped.sessions[template_id]
    factors = template.progression
    assert len(factors) == 8
    build = factors[:7]
    assert list(build) == sorted(build)
    assert build[-1] > build[0]
    assert factors[-1] < build[-1]
    weekly = [shipped.session_contacts(template, week) for week in range(1, 9)]
    assert weekly[6] > weekly[0]
    assert weekly[7] < weekly[6]


@pytest.mark.parametrize("template_id", _ids(Category.STATIC))
def test_static_progression_is_gentle(shipped: Content, template_id: str) -> None:
    factors = shipped.sessions[template_id].progression
    assert 6 <= len(factors) <= 8
    assert list(factors) == sorted(factors)
    assert all(0.8 <= f <= 1.2 for f in factors)


@pytest.mark.parametrize("template_id", _ids())
def test_every_week_of_every_session_lasts_10_to_30_minutes(
    shipped: Content, template_id: str
) -> None:
    template = shipped.sessions[template_id]
    for week in range(1, len(template.progression) + 2):
        assert 10 <= shipped.session_minutes(template, week) <= 30


def test_dynamic_exercises_only_in_the_main_part_of_dynamic_sessions(shipped: Content) -> None:
    for template in shipped.sessions.values():
        for part, items in template.parts():
            categories = {shipped.exercises[item.exercise].category for item in items}
            if part is Part.MAIN:
                assert template.category is Category.DYNAMIC or Category.DYNAMIC not in categories
            else:
                assert categories == {Category.MOBILITY}, (template.id, part)


def test_foot_contacts_come_only_from_dynamic_exercises(shipped: Content) -> None:
    for exercise in shipped.exercises.values():
        if exercise.dose.contacts is not None:
            assert exercise.category is Category.DYNAMIC


def test_beginners_jump_on_two_feet_and_advanced_runners_get_the_big_moves(
    shipped: Content,
) -> None:
    def moves(level: Level) -> set[str]:
        return {
            item.exercise
            for t in shipped.templates(level, Phase.DYNAMIC_BLOCK, Category.DYNAMIC)
            for item in t.main
        }

    assert not moves(Level.BEGINNER) & ADVANCED_ONLY_MOVES
    assert {"ankle-hops", "pogo-hops", "a-skips", "low-step-jumps"} <= moves(Level.BEGINNER)
    assert {"bounds", "single-leg-hops", "split-jumps", "skater-bounds"} <= moves(Level.ADVANCED)


# The whole leg (Area.LEG) is where nerve signs are reported, the pelvic floor where leaking
# or heaviness is: no stretch targets either.
@pytest.mark.parametrize(
    "area", [area for area in Area if area not in (Area.LEG, Area.PELVIC_FLOOR)]
)
def test_every_area_has_a_mobility_exercise(shipped: Content, area: Area) -> None:
    assert shipped.mobility_for.get(area)


def test_desk_sitters_have_several_hip_flexor_stretches(shipped: Content) -> None:
    assert len(shipped.mobility_for[Area.HIP_FLEXORS]) >= 3


def test_kit_exercises_have_a_body_weight_stand_in(shipped: Content) -> None:
    body_weight = [e for e in shipped.exercises.values() if not e.needs]
    for exercise in shipped.exercises.values():
        if exercise.needs:
            stand_ins = [
                e
                for e in body_weight
                if e.category is exercise.category and set(e.targets) & set(exercise.targets)
            ]
            assert stand_ins, exercise.id


def test_most_sessions_need_no_kit_and_some_use_it(shipped: Content) -> None:
    def kit(template: SessionTemplate) -> set[Equipment]:
        return {
            need
            for _, items in template.parts()
            for item in items
            for need in shipped.exercises[item.exercise].needs
        }

    needing = [t.id for t in shipped.sessions.values() if kit(t)]
    assert 0 < len(needing) <= len(shipped.sessions) // 2
    used = set().union(*(kit(t) for t in shipped.sessions.values()))
    assert {Equipment.BAND, Equipment.SMALL_WEIGHTS} <= used


def test_variant_chains_end(shipped: Content) -> None:
    for start in shipped.exercises.values():
        for relation in ("easier", "harder"):
            seen = {start.id}
            current: Exercise = start
            while (following := getattr(current, relation)) is not None:
                assert following not in seen, f"{relation} chain loops at {start.id}"
                seen.add(following)
                current = shipped.exercises[following]


def test_every_exercise_is_used_or_reachable_as_a_variant(shipped: Content) -> None:
    used = {
        item.exercise
        for template in shipped.sessions.values()
        for _, items in template.parts()
        for item in items
    }
    variants = {v for e in shipped.exercises.values() for v in (e.easier, e.harder) if v}
    assert set(shipped.exercises) <= used | variants | {GENERAL_WARM_UP}


# --- loads: what each exercise stresses (content/README.md, docs/coaching.md) ---------------

#: The issue's floor for any landing; the checker adds the groin (the femoral neck).
LANDING_AREAS = {"foot", "ankle", "achilles", "calves", "shins", "knee", "hips"}
LANDINGS = {
    "ankle-hops",
    "pogo-hops",
    "single-leg-pogo-hops",
    "a-skips",
    "power-skips",
    "bounds",
    "lateral-line-hops",
    "single-leg-lateral-hops",
    "skater-bounds",
    "hop-and-stick",
    "single-leg-hops",
    "low-step-jumps",
    "squat-jumps",
    "split-jumps",
}
LATERAL = {"lateral-line-hops", "single-leg-lateral-hops", "skater-bounds"}
BOUNDS = {"bounds", "skater-bounds"}
KNEELING_OR_DEEP = {
    "half-kneeling-hip-flexor-stretch",
    "couch-stretch",
    "seated-90-90-hold",
    "hip-90-90-switches",
    "adductor-rock-backs",
    "frog-rock-backs",
    "lateral-lunge-shift",
    "pigeon-stretch",
    "deep-squat-hold",
    "half-kneeling-ankle-rocks",
    "kneeling-shin-stretch",
    "kneeling-toe-stretch",
    "cat-cow",
    "bird-dog",
}


def _loads(shipped: Content, exercise_id: str) -> set[str]:
    return {area.value for area in shipped.exercises[exercise_id].loads}


def test_every_hop_jump_skip_and_bound_is_impact_work(shipped: Content) -> None:
    impact = {e.id for e in shipped.exercises.values() if e.impact}
    assert impact == LANDINGS
    for exercise in shipped.exercises.values():
        named_for_a_landing = re.search(r"hop|jump|skip|bound", exercise.id)
        assert exercise.impact == bool(named_for_a_landing), exercise.id
        assert exercise.impact == (exercise.dose.contacts is not None), exercise.id


def test_impact_work_is_classed_as_the_nsca_grades_plyometrics(shipped: Content) -> None:
    """Hops and skips in place low, bounds and hops for distance high (content/README.md)."""
    classes = {e.id: e.intensity for e in shipped.exercises.values() if e.impact}
    assert None not in classes.values()
    assert classes["pogo-hops"] is Intensity.LOW
    assert classes["ankle-hops"] is Intensity.LOW
    assert classes["squat-jumps"] is Intensity.MODERATE
    assert classes["bounds"] is Intensity.HIGH
    assert classes["single-leg-hops"] is Intensity.HIGH


def test_impact_work_loads_the_leg_from_foot_to_hip_and_the_groin(shipped: Content) -> None:
    for exercise_id in LANDINGS:
        assert LANDING_AREAS | {"groin"} <= _loads(shipped, exercise_id), exercise_id


def test_bounds_also_load_the_hamstrings_and_the_lower_back(shipped: Content) -> None:
    for exercise_id in BOUNDS:
        assert {"hamstrings", "lower_back"} <= _loads(shipped, exercise_id), exercise_id
    for exercise_id in LATERAL | {"lateral-squat-walks", "band-lateral-walks"}:
        assert "groin" in _loads(shipped, exercise_id), exercise_id


def test_hip_mobility_loads_the_hips_and_the_groin(shipped: Content) -> None:
    hip_mobility = [
        e
        for e in shipped.exercises.values()
        if e.category is Category.MOBILITY
        and {Area.HIPS, Area.GROIN, Area.HIP_FLEXORS} & set(e.targets)
    ]
    assert len(hip_mobility) >= 15
    for exercise in hip_mobility:
        assert {"hips", "groin"} <= _loads(shipped, exercise.id), exercise.id
    for named in ("hip-90-90-switches", "frog-rock-backs", "pigeon-stretch", "deep-squat-hold"):
        assert {"hips", "groin"} <= _loads(shipped, named), named


def test_kneeling_and_deeply_bent_positions_load_the_knee(shipped: Content) -> None:
    for exercise_id in KNEELING_OR_DEEP:
        assert "knee" in _loads(shipped, exercise_id), exercise_id


def test_strength_work_loads_every_area_it_works(shipped: Content) -> None:
    for exercise in shipped.exercises.values():
        assert exercise.loads, exercise.id
        if exercise.category is not Category.MOBILITY:
            assert set(exercise.targets) <= set(exercise.loads), exercise.id


# --- doses ---------------------------------------------------------------------------------


def test_per_side_contacts_count_both_sides() -> None:
    assert Dose(contacts=10, per_side=True).total_contacts == 20
    assert Dose(contacts=10).total_contacts == 10
    assert Dose(contacts=20).scaled(1.1).total_contacts == 20
    assert Dose(contacts=40).scaled(1.1).total_contacts == 45


def test_a_contacts_dose_keeps_sets_at_one() -> None:
    with pytest.raises(ValueError, match="leave sets at 1"):
        Dose(sets=3, contacts=10)


# --- broken content ------------------------------------------------------------------------

Files = dict[str, dict[str, Any]]


def minimal_files() -> Files:
    """The smallest content the loader accepts: three exercises, nine sessions."""
    exercises = [
        {
            "id": "stretch",
            "name": "A stretch",
            "category": "mobility",
            "family": "hip_rotation_mobility",
            "targets": ["hips"],
            "dose": {"sets": 2, "seconds": 30, "per_side": True},
            "cues": ["Breathe."],
            "loads": ["hips", "groin"],
        },
        {
            "id": "squat",
            "name": "A squat",
            "category": "static",
            "family": "single_leg_strength",
            "targets": ["quads"],
            "dose": {"sets": 3, "reps": 10},
            "cues": ["Sit back."],
            "loads": ["knee", "quads"],
        },
        {
            "id": "hop",
            "name": "A hop",
            "category": "dynamic",
            "family": "hops_in_place",
            "targets": ["calves"],
            "dose": {"contacts": 20},
            "impact": True,
            "intensity": "low",
            "cues": ["Be quick."],
            "loads": ["foot", "ankle", "achilles", "calves", "shins", "knee", "hips", "groin"],
        },
    ]
    long_stretch = {"exercise": "stretch", "dose": {"sets": 5, "seconds": 60, "per_side": True}}
    sessions: list[dict[str, Any]] = []
    for level in Level:
        low, _ = CONTACT_RANGES[level]
        sessions += [
            {
                "id": f"{level}-mobility",
                "title": "Mobility",
                "category": "mobility",
                "level": level.value,
                "phases": sorted(p.value for p in MOBILITY_PHASES),
                "main": [long_stretch],
            },
            {
                "id": f"{level}-static",
                "title": "Strength",
                "category": "static",
                "level": level.value,
                "phases": sorted(p.value for p in STATIC_PHASES),
                "warm_up": [long_stretch],
                "main": [{"exercise": "squat"}],
            },
            {
                "id": f"{level}-dynamic",
                "title": "Hops",
                "category": "dynamic",
                "level": level.value,
                "phases": ["dynamic_block"],
                "warm_up": [long_stretch, {"exercise": "stretch"}],
                "main": [{"exercise": "hop", "dose": {"contacts": low + 10}}],
            },
        ]
    return {
        "exercises/main.yaml": {"exercises": exercises},
        "sessions/all.yaml": {"sessions": sessions},
    }


def write(root: Path, files: Files) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return root


def broken(tmp_path: Path, change: Callable[[Files], None]) -> Path:
    files = copy.deepcopy(minimal_files())
    change(files)
    return write(tmp_path / "content", files)


def exercise(files: Files, exercise_id: str) -> dict[str, Any]:
    entries: list[dict[str, Any]] = files["exercises/main.yaml"]["exercises"]
    return next(e for e in entries if e["id"] == exercise_id)


def session(files: Files, session_id: str) -> dict[str, Any]:
    entries: list[dict[str, Any]] = files["sessions/all.yaml"]["sessions"]
    return next(s for s in entries if s["id"] == session_id)


def error_for(root: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return str(caught.value)


def test_the_minimal_content_is_valid(tmp_path: Path) -> None:
    content = load_content(write(tmp_path, minimal_files()))
    assert len(content.exercises) == 3
    assert len(content.sessions) == 9


def test_unknown_exercise_names_the_file_and_the_session(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        session(files, "beginner-static")["main"].append({"exercise": "ghost-lunge"})

    message = error_for(broken(tmp_path, change))
    assert "all.yaml: sessions 'beginner-static': uses unknown exercise(s) ghost-lunge" in message


def test_unknown_variant_names_the_file_and_the_exercise(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        exercise(files, "squat")["harder"] = "pistol"

    message = error_for(broken(tmp_path, change))
    assert "main.yaml: exercises 'squat': harder variant 'pistol' does not exist" in message


def test_bad_area_names_the_file_the_entry_and_the_field(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        exercise(files, "stretch")["targets"] = ["elbow"]

    message = error_for(broken(tmp_path, change))
    assert message.startswith("main.yaml: exercises 'stretch': targets.0:")
    assert "hip_flexors" in message


def test_missing_dose_is_reported(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        del exercise(files, "squat")["dose"]

    message = error_for(broken(tmp_path, change))
    assert message == "main.yaml: exercises 'squat': dose: Field required"


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        files["exercises/more.yaml"] = {"exercises": [exercise(files, "hop")]}

    message = error_for(broken(tmp_path, change))
    assert message == "more.yaml: exercises 'hop' is already defined in main.yaml"


def test_contacts_out_of_range_name_the_week_and_the_range(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        session(files, "beginner-dynamic")["main"] = [{"exercise": "hop", "dose": {"contacts": 60}}]

    message = error_for(broken(tmp_path, change))
    assert (
        "all.yaml: sessions 'beginner-dynamic': week 1 has 60 foot contacts; "
        "beginner sessions need 80-100"
    ) in message


def test_contacts_are_checked_in_every_week_of_the_progression(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        session(files, "advanced-dynamic")["progression"] = [1.0, 1.0, 1.3]

    message = error_for(broken(tmp_path, change))
    assert "sessions 'advanced-dynamic': week 3 has 170 foot contacts" in message
    assert "week 2" not in message


def test_a_session_that_runs_too_long_is_reported(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        session(files, "beginner-mobility")["main"] *= 4

    message = error_for(broken(tmp_path, change))
    assert "sessions 'beginner-mobility': week 1 lasts about 47 min (allowed 10-30)" in message


def test_an_override_must_count_what_the_exercise_counts(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        session(files, "beginner-static")["main"] = [
            {"exercise": "squat", "dose": {"sets": 3, "seconds": 30}}
        ]

    message = error_for(broken(tmp_path, change))
    assert "the dose for 'squat' must count reps like the exercise's own dose" in message


def test_dynamic_exercises_are_kept_out_of_other_sessions(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        session(files, "intermediate-static")["main"].append({"exercise": "hop"})

    message = error_for(broken(tmp_path, change))
    assert "sessions 'intermediate-static': a static session may not contain dynamic" in message


def test_a_missing_template_is_named_by_level_phase_and_category(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        entries = files["sessions/all.yaml"]["sessions"]
        entries.remove(session(files, "advanced-static"))

    message = error_for(broken(tmp_path, change))
    assert "sessions: no static session for advanced runners in race_season" in message


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        exercise(files, "hop")["reps"] = 10

    message = error_for(broken(tmp_path, change))
    assert message.startswith("main.yaml: exercises 'hop': reps: Extra inputs are not permitted")


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    root = write(tmp_path / "content", minimal_files())
    (root / "exercises" / "main.yaml").write_text("exercises:\n  - id: [oops\n", encoding="utf-8")
    message = error_for(root)
    assert message.startswith("main.yaml: not valid YAML:")


def test_a_file_without_the_top_level_list_is_reported(tmp_path: Path) -> None:
    root = write(tmp_path / "content", minimal_files())
    (root / "sessions" / "all.yaml").write_text("- id: x\n", encoding="utf-8")
    assert error_for(root) == "all.yaml: expected a top-level 'sessions:' list"


def test_missing_folders_are_reported(tmp_path: Path) -> None:
    assert error_for(tmp_path / "nowhere").endswith("nowhere: content folder not found")
    exercises_only = {"exercises/main.yaml": minimal_files()["exercises/main.yaml"]}
    root = write(tmp_path / "content", exercises_only)
    assert error_for(root).endswith("sessions: no .yaml files found")


# --- hipcoach content check ----------------------------------------------------------------


def test_a_dynamic_exercise_must_say_whether_it_lands(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        del exercise(files, "hop")["impact"]

    message = error_for(broken(tmp_path, change))
    assert message.startswith("main.yaml: exercises 'hop': impact: a dynamic exercise must say")


@pytest.mark.parametrize(
    ("exercise_id", "changes", "expected"),
    [
        ("stretch", {"impact": True}, "impact: only dynamic exercises land"),
        ("squat", {"impact": True}, "impact: only dynamic exercises land"),
        ("hop", {"impact": False}, "impact: an exercise dosed in foot contacts lands"),
        ("hop", {"intensity": None}, "intensity: impact work needs its class"),
        ("hop", {"intensity": "extreme"}, "intensity"),
        ("squat", {"intensity": "low"}, "intensity: only impact work has an intensity class"),
        (
            "hop",
            {"dose": {"sets": 2, "reps": 10}},
            "impact: impact work is dosed in foot contacts",
        ),
    ],
)
def test_the_impact_flag_must_agree_with_the_exercise(
    tmp_path: Path, exercise_id: str, changes: dict[str, Any], expected: str
) -> None:
    def change(files: Files) -> None:
        exercise(files, exercise_id).update(changes)

    message = error_for(broken(tmp_path, change))
    assert message.startswith(f"main.yaml: exercises '{exercise_id}': {expected}")


def test_band_work_without_landings_is_not_impact(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        band = copy.deepcopy(exercise(files, "hop"))
        del band["intensity"]
        band.update(
            id="band-drive",
            impact=False,
            dose={"sets": 2, "reps": 10, "per_side": True},
            targets=["hip_flexors"],
            loads=["hip_flexors", "hips"],
        )
        files["exercises/main.yaml"]["exercises"].append(band)

    content = load_content(broken(tmp_path, change))
    assert not content.exercises["band-drive"].impact
    assert content.exercises["hop"].impact


@pytest.mark.parametrize("area", sorted(IMPACT_LOADS))
def test_impact_work_missing_an_area_is_refused_by_name(tmp_path: Path, area: Area) -> None:
    def change(files: Files) -> None:
        hop = exercise(files, "hop")
        hop["loads"] = [a for a in hop["loads"] if a != area.value]

    first = error_for(broken(tmp_path, change)).splitlines()[0]
    assert first == (
        f"main.yaml: exercises 'hop': loads must also list {area.value} "
        "(impact work: every landing loads the leg up to the hip; see content/README.md)"
    )


def test_hip_mobility_without_the_hips_and_groin_is_refused(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        exercise(files, "stretch")["loads"] = ["knee"]

    message = error_for(broken(tmp_path, change))
    assert message == (
        "main.yaml: exercises 'stretch': loads must also list groin, hips "
        "(hip mobility loads the hip joint and the groin; see content/README.md)"
    )


def test_strength_work_must_load_what_it_targets(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        exercise(files, "squat")["targets"] = ["quads", "glutes"]

    message = error_for(broken(tmp_path, change))
    assert message == (
        "main.yaml: exercises 'squat': loads must also list glutes "
        "(strength work loads every area it works; see content/README.md)"
    )


def test_every_entry_short_of_its_loads_is_named_at_once(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        exercise(files, "stretch")["loads"] = []
        exercise(files, "hop")["loads"] = ["calves"]

    lines = error_for(broken(tmp_path, change)).splitlines()
    assert [line.split(": loads")[0] for line in lines] == [
        "main.yaml: exercises 'stretch'",
        "main.yaml: exercises 'hop'",
    ]
    assert "achilles, ankle, foot, groin, hips, knee, shins" in lines[1]


@pytest.fixture
def default_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI's default content folder the repo's own."""
    monkeypatch.setenv("HIPCOACH_CONTENT_DIR", str(CONTENT_DIR))


@pytest.mark.usefixtures("default_content")
def test_content_check_prints_aligned_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "exercises by category:"
    assert re.fullmatch(r"content OK: \d+ exercises, \d+ sessions, \d+ FAQ questions", lines[-1])
    count_lines = [line for line in lines if line.startswith("  ")]
    assert {line.split()[0] for line in count_lines} >= {"mobility", "beginner", "dynamic_block"}
    assert len({len(line) for line in count_lines}) == 1  # numbers right-aligned in one column
    assert "sessions by phase:" in lines
    assert "dynamic exercises:" in lines
    assert "exercises by family:" in lines  # coverage of every family, for reviewers
    assert {"impact", "glute_med", "tendon_isometric"} <= {line.split()[0] for line in count_lines}


def test_content_check_takes_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path / "content", minimal_files())
    assert main(["content", "check", "--dir", str(root)]) == 0
    assert capsys.readouterr().out.endswith(
        "content OK: 3 exercises, 9 sessions, 0 FAQ questions\n"
    )


def test_content_check_reports_errors_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(files: Files) -> None:
        del exercise(files, "squat")["dose"]

    assert main(["content", "check", "--dir", str(broken(tmp_path, change))]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "content error: main.yaml: exercises 'squat': dose: Field required\n"


def test_content_check_refuses_impact_work_that_spares_the_hips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(files: Files) -> None:
        exercise(files, "hop")["loads"] = ["foot", "ankle", "achilles", "calves", "shins", "knee"]

    assert main(["content", "check", "--dir", str(broken(tmp_path, change))]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("content error: main.yaml: exercises 'hop': loads must also list groin")


@pytest.mark.parametrize(
    ("argv", "code"), [([], 2), (["content"], 2), (["nonsense"], 2), (["--help"], 0)]
)
def test_usage_errors_and_help_return_exit_codes(
    argv: list[str], code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == code
    out, err = capsys.readouterr()
    assert "usage: hipcoach" in out + err


def test_python_dash_m_bot_runs_the_check() -> None:
    env = {k: v for k, v in os.environ.items() if k != "HIPCOACH_CONTENT_DIR"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "content", "check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "content OK" in done.stdout


# --- issue 12: families of work ------------------------------------------------------------


def test_band_walks_and_marches_are_static_so_they_stay_in_rest_phases(shipped: Content) -> None:
    for exercise_id in (
        "band-lateral-walks",
        "band-monster-walks",
        "band-knee-drives",
        "a-march",
        "lateral-squat-walks",
    ):
        exercise = shipped.exercises[exercise_id]
        assert exercise.category is Category.STATIC, exercise_id
        assert not exercise.impact
    used_at_rest = {
        item.exercise
        for template in shipped.sessions.values()
        if Phase.REST_PHASE in template.phases
        for _, items in template.parts()
        for item in items
    }
    assert {"band-lateral-walks", "band-monster-walks", "band-knee-drives"} <= used_at_rest


@pytest.mark.parametrize(
    ("family", "members"),
    [
        (Family.GLUTE_MED, {"hip-hike", "hip-airplane", "clamshell"}),
        (Family.HIP_FLEXOR_STRENGTH, {"band-hip-flexion", "psoas-march"}),
        (Family.HIP_EXTENSION, {"prone-hip-extension"}),
        (Family.HAMSTRINGS, {"nordic-hamstring-curl"}),
        (Family.TENDON_ISOMETRIC, {"spanish-squat", "calf-isometric-hold"}),
        (Family.TRUNK, {"front-plank", "dead-bug"}),
        (Family.BALANCE, {"single-leg-balance"}),
        (Family.ADDUCTORS, {"copenhagen-plank-short", "side-lying-adductor-lift"}),
    ],
)
def test_the_families_runners_skip_are_there_and_used(
    shipped: Content, family: Family, members: set[str]
) -> None:
    used = {
        item.exercise
        for template in shipped.sessions.values()
        for _, items in template.parts()
        for item in items
    }
    for exercise_id in members:
        assert shipped.exercises[exercise_id].family is family
        assert exercise_id in used, exercise_id


def test_nordics_are_for_advanced_runners_and_clamshells_for_beginners(shipped: Content) -> None:
    def levels(exercise_id: str) -> set[Level]:
        return {
            t.level
            for t in shipped.sessions.values()
            if any(i.exercise == exercise_id for i in t.main)
        }

    assert levels("nordic-hamstring-curl") == {Level.ADVANCED}
    assert Level.BEGINNER in levels("clamshell")


@pytest.mark.parametrize("level", list(Level))
def test_every_level_has_adductor_work_in_rest_phases(shipped: Content, level: Level) -> None:
    rest = shipped.templates(level, Phase.REST_PHASE, Category.STATIC)
    families = {shipped.exercises[i.exercise].family for t in rest for i in t.main}
    assert Family.ADDUCTORS in families
    assert Family.GLUTE_MED in families
    assert Family.HIP_FLEXOR_STRENGTH in families
    assert Family.TENDON_ISOMETRIC in families


def test_desk_day_sessions_are_marked(shipped: Content) -> None:
    for template in shipped.sessions.values():
        assert template.desk == ("desk" in template.title.lower() or "desk" in template.id)


def test_a_dynamic_session_without_a_warm_up_is_refused(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        session(files, "beginner-dynamic")["warm_up"] = [{"exercise": "stretch"}]

    assert "needs a warm-up of at least 2 moves" in error_for(broken(tmp_path, change))


def test_every_exercise_needs_a_family(tmp_path: Path) -> None:
    def change(files: Files) -> None:
        del exercise(files, "squat")["family"]

    assert "exercises 'squat': family: Field required" in error_for(broken(tmp_path, change))
