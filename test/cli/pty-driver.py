"""Runs a command in a pseudo-terminal, typing each step's keys once its text is on the screen.

Usage: python3 pty-driver.py '{"argv": [...], "cwd": "...", "steps": [{"waitFor": "...", "type": "..."}], "timeout": 20}'
Prints {"code": exit code (negative: killed by that signal), "output": screen text, "unused": steps never reached}.
"""
import json
import os
import pty
import select
import sys
import time

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execvp(spec["argv"][0], spec["argv"])

out = b""
seen = 0
steps = list(spec["steps"])
deadline = time.time() + spec.get("timeout", 20)
while True:
    if steps:
        at = out.find(steps[0]["waitFor"].encode(), seen)
        if at >= 0:
            seen = at + len(steps[0]["waitFor"].encode())
            os.write(fd, steps.pop(0)["type"].encode())
            continue
    if time.time() > deadline:
        os.kill(pid, 9)
        break
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk

_, status = os.waitpid(pid, 0)
code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
print(json.dumps({"code": code, "output": out.decode("utf-8", "replace"), "unused": steps}))
