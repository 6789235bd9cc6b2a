"""The ladder rules, without Qt: the recommendation changes as the timeline grows."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from desktop.escalation import Rung, due_follow_ups, recommend, standing
from desktop.model import Case, ContactEntry, Outcome, Tier
from desktop.sample import sample_case

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 22)


def entry(day: int, tier: Tier, outcome: Outcome, **kw: object) -> ContactEntry:
    return ContactEntry(
        at=datetime(2026, 11, day, 10, 0, tzinfo=TZ), tier=tier, outcome=outcome, **kw
    )  # type: ignore[arg-type]


def test_the_recommendation_climbs_with_each_refusal() -> None:
    case = Case()
    case.purchase.date = date(2025, 9, 20)
    case.purchase.country = "DE"
    seen = []
    steps = [
        (Tier.SERVICE_PROVIDER, Rung.APPLE_STORE),
        (Tier.APPLE_STORE, Rung.APPLECARE),
        (Tier.APPLECARE, Rung.SENIOR_ADVISOR),
        (Tier.SENIOR_ADVISOR, Rung.CUSTOMER_RELATIONS),
        (Tier.CUSTOMER_RELATIONS, Rung.EXECUTIVE_RELATIONS),
    ]
    assert recommend(case, TODAY).target is Rung.APPLE_STORE
    for day, (tier, expected) in enumerate(steps, start=1):
        case.contacts.append(entry(day, tier, Outcome.REFUSED))
        rec = recommend(case, TODAY)
        seen.append(rec.target)
        assert rec.target is expected, (tier, rec.headline)
    assert (
        "2 refusals from AppleCare advisors"
        in recommend(Case(contacts=case.contacts[:4]), TODAY).reason
    )
    case.contacts.append(entry(6, Tier.EXECUTIVE_RELATIONS, Outcome.REFUSED))
    assert recommend(case, TODAY).target is None


def test_resolved_case_needs_nothing_more() -> None:
    case = Case(contacts=[entry(3, Tier.APPLECARE, Outcome.RESOLVED)])
    rec = recommend(case, TODAY)
    assert rec.target is None and rec.headline == "Resolved"
    assert rec.talking_points == []


def test_pending_promise_in_the_future_means_wait() -> None:
    case = Case(
        contacts=[
            entry(
                20,
                Tier.SENIOR_ADVISOR,
                Outcome.PENDING,
                who="Maria",
                next_step_due=date(2026, 11, 25),
                case_number="1029",
            ),
        ]
    )
    rec = recommend(case, TODAY)
    assert rec.headline.startswith("Wait for the answer promised by Nov 25, 2026")
    assert "1029" in rec.reason and "3 days" in rec.reason
    assert due_follow_ups(case, TODAY) == []
    assert due_follow_ups(case, date(2026, 11, 25)) == case.contacts


def test_a_later_contact_answers_an_earlier_follow_up() -> None:
    first = entry(10, Tier.APPLECARE, Outcome.PENDING, next_step_due=date(2026, 11, 12))
    case = Case(contacts=[first])
    assert due_follow_ups(case, TODAY) == [first]
    case.contacts.append(entry(13, Tier.APPLECARE, Outcome.REFUSED))
    assert due_follow_ups(case, TODAY) == []


def test_standing_ignores_other_and_counts_investor_relations_as_exec() -> None:
    case = Case(contacts=[entry(1, Tier.OTHER, Outcome.REFUSED)])
    assert standing(case) is Rung.START
    case.contacts.append(entry(2, Tier.INVESTOR_RELATIONS, Outcome.PENDING))
    assert standing(case) is Rung.EXECUTIVE_RELATIONS


def test_sample_case_coaching_uses_its_facts() -> None:
    case = sample_case()
    rec = recommend(case, date(2026, 11, 22))
    assert rec.standing is Rung.SENIOR_ADVISOR
    assert [e.id for e in rec.due] == [case.contacts[-1].id]  # due 16 Nov, nothing since
    assert any("H7XQ2LM9VR" in item for item in rec.have_ready)
    assert any("102938475610" in item for item in rec.have_ready)
    assert any("EU legal guarantee" in p for p in rec.talking_points)
    assert any("Never argue" in p for p in rec.talking_points)
