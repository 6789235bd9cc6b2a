"""Drafts of the letters people send when calls are not enough, and the mailto link.

Built from the case: a short factual history with dates and case numbers, the
remedy asked for, the legal basis from the coverage engine, and a date by
which the writer hopes to hear back. The user edits the draft before sending;
the app never sends anything itself. The draft is written in the dossier's
language (a Russian speaker in the US writes to the US team in English).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

from desktop.coverage import strongest_argument, text_locale
from desktop.escalation import rung_of, rung_title
from desktop.formatting import long_date
from desktop.i18n import N_, SOURCE_LANGUAGE, Translator, translator
from desktop.model import Case, Outcome

# Windows' ShellExecute and several mail clients cut mailto links near 2,000 characters.
MAX_MAILTO_CHARS = 1900
REPLY_WITHIN_DAYS = 10

_OUTCOME_WORDS = {
    Outcome.RESOLVED: N_("resolved"),
    Outcome.REFUSED: N_("refused"),
    Outcome.PARTLY: N_("offered a partial remedy"),
    Outcome.PENDING: N_("left it open"),
    Outcome.NO_ANSWER: N_("no answer"),
}


@dataclass(frozen=True)
class Letter:
    to: str
    subject: str
    body: str


def _device(case: Case) -> str:
    return case.device.model_name or case.device.kind.value


def _history(case: Case, locale: str, words: Translator) -> list[str]:
    _ = words.gettext
    lines = []
    for entry in case.timeline():
        rung = rung_of(entry)
        who = entry.who or (rung_title(rung, words.language) if rung is not None else _("Contact"))
        values = {
            "date": long_date(entry.at.date(), locale),
            "who": who,
            "number": entry.case_number,
            "outcome": _(_OUTCOME_WORDS[entry.outcome]),
        }
        if entry.case_number:
            lines.append(_("- {date}: {who}, case {number}: {outcome}.").format(**values))
        else:
            lines.append(_("- {date}: {who}: {outcome}.").format(**values))
    return lines


def executive_letter(case: Case, today: date, ask: str = "", language: str | None = None) -> Letter:
    """The draft to Apple's executive team, in `language` (default: the dossier's)."""
    words = translator(case.owner.dossier_language if language is None else language)
    return _letter(
        case, today, ask, words, greeting=words.gettext("Dear Executive Relations team,")
    )


def customer_relations_letter(
    case: Case, today: date, ask: str = "", language: str | None = None
) -> Letter:
    """The draft to Customer Relations, in `language` (default: the dossier's)."""
    words = translator(case.owner.dossier_language if language is None else language)
    return _letter(case, today, ask, words, greeting=words.gettext("Dear Customer Relations team,"))


def _letter(case: Case, today: date, ask: str, words: Translator, *, greeting: str) -> Letter:
    _ = words.gettext
    numbers = case.case_numbers()
    device = _device(case)
    if numbers:
        subject = _("{device}: request for a fair solution (case {number})").format(
            device=device, number=numbers[-1]
        )
    else:
        subject = _("{device}: request for a fair solution").format(device=device)
    remedy = ask or _("a free repair of the fault described above")
    reply_by = today + timedelta(days=REPLY_WITHIN_DAYS)
    locale = text_locale(case, words.language)
    serial = case.device.serial
    if serial:
        about = _("I am writing about my {device} (serial {serial}).")
    else:
        about = _("I am writing about my {device}.")
    sentences = [about.format(device=device, serial=serial)]
    bought, seller = case.purchase.date, case.purchase.seller
    values = {"date": long_date(bought, locale) if bought else "", "seller": seller}
    if bought and seller:
        sentences.append(_("I bought it on {date} from {seller}.").format(**values))
    elif bought:
        sentences.append(_("I bought it on {date}.").format(**values))
    elif seller:
        sentences.append(_("I bought it from {seller}.").format(**values))
    paragraphs = [greeting, _join(words, sentences)]
    if case.symptoms.description:
        problem = [
            _("The problem: {description}").format(description=case.symptoms.description.strip())
        ]
        if case.symptoms.first_noticed:
            problem.append(
                _("It began on {date}.").format(date=long_date(case.symptoms.first_noticed, locale))
            )
        paragraphs.append(_join(words, problem))
    history = _history(case, locale, words)
    if history:
        paragraphs.append(_("What has happened so far:") + "\n" + "\n".join(history))
    paragraphs.append(
        _("My understanding of my rights: {argument}").format(
            argument=strongest_argument(case, today, words.language)
        )
    )
    paragraphs.append(
        _join(
            words,
            [
                _("I have been glad to use Apple products and would like to keep doing so."),
                _("I am asking for {remedy}.").format(remedy=remedy),
                _("I would be grateful for an answer by {date}.").format(
                    date=long_date(reply_by, locale)
                ),
            ],
        )
    )
    # Translators: the lines that close the letter, above the writer's name; one line
    # each (German "Mit freundlichen Grüßen" has no comma; Chinese "此致" / "敬礼！").
    closing = [_("Thank you for your time."), "", *_("Kind regards,").split("\n")]
    closing.append(case.owner.name or "")
    if case.owner.email:
        closing.append(case.owner.email)
    if case.owner.phone:
        closing.append(case.owner.phone)
    body = "\n\n".join(paragraphs) + "\n\n" + "\n".join(closing).rstrip() + "\n"
    return Letter(to="", subject=subject, body=body)


def _join(words: Translator, sentences: list[str]) -> str:
    # Translators: two sentences of a paragraph side by side (Chinese: no space).
    pair = words.pgettext("two sentences", "{first} {second}")
    text = sentences[0]
    for sentence in sentences[1:]:
        text = pair.format(first=text, second=sentence)
    return text


def mailto_url(
    letter: Letter, max_chars: int = MAX_MAILTO_CHARS, language: str = SOURCE_LANGUAGE
) -> tuple[str, bool]:
    """The mailto link and whether the body had to be shortened to fit.

    When shortened, the body ends with a note (in `language`, the user's); the
    caller copies the full text to the clipboard so nothing is lost.
    """

    def build(body: str) -> str:
        query = f"subject={quote(letter.subject, safe='')}&body={quote(_crlf(body), safe='')}"
        return f"mailto:{quote(letter.to, safe='@')}?{query}"

    url = build(letter.body)
    if len(url) <= max_chars:
        return url, False
    note = "\n\n" + translator(language).gettext(
        "[The full letter is on the clipboard: paste it here.]"
    )
    low, high = 0, len(letter.body)
    while low < high:  # the longest prefix that fits, by bisection
        mid = (low + high + 1) // 2
        if len(build(letter.body[:mid] + note)) <= max_chars:
            low = mid
        else:
            high = mid - 1
    return build(letter.body[:low] + note), True


def _crlf(text: str) -> str:
    # RFC 6068: line breaks in a mailto body are CRLF.
    return text.replace("\r\n", "\n").replace("\n", "\r\n")
