#!/usr/bin/env python3
"""Lists the public API of the library crates from rustdoc's JSON output,
one item per line with its full path, sorted (the form of
`cargo public-api`), and writes docs/PUBLIC-API.md.

    for c in fr-fhir-core sas-exchange int-r02 int-r03 int-ro1 sas-validate; do
      cargo +nightly rustdoc -p $c --lib -- -Z unstable-options --output-format json
    done
    python3 docs/tools/public_api.py [--doc-dir target/doc] [--out docs/PUBLIC-API.md]
    python3 docs/tools/public_api.py --check   # exit 1 when the file is not up to date

Only what a user of the crate can name is listed: items reachable from the
crate root through public modules and re-exports. `#[doc(hidden)]` items
are left out by rustdoc (they are not public API), and so are auto-trait
and blanket implementations. Re-exports of another crate's items are listed
as `pub use` lines, not expanded. The rustdoc JSON format changes between
nightlies: this reads format versions 50 and above (tested on 57).
"""

import argparse
import json
import os
import sys

CRATES = ["fr-fhir-core", "sas-exchange", "int-r02", "int-r03", "int-ro1", "sas-validate"]
# Packages whose library has another name than the package's (rustdoc names
# the JSON file after the library).
LIB = {"sas-validate": "validator_cli"}
INTERNAL = ["fr_fhir_core::rules::families", "fr_fhir_core::rules::support", "fr_fhir_core::model::de"]


def lib_name(package):
    """The library crate's name of a package: its JSON file's name."""
    return LIB.get(package, package.replace("-", "_"))


