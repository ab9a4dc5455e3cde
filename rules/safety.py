"""Safety first (K12, K16): injuries cap or stop the deadlift and always send the user to a
professional. These rules outrank everything that prescribes (salience SAFETY), and their caps are
upper bounds, so nothing later can loosen them.
"""

from ..experta_compat import AS, MATCH, TEST, L, P
from ..kb.facts import Answers, Classification, InjuryArea, Variation
from .base import CLASSIFY, SAFETY, rule

INJURED = P(lambda area: area != "none")
NOT_CLEARED = L("acute") | L("recovering")


def _movers(classification):
    return set(classification["primary"]) | set(classification["secondary"])


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
                  rpe_hi=row["rpe_hi"])

    @rule("safety.cleared_progression",
          Answers(injury_area=MATCH.area & INJURED, injury_stage="cleared"),
          k=("K12",), sources=("project-inference",), salience=SAFETY)
    def cleared(self, area):
        row = self.limit("safety.cleared_progression", "cleared")
        self.recommend("safety.cleared_progression", "cleared_build_back_gradually", area=area,
                       rpe_hi=row["rpe_hi"])

    @rule("safety.hamstring_lengthening",
          Answers(injury_area="hamstring", injury_stage=NOT_CLEARED),
          AS.var << Variation(lengthened_hamstrings=True),
          k=("K12",), sources=("heiderscheit-2010",), salience=SAFETY)
    def hamstring_lengthening(self, var):
        self.limit("safety.hamstring_lengthening", "hamstring_lengthening")
        self.warn("safety.hamstring_lengthening", "hamstring_avoid_lengthening",
                  variation=var["id"])

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
