"""Minutes PDF of a 20-item Chinese meeting: render time and file size.

    .venv/bin/python -m bench.bench_pdf              # 1 warm-up + 15 measured renders
    .venv/bin/python -m bench.bench_pdf --runs 30 --check

Builds the meeting in a temporary SQLite database (20 agenda items, about 800 characters
of minutes each, 30 attendees, 25 decisions with votes, recusals and dissents, 20 action
items), then times ``render_minutes_pdf`` in this process: reading the meeting from the
database, laying out and writing the file. Targets: median ≤ 0.5 s, file ≤ 300 KB.
The last PDF is kept as ``bench/out/minutes-20-items.pdf`` to look at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.harness import OUT_DIR, Series, format_table, verdict
from secretariat.export import render_minutes_pdf
from secretariat.model import (
    ActionItem, AgendaItem, Attendance, AttendanceStatus, Decision, DecisionMethod, Dissent,
    Forum, ItemPurpose, Meeting, Minutes, MinutesEntry, Modality, Organisation, Person, Recusal,
)
from secretariat.store import open_store

TARGET_SECONDS = 0.5
TARGET_BYTES = 300 * 1024
TAIPEI = ZoneInfo("Asia/Taipei")

# Sentences in the register of real forum minutes; mixed at random (fixed seed) so the
# text uses as many different characters as a real meeting, which drives the font subset.
SENTENCES = [
    "主席說明本次會議係依據開放政府國家行動方案第二期之期程召開，請各部會依序報告承諾事項辦理情形。",
    "國家發展委員會報告：資料開放平臺已新增三百二十項資料集，並完成跨機關詮釋資料標準之修訂。",
    "民間委員指出，部分機關公開之資料格式仍為掃描影像，建議改以機器可讀格式釋出，以利加值運用。",
    "法務部說明受益所有權透明化之修法草案，已完成預告程序，預計於本年度第三季送立法院審議。",
    "委員關切遊說法之申報資料查詢介面不易使用，請內政部參考國際經驗改善檢索功能與下載服務。",
    "衛生福利部補充，長期照顧服務之預算執行率已達百分之八十七，未達成部分係因採購流程延宕。",
    "經討論，與會委員同意將公共政策網路參與平臺之提點子門檻與回應時限納入下期承諾事項研議。",
    "數位發展部表示，政府網站無障礙檢測將擴及地方政府，並提供輔導工具與教育訓練課程。",
    "環境部報告氣候變遷因應法子法之公眾諮詢辦理情形，共舉辦北中南東四場座談，收到意見一百餘則。",
    "委員建議秘書處彙整各承諾事項之里程碑與績效指標，製作儀表板於網站公開，並每季更新。",
    "行政院人事行政總處說明公務人員參與式治理培訓計畫，本年度已有一千二百位同仁完成課程。",
    "原住民族委員會提出原住民族語言資料庫開放之規劃，並請各族語推動組織協助審閱詞彙內容。",
    "勞動部報告職場性別平等統計資料之公開進度，委員建議增列薪資差距之分區與分業別資料。",
    "主計總處說明預算書公開之結構化資料格式，委員肯定其進展並建議提供歷年比較之視覺化圖表。",
    "教育部補充校園民主教育與資訊素養課程之推動情形，並邀請民間團體共同研發教材。",
    "交通部報告公共運輸即時動態資料之開放情形，委員提醒應注意資料品質與服務穩定度。",
    "委員詢問審計部對於行動方案執行成效之查核機制，秘書處將函詢審計部並於下次會議回復。",
    "國家通訊傳播委員會說明不實訊息因應機制之透明度報告，委員建議公開處理案件之統計與類型。",
    "客家委員會與文化部報告地方文化資產資料之數位化與授權條款，並說明採用創用CC授權之考量。",
    "內政部說明政治獻金申報資料已全面電子化，並提供API供外界查詢，委員建議增加異動紀錄。",
    "與會者關注偏鄉地區之數位落差，建議結合社區發展協會與圖書館，辦理數位包容推廣活動。",
    "金融監督管理委員會報告永續金融揭露之推動，委員建議參考國際準則擴大揭露範圍。",
    "秘書處說明下一期行動方案之共創工作坊規劃，預計於臺北、臺中、高雄、花蓮各辦理一場。",
    "委員強調多方利害關係人論壇之組成應兼顧性別、族群與區域代表性，並公開遴選程序與結果。",
    "主席裁示：請各部會於會後兩週內以書面補充說明，並由秘書處彙整後提供全體委員參考。",
    "經濟部報告中小企業數位轉型輔導資源之公開情形，委員建議以淺顯易懂之方式呈現申請流程。",
    "委員提醒會議紀錄應於會後十個工作天內公開，並同步提供英文摘要，以利國際夥伴瞭解進度。",
    "國防部說明軍事採購資訊公開之範圍與限制，委員建議說明不公開之法律依據與審查程序。",
    "僑務委員會與外交部報告開放政府夥伴關係國際交流活動之參與情形及後續合作規劃。",
    "司法院說明裁判書公開與個人資料去識別化之作業方式，委員關切去識別化之一致性與正確性。",
    "廉政署報告揭弊者保護法施行細則之研擬進度，並說明檢舉人身分保密與救濟管道之設計。",
    "農業部說明農產品產銷履歷與農藥殘留檢驗結果之公開方式，委員建議以地圖呈現抽驗地點。",
    "海洋委員會報告漁船作業監控資料之揭露範圍，民間團體關注遠洋漁業勞工人權與強迫勞動議題。",
    "國家科學及技術委員會說明研究資料管理政策草案，鼓勵受補助計畫將研究成果以開放授權釋出。",
    "委員詢及個人資料保護委員會之籌備時程，請國家發展委員會補充組織法草案之審議狀況。",
    "中央選舉委員會報告選舉公報與投開票結果之開放資料，委員建議提供歷屆資料之統一欄位格式。",
    "內政部營建署說明社會住宅興辦進度與租金補貼申請統計，委員關切弱勢家庭之申請障礙。",
    "蒙藏與移民相關業務之民眾陳情案件，請移民署說明新住民服務據點之分布與多語服務情形。",
    "與會之青年代表建議降低公民參與門檻，例如以簡易表單蒐集意見，並善用社群媒體推播訊息。",
    "身心障礙團體代表提醒，實體會議場地須具備無障礙設施，並提供手語翻譯及同步聽打服務。",
    "委員關切地方政府參與程度不一，建議於下期方案納入縣市層級之承諾事項並給予經費補助。",
    "審計部覆函說明，將於年度決算審核報告中就重要承諾事項之執行績效提出查核意見。",
    "國發會說明預算編列原則，跨部會承諾所需經費由各主辦機關於既有預算額度內勻支。",
    "秘書處提醒各機關填報進度時應檢附佐證資料，包括會議紀錄、成果報告及網站連結等。",
    "委員就氣候正義議題提出臨時動議，建議邀請受影響社區代表列席下次會議並陳述意見。",
    "主席請法制單位檢視行政程序法有關法規命令預告期間之規定，研議延長至六十日之可行性。",
    "衛福部疾病管制署補充傳染病監測資料之即時公開機制，並說明兼顧隱私與公共衛生之考量。",
    "委員建議成立工作小組，就開放契約資料標準與政府採購資訊公開之整合，提出具體建議。",
    "公共工程委員會報告決標公告資料之欄位擴充，將增列得標廠商統一編號及履約異動紀錄。",
    "財政部說明租稅優惠效益評估報告之公開，委員建議補充稅式支出之分年估算與檢討結果。",
    "文化部報告博物館藏品數位典藏之授權釋出，已有逾十萬件高解析影像以公眾領域標章提供。",
    "臺灣原住民族部落代表表達對於諮商同意權行使程序之疑慮，盼主管機關確實尊重部落意願。",
    "經表決，多數委員贊成將「公民科技協作」列為下期行動方案之優先主題，少數委員持保留意見。",
    "會議於下午五時十分散會，下次會議訂於本年六月中旬召開，確切日期由秘書處另行通知。",
]
NAMES = ["王志明", "林淑芬", "陳建宏", "黃雅婷", "張家豪", "李美玲", "吳俊傑", "劉怡君", "蔡宗翰",
         "楊佩珊", "許文彬", "鄭惠如", "謝明哲", "郭曉雯", "洪振宇", "邱玉蘭", "曾國華", "廖婉真",
         "賴冠廷", "徐靜宜", "周柏翰", "葉素貞", "蘇品睿", "莊雅惠", "呂承恩", "江佳穎", "何思遠",
         "羅詩涵", "高維倫", "凃峯堃"]
ORGS = ["國家發展委員會", "法務部", "內政部", "數位發展部", "衛生福利部", "台灣公民參與協會",
        "開放文化基金會", "台灣透明組織", "國立臺灣大學", "中華民國律師公會全國聯合會"]


def _minutes_text(rng: random.Random, sentences: int) -> str:
    paragraphs = []
    for _ in range(sentences // 3):
        paragraphs.append("".join(rng.choice(SENTENCES) for _ in range(3)))
    return "\n\n".join(paragraphs)


def build_meeting(session) -> int:
    """The benchmark meeting; returns its id."""
    rng = random.Random(20260302)
    forum = Forum(name_zh_tw="開放政府國家行動方案多方利害關係人論壇", name_en="Taiwan OGP Forum")
    session.add(forum)
    session.flush()
    start = dt.datetime(2026, 3, 2, 9, 30, tzinfo=TAIPEI)
    meeting = Meeting(forum_id=forum.id, title="第二期國家行動方案多方利害關係人論壇第8次會議",
                      starts_at=start, ends_at=start + dt.timedelta(hours=7), modality=Modality.HYBRID,
                      location="國家發展委員會 B1 大禮堂（臺北市中正區寶慶路3號）",
                      remote_link="https://meet.example.tw/ogp-8")
    session.add(meeting)
    orgs = [Organisation(name=name) for name in ORGS]
    people = [Person(name=name, organisation=orgs[i % len(orgs)]) for i, name in enumerate(NAMES)]
    session.add_all(orgs + people)
    session.flush()
    statuses = [AttendanceStatus.PRESENT] * 5 + [AttendanceStatus.REMOTE, AttendanceStatus.APOLOGIES]
    for i, person in enumerate(people):
        session.add(Attendance(meeting_id=meeting.id, person_id=person.id, status=statuses[i % len(statuses)]))
    items = [AgendaItem(meeting_id=meeting.id, position=n, purpose=list(ItemPurpose)[n % 3],
                        title=SENTENCES[n % len(SENTENCES)][:24], presenter=NAMES[n], planned_minutes=20)
             for n in range(1, 21)]
    session.add_all(items)
    session.flush()
    minutes = Minutes(meeting_id=meeting.id, general_text=_minutes_text(rng, 6))
    minutes.entries = [MinutesEntry(agenda_item_id=item.id, position=item.position,
                                     text=_minutes_text(rng, 15)) for item in items]
    session.add(minutes)
    for n in range(25):
        decision = Decision(
            forum_id=forum.id, number=f"2026-08-{n + 1:02d}", meeting_id=meeting.id,
            agenda_item_id=items[n % 20].id, decided_at=start, text=rng.choice(SENTENCES) + rng.choice(SENTENCES),
            method=DecisionMethod.VOTE if n % 2 else DecisionMethod.CONSENSUS,
            votes_for=18 if n % 2 else None, votes_against=3 if n % 2 else None,
            votes_abstain=2 if n % 2 else None, rationale=rng.choice(SENTENCES))
        if n % 3 == 0:
            decision.recusals.append(Recusal(person_id=people[n].id))
            decision.dissents.append(Dissent(person_id=people[n + 1].id, statement=rng.choice(SENTENCES)))
        session.add(decision)
    for n in range(20):
        session.add(ActionItem(meeting_id=meeting.id, agenda_item_id=items[n].id,
                               description=rng.choice(SENTENCES)[:40], owner_person_id=people[n].id,
                               due_on=dt.date(2026, 4, 1) + dt.timedelta(days=n)))
    session.commit()
    return meeting.id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="secretariat-bench-pdf-") as scratch:
        store = open_store(f"sqlite:///{Path(scratch) / 'bench.db'}")
        try:
            with store.session() as session:
                meeting_id = build_meeting(session)
            out = Path(scratch) / "minutes.pdf"
            series = Series("minutes PDF, 20 items")
            started = time.perf_counter()
            for run in range(args.runs + 1):  # the first run loads fonts: a warm-up
                with store.session() as session:  # a fresh session: nothing cached in the ORM
                    begin = time.perf_counter()
                    render_minutes_pdf(session, meeting_id, out, language="zh_TW", roc=True)
                    elapsed = time.perf_counter() - begin
                if run == 0:
                    print(f"first render (loads the fonts): {elapsed:.3f} s")
                else:
                    series.add(elapsed)
            size = out.stat().st_size
            OUT_DIR.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, OUT_DIR / "minutes-20-items.pdf")
        finally:
            store.close()
    distinct = len({c for c in "".join(SENTENCES + NAMES + ORGS) if ord(c) >= 0x2E80})
    print(f"text: {distinct} distinct Chinese characters (each embedded glyph adds about 0.33 KB)")
    print(format_table([series]))
    print(f"file size: {size / 1024:.0f} KB ({size} bytes); total {time.perf_counter() - started:.1f} s")
    time_ok, size_ok = series.median <= TARGET_SECONDS, size <= TARGET_BYTES
    print(verdict("median ≤ 0.5 s", time_ok, f"{series.median:.3f} s"))
    print(verdict("size ≤ 300 KB", size_ok, f"{size / 1024:.0f} KB"))
    return 0 if (time_ok and size_ok) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
