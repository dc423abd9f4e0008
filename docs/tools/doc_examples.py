#!/usr/bin/env python3
"""Counts the public types of each library crate and how many have a code
example (a ``` block) in their rustdoc.

    python3 docs/tools/doc_examples.py            # table per crate
    python3 docs/tools/doc_examples.py --missing  # also list the types without one
    python3 docs/tools/doc_examples.py --crate int-ro1 --missing

A public type is a `pub struct`, `pub enum`, `pub trait`, `pub union` or
`pub type` (not `pub(crate)`, `pub(super)`...) declared in `src/` outside
`#[cfg(test)]` modules and test files. The count reads the sources, not the
compiler's view: a `pub` item of a private module that nothing re-exports is
counted too, and items declared by macros (`fhir_type! { ... }`) are not
seen. Items marked `#[doc(hidden)]`, and the files of a module declared
`#[doc(hidden)] pub mod ...` (or below one), are not public API and are
left out, as rustdoc leaves them out. `--json-dir DIR` counts from rustdoc's JSON instead (the compiler's
list of public types, see public_api.py).

The example may sit on the item itself or, for an item declared inside a
macro call, nowhere else: only the doc comment (`///` lines and
`#[doc = "..."]` attributes) right above the item counts.

Rows are split into the parts the conventions give different owners:
`fr-fhir-core/src/model/**` (owned models) and the lead-owned folders are
reported apart.
"""

import argparse
import json
import os
import re
import sys

# Crate folders (`validator-cli/` holds the package sas-validate, whose library
# validator_cli names its rustdoc JSON file as the folder name does).
CRATES = ["fr-fhir-core", "sas-exchange", "int-ro1", "int-r02", "int-r03", "validator-cli"]
# Folders of fr-fhir-core with another owner this session (conventions).
MODEL = ("fr-fhir-core/src/model/",)
LEAD = tuple(
    f"fr-fhir-core/src/{d}/"
    for d in ("conformance/walk", "engine", "json", "primitives")
)

