"""Selection rounds of the demo forum: a LEXIMIN lottery for two civil-society seats of
the next term, decided and published (its two members start after today, so today's
balance is that of the rest of the demo), and an STV election for two academic seats,
counted and waiting for its decision — so the Member selection page shows both charts.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from secretariat.services.selection import candidates, committee, deciding, inputs
from secretariat.services.selection import publishing, rounds, running, screening, sources

# (name, English name, organisation, region, gender, age band)
CSO_APPLICANTS = (
    ("許文華", "Hsu Wen-hua", "台灣透明組織協會", "north", "f", "35-49"),
    ("鄭宇軒", "Cheng Yu-hsuan", "零時政府社群", "north", "m", "18-34"),
    ("謝佩珊", "Hsieh Pei-shan", "台南社區營造協會", "south", "f", "50+"),
    ("周冠廷", "Chou Kuan-ting", "花蓮原住民族發展協會", "east", "m", "35-49"),
    ("蔡欣怡", "Tsai Hsin-yi", "台中婦女權益促進會", "central", "f", "18-34"),
    ("楊志明", "Yang Chih-ming", "高雄環境資訊中心", "south", "m", "50+"),
    ("郭雅雯", "Kuo Ya-wen", "新竹開放資料社群", "north", "f", "35-49"),
    ("洪建國", "Hung Chien-kuo", "屏東農村青年聯盟", "south", "m", "18-34"),
    ("曾淑惠", "Tseng Shu-hui", "台東偏鄉教育協會", "east", "f", "50+"),
)
ORGANISATIONS_EN = {
    "台灣透明組織協會": "Transparency Taiwan Association",
    "零時政府社群": "g0v Community", "台南社區營造協會": "Tainan Community Building Association",
    "花蓮原住民族發展協會": "Hualien Indigenous Development Association",
    "台中婦女權益促進會": "Taichung Women's Rights Association",
    "高雄環境資訊中心": "Kaohsiung Environmental Information Centre",
    "新竹開放資料社群": "Hsinchu Open Data Community",
    "屏東農村青年聯盟": "Pingtung Rural Youth Alliance",
    "台東偏鄉教育協會": "Taitung Rural Education Association",
}
EXCLUDED = ("羅志偉", "Lo Chih-wei", "某顧問有限公司", "north", "m", "35-49",
            "申請單位為營利事業，不符公民社會組織之資格")
ACADEMIC_CANDIDATES = ("林教授", "陳教授", "王副教授", "張助理教授")
# Ranked ballots of the academic constituency (weight, ranking by candidate number).
ACADEMIC_BALLOTS = ((9, (1, 2)), (6, (2, 3)), (5, (3, 2, 1)), (4, (4, 3)), (2, (4, 1)))


def add_selection_rounds(s: Session, *, today: dt.date) -> None:
    _cso_lottery(s, today)
    _academic_election(s, today)


def _term(today: dt.date) -> tuple[dt.date, dt.date]:
    start = dt.date(today.year + 1, 1, 1)
    return start, dt.date(start.year + 1, 12, 31)


def _announced(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(2, 0), dt.timezone.utc)


def _cso_lottery(s: Session, today: dt.date) -> None:
    start, end = _term(today)
    draw = today - dt.timedelta(days=20)
    r = rounds.create_round(
        s, title="下屆公民社會代表席次抽籤遴選", title_en="Civil society seats of the next term: lottery",
        sector_code="civil_society", seats=2, term_start=start, term_end=end, method="leximin",
        call_opens=draw - dt.timedelta(days=45), call_closes=draw - dt.timedelta(days=10),
        decision_date=draw, constituency="在台灣登記之公民社會組織",
        criteria_zh="申請單位須為依法登記之非營利公民社會組織，成立滿兩年，且近兩年內參與開放政府相關工作。",
        criteria_en="Applicants must be registered non-profit civil society organisations, "
                    "at least two years old, active in open government in the last two years.")
    rounds.move_round(s, r.id, "call_open")
    for name, name_en, org, region, gender, age in (*CSO_APPLICANTS, EXCLUDED[:6]):
        c = candidates.add_candidate(s, r.id, name=name, name_en=name_en, organisation=org,
                                     sector_code="civil_society",
                                     features={"region": region, "gender": gender, "age": age})
        excluded = name == EXCLUDED[0]
        screening.screen_candidate(s, c.id, eligible=not excluded,
                                   reason=EXCLUDED[6] if excluded else "")
    members = [committee.add_committee_member(s, r.id, name=n, organisation=o, declaration=d)
               for n, o, d in (("吳委員", "台灣人權促進會", "與許文華同為某聯盟理事，就其申請迴避。"),
                               ("李委員", "社區大學全國促進會", "無利益衝突。"),
                               ("黃委員", "公民科技協會", "無利益衝突。"))]
    first = candidates.candidate_at(s, r.id, 1)
    committee.step_aside(s, members[0].id, first.id)
    inputs.set_quotas(s, r.id, [
        {"category": "gender", "feature": "f", "min": 1, "max": 1},
        {"category": "gender", "feature": "m", "min": 1, "max": 1},
        {"category": "region", "feature": "north", "min": 0, "max": 1}])
    for description, value in (("今彩539 開獎號碼（抽籤日前一日）", "4 11 23 30 38"),
                               ("大樂透 開獎號碼（抽籤日前一日）", "2 9 17 26 33 45")):
        sources.announce_source(s, r.id, description=description, value=value,
                                announced_at=_announced(draw - dt.timedelta(days=14)))
    rounds.move_round(s, r.id, "closed")
    running.run_round(s, r.id)
    # The selected candidates become members: their organisations get English names too.
    from secretariat.services.members.people import get_or_create_organisation

    for _name, _en, org, *_rest in CSO_APPLICANTS:
        get_or_create_organisation(s, org, name_en=ORGANISATIONS_EN[org])
    deciding.decide_round(s, r.id)
    publishing.publish_round(s, r.id)


def _academic_election(s: Session, today: dt.date) -> None:
    start, end = _term(today)
    count_day = today - dt.timedelta(days=5)
    r = rounds.create_round(
        s, title="下屆學術界代表席次選舉", title_en="Academic seats of the next term: election",
        sector_code="academia", seats=2, term_start=start, term_end=end, method="stv_scottish",
        call_opens=count_day - dt.timedelta(days=40), call_closes=count_day - dt.timedelta(days=7),
        decision_date=count_day, constituency="大專院校公共行政、資訊及法律相關系所",
        criteria_zh="國內大專院校專任教師，研究領域與開放政府相關。",
        criteria_en="Full-time university teachers in Taiwan researching open government.")
    rounds.move_round(s, r.id, "call_open")
    for name in ACADEMIC_CANDIDATES:
        c = candidates.add_candidate(s, r.id, name=name, organisation="國立大學",
                                     sector_code="academia")
        screening.screen_candidate(s, c.id, eligible=True)
    committee.add_committee_member(s, r.id, name="選務委員", organisation="學術界代表互推",
                                   declaration="非候選人，無利益衝突。")
    sources.announce_source(s, r.id, description="今彩539 開獎號碼（若需抽籤）",
                            value="5 12 19 28 36",
                            announced_at=_announced(count_day - dt.timedelta(days=10)))
    ballots = "".join(f"{w} {' '.join(map(str, rank))} 0\n" for w, rank in ACADEMIC_BALLOTS)
    names = "".join(f'"{n}"\n' for n in ACADEMIC_CANDIDATES)
    inputs.set_ballots(s, r.id, f"{len(ACADEMIC_CANDIDATES)} 2\n{ballots}0\n{names}\"學術界代表\"\n")
    rounds.move_round(s, r.id, "closed")
    running.run_round(s, r.id)
