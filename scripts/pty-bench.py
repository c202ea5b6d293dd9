#!/usr/bin/env python3
"""Measures the workstation from outside, through a pseudo-terminal, as a user's terminal sees it
(standard library only; docs/performance.md, "Running it", has the command lines).

    pty-bench.py --fuhe .build/release/fuhe --store S [--keys 200]       first screen, j/k latency and bytes
    pty-bench.py --compare-pspg --fuhe F --store S [--runs 5] [--pause-ms N]
    pty-bench.py --starts --fuhe OLD,NEW --store S [--runs 10]           CPU and peak RSS of start → quit
    pty-bench.py --soak 3600 --fuhe F --store S [--sample 30]             resident memory during scripted use

`--compare-pspg` runs the release `fuhe` and `pspg --csv` (given the same store's unit list as a
CSV) alternately and prints for both, with fuhe ÷ pspg: the first screen (exec to the last byte
written before 0.3 s of quiet, the CPU used by then, its bytes); then, once the program is quiet
(Fuhe warms its kept views on a thread after the first screen), per key (`j`/`k`, PgDn/PgUp) in
each of Fuhe's panes (unit list, scoresheet, items): the first visible change and the whole
update (median, p99), CPU per key (/proc/PID/task/*/schedstat) and bytes per key. Keys that
change nothing (the end of a short list) are counted, not timed; each is waited on for 0.3 s, and
"CPU per key, idle waits out" leaves out the CPU of those waits after their first 30 ms (the idle
program's own work, such as its look at the store every 300 ms: the items pane's ten rows make
half its keys such keys, the unit list and the scoresheet none). `--pause-ms N` leaves N ms of
quiet after each key (the detail area's catch-up then counts for the key); by default the next
key comes 20 ms after the screen is quiet, as a held key's repeat.

Every mode starts fuhe in a stated position, seeded before each run in a private $XDG_STATE_HOME
and printed: `--start units` (nothing remembered: the unit list, its first unit open) or
`--start items` (the middle unit's last item in the items pane remembered).
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

def first_byte(fd, start, quiet=0.02, limit=2.0):
    """Reads one update: (bytes, seconds from `start` to its first byte, to its last byte).
    `start` is taken before the key is written: when the write wakes the program on this core,
    the kernel may run it before the writer resumes, and a clock read after the write would
    start after the program had already answered (medians of 0.00-0.06 ms on a busy machine)."""
    r, _, _ = select.select([fd], [], [], limit)
    if not r:
        return b"", limit, limit
    first = time.perf_counter() - start
    data = os.read(fd, 65536)
    read_at = time.perf_counter() - start
    rest, tail = drain(fd, quiet)
    return data + rest, first, read_at + tail if rest else read_at

def first_screen(fd, pid, t0, name):
    """The first full screen: all the program writes on its own up to 0.3 s of quiet (no key has
    been sent). Returns ([ms from exec to its last byte]), the process's CPU ms by then, its bytes."""
    data, last, cpu = b"", None, 0.0
    while True:
        r, _, _ = select.select([fd], [], [], 0.3 if data else 10)
        if not r:
            if not data:
                os.kill(pid, signal.SIGTERM)
                raise SystemExit(f"{name}: no output in 10 s")
            return [last * 1000], cpu, len(data)
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            return [(last or 0) * 1000], cpu, len(data)
        data += chunk
        last = time.perf_counter() - t0
        cpu = cpu_seconds(pid) * 1000

