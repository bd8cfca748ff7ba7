"""Rule kinds, one module each, registered by name in ``KINDS``."""

from __future__ import annotations

from medsos_cli.rulebook.kinds.classifier import ClassifierRule
from medsos_cli.rulebook.kinds.existence import ExistenceRule
from medsos_cli.rulebook.kinds.limit import LimitRule
from medsos_cli.rulebook.kinds.mechanics import (
    CommonCapitalRule,
    ConnectorCommaRule,
    NameCaseRule,
    RepeatedWordRule,
    SentenceCapitalRule,
)
from medsos_cli.rulebook.kinds.metric import MetricRule
from medsos_cli.rulebook.kinds.pattern import PatternRule
from medsos_cli.rulebook.kinds.required import RequiredRule
from medsos_cli.rulebook.kinds.spelling import AffixRule, ForeignRule, PrepositionRule, SpellingRule
from medsos_cli.rulebook.kinds.substitution import SubstitutionRule
from medsos_cli.rulebook.model import Rule

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (SubstitutionRule, ExistenceRule, PatternRule, LimitRule, MetricRule, RequiredRule)
}
KINDS.update({cls.kind: cls for cls in (SpellingRule, AffixRule, PrepositionRule, ForeignRule)})
KINDS.update({cls.kind: cls for cls in (RepeatedWordRule, SentenceCapitalRule, CommonCapitalRule,
                                        ConnectorCommaRule, NameCaseRule)})
KINDS[ClassifierRule.kind] = ClassifierRule
