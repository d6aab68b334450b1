"""Dutch texts for the drafting web pages: check results, errors and states by their codes.

The CLI and the JSON API keep their English one-line messages; an `Issue` (with ``code`` and
``params``) and a `DraftingError` (with ``key`` and ``params``) carry enough to say the same in
Dutch here. An unknown code falls back to a general Dutch sentence, never to English.
"""

from __future__ import annotations

from datetime import date

from kamerqa.drafting.errors import DraftingError
from kamerqa.drafting.inbreng import NO_FACTIONS
from kamerqa.drafting.models import Issue
from kamerqa.errors import KamerqaInputError
from kamerqa.parse.dates import dutch_date

STATES = {
    "draft": "concept",
    "ready_for_review": "klaar voor review",
    "approved": "goedgekeurd",
    "sent": "verstuurd",
}
ROLES = {"drafter": "opsteller", "approver": "goedkeurder", "admin": "beheerder"}
ACTIONS = {
    "create": "aangemaakt",
    "edit": "bewerkt",
    "import": "geïmporteerd",
    "state": "status gewijzigd",
}
FIELDS = {
    "committee": "de commissie",
    "subject": "het onderwerp",
    "meeting": "de bijeenkomst",
    "date_submitted": "de datum van inzending",
    "date_answered": "de datum van beantwoording",
    "reference": "het kenmerk",
    "addressees": "de geadresseerde",
    "signatories": "de ondertekenaar",
}

ISSUES = {
    "not_answered": "niet beantwoord",
    "answered_twice": "meer dan één keer beantwoord",
    "answer_to_unknown_question": "er is een antwoord op een vraag die niet bestaat",
    "empty_answer": "het antwoord is leeg",
    "placeholder": "het antwoord bevat nog de opvulling ‘{placeholder}’",
    "points_to_itself": "het antwoord verwijst naar zichzelf (vraag {target})",
    "points_to_missing": "het antwoord verwijst naar vraag {target}, die niet bestaat",
    "points_to_unanswered": (
        "het antwoord verwijst naar vraag {target}, die nog geen antwoord heeft"
    ),
    "pointer_cycle": "de antwoorden verwijzen in een kring naar elkaar ({chain})",
    "number_used_twice": "het nummer komt twee keer voor",
    "not_a_number": "het nummer is geen getal",
    "numbering_gap": "de nummering loopt niet door over de fracties (verwacht: {expected})",
    "subnumber_out_of_place": "het subnummer volgt niet op vraag {base}",
    "marker_without_text": "voetnootmarkering [^{note}] heeft geen voetnoottekst",
    "marker_used_twice": "voetnootmarkering [^{note}] staat er twee keer",
    "note_defined_twice": "voetnoot {note} is twee keer opgenomen",
    "note_without_marker": "voetnoot {note} heeft geen markering in een vraag of antwoord",
    "note_empty": "voetnoot {note} is leeg",
    "answered_before_submitted": (
        "de datum van beantwoording ({answered}) ligt vóór de datum waarop de vragen zijn "
        "ingezonden ({submitted})"
    ),
    "no_questions": "er zijn nog geen vragen",
}

ERRORS = {
    "unknown_token": "Onbekend token.",
    "not_logged_in": "U bent niet (meer) ingelogd. Log in met uw token.",
    "no_consultation": "Niet gevonden: er is geen stuk ‘{cid}’ voor uw team.",
    "no_question": "Er is geen vraag {number} in dit stuk.",
    "stale": (
        "Niet opgeslagen: iemand anders heeft dit stuk intussen gewijzigd. Laad de pagina opnieuw."
    ),
    "not_editable": (
        "Dit stuk is ‘{status}’ en kan niet worden gewijzigd. Zet het eerst terug naar concept."
    ),
    "bad_transition": "Een stuk met status ‘{status}’ kan niet naar ‘{target}’.",
    "unknown_state": "Onbekende status ‘{target}’.",
    "role_needed": "Alleen een {roles} mag het stuk naar ‘{target}’ zetten (u bent {role}).",
    "blocked_by_errors": (
        "Het stuk kan niet naar ‘{target}’: los eerst de fouten onder ‘Controle’ op."
    ),
    "bad_note_id": (
        "Voetnootnummer ‘{note}’ kan niet: gebruik letters, cijfers, - of _ (zoals [^1])."
    ),
    "bad_metadata": "De gegevens zijn niet opgeslagen: {field} is ongeldig.",
    "nul": "De tekst bevat een NUL-teken (\\u0000); haal het weg.",
    "too_large": "Het bestand is te groot (hoogstens {limit} MB).",
    "too_many_requests": (
        "Te veel inlogpogingen vanaf dit adres. Wacht {seconds} seconden en probeer het opnieuw."
    ),
}

