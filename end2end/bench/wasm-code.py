# Where a wasm module's code goes: the size of each section, of the function bodies grouped by the
# crate their name starts with, and the largest functions. Needs the name section, so run it on the
# wasm-bindgen output before wasm-opt (which drops it), e.g.
#   wasm-bindgen --target web --no-typescript --out-dir /tmp/w --out-name studio \
#     "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/app.wasm"
#   python3 end2end/bench/wasm-code.py /tmp/w/studio_bg.wasm 40
import sys, re, collections
data = open(sys.argv[1], 'rb').read()
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
pos = 8; sections = []; n_imports_fn = 0; bodies = []; names = {}
while pos < len(data):
    sid = data[pos]; size, p = leb(data, pos + 1); end = p + size
    if sid == 0:
        nl, q = leb(data, p); nm = data[q:q+nl].decode(); q += nl
        sections.append(('custom:' + nm, size))
        if nm == 'name':
            while q < end:
                sub = data[q]; ss, q2 = leb(data, q + 1)
                if sub == 1:
                    cnt, r = leb(data, q2)
                    for _ in range(cnt):
                        idx, r = leb(data, r); l, r = leb(data, r); names[idx] = data[r:r+l].decode('utf8', 'replace'); r += l
                q = q2 + ss
    else:
        sections.append((sid, size))
        if sid == 2:
            cnt, q = leb(data, p)
            for _ in range(cnt):
                l, q = leb(data, q); q += l; l, q = leb(data, q); q += l
                kind = data[q]; q += 1
                if kind == 0: _, q = leb(data, q); n_imports_fn += 1
                elif kind == 1: q += 1; fl, q = leb(data, q); _, q = leb(data, q); q = q + 0 if not fl & 1 else leb(data, q)[1]
                elif kind == 2: fl, q = leb(data, q); _, q = leb(data, q); q = q if not fl & 1 else leb(data, q)[1]
                elif kind == 3: q += 2
                else: q += 2
        if sid == 10:
            cnt, q = leb(data, p)
            for i in range(cnt):
                l, q2 = leb(data, q); bodies.append((n_imports_fn + i, q2 - q + l)); q = q2 + l
    pos = end
secname = {1:'type',2:'import',3:'function',4:'table',5:'memory',6:'global',7:'export',8:'start',9:'element',10:'code',11:'data',12:'datacount'}
print('sections:')
for s, z in sections: print(f'  {secname.get(s, s):>24} {z:>10}')
groups = collections.Counter(); fns = []
for idx, sz in bodies:
    n = names.get(idx, f'func[{idx}]'); fns.append((sz, n))
    m = re.findall(r'([a-z_][a-z0-9_]*)::', n)
    key = m[0] if m else n[:40]
    # `<T as crate::Trait>::f` — use the type's crate
    mm = re.match(r'_?<([a-z_][a-z0-9_]*)::', n)
    if mm: key = mm.group(1)
    groups[key] += sz
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
print(f'\ncode by crate (of {sum(s for _, s in bodies)} bytes, {len(bodies)} functions, {len(names)} names):')
for k, v in groups.most_common(top): print(f'  {v:>9}  {k}')
print('\nlargest functions:')
for sz, n in sorted(fns, reverse=True)[:top]: print(f'  {sz:>9}  {n[:150]}')
