"""Classification: is this variation a leg, back or hybrid lift (K1, K2, K3, K15)?

The category and the muscle tiers are catalogue data (kb.variations); these rules decide which
piece of knowledge applies to the variation and what follows from it. The Variation fact is the
catalogue entry of the variation the user trains (the engine declares no other).
"""

from ..engine import AS, L, P
from ..kb.facts import Classification, Variation
from .base import CLASSIFY, rule, sources_of


def _classify(engine, rule_id, var):
    engine.declare(Classification(
        variation=var["id"], category=var["category"], provisional=var["provisional"],
        primary=var["primary"], secondary=var["secondary"], stabilizers=var["stabilizers"],
        because=(rule_id,), sources=sources_of(rule_id, var["sources"])))


class ClassificationRules:
    @rule("classify.conventional",
          AS.var << Variation(family="conventional"),
          k=("K1",), sources=("seed-article", "martin-fuentes-2020"), salience=CLASSIFY)
    def classify_conventional(self, var):
        _classify(self, "classify.conventional", var)
        # The seed's "glutes and hamstrings far above the back" is not what the review found;
        # say that the back works hard too (KNOWLEDGE.md part 1).
        self.recommend("classify.conventional", "erectors_work_hard_too",
                       sources=("martin-fuentes-2020",))

    @rule("classify.minor_same_movers",
          AS.var << Variation(family="minor", category="leg"),
          k=("K2",), sources=("seed-article",), salience=CLASSIFY)
    def classify_minor(self, var):
        _classify(self, "classify.minor_same_movers", var)
        self.recommend("classify.minor_same_movers", "same_programming_as_conventional",
                       variation=var["id"], role=var["role"])

    @rule("classify.minor_more_back",
          AS.var << Variation(family="minor", category=L("hybrid") | L("back")),
          k=("K2", "K3"), sources=("coratella-2022",), salience=CLASSIFY)
    def classify_minor_more_back(self, var):
        _classify(self, "classify.minor_more_back", var)
        self.recommend("classify.minor_more_back", "minor_variation_adds_back",
                       variation=var["id"])

    @rule("classify.drastic",
          AS.var << Variation(family="drastic"),
          k=("K3",), sources=("seed-article",), salience=CLASSIFY)
    def classify_drastic(self, var):
        _classify(self, "classify.drastic", var)
        self.recommend("classify.drastic", "structure_changes", sources=var["sources"],
                       variation=var["id"], category=var["category"])

    @rule("classify.provisional",
          AS.var << Variation(provisional=P(bool)),
          k=("K15",), sources=("seed-article",), salience=CLASSIFY)
    def classify_provisional(self, var):
        self.recommend("classify.provisional", "provisional_ask_a_coach", variation=var["id"],
                       category=var["category"])
