"""The cleaning core is pure in its imports: `import corpusprep` and `clean()` load neither numpy nor pyarrow.

Run in a fresh interpreter (a real subprocess), since this test process has loaded both already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEED = next((Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds").glob("*.txt"), None)

PROBE = """
import sys
import corpusprep
from corpusprep import clean, CleanOptions, DedupOptions, LearnOptions, LearnedBoilerplate, load_rules
doc = clean(sys.argv[1])
assert doc.text, "the probe cleaned nothing"
print(",".join(m for m in ("numpy", "pyarrow", "datasets", "huggingface_hub") if m in sys.modules))
"""


def test_import_and_clean_load_no_numpy_or_pyarrow():
    text = SEED.read_text(encoding="utf-8") if SEED else "A short article about the harbour.\n\n" + "The council met. " * 40
    out = subprocess.run([sys.executable, "-c", PROBE, text], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_corpus_tier_still_loads_on_demand():
    out = subprocess.run([sys.executable, "-c", "import sys, corpusprep; corpusprep.learn_boilerplate; print('numpy' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


# The packages in layers: each may import only the packages listed for it (and the top-level
# modules: document, errors, fields, reasons, hashing, fingerprints). Imports inside functions count.
PACKAGE = Path(__file__).resolve().parents[1] / "src" / "corpusprep"
TOP = "top"
MAY_IMPORT = {
    TOP: {TOP},
    "rules": {TOP},
    "cleaning": {TOP, "rules"},
    "readers": {TOP},
    "corpus": {TOP, "rules", "cleaning"},
    "dataset": {TOP},
    "hub": {TOP, "dataset"},
    "build": {TOP, "rules", "cleaning", "readers", "corpus", "dataset"},
    "integrations": {TOP, "rules", "cleaning", "dataset", "build"},
    "cli": {TOP, "rules", "cleaning", "readers", "corpus", "dataset", "hub", "build", "integrations"},
}
HEAVY = {"numpy", "pyarrow", "datasets", "huggingface_hub", "ray"}
PURE = {TOP, "rules", "cleaning"}  # import none of HEAVY, not even inside a function


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in MAY_IMPORT) else TOP


def _imports(path: Path) -> list[str]:
    """Every module `path` imports, as an absolute name, wherever the import stands."""
    import ast

    module = "corpusprep." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
                found += [target] if node.module else [f"{base}.{alias.name}" for alias in node.names]
            elif node.module:
                found.append(node.module)
    return found


def test_the_packages_import_only_the_layers_below_them():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "__init__.py":
            continue  # the public facade names everything (the heavy parts lazily)
        here = _layer("corpusprep." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        for target in _imports(path):
            root = target.split(".")[0]
            if root == "corpusprep":
                there = _layer(target)
                if there != here and there not in MAY_IMPORT[here]:
                    wrong.append(f"{path.relative_to(PACKAGE)} ({here}) imports {target} ({there})")
            elif here in PURE and root in HEAVY:
                wrong.append(f"{path.relative_to(PACKAGE)} ({here}) imports {target}")
    assert wrong == []


def test_every_module_lives_in_a_package_but_the_shared_types():
    flat = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    assert flat == ["document", "errors", "fields", "fingerprints", "hashing", "reasons"]
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()) == sorted(set(MAY_IMPORT) - {TOP})
