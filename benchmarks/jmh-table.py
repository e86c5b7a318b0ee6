#!/usr/bin/env python3
"""Turns a JMH JSON result file of the rfc6455 codec benchmarks into the Markdown tables of benchmarks/README.md.

usage: benchmarks/jmh-table.py [--min] RESULT.json [MORE.json ...]

For every benchmark found it prints ns/op (with the 99.9% error) and gc.alloc.rate.norm (B/op) per implementation
and size, and how rfc6455 compares: "x fastest peer" is the fastest peer's ns/op divided by rfc6455's (above 1 means
rfc6455 is faster; the target is 1.5). For MaskBenchmark it prints rfc6455's speed as a percentage of a plain copy of
the same bytes, and for a 64 KiB decode the same percentage against MaskBenchmark's copy of a heap buffer (rfc6455 decodes heap buffers).

--min reports the fastest measurement iteration instead of the mean, with the mean in place of the error: on a
machine shared with other work, being descheduled only ever adds time, so the fastest iteration is the better
estimate of what the code costs (use many short iterations, e.g. -i 10 -r 500ms).
"""
import json
import sys
from collections import defaultdict


def load(paths):
    runs = []
    for path in paths:
        with open(path) as f:
            runs.extend(json.load(f))
    return runs


def short(name):
    return name.split('.')[-2]


USE_MIN = False


def fmt_ns(score, error):
    if USE_MIN:
        return f"{score:,.0f} (mean {error:,.0f})" if score >= 1000 else f"{score:.1f} (mean {error:.1f})"
    if score >= 1000:
        return f"{score:,.0f} ± {error:,.0f}"
    return f"{score:.1f} ± {error:.1f}"


def fmt_bytes(value):
    if value is None:
        return "?"
    return "0" if value < 0.5 else f"{value:,.0f}"


def collect(runs, use_min):
    table = defaultdict(dict)  # benchmark -> key(params) -> (score, error or mean, alloc)
    for run in runs:
        params = dict(run.get('params', {}))
        primary = run['primaryMetric']
        alloc = run.get('secondaryMetrics', {}).get('gc.alloc.rate.norm', {}).get('score')
        if use_min:
            fastest = min(x for fork in primary['rawData'] for x in fork)
            entry = (fastest, primary['score'], alloc)
        else:
            entry = (primary['score'], primary['scoreError'], alloc)
        table[short(run['benchmark'])][tuple(sorted(params.items()))] = entry
    return table


def get(results, **params):
    return results.get(tuple(sorted((k, str(v)) for k, v in params.items())))


def ratio_cell(rfc, peers):
    if rfc is None or not peers:
        return "-"
    name, best = min(peers.items(), key=lambda item: item[1][0])
    x = best[0] / rfc[0]
    flag = "" if x >= 1.5 else " **(miss)**"
    return f"{x:.2f} (vs {name}){flag}"


def codec_table(title, results, impls, sizes, extra=None):
    extra = extra or {}
    print(f"#### {title}\n")
    header = "| size | " + " | ".join(f"{i} ns/op | {i} B/op" for i in impls) + " | rfc6455 x fastest peer |"
    print(header)
    print("|" + "---|" * (2 * len(impls) + 2))
    for size in sizes:
        cells = []
        found = {}
        for impl in impls:
            r = get(results, impl=impl, payloadSize=size, **extra)
            found[impl] = r
            cells.append("-" if r is None else fmt_ns(r[0], r[1]))
            cells.append("-" if r is None else fmt_bytes(r[2]))
        peers = {i: r for i, r in found.items() if i != 'rfc6455' and r is not None}
        print(f"| {size} | " + " | ".join(cells) + f" | {ratio_cell(found.get('rfc6455'), peers)} |")
    print()


