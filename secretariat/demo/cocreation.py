"""The demo forum's action-plan cycle: a whole cycle's co-creation records that meet some
requirements and miss others, so the compliance dashboard shows every status.

Built around the demo's day: development from about a year ago until half a year ago,
implementation since then (two years). What it records, and what that shows:

* a national OGP web page and a publication log: the development timeline published on
  time, monthly development updates with one gap of six weeks (partly met), no
  repository entry (not met);
* consultations: the draft commitments open three weeks through three channels (met),
  the draft action plan through one channel only (partly met); none yet on the
  self-assessment (not yet due);
* contributions from the public (40 in the small demo, 50,000 in the large one), most
  answered within 20 days, some late and some never (partly met);
* proposals with reasons, commitments with lead agencies, one without a working group;
  progress updates for some commitments (partly met);
* outreach through two channels, one targeted; stakeholders' questions answered mostly
  in time;
* attestations with evidence for two requirements the records cannot decide (attested),
  one stating a requirement is not met; the rest cannot be told.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert

from secretariat.model import Contribution
from secretariat.model.base import utcnow
from secretariat.services.cocreation import (
    attestations,
    commitments,
    consultations,
    cycles,
    outreach,
    proposals,
    web,
)
from secretariat.services.cocreation.contributions import ContributionValues, checked_contribution

SMALL_CONTRIBUTIONS = 40
LARGE_CONTRIBUTIONS = 50_000
_TOPICS = ("開放資料", "預算透明", "公共參與", "採購資訊", "法規協作", "數位包容")
_REGIONS = ("臺北市", "新北市", "臺中市", "高雄市", "花蓮縣", "臺東縣", "澎湖縣")
_KINDS = ("civil_society", "citizen", "academia", "private_sector", "media")
_CHANNELS = ("written", "online_discussion", "survey", "in_person", "remote")


def _day(base: dt.date, offset: int) -> dt.date:
    return base + dt.timedelta(days=offset)


def build_cocreation(s, *, today: dt.date, contributions: int = SMALL_CONTRIBUTIONS,
                     seed: int = 2025) -> int:
    """Add the demo cycle (the caller commits); returns its id."""
    rng = random.Random(seed)
    dev_start = _day(today, -365)
    dev_end = _day(today, -181)
    impl_start, impl_end = _day(today, -180), _day(today, 550)
    name = f"{dev_start.year}–{impl_end.year}"
    cycle = cycles.create_cycle(
        s, name=name, development_starts_on=dev_start, development_ends_on=dev_end,
        implementation_starts_on=impl_start, implementation_ends_on=impl_end,
        plan_submitted_on=_day(dev_end, 10))
    for offset, title in ((-20, "公布共創時程"), (60, "承諾草案公開徵詢"), (150, "行動方案定稿"),
                          (365 + 180, "自評報告公開徵詢")):
        cycles.add_milestone(s, cycle.id, title=title, due_on=_day(dev_start, offset),
                             done_on=_day(dev_start, offset) if offset < 365 else None)
    _web_and_publications(s, cycle.id, dev_start)
    draft = _consultations(s, cycle.id, dev_start)
    _contributions(s, rng, cycle.id, draft, dev_start, today, contributions)
    _commitments(s, rng, cycle.id, dev_start, impl_start, today)
    _outreach(s, cycle.id, dev_start, impl_start)
    _attestations(s, cycle.id, dev_start)
    return cycle.id


def _web_and_publications(s, cycle_id: int, dev_start: dt.date) -> None:
    web.set_web_page(s, address="https://ogp.example.gov.tw",
                     contact_point="國家發展委員會 開放政府聯絡窗口 ogp@example.gov.tw")
    web.record_publication(s, subject="development_timeline", cycle_id=cycle_id,
                           published_on=_day(dev_start, -20), title="共創時程")
    # Monthly updates during development, with one gap of six weeks in the middle.
    for offset in (10, 40, 70, 112, 140, 170):
        web.record_publication(s, subject="development_update", cycle_id=cycle_id,
                               published_on=_day(dev_start, offset), title="共創進度更新")
    web.record_publication(s, subject="forum_record", cycle_id=cycle_id,
                           published_on=_day(dev_start, 30), title="論壇會議紀錄")
    web.record_publication(s, subject="contributions", cycle_id=cycle_id,
                           published_on=_day(dev_start, 120), title="公眾意見與回應")


def _consultations(s, cycle_id: int, dev_start: dt.date) -> int:
    draft = consultations.open_consultation(
        s, cycle_id, subject="draft_commitments", title="承諾草案公開徵詢",
        opens_on=_day(dev_start, 60), closes_on=_day(dev_start, 80),
        channels=["written", "online_discussion", "in_person"],
        materials="承諾草案、背景說明、淺白摘要")
    consultations.open_consultation(
        s, cycle_id, subject="draft_action_plan", title="行動方案草案徵詢",
        opens_on=_day(dev_start, 130), closes_on=_day(dev_start, 150),
        channels=["online_discussion"], materials="行動方案草案")
    return draft.id


def _contributions(s, rng, cycle_id: int, consultation_id: int, dev_start: dt.date,
                   today: dt.date, count: int) -> None:
    """Contributions over the development phase and beyond; about 85% answered within 20
    days, 10% late, 5% still waiting. Checked one by one as the services do, written in
    bulk (50,000 rows stay within the large demo's time)."""
    now = utcnow()
    rows = []
    columns = ("cycle_id", "consultation_id", "stakeholder_kind", "contributor", "region",
               "channel", "received_on", "topic", "text", "response", "responded_on")
    span = (today - dev_start).days - 25
    for number in range(count):
        received = _day(dev_start, rng.randrange(max(span, 1)))
        fate = rng.random()
        responded = None if fate > 0.95 else _day(
            received, rng.randrange(1, 21) if fate < 0.85 else rng.randrange(21, 40))
        topic = rng.choice(_TOPICS)
        values = ContributionValues(
            stakeholder_kind=rng.choice(_KINDS), channel=rng.choice(_CHANNELS),
            received_on=received, text=f"關於{topic}的建議（第{number + 1}則）：請提供更完整的資料與說明。",
            region=rng.choice(_REGIONS), topic=topic,
            consultation_id=consultation_id if number % 3 == 0 else None,
            response="感謝建議；已納入承諾草案第二項並說明理由。" if responded else "",
            responded_on=responded)
        contribution = checked_contribution(cycle_id, values)
        rows.append({column: getattr(contribution, column) for column in columns}
                    | {"version": 1, "created_at": now, "updated_at": now})
        if len(rows) == 5000:
            s.execute(insert(Contribution.__table__), rows)
            rows = []
    if rows:
        s.execute(insert(Contribution.__table__), rows)


def _commitments(s, rng, cycle_id: int, dev_start: dt.date, impl_start: dt.date,
                 today: dt.date) -> None:
    plans = (("開放政府採購資料", "行政院公共工程委員會", "採購透明工作小組"),
             ("公共政策網路參與平臺擴大運用", "國家發展委員會", "參與平臺工作小組"),
             ("預算資訊視覺化", "行政院主計總處", ""))
    made = []
    for title, agency, group in plans:
        commitment = commitments.add_commitment(s, cycle_id, title=title, lead_agency=agency,
                                                working_group=group)
        commitments.add_commitment_milestone(s, commitment.id, title="第一階段上線",
                                             due_on=_day(impl_start, 180))
        proposal = proposals.record_proposal(s, cycle_id, title=title,
                                             submitted_on=_day(dev_start, 50),
                                             proposed_by="公民團體")
        proposals.decide_proposal(s, proposal.id, outcome="included",
                                  reason="回應多數公眾意見，且有明確主責機關。",
                                  decided_on=_day(dev_start, 120),
                                  commitment_id=commitment.id)
        made.append(commitment)
    merged = proposals.record_proposal(s, cycle_id, title="採購決標資料即時公開",
                                       submitted_on=_day(dev_start, 55))
    proposals.decide_proposal(s, merged.id, outcome="merged", reason="與採購資料承諾重疊，併入辦理。",
                              decided_on=_day(dev_start, 120), commitment_id=made[0].id)
    rejected = proposals.record_proposal(s, cycle_id, title="設立新部會",
                                         submitted_on=_day(dev_start, 58))
    proposals.decide_proposal(s, rejected.id, outcome="rejected",
                              reason="涉及組織法修正，非本期行動方案範圍。",
                              decided_on=_day(dev_start, 120))
    # Progress for the first two commitments only, published.
    for commitment, completion in zip(made[:2], ("substantial", "limited")):
        day = min(_day(impl_start, 150), today)
        commitments.record_progress(s, commitment.id, reported_on=day, completion=completion,
                                    delayed=completion == "limited",
                                    delay_reason="系統採購流程延宕" if completion == "limited" else "",
                                    next_steps="完成第二階段資料集", published_on=day)


def _outreach(s, cycle_id: int, dev_start: dt.date, impl_start: dt.date) -> None:
    outreach.record_outreach(s, cycle_id, held_on=_day(dev_start, 15), kind="awareness",
                             channel="social_media", description="共創說明貼文與直播")
    outreach.record_outreach(s, cycle_id, held_on=_day(dev_start, 45), kind="targeted",
                             channel="event", audience="東部原住民族團體",
                             description="花蓮說明會")
    for offset, answered in ((20, 5), (65, 18), (90, 30)):
        question = outreach.record_question(s, cycle_id, asked_on=_day(dev_start, offset),
                                            question="承諾草案何時公布？", asked_by="地方協會")
        outreach.answer_question(s, question.id, answer="已於網站公布時程。",
                                 answered_on=_day(dev_start, offset + answered))
    question = outreach.record_question(s, cycle_id, asked_on=_day(impl_start, 30),
                                        question="採購資料多久更新一次？", asked_by="記者")
    outreach.answer_question(s, question.id, answer="每月更新。",
                             answered_on=_day(impl_start, 45))


def _attestations(s, cycle_id: int, dev_start: dt.date) -> None:
    attestations.attest(s, cycle_id, requirement_id="seed.cycle.info.b3",
                        statement="所有資訊均以中文撰寫並附淺白摘要。",
                        attested_on=_day(dev_start, 30), attested_by="秘書處",
                        evidence_link="https://ogp.example.gov.tw/plain-language")
    attestations.attest(s, cycle_id, requirement_id="seed.dev.own.b2",
                        statement="論壇以共識決定承諾優先順序。",
                        attested_on=_day(dev_start, 125), attested_by="共同主席",
                        evidence_link="https://ogp.example.gov.tw/minutes/priorities")
    attestations.attest(s, cycle_id, requirement_id="seed.cycle.spaces.a1", is_met=False,
                        statement="尚未提供手語及多語言同步翻譯。",
                        attested_on=_day(dev_start, 200), attested_by="秘書處",
                        evidence_link="https://ogp.example.gov.tw/accessibility")
