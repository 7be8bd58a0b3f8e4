"""The rule sets by date: which was in force when (`history`), what changed from one to the
next (`compare`), and a shop's own sets on top, kept in its database (`shop_sets`)."""

from app.services.rule_history.history import ShopRuleSet, in_force_case, rule_history, rules_in_force

__all__ = ["ShopRuleSet", "in_force_case", "rule_history", "rules_in_force"]