class Crate:
    def __init__(self, data):
        self.data = data
        self.index = data["index"]
        self.paths = data.get("paths", {})
        self.lines = set()
        self.seen = set()
        # id -> (path, source file, docs) of every public type reached.
        self.types = {}

    def item(self, ident):
        return self.index.get(str(ident))

    # -- types ------------------------------------------------------------
    def ty(self, t):
        if t is None:
            return "()"
        if not isinstance(t, dict):
            return str(t)
        (kind, v), = t.items()
        if kind == "resolved_path":
            return v["path"] + self.args(v.get("args"))
        if kind == "primitive":
            return v
        if kind == "generic":
            return v
        if kind == "borrowed_ref":
            life = (v["lifetime"] + " ") if v.get("lifetime") else ""
            mut = "mut " if v.get("is_mutable") else ""
            return f"&{life}{mut}{self.ty(v['type'])}"
        if kind == "raw_pointer":
            return ("*mut " if v.get("is_mutable") else "*const ") + self.ty(v["type"])
        if kind == "slice":
            return f"[{self.ty(v)}]"
        if kind == "array":
            return f"[{self.ty(v['type'])}; {v['len']}]"
        if kind == "tuple":
            inner = ", ".join(self.ty(x) for x in v)
            return f"({inner}{',' if len(v) == 1 else ''})"
        if kind == "impl_trait":
            return "impl " + " + ".join(self.bound(b) for b in v)
        if kind == "dyn_trait":
            parts = [self.poly(p) for p in v.get("traits", [])]
            if v.get("lifetime"):
                parts.append(v["lifetime"])
            return "dyn " + " + ".join(parts)
        if kind == "qualified_path":
            trait = v.get("trait")
            self_ty = self.ty(v["self_type"])
            if trait:
                return f"<{self_ty} as {trait['path']}{self.args(trait.get('args'))}>::{v['name']}"
            return f"{self_ty}::{v['name']}"
        if kind == "function_pointer":
            sig = v["sig"]
            ins = ", ".join(self.ty(i[1]) for i in sig["inputs"])
            out = sig.get("output")
            return f"fn({ins})" + (f" -> {self.ty(out)}" if out else "")
        if kind == "infer":
            return "_"
        return kind

    def poly(self, p):
        tr = p["trait"]
        return tr["path"] + self.args(tr.get("args"))

    def args(self, a):
        if not a:
            return ""
        if "angle_bracketed" in a:
            ab = a["angle_bracketed"]
            parts = []
            for g in ab.get("args", []):
                (k, v), = g.items()
                if k == "lifetime":
                    parts.append(v)
                elif k == "type":
                    parts.append(self.ty(v))
                elif k == "const":
                    parts.append(str(v.get("expr", v)))
                else:
                    parts.append("_")
            for c in ab.get("constraints", []):
                binding = c.get("binding", {})
                if "equality" in binding:
                    eq = binding["equality"]
                    parts.append(f"{c['name']} = {self.ty(eq.get('type', eq))}")
                elif "constraint" in binding:
                    parts.append(c["name"] + ": " + " + ".join(self.bound(b) for b in binding["constraint"]))
            return f"<{', '.join(parts)}>" if parts else ""
        if "parenthesized" in a:
            p = a["parenthesized"]
            ins = ", ".join(self.ty(x) for x in p.get("inputs", []))
            out = p.get("output")
            return f"({ins})" + (f" -> {self.ty(out)}" if out else "")
        return ""

    def bound(self, b):
        (k, v), = b.items()
        if k == "trait_bound":
            return self.poly(v)
        if k == "outlives":
            return v
        return k

    def generics(self, g):
        if not g:
            return ""
        parts = []
        for p in g.get("params", []):
            kind = p["kind"]
            if "lifetime" in kind:
                parts.append(p["name"])
            elif "type" in kind:
                if kind["type"].get("is_synthetic"):
                    continue
                bounds = kind["type"].get("bounds", [])
                parts.append(p["name"] + (": " + " + ".join(self.bound(b) for b in bounds) if bounds else ""))
            elif "const" in kind:
                parts.append(f"const {p['name']}: {self.ty(kind['const']['type'])}")
        return f"<{', '.join(parts)}>" if parts else ""

    def fn_sig(self, name, f):
        sig = f["sig"]
        header = f.get("header", {})
        pre = ""
        if header.get("is_const"):
            pre += "const "
        if header.get("is_async"):
            pre += "async "
        if header.get("is_unsafe"):
            pre += "unsafe "
        ins = []
        for arg_name, t in sig["inputs"]:
            if arg_name == "self":
                s = self.ty(t)
                ins.append({"Self": "self", "&Self": "&self", "&mut Self": "&mut self"}.get(s, f"self: {s}"))
            else:
                ins.append(f"{arg_name}: {self.ty(t)}")
        out = sig.get("output")
        ret = f" -> {self.ty(out)}" if out else ""
        return f"{pre}fn {name}{self.generics(f.get('generics'))}({', '.join(ins)}){ret}"

    # -- walking ------------------------------------------------------------
    def add(self, line):
        self.lines.add(line)

    def walk_module(self, ident, path):
        item = self.item(ident)
        if item is None:
            return
        key = (ident, path)
        if key in self.seen:
            return
        self.seen.add(key)
        self.add(f"pub mod {path}")
        for child in item["inner"]["module"]["items"]:
            self.walk_item(child, path)

    def walk_item(self, ident, parent, name=None):
        item = self.item(ident)
        if item is None:
            return
        if item.get("visibility") != "public" and "use" not in item["inner"]:
            return
        (kind, inner), = item["inner"].items()
        name = name or item.get("name")
        path = f"{parent}::{name}" if name else parent
        if kind in ("struct", "enum", "trait", "type_alias", "union") and item.get("crate_id") == 0:
            span = item.get("span") or {}
            self.types.setdefault(ident, (path, span.get("filename", ""), item.get("docs") or ""))
        if kind == "module":
            self.walk_module(ident, path)
        elif kind == "use":
            if item.get("visibility") != "public":
                return
            target = inner.get("id")
            target_item = self.item(target) if target is not None else None
            if inner.get("is_glob"):
                if target_item and "module" in target_item["inner"]:
                    for child in target_item["inner"]["module"]["items"]:
                        self.walk_item(child, parent)
                else:
                    self.add(f"pub use {parent}::{inner['source']}::*")
            elif target_item is not None and target_item.get("crate_id") == 0:
                self.walk_item(target, parent, inner["name"])
            else:
                self.add(f"pub use {parent}::{inner['name']} = {inner['source']}")
        elif kind == "struct":
            self.add(f"pub struct {path}{self.generics(inner.get('generics'))}")
            k = inner.get("kind", {})
            fields = []
            if isinstance(k, dict) and "plain" in k:
                fields = k["plain"].get("fields", [])
            elif isinstance(k, dict) and "tuple" in k:
                fields = [f for f in k["tuple"] if f is not None]
            for fid in fields:
                f = self.item(fid)
                if f and f.get("visibility") == "public":
                    self.add(f"pub {path}::{f['name']}: {self.ty(f['inner']['struct_field'])}")
            self.impls(path, inner.get("impls", []))
        elif kind == "enum":
            self.add(f"pub enum {path}{self.generics(inner.get('generics'))}")
            for vid in inner.get("variants", []):
                v = self.item(vid)
                if v:
                    self.add(f"pub {path}::{v['name']}{self.variant(v['inner']['variant'])}")
            self.impls(path, inner.get("impls", []))
        elif kind == "union":
            self.add(f"pub union {path}")
            self.impls(path, inner.get("impls", []))
        elif kind == "trait":
            self.add(f"pub trait {path}{self.generics(inner.get('generics'))}")
            for mid in inner.get("items", []):
                self.assoc(path, mid, in_trait=True)
        elif kind == "function":
            self.add(f"pub {self.fn_sig(path, inner)}")
        elif kind == "type_alias":
            self.add(f"pub type {path}{self.generics(inner.get('generics'))} = {self.ty(inner['type'])}")
        elif kind == "constant":
            self.add(f"pub const {path}: {self.ty(inner['type'])}")
        elif kind == "static":
            self.add(f"pub static {path}: {self.ty(inner['type'])}")
        elif kind in ("macro", "proc_macro"):
            self.add(f"pub macro {path}!")
        else:
            self.add(f"pub {kind} {path}")

    def variant(self, v):
        k = v.get("kind")
        if isinstance(k, dict) and "tuple" in k:
            tys = []
            for fid in k["tuple"]:
                f = self.item(fid) if fid is not None else None
                tys.append(self.ty(f["inner"]["struct_field"]) if f else "_")
            return f"({', '.join(tys)})"
        if isinstance(k, dict) and "struct" in k:
            names = []
            for fid in k["struct"].get("fields", []):
                f = self.item(fid)
                if f:
                    names.append(f"{f['name']}: {self.ty(f['inner']['struct_field'])}")
            return " { " + ", ".join(names) + " }"
        return ""

    def impls(self, path, impl_ids):
        for iid in impl_ids:
            imp = self.item(iid)
            if not imp:
                continue
            inner = imp["inner"]["impl"]
            if inner.get("is_synthetic") or inner.get("blanket_impl") is not None:
                continue
            trait = inner.get("trait")
            if trait is not None:
                if trait["path"] == "StructuralPartialEq":
                    continue  # compiler marker of a derived PartialEq
                neg = "!" if inner.get("is_negative") else ""
                self.add(f"impl {neg}{trait['path']}{self.args(trait.get('args'))} for {path}")
                continue
            for mid in inner.get("items", []):
                self.assoc(path, mid, in_trait=False)

    def assoc(self, path, mid, in_trait):
        m = self.item(mid)
        if not m:
            return
        if not in_trait and m.get("visibility") != "public":
            return
        (k, v), = m["inner"].items()
        full = f"{path}::{m['name']}"
        if k == "function":
            self.add(f"pub {self.fn_sig(full, v)}")
        elif k == "assoc_const":
            self.add(f"pub const {full}: {self.ty(v['type'])}")
        elif k == "constant":
            self.add(f"pub const {full}: {self.ty(v['type'])}")
        elif k == "assoc_type":
            self.add(f"pub type {full}")

    def listing(self):
        root = self.data["root"]
        name = self.item(root)["name"]
        self.walk_module(root, name)
        return sorted(self.lines, key=sort_key)


