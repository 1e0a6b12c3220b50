"""What the domain and the services say to staff, as data: message codes with parameters.

A rule that refuses something returns (or raises) a :class:`Message` — a frozen dataclass
with a stable ``code``, its parameters as fields and an English ``template`` — never a
finished sentence. Whoever shows it turns it into words in the reader's language: the window
with ``QCoreApplication.translate(CONTEXT, template)`` (:func:`console.ui.i18n.message_text`),
the command line with the same translations read from the compiled catalogues
(:mod:`console.services.wording`), in the environment's locale, English by default.
``str(message)`` is the English sentence (logs, tests, scripts).

Templates are marked with ``QT_TRANSLATE_NOOP`` (plain Python: it only returns its text)
so that lupdate finds them here (``console.ui.i18n.source_files`` lists this module).
Parameters are ``{name}`` placeholders; a translation must keep every one of them (a test
checks every code in zh_CN and zh_TW). A parameter may itself be a message (a role's
name, an entry's label), a tuple (a list, joined with the language's separator), a date or
a time (formatted by the reader's side), or plain data shown as it is (a name, a number).

Plain Python: no Qt, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import ClassVar

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate reads this name
    """Mark *text* for translation in *context*; translated where it is shown."""
    return text


# Joins the items of a list parameter (", " in English, "、" in Chinese).
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Messages", ", ")
NONE = QT_TRANSLATE_NOOP("Messages", "none")
# Joins several messages said at once (field errors): "; " in English, "；" in Chinese.
SEPARATOR = QT_TRANSLATE_NOOP("Messages", "; ")

Param = object  # str | int | Message | tuple[...] | dt.date | dt.datetime


@dataclass(frozen=True)
class Message:
    """One thing to say. Subclasses set ``CODE`` and ``TEMPLATE`` and declare their
    parameters as fields."""

    CODE: ClassVar[str] = ""
    TEMPLATE: ClassVar[str] = ""
    # Joins the items of this message's list parameters.
    JOIN: ClassVar[str] = LIST_SEPARATOR

    @property
    def code(self) -> str:
        return self.CODE

    @property
    def template(self) -> str:
        return self.TEMPLATE

    def params(self) -> dict[str, Param]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __str__(self) -> str:
        return render(self, lambda text: text)


@dataclass(frozen=True)
class Word(Message):
    """A marked word or phrase used inside another message (a role, an action)."""

    text: str
    CODE: ClassVar[str] = "word"

    @property
    def template(self) -> str:
        return self.text

    def params(self) -> dict[str, Param]:
        return {}


def _iso(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def render(
    message: Message,
    translate: Callable[[str], str],
    moment: Callable[[dt.date | dt.datetime], str] = _iso,
) -> str:
    """*message* in words: its template through *translate* (identity: English), its
    parameters rendered the same way (dates and times through *moment*)."""

    def value(param: Param) -> str:
        if isinstance(param, Message):
            return render(param, translate, moment)
        if isinstance(param, tuple):
            return translate(message.JOIN).join(value(item) for item in param)
        if isinstance(param, dt.date):
            return moment(param)
        return str(param)

    params = {name: value(param) for name, param in message.params().items()}
    return translate(message.template).format(**params)


class Refusal(ValueError):
    """A rule said no; ``message`` says why (``str()`` is the English sentence)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def all_codes() -> list[type[Message]]:
    """Every message class with a template (the catalogue a translation must cover)."""
    found: list[type[Message]] = []
    pending: list[type[Message]] = [Message]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.TEMPLATE:
            found.append(cls)
    return sorted(found, key=lambda cls: cls.CODE)


# --- words used inside messages ------------------------------------------------------

# A role as the subject of a sentence ("an agent may not …").
ROLE_SUBJECTS: dict[str, str] = {
    "agent": QT_TRANSLATE_NOOP("Messages", "an agent"),
    "trainer": QT_TRANSLATE_NOOP("Messages", "a trainer"),
    "manager": QT_TRANSLATE_NOOP("Messages", "a manager"),
    "admin": QT_TRANSLATE_NOOP("Messages", "an admin"),
}
# A role named in a list ("ask: manager, admin").
ROLE_NAMES: dict[str, str] = {
    "agent": QT_TRANSLATE_NOOP("Messages", "agent"),
    "trainer": QT_TRANSLATE_NOOP("Messages", "trainer"),
    "manager": QT_TRANSLATE_NOOP("Messages", "manager"),
    "admin": QT_TRANSLATE_NOOP("Messages", "admin"),
}
# What a permission allows, as a verb phrase ("may not {action}").
ACTIONS: dict[str, str] = {
    "read_customer": QT_TRANSLATE_NOOP("Messages", "read customer"),
    "edit_customer": QT_TRANSLATE_NOOP("Messages", "edit customer"),
    "log_visit": QT_TRANSLATE_NOOP("Messages", "log visit"),
    "log_purchase": QT_TRANSLATE_NOOP("Messages", "log purchase"),
    "log_complaint": QT_TRANSLATE_NOOP("Messages", "log complaint"),
    "edit_phrasebook": QT_TRANSLATE_NOOP("Messages", "edit phrasebook"),
    "void_complaint": QT_TRANSLATE_NOOP("Messages", "void complaint"),
    "view_reports": QT_TRANSLATE_NOOP("Messages", "view reports"),
    "export": QT_TRANSLATE_NOOP("Messages", "export"),
    "import": QT_TRANSLATE_NOOP("Messages", "import"),
    "back_up": QT_TRANSLATE_NOOP("Messages", "back up"),
    "restore": QT_TRANSLATE_NOOP("Messages", "restore"),
    "erase_customer": QT_TRANSLATE_NOOP("Messages", "erase customer"),
    "view_audit": QT_TRANSLATE_NOOP("Messages", "view audit"),
    "manage_staff": QT_TRANSLATE_NOOP("Messages", "manage staff"),
    "edit_settings": QT_TRANSLATE_NOOP("Messages", "edit settings"),
}
# A complaint's status ("a complaint that is {status}").
STATUSES: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Messages", "new"),
    "in_progress": QT_TRANSLATE_NOOP("Messages", "in progress"),
    "resolved": QT_TRANSLATE_NOOP("Messages", "resolved"),
    "followed_up": QT_TRANSLATE_NOOP("Messages", "followed up"),
    "closed": QT_TRANSLATE_NOOP("Messages", "closed"),
    "voided": QT_TRANSLATE_NOOP("Messages", "voided"),
}
# A status action as a verb ("cannot {action} a complaint …").
COMPLAINT_ACTIONS: dict[str, str] = {
    "start": QT_TRANSLATE_NOOP("Messages", "start"),
    "resolve": QT_TRANSLATE_NOOP("Messages", "resolve"),
    "follow_up": QT_TRANSLATE_NOOP("Messages", "follow up"),
    "close": QT_TRANSLATE_NOOP("Messages", "close"),
    "reopen": QT_TRANSLATE_NOOP("Messages", "reopen"),
    "void": QT_TRANSLATE_NOOP("Messages", "void"),
}
# The kinds of phrasebook entry.
ENTRY_KINDS: dict[str, str] = {
    "taboo": QT_TRANSLATE_NOOP("Messages", "taboo"),
    "approved": QT_TRANSLATE_NOOP("Messages", "approved"),
}
# Word tables a translation must cover (besides the codes' templates).
WORD_TABLES: tuple[dict[str, str], ...] = (
    ROLE_SUBJECTS,
    ROLE_NAMES,
    ACTIONS,
    STATUSES,
    COMPLAINT_ACTIONS,
    ENTRY_KINDS,
)


def _word(table: dict[str, str], key: str) -> Message:
    return Word(table.get(key, key))


# --- permissions -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionNotAllowed(Message):
    """A role tried something it may not do (``who``: the roles that may)."""

    role: str
    action: str
    who: tuple[str, ...]
    CODE: ClassVar[str] = "roles.not_allowed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{role} may not {action} (ask: {who})")

    def params(self) -> dict[str, Param]:
        return {
            "role": _word(ROLE_SUBJECTS, self.role),
            "action": _word(ACTIONS, self.action),
            "who": tuple(_word(ROLE_NAMES, role) for role in self.who),
        }


@dataclass(frozen=True)
class UnknownRole(Message):
    text: str
    allowed: tuple[str, ...]
    CODE: ClassVar[str] = "roles.unknown"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "unknown role '{text}' (use one of: {allowed})"
    )


@dataclass(frozen=True)
class NoCaller(Message):
    CODE: ClassVar[str] = "complaint.no_caller"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Pick the customer, or type the caller's name or contact."
    )


@dataclass(frozen=True)
class NoCustomerWords(Message):
    CODE: ClassVar[str] = "complaint.no_customer_words"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Write down what happened, in the customer's words."
    )


@dataclass(frozen=True)
class NoCompensationKind(Message):
    CODE: ClassVar[str] = "complaint.no_compensation_kind"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "Say what the compensation was.")


@dataclass(frozen=True)
class NegativeCompensation(Message):
    CODE: ClassVar[str] = "complaint.negative_compensation"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "A compensation amount cannot be negative."
    )


@dataclass(frozen=True)
class NoPromise(Message):
    CODE: ClassVar[str] = "complaint.no_promise"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Not solved on the spot: tell the customer when we will reply."
    )


@dataclass(frozen=True)
class PromiseInPast(Message):
    CODE: ClassVar[str] = "complaint.promise_in_past"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "The reply time must be in the future.")


@dataclass(frozen=True)
class PromiseWithoutZone(Message):
    CODE: ClassVar[str] = "complaint.promise_without_zone"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "The reply time needs a time zone.")


@dataclass(frozen=True)
class NoSuchCustomer(Message):
    customer_id: int
    CODE: ClassVar[str] = "complaint.no_such_customer"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "There is no customer #{customer_id}.")


@dataclass(frozen=True)
class NewComplaintStatus(Message):
    CODE: ClassVar[str] = "complaint.new_status"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "A new complaint is new, or resolved when solved on the spot."
    )


@dataclass(frozen=True)
class VoidedNotEditable(Message):
    CODE: ClassVar[str] = "complaint.voided_not_editable"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "A voided complaint cannot be edited.")


@dataclass(frozen=True)
class VoidWithoutReason(Message):
    CODE: ClassVar[str] = "complaint.void_without_reason"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "Say why the complaint is voided.")


@dataclass(frozen=True)
class FollowUpNeedsSatisfaction(Message):
    CODE: ClassVar[str] = "complaint.follow_up_needs_satisfaction"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Record the follow-up call with the customer's satisfaction."
    )


@dataclass(frozen=True)
class SatisfactionOutOfRange(Message):
    low: int
    high: int
    CODE: ClassVar[str] = "complaint.satisfaction_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "satisfaction must be {low}–{high}")


@dataclass(frozen=True)
class ExtendClosed(Message):
    CODE: ClassVar[str] = "complaint.extend_closed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "only an open complaint's promise can be extended"
    )


@dataclass(frozen=True)
class ExtendWithoutReason(Message):
    CODE: ClassVar[str] = "complaint.extend_without_reason"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "say why the promise is extended (the customer will ask)"
    )


@dataclass(frozen=True)
class ExtendIntoPast(Message):
    CODE: ClassVar[str] = "complaint.extend_into_past"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the new reply time must be in the future"
    )


@dataclass(frozen=True)
class ExtendNotLater(Message):
    CODE: ClassVar[str] = "complaint.extend_not_later"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "an extension must be later than the current promise"
    )


@dataclass(frozen=True)
class TransitionNotAllowed(Message):
    action: str
    status: str
    allowed: tuple[str, ...]
    CODE: ClassVar[str] = "complaint.transition_refused"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "cannot {action} a complaint that is {status} (allowed: {allowed})"
    )

    def params(self) -> dict[str, Param]:
        allowed = tuple(_word(COMPLAINT_ACTIONS, a) for a in self.allowed)
        return {
            "action": _word(COMPLAINT_ACTIONS, self.action),
            "status": _word(STATUSES, self.status),
            "allowed": allowed or Word(NONE),
        }


@dataclass(frozen=True)
class RewordBeforeSaving(Message):
    terms: tuple[str, ...]
    CODE: ClassVar[str] = "complaint.reword"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Reword before saving: {terms} must not be said to a customer."
    )

    def params(self) -> dict[str, Param]:
        return {"terms": tuple(QuotedTerm(term) for term in self.terms)}


@dataclass(frozen=True)
class QuotedTerm(Message):
    term: str
    CODE: ClassVar[str] = "quoted"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", '"{term}"')


# --- customers -------------------------------------------------------------------------


@dataclass(frozen=True)
class NoCustomerName(Message):
    CODE: ClassVar[str] = "customer.no_name"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "Enter the customer's name")


@dataclass(frozen=True)
class NotAnEmail(Message):
    text: str
    CODE: ClassVar[str] = "customer.not_an_email"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "'{text}' is not an email address")


@dataclass(frozen=True)
class NotAPhone(Message):
    numbers: tuple[str, ...]
    CODE: ClassVar[str] = "customer.not_a_phone"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{numbers} is not a phone number in +country form"
    )

    def params(self) -> dict[str, Param]:
        return {"numbers": tuple(Quoted(number) for number in self.numbers)}


@dataclass(frozen=True)
class Quoted(Message):
    """Data quoted as is ('+86 138…'); the same in every language."""

    text: str
    CODE: ClassVar[str] = "data"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "'{text}'")


# --- staff -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoStaffName(Message):
    CODE: ClassVar[str] = "staff.no_name"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "Type the staff member's name.")


@dataclass(frozen=True)
class StaffNameTooLong(Message):
    limit: int
    CODE: ClassVar[str] = "staff.name_too_long"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Keep the name under {limit} characters."
    )


@dataclass(frozen=True)
class ExtensionNotDigits(Message):
    CODE: ClassVar[str] = "staff.extension_not_digits"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "An extension is digits only (e.g. 2041)."
    )


@dataclass(frozen=True)
class QueueNameTooLong(Message):
    limit: int
    CODE: ClassVar[str] = "staff.queue_name_too_long"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Keep each queue name under {limit} characters."
    )


@dataclass(frozen=True)
class FirstAccountAdmin(Message):
    CODE: ClassVar[str] = "staff.first_account_admin"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "the first account must be an admin")


@dataclass(frozen=True)
class PinLength(Message):
    low: int
    high: int
    CODE: ClassVar[str] = "staff.pin_length"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "a PIN has {low}–{high} digits")


