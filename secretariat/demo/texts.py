"""Names and phrases the demo forums are written from.

Bilingual pairs (Traditional Chinese, English) for the records that have an English field
(seat labels, people's and organisations' names, meeting titles, agenda items, decisions),
so each reads naturally in either language; text kept in one field only (minutes,
reasons, action items, notes) is Chinese, as a secretariat in Taiwan writes it. Chinese
phrases are varied enough that full-text search over the large demo finds something for
ordinary queries (開放資料, 行動方案, 會議紀錄…). People (``people_names``) and
civil-society organisations are invented; government bodies are Taiwan's real agencies,
as a secretariat would list them.
"""

from __future__ import annotations

import random
import re

from secretariat.demo.people_names import (  # noqa: F401  (re-exported: the demo's words)
    GIVEN_SYLLABLES,
    JOB_TITLES_GOV,
    JOB_TITLES_NGO,
    SURNAMES,
    PersonName,
    email_for,
    person_name,
    phone_for,
    unique_names,
)

FORUM_NAME_ZH_TW = "開放政府國家行動方案多元利害關係人論壇"
FORUM_NAME_EN = "Open Government National Action Plan Multi-stakeholder Forum"
FORUM_JURISDICTION = "中華民國（臺灣）"
FORUM_WEBSITE = "https://opengov.example.tw/"
FORUM_CONTACT = "論壇秘書處（secretariat@opengov.example.tw）"
TIME_ZONE = "Asia/Taipei"

# Planted in private fields so privacy tests can prove no export leaks them.
PRIVATE_MARKER = "PRIVATE-MARKER-demo"
RESTRICTED_DOC_MARKER = "PRIVATE-MARKER-restricted-document"

# (zh_TW, English, sector code)
GOVERNMENT_BODIES = (
    ("國家發展委員會", "National Development Council", "government_agency"),
    ("法務部", "Ministry of Justice", "government_agency"),
    ("內政部", "Ministry of the Interior", "government_agency"),
    ("數位發展部", "Ministry of Digital Affairs", "government_agency"),
    ("財政部", "Ministry of Finance", "government_agency"),
    ("經濟部", "Ministry of Economic Affairs", "government_agency"),
    ("環境部", "Ministry of Environment", "government_agency"),
    ("衛生福利部", "Ministry of Health and Welfare", "government_agency"),
    ("教育部", "Ministry of Education", "government_agency"),
    ("勞動部", "Ministry of Labor", "government_agency"),
    ("原住民族委員會", "Council of Indigenous Peoples", "government_agency"),
    ("行政院性別平等處", "Department of Gender Equality, Executive Yuan", "government_agency"),
    ("臺北市政府", "Taipei City Government", "subnational_government"),
    ("高雄市政府", "Kaohsiung City Government", "subnational_government"),
    ("立法院", "Legislative Yuan", "parliament"),
    ("司法院", "Judicial Yuan", "judiciary"),
)
NON_GOVERNMENT_BODIES = (
    ("開放資料促進協會", "Open Data Promotion Association", "civil_society"),
    ("公民參與行動聯盟", "Civic Participation Action Alliance", "civil_society"),
    ("透明治理研究基金會", "Transparent Governance Research Foundation", "civil_society"),
    ("數位人權學會", "Digital Rights Society", "civil_society"),
    ("環境資訊協會", "Environmental Information Association", "civil_society"),
    ("原住民族權益促進會", "Indigenous Rights Advancement Association", "civil_society"),
    ("身心障礙者權益聯盟", "Disability Rights Alliance", "civil_society"),
    ("性別平等教育協會", "Gender Equality Education Association", "civil_society"),
    ("國立臺灣大學公共事務研究所", "Graduate Institute of Public Affairs, National Taiwan University", "academia"),
    ("國立政治大學公共行政學系", "Department of Public Administration, National Chengchi University", "academia"),
    ("國立成功大學政治學系", "Department of Political Science, National Cheng Kung University", "academia"),
    ("臺灣科技產業協進會", "Taiwan Technology Industry Council", "private_sector"),
    ("中小企業數位轉型聯盟", "SME Digital Transformation Alliance", "private_sector"),
    ("", "", "citizen"),  # a citizen member sits in a personal capacity
    ("公共媒體觀察基金會", "Public Media Watch Foundation", "media"),
    ("青年公共事務學會", "Youth Public Affairs Society", "other"),
)

# Seats: (Chinese label prefix, English label prefix) by side; the seat's number follows.
SEAT_PREFIXES = {True: ("政府代表席次", "Government seat"),
                 False: ("非政府代表席次", "Non-government seat")}
