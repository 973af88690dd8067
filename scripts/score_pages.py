#!/usr/bin/env python3
"""Score folio's entities on real web pages against the hand annotations in scripts/pages/.

Usage:
    python3 scripts/score_pages.py                       # runs target/release/folio --json PAGE.html
    python3 scripts/score_pages.py --errors              # also every false positive and miss, per page
    python3 scripts/score_pages.py --pred DIR            # reads DIR/NAME.json instead of running folio
    python3 scripts/score_pages.py --cmd 'folio --json' --pages DIR --gold DIR --jobs 2

For each scripts/pages/NAME.tsv (columns kind, name, aliases, required; aliases '|'-separated)
the page is PAGES/NAME.html (default /work/shared/eval/html-dev). The text of every system
mention is read from the HTML (byte offsets; tags dropped, entities unescaped) and normalised:
case, whitespace, quotes, a leading 'the', a possessive 's and surrounding punctuation.

Matching, per kind (person, place, event, organization): a system entity matches a gold entity
when one of its mention texts (or its name) equals a gold alias, or, failing that, when one is a
whole-word part of the other covering at least half of the longer one's words. Each entity is
matched at most once, greedily (most exactly matching texts first, then most partly matching,
required before optional, then page order). A system entity matched to a required gold entity
is a tp; one matched to an optional gold entity, or matching only optional ones, is ignored;
any other is an fp, including a second system entity for the same gold entity. The gold covers
the page's main text (PAGES/NAME.body.txt): an entity none of whose mention texts occurs there
(one from a photo caption or credit, an author note) is left out of P unless --strict. Recall
counts required gold entities. 'all' adds person, place and event; organization is a row of its own.

Gold entities of kind 'work' (films, shows, games, books, software, devices, vehicles, craft)
are never needed. Under the table come the gold organisations and the gold works listed as
people or places: those that a false-positive person or place entity matches best (exact
before partial), each counted once per page; so 'Spain' as a place is no error where the page
also names the place Spain, and 'Europa' as a person counts against the place Europa, not the
spacecraft Europa Clipper.

Standard library only; output is deterministic. Exit status 0 whatever the scores, 2 on usage
errors.
"""

import argparse
import html
import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

KINDS = ('person', 'place', 'event')
EXTRA = ('organization',)
SCORED = KINDS + EXTRA
GOLD_KINDS = SCORED + ('work',)
HERE = Path(__file__).resolve().parent

QUOTES = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
                        '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"',
                        '\u2013': '-', '\u2014': '-', '\u00a0': ' '})
EDGE = ' \t\n"\'.,;:!?()[]{}<>*-'


def norm(s):
    """Normalised text of a name or mention: case, whitespace, quotes, 'the', possessive."""
    s = s.translate(QUOTES).lower()
    s = ' '.join(s.split()).strip(EDGE)
    s = re.sub(r"^the\s+", '', s)
    s = re.sub(r"'s$|(?<=s)'$", '', s)
    return s.strip(EDGE)


def words(s):
    return s.split()


def part_of(short, long):
    """Share of long's words that short covers when short is a whole-word run inside long and
    covers at least half of them, else 0."""
    a, b = words(short), words(long)
    if not a or len(a) >= len(b) or 2 * len(a) < len(b):
        return 0.0
    hit = any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))
    return len(a) / len(b) if hit else 0.0


def load_gold(path):
    ents = []
    lines = path.read_text(encoding='utf-8').splitlines()
    if not lines or lines[0].split('\t')[:4] != ['kind', 'name', 'aliases', 'required']:
        raise SystemExit(f'{path}: first line must be kind<TAB>name<TAB>aliases<TAB>required')
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith('#'):
            continue
        f = line.split('\t')
        if len(f) != 4 or f[0] not in GOLD_KINDS or f[3] not in ('0', '1'):
            raise SystemExit(f'{path}:{n}: bad line {line!r}')
        aliases = {norm(a) for a in f[2].split('|') + [f[1]] if norm(a)}
        ents.append({'kind': f[0], 'name': f[1], 'aliases': sorted(aliases),
                     'required': f[3] == '1' and f[0] != 'work'})
    return ents