@dataclass(frozen=True)
class PinTooSimple(Message):
    CODE: ClassVar[str] = "staff.pin_too_simple"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "choose a PIN that is not a run or repeat of one digit"
    )


@dataclass(frozen=True)
class PasswordTooShort(Message):
    low: int
    CODE: ClassVar[str] = "staff.password_too_short"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "a password has at least {low} characters (or use a 4–8 digit PIN)"
    )


@dataclass(frozen=True)
class PasswordBlank(Message):
    CODE: ClassVar[str] = "staff.password_blank"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "a password cannot be only spaces")


# --- phrasebook: naming entries, and the validator's problems --------------------------------


@dataclass(frozen=True)
class EntryNumber(Message):
    """A stored entry, by id."""

    id: int
    CODE: ClassVar[str] = "phrasebook.entry"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "entry #{id}")


@dataclass(frozen=True)
class EntryPosition(Message):
    """An entry not stored yet, by its 1-based position in what is checked."""

    position: int
    CODE: ClassVar[str] = "phrasebook.entry_position"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "entry {position}")


@dataclass(frozen=True)
class NewEntry(Message):
    CODE: ClassVar[str] = "phrasebook.new_entry"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "the new entry")


@dataclass(frozen=True)
class FileLine(Message):
    """An entry read from a file, by the line it starts on."""

    line: int
    CODE: ClassVar[str] = "phrasebook.line"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "line {line}")


@dataclass(frozen=True)
class AboutEntry(Message):
    """A problem of one entry: ``entry: what``; a form showing that entry says ``what``."""

    entry: Message
    what: Message
    CODE: ClassVar[str] = "phrasebook.about_entry"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{entry}: {what}")


@dataclass(frozen=True)
class EmptyText(Message):
    kind: str
    CODE: ClassVar[str] = "phrasebook.empty_text"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "the {kind} text is empty.")

    def params(self) -> dict[str, Param]:
        return {"kind": _word(ENTRY_KINDS, self.kind)}


@dataclass(frozen=True)
class MissingSeverity(Message):
    term: str
    CODE: ClassVar[str] = "phrasebook.missing_severity"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "taboo term '{term}' has no severity (block, warn or hint)."
    )


@dataclass(frozen=True)
class ExceptionWithoutTerm(Message):
    exception: str
    term: str
    CODE: ClassVar[str] = "phrasebook.exception_without_term"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "exception '{exception}' does not contain the term '{term}', so it never applies.",
    )


@dataclass(frozen=True)
class ReplacementWithSeparator(Message):
    item: str
    CODE: ClassVar[str] = "phrasebook.replacement_separator"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "replacement '{item}' contains '|', which separates replacements in phrasebook files.",
    )


@dataclass(frozen=True)
class ExceptionWithSeparator(Message):
    item: str
    CODE: ClassVar[str] = "phrasebook.exception_separator"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "exception '{item}' contains '|', which separates exceptions in phrasebook files.",
    )


@dataclass(frozen=True)
class ReplacementIsTaboo(Message):
    replacement: str
    term: str
    taboo: str
    other: Message
    CODE: ClassVar[str] = "phrasebook.replacement_is_taboo"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "replacement '{replacement}' for '{term}' is itself flagged by taboo term '{taboo}' "
        "({other}).",
    )


@dataclass(frozen=True)
class MissingSituation(Message):
    text: str
    CODE: ClassVar[str] = "phrasebook.missing_situation"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "approved phrase '{text}' has no situation."
    )


@dataclass(frozen=True)
class TabooIsApproved(Message):
    term: str
    other: Message
    CODE: ClassVar[str] = "phrasebook.taboo_is_approved"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "taboo term '{term}' is also an approved phrase ({other})."
    )


@dataclass(frozen=True)
class ApprovedIsFlagged(Message):
    text: str
    term: str
    other: Message
    CODE: ClassVar[str] = "phrasebook.approved_is_flagged"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "approved phrase '{text}' would be flagged: it contains taboo term '{term}' ({other}).",
    )


@dataclass(frozen=True)
class DuplicateTaboo(Message):
    term: str
    entries: tuple[Message, ...]
    CODE: ClassVar[str] = "phrasebook.duplicate_taboo"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "Duplicate taboo term '{term}': {entries} are the same after ignoring case, width, "
        "spacing and Simplified/Traditional.",
    )


@dataclass(frozen=True)
class DuplicateApproved(Message):
    text: str
    entries: tuple[Message, ...]
    CODE: ClassVar[str] = "phrasebook.duplicate_approved"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "Duplicate approved phrase '{text}': {entries} are the same after ignoring case, "
        "width and spacing.",
    )


# --- the loyalty rule in words -----------------------------------------------------------


@dataclass(frozen=True)
class Ordinal(Message):
    """10th, 21st, 2nd, 3rd: English picks the suffix, Chinese writes 第10."""

    n: int
    CODE: ClassVar[str] = "ordinal"

    @property
    def template(self) -> str:
        if 11 <= abs(self.n) % 100 <= 13:
            return ORDINALS[0]
        return ORDINALS[{1: 1, 2: 2, 3: 3}.get(abs(self.n) % 10, 0)]


ORDINALS = (
    QT_TRANSLATE_NOOP("Messages", "{n}th"),
    QT_TRANSLATE_NOOP("Messages", "{n}st"),
    QT_TRANSLATE_NOOP("Messages", "{n}nd"),
    QT_TRANSLATE_NOOP("Messages", "{n}rd"),
)
ANY_ITEM = QT_TRANSLATE_NOOP("Messages", "item")


@dataclass(frozen=True)
class LoyaltyFree(Message):
    """The stamp card: every n-th item of a category is free (the category is the
    store's data)."""

    every: int
    category: str
    CODE: ClassVar[str] = "loyalty.free"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "every {nth} {noun} free")

    def params(self) -> dict[str, Param]:
        return {"nth": Ordinal(self.every), "noun": self.category or Word(ANY_ITEM)}


@dataclass(frozen=True)
class LoyaltyEarns(Message):
    """The stamp card: every n-th item earns a reward (both the store's data)."""

    every: int
    category: str
    reward: str
    CODE: ClassVar[str] = "loyalty.earns"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "every {nth} {noun} earns {reward}")

    def params(self) -> dict[str, Param]:
        noun = self.category or Word(ANY_ITEM)
        return {"nth": Ordinal(self.every), "noun": noun, "reward": self.reward}


# --- a customer's open complaint, and the notes the services write into its history --------


@dataclass(frozen=True)
class PromisedAnswer(Message):
    """An open complaint's summary (the customer's words) and the time we promised."""

    summary: str
    due: dt.datetime
    CODE: ClassVar[str] = "complaint.promised_answer"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{summary} — we promised an answer by {due}"
    )


@dataclass(frozen=True)
class NoteReceived(Message):
    CODE: ClassVar[str] = "history.received"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "received")


@dataclass(frozen=True)
class NoteSolvedOnTheSpot(Message):
    CODE: ClassVar[str] = "history.solved_on_the_spot"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "solved on the spot")


@dataclass(frozen=True)
class NotePromised(Message):
    CODE: ClassVar[str] = "history.promised"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "promised")


@dataclass(frozen=True)
class NoteDissatisfied(Message):
    CODE: ClassVar[str] = "history.dissatisfied"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "dissatisfied at follow-up")


@dataclass(frozen=True)
class NoteLinked(Message):
    customer_id: int
    CODE: ClassVar[str] = "history.linked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "linked to customer #{customer_id}")


_LINKED = re.compile(r"linked to customer #(\d+)")


def history_note(note: str) -> Message | None:
    """The message a note in a complaint's history was written from, when the services
    wrote it (they store its English words, as older records have them); None for a note
    a person typed."""
    for cls in (NoteReceived, NoteSolvedOnTheSpot, NotePromised, NoteDissatisfied):
        if note == cls.TEMPLATE:
            return cls()
    if linked := _LINKED.fullmatch(note):
        return NoteLinked(int(linked[1]))
    return None


# Marked texts that are no code's template (a translation must cover them too).
MARKED_TEXTS: tuple[str, ...] = (LIST_SEPARATOR, SEPARATOR, NONE, *ORDINALS, ANY_ITEM)


# --- the audit trail's details ---------------------------------------------------------------
# The services record a detail's English words (the trail is a permanent record, and older
# entries have them); :func:`console.domain.audit_words.audit_detail` finds the message
# they were written from, so the audit window shows them in the reader's language.

SCOPES: dict[str, str] = {
    "console": QT_TRANSLATE_NOOP("Messages", "console"),
    "store": QT_TRANSLATE_NOOP("Messages", "store"),
    "organisation": QT_TRANSLATE_NOOP("Messages", "organisation"),
    "person": QT_TRANSLATE_NOOP("Messages", "person"),
}
WORD_TABLES = (*WORD_TABLES, SCOPES)


@dataclass(frozen=True)
class SettingScope(Message):
    scope: str
    CODE: ClassVar[str] = "audit.setting_scope"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "scope: {scope}")

    def params(self) -> dict[str, Param]:
        return {"scope": _word(SCOPES, self.scope)}


@dataclass(frozen=True)
class RewardGiven(Message):
    CODE: ClassVar[str] = "audit.reward_given"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "reward given")


@dataclass(frozen=True)
class MergedInto(Message):
    keep: int
    CODE: ClassVar[str] = "audit.merged_into"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "merged into #{keep}")


@dataclass(frozen=True)
class MergedFrom(Message):
    other: int
    keep: int
    CODE: ClassVar[str] = "audit.merged_from"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "#{other} merged into #{keep}")


@dataclass(frozen=True)
class CustomerExported(Message):
    CODE: ClassVar[str] = "audit.customer_exported"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "everything about the customer (JSON)")


EXPORTED_ONE = QT_TRANSLATE_NOOP("Messages", "{count} entry as CSV")


@dataclass(frozen=True)
class AuditExported(Message):
    count: int
    CODE: ClassVar[str] = "audit.exported"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{count} entries as CSV")

    @property
    def template(self) -> str:
        return EXPORTED_ONE if self.count == 1 else self.TEMPLATE


# --- signing in ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NoSuchAccount(Message):
    CODE: ClassVar[str] = "staff.sign_in_refused"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "That name and PIN do not match an account."
    )


@dataclass(frozen=True)
class AccountSwitchedOff(Message):
    CODE: ClassVar[str] = "staff.account_switched_off"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "This account is switched off; ask an admin."
    )


LOCKED_ONE = QT_TRANSLATE_NOOP(
    "Messages", "Too many wrong PINs: this account is locked for {minutes} more minute."
)


@dataclass(frozen=True)
class AccountLocked(Message):
    """Locked after wrong PINs, for *minutes* more (English says "minute" for one)."""

    minutes: int
    CODE: ClassVar[str] = "staff.account_locked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "Too many wrong PINs: this account is locked for {minutes} more minutes."
    )

    @property
    def template(self) -> str:
        return LOCKED_ONE if self.minutes == 1 else self.TEMPLATE


MARKED_TEXTS = (*MARKED_TEXTS, LOCKED_ONE, EXPORTED_ONE)


# Why a sign-in failed, as storage records it in the audit trail.
@dataclass(frozen=True)
class AttemptWrong(Message):
    CODE: ClassVar[str] = "audit.sign_in_wrong"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "wrong")


@dataclass(frozen=True)
class AttemptInactive(Message):
    CODE: ClassVar[str] = "audit.sign_in_inactive"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "inactive")


@dataclass(frozen=True)
class AttemptLocked(Message):
    CODE: ClassVar[str] = "audit.sign_in_locked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "locked")


@dataclass(frozen=True)
class LockedAfterWrongPins(Message):
    CODE: ClassVar[str] = "audit.locked_after_wrong_pins"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "too many wrong PINs")


# --- purchases -----------------------------------------------------------------------------

AN_ITEM = QT_TRANSLATE_NOOP("Messages", "an item")
MARKED_TEXTS = (*MARKED_TEXTS, AN_ITEM)


@dataclass(frozen=True)
class NoItems(Message):
    CODE: ClassVar[str] = "purchase.no_items"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "Add at least one item")


@dataclass(frozen=True)
class ItemWithoutName(Message):
    CODE: ClassVar[str] = "purchase.item_without_name"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "Every item needs a name")


def _item(name: str) -> Param:
    return name or Word(AN_ITEM)


@dataclass(frozen=True)
class QuantityTooSmall(Message):
    name: str
    CODE: ClassVar[str] = "purchase.quantity_too_small"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{name}: quantity must be at least 1")

    def params(self) -> dict[str, Param]:
        return {"name": _item(self.name)}


@dataclass(frozen=True)
class QuantityTooLarge(Message):
    """*quantity* and *limit* as written for any reader (``100,001``)."""

    name: str
    quantity: str
    limit: str
    CODE: ClassVar[str] = "purchase.quantity_too_large"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{name}: quantity {quantity} is more than {limit}"
    )

    def params(self) -> dict[str, Param]:
        return {"name": _item(self.name), "quantity": self.quantity, "limit": self.limit}


@dataclass(frozen=True)
class NegativePrice(Message):
    name: str
    CODE: ClassVar[str] = "purchase.negative_price"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{name}: price cannot be negative")

    def params(self) -> dict[str, Param]:
        return {"name": _item(self.name)}


@dataclass(frozen=True)
class PriceTooHigh(Message):
    """*price* and *limit* as locale-neutral money text (``CNY 1,234.50``)."""

    name: str
    price: str
    limit: str
    CODE: ClassVar[str] = "purchase.price_too_high"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{name}: price {price} is more than {limit}"
    )

    def params(self) -> dict[str, Param]:
        return {"name": _item(self.name), "price": self.price, "limit": self.limit}


@dataclass(frozen=True)
class TotalTooHigh(Message):
    total: str
    limit: str
    CODE: ClassVar[str] = "purchase.total_too_high"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the purchase total {total} is more than {limit}"
    )


# --- calls ---------------------------------------------------------------------------------

WITHHELD_NUMBER = QT_TRANSLATE_NOOP("Messages", "a withheld number")
MARKED_TEXTS = (*MARKED_TEXTS, WITHHELD_NUMBER)


@dataclass(frozen=True)
class CallGone(Message):
    CODE: ClassVar[str] = "calls.gone"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "this call is no longer in the log")


@dataclass(frozen=True)
class CallerNotAPhone(Message):
    """The caller's number (empty when withheld) cannot be kept as a phone number."""

    number: str
    CODE: ClassVar[str] = "calls.not_a_phone"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{number} is not a phone number")

    def params(self) -> dict[str, Param]:
        return {"number": self.number or Word(WITHHELD_NUMBER)}


