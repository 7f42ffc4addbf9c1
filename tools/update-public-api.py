#!/usr/bin/env python3
"""Keeps the PublicAPI files in step with the code: adds what a build reports as undeclared (RS0016) and drops
what it reports as gone (RS0017). Symbols present in every target framework go to PublicAPI.Unshipped.txt;
symbols of one framework only (record Clone methods differ between netstandard2.0 and net10.0) go to
PublicAPI/<tfm>/PublicAPI.Unshipped.txt. Run after changing a public API: python3 tools/update-public-api.py"""
import re, subprocess, sys, os, collections
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
projects = sys.argv[1:] or ["src/ResolutionKit", "src/ResolutionKit.Rules", "src/ResolutionKit.Testing"]

def read(path):
    return set(l.rstrip("\n") for l in open(path) if l.strip() and not l.startswith("#")) if os.path.exists(path) else set()

def write(path, symbols):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write("#nullable enable\n" + "".join(s + "\n" for s in sorted(symbols, key=str.lower)))

pat = re.compile(r"warning (RS0016|RS0017): Symbol '(.*?)' is .*?\[[^\]]*?(?:TargetFramework=([\w.]+))?\]")
for rel in projects:
    proj = os.path.join(root, rel)
    if not os.path.isdir(proj):
        continue
    for _ in range(4):
        out = subprocess.run(["dotnet", "build", proj, "--no-incremental", "-p:TreatWarningsAsErrors=false", "-clp:NoSummary"],
                             capture_output=True, text=True).stdout
        tfms = sorted(set(re.findall(r"TargetFramework=([\w.]+)", out))) or ["net10.0"]
        add, remove = collections.defaultdict(set), collections.defaultdict(set)
        for kind, sym, tfm in pat.findall(out):
            tfm = tfm or tfms[0]
            (add if kind == "RS0016" else remove)[sym].add(tfm)
        shared_path = os.path.join(proj, "PublicAPI.Unshipped.txt")
        shared = read(shared_path)
        per = {t: read(os.path.join(proj, "PublicAPI", t, "PublicAPI.Unshipped.txt")) for t in tfms}
        for sym, where in remove.items():
            if sym in shared and len(where) < len(tfms):
                # present in the shared file but absent from some frameworks: move it to the others
                shared.discard(sym)
                for t in tfms:
                    if t not in where:
                        per[t].add(sym)
            else:
                shared.discard(sym)
                for t in where:
                    per[t].discard(sym)
        for sym, where in add.items():
            if len(where) == len(tfms):
                shared.add(sym)
            else:
                for t in where:
                    per[t].add(sym)
        write(shared_path, shared)
        if len(tfms) > 1:
            for t in tfms:
                write(os.path.join(proj, "PublicAPI", t, "PublicAPI.Unshipped.txt"), per[t])
        print(f"{rel}: +{len(add)} -{len(remove)}")
        if not add and not remove:
            break
