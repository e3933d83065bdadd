#!/usr/bin/env python3
"""Fills the English plural forms of nfqmon_en.ts after lupdate: "%n packet(s)" becomes
"%n packet" / "%n packets". Run after `cmake --build <dir> --target update_translations`."""
import re
import sys
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("nfqmon_en.ts"))
text = path.read_text(encoding="utf-8")


def fill(match):
    source = match.group(1)
    unescaped = source
    one = re.sub(r"\((e?s)\)", "", unescaped)
    many = re.sub(r"\((e?s)\)", r"\1", unescaped)
    return (f'<source>{source}</source>\n        <translation>\n'
            f'            <numerusform>{one}</numerusform>\n'
            f'            <numerusform>{many}</numerusform>\n        </translation>')


pattern = re.compile(r'<source>([^<]*)</source>\s*<translation type="unfinished">\s*'
                     r'<numerusform></numerusform>\s*(?:<numerusform></numerusform>\s*)?'
                     r'</translation>')
text, count = pattern.subn(fill, text)
path.write_text(text, encoding="utf-8")
print(f"{path}: {count} plural message(s) filled")
