"""Who the demo forums' people are: names in Chinese and in romanised English, an
optional gender that agrees with the name, where they are based, job titles and contact
details. Invented, as ``texts`` explains; ``texts`` re-exports the names."""

from __future__ import annotations

import random
from dataclasses import dataclass

SURNAMES = (
    ("陳", "Chen"), ("林", "Lin"), ("黃", "Huang"), ("張", "Chang"), ("李", "Lee"),
    ("王", "Wang"), ("吳", "Wu"), ("劉", "Liu"), ("蔡", "Tsai"), ("楊", "Yang"),
    ("許", "Hsu"), ("鄭", "Cheng"), ("謝", "Hsieh"), ("郭", "Kuo"), ("洪", "Hung"),
    ("曾", "Tseng"), ("邱", "Chiu"), ("廖", "Liao"), ("賴", "Lai"), ("周", "Chou"),
    ("徐", "Hsu"), ("蘇", "Su"), ("葉", "Yeh"), ("莊", "Chuang"), ("呂", "Lu"),
)
# Given-name syllables read as women's names, men's names, or either, so a person's
# recorded gender does not contradict their name.
FEMININE_SYLLABLES = (
    ("淑", "shu"), ("芬", "fen"), ("怡", "yi"), ("雅", "ya"), ("婷", "ting"), ("美", "mei"),
    ("玲", "ling"), ("佩", "pei"), ("珊", "shan"), ("欣", "hsin"), ("儀", "yi"), ("慧", "hui"),
)
MASCULINE_SYLLABLES = (
    ("志", "chih"), ("明", "ming"), ("豪", "hao"), ("俊", "chun"), ("宏", "hung"),
    ("建", "chien"), ("冠", "kuan"), ("宇", "yu"), ("承", "cheng"), ("翰", "han"), ("柏", "po"),
)
NEUTRAL_SYLLABLES = (
    ("家", "chia"), ("君", "chun"), ("華", "hua"), ("思", "szu"), ("維", "wei"), ("文", "wen"),
    ("安", "an"),
)
GIVEN_SYLLABLES = FEMININE_SYLLABLES + MASCULINE_SYLLABLES + NEUTRAL_SYLLABLES
# (stored gender value, weight): a few people have not given theirs ("").
GENDER_WEIGHTS = (("female", 46), ("male", 46), ("other", 2), ("", 6))
# Where members are based (free text in the program): cities and counties, weighted
# roughly by population; "" for the few who have not said.
REGIONS = (
    ("臺北市", 16), ("新北市", 14), ("桃園市", 8), ("臺中市", 10), ("臺南市", 7),
    ("高雄市", 10), ("新竹縣", 3), ("彰化縣", 3), ("宜蘭縣", 2), ("花蓮縣", 2), ("臺東縣", 2),
    ("屏東縣", 2), ("澎湖縣", 1), ("北部", 3), ("南部", 3), ("", 8),
)

# Job titles have one field: Chinese.
JOB_TITLES_GOV = ("參事", "處長", "副處長", "科長", "主任秘書", "政務次長")
JOB_TITLES_NGO = ("理事長", "秘書長", "研究員", "教授", "副教授", "執行長")


@dataclass(frozen=True)
class PersonName:
    name: str
    name_en: str
    gender: str = ""  # a ``vocabulary.Gender`` value; "" when not recorded
    region: str = ""


def person_name(rng: random.Random) -> PersonName:
    surname, surname_en = rng.choice(SURNAMES)
    gender = weighted(rng, GENDER_WEIGHTS)
    if gender not in ("female", "male"):  # the name still reads as one or the other
        gender_of_name = rng.choice(("female", "male"))
    else:
        gender_of_name = gender
    syllables = FEMININE_SYLLABLES if gender_of_name == "female" else MASCULINE_SYLLABLES
    (a, a_en), (b, b_en) = rng.sample(syllables + NEUTRAL_SYLLABLES, 2)
    return PersonName(surname + a + b, f"{surname_en} {a_en.capitalize()}-{b_en}",
                      gender=gender, region=weighted(rng, REGIONS))


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def unique_names(rng: random.Random, count: int) -> list[PersonName]:
    """``count`` distinct names (25 surnames × hundreds of given names leave plenty of
    room)."""
    seen: set[str] = set()
    names: list[PersonName] = []
    while len(names) < count:
        candidate = person_name(rng)
        if candidate.name not in seen:
            seen.add(candidate.name)
            names.append(candidate)
    return names


def email_for(name: PersonName, index: int) -> str:
    local = name.name_en.lower().replace(" ", ".").replace("-", "")
    return f"{local}.{index}@example.tw"


def phone_for(rng: random.Random) -> str:
    return f"+886-2-{rng.randint(2000, 8999)}-{rng.randint(1000, 9999)}"
