#!/usr/bin/env python3
"""Merges top-level sections into locales/vi.json and locales/en.json.

Usage: python3 scripts/merge-locale.py sections.json
where sections.json is {"vi": {"section": {...}}, "en": {"section": {...}}}. Sections are
deep-merged, so several people can add keys at once without overwriting each other's work.
"""
import json, sys, os

def merge(dst, src):
    for k, v in src.items():
        if isinstance(v, dict) and isinstance(dst.get(k), dict):
            merge(dst[k], v)
        else:
            dst[k] = v

new = json.load(open(sys.argv[1], encoding='utf-8'))
root = os.path.join(os.path.dirname(__file__), '..', 'locales')
for lang, sections in new.items():
    path = os.path.join(root, f'{lang}.json')
    data = json.load(open(path, encoding='utf-8'))
    merge(data, sections)
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write('\n')
    os.replace(tmp, path)