BY_STATUS = {
    400: "Het verzoek is ongeldig.",
    401: "U bent niet (meer) ingelogd. Log in met uw token.",
    403: "U mag dit niet doen met uw rol.",
    404: "Niet gevonden.",
    409: "Dit kan nu niet: het stuk is intussen gewijzigd of heeft een andere status.",
    413: "Het bestand is te groot.",
    422: "De invoer is ongeldig.",
    429: "Te veel verzoeken; probeer het over een minuut opnieuw.",
}


def _dutch_params(params: dict[str, str]) -> dict[str, str]:
    """Params as the Dutch texts show them: states, roles, dates and fields in Dutch."""
    shown = dict(params)
    for key in ("status", "target"):
        if key in shown:
            shown[key] = STATES.get(shown[key], shown[key])
    if "role" in shown:
        shown["role"] = ROLES.get(shown["role"], shown["role"])
    if "roles" in shown:
        shown["roles"] = " of ".join(ROLES.get(r, r) for r in shown["roles"].split(",") if r)
    for key in ("answered", "submitted"):
        if key in shown:
            shown[key] = _dutch_day(shown[key])
    if "field" in shown:
        top = shown["field"].split(".")[0]
        shown["field"] = FIELDS.get(top, shown["field"] or "een veld")
    return shown


def _dutch_day(iso: str) -> str:
    try:
        return dutch_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def _fill(template: str, params: dict[str, str]) -> str | None:
    try:
        return template.format(**_dutch_params(params))
    except (KeyError, IndexError, ValueError):
        return None


def question_name(number: str, party: str | None) -> str:
    """'vraag 3 (D66)'."""
    return f"vraag {number} ({party})" if party else f"vraag {number}"


def issue_text(issue: Issue) -> str:
    """'vraag 3 (D66): niet beantwoord' — the Dutch form of a check result."""
    template = ISSUES.get(issue.code)
    said = _fill(template, issue.params) if template else None
    if said is None:
        said = "fout" if issue.level == "error" else "waarschuwing"
        said += " (controleer dit antwoord)" if issue.question else ""
    if issue.question is None:
        return said[:1].upper() + said[1:]
    return f"{question_name(issue.question, issue.params.get('party'))}: {said}"


def error_text(error: DraftingError) -> str:
    """A drafting error in Dutch (by its key; else a general sentence for its status)."""
    template = ERRORS.get(error.key)
    said = _fill(template, error.params) if template else None
    return said or BY_STATUS.get(error.status, "Er ging iets mis.")


def status_text(status: int, key: str = "", **params: str) -> str:
    """A Dutch sentence for an HTTP status, or for a known key."""
    template = ERRORS.get(key)
    said = _fill(template, params) if template else None
    return said or BY_STATUS.get(status, "Er ging iets mis.")


def input_error_text(error: KamerqaInputError, filename: str) -> str:
    """An unreadable upload: which file, and what the pages accept."""
    if error.problem == NO_FACTIONS:
        return (
            f"In ‘{filename}’ zijn geen fracties met vragen gevonden. Begint elke fractie met een "
            "kop als ‘Vragen en opmerkingen van de leden van de VVD-fractie’?"
        )
    return (
        f"Het bestand ‘{filename}’ kon niet als inbreng worden gelezen. Upload een tekst-, "
        "Word-, PDF- of HTML-bestand met de vragen per fractie, of begin met de hand."
    )