def predict(page, args):
    if args.pred:
        p = Path(args.pred) / (page.stem + '.json')
        try:
            return json.loads(p.read_text(encoding='utf-8')), None
        except (OSError, ValueError) as e:
            return None, f'{p}: {e}'
    try:
        r = subprocess.run(shlex.split(args.cmd) + [str(page)], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    if r.returncode != 0:
        return None, f'exit {r.returncode}: {r.stderr.decode(errors="replace")[-300:]}'
    try:
        return json.loads(r.stdout), None
    except ValueError as e:
        return None, f'invalid JSON: {e}'


def system_entities(pred, raw, body):
    """System entities of the scored kinds with their normalised texts (mentions, then name) and
    whether one of the mention texts occurs in the page's main text."""
    out = []
    for e in (pred or {}).get('entities', []):
        if not isinstance(e, dict) or e.get('kind') not in SCORED:
            continue
        texts = []
        for m in e.get('mentions', []):
            try:
                t = raw[int(m['start']):int(m['end'])].decode('utf-8', 'replace')
            except (KeyError, TypeError, ValueError):
                continue
            texts.append(norm(html.unescape(re.sub(r'<[^>]*>', ' ', t))))
        if isinstance(e.get('name'), str):
            texts.append(norm(e['name']))
        mentions = [t for t in texts[:len(texts) - isinstance(e.get('name'), str)] if t]
        texts = [t for t in texts if t]
        out.append({'kind': e['kind'], 'name': e.get('name') or (texts or ['?'])[0], 'texts': texts,
                    'in_body': body is None or any(in_text(t, body) for t in mentions)})
    return out


def body_text(path):
    """The page's main text, normalised for in_text, or None when there is no NAME.body.txt."""
    try:
        return ' '.join(path.read_text(encoding='utf-8').translate(QUOTES).lower().split())
    except OSError:
        return None


def in_text(t, body):
    return re.search(r'(?<!\w)' + re.escape(t) + r'(?!\w)', body) is not None


def match_strength(s, g):
    """(exactly matching texts, summed coverage of partly matching texts) of system entity s
    against gold entity g; partial matches count only when no text matches exactly."""
    al = set(g['aliases'])
    exact = sum(t in al for t in s['texts'])
    if exact:
        return exact, 0.0
    part = sum(max((max(part_of(t, a), part_of(a, t)) for a in al), default=0.0) for t in s['texts'])
    return 0, round(part, 6)


def score_kind(gold, sys_ents, strict):
    pairs = []
    for i, s in enumerate(sys_ents):
        for j, g in enumerate(gold):
            ex, pa = match_strength(s, g)
            if ex or pa:
                pairs.append((-ex, -pa, not g['required'], i, j))
    match, taken = {}, set()
    for *_, i, j in sorted(pairs):
        if i not in match and j not in taken:
            match[i] = j
            taken.add(j)
    c = Counter(gold=sum(g['required'] for g in gold), sys=len(sys_ents))
    fps, outside = [], []
    for i in range(len(sys_ents)):
        cands = [j for *_, i2, j in pairs if i2 == i]
        if i in match and gold[match[i]]['required']:
            c['tp'] += 1
        elif i in match or (cands and not any(gold[j]['required'] for j in cands)):
            c['ignored'] += 1
        elif not strict and not sys_ents[i]['in_body']:
            c['ignored'] += 1
            c['outside'] += 1
            outside.append(i)
        else:
            c['fp'] += 1
            fps.append((i, cands))
    misses = [j for j, g in enumerate(gold) if g['required'] and j not in taken]
    return c, fps, misses, outside


def other_kind(s, gold):
    """Gold entities of another kind that system entity s matches: [(kind, name)]."""
    hits = []
    for g in gold:
        if g['kind'] != s['kind']:
            ex, pa = match_strength(s, g)
            if ex or pa:
                hits.append((-ex, -pa, g['kind'], g['name']))
    return [(k, n) for *_, k, n in sorted(hits)]


def score_page(gold, sys_ents, strict):
    r = {'counts': {}, 'fp': [], 'miss': [], 'outside': []}
    wrong = []  # person and place entities that are false positives
    for k in SCORED:
        gk = [g for g in gold if g['kind'] == k]
        sk = [s for s in sys_ents if s['kind'] == k]
        c, fps, misses, outside = score_kind(gk, sk, strict)
        r['outside'] += [{'name': sk[i]['name'], 'kind': k} for i in outside]
        r['counts'][k] = c
        for i, _ in fps:
            if k in ('person', 'place'):
                wrong.append(sk[i])
            r['fp'].append({'name': sk[i]['name'], 'kind': k, 'texts': sorted(set(sk[i]['texts'])),
                            'gold': other_kind(sk[i], gold), 'in_body': sk[i]['in_body']})
        for j in misses:
            g = gk[j]
            elsewhere = sorted({(s['kind'], s['name']) for s in sys_ents
                                if s['kind'] != k and any(match_strength(s, g))})
            r['miss'].append({'name': g['name'], 'kind': k, 'system': elsewhere})
    # gold organisations / works that a false-positive person or place entity matches best
    for gk_name in ('organization', 'work'):
        hit = {}
        for x in wrong:
            best = other_kind(x, gold)
            if best and best[0][0] == gk_name:
                hit.setdefault(best[0][1], set()).add((x['kind'], x['name']))
        r[gk_name + '_as_pp'] = [{'name': n, 'as': sorted(v)} for n, v in sorted(hit.items())]
    return r


def prf(tp, sys_n, gold_n):
    p = tp / sys_n if sys_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--gold', default=str(HERE / 'pages'), help='directory of NAME.tsv annotations')
    ap.add_argument('--pages', default='/work/shared/eval/html-dev', help='directory of NAME.html pages')
    ap.add_argument('--cmd', default=str(HERE.parent / 'target/release/folio') + ' --json',
                    help='command run on each page (the path is appended)')
    ap.add_argument('--pred', help='directory of NAME.json predictions instead of running --cmd')
    ap.add_argument('--errors', action='store_true', help='list every false positive and miss per page')
    ap.add_argument('--json', action='store_true', help='print the summary and per-page results as JSON')
    ap.add_argument('--strict', action='store_true',
                    help='count entities found only outside the main text (captions, credits) as fp')
    ap.add_argument('--jobs', type=int, default=1, help='pages to run in parallel')
    args = ap.parse_args()
    golds = sorted(Path(args.gold).glob('*.tsv'))
    if not golds:
        ap.error(f'no *.tsv annotations in {args.gold}')
    pages = [Path(args.pages) / (g.stem + '.html') for g in golds]
    absent = [p.name for p in pages if not p.exists()]
    if absent:
        ap.error(f'pages not found in {args.pages}: {absent[:3]}')
    with ThreadPoolExecutor(max(1, args.jobs)) as ex:
        preds = list(ex.map(lambda p: predict(p, args), pages))
    results = {}
    for g, p, (pred, err) in zip(golds, pages, preds):
        gold = load_gold(g)
        body = body_text(Path(args.pages) / (g.stem + '.body.txt'))
        r = score_page(gold, system_entities(pred, p.read_bytes(), body), args.strict)
        r['error'] = err
        results[g.stem] = r
    total = {k: sum((r['counts'][k] for r in results.values()), Counter()) for k in SCORED}
    total['all'] = sum((total[k] for k in KINDS), Counter())
    orgs = [(n, x) for n, r in results.items() for x in r['organization_as_pp']]
    works = [(n, x) for n, r in results.items() for x in r['work_as_pp']]
    summary = {}
    for k in KINDS + ('all',) + EXTRA:
        c = total[k]
        p, rc, f = prf(c['tp'], c['tp'] + c['fp'], c['gold'])
        summary[k] = {'p': p, 'r': rc, 'f1': f, **{x: c[x] for x in ('tp', 'fp', 'ignored', 'gold', 'sys')}}
    summary['orgs_as_person_or_place'] = len(orgs)
    summary['works_as_person_or_place'] = len(works)
    summary['outside_body_ignored'] = sum(total[k]['outside'] for k in SCORED)
    summary['pages'] = len(results)
    summary['failed'] = sum(1 for r in results.values() if r['error'])
    if args.json:
        for r in results.values():
            r['counts'] = {k: dict(v) for k, v in r['counts'].items()}
        print(json.dumps({'summary': summary, 'pages': results}, indent=1, sort_keys=True))
        return
    print(f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/ignored/gold")
    for k in KINDS + ('all',) + EXTRA:
        x = summary[k]
        print(f"{k[:12]:12} {x['p']:6.3f} {x['r']:6.3f} {x['f1']:6.3f}   "
              f"{x['tp']}/{x['fp']}/{x['ignored']}/{x['gold']}")
    print(f'organisations listed as person or place: {len(orgs)}'
          + ''.join(f'\n  {n}: {x["name"]} as ' + ', '.join(f'{k} "{s}"' for k, s in x['as']) for n, x in orgs))
    print(f'works listed as person or place: {len(works)}'
          + ''.join(f'\n  {n}: {x["name"]} as ' + ', '.join(f'{k} "{s}"' for k, s in x['as']) for n, x in works))
    print(f"entities only outside the main text, left out of P: {summary['outside_body_ignored']}"
          + ('' if args.strict else ' (--strict counts them as fp)'))
    print(f"pages {summary['pages']}   failed {summary['failed']}")
    for n, r in results.items():
        if r['error']:
            print(f'  FAILED {n}: {r["error"]}')
    if args.errors:
        for n, r in results.items():
            if not r['fp'] and not r['miss'] and not r['outside']:
                continue
            print(f'\n== {n}')
            for x in r['fp']:
                other = ('  [gold ' + '; '.join(f'{k}: {g}' for k, g in x['gold']) + ']') if x['gold'] else ''
                where = '' if x['in_body'] else '  (outside the main text)'
                print(f'  FP   {x["kind"]:12} {x["name"]!r}{other}{where}')
            for x in r['miss']:
                other = ('  [system ' + '; '.join(f'{k}: {s}' for k, s in x['system']) + ']') if x['system'] else ''
                print(f'  MISS {x["kind"]:12} {x["name"]!r}{other}')
            for x in r['outside']:
                print(f'  OUT  {x["kind"]:12} {x["name"]!r}  (only outside the main text; not scored)')


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError:
        sys.exit(0)