ITEM = re.compile(
    r"^\s*pub\s+(?:unsafe\s+)?(struct|enum|trait|union|type)\s+([A-Za-z_][A-Za-z0-9_]*)"
)
CFG_TEST = re.compile(r"^\s*#\[cfg\((?:test|all\(test.*)\)\]")
MOD_OPEN = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{")


def part_of(rel):
    if rel.startswith(MODEL):
        return "model"
    if rel.startswith(LEAD):
        return "lead"
    return "open"


def items_of(path):
    """(line number, kind, name, has example) of the public types of a file."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    skip_depth = None  # brace depth at which a #[cfg(test)] module ends
    depth = 0
    pending_test = False
    for i, line in enumerate(lines):
        code = line.split("//", 1)[0] if not line.lstrip().startswith("///") else ""
        if skip_depth is None:
            if CFG_TEST.match(line):
                pending_test = True
            elif pending_test and MOD_OPEN.match(line):
                skip_depth = depth
                pending_test = False
            elif line.strip() and not line.lstrip().startswith(("#", "//")):
                pending_test = False
            m = ITEM.match(line)
            if m and skip_depth is None and not doc_hidden(lines, i):
                out.append((i + 1, m.group(1), m.group(2), has_example(lines, i)))
        depth += code.count("{") - code.count("}")
        if skip_depth is not None and depth <= skip_depth:
            skip_depth = None
    return out


def has_example(lines, i):
    """True when the doc comment right above line `i` holds a ``` fence.

    Walks up over `///` lines, attributes (one line each, or the closing
    line of a multi-line one) and plain `//` comments; anything else ends
    the doc comment."""
    j = i - 1
    in_attr = False
    while j >= 0:
        s = lines[j].strip()
        j -= 1
        if in_attr:
            in_attr = not s.startswith("#[")
            continue
        if s.startswith("///"):
            if s[3:].lstrip().startswith("```"):
                return True
        elif s.startswith("#[doc") and "```" in s:
            return True
        elif s.startswith("#["):
            continue
        elif s.endswith(")]") or s == "]":
            in_attr = True
        elif s.startswith("//") and not s.startswith("//!"):
            continue
        else:
            return False
    return False


def doc_hidden(lines, i):
    """True when the attributes or doc comment right above line `i` hold
    `#[doc(hidden)]`."""
    j = i - 1
    while j >= 0:
        s = lines[j].strip()
        if s.startswith("#[doc(hidden)]"):
            return True
        if not s.startswith(("#[", "//")):
            return False
        j -= 1
    return False


def module_decl(path):
    """(parent file, lines, index) of the `mod` line declaring the file at
    `path`, or None (the crate root, or no declaration found)."""
    d, name = os.path.split(path)
    stem = name[:-3]
    if stem == "mod":
        d, stem = os.path.split(d)
    if stem == "lib" and os.path.basename(d) == "src":
        return None
    parents = [os.path.join(d, "mod.rs"), os.path.join(d, "lib.rs"), d + ".rs"]
    decl = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+" + re.escape(stem) + r"\s*;")
    for parent in parents:
        if not os.path.isfile(parent) or parent == path:
            continue
        with open(parent, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for i, line in enumerate(lines):
            if decl.match(line):
                return parent, lines, i
    return None


def hidden_module(path):
    """True when the file's module, or a module above it, is declared
    `#[doc(hidden)]`."""
    seen = 0
    while seen < 32:
        found = module_decl(path)
        if found is None:
            return False
        parent, lines, i = found
        if doc_hidden(lines, i):
            return True
        path = parent
        seen += 1
    return False


def test_only(path):
    """True when the parent module declares this file under `#[cfg(test)]`
    (`#[cfg(test)] mod testutil;`)."""
    found = module_decl(path)
    if found is None:
        return False
    _, lines, i = found
    above = lines[i - 1].strip() if i > 0 else ""
    return bool(CFG_TEST.match(above))


def walk(root, crate):
    src = os.path.join(root, crate, "src")
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".rs") or name in ("tests.rs", "main.rs"):
                continue
            if name.endswith("_tests.rs") or os.sep + "tests" + os.sep in dirpath + os.sep:
                continue
            path = os.path.join(dirpath, name)
            if test_only(path) or hidden_module(path):
                continue
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            for line, kind, ident, example in items_of(path):
                yield rel, line, kind, ident, example


def from_json(doc_dir, crates):
    """(crate, rel path, line, kind, name, has example) of the public types
    rustdoc's JSON reaches (macro-generated types included)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import public_api  # noqa: E402  (same folder)

    for crate in crates:
        file = os.path.join(doc_dir, crate.replace("-", "_") + ".json")
        if not os.path.isfile(file):
            print(f"note: {file} missing, {crate} skipped", file=sys.stderr)
            continue
        with open(file, encoding="utf-8") as f:
            c = public_api.Crate(json.load(f))
        c.listing()
        for path, filename, docs in sorted(c.types.values()):
            rel = filename.replace(os.sep, "/")
            yield crate, rel, path, "```" in docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--crate", action="append", help="only this crate (repeatable)")
    ap.add_argument("--missing", action="store_true", help="list the types without an example")
    ap.add_argument(
        "--json-dir",
        help="count from rustdoc JSON in this folder (see public_api.py) instead of the sources: "
        "exactly the public types, macro-generated ones included",
    )
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    crates = args.crate or CRATES
    rows = []
    missing = []
    totals = {"all": [0, 0]}
    if args.json_dir:
        found = {}
        for crate, rel, path, example in from_json(args.json_dir, crates):
            found.setdefault(crate, []).append((rel, 0, "type", path, example))
        source = lambda crate: found.get(crate, [])  # noqa: E731
    else:
        source = lambda crate: walk(root, crate)  # noqa: E731
    for crate in crates:
        per = {}
        for rel, line, kind, ident, example in source(crate):
            part = part_of(rel)
            key = crate if part == "open" else f"{crate} ({part}/**)"
            n = per.setdefault(key, [0, 0])
            n[0] += 1
            n[1] += int(example)
            if not example:
                missing.append((key, f"{rel}:{line}", kind, ident))
        for key, (n, with_ex) in per.items():
            rows.append((key, n, with_ex))
            totals["all"][0] += n
            totals["all"][1] += with_ex
    width = max([len(r[0]) for r in rows] + [5])
    print(f"{'crate':<{width}}  types  with example     %")
    for key, n, with_ex in rows:
        pct = 100.0 * with_ex / n if n else 100.0
        print(f"{key:<{width}}  {n:5}  {with_ex:12}  {pct:5.1f}")
    n, with_ex = totals["all"]
    pct = 100.0 * with_ex / n if n else 100.0
    print(f"{'total':<{width}}  {n:5}  {with_ex:12}  {pct:5.1f}")
    if args.missing:
        print()
        for key, where, kind, ident in missing:
            print(f"{where}: {kind} {ident}  [{key}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
