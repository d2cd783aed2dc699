#!/usr/bin/env python3
"""Rebuilds the Spanish attribution development files (*.json in this folder) from ELTeC-spa level-1 TEI plus
the hand annotation in annotation/<key>.txt.  Nothing is downloaded.

  python3 build_attribution_dev_es.py --eltec <ELTeC-spa>/level1 --out .
  python3 build_attribution_dev_es.py --eltec <ELTeC-spa>/level1 --review vicario   # marked-up text

--eltec is the level1/ folder of a checkout of github.com/COST-ELTeC/ELTeC-spa (commit 83e2a22).
Chapter text = the chapter <div> converted with fixed TEI rules (one paragraph per line, blank line between
paragraphs, notes/page breaks dropped, chapter heading lines kept, source text not corrected).

Annotation file format (one line each):
  @meta title=... | author=... | year=N | novel=SPAxxxx | chapter=... | fname=<output file stem>
  @char KEY | Name | alias; alias; ... | M|F|U          (KEY starting with "_" keeps that id, e.g. _group)
  P<n>: SPK T, SPK T, ...   labels for the automatic dash segments of paragraph n, in order
                            ("-" = not a quote); T is E(xplicit) A(naphoric) I(mplicit)
  P<n>= text @SPK T || first words ~~ last words @SPK T || ...   hand-given spans, located left to right
The automatic segmenter only handles paragraphs that open with a dash: it alternates speech / narration
at each dash (a hyphen inside a word is not a dash) and trims spaces and leading , ; : and a lone "."
"""
import argparse, json, os, re, sys, xml.etree.ElementTree as ET

CHAPTERS = {
    "escandalo": dict(file="SPA2004_Alarcon_ElEscandalo.xml", div="SPA2004016"),
    "pequeneces": dict(file="SPA3013_Coloma_Pequeneces.xml", div="SPA3013016"),
    "vicario": dict(file="SPA4008_Ciges_Vicario.xml", div="SPA4008010"),
    "abelsanchez": dict(file="SPA4015_Unamuno_AbelSanchez.xml", div="SPA4015002"),
    "marianela": dict(file="SPA2009_PerezGaldos_Marianela.xml", div="SPA2009002"),
    "maximina": dict(file="SPA3020_PalacioValdes_Maximina.xml", div="SPA3020013"),
}
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"E": "explicit", "A": "anaphoric", "I": "implicit"}

# ---------------------------------------------------------------- TEI -> lines
NS = "{http://www.tei-c.org/ns/1.0}"
DROP = {"pb", "milestone", "gap", "note", "fw", "figure", "graphic", "lb"}
LINE = {"p", "head", "date"}
CONTAINER = {"body", "div", "quote", "lg", "trailer", "sp", "floatingText", "epigraph", "closer", "opener"}
BO, BC = "\x01", "\x02"
OPEN_P = "«¿¡([“"
CLOSE_P = ",.;:!?»)]…”"


def tag(e):
    return e.tag.replace(NS, "") if isinstance(e.tag, str) else ""


def inline(e):
    out = [e.text or ""]
    for c in e:
        if tag(c) not in DROP:
            out.append(BO + inline(c) + BC)
        out.append(c.tail or "")
    return "".join(out)


def norm(s):
    s = re.sub(r"\s*" + BC + r"[\s" + BC + r"]*(?=[" + re.escape(CLOSE_P) + r"])", "", s)
    s = re.sub(r"(?<=[" + re.escape(OPEN_P) + r"])\s*" + BO + r"[\s" + BO + r"]*", "", s)
    s = s.replace(BO, "").replace(BC, "")
    return re.sub(r"\s+", " ", s).strip()


def walk(el, lines):
    buf = [el.text or ""]
    prev_l = False

    def flush():
        line = norm("".join(buf))
        if line:
            lines.append(line)
        buf.clear()

    for c in el:
        t = tag(c)
        if t in DROP:
            pass
        elif t in LINE:
            flush()
            line = norm(inline(c))
            if line:
                lines.append(line)
        elif t == "l":
            if not prev_l:
                flush()
            buf.append(" " + inline(c) + " ")
        elif t in CONTAINER:
            flush()
            walk(c, lines)
        else:
            buf.append(BO + inline(c) + BC)
        tail = c.tail or ""
        if t == "l" and tail.strip():
            flush()
        prev_l = (t == "l") and not tail.strip()
        buf.append(tail)
    flush()


def chapter_lines(eltec, key):
    c = CHAPTERS[key]
    root = ET.parse(os.path.join(eltec, c["file"])).getroot()
    for d in root.iter(f"{NS}div"):
        if d.get("n") == c["div"]:
            lines = []
            walk(d, lines)
            return lines
    raise SystemExit(f"{key}: div {c['div']} not found in {c['file']}")

# ---------------------------------------------------------------- dash segmenter
DASHES = "—–-"
LEAD = " ,;:^'\u2019"


def is_dash(p, i):
    if p[i] not in DASHES:
        return False
    if p[i] == "-":
        before = p[i - 1] if i > 0 else " "
        after = p[i + 1] if i + 1 < len(p) else " "
        if before.isalpha() and after.isalpha():
            return False
    return True


def trim(p, s, e):
    while s < e:
        if p[s] in LEAD or p[s] in DASHES:
            s += 1
        elif p[s] == "." and p[s + 1:s + 2] != "." and (s == 0 or p[s - 1] != "."):
            s += 1
        else:
            break
    while e > s and p[e - 1] == " ":
        e -= 1
    return s, e


