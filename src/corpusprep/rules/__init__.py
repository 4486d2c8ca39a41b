"""Site knowledge as data: rule packs (`packs/*.toml`) compiled into a `RuleSet`, their lexicons and dates.

Below the cleaning core: the stages read a `RuleSet`; nothing here knows a stage.
"""

from .compile import Rule, RuleError, RuleSet, compile_packs, default_rules, load_rules

__all__ = ["Rule", "RuleError", "RuleSet", "compile_packs", "default_rules", "load_rules"]