# Organisations of the large demo beyond the seats' bodies: a topic and one of these.
EXTRA_ORGANISATION_KINDS = (("協會", "Association"), ("研究中心", "Research Centre"))

TOPICS = (
    ("開放資料", "open data"), ("公共參與", "public participation"),
    ("政治獻金透明", "political finance transparency"), ("受益所有權登記", "beneficial ownership transparency"),
    ("氣候變遷資訊公開", "climate information disclosure"), ("性別平等", "gender equality"),
    ("司法透明", "judicial transparency"), ("數位包容", "digital inclusion"),
    ("遊說法制", "lobbying regulation"), ("公共採購資訊公開", "open contracting"),
    ("原住民族參與", "Indigenous participation"), ("揭弊者保護", "whistleblower protection"),
    ("青年參與", "youth engagement"), ("地方開放政府", "local open government"),
    ("預算透明", "budget transparency"), ("個人資料保護", "personal data protection"),
)
# Agenda item patterns: (zh_TW, English, purpose value)
ITEM_PATTERNS = (
    ("{t}承諾事項執行進度報告", "Progress report on the {t} commitment", "information"),
    ("{t}承諾事項草案討論", "Discussion of the draft {t} commitment", "discussion"),
    ("{t}工作小組提案", "Proposal from the {t} working group", "decision"),
    ("{t}公眾意見回應說明", "Response to public comments on {t}", "information"),
    ("{t}里程碑調整案", "Revised milestones for {t}", "decision"),
    ("{t}跨機關協調事項", "Inter-agency coordination on {t}", "discussion"),
    ("{t}自我評估報告初稿", "Draft self-assessment report on {t}", "discussion"),
    ("{t}諮詢會議規劃", "Planning the consultation on {t}", "decision"),
)
OPENING_ITEMS = (
    ("確認上次會議紀錄", "Confirmation of the minutes of the previous meeting", "decision"),
    ("秘書處工作報告", "Report of the secretariat", "information"),
)
CLOSING_ITEM = ("臨時動議", "Any other business", "discussion")
# The minutes' other matters (general remarks), printed after the agenda items.
CLOSING_REMARKS = "臨時動議：無。主席感謝各位委員出席{title}，宣布散會。"
# One-field records of the meetings (Chinese).
ALL_MEMBERS = "全體委員"
ALL_MEMBERS_AND_OBSERVERS = "全體委員及觀察員"
# What the minutes say of an agenda item: the standing items have their own words.
STANDING_ITEM_MINUTES = {
    "確認上次會議紀錄": "上次會議紀錄經確認，無修正意見。",
    "秘書處工作報告": "秘書處報告近期工作辦理情形，洽悉。",
    "臨時動議": "無臨時動議。",
}
MINUTES_PHRASES = (  # under the item's heading, so they do not repeat its title
    "由{presenter}報告說明，委員就{topic}提出意見，秘書處將彙整後回覆。",
    "{presenter}說明{topic}辦理情形，委員建議定期更新並公開進度。",
    "委員就{topic}提出意見，請主責機關於兩週內公開草案並蒐集公眾回饋。",
    "主席裁示：{topic}相關意見請秘書處彙整，於下次會議報告。",
    "{presenter}說明{topic}跨機關協調結果；民間委員要求提供會議紀錄與佐證資料。",
    "{presenter}報告{topic}辦理情形，委員建議定期公開進度。",
)
ACTION_DESCRIPTION = "依{decision}辦理，並於下次會議報告辦理情形。"
ACTION_DESCRIPTION_UNNUMBERED = "依決議辦理，並於下次會議報告辦理情形。"
DECISION_PATTERNS = (
    ("同意{t}承諾事項修正草案，請相關機關據以辦理。",
     "Approved the revised draft {t} commitment; the agencies concerned will implement it."),
    ("{t}里程碑展延三個月，並於下次會議報告進度。",
     "Extended the {t} milestones by three months; progress to be reported at the next meeting."),
    ("請秘書處彙整{t}公眾意見，於兩週內公開回應。",
     "Asked the secretariat to compile public comments on {t} and publish responses within two weeks."),
    ("成立{t}工作小組，由政府與民間各推派代表組成。",
     "Set up {a_t} working group with representatives of government and civil society."),
    ("{t}自我評估報告修正後通過，送交開放政府夥伴關係（OGP）。",
     "Adopted the self-assessment report on {t} as amended, for submission to OGP."),
)
# The decision of a forum meeting that approves the minutes circulated before it.
CONFIRMATION = ("前次會議紀錄確認通過。", "The minutes of the previous meetings were approved.")
MEETING_TITLES = {
    "forum_meeting": ("第{n}次論壇會議", "Forum meeting no. {n}"),
    "working_group": ("{t}工作小組第{n}次會議", "{T} working group, meeting {n}"),
    "open_meeting": ("開放政府公開會議：{t}", "Open meeting: {t}"),
    "public_consultation": ("{t}公眾諮詢場次", "Public consultation session on {t}"),
    "ministerial_meeting": ("開放政府部會首長會議", "Ministerial meeting on open government"),
}
LOCATIONS = (
    "國家發展委員會 1 樓大禮堂（臺北市中正區寶慶路 3 號）",
    "行政院第一會議室",
    "數位發展部 18 樓會議室",
    "臺中市政府集會堂",
    "高雄市政府四維行政中心",
)
REMOTE_LINK = "https://meet.example.tw/ogp-forum"


