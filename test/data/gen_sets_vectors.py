#!/usr/bin/env python3
"""Produce test/data/sets-vectors.json: reference answers from Python's ipaddress for netkata's
range, aggregate, split and mac calculators. Run by hand (python3 >= 3.9); the tests read the JSON
and never call Python.

    python3 test/data/gen_sets_vectors.py > test/data/sets-vectors.json

Sources of truth:
- range:     ipaddress.summarize_address_range(first, last)
- aggregate: ipaddress.collapse_addresses, per version, of every input read as a network
             (ip_network(strict=False) for host-bit CIDRs, summarize_address_range for ranges)
- split:     IPv4Network.subnets(new_prefix=...), with network/broadcast/num_addresses per subnet
- vlsm:      a first-fit search written here with ipaddress (for each need, largest first, the
             lowest subnet of the needed size that overlaps nothing taken so far), a different
             algorithm from netkata's sequential allocation
- mac:       modified EUI-64 by RFC 4291 appendix A bit operations, link-local printed by
             ipaddress.IPv6Address (RFC 5952)
"""
import ipaddress
import json
import random
import sys

rng = random.Random(20240607)


def v4(n):
    return ipaddress.IPv4Address(n)


def v6(n):
    return ipaddress.IPv6Address(n)


def summarize(a, b):
    return [str(n) for n in ipaddress.summarize_address_range(a, b)]


# ---------------------------------------------------------------- range
ranges = []
edge = [
    (v4(0), v4(2**32 - 1)),
    (v4(0), v4(0)),
    (v4(2**32 - 1), v4(2**32 - 1)),
    (v4(1), v4(2**32 - 2)),
    (ipaddress.IPv4Address('10.0.0.1'), ipaddress.IPv4Address('10.0.0.9')),
    (ipaddress.IPv4Address('192.168.0.0'), ipaddress.IPv4Address('192.168.255.255')),
    (v6(0), v6(2**128 - 1)),
    (v6(1), v6(2**128 - 2)),
    (ipaddress.IPv6Address('2001:db8::1'), ipaddress.IPv6Address('2001:db8::ff')),
]
for a, b in edge:
    ranges.append({'start': str(a), 'end': str(b), 'cidrs': summarize(a, b)})
for _ in range(150):
    a = rng.getrandbits(32)
    b = a + rng.choice([0, 1, rng.getrandbits(8), rng.getrandbits(16), rng.getrandbits(24)])
    b = min(b, 2**32 - 1)
    ranges.append({'start': str(v4(a)), 'end': str(v4(b)), 'cidrs': summarize(v4(a), v4(b))})
for _ in range(80):
    a = rng.getrandbits(128)
    b = min(a + rng.getrandbits(rng.choice([0, 8, 40, 100])), 2**128 - 1)
    ranges.append({'start': str(v6(a)), 'end': str(v6(b)), 'cidrs': summarize(v6(a), v6(b))})


# ---------------------------------------------------------------- aggregate
def random_v4_line(kind_weights):
    kind = rng.choices(['cidr', 'hostbits', 'addr', 'range', 'mask'], weights=kind_weights)[0]
    base = (10 << 24) | rng.getrandbits(14) << 6  # clustered in 10.0.0.0/16 so merges happen
    if kind == 'addr':
        a = base | rng.getrandbits(6)
        return str(v4(a)), [ipaddress.ip_network(v4(a))]
    if kind == 'range':
        a = base | rng.getrandbits(6)
        b = a + rng.getrandbits(rng.choice([2, 6, 10]))
        return f'{v4(a)}-{v4(b)}', list(ipaddress.summarize_address_range(v4(a), v4(b)))
    p = rng.randint(18, 32)
    net = ipaddress.ip_network(f'{v4(base)}/{p}', strict=False)
    if kind == 'hostbits' and p < 32:
        addr = int(net.network_address) | rng.randint(1, 2 ** (32 - p) - 1)
        return f'{v4(addr)}/{p}', [net]
    if kind == 'mask':
        return f'{net.network_address} {net.netmask}', [net]
    return str(net), [net]


