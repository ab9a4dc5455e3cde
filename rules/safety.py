"""Safety first (K12, K16): injuries cap or stop the deadlift and always send the user to a
professional. These rules outrank everything that prescribes (salience SAFETY), and their caps are
upper bounds, so nothing later can loosen them.
"""

from ..engine import AS, MATCH, TEST, L, P
from ..kb import INJURY_AREAS, VARIATIONS
from ..kb.facts import Alternative, Answers, Classification, InjuryArea, Prescription, Variation
from .base import AFTER, CLASSIFY, SAFETY, per_process, rule, sources_of

INJURED = P(lambda area: area != "none")
NOT_CLEARED = L("acute") | L("recovering")


def _movers(classification):
    return set(classification["primary"]) | set(classification["secondary"])


def ruled_out(variation, area, stage):
    """Whether the injury rules the variation out altogether (short of an acute injury, which
    rules out every deadlift): a lengthened-hamstring hinge while the hamstring is not cleared."""
    return (area == "hamstring" and stage in ("acute", "recovering")
            and VARIATIONS[variation]["lengthened_hamstrings"])


@per_process()
def nearest_allowed(variation, area, stage):
    """The variation to offer instead of one the injury rules out, or None if none is safe.

    Among the variations the injury allows, the best is one that does not load the injured area
    at all, then one whose prime movers leave the injured muscles out, then one measured rather
    than provisional, then one of the same category, then the closest in knee, hip and trunk
    demand (kb.variations), catalogue order last.
    """
    own = VARIATIONS[variation]
    injured = set(INJURY_AREAS[area]["muscles"])

    def rank(item):
        i, (name, v) = item
        distance = sum(abs(v["demand"][j] - own["demand"][j]) for j in ("knee", "hip", "trunk"))
        return (area in v["loads"], not injured.isdisjoint(v["primary"]), v["provisional"],
                v["category"] != own["category"], distance, i)

    allowed = [(i, (name, v)) for i, (name, v) in enumerate(VARIATIONS.items())
               if name != variation and not ruled_out(name, area, stage)]
    return min(allowed, key=rank)[1][0] if allowed else None


class SafetyRules:
    @rule("safety.disclaimer", k=("K16",), sources=("project-inference",), salience=CLASSIFY)
    def disclaimer(self):
        self.disclaim("safety.disclaimer", "not_medical_advice")

    @rule("safety.see_professional",
          Answers(injury_area=MATCH.area & INJURED, injury_stage=MATCH.stage),
          k=("K12", "K16"), sources=("project-inference",), salience=SAFETY + 2)
    def see_professional(self, area, stage):
        self.limit("safety.see_professional", "injury_any")
        self.warn("safety.see_professional", "see_a_professional", area=area, stage=stage)

    @rule("safety.acute_no_deadlift",
          Answers(injury_area=MATCH.area & INJURED, injury_stage="acute"),
          k=("K12",), sources=("project-inference",), salience=SAFETY + 1)
    def acute(self, area):
        self.limit("safety.acute_no_deadlift", "acute")
        self.warn("safety.acute_no_deadlift", "acute_no_deadlift", area=area)

    @rule("safety.recovering_caps",
          Answers(injury_area=MATCH.area & INJURED, injury_stage="recovering"),
          k=("K12",), sources=("berglund-2015",), salience=SAFETY)
    def recovering(self, area):
        row = self.limit("safety.recovering_caps", "recovering")
        self.warn("safety.recovering_caps", "recovering_needs_clearance", area=area,
                  rpe_hi=row["rpe_hi"], pct_hi=row["pct_hi"])

    @rule("safety.cleared_progression",
          Answers(injury_area=MATCH.area & INJURED, injury_stage="cleared"),
          k=("K12",), sources=("project-inference",), salience=SAFETY)
    def cleared(self, area):
        row = self.limit("safety.cleared_progression", "cleared")
        self.recommend("safety.cleared_progression", "cleared_build_back_gradually", area=area,
                       rpe_hi=row["rpe_hi"], pct_hi=row["pct_hi"])

    @rule("safety.hamstring_lengthening",
          Answers(injury_area="hamstring", injury_stage=NOT_CLEARED),
          AS.var << Variation(lengthened_hamstrings=True),
          k=("K12",), sources=("heiderscheit-2010",), salience=SAFETY)
    def hamstring_lengthening(self, var):
        self.limit("safety.hamstring_lengthening", "hamstring_lengthening")
        self.warn("safety.hamstring_lengthening", "hamstring_avoid_lengthening",
                  variation=var["id"])

    # What to do instead when the injury rules the lift out (never for an acute injury: no heavy
    # pulling at all then).
    @rule("safety.alternative",
          Answers(injury_area=MATCH.area & INJURED, injury_stage=MATCH.stage & ~L("acute")),
          Prescription(perform=False), AS.var << Variation(),
          k=("K12", "K3"), sources=("heiderscheit-2010",), salience=AFTER)
    def alternative(self, area, stage, var):
        alt = nearest_allowed(var["id"], area, stage)
        if alt is None:
            self.warn("safety.alternative", "no_safe_alternative", area=area, variation=var["id"])
            return
        sources = sources_of("safety.alternative", VARIATIONS[alt]["sources"])
        self.declare(Alternative(variation=alt, area=area, stage=stage,
                                 because=("safety.alternative",), sources=sources))
        self.recommend("safety.alternative", "alternative_variation", sources=sources,
                       variation=var["id"], alternative=alt, area=area,
                       loads_area=area in VARIATIONS[alt]["loads"])

    @rule("safety.low_back_red_flags",
          Answers(injury_area="low_back"),
          k=("K12", "K16"), sources=("ahcpr-red-flags",), salience=SAFETY + 1)
    def low_back_red_flags(self):
        self.warn("safety.low_back_red_flags", "low_back_red_flags")

    # K12: the classification decides which tissue the lift loads. Below, the injured muscles are
    # prime or secondary movers of this variation; otherwise the variation may still load the
    # area as a joint or through the grip.
    @rule("safety.injured_tissue_is_mover",
          Answers(injury_area=MATCH.area & INJURED, injury_stage=MATCH.stage),
          InjuryArea(id=MATCH.area, muscles=MATCH.muscles),
          AS.cls << Classification(),
          TEST(lambda muscles, cls: set(muscles) & _movers(cls)),
          k=("K12",), sources=("seed-article",), salience=SAFETY)
    def injured_tissue_is_mover(self, area, stage, muscles, cls):
        tier = "primary" if set(muscles) & set(cls["primary"]) else "secondary"
        self.warn("safety.injured_tissue_is_mover", "injured_tissue_is_mover", area=area,
                  stage=stage, tier=tier, variation=cls["variation"], category=cls["category"],
                  sources=cls["sources"])

    @rule("safety.variation_loads_area",
          Answers(injury_area=MATCH.area & INJURED, injury_stage=MATCH.stage),
          InjuryArea(id=MATCH.area, muscles=MATCH.muscles),
          AS.cls << Classification(),
          AS.var << Variation(loads=MATCH.loads),
          TEST(lambda muscles, cls: not set(muscles) & _movers(cls)),
          TEST(lambda area, loads: area in loads),
          k=("K12",), sources=("project-inference",), salience=SAFETY)
    def variation_loads_area(self, area, stage, var):
        self.warn("safety.variation_loads_area", "variation_loads_area", area=area, stage=stage,
                  variation=var["id"])
