import sys
from pathlib import Path

# corpus_markers.py lives beside the tests.
sys.path.insert(0, str(Path(__file__).parent))
