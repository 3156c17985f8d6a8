"""Run every benchmark module in this package (each defines `run() -> list[str]`)."""

import importlib
import pkgutil
import sys

import bench


def main() -> int:
    failed = False
    for module_info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda info: info.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"bench.{module_info.name}")
        run = getattr(module, "run", None)
        if not callable(run):
            continue
        print(f"== {module_info.name}")
        for line in run():
            print(f"   {line}")
            failed = failed or line.startswith("FAIL")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
