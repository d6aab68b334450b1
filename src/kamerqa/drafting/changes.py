"""What changed between two versions of a consultation's content, in words for the audit log."""

from __future__ import annotations

from kamerqa.drafting.models import ConsultationContent


def _answers_by_question(content: ConsultationContent) -> dict[str, tuple[tuple[str, ...], str]]:
    return {n: (tuple(a.questions), a.text) for a in content.answers for n in a.questions}


def _listed(label: str, items: list[str]) -> str:
    return f"{label} {', '.join(items)}" if items else ""


def describe_changes(old: ConsultationContent, new: ConsultationContent) -> str:
    """E.g. "metadata: committee, subject; answers to questions 2, 3; footnotes 1"."""
    parts: list[str] = []
    old_meta = old.metadata.model_dump(mode="json")
    new_meta = new.metadata.model_dump(mode="json")
    meta = [k for k in new_meta if old_meta.get(k) != new_meta.get(k)]
    if old.title != new.title:
        meta.insert(0, "title")
    if old.genre != new.genre:
        meta.insert(0, "genre")
    parts.append(_listed("metadata:", meta))
    old_parties = {p.name: p for p in old.parties}
    parties = [p.name for p in new.parties if old_parties.get(p.name) != p]
    parties += [n for n in old_parties if n not in {p.name for p in new.parties}]
    parts.append(_listed("factions", parties))
    old_q = {q.number: q for q in old.questions}
    new_q = {q.number: q for q in new.questions}
    changed_q = [n for n in new_q if old_q.get(n) != new_q[n]]
    changed_q += [n for n in old_q if n not in new_q]
    parts.append(_listed("questions", changed_q))
    old_a, new_a = _answers_by_question(old), _answers_by_question(new)
    numbers = [q.number for q in new.questions] + [n for n in old_a if n not in new_q]
    changed_a = [n for n in dict.fromkeys(numbers) if old_a.get(n) != new_a.get(n)]
    parts.append(_listed("answers to questions", changed_a))
    old_f = {f.id: f.text for f in old.footnotes}
    new_f = {f.id: f.text for f in new.footnotes}
    changed_f = [i for i in {**old_f, **new_f} if old_f.get(i) != new_f.get(i)]
    parts.append(_listed("footnotes", changed_f))
    return "; ".join(p for p in parts if p) or "no changes"