def with_article(phrase: str) -> str:
    """``phrase`` after "a" or "an" as it is spoken: "an open data", "a youth"."""
    return ("an " if phrase[:1].lower() in "aeio" else "a ") + phrase


def agenda_titles(rng: random.Random, count: int,
                  topic: tuple[str, str] | None = None) -> list[tuple[str, str, str]]:
    """``count`` agenda items (zh_TW, English, purpose): opening items, topics, and AOB.
    A meeting about ``topic`` (a working group's, a consultation's) gives it most of its
    items; no item is on the agenda twice while there are others to choose."""
    items = list(OPENING_ITEMS[: max(0, min(2, count - 1))])
    seen: set[str] = set()
    while len(items) < count - 1:
        for _attempt in range(20):
            subject = topic if topic and rng.random() < 0.6 else rng.choice(TOPICS)
            zh, en, purpose = rng.choice(ITEM_PATTERNS)
            title = zh.format(t=subject[0])
            if title not in seen:
                break
        seen.add(title)
        items.append((title, en.format(t=subject[1]), purpose))
    items.append(CLOSING_ITEM)
    return items[:count]


def topic_of(title: str) -> tuple[str, str] | None:
    """The topic an agenda item's Chinese title is about (its titles begin with it)."""
    found = [topic for topic in TOPICS if title.startswith(topic[0])]
    return max(found, key=lambda topic: len(topic[0])) if found else None


def decision_text(rng: random.Random, topic: tuple[str, str] | None = None, *,
                  working_group: bool = False) -> tuple[str, str]:
    """A decision (zh_TW, English) on ``topic`` (a random one if None); a working group
    does not set itself up."""
    subject, subject_en = topic or rng.choice(TOPICS)
    patterns = [p for p in DECISION_PATTERNS if not (working_group and "工作小組" in p[0])]
    zh, en = rng.choice(patterns)
    return zh.format(t=subject), en.format(t=subject_en, a_t=with_article(subject_en))


def minutes_entry(rng: random.Random, title: str, presenter: str) -> str:
    """What the minutes say of an agenda item (Chinese: minutes have one text)."""
    fixed = STANDING_ITEM_MINUTES.get(title)
    if fixed:
        return fixed
    topic = topic_of(title) or rng.choice(TOPICS)
    return rng.choice(MINUTES_PHRASES).format(presenter=presenter, topic=topic[0])


def decision_label_zh(number: str) -> str:
    """「2026年第3次會議第2號決議」 for ``2026-S03-R02``, as Chinese text is stored."""
    match = re.fullmatch(r"(\d{4})-S(\d+)-R(\d+)", number)
    if match is None:
        return f"決議 {number}"
    year, meeting, ordinal = (int(part) for part in match.groups())
    return f"{year}年第{meeting}次會議第{ordinal}號決議"


def meeting_title(kind: str, number: int, rng: random.Random,
                  topic: tuple[str, str] | None = None) -> tuple[str, str]:
    subject, subject_en = topic or rng.choice(TOPICS)
    zh, en = MEETING_TITLES[kind]
    return (zh.format(n=number, t=subject),
            en.format(n=number, t=subject_en, T=subject_en[:1].upper() + subject_en[1:]))


def proposed_by(rng: random.Random, title: str) -> str:
    """Who put an item on the agenda (a ``ProposedBy`` value): the secretariat, which is
    government, puts the standing items; the others come from any side."""
    if title in STANDING_ITEM_MINUTES:
        return "government"
    return rng.choice(("government", "non_government", "public"))
