from pathlib import Path

import pytest
from PIL import Image as PILImage

DATA = Path(__file__).resolve().parent.parent / "data" / "wxr"


@pytest.fixture
def minimal_wxr():
    return DATA / "minimal.xml"


@pytest.fixture
def uploads(tmp_path):
    """A copy of ``wp-content/uploads`` holding the one image the export finds."""
    root = tmp_path / "uploads"
    (root / "2024" / "05").mkdir(parents=True)
    PILImage.new("RGB", (40, 30), "navy").save(root / "2024" / "05" / "urne.jpg")
    return root