@dataclass(frozen=True)
class CustomerGone(Message):
    customer_id: int
    CODE: ClassVar[str] = "calls.customer_gone"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "customer #{customer_id} no longer exists"
    )


@dataclass(frozen=True)
class StaffNameInUse(Message):
    name: str
    CODE: ClassVar[str] = "staff.name_in_use"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "there is already a staff member called '{name}'"
    )


# --- reading a phrasebook file: why a row is bad ------------------------------------------
# Column names, the values a column takes and the file's own text are parameters (data).


@dataclass(frozen=True)
class RowReasons(Message):
    """Everything wrong with one row, said at once ("; " in English)."""

    reasons: tuple[Message, ...]
    CODE: ClassVar[str] = "phrasebook_file.reasons"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{reasons}")
    JOIN: ClassVar[str] = SEPARATOR


@dataclass(frozen=True)
class FileNotUtf8(Message):
    CODE: ClassVar[str] = "phrasebook_file.not_text"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the file is not UTF-8 text (save it as “CSV UTF-8” or JSON)"
    )


@dataclass(frozen=True)
class BrokenCsvRow(Message):
    """``detail`` is the CSV reader's own (English) words."""

    detail: str
    CODE: ClassVar[str] = "phrasebook_file.broken_csv"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "broken CSV ({detail}); check the quotes on this row"
    )


@dataclass(frozen=True)
class CellCount(Message):
    expected: int
    found: int
    CODE: ClassVar[str] = "phrasebook_file.cell_count"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "expected {expected} cells, found {found}"
    )


@dataclass(frozen=True)
class NotTrueOrFalse(Message):
    """``value`` is the cell as written, quoted (``'maybe'``)."""

    field: str
    yes: str
    no: str
    value: str
    CODE: ClassVar[str] = "phrasebook_file.not_true_or_false"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{field} must be {yes} or {no}, not {value}"
    )


@dataclass(frozen=True)
class NotABoolean(Message):
    field: str
    yes: str
    no: str
    CODE: ClassVar[str] = "phrasebook_file.not_a_boolean"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{field} must be {yes} or {no}")


@dataclass(frozen=True)
class FileEmpty(Message):
    header: str
    CODE: ClassVar[str] = "phrasebook_file.empty"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the file is empty (expected the header {header})"
    )


@dataclass(frozen=True)
class WrongHeader(Message):
    header: str
    optional: str
    found: str
    CODE: ClassVar[str] = "phrasebook_file.wrong_header"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the header must be {header} (optionally followed by {optional}), found {found}"
    )


@dataclass(frozen=True)
class JsonNotAList(Message):
    CODE: ClassVar[str] = "phrasebook_file.json_not_a_list"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "a JSON phrasebook must be a list of objects"
    )


# What is broken in a JSON file, besides the JSON reader's own (English) words.
JSON_EXPECTED_COMMA = QT_TRANSLATE_NOOP("Messages", "expected ',' or ']'")
JSON_TOO_DEEP = QT_TRANSLATE_NOOP("Messages", "nested too deeply")
JSON_TEXT_AFTER = QT_TRANSLATE_NOOP("Messages", "unexpected text after the list")
MARKED_TEXTS = (*MARKED_TEXTS, JSON_EXPECTED_COMMA, JSON_TOO_DEEP, JSON_TEXT_AFTER)


@dataclass(frozen=True)
class BrokenJson(Message):
    """``detail`` is a :class:`Word` (one of the texts above) or the JSON reader's words."""

    detail: Param
    CODE: ClassVar[str] = "phrasebook_file.broken_json"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "broken JSON: {detail}")


@dataclass(frozen=True)
class LoneSurrogate(Message):
    span: str
    CODE: ClassVar[str] = "phrasebook_file.lone_surrogate"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "holds a lone surrogate ({span}), not text"
    )


@dataclass(frozen=True)
class ItemNotAnObject(Message):
    CODE: ClassVar[str] = "phrasebook_file.not_an_object"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "each item must be an object with the phrasebook fields"
    )


@dataclass(frozen=True)
class UnknownFields(Message):
    """``names`` are the fields as written, quoted (``'colour'``)."""

    names: tuple[str, ...]
    CODE: ClassVar[str] = "phrasebook_file.unknown_fields"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "unknown field(s) {names}")


@dataclass(frozen=True)
class NotAString(Message):
    field: str
    CODE: ClassVar[str] = "phrasebook_file.not_a_string"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{field} must be a string")


@dataclass(frozen=True)
class NotAStringList(Message):
    field: str
    CODE: ClassVar[str] = "phrasebook_file.not_a_string_list"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{field} must be a list of strings")


@dataclass(frozen=True)
class ItemHoldsSeparator(Message):
    """``item`` is quoted (``'a|b'``)."""

    field: str
    item: str
    separator: str
    CODE: ClassVar[str] = "phrasebook_file.item_separator"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{field} item {item} contains '{separator}', which CSV files cannot hold"
    )


@dataclass(frozen=True)
class FieldEmpty(Message):
    field: str
    CODE: ClassVar[str] = "phrasebook_file.field_empty"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{field} is empty")


@dataclass(frozen=True)
class FieldEmptyUse(Message):
    """An empty column that takes one of some values (``some`` and then ``last``)."""

    field: str
    some: tuple[str, ...]
    last: str
    CODE: ClassVar[str] = "phrasebook_file.field_empty_use"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{field} is empty (use {some} or {last})"
    )


@dataclass(frozen=True)
class TabooRowNeeds(Message):
    field: str
    some: tuple[str, ...]
    last: str
    CODE: ClassVar[str] = "phrasebook_file.taboo_row_needs"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "a taboo row needs a {field} ({some} or {last})"
    )


@dataclass(frozen=True)
class ApprovedRowNeeds(Message):
    field: str
    allowed: tuple[str, ...]
    CODE: ClassVar[str] = "phrasebook_file.approved_row_needs"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "an approved row needs a {field} ({allowed})"
    )


@dataclass(frozen=True)
class OnlyForApprovedRows(Message):
    field: str
    CODE: ClassVar[str] = "phrasebook_file.only_approved"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{field} is only for approved rows")


@dataclass(frozen=True)
class OnlyForTabooRows(Message):
    field: str
    CODE: ClassVar[str] = "phrasebook_file.only_taboo"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{field} is only for taboo rows")


@dataclass(frozen=True)
class AllOnlyForTabooRows(Message):
    """The same for a column that names several things ("replacements are …")."""

    field: str
    CODE: ClassVar[str] = "phrasebook_file.all_only_taboo"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{field} are only for taboo rows")


@dataclass(frozen=True)
class UnknownValue(Message):
    """A value a column does not take; ``text`` is quoted as written (``'x'``)."""

    what: str
    text: str
    allowed: tuple[str, ...]
    CODE: ClassVar[str] = "phrasebook_file.unknown_value"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "unknown {what} {text} (use one of: {allowed})"
    )


# --- importing customers and purchases from CSV: why a row (or the file) is refused -------
# Column names and the cells as written (quoted) are parameters (data).


@dataclass(frozen=True)
class LineColumn(Message):
    line: int
    column: str
    CODE: ClassVar[str] = "csv.line_column"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "line {line}, column {column}")


@dataclass(frozen=True)
class Untranslated(Message):
    """Words that have no code yet (a parser's own English), passed on as they are."""

    text: str
    CODE: ClassVar[str] = "untranslated"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{text}")


@dataclass(frozen=True)
class ByteNotUtf8(Message):
    byte: str
    CODE: ClassVar[str] = "csv.byte_not_text"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "byte {byte} is not UTF-8; save the file as UTF-8 (in Excel: 'CSV UTF-8')"
    )


@dataclass(frozen=True)
class CsvFileNotUtf8(Message):
    CODE: ClassVar[str] = "csv.file_not_text"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the file is not UTF-8; save the file as UTF-8 (in Excel: 'CSV UTF-8')"
    )


@dataclass(frozen=True)
class CellTooLong(Message):
    limit: int
    CODE: ClassVar[str] = "csv.cell_too_long"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "a cell is longer than {limit} characters (is a closing quote missing?)"
    )


@dataclass(frozen=True)
class QuoteNeverClosed(Message):
    CODE: ClassVar[str] = "csv.quote_never_closed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "a quoted cell that starts in this record is never closed"
    )


@dataclass(frozen=True)
class BrokenQuoting(Message):
    """``detail`` is the CSV reader's own (English) words."""

    detail: str
    CODE: ClassVar[str] = "csv.broken_quoting"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "broken quoting in this record ({detail}); double a quote inside a cell"
    )


@dataclass(frozen=True)
class TooManyColumns(Message):
    count: int
    most: int
    CODE: ClassVar[str] = "csv.too_many_columns"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "too many columns: {count}; at most {most}"
    )


@dataclass(frozen=True)
class UnknownColumn(Message):
    name: str
    allowed: tuple[str, ...]
    CODE: ClassVar[str] = "csv.unknown_column"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "unknown column {name} (allowed columns: {allowed})"
    )


@dataclass(frozen=True)
class ColumnTwice(Message):
    name: str
    CODE: ClassVar[str] = "csv.column_twice"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "column {name} appears twice")


@dataclass(frozen=True)
class MissingColumn(Message):
    name: str
    allowed: tuple[str, ...]
    CODE: ClassVar[str] = "csv.missing_column"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the header has no {name} column (allowed columns: {allowed})"
    )


@dataclass(frozen=True)
class NoCustomerHeader(Message):
    CODE: ClassVar[str] = "csv.no_customer_header"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the file is empty; expected a header row of customer columns"
    )


@dataclass(frozen=True)
class NoPurchaseHeader(Message):
    CODE: ClassVar[str] = "csv.no_purchase_header"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the file is empty; expected a header row of purchase columns"
    )


@dataclass(frozen=True)
class RecordCells(Message):
    cells: int
    header: int
    CODE: ClassVar[str] = "csv.record_cells"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the record has {cells} cells but the header has {header}"
    )


@dataclass(frozen=True)
class UnnamedCell(Message):
    position: int
    CODE: ClassVar[str] = "csv.unnamed_cell"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "cell {position} has a value but its column has no header"
    )


@dataclass(frozen=True)
class PhoneUsedOnLine(Message):
    phone: str
    first: int
    CODE: ClassVar[str] = "csv.phone_used"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "phone {phone} is already used on line {first}"
    )


@dataclass(frozen=True)
class PhoneTwiceInCell(Message):
    phone: str
    CODE: ClassVar[str] = "csv.phone_twice"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "phone {phone} is listed twice in this cell"
    )


@dataclass(frozen=True)
class NotAValidEmail(Message):
    """``text`` is quoted as written (``'bad-email'``)."""

    text: str
    CODE: ClassVar[str] = "csv.not_an_email"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{text} is not a valid email address")


@dataclass(frozen=True)
class EmailUsedOnLine(Message):
    email: str
    first: int
    CODE: ClassVar[str] = "csv.email_used"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "email {email} is already used on line {first}"
    )


@dataclass(frozen=True)
class MemberNoUsedOnLine(Message):
    member_no: str
    first: int
    CODE: ClassVar[str] = "csv.member_no_used"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "member number {member_no} is already used on line {first}"
    )


@dataclass(frozen=True)
class HeaderNeedsWho(Message):
    member: str
    phone: str
    CODE: ClassVar[str] = "csv.header_needs_who"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the header needs a {member} or a {phone} column to find the customer"
    )


@dataclass(frozen=True)
class RowNeedsWho(Message):
    CODE: ClassVar[str] = "csv.row_needs_who"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the row needs a member number or a phone number"
    )


@dataclass(frozen=True)
class LineTotalTooHigh(Message):
    most: str
    CODE: ClassVar[str] = "csv.line_total_too_high"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "quantity × price is more than {most}")


@dataclass(frozen=True)
class AlreadyBelongs(Message):
    value: str
    name: str
    customer_id: int
    CODE: ClassVar[str] = "csv.already_belongs"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{value} already belongs to {name} (#{customer_id})"
    )


@dataclass(frozen=True)
class NoCustomerWithMember(Message):
    member_no: str
    CODE: ClassVar[str] = "csv.no_customer_member"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "no customer with member {member_no}")


@dataclass(frozen=True)
class NoCustomerWithPhone(Message):
    phone: str
    CODE: ClassVar[str] = "csv.no_customer_phone"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "no customer with phone {phone}")


def reason_of(error: BaseException) -> Message:
    """What *error* says as a message: its code when it carries one, else its own words."""
    message = getattr(error, "message", None)
    return message if isinstance(message, Message) else Untranslated(str(error))


@dataclass(frozen=True)
class NotADate(Message):
    """``text`` is quoted as written; ``some`` and ``last`` are the accepted forms."""

    text: str
    some: tuple[str, ...]
    last: str
    CODE: ClassVar[str] = "csv.not_a_date"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not a date (use {some} or {last})"
    )


@dataclass(frozen=True)
class NotARealDate(Message):
    """``detail`` is Python's own (English) words."""

    text: str
    detail: str
    CODE: ClassVar[str] = "csv.not_a_real_date"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not a real date and time ({detail})"
    )


@dataclass(frozen=True)
class QuantityNotPositive(Message):
    text: str
    CODE: ClassVar[str] = "csv.quantity_not_positive"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "quantity {text} is not a positive whole number"
    )


@dataclass(frozen=True)
class QuantityMoreThan(Message):
    text: str
    most: str
    CODE: ClassVar[str] = "csv.quantity_more_than"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "quantity {text} is more than {most}")


@dataclass(frozen=True)
class NotMoney(Message):
    text: str
    example: str
    CODE: ClassVar[str] = "csv.not_money"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not an amount of money (write for example {example})"
    )


@dataclass(frozen=True)
class PriceMoreThan(Message):
    """``text`` is the price as written (its start, with an ellipsis, when it is long)."""

    text: str
    most: str
    CODE: ClassVar[str] = "csv.price_more_than"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "price {text} is more than {most}")


@dataclass(frozen=True)
class PricePerUnitMoreThan(Message):
    text: str
    most: str
    CODE: ClassVar[str] = "csv.price_per_unit_more_than"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "price {text} is more than {most} per unit"
    )


@dataclass(frozen=True)
class PriceNegative(Message):
    text: str
    CODE: ClassVar[str] = "csv.price_negative"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "price {text} is negative")


@dataclass(frozen=True)
class NotACurrency(Message):
    text: str
    example: str
    CODE: ClassVar[str] = "csv.not_a_currency"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "currency {text} is not a three-letter code such as {example}"
    )


