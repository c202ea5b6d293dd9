#!/usr/bin/env python3
"""Measures the workstation from outside, through a pseudo-terminal, as a user's terminal sees it.

    scripts/pty-bench.py --fuhe .build/release/fuhe --store /path/to/bench.sqlite [--keys 200]

Prints: time from process start to the first full screen (the status line drawn), and for cursor
moves (j/k in the unit list and in the scoresheet): latency from key to the end of the screen
update (median, p99) and bytes written to the terminal per key (median, max). Uses only the
standard library (pty, select, os).

    scripts/pty-bench.py --compare-pspg --fuhe .build/release/fuhe --store /path/to/bench.sqlite [--runs 5]

Runs the release `fuhe` and `pspg --csv` (the Debian package) side by side on comparable data —
pspg gets the unit list of the same store as a CSV (every unit, the same columns) — alternating
one run of each, and prints for both: first screen (process start to the last byte of the first
burst of output), per key (`j`/`k` and PgDn/PgUp) the first visible change (first byte) and the
whole update (last byte), median and p99, CPU per key (user+sys of the process from
/proc/PID/stat over the keys), bytes per key; then fuhe ÷ pspg for each figure.
"""
import argparse, os, shlex, pty, select, signal, statistics, struct, sys, termios, fcntl, time

def read_until_quiet(fd, quiet=0.03, limit=5.0):
    """Reads until no output for `quiet` seconds; returns (bytes, seconds until the last byte)."""
    start = time.perf_counter()
    data = b""
    last = start
    while True:
        r, _, _ = select.select([fd], [], [], quiet)
        now = time.perf_counter()
        if not r:
            if data or now - start > limit:
                return data, last - start
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return data, last - start
        if not chunk:
            return data, last - start
        data += chunk
        last = time.perf_counter()

def first_byte(fd, quiet=0.02, limit=2.0):
    """Reads one update: (bytes, seconds to its first byte, seconds to its last byte)."""
    start = time.perf_counter()
    r, _, _ = select.select([fd], [], [], limit)
    if not r:
        return b"", limit, limit
    first = time.perf_counter() - start
    data = os.read(fd, 65536)
    last = time.perf_counter() - start
    while select.select([fd], [], [], quiet)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
        last = time.perf_counter() - start
    return data, first, last