def main(paths):
    table = collect(load(paths), USE_MIN)
    impls = ['rfc6455', 'jetty', 'netty', 'javawebsocket']
    sizes = ['16', '125', '1024', '65536']
    if 'FrameDecodeBenchmark' in table:
        codec_table("FrameDecodeBenchmark (client-masked frames, as a server decodes them)",
                    table['FrameDecodeBenchmark'], impls, sizes)
    if 'FrameEncodeBenchmark' in table:
        for masked, who in (('true', 'masked, as a client sends'), ('false', 'unmasked, as a server sends')):
            codec_table(f"FrameEncodeBenchmark ({who})", table['FrameEncodeBenchmark'], impls, sizes,
                        {'masked': masked})
    mask = table.get('MaskBenchmark')
    if mask:
        print("#### MaskBenchmark (in-place unmask vs a copy of the same bytes)\n")
        print("| buffer | size | rfc6455 ns/op | arraycopy ns/op | rfc6455 GB/s | rfc6455 B/op | rfc6455 speed as % of copy |")
        print("|---|---|---|---|---|---|---|")
        for buffer in ('heap', 'direct'):
            for size in sizes:
                r = get(mask, impl='rfc6455', payloadSize=size, buffer=buffer)
                c = get(mask, impl='arraycopy', payloadSize=size, buffer=buffer)
                if r is None or c is None:
                    continue
                print(f"| {buffer} | {size} | {fmt_ns(r[0], r[1])} | {fmt_ns(c[0], c[1])} | "
                      f"{int(size) / r[0]:.1f} | {fmt_bytes(r[2])} | {100 * c[0] / r[0]:.0f}% |")
        print()
        decode = table.get('FrameDecodeBenchmark')
        if decode:
            d = get(decode, impl='rfc6455', payloadSize='65536')
            c = get(mask, impl='arraycopy', payloadSize='65536', buffer='heap')
            if d and c:
                pct = 100 * c[0] / d[0]
                verdict = "meets" if pct >= 50 else "**misses**"
                print(f"64 KiB masked decode (rfc6455, heap buffer): {d[0]:,.0f} ns/op = {65536 / d[0]:.1f} GB/s, "
                      f"{pct:.0f}% of the speed of System.arraycopy of 64 KiB ({c[0]:,.0f} ns/op); "
                      f"target 50%: {verdict}.\n")
    utf8 = table.get('Utf8ValidateBenchmark')
    if utf8:
        print("#### Utf8ValidateBenchmark (64 KiB)\n")
        print("| text | rfc6455 ns/op | jdk ns/op | rfc6455 GB/s | rfc6455 B/op | rfc6455 x jdk |")
        print("|---|---|---|---|---|---|")
        for text in ('ascii', 'mixed'):
            r = get(utf8, impl='rfc6455', text=text)
            j = get(utf8, impl='jdk', text=text)
            if r and j:
                print(f"| {text} | {fmt_ns(r[0], r[1])} | {fmt_ns(j[0], j[1])} | {65536 / r[0]:.1f} | "
                      f"{fmt_bytes(r[2])} | {j[0] / r[0]:.2f} |")
        print()
    deflate = table.get('DeflateBenchmark')
    if deflate:
        print("#### DeflateBenchmark (compress + decompress one text message)\n")
        print("| size | rfc6455 ns/op | rfc6455 B/op | netty ns/op | netty B/op | rfc6455 x netty |")
        print("|---|---|---|---|---|---|")
        for size in ('125', '1024', '65536'):
            r = get(deflate, impl='rfc6455', payloadSize=size)
            n = get(deflate, impl='netty', payloadSize=size)
            if r or n:
                x = f"{n[0] / r[0]:.2f}" if r and n else "-"
                print(f"| {size} | {fmt_ns(*r[:2]) if r else '-'} | {fmt_bytes(r[2]) if r else '-'} | "
                      f"{fmt_ns(*n[:2]) if n else '-'} | {fmt_bytes(n[2]) if n else '-'} | {x} |")
        print()


if __name__ == '__main__':
    args = sys.argv[1:]
    if args and args[0] == '--min':
        USE_MIN = True
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    main(args)