# --- privacy ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureWithoutReason(Message):
    CODE: ClassVar[str] = "privacy.erasure_without_reason"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "say why the customer is erased (e.g. 'customer asked')"
    )


# --- backups and restores: why a copy was not made, or a file not restored ------------------
# Paths are parameters (data); so are a driver's or the system's own (English) words.


@dataclass(frozen=True)
class BackupTargetNotAFile(Message):
    target: str
    CODE: ClassVar[str] = "backup.target_not_a_file"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{target} is a folder or a device, not a file a backup can replace"
    )


@dataclass(frozen=True)
class BackupCopyUnsound(Message):
    target: str
    CODE: ClassVar[str] = "backup.copy_unsound"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the backup copy failed its integrity check, so {target} was not written; "
        "the database itself may be damaged (details in the log)",
    )


@dataclass(frozen=True)
class BackupDiskFull(Message):
    folder: str
    CODE: ClassVar[str] = "backup.disk_full"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the disk holding {folder} is full, so the backup was not written; "
        "free some space (or choose another backup folder) and try again",
    )


@dataclass(frozen=True)
class BackupSourceDamaged(Message):
    target: str
    CODE: ClassVar[str] = "backup.source_damaged"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the database is damaged, so no sound backup could be written to {target} "
        "(details in the log)",
    )


@dataclass(frozen=True)
class BackupFailedBecause(Message):
    target: str
    detail: str
    CODE: ClassVar[str] = "backup.failed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the backup to {target} failed: {detail}"
    )


@dataclass(frozen=True)
class BackupNotWritten(Message):
    target: str
    detail: str
    CODE: ClassVar[str] = "backup.not_written"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the backup to {target} could not be written: {detail}"
    )


@dataclass(frozen=True)
class RestoreNotAFile(Message):
    path: str
    CODE: ClassVar[str] = "restore.not_a_file"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{path} is not a file")


@dataclass(frozen=True)
class RestoreNotSqliteOrKey(Message):
    path: str
    CODE: ClassVar[str] = "restore.not_sqlite_or_key"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is not a Service Console backup (not an SQLite file), or it is "
        "encrypted with a key this database does not have; nothing changed",
    )


@dataclass(frozen=True)
class RestoreOtherKey(Message):
    path: str
    CODE: ClassVar[str] = "restore.other_key"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} is encrypted with another key (or is not a backup); nothing changed"
    )


@dataclass(frozen=True)
class RestoreCutShort(Message):
    path: str
    CODE: ClassVar[str] = "restore.cut_short"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is damaged or cut short (details in the log); choose another "
        "backup — nothing changed",
    )


@dataclass(frozen=True)
class RestoreNotOpened(Message):
    """Also any database file the driver could not open (``detail``: the driver's words)."""

    path: str
    detail: str
    CODE: ClassVar[str] = "restore.not_opened"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{path} could not be opened: {detail}")


@dataclass(frozen=True)
class RestoreDamaged(Message):
    path: str
    CODE: ClassVar[str] = "restore.damaged"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is damaged (details in the log); choose another backup — nothing changed",
    )


@dataclass(frozen=True)
class RestoreNotOurs(Message):
    path: str
    CODE: ClassVar[str] = "restore.not_ours"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a Service Console backup; nothing changed"
    )


@dataclass(frozen=True)
class RestoreNotADatabase(Message):
    path: str
    CODE: ClassVar[str] = "restore.not_a_database"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is damaged or not a database (details in the log); choose another "
        "backup — nothing changed",
    )


@dataclass(frozen=True)
class RestoreTooNew(Message):
    path: str
    schema: int
    CODE: ClassVar[str] = "restore.too_new"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was written by a newer version of Service Console (schema {schema}); "
        "update the app first — nothing changed",
    )


@dataclass(frozen=True)
class RestoreForeign(Message):
    path: str
    CODE: ClassVar[str] = "restore.foreign"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} belongs to another program; nothing changed"
    )


@dataclass(frozen=True)
class RestorePlainIntoEncrypted(Message):
    backup: str
    CODE: ClassVar[str] = "restore.plain_into_encrypted"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{backup} is plain but the database is encrypted; nothing changed"
    )


@dataclass(frozen=True)
class RestoreEncryptedIntoPlain(Message):
    backup: str
    CODE: ClassVar[str] = "restore.encrypted_into_plain"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{backup} is encrypted but the database is plain; nothing changed"
    )


# --- phone numbers, birthdays, tiers and money as written (a CSV cell, a form field) ------
# ``text`` is the value as written, quoted (``repr``); region codes and tiers are data.


@dataclass(frozen=True)
class PhoneEmpty(Message):
    CODE: ClassVar[str] = "phone.empty"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "phone number is empty")


@dataclass(frozen=True)
class NotAPhoneNumber(Message):
    text: str
    CODE: ClassVar[str] = "phone.not_a_number"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{text} is not a phone number")


@dataclass(frozen=True)
class PhoneNotValidInRegion(Message):
    text: str
    region: str
    CODE: ClassVar[str] = "phone.not_valid_in_region"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not a valid phone number for region {region}"
    )


@dataclass(frozen=True)
class MonthOutOfRange(Message):
    month: int
    CODE: ClassVar[str] = "date.month_out_of_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "month {month} is not between 1 and 12")


@dataclass(frozen=True)
class YearOutOfRange(Message):
    year: int
    CODE: ClassVar[str] = "date.year_out_of_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "year {year} is out of range")


@dataclass(frozen=True)
class NoSuchDay(Message):
    """``date`` is ``YYYY-MM-DD`` or ``--MM-DD`` (a day the calendar does not have)."""

    date: str
    CODE: ClassVar[str] = "date.no_such_day"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{date} is not a date")


@dataclass(frozen=True)
class NotABirthday(Message):
    """``full`` and ``partial`` are the accepted forms (``YYYY-MM-DD``, ``--MM-DD``)."""

    text: str
    full: str
    partial: str
    CODE: ClassVar[str] = "date.not_a_birthday"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not a date (use {full}, or {partial} if the year is unknown)"
    )


@dataclass(frozen=True)
class UnknownTier(Message):
    text: str
    allowed: tuple[str, ...]
    CODE: ClassVar[str] = "tier.unknown"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "unknown tier {text} (use one of: {allowed})"
    )


@dataclass(frozen=True)
class PriceEmpty(Message):
    CODE: ClassVar[str] = "money.price_empty"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "price is empty")


@dataclass(frozen=True)
class NotAnAmount(Message):
    text: str
    CODE: ClassVar[str] = "money.not_an_amount"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{text} is not an amount of money")


@dataclass(frozen=True)
class TooManyDecimals(Message):
    text: str
    CODE: ClassVar[str] = "money.too_many_decimals"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not an amount of money (at most 2 decimals)"
    )


# --- the command line's own summaries (after an import's row errors) -----------------------
# Counts are data (``count`` already grouped as "1,234" where the English groups it); the
# English keeps its "(s)" so scripts that read it see the same words as before.


@dataclass(frozen=True)
class NotAFileToRead(Message):
    path: str
    CODE: ClassVar[str] = "cli.not_a_file"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} does not exist or is not a file"
    )


@dataclass(frozen=True)
class ImportRejected(Message):
    """``option`` is the command line's option that imports the good rows anyway."""

    count: int
    option: str
    CODE: ClassVar[str] = "cli.import_rejected"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{count} bad row(s); nothing was imported (fix them, or use {option} to import "
        "the good rows)",
    )


@dataclass(frozen=True)
class ImportedCustomers(Message):
    count: str
    bad: int
    CODE: ClassVar[str] = "cli.imported_customers"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "imported {count} customers; skipped {bad} bad row(s)"
    )


@dataclass(frozen=True)
class ImportedPurchases(Message):
    count: str
    bad: int
    CODE: ClassVar[str] = "cli.imported_purchases"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "imported {count} purchases; skipped {bad} bad row(s)"
    )


@dataclass(frozen=True)
class WouldImportCustomers(Message):
    count: str
    bad: int
    CODE: ClassVar[str] = "cli.would_import_customers"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "would import {count} customers; skipped {bad} bad row(s)"
    )


@dataclass(frozen=True)
class WouldImportPurchases(Message):
    count: str
    bad: int
    CODE: ClassVar[str] = "cli.would_import_purchases"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "would import {count} purchases; skipped {bad} bad row(s)"
    )


@dataclass(frozen=True)
class BadRowsNothingImported(Message):
    count: int
    CODE: ClassVar[str] = "cli.bad_rows"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{count} bad row(s); nothing was imported"
    )


@dataclass(frozen=True)
class ProblemsNothingImported(Message):
    count: int
    CODE: ClassVar[str] = "cli.problems"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{count} problem(s); nothing was imported"
    )


# --- phrasebook files: which format, and what a file cannot hold -------------------------
# The formats' names and extensions are parameters (what the reader types).


@dataclass(frozen=True)
class UnknownPhrasebookFormat(Message):
    text: str
    csv: str
    json: str
    CODE: ClassVar[str] = "phrasebook_file.unknown_format"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "unknown phrasebook format {text} (use {csv} or {json})"
    )


@dataclass(frozen=True)
class NoExtension(Message):
    path: str
    csv: str
    json: str
    CODE: ClassVar[str] = "phrasebook_file.no_extension"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} has no extension; use {csv} or {json}"
    )


@dataclass(frozen=True)
class EntryItemHoldsSeparator(Message):
    """``text`` and ``item`` are quoted; ``field`` is the column (replacement, exception)."""

    number: int
    text: str
    field: str
    item: str
    separator: str
    CODE: ClassVar[str] = "phrasebook_file.entry_item_separator"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "entry {number} ({text}): {field} {item} contains '{separator}'"
    )


@dataclass(frozen=True)
class CannotWritePhrasebook(Message):
    problems: tuple[Message, ...]
    CODE: ClassVar[str] = "phrasebook_file.cannot_write"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "cannot write the phrasebook: {problems}"
    )
    JOIN: ClassVar[str] = SEPARATOR


@dataclass(frozen=True)
class RestoreFailed(Message):
    """``detail`` is the driver's own (English) words."""

    live: str
    detail: str
    CODE: ClassVar[str] = "restore.failed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the restore into {live} failed: {detail}"
    )


@dataclass(frozen=True)
class RestoredUnsound(Message):
    live: str
    CODE: ClassVar[str] = "restore.unsound_after"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{live} failed its integrity check after the restore (details in the log)"
    )


# --- a backup's audit note (recorded in English; read back by audit_words) --------------
# ``problem`` is the audit trail check's own description of a broken chain.


@dataclass(frozen=True)
class TrailIntact(Message):
    CODE: ClassVar[str] = "backup.trail_intact"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "audit trail intact")


@dataclass(frozen=True)
class TrailWarning(Message):
    problem: str
    CODE: ClassVar[str] = "backup.trail_warning"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "WARNING: {problem}")


@dataclass(frozen=True)
class ScheduledBackupNote(Message):
    """A scheduled backup's note: ``note`` is :class:`TrailIntact` or :class:`TrailWarning`."""

    note: Message
    CODE: ClassVar[str] = "backup.scheduled_note"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "scheduled; {note}")


# --- what an erasure did, and what still holds the customer ---------------------------------


@dataclass(frozen=True)
class ErasureReport(Message):
    """The parts below, said together."""

    parts: tuple[Message, ...]
    CODE: ClassVar[str] = "erasure.report"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{parts}")
    JOIN: ClassVar[str] = SEPARATOR


@dataclass(frozen=True)
class ErasureDone(Message):
    customer_id: int
    redacted: int
    CODE: ClassVar[str] = "erasure.done"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "erased customer #{customer_id}: personal data removed from the database, search "
        "index rewritten, {redacted} audit entries redacted",
    )


@dataclass(frozen=True)
class ErasureWalKept(Message):
    CODE: ClassVar[str] = "erasure.wal_kept"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "could not finish: another program is reading the database, so old copies of the "
        "data are still in its write-ahead log; they are removed when every program using "
        "the database has closed it (or erase again once it has)",
    )


@dataclass(frozen=True)
class ErasureBackupsNeverRotate(Message):
    CODE: ClassVar[str] = "erasure.backups_never_rotate"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "older backups still hold this customer until they are deleted (scheduled backups "
        "are switched off, so none rotates out)",
    )


@dataclass(frozen=True)
class ErasureBackupsUntil(Message):
    when: dt.datetime
    CODE: ClassVar[str] = "erasure.backups_until"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "older backups still hold this customer until {when} when the oldest is rotated out",
    )


@dataclass(frozen=True)
class ErasureManualBackups(Message):
    count: int
    CODE: ClassVar[str] = "erasure.manual_backups"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{count} manual or pre-restore backup(s) hold this customer until someone deletes them",
    )


# --- the audit chains' check: what is wrong where --------------------------------------------
# Storage finds the first break of a hash chain; the problem is one of these codes. English
# (``str()``) is the words ``audit verify`` and a backup's warning always printed.

AUDIT_TRAIL = QT_TRANSLATE_NOOP("Messages", "audit trail")
SIGN_IN_ATTEMPTS = QT_TRANSLATE_NOOP("Messages", "sign-in attempts")
AUDIT_ENTRY = QT_TRANSLATE_NOOP("Messages", "audit entry")
SIGN_IN_ATTEMPT = QT_TRANSLATE_NOOP("Messages", "sign-in attempt")


@dataclass(frozen=True)
class ChainNoHash(Message):
    CODE: ClassVar[str] = "chain.no_hash"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "inserted outside the app (it has no chain hash)"
    )


@dataclass(frozen=True)
class ChainAfterEnd(Message):
    CODE: ClassVar[str] = "chain.after_end"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "inserted outside the app (after the recorded end of the chain)"
    )


MISSING_ONE = QT_TRANSLATE_NOOP("Messages", "{count} entry before it ({span}) missing (deleted)")


@dataclass(frozen=True)
class ChainMissingBefore(Message):
    """``span`` is ``#4`` or ``#4–#5``."""

    count: int
    span: str
    CODE: ClassVar[str] = "chain.missing_before"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{count} entries before it ({span}) missing (deleted)"
    )

    @property
    def template(self) -> str:
        return MISSING_ONE if self.count == 1 else self.TEMPLATE


@dataclass(frozen=True)
class ChainOutOfOrder(Message):
    CODE: ClassVar[str] = "chain.out_of_order"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "inserted out of order: it does not follow the entry before it"
    )


@dataclass(frozen=True)
class ChainChanged(Message):
    CODE: ClassVar[str] = "chain.changed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "changed after it was recorded (who, when, what or which record differ)"
    )