def start_position(store, start, state_home):
    """Seeds the remembered position for `store` in `state_home` (`--start`); returns what it is."""
    import json, sqlite3
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    store_id = db.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()[0]
    views = os.path.join(state_home, "fuhe", "views")
    os.makedirs(views, exist_ok=True)
    path = os.path.join(views, store_id + ".json")
    if os.path.exists(path):
        os.remove(path)
    if start == "units":
        return "no remembered position (the unit list, its first unit open)"
    n = db.execute("SELECT count(*) FROM dossier").fetchone()[0]
    unit = db.execute("SELECT id FROM dossier ORDER BY sort_key, fiscal_year, id LIMIT 1 OFFSET ?", (n // 2,)).fetchone()[0]
    item = db.execute("SELECT id FROM rect_item WHERE dossier_id = ? ORDER BY seq DESC LIMIT 1", (unit,)).fetchone()
    prefs = {"dossierID": unit, "focus": "items"}
    if item:
        prefs["itemID"] = item[0]
    with open(path, "w") as f:
        json.dump(prefs, f)
    return f"remembered: unit {unit} (row {n // 2 + 1} of {n}), item {item[0] if item else '—'}, items pane"

_thread_cpu = {}

def cpu_seconds(pid):
    """CPU seconds a process (all its threads) has run so far: /proc/PID/task/*/schedstat in
    nanoseconds (user+sys; /proc/PID/stat counts 10 ms ticks, too coarse for 100 keys of half a
    millisecond). A thread that has ended keeps the time last read for it (the workstation's
    warm-up thread ends while keys are measured)."""
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                _thread_cpu[(pid, tid)] = int(f.read().split()[0])
        return sum(v for (p, _), v in _thread_cpu.items() if p == pid) / 1e9
    except (OSError, ValueError):
        pass
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def wait_until_idle(pid, limit=15.0):
    """Waits until the process uses less than 2 ms of CPU in 0.25 s (the workstation warms its
    kept views on a thread of its own after the first screen), so that keys are measured on a
    quiet program (the warm-up begins at the first 250 ms without a key: no quiet counts before
    0.6 s). Returns the seconds waited."""
    start = time.perf_counter()
    time.sleep(0.6)
    while time.perf_counter() - start < limit:
        before = cpu_seconds(pid)
        time.sleep(0.25)
        if cpu_seconds(pid) - before < 0.002:
            break
    return time.perf_counter() - start

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

def drain(fd, quiet):
    """Reads whatever comes until `quiet` seconds pass with nothing: (bytes, seconds to the last byte or 0)."""
    start = time.perf_counter()
    data, last = b"", 0.0
    while select.select([fd], [], [], quiet)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
        last = time.perf_counter() - start
    return data, last

# Fuhe's panes: (name, keys that bring the focus there from the previous one). Enter opens the
# unit under the cursor and focuses its scoresheet; Tab goes on to the items.
FUHE_PANES = (("unit list", b""), ("scoresheet", b"\r"), ("items", b"\t"))
KEY_KINDS = (("j/k", b"j", b"k", 20), ("PgDn/PgUp", b"\x1b[6~", b"\x1b[5~", 3))

def stop_program(pid, fd, quit_key):
    """Asks the program to quit by its key, then ends it for sure and closes its terminal."""
    os.write(fd, quit_key)
    read_until_quiet(fd, quiet=0.1, limit=2)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)

def measure_program(argv, env, width, height, keys, panes=(("unit list", b""),), pause_ms=0, quit_key=b"q", prepare=None):
    """One run of a full-screen program: first screen and per-key figures in each pane."""
    if prepare:
        prepare()
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    out = {}
    out["first screen"], out["first screen CPU"], out["first screen bytes"] = first_screen(fd, pid, t0, argv[0])
    out["idle after"] = wait_until_idle(pid)
    drain(fd, 0.05)
    for pane, prelude in panes:
        if prelude:
            os.write(fd, prelude)
            read_until_quiet(fd, quiet=0.1)
        for label, down, up, block in KEY_KINDS:
            firsts, lasts, sizes = [], [], []
            cpu0, idle = cpu_seconds(pid), 0.0
            for i in range(keys):
                # Output still coming for the last key (a slow moment on a loaded machine) is
                # that key's, not the next one's first change.
                late, _ = drain(fd, 0)
                if late and sizes:
                    sizes[-1] += len(late)
                sent = time.perf_counter()
                os.write(fd, down if (i // block) % 2 == 0 else up)
                chunk, f, l = first_byte(fd, sent, limit=0.03)
                if not chunk:
                    # Nothing yet: wait the rest of 0.3 s, counting the CPU of that wait apart
                    # (an idle program's own work — its look at the store every 300 ms — not the key's).
                    idle0 = cpu_seconds(pid)
                    chunk, f, l = first_byte(fd, sent, limit=0.27)
                    if not chunk:
                        idle += cpu_seconds(pid) - idle0
                if not chunk:
                    # The cursor was at the end of a short list: nothing changed, nothing to time.
                    out["keys without a change"] = out.get("keys without a change", 0) + 1
                    continue
                if pause_ms:
                    # A reviewer's pause: what comes later (the detail area catching up) belongs to this key.
                    more, t = drain(fd, pause_ms / 1000)
                    if more:
                        chunk += more
                        l += 0.02 + t
                firsts.append(f * 1000)
                lasts.append(l * 1000)
                sizes.append(len(chunk))
            cpu = (cpu_seconds(pid) - cpu0) / keys * 1000   # every key, changed or not
            out[(pane, label)] = (firsts, lasts, sizes, cpu, cpu - idle / keys * 1000)
    with open(f"/proc/{pid}/status") as f:
        out["peak RSS MB"] = [int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM:")][0]
    stop_program(pid, fd, quit_key)
    return out

def compare_pspg(args):
    import tempfile
    env = fuhe_env()
    csv_path = os.path.join(tempfile.mkdtemp(prefix="pty-bench-"), "units.csv")
    n = unit_list_csv(args.store, csv_path)
    position = start_position(args.store, args.start, env["XDG_STATE_HOME"])
    prepare = lambda: start_position(args.store, args.start, env["XDG_STATE_HOME"])
    programs = {"fuhe": (shlex.split(args.fuhe) + ["--store", args.store], FUHE_PANES, prepare),
                "pspg": (["pspg", "--csv", "-f", csv_path], (("unit list", b""),), None)}
    runs = {name: [] for name in programs}
    load0 = open("/proc/loadavg").read().split()[:3]
    for run in range(args.runs):
        for name, (argv, panes, prep) in programs.items():
            runs[name].append(measure_program(argv, env, args.width, args.height, args.keys, panes, args.pause_ms, prepare=prep))
    load = open("/proc/loadavg").read().split()[:3]
    print(f"pty {args.width}x{args.height}, store {args.store} ({n} units; pspg reads them as CSV), "
          f"{args.runs} alternating runs of each, {args.keys} keys per kind and pane, "
          f"{'a pause of %d ms after each key' % args.pause_ms if args.pause_ms else 'next key 20 ms after the screen is quiet'}, "
          f"load average {' '.join(load0)} at the start, {' '.join(load)} at the end")
    print(f"fuhe starts with {position} ({env['XDG_STATE_HOME']}, --start {args.start})")
    figures = {}
    for name, (_, panes, _) in programs.items():
        f = {}
        f[("", "first screen ms (exec → its last byte, median)")] = statistics.median([r["first screen"][0] for r in runs[name]])
        f[("", "first screen: CPU ms to its last byte (median)")] = statistics.median([r["first screen CPU"] for r in runs[name]])
        f[("", "first screen: bytes (median)")] = statistics.median([r["first screen bytes"] for r in runs[name]])
        f[("", "quiet after the first screen, s (median; keys wait)")] = statistics.median([r["idle after"] for r in runs[name]])
        for pane, _ in panes:
            for label, *_ in KEY_KINDS:
                firsts = [x for r in runs[name] for x in r[(pane, label)][0]]
                lasts = [x for r in runs[name] for x in r[(pane, label)][1]]
                sizes = [x for r in runs[name] for x in r[(pane, label)][2]]
                f[(pane, f"{label} first change ms median")] = statistics.median(firsts)
                f[(pane, f"{label} first change ms p99")] = pct(firsts, 99)
                f[(pane, f"{label} update done ms median")] = statistics.median(lasts)
                f[(pane, f"{label} CPU ms per key")] = statistics.median([r[(pane, label)][3] for r in runs[name]])
                f[(pane, f"{label} CPU ms per key, idle waits out")] = statistics.median([r[(pane, label)][4] for r in runs[name]])
                f[(pane, f"{label} bytes per key median")] = statistics.median(sizes)
                f[(pane, f"{label} bytes per key max")] = max(sizes)
        f[("", "peak RSS MB (VmHWM)")] = max(r["peak RSS MB"] for r in runs[name])
        f[("", "keys without a visible change (not timed)")] = sum(r.get("keys without a change", 0) for r in runs[name])
        figures[name] = f
    print(f"{'figure':52} {'fuhe':>10} {'pspg':>10} {'fuhe/pspg':>10}")
    for (pane, key), a in figures["fuhe"].items():
        b = figures["pspg"].get(("unit list" if pane else "", key))
        ratio = f"{a / b:.2f}" if b else "—"
        name = f"{pane}: {key}" if pane else key
        print(f"{name:52} {a:10.3f} {b if b is not None else float('nan'):10.3f} {ratio:>10}")

def fuhe_env():
    """The programs' environment: a terminal, UTF-8, a user, and a private XDG state directory
    (so the workstation's remembered position is the one `--start` sets, not the last run's)."""
    import tempfile
    return dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", FUHE_USER="bench",
                XDG_STATE_HOME=tempfile.mkdtemp(prefix="pty-bench-state-"))

def rss(pid):
    """(VmRSS, VmHWM) of a process in MB."""
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for l in f:
            if l.startswith(("VmRSS:", "VmHWM:")):
                values[l.split(":")[0]] = int(l.split()[1]) / 1024
    return values["VmRSS"], values["VmHWM"]

def soak_script():
    """One round of scripted use: (keys, seconds to wait after them). Most keys come 30 ms apart
    (a held key's repeat), some after a longer pause (the detail area catches up)."""
    steps = []
    def keys(k, n=1, wait=0.03):
        steps.extend([(k, wait)] * n)
    keys(b"j", 25); keys(b"k", 10, 0.15); keys(b"\x1b[6~", 4); keys(b"\x1b[5~", 3, 0.12)
    keys(b"G", 1, 0.3); keys(b"k", 5); keys(b"g", 1, 0.3)
    keys("/".encode(), 1, 0.1); keys("局".encode(), 1, 0.1); keys(b"\r", 1, 0.3); keys(b"n", 3, 0.2); keys(b"\x1b", 1, 0.2)
    keys(b"\r", 1, 0.2)                       # open the unit: its scoresheet
    keys(b"j", 40); keys(b"k", 15, 0.1); keys(b"\x1b[6~", 2); keys(b"\x1b[5~", 2, 0.1)
    keys(b"]", 2, 0.1); keys(b"[", 2, 0.1)
    keys(b"\t", 1, 0.1); keys(b"j", 6); keys(b"k", 6, 0.1)   # the items
    keys(b"\t", 1, 0.1)                        # back to the unit list
    keys(b"t", 4, 0.2)                          # the type filter round (back to every unit)
    keys(b"?", 1, 0.2); keys(b"j", 5); keys(b"\x1b", 1, 0.2)  # help opened, scrolled, closed
    keys(b"j", 30)
    return steps

def soak(args):
    """Scripted use for `args.soak` seconds; prints resident memory every `args.sample` seconds."""
    env = fuhe_env()
    position = start_position(args.store, args.start, env["XDG_STATE_HOME"])
    argv = shlex.split(args.fuhe) + ["--store", args.store]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.height, args.width, 0, 0))
    read_until_quiet(fd, quiet=0.3, limit=10)
    script = soak_script()
    start = time.perf_counter()
    cpu0 = cpu_seconds(pid)
    keys, written, samples = 0, 0, []
    def sample():
        elapsed = time.perf_counter() - start
        now_rss, hwm = rss(pid)
        load = open("/proc/loadavg").read().split()[0]
        samples.append((elapsed, keys, now_rss, hwm))
        print(f"{elapsed:8.0f} s {keys:8d} keys  RSS {now_rss:6.1f} MB  peak {hwm:6.1f} MB  "
              f"CPU {cpu_seconds(pid) - cpu0:7.1f} s  {written / 1e6:7.1f} MB written  load {load}", flush=True)
    print(f"soak: {argv[0]} on {args.store} at {args.width}x{args.height} for {args.soak} s, "
          f"a round of {len(script)} keys, memory every {args.sample} s; starts with {position}", flush=True)
    sample()
    next_sample = args.sample
    while time.perf_counter() - start < args.soak:
        for key, wait in script:
            os.write(fd, key)
            keys += 1
            data, _ = drain(fd, wait)
            written += len(data)
            if time.perf_counter() - start >= next_sample:
                sample()
                next_sample += args.sample
    sample()
    stop_program(pid, fd, b"q")
    if len(samples) >= 3:
        # Growth after the first sample past warm-up (the first minute: windows, search keys, help read once).
        base = next((s for s in samples if s[0] >= 60), samples[1])
        end = samples[-1]
        per = (end[2] - base[2]) / max(1, end[1] - base[1]) * 10000
        print(f"RSS {base[2]:.1f} MB at {base[0]:.0f} s ({base[1]} keys) → {end[2]:.1f} MB at {end[0]:.0f} s ({end[1]} keys): "
              f"{per:+.3f} MB per 10,000 keys; peak {max(s[3] for s in samples):.1f} MB")

def starts(args):
    """The cost of a start: each binary of `--fuhe` (several, separated by commas: alternating
    runs) is started `--runs` times; `q` goes in as soon as its first byte arrives, so it quits at
    its first key read, after the first screen. Prints the time to the first byte and the
    process's own user+sys and peak RSS (wait4) from exec to exit."""
    env = fuhe_env()
    programs = [p.strip() for p in args.fuhe.split(",")]
    results = {p: [] for p in programs}
    for run in range(args.runs):
        for program in programs:
            position = start_position(args.store, args.start, env["XDG_STATE_HOME"])
            argv = shlex.split(program) + ["--store", args.store]
            t0 = time.perf_counter()
            pid, fd = pty.fork()
            if pid == 0:
                os.execvpe(argv[0], argv, env)
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.height, args.width, 0, 0))
            select.select([fd], [], [], 10)
            first = time.perf_counter() - t0
            os.read(fd, 65536)
            os.write(fd, b"q")
            while True:
                try:
                    if not os.read(fd, 65536):
                        break
                except OSError:
                    break
            _, _, usage = os.wait4(pid, 0)
            os.close(fd)
            results[program].append((first * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024))
    load = open("/proc/loadavg").read().split()[:3]
    print(f"starts at {args.width}x{args.height} on {args.store}, {args.runs} alternating runs, load average {' '.join(load)}; "
          f"each starts with {position}")
    for program, r in results.items():
        firsts, cpus, peaks = [x[0] for x in r], [x[1] for x in r], [x[2] for x in r]
        print(f"{program}: first byte {statistics.median(firsts):.1f} ms median (min {min(firsts):.1f}); "
              f"CPU start→first screen→quit {statistics.median(cpus):.1f} ms median (min {min(cpus):.1f}); "
              f"peak RSS {statistics.median(peaks):.1f} MB")

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
    ap.add_argument("--pause-ms", type=int, default=0, help="with --compare-pspg: quiet time after each key (its later output counts for it)")
    ap.add_argument("--soak", type=int, metavar="SECONDS", help="scripted use for this long, printing resident memory")
    ap.add_argument("--sample", type=int, default=30, help="with --soak: seconds between memory samples")
    ap.add_argument("--start", choices=("units", "items"), default="units",
                    help="where fuhe starts: 'units' remembers no position; 'items' remembers the middle unit's last item, items pane (default units)")
    ap.add_argument("--starts", action="store_true", help="CPU and peak RSS of start → first screen → quit (--fuhe A,B alternates binaries)")
    args = ap.parse_args()
    if args.starts:
        starts(args)
        return
    if args.soak:
        soak(args)
        return
    if args.compare_pspg:
        compare_pspg(args)
        return

    env = fuhe_env()
    firsts = []
    for run in range(args.runs):
        position = start_position(args.store, args.start, env["XDG_STATE_HOME"])
        t0 = time.perf_counter()
        argv = shlex.split(args.fuhe)
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], argv + ["--store", args.store], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.height, args.width, 0, 0))
        # First full screen: everything written before 0.3 s of quiet (`first_screen`).
        first = first_screen(fd, pid, t0, argv[0])[0][0] / 1000
        firsts.append(first)
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

    print(f"pty {args.width}x{args.height}, store {args.store}; each run starts with {position}")
    print(f"first full screen from process start: median {statistics.median(firsts)*1000:.1f} ms "
          f"(min {min(firsts)*1000:.1f}, max {max(firsts)*1000:.1f}, {args.runs} runs)")
    for label, (lat, sizes) in results.items():
        print(f"{label}: key→screen updated median {statistics.median(lat):.2f} ms, p99 {pct(lat, 99):.2f} ms; "
              f"bytes per key median {statistics.median(sizes):.0f}, max {max(sizes)} ({len(lat)} keys)")

if __name__ == "__main__":
    main()
