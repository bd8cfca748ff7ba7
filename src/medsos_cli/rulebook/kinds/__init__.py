"""Rule kinds, one module each, registered by name in ``KINDS``."""

from __future__ import annotations

from medsos_cli.rulebook.kinds.classifier import ClassifierRule
from medsos_cli.rulebook.kinds.existence import ExistenceRule
from medsos_cli.rulebook.kinds.limit import LimitRule
from medsos_cli.rulebook.kinds.metric import MetricRule
from medsos_cli.rulebook.kinds.pattern import PatternRule
from medsos_cli.rulebook.kinds.required import RequiredRule
from medsos_cli.rulebook.kinds.substitution import SubstitutionRule
from medsos_cli.rulebook.model import Rule

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (SubstitutionRule, ExistenceRule, PatternRule, LimitRule, MetricRule, RequiredRule)
}
KINDS[ClassifierRule.kind] = ClassifierRule
