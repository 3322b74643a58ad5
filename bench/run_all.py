"""Run every benchmark in turn and print its figures (``make bench``).

Each benchmark is its own script so it can also be run alone; this runner starts them one after
another (never in parallel: they measure speed on a two-core machine) and reports which failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["bench_gazetteer.py", "bench_geo.py", "bench_timex.py", "bench_report.py", "bench_scale.py"]


def main() -> int:
    failed = []
    for name in ORDER:
        script = HERE / name
        if not script.exists():
            print(f"== {name}: not present, skipped", flush=True)
            continue
        print(f"\n== {name}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        print(f"== {name}: exit {result.returncode} after {time.perf_counter() - started:.1f} s", flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
