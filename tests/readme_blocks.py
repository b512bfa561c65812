"""The README's examples as the tests run them: its Python blocks and its command-line block.

Shared by ``tests/test_api.py``, ``tests/test_true_text.py``, ``tests/test_readme_cli.py`` (the checkout) and
``tests/test_packaging.py`` (the installed wheel, with no network).
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_text() -> str:
    return README.read_text("utf-8")


def python_blocks() -> list[str]:
    """Every ```python block of the README, in order."""
    return re.findall(r"```python\n(.*?)```", readme_text(), re.S)


def print_claims(code: str) -> list[str]:
    """What the comments after ``print(...)`` lines say the line prints.

    In the README a comment at the end of a ``print`` line is the start of what it prints
    (``...`` for the rest); comments about anything else stand on lines of their own.
    """
    return [
        line.split("  # ", 1)[1].strip()
        for line in code.splitlines()
        if line.lstrip().startswith("print(") and "  # " in line
    ]


def claim_pattern(claim: str) -> str:
    """A claim as a regular expression for ``re.match`` on a printed line (``...``: any text)."""
    return ".*".join(re.escape(part.strip()) for part in claim.split("..."))


def cli_block() -> str:
    """The ```sh block of the section "On the command line" (the one that starts with demo)."""
    section = readme_text().split("## On the command line", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the command-line section holds one sh block"
    return blocks[0]


def cli_commands(block: str) -> list[list[str]]:
    """The ``syria-geo`` command lines of the block, as argument lists (comments dropped)."""
    joined = block.replace("\\\n", " ")
    joined = re.sub(r"<<'EOF'\n.*?\nEOF\n", "\n", joined, flags=re.S)  # here-documents
    commands = []
    for line in joined.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "syria-geo":
            commands.append(words)
    return commands


def outputs_of(command: list[str]) -> list[str]:
    """The files a command line names as its output (``--output``, ``-o``, ``--output-dir``)."""
    names = []
    for flag, value in itertools.pairwise(command):
        if flag in ("--output", "-o", "--output-dir"):
            names.append(value)
    return names


def offline_prefix() -> list[str]:
    """A command prefix that runs a program with no network, or [] when none is available.

    ``unshare -rn`` gives the program a network namespace of its own (nothing but a loopback
    that is down), without root where user namespaces are enabled.
    """
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False)
    return [unshare, "-rn"] if probe.returncode == 0 else []


def run_cli_block(
    workdir: Path, bin_dir: Path, *, env: dict[str, str], prefix: list[str]
) -> subprocess.CompletedProcess[str]:
    """Run the README's command-line block with bash, ``set -e``, in ``workdir``.

    ``bin_dir`` holds the ``syria-geo`` to run (the checkout's shim or the wheel's venv).
    Each command is echoed (``set -x``) so a failure names its line.
    """
    script = workdir / "readme_cli.sh"
    script.write_text("set -euxo pipefail\n" + cli_block(), "utf-8")
    run_env = dict(env)
    run_env["PATH"] = f"{bin_dir}{os.pathsep}{run_env.get('PATH', '')}"
    return subprocess.run(
        [*prefix, "bash", str(script)],
        capture_output=True, text=True, cwd=workdir, env=run_env, timeout=1500, check=False,
    )  # fmt: skip