def auto_segments(p):
    q = p.lstrip()
    if not q or q[0] not in DASHES:
        return []
    runs, i = [], 0
    while i < len(p):
        if is_dash(p, i):
            j = i
            while j < len(p) and (p[j] in DASHES or p[j] == "^"):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    segs = []
    for k, (a, b) in enumerate(runs):
        if k % 2 == 0:
            end = runs[k + 1][0] if k + 1 < len(runs) else len(p)
            s, e = trim(p, b, end)
            if e > s:
                segs.append((s, e))
    return segs

# ---------------------------------------------------------------- annotation


def parse_ann(path):
    meta, chars, ann = {}, [], {}
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@meta "):
            for kv in line[6:].split(" | "):
                k, _, v = kv.partition("=")
                meta[k.strip()] = v.strip()
        elif line.startswith("@char "):
            key, name, aliases, gender = [x.strip() for x in line[6:].split("|")]
            chars.append((key, name, [a.strip() for a in aliases.split(";") if a.strip()], gender))
        else:
            m = re.match(r"P(\d+)([:=]) ?(.*)$", line)
            if not m:
                raise SystemExit(f"{path}: bad line {line!r}")
            n = int(m.group(1))
            if n in ann:
                raise SystemExit(f"{path}: P{n} annotated twice")
            ann[n] = (m.group(2), m.group(3))
    return meta, chars, ann


def build(eltec, key):
    meta, chars, ann = parse_ann(os.path.join(HERE, "annotation", f"{key}.txt"))
    lines = chapter_lines(eltec, key)
    text = "\n\n".join(lines)
    offs, pos = [], 0
    for l in lines:
        offs.append(pos)
        pos += len(l) + 2
    ids, characters, n = {}, [], 0
    for ck, name, aliases, gender in chars:
        if ck.startswith("_"):
            cid = ck
        else:
            n += 1
            cid = str(n)
        ids[ck] = cid
        characters.append({"id": cid, "name": name, "aliases": aliases, "gender": gender})
    quotes, problems = [], []
    for i, p in enumerate(lines):
        segs = auto_segments(p)
        if i not in ann:
            if segs:
                problems.append(f"P{i}: {len(segs)} dash segments but no annotation")
            continue
        kind, body = ann[i]
        spans = []
        if kind == ":":
            items = [x.strip() for x in body.split(",")]
            if len(items) != len(segs):
                problems.append(f"P{i}: {len(items)} labels for {len(segs)} segments")
                continue
            for (s, e), it in zip(segs, items):
                if it != "-":
                    spk, t = it.split()
                    spans.append((s, e, spk, t))
        else:
            cur = 0
            for item in body.split("||"):
                spec, _, lab = item.rpartition("@")
                spk, t = lab.split()
                spec = spec.strip()
                if "~~" in spec:
                    a, b = [x.strip() for x in spec.split("~~")]
                    s = p.find(a, cur)
                    bi = p.find(b, s + len(a)) if s >= 0 else -1
                    if s < 0 or bi < 0:
                        problems.append(f"P{i}: cannot locate {spec!r}")
                        continue
                    e = bi + len(b)
                else:
                    s = p.find(spec, cur)
                    if s < 0:
                        problems.append(f"P{i}: cannot locate {spec!r}")
                        continue
                    e = s + len(spec)
                spans.append((s, e, spk, t))
                cur = e
        for s, e, spk, t in spans:
            if spk not in ids:
                problems.append(f"P{i}: unknown speaker {spk}")
                continue
            quotes.append({"start": offs[i] + s, "end": offs[i] + e, "speaker": ids[spk], "type": TYPES[t]})
    for k in ann:
        if k >= len(lines):
            problems.append(f"P{k}: beyond chapter ({len(lines)} paragraphs)")
    low = text.lower().replace(" al ", " a el ")
    for c in characters:
        if not c["id"].startswith("_"):
            for a in c["aliases"]:
                if a.lower() not in low:
                    problems.append(f"alias not in text: {c['name']} / {a!r}")
    doc = {"title": meta["title"], "source": "ELTeC-spa", "novel": meta["novel"], "author": meta["author"],
           "year": int(meta["year"]), "language": "es", "text": text, "characters": characters, "quotes": quotes}
    return meta, doc, problems, lines, offs


def review(eltec, key):
    meta, doc, problems, lines, offs = build(eltec, key)
    names = {c["id"]: c["name"] for c in doc["characters"]}
    t = doc["text"]
    for i, p in enumerate(lines):
        a, b = offs[i], offs[i] + len(p)
        mine = [q for q in doc["quotes"] if a <= q["start"] < b]
        if not mine:
            if "—" in p or "«" in p or " -" in p or p.startswith("-"):
                print(f"P{i} [no quote]: {p[:160]}")
            continue
        out, last = [], a
        for q in mine:
            out += [t[last:q["start"]], "⟦" + t[q["start"]:q["end"]] + f"⟧<{names[q['speaker']]}/{q['type'][0].upper()}>"]
            last = q["end"]
        out.append(t[last:b])
        print(f"P{i}: " + "".join(out))
    for pr in problems:
        print("PROBLEM", pr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eltec", required=True, help="ELTeC-spa level1/ folder")
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--only", nargs="*", help="build only these keys")
    ap.add_argument("--review", metavar="KEY", help="print one chapter with its spans marked instead of writing")
    args = ap.parse_args()
    if args.review:
        review(args.eltec, args.review)
        return
    bad = 0
    for key in (args.only or CHAPTERS):
        meta, doc, problems, _, _ = build(args.eltec, key)
        for pr in problems:
            print(f"[{key}] PROBLEM {pr}")
        bad += len(problems)
        fn = os.path.join(args.out, meta["fname"] + ".json")
        with open(fn, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        print(f"{fn}: {len(doc['quotes'])} quote spans, {len(doc['text'].split())} words")
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
