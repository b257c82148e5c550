#!/usr/bin/env python3
"""Vectors for test/practice: IPv6 text forms computed by Python's ipaddress (RFC 5952 compressed and
fully expanded), for addresses shaped like the practice generator's (runs of zero groups of every
length, ties, small groups with leading zeros). The tests check their own reference implementation of
compression against these, then use it on every generated question.

Run: python3 test/data/practice-vectors.py > test/data/practice-ipv6-vectors.json
"""
import ipaddress
import json
import random

rng = random.Random(5952)
vectors = []
for _ in range(400):
    groups = [rng.choice([0, 0, 0, rng.randint(1, 0xF), rng.randint(1, 0xFF), rng.randint(0x100, 0xFFF), rng.randint(0x1000, 0xFFFF)]) for _ in range(8)]
    value = 0
    for g in groups:
        value = (value << 16) | g
    a = ipaddress.IPv6Address(value)
    vectors.append({"groups": groups, "compressed": a.compressed, "exploded": a.exploded})
# Edge cases: all zeros, one zero group (never "::"), two tied runs, run at each end.
for groups in ([0] * 8, [1, 0, 2, 3, 4, 5, 6, 7], [1, 0, 0, 2, 0, 0, 3, 4], [0, 0, 1, 2, 3, 4, 0, 0], [1, 2, 3, 4, 5, 6, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1]):
    value = 0
    for g in groups:
        value = (value << 16) | g
    a = ipaddress.IPv6Address(value)
    vectors.append({"groups": groups, "compressed": a.compressed, "exploded": a.exploded})
print(json.dumps({"source": "python3 ipaddress " + ".".join(map(str, __import__("sys").version_info[:3])), "vectors": vectors}, indent=1))
