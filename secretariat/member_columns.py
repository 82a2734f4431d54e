"""The columns of a member file (``secretariat import members``): their header spellings in
English and Chinese and the longest text each accepts.

Kept outside ``secretariat.services`` (like ``secretariat.vocabulary``) so the command line
can list the columns in its help without importing SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.i18n import _, current_language


@dataclass(frozen=True)
class Column:
    field: str
    english: tuple[str, ...]  # the first spelling is the one messages and help show
    chinese: tuple[str, ...]
    max_length: int  # characters; the model's column length where there is one
    required: bool = False

    def header(self, language: str | None = None) -> str:
        """The column's header as a user of ``language`` (default: the current one) writes it."""
        language = language or current_language()
        return self.chinese[0] if language == "zh_TW" else self.english[0]


COLUMNS: tuple[Column, ...] = (
    Column("name", ("name",), ("姓名",), 200, required=True),
    Column("name_en", ("name_en",), ("英文姓名",), 200),
    Column("organisation", ("organisation", "organization"), ("組織",), 300),
    Column("sector", ("sector",), ("部門", "類別"), 200, required=True),
    Column("role", ("role",), ("角色",), 100, required=True),
    Column("term_start", ("term_start",), ("任期開始",), 100, required=True),
    Column("term_end", ("term_end",), ("任期結束",), 100),
    Column("high_level", ("high_level",), ("高層",), 100),
    Column("email", ("email",), ("電子郵件",), 254),
    Column("phone", ("phone",), ("電話",), 64),
    Column("seat", ("seat",), ("席次",), 200),
    Column("seat_label_en", ("seat_label_en", "seat_en"), ("英文席次名稱",), 200),
    Column("gender", ("gender",), ("性別",), 32),
    Column("region", ("region",), ("地區", "區域"), 100),
)
BY_FIELD = {column.field: column for column in COLUMNS}
# Header spelling (compared after trimming and lower-casing) -> column.
BY_HEADER = {spelling.lower(): column for column in COLUMNS
             for spelling in column.english + column.chinese}


def columns_help() -> str:
    """The accepted columns for ``--help``, one paragraph (argparse reflows it)."""
    columns = "; ".join(" / ".join(column.english + column.chinese)
                        + ("*" if column.required else "") for column in COLUMNS)
    # Translators: {columns} lists the header spellings, e.g. "name / 姓名*; name_en / 英文姓名".
    return _("Columns (the first row names them, in English or Chinese; * marks the required "
             "ones): {columns}. Dates are written 2026-03-31 or 2026/03/31; high_level is yes "
             "or no.").format(columns=columns) + " " + _(
        "The optional columns: seat_label_en is the English name of a seat the file "
        "creates; gender is female, male or other (女, 男, 其他), empty when not "
        "recorded; region is free text, e.g. 北部 or 花蓮縣 (Northern Taiwan, Hualien County).")