def random_v6_line():
    kind = rng.choice(['cidr', 'addr', 'range'])
    base = (0x20010db8 << 96) | rng.getrandbits(12)
    if kind == 'addr':
        return str(v6(base)), [ipaddress.ip_network(v6(base))]
    if kind == 'range':
        b = base + rng.getrandbits(6)
        return f'{v6(base)} - {v6(b)}', list(ipaddress.summarize_address_range(v6(base), v6(b)))
    p = rng.randint(116, 128)
    net = ipaddress.ip_network(f'{v6(base)}/{p}', strict=False)
    return str(net), [net]


def collapse_all(nets):
    out = []
    for version in (4, 6):
        mine = [n for n in nets if n.version == version]
        collapsed = sorted(ipaddress.collapse_addresses(mine), key=lambda n: int(n.network_address))
        out += [str(n) for n in collapsed]
    return out


aggregates = []
# Hand cases first.
hand = [
    ['10.0.0.0/24', '10.0.1.0/24'],
    ['10.0.0.0/8', '10.1.0.0/16'],
    ['192.0.2.0/25', '192.0.2.128/25', '198.51.100.0/24'],
    ['0.0.0.0/1', '128.0.0.0/1'],
    ['::/1', '8000::/1', '10.0.0.0/8'],
    ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.0'],
]
for lines in hand:
    nets = [ipaddress.ip_network(x) for x in lines]
    hb = 0
    aggregates.append({'lines': lines, 'input': len(lines), 'hostBitsSet': hb, 'output': collapse_all(nets)})
for case in range(60):
    n = rng.choice([3, 10, 40, 150])
    lines = []
    nets = []
    hb = 0
    for _ in range(n):
        r = rng.random()
        if r < 0.05:
            lines.append('# comment line')
            continue
        if r < 0.08:
            lines.append('')
            continue
        if r < 0.3:
            text, ns = random_v6_line()
        else:
            text, ns = random_v4_line([6, 1, 2, 2, 1])
            if '/' in text and ipaddress.ip_network(text, strict=False).network_address != ipaddress.ip_interface(text).ip:
                hb += 1
        if rng.random() < 0.1:
            text += '   # trailing comment'
        lines.append(text)
        nets += ns
    entries = sum(1 for x in lines if x.split('#')[0].strip())
    aggregates.append({'lines': lines, 'input': entries, 'hostBitsSet': hb, 'output': collapse_all(nets)})


# ---------------------------------------------------------------- split
splits = []
for parent, new in [('192.168.1.0/24', 26), ('10.0.0.0/8', 10), ('172.16.0.0/12', 16), ('192.0.2.0/30', 32),
                    ('192.0.2.0/24', 24), ('0.0.0.0/0', 4), ('2001:db8::/32', 36), ('2001:db8::/126', 128)]:
    net = ipaddress.ip_network(parent)
    subs = list(net.subnets(new_prefix=new))
    splits.append({
        'parent': parent,
        'prefix': new,
        'subnets': [{
            'cidr': str(s),
            'network': str(s.network_address),
            'broadcast': str(s.broadcast_address),
            'addressCount': s.num_addresses,
        } for s in subs],
    })
for _ in range(30):
    p = rng.randint(8, 28)
    parent = ipaddress.ip_network(f'{v4(rng.getrandbits(32))}/{p}', strict=False)
    new = rng.randint(p, min(32, p + 6))
    subs = list(parent.subnets(new_prefix=new))
    splits.append({
        'parent': str(parent),
        'prefix': new,
        'subnets': [{'cidr': str(s), 'network': str(s.network_address), 'broadcast': str(s.broadcast_address),
                     'addressCount': s.num_addresses} for s in subs],
    })


