#!/usr/bin/env python3
"""Measures the workstation from outside, through a pseudo-terminal, as a user's terminal sees it.

    scripts/pty-bench.py --fuhe .build/release/fuhe --store /path/to/bench.sqlite [--keys 200]

Prints: time from process start to the first full screen (the status line drawn), and for cursor
moves (j/k in the unit list and in the scoresheet): latency from key to the end of the screen
update (median, p99) and bytes written to the terminal per key (median, max). Uses only the
standard library (pty, select, os).
"""
import argparse, os, pty, select, signal, statistics, struct, sys, termios, fcntl, time

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

def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuhe", required=True)
    ap.add_argument("--store", required=True)
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--width", type=int, default=120)
    ap.add_argument("--height", type=int, default=40)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", FUHE_USER="bench")
    firsts = []
    for run in range(args.runs):
        t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(args.fuhe, [args.fuhe, "--store", args.store], env)
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
