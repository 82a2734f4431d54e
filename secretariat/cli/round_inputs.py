"""``secretariat round …`` for a round's inputs: candidates (import, screening), the
selection committee and its recusals, the announced sources, quotas, ballots, rubric and
scores. Candidates and committee members are named by their number in the round."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.i18n import _, format_number


def register(commands: Commands) -> None:
    group = commands.group("round", help=_("selection rounds for non-government seats"))

    def command(name, handler, helptext):
        parser = group.add(name, handler=handler, help=helptext)
        parser.add_argument("round", type=record_number, metavar=_("ROUND"),
                            help=_("round number"))
        return parser

    imports = command("import-candidates", import_candidates,
                      _("import candidates from a CSV file (all rows valid or none)"))
    imports.add_argument("file", type=Path, metavar=_("FILE.csv"),
                         help=_("UTF-8 CSV with the columns name, name_en, organisation, "
                                "sector and one column per feature (region, gender, …)"))
    screen = command("screen", screen_candidate, _("record a candidate's eligibility"))
    screen.add_argument("candidate", type=record_number, metavar="N",
                        help=_("the candidate's number in the round"))
    verdict = screen.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--eligible", action="store_true", help=_("the candidate is eligible"))
    verdict.add_argument("--exclude", metavar=_("REASON"),
                         help=_("exclude the candidate, for this published reason"))
    member = command("committee", add_member, _("add a member of the selection committee"))
    member.add_argument("--name", required=True, metavar=_("TEXT"), help=_("name"))
    member.add_argument("--name-en", default="", metavar=_("TEXT"), help=_("English name"))
    member.add_argument("--organisation", default="", metavar=_("TEXT"), help=_("organisation"))
    member.add_argument("--declaration", default="", metavar=_("TEXT"),
                        help=_("the member's declaration of conflicts of interest"))
    aside = command("step-aside", step_aside,
                    _("record that a committee member steps aside for a candidate"))
    aside.add_argument("member", type=record_number, metavar="M",
                       help=_("the committee member's number"))
    aside.add_argument("candidate", type=record_number, metavar="N",
                       help=_("the candidate's number"))
    source = command("source", add_source, _("record an announced random source"))
    source.add_argument("--description", required=True, metavar=_("TEXT"),
                        help=_("what the source is, as announced"))
    source.add_argument("--value", default="", metavar=_("NUMBERS"),
                        help=_("its numbers, once known"))
    value = command("source-value", set_value, _("enter the numbers of an announced source"))
    value.add_argument("source", type=record_number, metavar="S",
                       help=_("the source's number in the round"))
    value.add_argument("value", metavar=_("NUMBERS"), help=_("its numbers"))
    for name, handler, helptext, what in (
            ("quotas", set_quotas, _("set the quotas from a CSV file"),
             _("CSV with the columns category, feature, min, max")),
            ("ballots", set_ballots, _("set the ballots from a BLT file"), _("a BLT file")),
            ("rubric", set_rubric, _("set the rubric from a CSV file"),
             _("CSV with the columns name, name_en, weight, low, high")),
            ("scores", set_scores, _("record assessors' scores from a CSV file"),
             _("CSV with the columns assessor, candidate, criterion, score (numbers in "
               "the round)"))):
        parser = command(name, handler, helptext)
        parser.add_argument("file", type=Path, metavar=_("FILE"), help=what)


def import_candidates(args: argparse.Namespace) -> int:
    from secretariat.services.selection.candidate_import import import_candidates_csv

    with opened_store(args) as store:
        report = store.run_transaction(lambda s: import_candidates_csv(s, args.round, args.file))
    print(_("Imported {count} candidates.").format(count=format_number(report.added)))
    return 0


def screen_candidate(args: argparse.Namespace) -> int:
    from secretariat.services.selection.candidates import candidate_at
    from secretariat.services.selection.screening import screen_candidate as screen

    def change(s):
        candidate = candidate_at(s, args.round, args.candidate)
        screen(s, candidate.id, eligible=args.eligible, reason=args.exclude or "")

    with opened_store(args) as store:
        store.run_transaction(change)
    return 0


def add_member(args: argparse.Namespace) -> int:
    from secretariat.services.selection.committee import add_committee_member

    with opened_store(args) as store:
        position = store.run_transaction(lambda s: add_committee_member(
            s, args.round, name=args.name, name_en=args.name_en,
            organisation=args.organisation, declaration=args.declaration).position)
    print(_("Committee member {number} added.").format(number=position))
    return 0


def step_aside(args: argparse.Namespace) -> int:
    from secretariat.services.selection import committee
    from secretariat.services.selection.candidates import candidate_at

    def change(s):
        member = committee.committee_member_at(s, args.round, args.member)
        committee.step_aside(s, member.id, candidate_at(s, args.round, args.candidate).id)

    with opened_store(args) as store:
        store.run_transaction(change)
    return 0


def add_source(args: argparse.Namespace) -> int:
    from secretariat.services.selection.sources import announce_source

    with opened_store(args) as store:
        position = store.run_transaction(lambda s: announce_source(
            s, args.round, description=args.description, value=args.value).position)
    print(_("Source {number} recorded.").format(number=position))
    return 0


def set_value(args: argparse.Namespace) -> int:
    from secretariat.services.selection.sources import source_at, set_source_value

    with opened_store(args) as store:
        store.run_transaction(lambda s: set_source_value(
            s, source_at(s, args.round, args.source).id, args.value))
    return 0


def _csv_rows(path: Path) -> list[dict[str, str]]:
    from secretariat.services.selection.candidate_import import decode_csv

    text = decode_csv(path.read_bytes(), str(path))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(io.StringIO(text))]


def set_quotas(args: argparse.Namespace) -> int:
    from secretariat.services.selection.inputs import set_quotas as store_quotas

    rows = _csv_rows(args.file)
    with opened_store(args) as store:
        quotas = store.run_transaction(lambda s: store_quotas(s, args.round, rows))
    print(_("{count} quotas set.").format(count=format_number(len(quotas))))
    return 0


def set_ballots(args: argparse.Namespace) -> int:
    from secretariat.services.selection.inputs import set_ballots as store_ballots

    text = args.file.read_bytes().decode("utf-8-sig", errors="replace")
    with opened_store(args) as store:
        papers = store.run_transaction(lambda s: store_ballots(s, args.round, text))
    print(_("{count} ballot papers recorded.").format(count=format_number(papers)))
    return 0


def set_rubric(args: argparse.Namespace) -> int:
    from secretariat.services.selection.inputs import set_rubric as store_rubric

    rows = _csv_rows(args.file)
    with opened_store(args) as store:
        criteria = store.run_transaction(lambda s: store_rubric(s, args.round, rows))
    print(_("{count} criteria set.").format(count=format_number(len(criteria))))
    return 0


def set_scores(args: argparse.Namespace) -> int:
    from secretariat.services.selection.inputs import record_scores

    rows = _csv_rows(args.file)
    with opened_store(args) as store:
        count = store.run_transaction(lambda s: record_scores(s, args.round, rows))
    print(_("{count} scores recorded.").format(count=format_number(count)))
    return 0
