"""The rules, one module each (listed in order by ``compiler.checks.RULES``)."""
