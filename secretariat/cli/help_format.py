"""argparse's help layout, measured in terminal columns.

argparse pads and wraps ``--help`` by counting characters; a Chinese character takes two
columns, so Chinese option help started at ragged columns and ran past the line. The
methods below are argparse's own (Python 3.11–3.13) with ``len`` replaced by
``display_width`` and textwrap by ``terminal_text.wrap``, which may also break between
Chinese characters.

A group of commands is listed without the placeholder line argparse writes above it
(「指令」 / ``COMMAND``, already in the usage line): under the heading come the commands.
"""

from __future__ import annotations

import argparse
import re

from secretariat.cli.terminal_text import display_width, pad, wrap

# argparse's own parts of a usage line: a bracketed group, or one word.
_USAGE_PART = re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")
_UNWRAPPED = 10**6  # a width no usage line reaches


class ColumnsHelpFormatter(argparse.HelpFormatter):

    # --- the lines of an option and its help -----------------------------------------------

    @staticmethod
    def _shown(action: argparse.Action) -> list[argparse.Action]:
        """What ``_format_action`` writes a line for: a group's commands, not the group."""
        if isinstance(action, argparse._SubParsersAction):
            return list(action._get_subactions())
        return [action]

    def add_argument(self, action: argparse.Action) -> None:
        if action.help is argparse.SUPPRESS:
            return
        headers = [self._format_action_invocation(shown) for shown in self._shown(action)]
        width = max(map(display_width, headers), default=0) + self._current_indent
        self._action_max_length = max(self._action_max_length, width)
        self._add_item(self._format_action, [action])

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):
            return self._join_parts([self._format_action(sub) for sub in self._shown(action)])
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        help_text = self._expand_help(action) if action.help and action.help.strip() else ""
        if not help_text:
            return f"{indent}{header}\n"
        if display_width(header) <= action_width:
            parts = [f"{indent}{pad(header, action_width)}  "]
            first_indent = ""
        else:
            parts = [f"{indent}{header}\n"]
            first_indent = " " * help_position
        lines = self._split_lines(help_text, help_width)
        parts.append(f"{first_indent}{lines[0]}\n")
        parts += [f"{' ' * help_position}{line}\n" for line in lines[1:]]
        return self._join_parts(parts)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width) or [""]

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line
                         for line in wrap(text, width - display_width(indent)))

    # --- the usage line -------------------------------------------------------------------

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        if prefix is None:
            prefix = argparse._("usage: ")  # type: ignore[attr-defined]
        if usage is not None or not actions:
            return super()._format_usage(usage, actions, groups, prefix)
        width, self._width = self._width, _UNWRAPPED
        try:  # argparse's usage on one line, then wrapped by columns
            one_line = super()._format_usage(None, actions, groups, prefix)
        finally:
            self._width = width
        prog = self._prog
        rest = one_line[len(prefix):].strip()
        parts = _USAGE_PART.findall(rest[len(prog):]) if rest.startswith(prog) else []
        text_width = self._width - self._current_indent
        if not parts or display_width(prefix + rest) <= text_width:
            return f"{prefix}{rest}\n\n"
        if display_width(prefix + prog) <= 0.75 * text_width:
            lines, indent = [prefix + prog], " " * (display_width(prefix + prog) + 1)
        else:  # a long program name: the arguments go below it
            lines, indent = [prefix + prog, ""], " " * display_width(prefix)
        for part in parts:
            line = lines[-1]
            if line.strip() and display_width(f"{line} {part}") > text_width:
                lines.append(indent + part)
            else:
                lines[-1] = f"{line} {part}" if line.strip() else indent + part
        return "\n".join(lines) + "\n\n"
