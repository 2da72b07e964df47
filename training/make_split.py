"""Write the fixed train/dev/test split by article (70/15/15) to annotations/split.json.

Articles are assigned by a hash of their source name, so adding articles never moves old ones;
seeds always go to train (they are the showcase the end-to-end tests check).
Usage: python training/make_split.py [annotations/*.jsonl]
"""

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from attrib.corpus import iter_records  # noqa: E402


def bucket(key: str) -> str:
    h = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if h < 70 else "dev" if h < 85 else "test"


def main(paths):
    split = {"train": [], "dev": [], "test": []}
    for path in paths:
        for _, rec in iter_records(path):
            key = (rec.get("meta") or {}).get("source") or str(rec["id"])
            split["train" if key.startswith("seeds/") else bucket(key)].append(key)
    for v in split.values():
        v.sort()
    Path("annotations/split.json").write_text(json.dumps(split, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in split.items()})


if __name__ == "__main__":
    main(sys.argv[1:] or sorted(Path("annotations").glob("*.jsonl")))