@dataclass(frozen=True)
class ChainFieldsChanged(Message):
    CODE: ClassVar[str] = "chain.fields_changed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "changed after it was recorded (its field values differ)"
    )


@dataclass(frozen=True)
class ChainBlanked(Message):
    CODE: ClassVar[str] = "chain.blanked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "its field values were blanked without an erasure recording it"
    )


@dataclass(frozen=True)
class ChainBadTime(Message):
    CODE: ClassVar[str] = "chain.bad_time"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "its time is not a time")


@dataclass(frozen=True)
class ChainDatedBefore(Message):
    """``at`` is the earlier entry's recorded time, as recorded."""

    entry_id: int
    at: str
    CODE: ClassVar[str] = "chain.dated_before"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "inserted out of order: dated before entry #{entry_id} ({at})"
    )


@dataclass(frozen=True)
class ChainNewestMissing(Message):
    span: str
    CODE: ClassVar[str] = "chain.newest_missing"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the newest entries ({span}) are missing (deleted)"
    )


@dataclass(frozen=True)
class ChainEndReplaced(Message):
    CODE: ClassVar[str] = "chain.end_replaced"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "replaced after it was recorded (the end differs)"
    )


@dataclass(frozen=True)
class ChainCountDiffers(Message):
    CODE: ClassVar[str] = "chain.count_differs"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "the number of entries differs")


BROKEN_NO_TIME = QT_TRANSLATE_NOOP("Messages", "{chain} broken at {what} #{entry_id}: {problem}")


@dataclass(frozen=True)
class ChainBroken(Message):
    """A chain (:data:`AUDIT_TRAIL` or :data:`SIGN_IN_ATTEMPTS` as a :class:`Word`) and
    the first entry where it does not hold (``at`` is its recorded time, "" when the entry
    itself is missing)."""

    chain: Message
    what: Message
    entry_id: int
    at: str
    problem: Message
    CODE: ClassVar[str] = "chain.broken"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{chain} broken at {what} #{entry_id} ({at}): {problem}"
    )

    @property
    def template(self) -> str:
        return self.TEMPLATE if self.at else BROKEN_NO_TIME


MARKED_TEXTS = (
    *MARKED_TEXTS,
    AUDIT_TRAIL,
    SIGN_IN_ATTEMPTS,
    AUDIT_ENTRY,
    SIGN_IN_ATTEMPT,
    MISSING_ONE,
    BROKEN_NO_TIME,
)


# --- backup, restore and encrypt on the command line -------------------------------------------
# Counts are data, grouped as the English groups them ("1,234"); the English keeps its
# "(s)" so scripts see the same words as before.


@dataclass(frozen=True)
class BackedUp(Message):
    customers: str
    path: str
    size: str
    CODE: ClassVar[str] = "cli.backed_up"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "backed up {customers} customers to {path} ({size} bytes)"
    )


@dataclass(frozen=True)
class BackupTrailBroken(Message):
    """``problems``: a :class:`ChainBroken` per broken chain."""

    problems: tuple[Message, ...]
    CODE: ClassVar[str] = "cli.backup_trail_broken"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "warning: the backup was made, but the {problems}"
    )
    JOIN: ClassVar[str] = SEPARATOR


@dataclass(frozen=True)
class SoundBackup(Message):
    file: str
    customers: str
    option: str
    live: str
    CODE: ClassVar[str] = "cli.sound_backup"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is a sound backup ({customers} customers); add {option} to replace {live} "
        "with it (close the app first)",
    )


@dataclass(frozen=True)
class NothingRestored(Message):
    """Why the restored database refused the person restoring (``refusal``, already in
    the reader's words)."""

    refusal: str
    CODE: ClassVar[str] = "cli.nothing_restored"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{refusal} (nothing was restored)")


@dataclass(frozen=True)
class Restored(Message):
    customers: str
    live: str
    CODE: ClassVar[str] = "cli.restored"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "restored {customers} customers into {live}"
    )


@dataclass(frozen=True)
class RestoredSavedPrevious(Message):
    safety: str
    CODE: ClassVar[str] = "cli.restored_saved_previous"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "; the previous database was saved to {safety}"
    )


@dataclass(frozen=True)
class RestoredErasedAgain(Message):
    count: int
    CODE: ClassVar[str] = "cli.restored_erased_again"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "; {count} customer(s) erased since that backup were erased again"
    )


@dataclass(frozen=True)
class PassphraseTooShort(Message):
    least: int
    CODE: ClassVar[str] = "cli.passphrase_too_short"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the passphrase needs at least {least} characters"
    )


@dataclass(frozen=True)
class EncryptedWithPassphrase(Message):
    path: str
    tables: int
    rows: str
    CODE: ClassVar[str] = "cli.encrypted_passphrase"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "encrypted {path} ({tables} tables, {rows} rows) with your passphrase; the plain "
        "file was overwritten and removed",
    )


@dataclass(frozen=True)
class EncryptedWithKeychain(Message):
    path: str
    tables: int
    rows: str
    CODE: ClassVar[str] = "cli.encrypted_keychain"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "encrypted {path} ({tables} tables, {rows} rows) with a key kept in this computer's "
        "keychain; the plain file was overwritten and removed",
    )


# --- the command line's other lines: summaries, refusals, usage errors ----------------------
# ``option``/``command`` parameters are the command line's own words (never translated).


@dataclass(frozen=True)
class OptionAtLeastOne(Message):
    option: str
    CODE: ClassVar[str] = "cli.at_least_one"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{option} must be at least 1")


@dataclass(frozen=True)
class QueryOrJsonl(Message):
    query: str = "QUERY"
    jsonl: str = "--jsonl"
    CODE: ClassVar[str] = "cli.query_or_jsonl"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "give a {query} or {jsonl}, not both")


@dataclass(frozen=True)
class QueryMissing(Message):
    query: str = "QUERY"
    jsonl: str = "--jsonl"
    CODE: ClassVar[str] = "cli.query_missing"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "give a {query} (or {jsonl} to read queries from stdin)"
    )


@dataclass(frozen=True)
class TextOrJsonl(Message):
    text: str = "TEXT"
    jsonl: str = "--jsonl"
    CODE: ClassVar[str] = "cli.text_or_jsonl"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "give {text} or {jsonl}, not both")


@dataclass(frozen=True)
class SayWhatToImport(Message):
    customers: str = "customers"
    purchases: str = "purchases"
    CODE: ClassVar[str] = "cli.say_what_to_import"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "say what to import: {customers} or {purchases}"
    )


@dataclass(frozen=True)
class SayWhatToExport(Message):
    customers: str = "customers"
    CODE: ClassVar[str] = "cli.say_what_to_export"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to export: {customers}")


@dataclass(frozen=True)
class SayPhrasebookAction(Message):
    import_: str = "phrasebook import"
    export: str = "phrasebook export"
    CODE: ClassVar[str] = "cli.say_phrasebook_action"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to do: {import_} or {export}")


@dataclass(frozen=True)
class SaySettingsAction(Message):
    actions: tuple[str, ...] = ("settings list", "get", "set")
    last: str = "reset"
    CODE: ClassVar[str] = "cli.say_settings_action"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to do: {actions} or {last}")


@dataclass(frozen=True)
class NotARegionCode(Message):
    """``region`` as typed, quoted (``'XX'``)."""

    region: str
    option: str = "--region"
    examples: tuple[str, ...] = ("CN", "HK", "GB")
    last: str = "US"
    CODE: ClassVar[str] = "cli.not_a_region"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{option} {region} is not a region code such as {examples} or {last}"
    )


@dataclass(frozen=True)
class OrSayFormat(Message):
    """``problem`` is why the file's name gives no format, already in the reader's words."""

    problem: str
    option: str = "--format csv|json"
    CODE: ClassVar[str] = "cli.or_say_format"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{problem}; or say {option}")


@dataclass(frozen=True)
class CtiPortRange(Message):
    option: str = "--cti-port"
    CODE: ClassVar[str] = "cli.cti_port_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{option} must be between 1 and 65535")


@dataclass(frozen=True)
class ArgumentHoldsNul(Message):
    number: int
    nul: str = "NUL"
    CODE: ClassVar[str] = "cli.argument_nul"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "argument {number} holds a {nul} character, which no file name or text may"
    )


@dataclass(frozen=True)
class ArgumentNotUtf8(Message):
    number: int
    CODE: ClassVar[str] = "cli.argument_not_utf_eight"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "argument {number} is not UTF-8 text")


@dataclass(frozen=True)
class LineNotJsonString(Message):
    line: int
    CODE: ClassVar[str] = "cli.line_not_json"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "line {line}: not a JSON string")


@dataclass(frozen=True)
class StdinLineNotJsonString(Message):
    line: int
    CODE: ClassVar[str] = "cli.stdin_line_not_json"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "stdin line {line}: not a JSON string")


@dataclass(frozen=True)
class StdinNotUtf8(Message):
    CODE: ClassVar[str] = "cli.stdin_not_utf_eight"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "stdin is not UTF-8 text")


@dataclass(frozen=True)
class NoCustomerFound(Message):
    CODE: ClassVar[str] = "cli.no_customer_found"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "no customer found")


@dataclass(frozen=True)
class DemoAlreadyFilled(Message):
    path: str
    count: str
    command: str
    CODE: ClassVar[str] = "cli.demo_already_filled"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is the demo database and already holds {count} made-up customers; open it "
        "with: {command}",
    )


@dataclass(frozen=True)
class DemoProgress(Message):
    count: str
    CODE: ClassVar[str] = "cli.demo_progress"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "… {count} customers")


@dataclass(frozen=True)
class DemoAdded(Message):
    customers: str
    visits: str
    purchases: str
    path: str
    CODE: ClassVar[str] = "cli.demo_added"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "added {customers} customers, {visits} visits and {purchases} purchases to {path}",
    )


@dataclass(frozen=True)
class DemoMarked(Message):
    command: str
    CODE: ClassVar[str] = "cli.demo_marked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "they are made up, so the file is marked as a demo database (export refuses it); "
        "open it with: {command}",
    )


@dataclass(frozen=True)
class DemoComplaintsAdded(Message):
    count: str
    CODE: ClassVar[str] = "cli.demo_complaints"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "added {count} complaints")


@dataclass(frozen=True)
class DemoNotExported(Message):
    path: str
    real: str
    CODE: ClassVar[str] = "cli.demo_not_exported"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is a demo database of made-up customers, so nothing was exported; export "
        "your real customers from {real} instead.",
    )


@dataclass(frozen=True)
class ExportedCustomers(Message):
    count: str
    path: str
    CODE: ClassVar[str] = "cli.exported_customers"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "exported {count} customers to {path}")


@dataclass(frozen=True)
class PhrasebookImported(Message):
    count: str
    name: str
    added: str
    changed: str
    removed: str
    unchanged: str
    CODE: ClassVar[str] = "cli.phrasebook_imported"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        'imported {count} entries into "{name}": {added} added, {changed} changed, '
        "{removed} removed, {unchanged} unchanged",
    )


@dataclass(frozen=True)
class PhrasebookCreatedAndImported(Message):
    count: str
    name: str
    added: str
    changed: str
    removed: str
    unchanged: str
    CODE: ClassVar[str] = "cli.phrasebook_created"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        'imported {count} entries into "{name}" (new phrasebook): {added} added, {changed} '
        "changed, {removed} removed, {unchanged} unchanged",
    )


@dataclass(frozen=True)
class PhrasebookExported(Message):
    count: str
    name: str
    path: str
    CODE: ClassVar[str] = "cli.phrasebook_exported"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", 'exported {count} entries of "{name}" to {path}'
    )


@dataclass(frozen=True)
class ActivePhrasebookExported(Message):
    count: str
    path: str
    CODE: ClassVar[str] = "cli.active_phrasebook_exported"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "exported {count} entries of the active phrasebook to {path}"
    )


@dataclass(frozen=True)
class CannotBeRead(Message):
    """``detail`` is the system's own (English) words."""

    path: str
    detail: str
    CODE: ClassVar[str] = "cli.cannot_be_read"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{path} cannot be read: {detail}")


@dataclass(frozen=True)
class CannotBeWritten(Message):
    path: str
    detail: str
    CODE: ClassVar[str] = "cli.cannot_be_written"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{path} cannot be written: {detail}")


@dataclass(frozen=True)
class AboutDefaultPhrasebook(Message):
    problem: Message
    CODE: ClassVar[str] = "cli.default_phrasebook"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "the default phrasebook: {problem}")


@dataclass(frozen=True)
class DiskFullFile(Message):
    path: str
    CODE: ClassVar[str] = "cli.disk_full_file"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the disk is full: {path} was not completely written; free some space and try again",
    )


@dataclass(frozen=True)
class DiskFullOutput(Message):
    CODE: ClassVar[str] = "cli.disk_full_output"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the disk is full: the output was not completely written; free some space and try again",
    )


@dataclass(frozen=True)
class FileUnusable(Message):
    """``detail`` is the system's own (English) words."""

    path: str
    detail: str
    CODE: ClassVar[str] = "cli.file_unusable"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{path} could not be used: {detail}")


@dataclass(frozen=True)
class SomeFileUnusable(Message):
    detail: str
    CODE: ClassVar[str] = "cli.some_file_unusable"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "a file could not be used: {detail}")


@dataclass(frozen=True)
class NestedTooDeeply(Message):
    CODE: ClassVar[str] = "cli.nested_too_deeply"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the input is nested too deeply to read"
    )


@dataclass(frozen=True)
class UnexpectedError(Message):
    kind: str
    log: str
    CODE: ClassVar[str] = "cli.unexpected_error"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "unexpected error ({kind}); the command stopped — details are in {log}"
    )


# --- argparse's own words, and what the command line's typed arguments refuse ---------------
# argparse builds its errors from fixed English texts (``ARGPARSE``, its gettext msgids); the
# command line reads a finished error back into one of these codes (``console.cli_args``),
# so the English is argparse's own, unchanged. Parameters are the command line's words.

HELP_USAGE = QT_TRANSLATE_NOOP("Messages", "usage: ")
HELP_POSITIONALS = QT_TRANSLATE_NOOP("Messages", "positional arguments")
HELP_OPTIONS = QT_TRANSLATE_NOOP("Messages", "options")
HELP_HELP = QT_TRANSLATE_NOOP("Messages", "show this help message and exit")


