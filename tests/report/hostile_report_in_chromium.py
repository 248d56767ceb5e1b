#!/usr/bin/env python3
"""Opens HTML reports built from a hostile dataset in headless Chromium and checks nothing ran.

The dataset's questions, responses, references and contexts, and the run's name, carry script in
every form a report could let through: <script>, event handlers (onerror, onload), javascript:
links, SVG with script, a meta refresh, markup that closes the title or an attribute first. Each
payload, if it ran, would mark the page (document.title and a data-ran attribute on <html>).

The run is made and exported by the real CLI (`eval run --responses-from-dataset`, `eval export
--format html`); Chromium loads the report with JavaScript on, lets virtual time run, and prints the
DOM as it stands. The report passes when no mark is there and Chromium reported no Content-Security-
Policy violation (a violation means markup from the data reached the page and only the policy
stopped it: the escaping failed).

Two controls show that the harness can see what it looks for: the same marks from a page without a
policy do show, and a page with the report's policy and an unescaped script logs the violation.

  hostile_report_in_chromium.py --cli PATH/genaiops [--chromium chromium]
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

MARK = "document.documentElement.setAttribute('data-ran','{0}');document.title='RAN-{0}'"

PAYLOADS = [
    "<script>{}</script>",
    "<img src=x onerror=\"{}\">",
    "<a href=\"javascript:{}\">click</a><a id=auto href=\"javascript:{}\"></a>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>{}</script></svg>",
    "<svg onload=\"{}\"></svg>",
    "\"><script>{}</script>",
    "'><img src=x onerror=\"{}\">",
    "</title></textarea></style><script>{}</script>",
    "<iframe srcdoc=\"<script>parent.{}</script>\"></iframe>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:{}\">",
    "<body onload=\"{}\">",
    "<details open ontoggle=\"{}\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"{}\"></style></mglyph></table></mtext></math>",
]


def payload(index):
    mark = MARK.format(index)
    return PAYLOADS[index % len(PAYLOADS)].replace("{}", mark)


def run(command, **kw):
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kw)


def chromium_dom(chromium, page, profile):
    """The DOM after load and three seconds of virtual time, and Chromium's log."""
    done = run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom",
                pathlib.Path(page).as_uri()])
    if done.returncode != 0 or "<html" not in done.stdout:
        raise SystemExit("FAIL chromium did not load %s (exit %d): %s" % (page, done.returncode, done.stderr[-800:]))
    return done.stdout, done.stderr


def marks_in(dom):
    ran = re.findall(r"data-ran=\"([^\"]*)\"", dom)
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    if title and title.group(1).startswith("RAN-"):
        ran.append(title.group(1))
    return ran


def csp_violations(log):
    return [line for line in log.splitlines() if "Content Security Policy" in line or "Content-Security-Policy" in line]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--chromium", default="chromium")
    args = parser.parse_args()
    chromium = shutil.which(args.chromium)
    if not chromium:
        print("FAIL no %s: the test command installs Debian's chromium package" % args.chromium)
        return 1
    failures = []
    with tempfile.TemporaryDirectory() as directory:
        folder = pathlib.Path(directory)
        profile = str(folder / "profile")
        workspace = str(folder / "hostile.genaiops")
        dataset = folder / "hostile.jsonl"
        with dataset.open("w", encoding="utf-8") as out:
            for item in range(len(PAYLOADS) * 2):
                out.write(json.dumps({
                    "user_input": "question %d %s" % (item, payload(item)),
                    "response": "answer %d %s" % (item, payload(item + 1)),
                    "reference": "reference %d %s" % (item, payload(item + 2)),
                    "retrieved_contexts": ["context %s" % payload(item + 3)],
                }) + "\n")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        made = run([args.cli, "--workspace", workspace, "eval", "run", "--dataset", str(dataset),
                    "--responses-from-dataset", "--metrics", "lexical", "--name", "run " + payload(0),
                    "--json"], env=env)
        if made.returncode != 0:
            print("FAIL eval run: %s" % made.stderr[-800:])
            return 1
        run_id = str(json.loads(made.stdout)["run_id"])
        report = folder / "report.html"
        exported = run([args.cli, "--workspace", workspace, "eval", "export", run_id, "--format", "html",
                        "--out", str(report)], env=env)
        if exported.returncode != 0:
            print("FAIL eval export: %s" % exported.stderr[-800:])
            return 1
        html = report.read_text(encoding="utf-8")
        shown = sum(html.count("RAN-%d" % i) > 0 for i in range(len(PAYLOADS)))
        if shown < len(PAYLOADS):
            failures.append("the report shows only %d of the %d payloads: the test proves nothing about the "
                            "others" % (shown, len(PAYLOADS)))

        dom, log = chromium_dom(chromium, str(report), profile)
        ran = marks_in(dom)
        violations = csp_violations(log)
        print("report: %d bytes, %d payloads shown as text, marks after load: %s, CSP violations: %d"
              % (len(html), shown, ran or "none", len(violations)))
        if ran:
            failures.append("script from the dataset ran in the report: %s" % ran)
        if violations:
            failures.append("markup from the dataset reached the page (the policy stopped it): %s" % violations[:3])

        # Controls: the harness sees a mark that runs, and a violation the policy stops.
        control = folder / "control.html"
        control.write_text("<!doctype html><html><head><title>control</title></head><body>%s</body></html>"
                           % payload(0), encoding="utf-8")
        control_ran = marks_in(chromium_dom(chromium, str(control), profile)[0])
        print("control without a policy: marks %s" % (control_ran or "none"))
        if not control_ran:
            failures.append("the control's script did not mark its page: this harness cannot see a script run")
        policy = re.search(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", html)
        if not policy:
            failures.append("the report has no Content-Security-Policy meta element")
        else:
            guarded = folder / "guarded.html"
            guarded.write_text("<!doctype html><html><head>%s<title>guarded</title></head><body>%s</body></html>"
                               % (policy.group(0), payload(0)), encoding="utf-8")
            guarded_dom, guarded_log = chromium_dom(chromium, str(guarded), profile)
            print("control with the report's policy: marks %s, CSP violations %d"
                  % (marks_in(guarded_dom) or "none", len(csp_violations(guarded_log))))
            if marks_in(guarded_dom):
                failures.append("the report's policy lets an inline script run")
            if not csp_violations(guarded_log):
                failures.append("Chromium logged no violation for a blocked script: this harness cannot see one")
    for failure in failures:
        print("FAIL " + failure)
    if not failures:
        print("ok: nothing from the hostile dataset ran in Chromium")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
