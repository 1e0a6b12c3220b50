"""Birthdays and anniversaries in the interface language: what the occasion is called,
when it falls and how old / how many years — one wording for Today, the profile and the
call card.

A birthday's number is an age (28岁 / 28歲 / turns 28), an anniversary's a count of years
(28周年 / 28週年 / 28 years). Known family occasions (:data:`KNOWN_OCCASIONS`, in any of
the spellings the console knows) are shown in the interface language; other labels as
typed (they are the customer's data).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from console.domain.occasions import KNOWN_OCCASIONS, Occasion, is_birthday, known_occasion

OCCASION_NAMES: dict[str, str] = {
    "Birthday": str(QT_TRANSLATE_NOOP("Occasions", "Birthday")),
    "Wedding anniversary": str(QT_TRANSLATE_NOOP("Occasions", "Wedding anniversary")),
    "Anniversary": str(QT_TRANSLATE_NOOP("Occasions", "Anniversary")),
    "Wife's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Wife's birthday")),
    "Husband's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Husband's birthday")),
    "Partner's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Partner's birthday")),
    "Daughter's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Daughter's birthday")),
    "Son's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Son's birthday")),
    "Child's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Child's birthday")),
    "Mother's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Mother's birthday")),
    "Father's birthday": str(QT_TRANSLATE_NOOP("Occasions", "Father's birthday")),
}
assert set(OCCASION_NAMES) == set(KNOWN_OCCASIONS)

# Phone labels the console writes (the customer form offers these); others shown as typed.
PHONE_LABELS: dict[str, str] = {
    "mobile": str(QT_TRANSLATE_NOOP("PhoneLabels", "mobile")),
    "home": str(QT_TRANSLATE_NOOP("PhoneLabels", "home")),
    "work": str(QT_TRANSLATE_NOOP("PhoneLabels", "work")),
}


def occasion_name(label: str) -> str:
    """A known occasion in the interface language; any other label as typed (first
    letter capitalised, the rest untouched)."""
    known = known_occasion(label)
    if known is not None:
        return QCoreApplication.translate("Occasions", OCCASION_NAMES[known])
    text = label.strip()
    return text[:1].upper() + text[1:]


def phone_label(label: str) -> str:
    """``mobile`` / ``home`` / ``work`` in the interface language; others as typed."""
    key = label.strip().casefold()
    if key in PHONE_LABELS:
        return QCoreApplication.translate("PhoneLabels", PHONE_LABELS[key])
    return label


class OccasionWords(QObject):
    """Occasion texts with plural forms (lupdate marks ``self.tr(..., n)`` as numerus
    only in a QObject subclass)."""

    def when(self, days: int) -> str:
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        return self.tr("in %n day(s)", "", days)

    def years(self, occasion: Occasion) -> str:
        """``turns 28`` / ``28岁`` for a birthday, ``28 years`` / ``28周年`` for an
        anniversary; empty when the year is unknown (or on the day itself)."""
        if not occasion.years:
            return ""
        if is_birthday(occasion.label):
            return self.tr("turns %n", "", occasion.years)
        return self.tr("%n year(s)", "", occasion.years)

    def with_years(self, occasion: Occasion) -> str:
        """The occasion's name with its age or years: ``Birthday (turns 28)`` /
        ``生日（28岁）`` / ``結婚紀念日（28週年）``."""
        name = occasion_name(occasion.label)
        years = self.years(occasion)
        if not years:
            return name
        return self.tr("{occasion} ({years})").format(occasion=name, years=years)

    def badge(self, occasion: Occasion) -> str:
        """``Birthday today`` / ``Birthday in 3 days`` / ``Wedding anniversary tomorrow``."""
        when = self.when(occasion.days_away)
        if occasion.label == "birthday":
            if occasion.days_away == 0:
                return self.tr("Birthday today")
            return self.tr("Birthday {when}").format(when=when)
        return self.tr("{occasion} {when}").format(
            occasion=occasion_name(occasion.label), when=when
        )


_WORDS: list[OccasionWords] = []


def occasion_words() -> OccasionWords:
    """The shared :class:`OccasionWords` (created with the first use)."""
    if not _WORDS:
        _WORDS.append(OccasionWords())
    return _WORDS[0]
