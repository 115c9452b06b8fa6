"""``planlint.rule``: the rule interface at its stable public path (it lives in :mod:`planlint.api.rule`).

Plugins import from here (see ``docs/plugins.md``); the names below are the
public API and keep working whatever the package's folders become.
"""

from .api.rule import (AccountCheck, Category, CheckContext, Item, PortfolioContext, PortfolioRule, Rule, RuleInfo,
                       Severity, failed, passed, rule_link)

__all__ = ["AccountCheck", "Category", "CheckContext", "Item", "PortfolioContext", "PortfolioRule", "Rule", "RuleInfo",
           "Severity", "failed", "passed", "rule_link"]
