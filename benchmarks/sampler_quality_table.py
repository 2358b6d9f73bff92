#!/usr/bin/python3
"""The table and the plot of docs/diffusion.md's sampler section, from what benchmarks/sampler-quality.sh wrote.

For every OUT/<sampler>-<steps>.json (atelier metrics distribution --json) with its .sample.json (atelier sample
--read-back --json) prints one markdown row: FID with its bootstrap 95 % interval, the share read as the asked
class with its Wilson interval, and seconds per image; with --plot PNG also draws FID and class agreement against
steps, one line per sampler.

    /usr/bin/python3 benchmarks/sampler_quality_table.py OUT [--plot PNG]
"""
import argparse
import json
import os
import re
import sys

ORDER = ["ddim", "ddpm", "dpm++2m", "euler", "euler-a"]


def cells(out):
    rows = []
    for name in os.listdir(out):
        m = re.fullmatch(r"(.+)-(\d+)\.json", name)
        if not m:
            continue
        sample = os.path.join(out, f"{m.group(1)}-{m.group(2)}.sample.json")
        if not os.path.exists(sample):
            continue
        with open(os.path.join(out, name)) as f:
            dist = json.load(f)
        with open(sample) as f:
            drawn = json.load(f)
        read = (drawn.get("class_read_back") or {}).get("overall")
        rows.append({"sampler": m.group(1), "steps": int(m.group(2)), "fid": dist["fid"], "ci": dist["fid_ci95"],
                     "read": read, "n": drawn["n"], "seconds": drawn["seconds"]})
    key = lambda r: (ORDER.index(r["sampler"]) if r["sampler"] in ORDER else len(ORDER), r["sampler"], r["steps"])
    return sorted(rows, key=key)


def table(rows):
    lines = ["| sampler | steps | FID [95 %] | read as asked class [95 %] | s / image |", "|---|---|---|---|---|"]
    for r in rows:
        read = r["read"]
        agree = f"{100 * read['share']:.1f} % [{100 * read['ci95'][0]:.1f}, {100 * read['ci95'][1]:.1f}]" if read else "–"
        lines.append(f"| {r['sampler']} | {r['steps']} | {r['fid']:.2f} [{r['ci'][0]:.2f}, {r['ci'][1]:.2f}] | {agree} "
                     f"| {r['seconds'] / r['n']:.3f} |")
    return "\n".join(lines)


def plot(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for sampler in dict.fromkeys(r["sampler"] for r in rows):
        rs = [r for r in rows if r["sampler"] == sampler]
        steps = [r["steps"] for r in rs]
        a.errorbar(steps, [r["fid"] for r in rs], marker="o", label=sampler, capsize=3,
                   yerr=[[max(0.0, r["fid"] - r["ci"][0]) for r in rs], [max(0.0, r["ci"][1] - r["fid"]) for r in rs]])
        b.plot(steps, [100 * r["read"]["share"] if r["read"] else float("nan") for r in rs], marker="o", label=sampler)
    n = rows[0]["n"]
    # the basic bootstrap interval corrects FID's small-N bias, so it lies mostly below the raw value
    a.set(xscale="log", xlabel="sampling steps", ylabel="FID (fmnist-v1), basic-bootstrap 95 %",
          title=f"FID against steps, N = {n}, guidance 3")
    b.set(xscale="log", xlabel="sampling steps", ylabel="% read as the asked class", title="Class agreement")
    for ax in (a, b):
        ax.set_xticks(sorted({r["steps"] for r in rows}))
        ax.get_xaxis().set_major_formatter(matplotlib.ticker.ScalarFormatter())
        ax.get_xaxis().set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    tmp = path + ".tmp.png"
    fig.savefig(tmp, dpi=100)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description="Sampler quality table")
    p.add_argument("out")
    p.add_argument("--plot")
    a = p.parse_args()
    rows = cells(a.out)
    if not rows:
        sys.exit(f"{a.out}: no <sampler>-<steps>.json with its .sample.json")
    print(table(rows))
    if a.plot:
        plot(rows, a.plot)


if __name__ == "__main__":
    main()