@dataclass(frozen=True)
class UsageLine(Message):
    """A usage error as the command line prints it: ``problem`` is an argparse code below
    (or a sentence already in the reader's words)."""

    prog: str
    problem: Message | str
    help: str = "--help"
    CODE: ClassVar[str] = "cli.usage_line"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{prog}: {problem} (see {prog} {help})")


@dataclass(frozen=True)
class ArgAbout(Message):
    argument_name: str
    problem: Message | str
    CODE: ClassVar[str] = "argparse.argument"
    ARGPARSE: ClassVar[str] = "argument %(argument_name)s: %(message)s"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "argument {argument_name}: {problem}")


@dataclass(frozen=True)
class ArgsRequired(Message):
    names: str
    CODE: ClassVar[str] = "argparse.required"
    ARGPARSE: ClassVar[str] = "the following arguments are required: %s"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the following arguments are required: {names}"
    )


@dataclass(frozen=True)
class ArgOneOfRequired(Message):
    names: str
    CODE: ClassVar[str] = "argparse.one_of_required"
    ARGPARSE: ClassVar[str] = "one of the arguments %s is required"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "one of the arguments {names} is required"
    )


@dataclass(frozen=True)
class ArgsUnrecognized(Message):
    names: str
    CODE: ClassVar[str] = "argparse.unrecognized"
    ARGPARSE: ClassVar[str] = "unrecognized arguments: %s"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "unrecognized arguments: {names}")


@dataclass(frozen=True)
class ArgInvalidChoice(Message):
    value: str
    choices: str
    CODE: ClassVar[str] = "argparse.invalid_choice"
    ARGPARSE: ClassVar[str] = "invalid choice: %(value)r (choose from %(choices)s)"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "invalid choice: {value} (choose from {choices})"
    )


@dataclass(frozen=True)
class ArgInvalidValue(Message):
    type: str
    value: str
    CODE: ClassVar[str] = "argparse.invalid_value"
    ARGPARSE: ClassVar[str] = "invalid %(type)s value: %(value)r"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "invalid {type} value: {value}")


@dataclass(frozen=True)
class ArgExpectedOne(Message):
    CODE: ClassVar[str] = "argparse.expected_one"
    ARGPARSE: ClassVar[str] = "expected one argument"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "expected one argument")


@dataclass(frozen=True)
class ArgExpectedAtMostOne(Message):
    CODE: ClassVar[str] = "argparse.expected_at_most_one"
    ARGPARSE: ClassVar[str] = "expected at most one argument"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "expected at most one argument")


@dataclass(frozen=True)
class ArgExpectedAtLeastOne(Message):
    CODE: ClassVar[str] = "argparse.expected_at_least_one"
    ARGPARSE: ClassVar[str] = "expected at least one argument"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "expected at least one argument")


@dataclass(frozen=True)
class ArgNotAllowedWith(Message):
    other: str
    CODE: ClassVar[str] = "argparse.not_allowed_with"
    ARGPARSE: ClassVar[str] = "not allowed with argument %s"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "not allowed with argument {other}")


@dataclass(frozen=True)
class ArgIgnoredExplicit(Message):
    value: str
    CODE: ClassVar[str] = "argparse.ignored_explicit"
    ARGPARSE: ClassVar[str] = "ignored explicit argument %r"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "ignored explicit argument {value}")


@dataclass(frozen=True)
class ArgAmbiguous(Message):
    option: str
    matches: str
    CODE: ClassVar[str] = "argparse.ambiguous"
    ARGPARSE: ClassVar[str] = "ambiguous option: %(option)s could match %(matches)s"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "ambiguous option: {option} could match {matches}"
    )


EXPECTED_ONE_OF_N = QT_TRANSLATE_NOOP("Messages", "expected {count} argument")


@dataclass(frozen=True)
class ArgExpectedCount(Message):
    count: int
    CODE: ClassVar[str] = "argparse.expected_count"
    ARGPARSE: ClassVar[str] = "expected %(count)s arguments"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "expected {count} arguments")

    @property
    def template(self) -> str:
        return EXPECTED_ONE_OF_N if self.count == 1 else self.TEMPLATE


# What a typed argument is (``{what}`` below).
A_WHOLE_NUMBER = QT_TRANSLATE_NOOP("Messages", "a whole number")
A_NUMBER = QT_TRANSLATE_NOOP("Messages", "a number")
A_PORT_NUMBER = QT_TRANSLATE_NOOP("Messages", "a port number")
A_RECORD_NUMBER = QT_TRANSLATE_NOOP("Messages", "a record number")
A_COUNT = QT_TRANSLATE_NOOP("Messages", "a count")
A_LIMIT = QT_TRANSLATE_NOOP("Messages", "a limit")
AN_OFFSET = QT_TRANSLATE_NOOP("Messages", "an offset")
A_SEED = QT_TRANSLATE_NOOP("Messages", "a seed")
A_NUMBER_OF_CUSTOMERS = QT_TRANSLATE_NOOP("Messages", "a number of customers")
AN_AVERAGE_OF_PURCHASES = QT_TRANSLATE_NOOP("Messages", "an average number of purchases")
A_NUMBER_OF_COMPLAINTS = QT_TRANSLATE_NOOP("Messages", "a number of complaints")

MARKED_TEXTS = (
    *MARKED_TEXTS,
    HELP_USAGE,
    HELP_POSITIONALS,
    HELP_OPTIONS,
    HELP_HELP,
    EXPECTED_ONE_OF_N,
    A_WHOLE_NUMBER,
    A_NUMBER,
    A_PORT_NUMBER,
    A_RECORD_NUMBER,
    A_COUNT,
    A_LIMIT,
    AN_OFFSET,
    A_SEED,
    A_NUMBER_OF_CUSTOMERS,
    AN_AVERAGE_OF_PURCHASES,
    A_NUMBER_OF_COMPLAINTS,
)


@dataclass(frozen=True)
class NotAKind(Message):
    """``text`` as typed, quoted; ``what`` one of the words above."""

    text: str
    what: Message
    CODE: ClassVar[str] = "cli.not_a_kind"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{text} is not {what}")


@dataclass(frozen=True)
class KindOutOfRange(Message):
    what: Message
    low: str
    high: str
    CODE: ClassVar[str] = "cli.out_of_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{what} must be from {low} to {high}")


@dataclass(frozen=True)
class NotAnIsoDate(Message):
    text: str
    example: str = "2026-11-28"
    form: str = "YYYY-MM-DD"
    CODE: ClassVar[str] = "cli.not_an_iso_date"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not a date like {example} ({form})"
    )


@dataclass(frozen=True)
class DateOutOfRange(Message):
    text: str
    earliest: str
    latest: str
    CODE: ClassVar[str] = "cli.date_out_of_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is out of range: use a date from {earliest} to {latest}"
    )


@dataclass(frozen=True)
class GiveSignInName(Message):
    CODE: ClassVar[str] = "cli.give_sign_in_name"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "give the name you sign in with")


@dataclass(frozen=True)
class NameHoldsControls(Message):
    CODE: ClassVar[str] = "cli.name_holds_controls"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "a name cannot hold control characters")


# --- staff, audit and customer commands -------------------------------------------------------


@dataclass(frozen=True)
class PinFor(Message):
    name: str
    CODE: ClassVar[str] = "cli.pin_for"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "PIN for {name}")


@dataclass(frozen=True)
class NewSecretFor(Message):
    name: str
    CODE: ClassVar[str] = "cli.new_secret_for"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "new PIN or password for {name}")


@dataclass(frozen=True)
class SecretAgain(Message):
    CODE: ClassVar[str] = "cli.secret_again"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "again")


@dataclass(frozen=True)
class Prompt(Message):
    """What a terminal prompt asks for (``what``), followed by the language's colon."""

    what: Message
    CODE: ClassVar[str] = "cli.prompt"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{what}: ")


@dataclass(frozen=True)
class ExpectedOnStdin(Message):
    what: Message
    CODE: ClassVar[str] = "cli.expected_on_stdin"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{what} was expected on stdin")


@dataclass(frozen=True)
class PinsDiffer(Message):
    CODE: ClassVar[str] = "cli.pins_differ"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the two PINs differ; nothing was added"
    )


@dataclass(frozen=True)
class StaffAdded(Message):
    """``role`` is the role's name (:data:`ROLE_NAMES`) as a :class:`Word`."""

    role: Message
    name: str
    staff_id: int
    CODE: ClassVar[str] = "cli.staff_added"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "added {role} {name} (#{staff_id})")


@dataclass(frozen=True)
class SayStaffAction(Message):
    add: str = "staff add"
    list: str = "staff list"
    CODE: ClassVar[str] = "cli.say_staff_action"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to do: {add} or {list}")


@dataclass(frozen=True)
class SayCustomerAction(Message):
    export: str = "customer export"
    erase: str = "customer erase"
    CODE: ClassVar[str] = "cli.say_customer_action"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to do: {export} or {erase}")


@dataclass(frozen=True)
class ErasureNeedsYes(Message):
    option: str = "--yes"
    CODE: ClassVar[str] = "cli.erasure_needs_yes"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "erasing cannot be undone: add {option}"
    )


@dataclass(frozen=True)
class AccountsExist(Message):
    option: str = "--as NAME"
    CODE: ClassVar[str] = "cli.accounts_exist"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "accounts exist already: add {option} (an admin)"
    )


@dataclass(frozen=True)
class SayWhoReadsTheTrail(Message):
    command: str = "audit --as NAME"
    CODE: ClassVar[str] = "cli.say_who_reads"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "say who reads the trail: {command} (a manager or admin)"
    )


@dataclass(frozen=True)
class FlagNotADate(Message):
    """``text`` as typed, quoted."""

    flag: str
    text: str
    example: str = "2026-11-28"
    CODE: ClassVar[str] = "cli.flag_not_a_date"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{flag} must be a date like {example}, not {text}"
    )


@dataclass(frozen=True)
class AuditTrailIntact(Message):
    entries: int
    head_id: int
    hash: str
    attempts: int
    CODE: ClassVar[str] = "cli.audit_intact"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "audit trail intact: {entries} entries (newest #{head_id}, hash {hash}); sign-in "
        "attempts intact: {attempts}",
    )


@dataclass(frozen=True)
class NoCallsLogged(Message):
    CODE: ClassVar[str] = "cli.no_calls"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "no calls logged yet")


# --- call tests, settings, the complaints report ----------------------------------------------


@dataclass(frozen=True)
class NeedsPhoneNumber(Message):
    option: str = "--from"
    CODE: ClassVar[str] = "cli.needs_phone_number"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{option} needs a phone number")


@dataclass(frozen=True)
class NoCallToken(Message):
    env: str
    CODE: ClassVar[str] = "cli.no_call_token"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "no call-event token yet: start the console once (it makes one), or set {env}"
    )


@dataclass(frozen=True)
class CallRefused(Message):
    """``detail`` is the console's own (English) error code or words."""

    url: str
    status: int
    detail: str
    CODE: ClassVar[str] = "cli.call_refused"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the console at {url} refused the call ({status}): {detail}"
    )


@dataclass(frozen=True)
class NoConsoleListening(Message):
    """``reason`` is the system's own (English) words."""

    url: str
    reason: str
    port_option: str = "--port"
    app_option: str = "--cti-port"
    CODE: ClassVar[str] = "cli.no_console_listening"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "no console is listening at {url} ({reason}); is it running, and on this port "
        "({port_option}, or the app's {app_option})?",
    )


@dataclass(frozen=True)
class CallSent(Message):
    number: str
    call_id: str
    url: str
    reply: str
    event: str = "newCall"
    CODE: ClassVar[str] = "cli.call_sent"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "sent {event} from {number} ({call_id}) to {url}: accepted {reply}"
    )


@dataclass(frozen=True)
class SettingChanged(Message):
    """``now`` and ``was`` are the values as the setting shows them."""

    key: str
    now: str
    was: str
    CODE: ClassVar[str] = "cli.setting_changed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{key} = {now}; was {was}")


@dataclass(frozen=True)
class SettingChangedToDefault(Message):
    key: str
    now: str
    was: str
    CODE: ClassVar[str] = "cli.setting_default"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{key} = {now} (the default); was {was}"
    )


@dataclass(frozen=True)
class SayComplaintsAction(Message):
    command: str = "complaints list"
    CODE: ClassVar[str] = "cli.say_complaints_action"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to do: {command}")


@dataclass(frozen=True)
class SayWhatToReport(Message):
    command: str = "report complaints"
    CODE: ClassVar[str] = "cli.say_what_to_report"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to report: {command}")


@dataclass(frozen=True)
class OptionNotNegative(Message):
    option: str
    CODE: ClassVar[str] = "cli.not_negative"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{option} cannot be negative")


@dataclass(frozen=True)
class OverdueNeedsOpen(Message):
    status: str
    overdue: str = "--overdue"
    option: str = "--status"
    CODE: ClassVar[str] = "cli.overdue_needs_open"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{overdue} lists open complaints; {option} {status} is not open"
    )


@dataclass(frozen=True)
class FlagNotADateSuchAs(Message):
    """``text`` as typed, quoted."""

    flag: str
    text: str
    example: str = "2026-11-01"
    CODE: ClassVar[str] = "cli.flag_not_a_date_such_as"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{flag} {text} is not a date such as {example}"
    )


@dataclass(frozen=True)
class FromAfterTo(Message):
    start: str = "--from"
    end: str = "--to"
    CODE: ClassVar[str] = "cli.from_after_to"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{start} must not be after {end}")


@dataclass(frozen=True)
class FromAfterThisMonth(Message):
    start: str = "--from"
    CODE: ClassVar[str] = "cli.from_after_this_month"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{start} must not be after the end of the current month"
    )


@dataclass(frozen=True)
class ReportHeading(Message):
    date_from: str
    date_to: str
    CODE: ClassVar[str] = "report.heading"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "complaints {date_from} to {date_to}")


@dataclass(frozen=True)
class ReportHeadingAt(Message):
    date_from: str
    date_to: str
    store: str
    CODE: ClassVar[str] = "report.heading_at"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "complaints {date_from} to {date_to} at {store}"
    )


@dataclass(frozen=True)
class ReportReceived(Message):
    count: int
    CODE: ClassVar[str] = "report.received"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "received: {count}")


@dataclass(frozen=True)
class ReportByCategory(Message):
    """``items``: "category count" each (data), or "-"."""

    items: str
    CODE: ClassVar[str] = "report.by_category"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "by category: {items}")


@dataclass(frozen=True)
class ReportByStatus(Message):
    items: str
    CODE: ClassVar[str] = "report.by_status"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "by status: {items}")