def cpu_seconds(pid):
    """user+sys CPU seconds of a process so far (/proc/PID/stat, fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def unit_list_csv(store, path):
    """The store's unit list (the columns fuhe's unit list shows) as a CSV for pspg."""
    import csv, sqlite3
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    rows = db.execute("""SELECT unit_name, fiscal_year, eval_type, self_total / 100.0, review_total / 100.0,
                                (self_total - review_total) / 100.0, COALESCE(review_grade, self_grade), open_items,
                                reviewed_rows || '/' || scorable_rows
                         FROM dossier ORDER BY sort_key, fiscal_year, id""").fetchall()
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["单位", "年度", "类型", "自评", "复核", "差异", "等次", "整改", "进度"])
        w.writerows(rows)
    return len(rows)

def measure_program(argv, env, width, height, keys, quit_key=b"q"):
    """One run of a full-screen program: first screen and per-key figures."""
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    r, _, _ = select.select([fd], [], [], 10)
    if not r:
        os.kill(pid, signal.SIGTERM)
        raise SystemExit(f"{argv[0]}: no output in 10 s")
    os.read(fd, 65536)
    last = time.perf_counter() - t0
    while select.select([fd], [], [], 0.05)[0]:
        if not os.read(fd, 65536):
            break
        last = time.perf_counter() - t0
    out = {}
    # First screen: the last byte of the first burst of output, from process start.
    out["first screen"] = [last * 1000]
    for label, down, up, block in (("j/k", b"j", b"k", 20), ("PgDn/PgUp", b"\x1b[6~", b"\x1b[5~", 3)):
        firsts, lasts, sizes = [], [], []
        cpu0 = cpu_seconds(pid)
        for i in range(keys):
            os.write(fd, down if (i // block) % 2 == 0 else up)
            chunk, f, l = first_byte(fd)
            firsts.append(f * 1000)
            lasts.append(l * 1000)
            sizes.append(len(chunk))
        cpu = (cpu_seconds(pid) - cpu0) / keys * 1000
        out[label] = (firsts, lasts, sizes, cpu)
    with open(f"/proc/{pid}/status") as f:
        out["peak RSS MB"] = [int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM:")][0]
    os.write(fd, quit_key)
    read_until_quiet(fd, quiet=0.1, limit=2)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return out

def compare_pspg(args):
    import tempfile
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", FUHE_USER="bench")
    csv_path = os.path.join(tempfile.mkdtemp(prefix="pty-bench-"), "units.csv")
    n = unit_list_csv(args.store, csv_path)
    programs = {"fuhe": shlex.split(args.fuhe) + ["--store", args.store], "pspg": ["pspg", "--csv", "-f", csv_path]}
    runs = {name: [] for name in programs}
    for run in range(args.runs):
        for name, argv in programs.items():
            runs[name].append(measure_program(argv, env, args.width, args.height, args.keys))
    load = open("/proc/loadavg").read().split()[:3]
    print(f"pty {args.width}x{args.height}, store {args.store} ({n} units; pspg reads them as CSV), "
          f"{args.runs} alternating runs of each, {args.keys} keys per kind, load average {' '.join(load)}")
    figures = {}
    for name in programs:
        f = {}
        f["first screen ms (median of runs)"] = statistics.median([r["first screen"][0] for r in runs[name]])
        for label in ("j/k", "PgDn/PgUp"):
            firsts = [x for r in runs[name] for x in r[label][0]]
            lasts = [x for r in runs[name] for x in r[label][1]]
            sizes = [x for r in runs[name] for x in r[label][2]]
            f[f"{label} first change ms median"] = statistics.median(firsts)
            f[f"{label} first change ms p99"] = pct(firsts, 99)
            f[f"{label} update done ms median"] = statistics.median(lasts)
            f[f"{label} CPU ms per key"] = statistics.median([r[label][3] for r in runs[name]])
            f[f"{label} bytes per key median"] = statistics.median(sizes)
        f["peak RSS MB (VmHWM)"] = max(r["peak RSS MB"] for r in runs[name])
        figures[name] = f
    print(f"{'figure':40} {'fuhe':>10} {'pspg':>10} {'fuhe/pspg':>10}")
    for key in figures["fuhe"]:
        a, b = figures["fuhe"][key], figures["pspg"][key]
        ratio = f"{a / b:.2f}" if b else "—"
        print(f"{key:40} {a:10.3f} {b:10.3f} {ratio:>10}")

def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuhe", required=True, help="the fuhe binary (or a command: 'fuhe-bench --workstation')")
    ap.add_argument("--store", required=True)
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--width", type=int, default=120)
    ap.add_argument("--height", type=int, default=40)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--compare-pspg", action="store_true", help="run fuhe and pspg --csv alternately and print ratios")
    args = ap.parse_args()
    if args.compare_pspg:
        compare_pspg(args)
        return

    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", FUHE_USER="bench")
    firsts = []
    for run in range(args.runs):
        t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            argv = shlex.split(args.fuhe)
            os.execvpe(argv[0], argv + ["--store", args.store], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.height, args.width, 0, 0))
        # First full screen: the status line's hint text ("q 退出") has been written.
        data = b""
        marker = "退出".encode()
        while marker not in data:
            r, _, _ = select.select([fd], [], [], 10)
            if not r:
                print("timed out waiting for the first screen", file=sys.stderr)
                os.kill(pid, signal.SIGTERM)
                sys.exit(1)
            data += os.read(fd, 65536)
        first = time.perf_counter() - t0
        firsts.append(first)
        read_until_quiet(fd)
        if run == args.runs - 1:
            results = {}
            # "within view": 5 down, 5 up (no scrolling); "scrolling": 40 down, 40 up, so most
            # moves scroll the pane, which repaints it (side panes cannot use terminal scrolling).
            for label, prelude, block in (("unit list, moves within view", b"", 5), ("unit list, scrolling moves", b"", 40),
                                          ("scoresheet, moves within view", b"\r", 5), ("scoresheet, scrolling moves", b"", 40)):
                if prelude:
                    os.write(fd, prelude)
                    read_until_quiet(fd)
                lat, sizes = [], []
                for i in range(args.keys):
                    key = b"j" if (i // block) % 2 == 0 else b"k"
                    t = time.perf_counter()
                    os.write(fd, key)
                    out, took = read_until_quiet(fd, quiet=0.02)
                    lat.append(took * 1000)
                    sizes.append(len(out))
                results[label] = (lat, sizes)
        os.write(fd, b"q")
        read_until_quiet(fd, quiet=0.1, limit=2)
        os.waitpid(pid, 0)
        os.close(fd)

    print(f"pty {args.width}x{args.height}, store {args.store}")
    print(f"first full screen from process start: median {statistics.median(firsts)*1000:.1f} ms "
          f"(min {min(firsts)*1000:.1f}, max {max(firsts)*1000:.1f}, {args.runs} runs)")
    for label, (lat, sizes) in results.items():
        print(f"{label}: key→screen updated median {statistics.median(lat):.2f} ms, p99 {pct(lat, 99):.2f} ms; "
              f"bytes per key median {statistics.median(sizes):.0f}, max {max(sizes)} ({len(lat)} keys)")

if __name__ == "__main__":
    main()
