"""The method's vocabulary (安监总政法〔2017〕150号), in one place: its figures, the parts of a
plan, the 17 standard items, the legal working days, who may issue a plan, how plans cite
their basis, and when two unit names name one unit. The model's titles, the extractor, the
facts, the messages and the budget chart all take their words from here
(docs/architecture.md, "The method's vocabulary").
"""
from .figures import (ANY_LABEL, BY_KEY, BY_PATH, BY_WORKDAYS_FIELD, DAY_UNIT, FIGURES, GENERAL_UNITS, KEY_UNITS,
                      PEOPLE_UNIT, PER_PERSON, REQUIRED, UNIT_COUNT_UNIT, WORKDAY_FIGURES, Figure, G, K, N, O, R, S, T,
                      X, figure_of, name_of)
from .issuers import DEPARTMENT, OUT_OF_SCOPE_LEVELS, SAFETY_AGENCY, is_safety_department, issuer_level, scope_level

__all__ = ["ANY_LABEL", "BY_KEY", "BY_PATH", "BY_WORKDAYS_FIELD", "DAY_UNIT", "DEPARTMENT", "FIGURES", "GENERAL_UNITS",
           "KEY_UNITS", "OUT_OF_SCOPE_LEVELS", "PEOPLE_UNIT", "PER_PERSON", "REQUIRED", "SAFETY_AGENCY",
           "UNIT_COUNT_UNIT", "WORKDAY_FIGURES", "Figure", "G", "K", "N", "O", "R", "S", "T", "X", "figure_of",
           "is_safety_department", "issuer_level", "name_of", "scope_level"]