def sort_key(line):
    """Lines of one item sit together: sorted by the path they are about
    (the implementing type for `impl Trait for Type`), then by the line."""
    if line.startswith("impl "):
        path = line.rsplit(" for ", 1)[-1]
        return (path.split("<", 1)[0], 1, line)
    words = line.split(" ")
    # `pub fn a::b::c(...)`, `pub struct a::b`, `pub a::b::field: T`, `pub const fn ...`
    for w in words[1:]:
        if "::" in w:
            path = w
            for stop in "(<:! ":
                path = path.split(stop, 1)[0] if stop != ":" else path.rstrip(":")
            return (path.rstrip(":"), 0, line)
    return (line, 0, line)


def generate(doc_dir, crates):
    out = []
    summary = []
    internal = []
    for crate in crates:
        file = os.path.join(doc_dir, lib_name(crate) + ".json")
        if not os.path.isfile(file):
            summary.append((crate, None, None))
            continue
        with open(file, encoding="utf-8") as f:
            data = json.load(f)
        c = Crate(data)
        lines = c.listing()
        mods = sum(1 for l in lines if l.startswith("pub mod "))
        summary.append((crate, len(lines), mods))
        for prefix in INTERNAL:
            if any(l == f"pub mod {prefix}" for l in lines):
                internal.append(prefix)
        out.append((crate, data.get("format_version"), lines))
    return out, summary, internal


def render(out, summary, internal):
    md = [
        "# Public API of the library crates",
        "",
        "<!-- Generated by docs/tools/public_api.py from rustdoc's JSON output; do not edit. -->",
        "Generated: `cargo +nightly rustdoc -p <crate> --lib -- -Z unstable-options --output-format json`",
        "for each crate, then `python3 docs/tools/public_api.py` (see its docstring). One line per item a",
        "user can name from the crate root (modules, types, fields, variants, functions and methods,",
        "constants, statics, trait implementations), sorted; `#[doc(hidden)]` items, auto-trait and",
        "blanket implementations are left out. Compare two versions with `diff` to see an API change.",
        "",
        "| crate | items | public modules |",
        "|---|---:|---:|",
    ]
    for crate, n, mods in summary:
        md.append(f"| {crate} | {n if n is not None else 'not generated'} | {mods if mods is not None else ''} |")
    md.append("")
    md.append("Internal modules that are still public API: " + (", ".join(f"`{p}`" for p in internal) if internal else "none") + ".")
    md.append("")
    for crate, version, lines in out:
        md.append(f"## {crate}")
        md.append("")
        md.append(f"rustdoc JSON format {version}, {len(lines)} items.")
        md.append("")
        md.append("```text")
        md.extend(lines)
        md.append("```")
        md.append("")
    return "\n".join(md)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--doc-dir", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "doc"))
    ap.add_argument("--out", default=os.path.join(root, "docs", "PUBLIC-API.md"))
    ap.add_argument("--crate", action="append")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    out, summary, internal = generate(args.doc_dir, args.crate or CRATES)
    text = render(out, summary, internal)
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            same = f.read() == text
        print("up to date" if same else f"{args.out} is not up to date")
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    for crate, n, mods in summary:
        print(f"{crate}: {n} items, {mods} public modules")
    print("internal modules public:", ", ".join(internal) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
