"""Injury areas: which muscles each area covers, so rules can see what a recovering tissue meets.

Used by the follow-up rules (an exercise that trains or loads the area is avoided until cleared)
and by the variation rules (a variation that loads the area heavily gets a warning).
"""

INJURY_AREAS = {
    # "none" is an area too: it covers nothing, so rules can join on the injury uniformly.
    "none": {"muscles": [], "sources": []},
    "low_back": {"muscles": ["erector_spinae"], "sources": ["ahcpr-red-flags", "berglund-2015"]},
    "hamstring": {"muscles": ["hamstrings"], "sources": ["heiderscheit-2010"]},
    "knee": {"muscles": ["quadriceps"], "sources": ["swinton-2011", "project-inference"]},
    "hip": {"muscles": ["glutes", "gluteus_medius", "adductors"],
            "sources": ["project-inference"]},
    "shoulder": {"muscles": ["trapezius", "rhomboids", "rear_deltoids", "front_deltoids"],
                 "sources": ["project-inference"]},
    "grip": {"muscles": ["forearms"], "sources": ["grip-emg-2020", "project-inference"]},
}

STAGES = ("acute", "recovering", "cleared")