@dataclass(frozen=True)
class ReportMedians(Message):
    first: str
    resolution: str
    CODE: ClassVar[str] = "report.medians"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "median first response: {first} min; median resolution: {resolution} h"
    )


@dataclass(frozen=True)
class ReportPromisesKept(Message):
    kept: int
    made: int
    pct: str
    CODE: ClassVar[str] = "report.promises_kept"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "promises kept on time: {kept}/{made} ({pct})"
    )


@dataclass(frozen=True)
class ReportFollowUps(Message):
    done: int
    due: int
    pct: str
    CODE: ClassVar[str] = "report.follow_ups"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "follow-ups within 7 days: {done}/{due} ({pct})"
    )


@dataclass(frozen=True)
class ReportDissatisfied(Message):
    count: int
    of: int
    pct: str
    CODE: ClassVar[str] = "report.dissatisfied"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "dissatisfied at follow-up: {count}/{of} ({pct})"
    )


@dataclass(frozen=True)
class ReportFeedback(Message):
    repeat: int
    product: int
    training: int
    CODE: ClassVar[str] = "report.feedback"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "repeat complainers: {repeat}; product feedback: {product}; training feedback: {training}",
    )


# --- the console server's commands --------------------------------------------------------------


@dataclass(frozen=True)
class SayEitherAction(Message):
    first: str
    second: str
    CODE: ClassVar[str] = "cli.say_either_action"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "say what to do: {first} or {second}")


@dataclass(frozen=True)
class SayWhichServer(Message):
    env: str
    option: str = "--server https://HOST:8740"
    CODE: ClassVar[str] = "cli.say_which_server"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "say which server: {option} (or set {env})"
    )


@dataclass(frozen=True)
class ServerHasStaff(Message):
    command: str = "staff add --as NAME"
    CODE: ClassVar[str] = "cli.server_has_staff"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "this server has staff already; admins add more with '{command}'"
    )


@dataclass(frozen=True)
class ServerReady(Message):
    name: str
    staff_id: int
    CODE: ClassVar[str] = "cli.server_ready"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "database ready; added admin {name} (#{staff_id})"
    )


@dataclass(frozen=True)
class EnrolCodeHint(Message):
    hours: int
    command: str
    CODE: ClassVar[str] = "cli.enrol_code_hint"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "one console can enrol with this code in the next {hours} hours: {command}"
    )


@dataclass(frozen=True)
class EnrolledButNotKept(Message):
    """``problem`` is why the keychain did not keep the token (the system's words)."""

    console_id: int
    problem: str
    CODE: ClassVar[str] = "cli.enrolled_not_kept"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "enrolled as console #{console_id}, but {problem}; ask for a new code"
    )


@dataclass(frozen=True)
class Enrolled(Message):
    console_id: int
    name: str
    url: str
    CODE: ClassVar[str] = "cli.enrolled"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "enrolled as console #{console_id} ({name}) with {url}"
    )


@dataclass(frozen=True)
class NotEnrolled(Message):
    url: str
    command: str
    env: str
    CODE: ClassVar[str] = "cli.not_enrolled"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "this console is not enrolled with {url}: run '{command}' (or set {env})"
    )


@dataclass(frozen=True)
class ConsoleRevoked(Message):
    console_id: int
    name: str
    CODE: ClassVar[str] = "cli.console_revoked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "console #{console_id} ({name}) is revoked"
    )


# --- the keychain: why a key or a token cannot be kept, and what to do instead ---------------
# ``detail`` parameters are the keyring's own (English) words.


@dataclass(frozen=True)
class KeychainNotLoaded(Message):
    kind: str
    CODE: ClassVar[str] = "keychain.not_loaded"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the keychain could not be loaded ({kind})"
    )


@dataclass(frozen=True)
class NoSafeKeychain(Message):
    backend: str
    system: str = "Linux"
    service: str = "Secret Service"
    first: str = "GNOME Keyring"
    second: str = "KWallet"
    CODE: ClassVar[str] = "keychain.none_safe"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "no safe keychain is available on this computer (keyring backend: {backend}); a "
        "headless {system} machine needs a {service} such as {first} or {second}",
    )


@dataclass(frozen=True)
class KeychainDidNotKeepKey(Message):
    CODE: ClassVar[str] = "keychain.key_not_kept"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the keychain did not keep the database key"
    )


@dataclass(frozen=True)
class KeychainRefusedKey(Message):
    detail: str
    CODE: ClassVar[str] = "keychain.key_refused"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the keychain refused to keep the database key ({detail})"
    )


@dataclass(frozen=True)
class PassphraseInstead(Message):
    """``problem``: why the keychain cannot be used (a keychain.* code)."""

    problem: Message
    env: str
    CODE: ClassVar[str] = "keychain.passphrase_instead"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{problem}. The database is encrypted, so it needs a passphrase instead: the window "
        "asks for one, scripts set {env}",
    )


@dataclass(frozen=True)
class NoKeyForDatabase(Message):
    path: str
    env: str
    CODE: ClassVar[str] = "keychain.no_key"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is encrypted and this computer's keychain holds no key for it; type its "
        "passphrase (scripts: {env})",
    )


@dataclass(frozen=True)
class KeychainKeyedUnsetEnv(Message):
    path: str
    env: str
    CODE: ClassVar[str] = "keychain.keyed_unset_env"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} is locked with this computer's keychain, not a passphrase; unset {env}"
    )


@dataclass(frozen=True)
class KeychainKeyedNoPassphrase(Message):
    path: str
    CODE: ClassVar[str] = "keychain.keyed_no_passphrase"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is locked with this computer's keychain, not a passphrase; open it without "
        "a passphrase",
    )


@dataclass(frozen=True)
class KeychainUnusable(Message):
    detail: str
    CODE: ClassVar[str] = "keychain.unusable"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the OS keychain cannot be used ({detail})"
    )


@dataclass(frozen=True)
class CallTokenInstead(Message):
    problem: Message
    env: str
    CODE: ClassVar[str] = "keychain.call_token_instead"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{problem}; set {env} to a long random token instead"
    )


@dataclass(frozen=True)
class DeviceTokenInstead(Message):
    problem: Message
    env: str
    option: str = "--print-token"
    CODE: ClassVar[str] = "keychain.device_token_instead"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{problem}; enrol with {option} and set {env} instead"
    )


@dataclass(frozen=True)
class KeychainDidNotKeepToken(Message):
    CODE: ClassVar[str] = "keychain.token_not_kept"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the keychain did not keep the console's token"
    )


# --- team mode on the command line: --server ------------------------------------------


@dataclass(frozen=True)
class DbOrServer(Message):
    db: str = "--db"
    server: str = "--server"
    CODE: ClassVar[str] = "team.db_or_server"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "give {db} (a database file) or {server} (a console server), not both"
    )


@dataclass(frozen=True)
class WatchNeedsServer(Message):
    command: str = "watch"
    option: str = "--server"
    env: str = "SERVICE_CONSOLE_SERVER"
    CODE: ClassVar[str] = "team.watch_needs_server"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{command} follows a console server's changes: give {option} URL (or set {env})",
    )


@dataclass(frozen=True)
class DemoIsADesksFile(Message):
    command: str = "demo"
    option: str = "--server"
    CODE: ClassVar[str] = "team.demo_is_a_desks_file"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{command} fills a file of its own with made-up customers, never a team's server "
        "(its data is real): run it without {option}",
    )


@dataclass(frozen=True)
class FileOnlyCommand(Message):
    command: str
    database: str = "PostgreSQL"
    dump: str = "pg_dump"
    base_backup: str = "pg_basebackup"
    where: str = "README: Running for a team"
    CODE: ClassVar[str] = "team.file_only"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{command} works on a database file; a team's data is in the console server's "
        "{database} database: back it up there with {dump} or {base_backup} ({where})",
    )


@dataclass(frozen=True)
class SayServerAction(Message):
    init: str = "server init"
    enrol_code: str = "server enrol-code"
    grant: str = "server grant"
    CODE: ClassVar[str] = "cli.say_server_action"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "say what to do: {init}, {enrol_code} or {grant}"
    )


@dataclass(frozen=True)
class RoleMayRunServer(Message):
    role: str
    CODE: ClassVar[str] = "team.role_granted"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{role} may now run the server on this database (the audit trail stays append-only for it)",
    )


# --- the command line's listings: the fixed words in a row (the data stays as it is) -------


@dataclass(frozen=True)
class SearchLastVisit(Message):
    date: str
    CODE: ClassVar[str] = "cli.search_last_visit"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "last {date}")


@dataclass(frozen=True)
class SearchNeverVisited(Message):
    CODE: ClassVar[str] = "cli.search_never_visited"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "last never")


@dataclass(frozen=True)
class StaffSwitchedOffMark(Message):
    CODE: ClassVar[str] = "cli.staff_switched_off"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "(switched off)")


# The kinds of record the audit trail names (its stored keys; an unknown one stays as it is).
AUDIT_ENTITIES: dict[str, str] = {
    "customer": QT_TRANSLATE_NOOP("Messages", "customer"),
    "visit": QT_TRANSLATE_NOOP("Messages", "visit"),
    "purchase": QT_TRANSLATE_NOOP("Messages", "purchase"),
    "consent": QT_TRANSLATE_NOOP("Messages", "consent"),
    "staff": QT_TRANSLATE_NOOP("Messages", "staff"),
    "audit": QT_TRANSLATE_NOOP("Messages", "audit"),
    "complaint": QT_TRANSLATE_NOOP("Messages", "complaint"),
    "reward": QT_TRANSLATE_NOOP("Messages", "reward"),
    "setting": QT_TRANSLATE_NOOP("Messages", "setting"),
    "database": QT_TRANSLATE_NOOP("Messages", "database"),
    "phrasebook": QT_TRANSLATE_NOOP("Messages", "phrasebook"),
    "customers": QT_TRANSLATE_NOOP("Messages", "customers"),
    "complaint report": QT_TRANSLATE_NOOP("Messages", "complaint report"),
}
WORD_TABLES = (*WORD_TABLES, AUDIT_ENTITIES)


def audit_entity(entity: str) -> Word | str:
    """The audit trail's kind of record as a word (said in the reader's language)."""
    return Word(entity) if entity in AUDIT_ENTITIES else entity


@dataclass(frozen=True)
class AuditRecord(Message):
    """``entity`` is :func:`audit_entity`'s word."""

    entity: Param
    entity_id: str
    CODE: ClassVar[str] = "cli.audit_record"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{entity} #{entity_id}")


@dataclass(frozen=True)
class CallOneOf(Message):
    """``candidates`` are the customers' ids as ``#12``."""

    candidates: tuple[str, ...]
    CODE: ClassVar[str] = "cli.call_one_of"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "one of {candidates}")


@dataclass(frozen=True)
class ConsoleEnrolledAt(Message):
    at: str
    CODE: ClassVar[str] = "cli.console_enrolled_at"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "enrolled {at}")


@dataclass(frozen=True)
class ConsoleRevokedAt(Message):
    at: str
    by: str
    CODE: ClassVar[str] = "cli.console_revoked_at"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "revoked {at} by {by}")


@dataclass(frozen=True)
class NoReplacement(Message):
    CODE: ClassVar[str] = "cli.no_replacement"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "(no replacement)")


# A countdown in a queue ("in 1 h 20 min", "overdue 25 min"): the time, then which way.


@dataclass(frozen=True)
class DueIn(Message):
    time: Message
    CODE: ClassVar[str] = "countdown.due_in"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "in {time}")


@dataclass(frozen=True)
class DueOverdue(Message):
    time: Message
    CODE: ClassVar[str] = "countdown.overdue"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "overdue {time}")


@dataclass(frozen=True)
class SpanDays(Message):
    days: int
    CODE: ClassVar[str] = "countdown.days"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{days} days")


@dataclass(frozen=True)
class SpanOneDay(Message):
    CODE: ClassVar[str] = "countdown.one_day"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "1 day")


@dataclass(frozen=True)
class SpanOneDayHours(Message):
    hours: int
    CODE: ClassVar[str] = "countdown.one_day_hours"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "1 day {hours} h")


@dataclass(frozen=True)
class SpanHours(Message):
    hours: int
    CODE: ClassVar[str] = "countdown.hours"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{hours} h")


@dataclass(frozen=True)
class SpanHoursMinutes(Message):
    hours: int
    minutes: int
    CODE: ClassVar[str] = "countdown.hours_minutes"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{hours} h {minutes} min")


@dataclass(frozen=True)
class SpanMinutes(Message):
    minutes: int
    CODE: ClassVar[str] = "countdown.minutes"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{minutes} min")


@dataclass(frozen=True)
class SpanUnderMinute(Message):
    CODE: ClassVar[str] = "countdown.under_a_minute"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "under a minute")


# --- a file that could not be written (console.files.WriteFailed) ---------------------------
# The reasons are the English words console.files gives; a rare system error keeps the
# system's own words.

WRITE_REASONS: dict[str, str] = {
    "the disk is full": QT_TRANSLATE_NOOP("Messages", "the disk is full"),
    "the disk quota is used up": QT_TRANSLATE_NOOP("Messages", "the disk quota is used up"),
    "permission denied": QT_TRANSLATE_NOOP("Messages", "permission denied"),
    "the disk is read-only": QT_TRANSLATE_NOOP("Messages", "the disk is read-only"),
    "the folder does not exist": QT_TRANSLATE_NOOP("Messages", "the folder does not exist"),
    "it is a folder": QT_TRANSLATE_NOOP("Messages", "it is a folder"),
    "a part of the path is not a folder": QT_TRANSLATE_NOOP(
        "Messages", "a part of the path is not a folder"
    ),
    "the name is too long": QT_TRANSLATE_NOOP("Messages", "the name is too long"),
}
WORD_TABLES = (*WORD_TABLES, WRITE_REASONS)


@dataclass(frozen=True)
class NotWritten(Message):
    """``reason`` is a :class:`Word` (one of the reasons above) or the system's words."""

    path: str
    reason: Param
    CODE: ClassVar[str] = "files.not_written"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} was not written: {reason}; any previous file there was left unchanged."
    )


@dataclass(frozen=True)
class NotWrittenNotAFile(Message):
    path: str
    CODE: ClassVar[str] = "files.not_written_not_a_file"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was not written: it is a folder or a device, not a file; nothing there was "
        "changed.",
    )


def write_failed(path: str, reason: str, not_a_file: bool = False) -> Message:
    """What to say when *path* could not be written (``console.files.WriteFailed``)."""
    if not_a_file:
        return NotWrittenNotAFile(path)
    return NotWritten(path, Word(reason) if reason in WRITE_REASONS else reason)


