"""How the plan is doing: each indicator's progress towards its target, each action's status.

Pure computation on the checked model, at the report's date (``monitoring.date``), never the
clock: ``categories`` holds the categories and their thresholds (the one place), ``indicators``
assesses one indicator, ``rollup`` sums up objectives and axes, ``actions`` reads statuses.
"""

from compiler.progress.actions import ActionProgress, action_progress, latest_status
from compiler.progress.categories import Category
from compiler.progress.indicators import IndicatorProgress, assess, measurements_of
from compiler.progress.rollup import roll_up

__all__ = [
    "ActionProgress",
    "Category",
    "IndicatorProgress",
    "action_progress",
    "assess",
    "latest_status",
    "measurements_of",
    "roll_up",
]
