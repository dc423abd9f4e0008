#!/usr/bin/env python3
"""Interleaved end-to-end timing of several commands on a noisy machine.

Each round runs every command once, in an order reversed every round, so a
drift of the machine's speed (a third within a minute on the shared 2-vCPU
VM) falls on all of them alike; the figures are medians over the rounds.

    python3 benches/interleave.py 40 \
        "before=/path/to/old/sas-validate -q target/bench-data/sla.json" \
        "after=target/release/sas-validate -q target/bench-data/sla.json"

The first command is the reference: the last lines give its median wall time
divided by each other command's (for issue 17's whole-process goal, put the
scan process first: `target/release/examples/scan <file>`).
"""
import resource
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    cmds = [arg.split("=", 1) for arg in sys.argv[2:]]
    wall = {name: [] for name, _ in cmds}
    cpu = {name: [] for name, _ in cmds}
    for i in range(rounds):
        for name, cmd in cmds if i % 2 == 0 else cmds[::-1]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            # The exit status is the verdict (1: errors found), not a failure here.
            subprocess.run(cmd.split(), stdout=subprocess.DEVNULL, check=False)
            wall[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(
                after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            )
    for name, _ in cmds:
        print(
            f"{name:12} wall median {statistics.median(wall[name]) * 1e3:8.1f} ms"
            f" (min {min(wall[name]) * 1e3:.1f}), CPU median"
            f" {statistics.median(cpu[name]) * 1e3:8.1f} ms"
        )
    ref = cmds[0][0]
    for name, _ in cmds[1:]:
        ratio = statistics.median(wall[ref]) / statistics.median(wall[name])
        print(f"{ref} / {name}: {ratio:.2f}x")


if __name__ == "__main__":
    main()