# ---------------------------------------------------------------- VLSM (independent first-fit)
def first_fit(parent, needs, reserve):
    taken = []
    order = sorted(range(len(needs)), key=lambda i: (-(needs[i] + reserve - 1).bit_length(), i))
    plan = []
    for i in order:
        size_bits = (needs[i] + reserve - 1).bit_length()  # smallest k with 2^k >= need + reserve
        prefix = parent.max_prefixlen - size_bits
        if prefix < parent.prefixlen:
            return None
        for cand in parent.subnets(new_prefix=prefix):
            if not any(cand.overlaps(t) for t in taken):
                taken.append(cand)
                plan.append({'need': i + 1, 'hosts': needs[i], 'cidr': str(cand)})
                break
        else:
            return None
    return sorted(plan, key=lambda x: int(ipaddress.ip_network(x['cidr']).network_address))


vlsm = []
hand_vlsm = [('192.168.1.0/24', [50, 20, 10, 2]), ('10.0.0.0/24', [100, 50, 25, 10, 5, 2]),
             ('172.16.0.0/22', [500, 200, 100, 60, 30]), ('192.168.1.0/24', [126, 126]),
             ('192.168.1.0/24', [127]), ('192.168.1.0/24', [200, 60])]
for parent, needs in hand_vlsm:
    net = ipaddress.ip_network(parent)
    plan = first_fit(net, needs, 2)
    total = sum(1 << (n + 1).bit_length() for n in needs)
    vlsm.append({'parent': parent, 'hosts': needs, 'subnets': plan,
                 'missing': None if plan is not None else total - net.num_addresses})
for _ in range(40):
    p = rng.randint(20, 26)
    net = ipaddress.ip_network(f'{v4(rng.getrandbits(32))}/{p}', strict=False)
    needs = [rng.randint(1, 2 ** (30 - p)) for _ in range(rng.randint(1, 6))]
    plan = first_fit(net, needs, 2)
    total = sum(1 << (n + 1).bit_length() for n in needs)
    vlsm.append({'parent': str(net), 'hosts': needs, 'subnets': plan,
                 'missing': None if plan is not None else total - net.num_addresses})
for needs in ([1000, 300, 2], [1 << 20, 5]):
    net = ipaddress.ip_network('2001:db8::/104')
    plan = first_fit(net, needs, 0)  # IPv6: no reservation, smallest 2^k >= need
    vlsm.append({'parent': str(net), 'hosts': needs, 'subnets': plan, 'missing': None})


# ---------------------------------------------------------------- MAC
def eui64(mac):
    b = list(mac.to_bytes(6, 'big'))
    e = [b[0] ^ 0x02, b[1], b[2], 0xFF, 0xFE, b[3], b[4], b[5]]
    iid = int.from_bytes(bytes(e), 'big')
    return ':'.join(f'{x:02x}' for x in e), str(ipaddress.IPv6Address((0xFE80 << 112) | iid))


macs = []
for m in [0x3456789ABCDE, 0x000000000000, 0xFFFFFFFFFFFF, 0x01005E000001, 0x020000000001, 0x00005E005301]:
    e, ll = eui64(m)
    macs.append({'mac': ':'.join(f'{x:02x}' for x in m.to_bytes(6, 'big')), 'eui64': e, 'linkLocalIPv6': ll,
                 'multicast': bool(m >> 40 & 1), 'local': bool(m >> 41 & 1)})
for _ in range(200):
    m = rng.getrandbits(48)
    e, ll = eui64(m)
    macs.append({'mac': ':'.join(f'{x:02x}' for x in m.to_bytes(6, 'big')), 'eui64': e, 'linkLocalIPv6': ll,
                 'multicast': bool(m >> 40 & 1), 'local': bool(m >> 41 & 1)})

json.dump({
    'generator': 'test/data/gen_sets_vectors.py',
    'python': sys.version.split()[0],
    'range': ranges,
    'aggregate': aggregates,
    'split': splits,
    'vlsm': vlsm,
    'mac': macs,
}, sys.stdout, indent=1)
sys.stdout.write('\n')
