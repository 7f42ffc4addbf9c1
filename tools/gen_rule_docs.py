#!/usr/bin/env python3
"""Generates docs/rules/RKnnnn.md for every rule and the rule table in README.md from rules/*.json.
Run: python3 tools/gen_rule_docs.py   (a test fails when the committed files drift from this output)."""
import json, os, glob, re
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def expand(lines):
    """Expands example lines into full resolution texts (the same expansion the tests use)."""
    texts, cur = [], []
    for l in lines + ["---"]:
        if l == "---":
            title = "RESOLUTION %d (REV. BUCHAREST, 2022)" % (len(texts) + 1)
            subject = "Example resolution"
            formula = "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),"
            body = []
            for x in cur:
                if x.startswith("@title "): title = x[7:]
                elif x.startswith("@formula "): formula = x[9:]
                elif x == "@wtsa":
                    title = "RESOLUTION %d (Rev. New Delhi, 2024)" % (len(texts) + 1)
                    formula = "The World Telecommunication Standardization Assembly (New Delhi, 2024),"
                else: body.append(x)
            texts.append("\n".join([title, "", subject, "", formula, ""] + body) + "\n")
            cur = []
        else:
            cur.append(l)
    return texts

def page(d):
    out = [f"# {d['id']}: {d['title']}", "",
           "<!-- generated from rules/" + d["_file"] + " by tools/gen_rule_docs.py; edit the rule file, not this page -->", "",
           "| | |", "|---|---|",
           f"| Category | {d['category']} |", f"| Default severity | {d['severity']} |",
           f"| Enabled by default | {'yes' if d.get('enabled', True) else 'no (strict preset)'} |",
           f"| Kind | `{d['kind']}` |",
           f"| Fix | {fixtext(d)} |", "",
           "## Why", "", d["rationale"], "", "## Message", "", "`" + d["message"] + "`", ""]
    ex = d.get("examples", {})
    for key, head in (("incorrect", "## Incorrect"), ("correct", "## Correct")):
        if ex.get(key):
            out += [head, "", "```text", "\n---\n".join(t.rstrip("\n") for t in expand(ex[key])), "```", ""]
    out += ["## Configuration", "", "```json", json.dumps({"rules": {d["id"]: "none"}}, indent=2), "```", ""]
    return "\n".join(out)

def fixtext(d):
    f = d.get("fix")
    if d["kind"] in ("substitution",) and not f: return "replace the term (safe)"
    if d["kind"] == "sequence" and d.get("params", {}).get("check") in ("labels", "single-clause"): return "renumber (safe)"
    if not f: return "none"
    return f"`{f['kind']}` ({'safe' if f.get('safe') else 'suggestion'})"

def main():
    rules = []
    for path in sorted(glob.glob(os.path.join(ROOT, "rules", "RK*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        d["_file"] = os.path.basename(path)
        rules.append(d)
    os.makedirs(os.path.join(ROOT, "docs", "rules"), exist_ok=True)
    for d in rules:
        open(os.path.join(ROOT, "docs", "rules", d["id"] + ".md"), "w", encoding="utf-8").write(page(d))
    table = ["| id | title | category | severity | kind | fix |", "|---|---|---|---|---|---|"]
    for d in rules:
        sev = d["severity"] + ("" if d.get("enabled", True) else " (strict)")
        table.append(f"| [{d['id']}](docs/rules/{d['id']}.md) | {d['title']} | {d['category']} | {sev} | {d['kind']} | {fixtext(d)} |")
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    start, end = "<!-- rules:start -->", "<!-- rules:end -->"
    block = start + "\n" + "\n".join(table) + "\n" + end
    if start in readme:
        readme = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: block, readme, flags=re.S)
    else:
        readme += "\n## Rules\n\n" + block + "\n"
    open(os.path.join(ROOT, "README.md"), "w", encoding="utf-8").write(readme)
    print(len(rules), "pages written")

if __name__ == "__main__":
    main()
