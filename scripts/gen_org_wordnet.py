#!/usr/bin/env python3
"""Generates data/org_wordnet.txt: names of organisations from WordNet 3.0.

  apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
  python3 scripts/gen_org_wordnet.py wn/usr/share/wordnet > data/org_wordnet.txt

Takes the capitalised lemmas (and their synonyms: "NASA", "FBI") of noun synsets whose
hypernym and instance-hypernym closure reaches one of the organisation roots below. Left
out: synsets with a lowercase lemma (kinds of organisation: "nongovernmental organization,
NGO"), a lemma some synset outside those roots also names with a capital (a person, a place,
a building: "Hollywood", "Rome"), a single word that is also a lowercase WordNet lemma
("Base"), a name ending in a lowercase word ("Bush administration"), a single capitalised plural (a group of people: "Baptists"), and acronyms
of fewer than three letters. Standard library only.
"""
import os
import sys

# Offsets in WordNet 3.0 data.noun (checked by name below).
ROOTS = {
    '08008335': 'organization',  # organization, organisation
    '08392137': 'terrorist_organization',
    '08163273': 'legislature',
    '08310949': 'council',  # an assembly convened for consultation
    '08329453': 'court',  # tribunal, judicature
    '08337324': 'agency',
    '08164585': 'administration',  # governing body
}
# Subtrees of the roots whose members are not organisations in running text.
EXCLUDE = {
    '08081668': 'religion',  # "Judaism", "Hinduism": the faith, not a body
    '08359949': 'political_unit',  # nations and city states: places
}
# Artifact synsets some institutions are instances of ("Harvard University" the campus).
ARTIFACT_ROOTS = {
    '04511002': 'university',
    '03069752': 'college',
}


def read(path):
    syn = {}
    with open(path, encoding='latin-1') as fh:
        for line in fh:
            if line.startswith('  '):
                continue
            parts = line.split(' | ')[0].split()
            off, lex = parts[0], int(parts[1])
            n = int(parts[3], 16)
            words = [parts[4 + 2 * i] for i in range(n)]
            k = 4 + 2 * n
            hyper = []
            for _ in range(int(parts[k])):
                sym, o, pos = parts[k + 1:k + 4]
                k += 4
                if sym in ('@', '@i') and pos == 'n':
                    hyper.append(o)
            syn[off] = (lex, words, hyper)
    return syn


def lowercase_words(wn):
    """The lemmas WordNet writes in lowercase somewhere, in any part of speech."""
    out = set()
    for f in ('data.noun', 'data.verb', 'data.adj', 'data.adv'):
        with open(os.path.join(wn, f), encoding='latin-1') as fh:
            for line in fh:
                if line.startswith('  '):
                    continue
                parts = line.split()
                n = int(parts[3], 16)
                for i in range(n):
                    w = parts[4 + 2 * i].split('(')[0]
                    if w == w.lower():
                        out.add(w)
    return out


def main():
    wn = sys.argv[1]
    syn = read(os.path.join(wn, 'data.noun'))
    for off, name in {**ROOTS, **EXCLUDE, **ARTIFACT_ROOTS}.items():
        words = [w.lower() for w in syn[off][1]]
        assert name in words, (off, name, words)
    memo = {}

    def closure(o):
        if o not in memo:
            memo[o] = set()
            acc = {o}
            for h in syn[o][2]:
                acc |= closure(h)
            memo[o] = acc
        return memo[o]

    def is_org(o):
        lex, up = syn[o][0], closure(o)
        if up & EXCLUDE.keys():
            return False
        # noun.group, or the buildings of a university or college (noun.artifact).
        if lex == 14:
            return bool(up & ROOTS.keys())
        return lex == 6 and bool(up & ARTIFACT_ROOTS.keys()) and o not in ARTIFACT_ROOTS

    lower = lowercase_words(wn)
    org, other = set(), set()
    for o, (lex, words, _) in syn.items():
        caps = {w.replace('_', ' ') for w in words if w[0].isupper()}
        # A synset with a lowercase lemma is a kind ("nongovernmental organization, NGO"),
        # not one body.
        if is_org(o) and len(caps) == len(words):
            org |= caps
        else:
            other |= caps
    keep = []
    for name in sorted(org - other):
        single = ' ' not in name
        acronym = name.replace('.', '').replace('-', '').isupper()
        if single and acronym and len(name.replace('.', '')) < 3:
            continue
        if single and name.lower() in lower:
            continue
        if single and not acronym and name.endswith('s'):
            continue
        # A kind written after a name ("Bush administration", "Catholic school").
        if any(c.isdigit() for c in name) or not name.split()[-1][0].isupper():
            continue
        keep.append(name)
    print('# Names of organisations: capitalised noun lemmas of WordNet 3.0 synsets under organization,')
    print('# agency, legislature, council, court, administration, terrorist organization, and university and')
    print('# college instances. Source: WordNet 3.0 (Princeton University, wordnet-base from Debian).')
    print('# Licence: WordNet 3.0 licence (permissive; "WordNet 3.0 Copyright 2006 by Princeton')
    print('# University. All rights reserved."). Generated by scripts/gen_org_wordnet.py.')
    for name in keep:
        print(name)


if __name__ == '__main__':
    main()