@dataclass(frozen=True)
class NoCustomerNumbered(Message):
    customer_id: int
    CODE: ClassVar[str] = "customer.no_such_customer"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "no customer #{customer_id}")


# --- the console server: starting it (ServeRefused) and reaching it (the client) ----------
# Options, addresses, protocol names and numbers are parameters (never translated).


@dataclass(frozen=True)
class ListenNotHostPort(Message):
    text: str
    option: str = "--listen"
    form: str = "HOST:PORT"
    CODE: ClassVar[str] = "server.listen_not_host_port"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{option} {text} is not {form}")


@dataclass(frozen=True)
class ListenIpv6Brackets(Message):
    text: str
    option: str = "--listen"
    ip: str = "IPv6"
    example: str = "[::1]:8740"
    CODE: ClassVar[str] = "server.listen_ip_brackets"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{option} {text}: write an {ip} address in brackets, {example}"
    )


@dataclass(frozen=True)
class ListenPortRange(Message):
    text: str
    option: str = "--listen"
    low: int = 1
    high: int = 65535
    CODE: ClassVar[str] = "server.listen_port_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{option} {text}: the port must be from {low} to {high}"
    )


@dataclass(frozen=True)
class ListenBadHost(Message):
    text: str
    host: str
    option: str = "--listen"
    CODE: ClassVar[str] = "server.listen_bad_host"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{option} {text}: {host} is not a host name or address"
    )


@dataclass(frozen=True)
class TlsBothOrNeither(Message):
    cert: str = "--tls-cert"
    key: str = "--tls-key"
    kind: str = "PEM"
    CODE: ClassVar[str] = "server.tls_both_or_neither"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "give both {cert} and {key} ({kind} files), or neither"
    )


@dataclass(frozen=True)
class TlsNeeded(Message):
    host: str
    cert: str = "--tls-cert"
    key: str = "--tls-key"
    tls: str = "TLS"
    http: str = "HTTP"
    first: str = "127.0.0.1"
    second: str = "::1"
    third: str = "localhost"
    CODE: ClassVar[str] = "server.tls_needed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "listening on {host} needs {tls}: give {cert} and {key} (plain {http} only on {first}, "
        "{second} or {third})",
    )


@dataclass(frozen=True)
class TlsFileMissing(Message):
    filename: str
    tls: str = "TLS"
    CODE: ClassVar[str] = "server.tls_file_missing"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the {tls} file {filename} does not exist"
    )


@dataclass(frozen=True)
class TlsUnusable(Message):
    """``detail`` is the TLS library's own words."""

    detail: str
    tls: str = "TLS"
    CODE: ClassVar[str] = "server.tls_unusable"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the {tls} certificate and key cannot be used ({detail})"
    )


@dataclass(frozen=True)
class DatabaseNotPostgres(Message):
    option: str = "--database"
    kind: str = "PostgreSQL"
    example: str = "postgresql://…"
    CODE: ClassVar[str] = "server.database_not_postgres"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{option} must be a {kind} address: {example}"
    )


@dataclass(frozen=True)
class NotARoleName(Message):
    """``role`` as typed, quoted."""

    role: str
    kind: str = "PostgreSQL"
    CODE: ClassVar[str] = "server.not_a_role_name"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{role} is not a {kind} role name")


@dataclass(frozen=True)
class NoSuchRole(Message):
    """``role`` quoted; ``command`` the command that creates it."""

    role: str
    command: str
    kind: str = "PostgreSQL"
    CODE: ClassVar[str] = "server.no_such_role"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "there is no {kind} role {role}: create it first ({command})"
    )


@dataclass(frozen=True)
class GrantFailed(Message):
    """``detail`` is the database's own words."""

    detail: str
    CODE: ClassVar[str] = "server.grant_failed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the rights could not be granted: {detail}"
    )


@dataclass(frozen=True)
class ServerListening(Message):
    url: str
    program: str = "service-console"
    keys: str = "Ctrl+C"
    CODE: ClassVar[str] = "server.listening"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{program} server on {url} ({keys} stops)"
    )


@dataclass(frozen=True)
class ServerCannotBeReached(Message):
    """``reason`` is the network library's own words."""

    url: str
    reason: str
    CODE: ClassVar[str] = "server.unreachable"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the console server at {url} cannot be reached ({reason})"
    )


@dataclass(frozen=True)
class NotAConsoleServer(Message):
    url: str
    status: int
    http: str = "HTTP"
    CODE: ClassVar[str] = "server.not_a_console_server"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{url} answered {http} {status} without the console protocol: is it a console server?",
    )


@dataclass(frozen=True)
class NotAServerAddress(Message):
    """``text`` as typed, quoted."""

    text: str
    example: str = "https://console-server:8740"
    CODE: ClassVar[str] = "server.not_an_address"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text} is not a server address like {example}"
    )


@dataclass(frozen=True)
class OnlyTheServerAddress(Message):
    text: str
    example: str = "https://host:port"
    CODE: ClassVar[str] = "server.only_the_address"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text}: give only the server's address, {example}"
    )


@dataclass(frozen=True)
class ServerPortRange(Message):
    text: str
    low: int = 1
    high: int = 65535
    CODE: ClassVar[str] = "server.port_range"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{text}: the port must be from {low} to {high}"
    )


@dataclass(frozen=True)
class HttpsOnly(Message):
    text: str
    https: str = "https://"
    CODE: ClassVar[str] = "server.https_only"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{text}: a server on another computer is reached with {https} only (PINs and tokens "
        "never cross a network in clear)",
    )


# The console server's refusals (console.domain.protocol codes), read back on the client from
# the server's English (console.services.server_client): said in the reader's language.


@dataclass(frozen=True)
class EnrolCodeRefused(Message):
    command: str = "service-console server enrol-code"
    CODE: ClassVar[str] = "server.enrolment_code_refused"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "this enrolment code is unknown, used or expired; make a new one on the server with: "
        "{command}",
    )


@dataclass(frozen=True)
class ConsoleUnknown(Message):
    CODE: ClassVar[str] = "server.console_unknown"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "this console is not enrolled with the server: enrol it with a code"
    )


@dataclass(frozen=True)
class ConsoleWasRevoked(Message):
    CODE: ClassVar[str] = "server.console_revoked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "this console was revoked by an admin; enrol it again with a new code"
    )


@dataclass(frozen=True)
class SessionRequired(Message):
    CODE: ClassVar[str] = "server.session_required"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "sign in first (or again: the session ended)"
    )


@dataclass(frozen=True)
class ServerInternalError(Message):
    CODE: ClassVar[str] = "server.internal_error"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the server could not do this; see its log"
    )


@dataclass(frozen=True)
class AppTooOld(Message):
    version: str
    oldest: int
    newest: int
    CODE: ClassVar[str] = "server.app_too_old"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "this app is too old for the server (protocol {version}; the server speaks "
        "{oldest}–{newest}): update the app",
    )


@dataclass(frozen=True)
class ServerTooOld(Message):
    oldest: int
    newest: int
    version: str
    CODE: ClassVar[str] = "server.server_too_old"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "this server speaks protocol {oldest}–{newest} and the app {version}: update the "
        "server, or use the app it goes with",
    )


@dataclass(frozen=True)
class NoSuchConsole(Message):
    console_id: str
    CODE: ClassVar[str] = "server.no_such_console"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "there is no console #{console_id}")


@dataclass(frozen=True)
class RequestTooLarge(Message):
    limit: str
    CODE: ClassVar[str] = "server.request_too_large"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "a request may carry at most {limit} bytes"
    )


@dataclass(frozen=True)
class UploadTooLarge(Message):
    limit: str
    CODE: ClassVar[str] = "server.upload_too_large"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "a file sent to the console server may be at most {limit} bytes"
    )


@dataclass(frozen=True)
class NoSuchUpload(Message):
    upload: str
    CODE: ClassVar[str] = "server.no_such_upload"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the console server holds no file {upload} from this console (never sent, used "
        "already, expired, or another console's): send the file again",
    )


@dataclass(frozen=True)
class UploadIncomplete(Message):
    upload: str
    received: str
    size: str
    CODE: ClassVar[str] = "server.upload_incomplete"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the file {upload} is not complete on the console server ({received} of {size} "
        "bytes): send the file again",
    )


# --- the database: why it cannot be opened or written (storage's StoreErrors) ---------------
# ``path`` is the database file; ``hint`` is :class:`RestoreHint`; ``detail`` the driver's words.


@dataclass(frozen=True)
class RestoreHint(Message):
    command: str = "service-console restore FILE"
    CODE: ClassVar[str] = "db.restore_hint"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "restore the latest good backup with `{command}`"
    )


@dataclass(frozen=True)
class DbDiskFull(Message):
    path: str
    CODE: ClassVar[str] = "db.disk_full"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the disk holding {path} is full, so the last change was not saved; free some space "
        "and try again",
    )


@dataclass(frozen=True)
class DbLocked(Message):
    path: str
    seconds: str
    CODE: ClassVar[str] = "db.locked"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is in use: another program is writing to it and did not finish within "
        "{seconds} seconds; close the other program (or wait for it) and try again",
    )


@dataclass(frozen=True)
class DbDamaged(Message):
    path: str
    hint: Message = RestoreHint()
    CODE: ClassVar[str] = "db.damaged"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged (its pages do not check out); {hint}"
    )


@dataclass(frozen=True)
class DbTruncated(Message):
    path: str
    hint: Message = RestoreHint()
    CODE: ClassVar[str] = "db.truncated"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is shorter than its header says (it was cut off, e.g. by an interrupted copy "
        "or a full disk); {hint}",
    )


@dataclass(frozen=True)
class DbWrongKey(Message):
    path: str
    CODE: ClassVar[str] = "db.wrong_key"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the key does not open {path}: it is not this database's key (or passphrase), or the "
        "file is not a Service Console database; it was left untouched",
    )


@dataclass(frozen=True)
class DbKeyOrFirstPage(Message):
    path: str
    hint: Message = RestoreHint()
    CODE: ClassVar[str] = "db.key_or_first_page"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "the key does not open {path}: this computer's keychain holds a key made for it, so "
        "its first page is most likely damaged; {hint}",
    )


@dataclass(frozen=True)
class DbDiskError(Message):
    path: str
    hint: Message = RestoreHint()
    CODE: ClassVar[str] = "db.disk_error"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} could not be read or written (a disk error); check the disk, then try again — "
        "if it keeps failing, {hint}",
    )


@dataclass(frozen=True)
class DbNoWal(Message):
    mode: str
    wal: str = "WAL"
    CODE: ClassVar[str] = "db.no_wal"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the database could not switch to {wal} mode (got {mode})"
    )


@dataclass(frozen=True)
class DbNetworkPath(Message):
    path: str
    CODE: ClassVar[str] = "db.network_path"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is on a network drive; SQLite's locking is unsafe there, so keep the database "
        "on a local disk",
    )


@dataclass(frozen=True)
class DbIsFolder(Message):
    path: str
    CODE: ClassVar[str] = "db.is_folder"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} is a folder, not a database file"
    )


@dataclass(frozen=True)
class DbSpecialFile(Message):
    path: str
    CODE: ClassVar[str] = "db.special_file"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} is a device or other special file, not a database file"
    )


@dataclass(frozen=True)
class DbNoAccess(Message):
    path: str
    CODE: ClassVar[str] = "db.no_access"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{path} cannot be read and written by this user"
    )


@dataclass(frozen=True)
class DbEncryptedOrForeign(Message):
    path: str
    CODE: ClassVar[str] = "db.encrypted_or_foreign"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is encrypted or not a Service Console database (not a plain SQLite file); it "
        "was left untouched",
    )


@dataclass(frozen=True)
class DbNotSqlite(Message):
    path: str
    CODE: ClassVar[str] = "db.not_sqlite"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is not a Service Console database (not an SQLite file); it was left untouched",
    )


@dataclass(frozen=True)
class DbOtherProgram(Message):
    path: str
    CODE: ClassVar[str] = "db.other_program"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is an SQLite file of another program, not a Service Console database; it was "
        "left untouched",
    )


@dataclass(frozen=True)
class DbNewer(Message):
    path: str
    found: int
    known: int
    CODE: ClassVar[str] = "db.newer"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was written by a newer version of Service Console (schema {found}, this app "
        "knows up to {known}); please update the app — the database was left untouched",
    )


@dataclass(frozen=True)
class DbMissing(Message):
    path: str
    CODE: ClassVar[str] = "db.missing"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{path} does not exist")


@dataclass(frozen=True)
class DbAlreadyEncrypted(Message):
    path: str
    CODE: ClassVar[str] = "db.already_encrypted"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "{path} is already encrypted")


@dataclass(frozen=True)
class EncryptedCopyDiffers(Message):
    CODE: ClassVar[str] = "db.encrypted_copy_differs"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the encrypted copy does not match the database; nothing changed"
    )


# The team's PostgreSQL database (``where`` is its host, port and name, never a password).


@dataclass(frozen=True)
class PgBusy(Message):
    where: str
    CODE: ClassVar[str] = "db.pg_busy"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the database at {where} is too busy to save this now; try again"
    )


@dataclass(frozen=True)
class PgCredentials(Message):
    where: str
    CODE: ClassVar[str] = "db.pg_credentials"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the database at {where} refused the server's credentials"
    )


@dataclass(frozen=True)
class PgDiskFull(Message):
    where: str
    CODE: ClassVar[str] = "db.pg_disk_full"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the database at {where} is out of disk space; nothing was saved"
    )


@dataclass(frozen=True)
class PgSlow(Message):
    where: str
    CODE: ClassVar[str] = "db.pg_slow"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the database at {where} took too long to answer; try again"
    )


@dataclass(frozen=True)
class PgUnreachable(Message):
    where: str
    CODE: ClassVar[str] = "db.pg_unreachable"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the database at {where} cannot be reached; try again"
    )


@dataclass(frozen=True)
class PgNotAllowed(Message):
    where: str
    CODE: ClassVar[str] = "db.pg_not_allowed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "the database at {where} does not allow this change"
    )


@dataclass(frozen=True)
class PgClosed(Message):
    CODE: ClassVar[str] = "db.pg_closed"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "the database connection is closed")


@dataclass(frozen=True)
class EncryptWithPassphraseInstead(Message):
    """``problem``: why the keychain cannot keep the new key (a keychain.* code)."""

    problem: Message
    CODE: ClassVar[str] = "db.encrypt_with_passphrase"
    TEMPLATE: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Messages", "{problem}; encrypt with a passphrase instead"
    )
