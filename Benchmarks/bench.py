#!/usr/bin/env python3
"""Measures a release build of `kp serve` in one run and prints a table.

1. Throughput and p99 of an authenticated tenant read (GET /api/v1/tenants/{id}/trainees/me) against
   GET /health/live of the same server at the same concurrency, as a ratio.
   The signer's agreement page and support's tenant list (the 357 kommuner, first page) as a ratio to the
   same /health/live, with a cookie session from the development issuer's browser login.
2. Tenant provisioning time: median of N creations (POST /support/tenants + POST …/provision), one
   keep-alive connection, each creation timed on its own.
3. Requests spread at random over the N provisioned tenants with an open-pool cap of 64, uniformly and
   Zipf-like (s = 1.0: bench-1 read most, as the big kommuner are): throughput as a ratio to the single-tenant
   read, peak RSS and open file descriptors of the server. Then uniformly again on a second server over the same
   files with the default cap (`tenants.maxOpen` 0: sized at start from the file limit and memory, read from
   its `kp_tenant_databases_max` metric), measured after a first pass has opened every tenant.
4. The training engine on realistic data: the sample catalog imported, kommune-0301 seeded with
   `kp dev seed-training` (default 500 LIS, 50 per leder), then the progress report as the LIS, the leder's
   overview of 50 LIS, and activity submissions (each write audited) as a ratio to /health/live. p99 under
   load includes wrk's own time on the same cores; the -c1 rows and a second, logging server (same files,
   requests one at a time) give the time spent in the server.
   The training pages (issue 13) with cookie sessions from the browser login of the seeded leder (typed name
   and identity number) and of the first seeded LIS (the demo LIS): the leder's «Til godkjenning» and the
   LIS's «Min side» (the plan page, 101 objectives) as a ratio to /health/live and as server time (target
   p99 <= 5 ms for the plan page); the leder's overview page of 50 LIS (/mine-lis, target p99 <= 20 ms) when
   the portal has it, else a row saying it was not measured.

5. Continuous backup (skip with --no-backup; only this with --only-backup): two servers at once, one with
   `backup.enabled` (Litestream to a folder replica) and one without, each with a leder reading a LIS (every
   read appends to the access log: a write transaction); measured alternately twice, the throughput with
   Litestream as a ratio to without (target >= 0.8). Then --backup-tenants tenants are provisioned on the server
   with the backup, it is stopped once the backup is confirmed, and `kp backup restore --all --to DIR` is timed.
6. `--only migration` (issue 14; run on its own, it takes minutes): N tenant databases (default 10,000) with
   realistic content (kommune-0301 opened, the sample catalog imported, 3 LIS seeded with progress by
   `kp dev seed-training`, then N tenants created and provisioned through the support API and that file
   copied over each), migrated by the test-only migration (`KP_TEST_TENANT_MIGRATION=review-note`: a column
   and an index on learningActivity) with `kp migrate --jobs 2`; its time and its ratio to the same SQL
   applied by a bare bash loop of the `sqlite3` command over copies of the same files, in the same run.
7. `--only scale` (issue 14; minutes): N tenants (default 10,000) created, provisioned, opened with a paper
   agreement and given a LIS through the API (4 clients), then the server started twice with Litestream
   replicating every tenant to a folder: time until it serves and until the backup is ok (first start, with
   every file snapshotted; then a restart), RSS and open files of the server and of the Litestream processes,
   their CPU without requests, and reads of one tenant against reads spread uniformly over all N with the tenant
   store's cap of 64; then the same with `backup.monitorSeconds` and `backup.syncInterval` at 10 s.

Each hot path (the tenant read, the spread, the progress report, the leder overview, the activity write) also
gets the same SQL run on the same files by a minimal program on the SQLite C API (Benchmarks/raw/reference.c,
through raw_reference.py; skip with --no-raw): the "raw SQLite" column, and our figure as a ratio to it, beside
the ratio to /health/live. A row gives the cost of opening one tenant file, raw and as the server pays it.

Everything runs against 127.0.0.1 only and stops by itself.
"""
import argparse, base64, html, http.client, json, os, re, resource, shutil, signal, statistics, subprocess, sys, tempfile, threading, time
import urllib.parse, urllib.request

import raw_reference

# The leder who accepts the benchmark LIS's invitation and leads the first 50 seeded LIS: a token with this
# identity number (API rows) and a browser login typing it on the issuer's page (page rows) are the same person.
SEEDED_LEDER_PID = "30108299920"

def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rps, float(p99.group(1)) * scale, int(non2xx.group(1)) if non2xx else 0

def wrk(url, args, headers=(), script=None, connections=None):
    connections = connections or args.connections
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{args.duration}s", "--latency"]
    for h in headers:
        cmd += ["-H", h]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return parse_wrk(out)

class Server:
    def __init__(self, binary, folder, port, max_open, extra_env=None, start_seconds=10):
        self.env = dict(os.environ, KP_TENANTS_DIRECTORY=folder, KP_HTTP_PORT=str(port), KP_LOG_LEVEL="warning",
                        KP_TENANTS_MAXOPEN=str(max_open), KP_DEVISSUER_ISSUER=f"http://127.0.0.1:{port}/dev-issuer",
                        KP_METRICS_PORT="0")
        self.env.update(extra_env or {})
        self.binary, self.port = binary, port
        self.proc = subprocess.Popen([binary, "serve", "--demo"], env=self.env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        for _ in range(int(start_seconds / 0.05)):
            try:
                self.request("GET", "/health/ready")
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def kp(self, *arguments):
        """Runs a kp command on the server's files, with the server's environment."""
        return subprocess.run([self.binary, *arguments], env=self.env, check=True, capture_output=True,
                              text=True).stdout

    def token(self, *extra):
        return subprocess.run([self.binary, "dev", "token", "--demo", *extra], env=self.env, check=True,
                              capture_output=True, text=True).stdout.strip()

    def request(self, method, path, body=None, token=None, conn=None, pdf=None):
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Content-Type": "application/pdf" if pdf is not None else "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = pdf if pdf is not None else (json.dumps(body) if body is not None else None)
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        data = response.read()
        if own:
            conn.close()
        if response.status >= 300:
            raise RuntimeError(f"{method} {path}: {response.status} {data[:200]!r}")
        return data

    def open_tenant(self, tenant, support, conn=None):
        """Opens a tenant the way support does with a signed paper agreement: upload the scan, countersign."""
        scan = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        agreement = json.loads(self.request(
            "POST", f"/api/v1/support/tenants/{tenant}/paper-agreements?templateVersion={current_template_version()}"
            "&signerName=Benk%20Signatar", token=support, conn=conn, pdf=scan))["id"]
        self.request("POST", f"/api/v1/support/agreements/{agreement}/countersign", token=support, conn=conn)

    def memory_and_fds(self):
        status = open(f"/proc/{self.proc.pid}/status").read()
        hwm = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) // 1024
        rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) // 1024
        fds = len(os.listdir(f"/proc/{self.proc.pid}/fd"))
        return hwm, rss, fds

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()

def current_template_version():
    """The agreement template in force today (UTC) by Contracts/*/manifest.json, the folder the demo server reads:
    a paper agreement must name it, an earlier version is refused as superseded (409)."""
    contracts = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Contracts")
    today = time.strftime("%Y-%m-%d", time.gmtime())
    manifests = [json.load(open(os.path.join(contracts, name, "manifest.json"))) for name in os.listdir(contracts)
                 if os.path.isfile(os.path.join(contracts, name, "manifest.json"))]
    return max((m for m in manifests if m["effectiveDate"] <= today), key=lambda m: m["effectiveDate"])["version"]

def find_invitation_token(mail_folder, link=r"/(?:invitasjon|invitations/accept)\?"):
    """The token of the e-mail link the file transport wrote whose path matches `link`: by default the role
    invitation (/invitasjon, the page; /invitations/accept before it); the signatory's mail (/kontaktperson/godta) carries a token too, and
    files are named by random id, so match the path."""
    import base64, email
    if not os.path.isdir(mail_folder):
        return None
    for name in sorted(os.listdir(mail_folder)):
        message = email.message_from_string(open(os.path.join(mail_folder, name)).read())
        body = base64.b64decode(message.get_payload()).decode()
        found = re.search(link + r"\S*token=([A-Za-z0-9_-]+)", body)
        if found:
            return found.group(1)
    return None

def wait_for_mail_token(mail_folder, link=r"/(?:invitasjon|invitations/accept)\?"):
    """`find_invitation_token`, waiting up to ten seconds for the mail to be written."""
    for _ in range(100):
        token = find_invitation_token(mail_folder, link)
        if token:
            return token
        time.sleep(0.1)
    raise RuntimeError(f"no e-mail with a link to {link} in {mail_folder}")

def browser_login(port, person, level=4, returning_to="/", typed=None):
    """A browser's login through the development issuer, as the pages drive it, one HTTP request at a time:
    /logg-inn/helseid (sets the kp_login cookie) -> the issuer's /authorize -> its login page, posted with the
    named demo person and security level -> /auth/callback with the kp_login cookie, which sets kp_session.
    `typed` = (name, pid) logs in as a person typed on that page («annen»: a name and an identity number)
    instead, as anyone not in the demo table does. Returns the session cookie's value."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    def send(method, target, headers=None, body=None, expect=(200,)):
        parts = urllib.parse.urlsplit(target)
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        if response.status not in expect:
            raise RuntimeError(f"login as {person}: {method} {parts.path}: {response.status} {data[:200]!r}")
        return response, data
    def cookie(response, name):
        for header in response.msg.get_all("Set-Cookie") or []:
            found = re.match(rf"{name}=([^;]*)", header)
            if found and found.group(1):
                return found.group(1)
        raise RuntimeError(f"login as {person}: no {name} cookie")
    try:
        start, _ = send("GET", "/logg-inn/helseid?neste=" + urllib.parse.quote(returning_to), expect=(303,))
        login = cookie(start, "kp_login")
        authorize, _ = send("GET", start.getheader("Location"), expect=(302, 303))
        _, page = send("GET", authorize.getheader("Location"))
        fields = {name: html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page.decode()).group(1))
                  for name in ("client_id", "request_uri")}
        chosen = {"person": "annen", "name": typed[0], "pid": typed[1]} if typed else {"person": person}
        form = urllib.parse.urlencode({**fields, **chosen, "level": str(level)})
        back, _ = send("POST", "/dev-issuer/logg-inn", body=form, expect=(303,),
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"})
        done, _ = send("GET", back.getheader("Location"), headers={"Cookie": f"kp_login={login}"}, expect=(303,))
        return cookie(done, "kp_session")
    finally:
        conn.close()

def fetch_page(url, session):
    """One GET with the session cookie: (status, body)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                 headers={"Cookie": f"kp_session={session}"})
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    return response.status, body

def page_row(label, url, session, expected, live_rps, args, target=0.3):
    """A page read with a session cookie, as a ratio to /health/live: one request checked first (200 and the
    `expected` texts in the page), a 2 s warm-up, then wrk like the other rows. `target` None: the ratio is
    shown without a verdict (the page's target is its server time)."""
    status, body = fetch_page(url, session)
    missing = [text for text in expected if text not in body]
    if status != 200 or missing:
        raise RuntimeError(f"GET {urllib.parse.urlsplit(url).path}: {status}, missing {missing}")
    cookie = [f"Cookie: kp_session={session}"]
    wrk(url, argparse.Namespace(**{**vars(args), "duration": 2}), cookie)
    rps, p99, errors = wrk(url, args, cookie)
    ratio = rps / live_rps
    verdict = (f"{'PASS' if ratio >= target else 'FAIL'} ratio {ratio:.2f} (target >= {target})" if target is not None
               else f"ratio {ratio:.{2 if ratio >= 0.1 else 3}f} to /health/live")
    return (label, f"{rps:,.0f} req/s", f"{p99:.2f} ms", verdict + (f", {errors} errors" if errors else ""))

def token_pid(token):
    """The identity number (pid claim) of a development token: who the seeded first LIS must be."""
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return claims["helseid://claims/identity/pid"]

def orgnr(n):
    base = f"9{n:07d}"
    weights = [3, 2, 7, 6, 5, 4, 3, 2]
    check = 11 - sum(int(d) * w for d, w in zip(base, weights)) % 11
    check = 0 if check == 11 else check
    return None if check == 10 else base + str(check)

def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]

def server_times(server, folder, args, requests):
    """Server-side times (ms, from the request log line: middleware in to response out, no socket I/O) of
    `requests` (path, headers, count) sent one at a time to a second server on the same files with info logging;
    the measured server keeps logging at warning so its throughput is not the logger's. Page sessions live in
    the registry, so a cookie from a login on the first server is valid on the second."""
    port = args.port + 1
    log_path = os.path.join(folder, "timing.log")
    env = dict(server.env, KP_HTTP_PORT=str(port), KP_LOG_LEVEL="info")
    with open(log_path, "w") as log:
        proc = subprocess.Popen([server.binary, "serve", "--demo"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        conn = None
        for _ in range(200):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", "/health/ready")
                conn.getresponse().read()
                break
            except OSError:
                conn = None
                time.sleep(0.05)
        if conn is None:
            raise RuntimeError("timing server did not start")
        # At start the server looks into every tenant's outbox (the mail recovery); the times are of the
        # server after that pass, which its log says is over.
        startup = None
        for _ in range(1200):
            startup = next((line for line in open(log_path) if "mail recovery finished" in line), None)
            if startup:
                break
            time.sleep(0.05)
        if startup is None:
            raise RuntimeError("timing server did not finish its mail recovery within 60 s")
        for path, headers, count in requests:
            for _ in range(count):
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    raise RuntimeError(f"GET {path}: {response.status}")
        conn.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    times = {}
    for line in open(log_path):
        path = re.search(r"path=(\S+)", line)
        ms = re.search(r"ms=([\d.]+)", line)
        if path and ms and "request" in line:
            times.setdefault(path.group(1), []).append(float(ms.group(1)))
    # The first requests warm the pool and caches: keep the last 90%.
    pass_figures = {key: int(re.search(rf"{key}=(\d+)", startup).group(1)) for key in ("ms", "tenants")}
    return {path: values[len(values) // 10:] for path, values in times.items()}, pass_figures

def verdict(ratio, target):
    return f"{'PASS' if ratio >= target else 'FAIL'} ratio {ratio:.2f} (target >= {target})"

def seeds_per_thread(base):
    """Lua that seeds each wrk thread on its own. wrk runs a script in every thread; seeded alike, its two threads
    asked for the same tenants in the same order a few dozen requests apart, so the second read of each pair found
    the file the first had just opened: measured through the server's metrics, 25% of Zipf-like reads over 1,000
    tenants at a cap of 64 opened a file instead of 46%, and 46% of uniform ones instead of 91%."""
    return f"""
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", {base} + threads)
end
function init(args)
  math.randomseed(seed)
end
"""

def write_zipf_script(folder, count):
    """A wrk script that reads bench-1 … bench-N with Zipf-like odds (s = 1.0: tenant k is read 1/k as often as
    bench-1), by a binary search of the cumulative odds; each thread draws its own sequence."""
    script = os.path.join(folder, "zipf.lua")
    with open(script, "w") as f:
        f.write(f"""
local n, cdf, sum = {count}, {{}}, 0
for k = 1, n do sum = sum + 1 / k; cdf[k] = sum end
for k = 1, n do cdf[k] = cdf[k] / sum end
request = function()
  local r, lo, hi = math.random(), 1, n
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < r then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", "/api/v1/tenants/bench-" .. lo .. "/trainees/me")
end
""" + seeds_per_thread(42))
    return script

def spread_at_default_cap(args, folder, created, auth, script, read_rps):
    """Uniform reads on a second server whose cap is the default (`tenants.maxOpen` 0: sized at start from the
    file limit and memory), read from its metrics; a first pass opens every tenant, the second is measured."""
    metrics_port = args.port + 6
    server = Server(args.binary, folder, args.port + 5, max_open=0,
                    extra_env={"KP_METRICS_ENABLED": "true", "KP_METRICS_PORT": str(metrics_port),
                               # The first server's issuer: its tokens are valid here too (same demo key).
                               "KP_DEVISSUER_ISSUER": f"http://127.0.0.1:{args.port}/dev-issuer"})
    try:
        scrape = urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=10).read().decode()
        cap = int(float(re.search(r"^kp_tenant_databases_max (\S+)$", scrape, re.M).group(1)))
        base = f"http://127.0.0.1:{args.port + 5}"
        wrk(base + "/", argparse.Namespace(**{**vars(args), "duration": max(5, args.duration)}), auth, script=script)
        (rps, p99, errors), peak = peak_fds_during(server.proc.pid, lambda: wrk(base + "/", args, auth, script=script))
        hwm, rss, fds = server.memory_and_fds()
        limit = open(f"/proc/{server.proc.pid}/limits").read()
        files = re.search(r"Max open files\s+(\d+)", limit).group(1)
    finally:
        server.stop()
    return [(f"spread over {len(created)} tenants, default cap {cap}", f"{rps:,.0f} req/s", f"{p99:.2f} ms",
             f"{verdict(rps / read_rps, 0.5)} to single tenant; all open after a first pass"
             + (f", {errors} errors" if errors else "")),
            ("server memory and files (default cap)", f"peak RSS {hwm} MiB", f"now {rss} MiB",
             f"open fds peak {peak}, now {fds}; file limit {files}, cap {cap} pools")]

def settle(seconds=1.0):
    """A pause before a run at low concurrency that follows a saturated one, so that the row measures its own load.
    When wrk stops, the server is still busy with what the saturated run left: at least the requests its clients
    left behind (one per connection: at -c32, 32 leder overviews, each a write of 50 access-log lines, one after
    the other on the tenant's connection). In the lab (8 pairs, the overview at -c2 right after -c32), the p99 was
    26.6-146 ms when the run started at once (over 50 ms in 7 of 8), and 18.8-24.8 ms after a pause of 0.4 or 2 s
    (8 of 8). The server's request log (3 rounds) shows what ran: the first 18-34 requests logged after the -c32 run
    had ended took 109-125 ms each, the -c32 run's leftovers (committed in groups) and the -c2 run's first requests
    behind them; every later one took under 30 ms."""
    time.sleep(seconds)

def training(server, args, folder, lis, leder, raw=None):
    """Section 4: import the catalog, seed kommune-0301, measure progress, leder overview and activity writes."""
    rows = []
    base = f"http://127.0.0.1:{args.port}"
    catalog = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Catalog", "sample-catalog.json")
    server.kp("catalog", "import", "--demo", catalog)
    started = time.perf_counter()
    seeded = server.kp("dev", "seed-training", "--demo", "--tenant", "kommune-0301",
                       "--trainees", str(args.training_trainees), "--per-leder", "50",
                       "--lis-pid", token_pid(lis), "--leder-pid", SEEDED_LEDER_PID, "--seed", "42")
    seconds = time.perf_counter() - started
    print(seeded, file=sys.stderr)
    transactions = re.search(r"transactions\s+(\d+)", seeded)
    activities = re.search(r"activities\s+(\d+) recorded", seeded)
    rows.append((f"seed {args.training_trainees} LIS (kp dev seed-training)", f"{seconds:.1f} s", "-",
                 f"{transactions.group(1) if transactions else '?'} verb transactions, "
                 f"{activities.group(1) if activities else '?'} activities"))

    trainee = json.loads(server.request("GET", "/api/v1/tenants/kommune-0301/trainees/me", token=lis))["id"]
    lis_auth = [f"Authorization: Bearer {lis}"]
    leder_auth = [f"Authorization: Bearer {leder}"]
    overview = json.loads(server.request("GET", "/api/v1/tenants/kommune-0301/leder/overview", token=leder))
    shown = len(overview.get("trainees", overview.get("rows", [])))
    short = argparse.Namespace(**{**vars(args), "duration": 2})

    # Progress report of the first LIS, as that LIS.
    progress_path = f"/api/v1/tenants/kommune-0301/trainees/{trainee}/progress"
    wrk(base + progress_path, short, lis_auth)
    rps, p99, errors = wrk(base + progress_path, args, lis_auth)
    settle()
    one_rps, one_p99, _ = wrk(base + progress_path, args, lis_auth, connections=1)
    rows.append((f"progress report (LIS, -c{args.connections})", f"{rps:,.0f} req/s", f"{p99:.2f} ms",
                 "p99 under load incl. wrk on the same cores" + (f", {errors} errors" if errors else "")))
    rows.append(("progress report (LIS, -c1)", f"{one_rps:,.0f} req/s", f"{one_p99:.2f} ms",
                 f"{'PASS' if one_p99 <= 5 else 'FAIL'} target p99 <= 5 ms (one at a time)"))

    # The leder's overview of their LIS (each read logs one line per LIS shown).
    overview_path = "/api/v1/tenants/kommune-0301/leder/overview"
    wrk(base + overview_path, short, leder_auth, connections=2)
    rps, p99, errors = wrk(base + overview_path, args, leder_auth)
    settle()
    two_rps, two_p99, _ = wrk(base + overview_path, args, leder_auth, connections=2)
    settle()
    one_rps, one_p99, _ = wrk(base + overview_path, args, leder_auth, connections=1)
    rows.append((f"leder overview, {shown} LIS (-c{args.connections})", f"{rps:,.0f} req/s", f"{p99:.2f} ms",
                 "saturated: p99 is queueing, not the read" + (f", {errors} errors" if errors else "")))
    rows.append((f"leder overview, {shown} LIS (-c2)", f"{two_rps:,.0f} req/s", f"{two_p99:.2f} ms",
                 f"{'PASS' if two_p99 <= 50 else 'FAIL'} target p99 <= 50 ms"))
    rows.append((f"leder overview, {shown} LIS (-c1)", f"{one_rps:,.0f} req/s", f"{one_p99:.2f} ms",
                 f"{'PASS' if one_p99 <= 50 else 'FAIL'} target p99 <= 50 ms (one at a time)"))

    # The training pages (issue 13), with cookie sessions from the browser login: the seeded leder (typed on
    # the issuer's login page: the name and identity number seed-training was given) and the first seeded LIS
    # (the demo LIS, a named person there). Ratios to a /health/live measured now.
    tenant_base = base + "/virksomhet/kommune-0301"
    leder_session = browser_login(args.port, "annen", typed=("Lars Leder", SEEDED_LEDER_PID),
                                  returning_to="/virksomhet/kommune-0301/til-godkjenning")
    lis_session = browser_login(args.port, "lis", returning_to="/virksomhet/kommune-0301/meg")
    live_rps, live_p99, _ = wrk(base + "/health/live", args)
    rows.append(("GET /health/live (before pages)", f"{live_rps:,.0f} req/s", f"{live_p99:.2f} ms", "baseline"))
    _, approvals = fetch_page(tenant_base + "/til-godkjenning", leder_session)
    waiting = approvals.count("<tr><td>")
    rows.append(page_row(f"«Til godkjenning», leder of {shown} LIS ({waiting} waiting)", tenant_base + "/til-godkjenning",
                         leder_session, ["<h1>Til godkjenning</h1>", "Logget inn som <strong>Lars Leder</strong>"],
                         live_rps, args, target=None))
    _, home = fetch_page(tenant_base + "/meg", lis_session)
    objectives = home.count("<tr><td><a href=")
    rows.append(page_row(f"«Min side», LIS plan page ({objectives} objectives)", tenant_base + "/meg", lis_session,
                         ["Min side i", "av 101 læringsmål er godkjent", "Logget inn som <strong>Lise Lege</strong>"],
                         live_rps, args, target=None))
    # The leder's overview of their LIS as a page: measured when the portal has it (not on main at 3b435e8).
    mine_status, _ = fetch_page(tenant_base + "/mine-lis", leder_session)
    if mine_status == 200:
        rows.append(page_row(f"leder overview page, {shown} LIS", tenant_base + "/mine-lis", leder_session,
                             ["Logget inn som <strong>Lars Leder</strong>"], live_rps, args, target=None))
    else:
        rows.append(("leder overview page (/mine-lis)", "-", "-", f"not measured: GET answers {mine_status}, no such page"))

    # Server-side time, from a second server's request log (requests one at a time).
    bearer = lambda token: {"Authorization": f"Bearer {token}"}
    cookie = lambda session: {"Cookie": f"kp_session={session}"}
    pages = [("«Min side» (plan page)", "/virksomhet/kommune-0301/meg", cookie(lis_session), 300, 5),
             ("«Til godkjenning»", "/virksomhet/kommune-0301/til-godkjenning", cookie(leder_session), 200, None)]
    if mine_status == 200:
        pages.append(("leder overview page", "/virksomhet/kommune-0301/mine-lis", cookie(leder_session), 200, 20))
    progress_page = f"/virksomhet/kommune-0301/lis/{trainee}/fremdrift"
    pages.append(("progress report page", progress_page, cookie(lis_session), 300, None))
    times, startup = server_times(server, folder, args, [(progress_path, bearer(lis), 300), (overview_path, bearer(leder), 200)]
                         + [(path, headers, count) for _, path, headers, count, _ in pages])
    # The same SQL from C, on a copy taken now: before the activity writes below add rows the report would count.
    raw_times, copy = {}, None
    if raw:
        copy = raw.copy(os.path.join(folder, "kommune-0301", "tenant.sqlite"), "kommune-0301.sqlite")
        raw_times = {progress_path: raw.progress(copy, trainee),
                     overview_path: raw.overview(copy, *raw_reference.leder_of(copy, trainee))}
        for path, figures in raw_times.items():
            print(f"raw SQLite {figures['path']}: {figures['statement_ms']}", file=sys.stderr)
    rows.append((f"mail recovery at start, {startup['tenants']} tenants", f"{startup['ms']:,} ms", "-",
                 "the 2nd server's pass over every outbox (its log); the server times below are after it"))
    # Issue 15's targets: the report p99 <= 2 ms (and within 5x of raw SQLite), the overview p99 <= 10 ms.
    for label, path, target in [("progress report", progress_path, 2), ("leder overview", overview_path, 10)] \
            + [(label, path, target) for label, path, _, _, target in pages]:
        values = times.get(path, [])
        if values:
            p99 = percentile(values, 0.99)
            verdict = (f"{'PASS' if p99 <= target else 'FAIL'} target p99 <= {target} ms" if target is not None
                       else "no target of its own")
            row = (f"{label}: server time (n={len(values)})", f"median {statistics.median(values):.2f} ms",
                   f"{p99:.2f} ms", verdict + " (request log, 2nd server)")
            if path in raw_times:
                row = raw_reference.beside(row, raw_reference.time_columns(statistics.median(values), p99, raw_times[path]))
                if path == progress_path:
                    factor = statistics.median(values) / raw_times[path]["median_ms"]
                    row = (*row[:-1], row[-1] + f"; {'PASS' if factor <= 5 else 'FAIL'} median within 5x of raw")
            rows.append(row)
    # A page against the JSON of the same data (issue 15: within 2x), by the medians and p99s above.
    for label, page_path, json_path in [("progress report page / its JSON", progress_page, progress_path),
                                        ("leder overview page / its JSON", "/virksomhet/kommune-0301/mine-lis",
                                         overview_path)]:
        page_times, json_times = times.get(page_path, []), times.get(json_path, [])
        if page_times and json_times:
            median = statistics.median(page_times) / statistics.median(json_times)
            p99 = percentile(page_times, 0.99) / percentile(json_times, 0.99)
            rows.append((label, f"median {median:.2f}x", f"p99 {p99:.2f}x",
                         f"{'PASS' if max(median, p99) <= 2 else 'FAIL'} target within 2x (server time)"))

    # Activity submissions as the LIS, every one audited, against liveness measured now.
    live_rps, live_p99, _ = wrk(base + "/health/live", args)
    performed = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400))
    body = json.dumps({"planKey": "lis1-kommune", "objectiveId": "DEL1-001", "recommendation": 0,
                       "performedOn": performed, "note": "Benchmark"})
    activities_path = f"/api/v1/tenants/kommune-0301/trainees/{trainee}/activities"
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    conn.request("POST", activities_path, body=body,
                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {lis}"})
    response = conn.getresponse()
    answer = response.read()
    conn.close()
    if response.status != 201:
        raise RuntimeError(f"POST {activities_path}: {response.status}, expected 201: {answer[:300]!r}")
    script = os.path.join(folder, "activity.lua")
    with open(script, "w") as f:
        f.write(f"""
wrk.method = "POST"
wrk.body = {json.dumps(body)}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {lis}"
""")
    wrk(base + activities_path, short, script=script)
    rps, p99, errors = wrk(base + activities_path, args, script=script)
    ratio = rps / live_rps
    rows.append(("GET /health/live (before writes)", f"{live_rps:,.0f} req/s", f"{live_p99:.2f} ms", "baseline"))
    rows.append(("POST activity (LIS, audited)", f"{rps:,.0f} req/s", f"{p99:.2f} ms",
                 f"{'PASS' if ratio >= 0.25 else 'FAIL'} ratio {ratio:.2f} (target >= 0.25), "
                 f"{errors} non-2xx (201 checked first)"))
    if raw:
        written = raw.activity(copy, trainee, "lis1-kommune", "DEL1-001")
        rows[-1] = raw_reference.beside(rows[-1], raw_reference.rate_columns(rps, written))
    return rows

def machine_busy_during(work):
    """Runs `work`; returns its result and the share of the machine's cores in use meanwhile (/proc/stat: all but
    idle and I/O wait), which the Zipf-like spread's ceiling takes from the single-tenant read."""
    def counters():
        with open("/proc/stat") as f:
            ticks = [int(x) for x in f.readline().split()[1:9]]
        return sum(ticks), ticks[3] + ticks[4]
    total, idle = counters()
    result = work()
    total_after, idle_after = counters()
    elapsed = total_after - total
    return result, (1 - (idle_after - idle) / elapsed) if elapsed > 0 else 1.0

def peak_fds_during(pid, work):
    """Runs `work` while sampling the open files of process `pid` every 0.1 s; returns its result and the peak."""
    peak, stop = [0], threading.Event()
    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_and_fds(pid)[1])
            time.sleep(0.1)
    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        result = work()
    finally:
        stop.set()
        sampler.join()
    return result, peak[0]

def invite_leder(server, folder, lis, trainee):
    """The LIS invites the seeded leder, who accepts from the e-mail's link; returns the leder's token."""
    server.request("POST", f"/api/v1/tenants/kommune-0301/trainees/{trainee}/invitations",
                   {"role": "leder", "email": "leder@oslo.kommune.no"}, token=lis)
    invitation = wait_for_mail_token(os.path.join(folder, "_mail"))
    leder = server.token("--sub", "bench-leder", "--pid", SEEDED_LEDER_PID, "--name", "Lars Leder")
    server.request("POST", "/api/v1/tenants/kommune-0301/invitations/accept", {"token": invitation}, token=leder)
    return leder

def leder_reading(server, folder):
    """A tenant open with a LIS and their leder; returns the leder's URL of the LIS and the leder's token."""
    lis, support = server.token(), server.token("--support")
    server.request("POST", "/api/v1/support/tenants/kommune-0301/administrators",
                   {"name": "Benk Signatar", "email": "signatar@oslo.kommune.no", "organisationNumber": "974770482"},
                   token=support)
    server.open_tenant("kommune-0301", support)
    server.request("POST", "/api/v1/tenants/kommune-0301/trainees/me", {"programme": "lis1"}, token=lis)
    trainee = json.loads(server.request("GET", "/api/v1/tenants/kommune-0301/trainees/me", token=lis))["id"]
    leder = invite_leder(server, folder, lis, trainee)
    return f"http://127.0.0.1:{server.port}/api/v1/tenants/kommune-0301/trainees/{trainee}", leder, support

def backup_state(server):
    return json.loads(server.request("GET", "/health/ready")).get("backup", {}).get("state")

def backup(args):
    """Writes with Litestream replicating against without, in the same run; restore time of N tenants."""
    rows, folders, servers = [], [], []
    try:
        setups = []
        for offset, enabled in [(1, False), (2, True)]:
            folder = tempfile.mkdtemp(prefix="kp-bench-", dir=args.folder)
            replica = tempfile.mkdtemp(prefix="kp-bench-replica-", dir=args.folder)
            folders += [folder, replica]
            env = {"KP_BACKUP_ENABLED": "true" if enabled else "false", "KP_BACKUP_REPLICAURL": replica,
                   "KP_BACKUP_CHECKSECONDS": "5", "KP_OPERATOR": "bench"}
            server = Server(args.binary, folder, args.port + offset, max_open=64, extra_env=env)
            servers.append(server)
            setups.append((server, folder, replica) + leder_reading(server, folder))
        (plain, _, _, plain_url, plain_leder, _), (backed, backed_folder, replica, backed_url, backed_leder, support) = setups
        for _ in range(100):
            if backup_state(backed) == "ok":
                break
            time.sleep(0.2)
        warm = argparse.Namespace(**{**vars(args), "duration": 2})
        wrk(plain_url, warm, [f"Authorization: Bearer {plain_leder}"])
        wrk(backed_url, warm, [f"Authorization: Bearer {backed_leder}"])
        without, with_backup, errors = [], [], 0
        for _ in range(2):
            rps, p99_plain, e1 = wrk(plain_url, args, [f"Authorization: Bearer {plain_leder}"])
            without.append(rps)
            rps, p99_backed, e2 = wrk(backed_url, args, [f"Authorization: Bearer {backed_leder}"])
            with_backup.append(rps)
            errors += e1 + e2
        state = backup_state(backed)
        ratio = statistics.mean(with_backup) / statistics.mean(without)
        rows.append(("leder reads the LIS (logged), no backup", f"{statistics.mean(without):,.0f} req/s",
                     f"{p99_plain:.2f} ms", "baseline for the next row (mean of 2, alternating)"))
        rows.append(("the same with Litestream replicating", f"{statistics.mean(with_backup):,.0f} req/s",
                     f"{p99_backed:.2f} ms",
                     f"{'PASS' if ratio >= 0.8 else 'FAIL'} ratio {ratio:.2f} (target >= 0.8); backup {state}"
                     + (f", {errors} errors" if errors else "")))
        plain.stop()

        # Restore time: N tenants provisioned on the server with the backup, confirmed on the replica, restored.
        conn = http.client.HTTPConnection("127.0.0.1", backed.port, timeout=30)
        created, n = 0, 0
        while created < args.backup_tenants:
            n += 1
            number = orgnr(n)
            if number is None:
                continue
            created += 1
            backed.request("POST", "/api/v1/support/tenants", {"id": f"bench-{created}", "organisationNumber": number,
                           "name": f"Bench {created}"}, token=support, conn=conn)
            backed.request("POST", f"/api/v1/support/tenants/bench-{created}/provision", token=support, conn=conn)
        conn.close()
        time.sleep(5)  # the supervisor sees the new files (2 s) and restarts the process with them
        for _ in range(300):
            ready = json.loads(backed.request("GET", "/health/ready"))["backup"]
            if ready["state"] == "ok" and sum(p["databases"] for p in ready["processes"]) >= created + 2:
                break
            time.sleep(0.2)
        time.sleep(12)  # two heartbeat rounds: every new file's snapshot is on the replica
        backed.stop()
        target = tempfile.mkdtemp(prefix="kp-bench-restore-", dir=args.folder)
        folders.append(target)
        os.rmdir(target)
        started = time.perf_counter()
        run = subprocess.run([backed.binary, "backup", "restore", "--all", "--to", target, "--jobs", "4", "--demo"],
                             env=backed.env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        summary = re.search(r"restored (\d+) database\(s\).*; (\d+) failed", run.stdout)
        if summary is None:
            raise RuntimeError(f"kp backup restore --all: {run.stdout[-500:]} {run.stderr[-500:]}")
        restored, failed = int(summary.group(1)), int(summary.group(2))
        first_failure = next((line.strip() for line in run.stdout.splitlines() if "FAILED" in line), "")
        rows.append((f"restore --all, {restored} databases (--jobs 4)", f"{seconds:.1f} s",
                     f"{seconds / max(restored, 1) * 1000:.0f} ms each",
                     f"registry + {restored - 1} tenants from a folder replica; {failed} failed"
                     + (f" ({first_failure[:80]})" if first_failure else "")))
    finally:
        for server in servers:
            if server.proc.poll() is None:
                server.stop()
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
    return rows
# The test migration's SQL as `TenantSchema.reviewNoteSQL` has it, and the bookkeeping `kp migrate` does with it.
REVIEW_NOTE_SQL = """
CREATE TABLE IF NOT EXISTS migrationTrace (id INTEGER PRIMARY KEY, identifier TEXT NOT NULL);
INSERT INTO migrationTrace (identifier) VALUES ('test-review-note');
ALTER TABLE learningActivity ADD COLUMN reviewNote TEXT;
CREATE INDEX learningActivity_reviewNote ON learningActivity (reviewNote);
"""

def migration(args):
    """Section 5: N realistic tenants migrated by kp migrate --jobs 2, against a bash loop of sqlite3."""
    folder = tempfile.mkdtemp(prefix="kp-bench-migrate-", dir=args.folder)
    copies = os.path.join(folder, "_sqlite3-loop")
    try:
        server = Server(args.binary, folder, args.port, max_open=64)
        try:
            support = server.token("--support")
            server.request("POST", "/api/v1/support/tenants/kommune-0301/administrators",
                           {"name": "Benk Signatar", "email": "signatar@oslo.kommune.no",
                            "organisationNumber": "974770482"}, token=support)
            server.open_tenant("kommune-0301", support)
            catalog = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Catalog", "sample-catalog.json")
            server.kp("catalog", "import", "--demo", catalog)
            server.kp("dev", "seed-training", "--demo", "--tenant", "kommune-0301", "--trainees", "3",
                      "--per-leder", "3", "--seed", "42")
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
            created, n, started = [], 0, time.perf_counter()
            while len(created) < args.migration_tenants:
                n += 1
                number = orgnr(n)
                if number is None:
                    continue
                tenant = f"bench-{len(created) + 1}"
                server.request("POST", "/api/v1/support/tenants", {"id": tenant, "organisationNumber": number,
                               "name": f"Bench {tenant}"}, token=support, conn=conn)
                server.request("POST", f"/api/v1/support/tenants/{tenant}/provision", token=support, conn=conn)
                created.append(tenant)
            conn.close()
            print(f"provisioned {len(created)} tenants in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        finally:
            server.stop()
        seeded = os.path.join(folder, "kommune-0301", "tenant.sqlite")
        subprocess.run(["sqlite3", seeded, "PRAGMA wal_checkpoint(TRUNCATE)"], check=True, capture_output=True)
        counts = subprocess.run(["sqlite3", seeded, "SELECT (SELECT count(*) FROM trainee), (SELECT count(*) FROM "
                                 "learningActivity), (SELECT count(*) FROM objectiveProgress)"],
                                check=True, capture_output=True, text=True).stdout.strip().split("|")
        size_kib = os.path.getsize(seeded) // 1024
        os.makedirs(copies)
        for tenant in created:
            target = os.path.join(folder, tenant, "tenant.sqlite")
            for suffix in ("-wal", "-shm"):
                if os.path.exists(target + suffix):
                    os.remove(target + suffix)
            shutil.copyfile(seeded, target)
            shutil.copyfile(seeded, os.path.join(copies, f"{tenant}.sqlite"))
        shutil.copyfile(seeded, os.path.join(copies, "kommune-0301.sqlite"))
        tenants = len(created) + 1
        subprocess.run(["sync"], check=True)

        env = dict(server.env, KP_TEST_TENANT_MIGRATION="review-note")
        started = time.perf_counter()
        result = subprocess.run([args.binary, "migrate", "--demo", "--jobs", "2"], env=env, capture_output=True,
                                text=True)
        kp_seconds = time.perf_counter() - started
        print(result.stdout + result.stderr[-2000:], file=sys.stderr)
        if result.returncode != 0 or f"{tenants} tenant(s) migrated" not in result.stdout:
            raise RuntimeError(f"kp migrate failed ({result.returncode}): {result.stdout} {result.stderr[-2000:]}")
        version = subprocess.run(["sqlite3", seeded, "PRAGMA user_version"], check=True, capture_output=True,
                                 text=True).stdout.strip()

        script = ("BEGIN IMMEDIATE;" + REVIEW_NOTE_SQL.replace("\n", " ") +
                  "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);"
                  "INSERT INTO grdb_migrations VALUES ('test-review-note');"
                  f"PRAGMA user_version = {version}; COMMIT;")
        loop = f'for f in "{copies}"/*.sqlite; do sqlite3 "$f" "{script}" || exit 1; done'
        started = time.perf_counter()
        subprocess.run(["bash", "-c", loop], check=True)
        loop_seconds = time.perf_counter() - started
        last = os.path.join(copies, f"{created[-1]}.sqlite")
        looped = subprocess.run(["sqlite3", last, "PRAGMA user_version"], check=True, capture_output=True,
                                text=True).stdout.strip()
        if looped != version:
            raise RuntimeError(f"the sqlite3 loop left version {looped}, kp migrate {version}")
        verdict = "" if kp_seconds <= 60 else "FAIL "
        return [(f"migrate {tenants:,} tenants (kp migrate --jobs 2)", f"{kp_seconds:.1f} s", "-",
                 f"{verdict}target <= 60 s; ratio {kp_seconds / loop_seconds:.2f} to a bash loop of sqlite3 "
                 f"({loop_seconds:.1f} s, one file at a time); each file {size_kib} KiB: {counts[0]} LIS, "
                 f"{counts[1]} activities, {counts[2]} objective rows")]
    finally:
        shutil.rmtree(folder, ignore_errors=True)

def process_tree(pid):
    """The server's child processes (the Litestream processes), from /proc."""
    children = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            children += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
        except OSError:
            pass
    return children

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def rss_and_fds(pid):
    status = open(f"/proc/{pid}/status").read()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) // 1024, len(os.listdir(f"/proc/{pid}/fd"))

def remember(servers, server):
    servers.append(server)
    return server

def scale(args):
    """Section 7: N tenants on one server with Litestream replicating each: start, memory, files, spread reads."""
    folder = tempfile.mkdtemp(prefix="kp-bench-scale-", dir=args.folder)
    replica = tempfile.mkdtemp(prefix="kp-bench-scale-replica-", dir=args.folder)
    rows, count, started_servers = [], args.scale_tenants, []
    try:
        # Provisioning runs without the backup, so that Litestream is not restarted once per new tenant.
        server = remember(started_servers, Server(args.binary, folder, args.port, max_open=64))
        try:
            support, lis = server.token("--support"), server.token()
            started, lock, numbers = time.perf_counter(), threading.Lock(), iter(range(1, 10 ** 7))
            def provision(worker):
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
                for index in range(worker, count, 4):
                    with lock:
                        number = next(n for n in (orgnr(k) for k in numbers) if n is not None)
                    tenant = f"bench-{index + 1}"
                    server.request("POST", "/api/v1/support/tenants", {"id": tenant, "organisationNumber": number,
                                   "name": f"Bench {tenant}"}, token=support, conn=conn)
                    server.request("POST", f"/api/v1/support/tenants/{tenant}/provision", token=support, conn=conn)
                    server.open_tenant(tenant, support, conn=conn)
                    server.request("POST", f"/api/v1/tenants/{tenant}/trainees/me", {"programme": "alis"}, token=lis,
                                   conn=conn)
                conn.close()
            workers = [threading.Thread(target=provision, args=(w,)) for w in range(4)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            provisioned = time.perf_counter() - started
            print(f"provisioned and opened {count} tenants in {provisioned:.0f} s", file=sys.stderr)
        finally:
            server.stop()
        files = sum(1 for entry in os.scandir(folder) if os.path.exists(os.path.join(entry.path, "tenant.sqlite")))

        env = {"KP_BACKUP_ENABLED": "true", "KP_BACKUP_REPLICAURL": replica, "KP_BACKUP_CHECKSECONDS": "15",
               "KP_OPERATOR": "bench"}
        timings = []
        for attempt in ("first start (no replica yet)", "restart (replica in place)"):
            started = time.perf_counter()
            server = remember(started_servers, Server(args.binary, folder, args.port, max_open=64, extra_env=env, start_seconds=600))
            listening = time.perf_counter() - started
            state = None
            for _ in range(6000):
                state = backup_state(server)
                if state == "ok":
                    break
                time.sleep(0.1)
            caught_up = time.perf_counter() - started
            timings.append((attempt, listening, caught_up, state))
            if attempt.startswith("first"):
                server.stop()
        ready = json.loads(server.request("GET", "/health/ready"))["backup"]
        processes = ready.get("processes", [])
        databases = sum(p["databases"] for p in processes)
        rss, fds = rss_and_fds(server.proc.pid)
        children = [rss_and_fds(child) for child in process_tree(server.proc.pid)]
        for attempt, listening, caught_up, state in timings:
            rows.append((f"{count:,} tenants: {attempt}", f"{listening:.2f} s to serve",
                         f"{caught_up:.1f} s", f"until the backup is {state} ({databases} databases "
                         f"in {len(processes)} Litestream process(es))"))
        rows.append((f"{count:,} tenants: server memory and files", f"RSS {rss} MiB", f"{fds} fds",
                     f"{files} tenant files on disk; tenant store cap 64; limit {resource.getrlimit(resource.RLIMIT_NOFILE)[0]}"))
        rows.append((f"{count:,} tenants: Litestream processes at ok", f"RSS {sum(c[0] for c in children)} MiB",
                     f"{sum(c[1] for c in children)} fds",
                     f"{len(children)} processes, largest {max((c[1] for c in children), default=0)} fds, when the "
                     "backup was first ok after the restart"))

        # Reads: one tenant, then uniform over all of them, in the same run, with the backup replicating; then
        # the same after a restart with Litestream looking at each file, and uploading, every 10 s instead of
        # every second (backup.monitorSeconds and backup.syncInterval).
        lis = server.token()
        auth = [f"Authorization: Bearer {lis}"]
        base = f"http://127.0.0.1:{args.port}"
        script = os.path.join(folder, "spread.lua")
        with open(script, "w") as f:
            f.write(f"""
request = function()
  return wrk.format("GET", "/api/v1/tenants/bench-" .. math.random(1, {count}) .. "/trainees/me")
end
""" + seeds_per_thread(7))
        def litestream_cpu():
            return sum(cpu_seconds(child) for child in process_tree(server.proc.pid))
        for monitor in ("1", "10"):
            if monitor != "1":
                server.stop()
                server = remember(started_servers, Server(args.binary, folder, args.port, max_open=64, start_seconds=600,
                                extra_env=dict(env, KP_BACKUP_MONITORSECONDS=monitor, KP_BACKUP_SYNCINTERVAL=monitor)))
                for _ in range(6000):
                    if backup_state(server) == "ok":
                        break
                    time.sleep(0.1)
            # Litestream keeps working through its files for a while after the backup is ok (measured: up to a
            # minute with 10,000); the idle figure is taken after that.
            time.sleep(args.scale_settle)
            idle_before = litestream_cpu()
            time.sleep(10)
            idle = (litestream_cpu() - idle_before) / 10
            settled = [rss_and_fds(child) for child in process_tree(server.proc.pid)]
            wrk(base + "/api/v1/tenants/bench-1/trainees/me", argparse.Namespace(**{**vars(args), "duration": 2}), auth)
            single_rps, single_p99, e1 = wrk(base + "/api/v1/tenants/bench-1/trainees/me", args, auth)
            (spread_rps, spread_p99, e2), peak = peak_fds_during(
                server.proc.pid, lambda: wrk(base + "/", args, auth, script=script))
            errors = e1 + e2
            setting = f"Litestream every {monitor} s"
            rows.append((f"{count:,} tenants, {setting}: Litestream idle", f"{idle * 100:.0f}% of a core",
                         f"RSS {sum(c[0] for c in settled)} MiB",
                         f"CPU of the Litestream processes over 10 s without requests, {args.scale_settle} s after the "
                         f"backup was ok ({os.cpu_count()} cores); {sum(c[1] for c in settled)} fds, largest "
                         f"{max((c[1] for c in settled), default=0)}"))
            rows.append((f"{count:,} tenants, {setting}: read one tenant", f"{single_rps:,.0f} req/s",
                         f"{single_p99:.2f} ms", "baseline for the next row"))
            rows.append((f"{count:,} tenants, {setting}: reads spread uniformly", f"{spread_rps:,.0f} req/s",
                         f"{spread_p99:.2f} ms", f"ratio {spread_rps / single_rps:.2f} to one tenant; server fds peak "
                         f"{peak}" + (f"; {errors} errors" if errors else "")))
        rows.append((f"{count:,} tenants: provisioning through the API", f"{provisioned:.0f} s",
                     f"{provisioned / count * 1000:.1f} ms each", "create, provision, paper agreement, countersign, "
                     "register a LIS; 4 clients"))
        server.stop()
    finally:
        for started in started_servers:
            if started.proc.poll() is None:
                started.stop()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(replica, ignore_errors=True)
    return rows

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--tenants", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--training-trainees", type=int, default=500, help="LIS seeded for the training section")
    parser.add_argument("--no-training", action="store_true", help="skip the training section")
    parser.add_argument("--no-backup", action="store_true", help="skip the backup section")
    parser.add_argument("--only-backup", action="store_true", help="only the backup section (ports --port + 1, + 2)")
    parser.add_argument("--backup-tenants", type=int, default=200, help="tenants restored in the backup section")
    parser.add_argument("--only", choices=["migration", "scale"],
                        help="run only this section (migration: section 6; scale: section 7)")
    parser.add_argument("--scale-tenants", type=int, default=10000, help="tenants on the server in section 7")
    parser.add_argument("--scale-settle", type=int, default=90,
                        help="seconds section 7 waits after each start before it measures")
    parser.add_argument("--migration-tenants", type=int, default=10000, help="tenants migrated in section 6")
    parser.add_argument("--folder", help="where the temporary Tenants folder goes (default: the system's)")
    parser.add_argument("--no-raw", action="store_true",
                        help="skip the raw SQLite reference (Benchmarks/raw/reference.c; needs cc and libsqlite3-dev)")
    parser.add_argument("--raw-seconds", type=float, default=3, help="how long the raw reference runs each path")
    args = parser.parse_args()
    if args.only_backup:
        print_table(backup(args), f"wrk -t2 -c{args.connections} -d{args.duration}s, release build, {os.cpu_count()} cores")
        return
    if args.only == "migration":
        build = "debug build" if "debug" in os.path.realpath(args.binary) else "release build"
        print_table(migration(args), f"{build}, {os.cpu_count()} cores")
        return
    if args.only == "scale":
        print_table(scale(args), f"wrk -t2 -c{args.connections} -d{args.duration}s, release build, {os.cpu_count()} cores")
        return

    # Compiled first, so that a missing compiler or header stops the run before minutes of measuring.
    raw = None if args.no_raw else raw_reference.RawReference(args.raw_seconds, args.folder)
    folder = tempfile.mkdtemp(prefix="kp-bench-", dir=args.folder)
    server = Server(args.binary, folder, args.port, max_open=64)
    rows = []
    try:
        lis, support = server.token(), server.token("--support")
        base = f"http://127.0.0.1:{args.port}"
        server.request("POST", "/api/v1/support/tenants/kommune-0301/administrators",
                       {"name": "Benk Signatar", "email": "signatar@oslo.kommune.no", "organisationNumber": "974770482"},
                       token=support)
        server.open_tenant("kommune-0301", support)
        server.request("POST", "/api/v1/tenants/kommune-0301/trainees/me", {"programme": "lis1"}, token=lis)

        # 1. Tenant read against liveness, same server, same concurrency. Warm up both first.
        wrk(base + "/health/live", argparse.Namespace(**{**vars(args), "duration": 2}))
        live_rps, live_p99, _ = wrk(base + "/health/live", args)
        read_url = base + "/api/v1/tenants/kommune-0301/trainees/me"
        auth = [f"Authorization: Bearer {lis}"]
        wrk(read_url, argparse.Namespace(**{**vars(args), "duration": 2}), auth)
        (read_rps, read_p99, read_errors), read_busy = machine_busy_during(lambda: wrk(read_url, args, auth))
        rows.append(("GET /health/live", f"{live_rps:,.0f} req/s", f"{live_p99:.2f} ms", "baseline"))
        rows.append(("tenant read (authenticated)", f"{read_rps:,.0f} req/s", f"{read_p99:.2f} ms",
                     verdict(read_rps / live_rps, 0.6) + (f", {read_errors} errors" if read_errors else "")))
        trainee = json.loads(server.request("GET", "/api/v1/tenants/kommune-0301/trainees/me", token=lis))["id"]
        if raw:
            lis_key = raw_reference.person_key(os.path.join(folder, "kommune-0301", "tenant.sqlite"), trainee)
            figures = raw.read(os.path.join(folder, "kommune-0301", "tenant.sqlite"), lis_key)
            rows[-1] = raw_reference.beside(rows[-1], raw_reference.rate_columns(read_rps, figures))

        # 1b. A leder reading the LIS: role check from the same read, plus the access-log write.
        leder = invite_leder(server, folder, lis, trainee)
        leder_url = base + f"/api/v1/tenants/kommune-0301/trainees/{trainee}"
        leder_rps, leder_p99, leder_errors = wrk(leder_url, args, [f"Authorization: Bearer {leder}"])
        rows.append(("leder reads the LIS (logged)", f"{leder_rps:,.0f} req/s", f"{leder_p99:.2f} ms",
                     f"ratio {leder_rps / live_rps:.2f}; each read appends to the access log"
                     + (f", {leder_errors} errors" if leder_errors else "")))

        # 1c. Pages with a cookie session from the browser login, before provisioning adds tenants to the list:
        # the demo signer accepts the signatory e-mail's link (as in the README), then both log in as a browser.
        signatory = wait_for_mail_token(os.path.join(folder, "_mail"), r"/kontaktperson/godta\?")
        server.request("POST", "/api/v1/me/administrator-invitations/accept",
                       {"tenantId": "kommune-0301", "token": signatory}, token=server.token("--as", "signer"))
        signer_session = browser_login(args.port, "signer", returning_to="/virksomhet/kommune-0301/avtale")
        support_session = browser_login(args.port, "support", returning_to="/brukerstotte")
        rows.append(page_row("signer's agreement page", base + "/virksomhet/kommune-0301/avtale", signer_session,
                             ["Databehandleravtale for", "Logget inn som <strong>Rita Rådmann</strong>"], live_rps, args))
        rows.append(page_row("support tenant list, 357 kommuner, page 1", base + "/brukerstotte", support_session,
                             ["357 virksomheter.", "Side 1 av 15", "Logget inn som <strong>Siri Støtte</strong>"],
                             live_rps, args))

        # 2. Provisioning: create + provision, timed one by one.
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
        times, created, n = [], [], 0
        while len(created) < args.tenants:
            n += 1
            number = orgnr(n)
            if number is None:
                continue
            tenant = f"bench-{len(created) + 1}"
            started = time.perf_counter()
            server.request("POST", "/api/v1/support/tenants", {"id": tenant, "organisationNumber": number,
                           "name": f"Bench {tenant}"}, token=support, conn=conn)
            server.request("POST", f"/api/v1/support/tenants/{tenant}/provision", token=support, conn=conn)
            times.append((time.perf_counter() - started) * 1000)
            created.append(tenant)
        times.sort()
        rows.append((f"provision a tenant (n={len(times)})", f"median {statistics.median(times):.2f} ms",
                     f"p99 {times[int(len(times) * 0.99) - 1]:.2f} ms", "target median <= 20 ms"))

        # 3. Spread over all provisioned tenants (open each with a countersigned agreement, register the same LIS).
        for tenant in created:
            server.open_tenant(tenant, support, conn=conn)
            server.request("POST", f"/api/v1/tenants/{tenant}/trainees/me", {"programme": "alis"}, token=lis, conn=conn)
        conn.close()
        script = os.path.join(folder, "spread.lua")
        with open(script, "w") as f:
            f.write(f"""
request = function()
  local i = math.random(1, {len(created)})
  return wrk.format("GET", "/api/v1/tenants/bench-" .. i .. "/trainees/me")
end
""" + seeds_per_thread(42))
        (spread_rps, spread_p99, spread_errors), peak_fds = peak_fds_during(
            server.proc.pid, lambda: wrk(base + "/", args, auth, script=script))
        hwm, rss, fds = server.memory_and_fds()
        uniform_row = (f"spread over {len(created)} tenants, cap 64", f"{spread_rps:,.0f} req/s", f"{spread_p99:.2f} ms",
                       f"ratio {spread_rps / read_rps:.2f} to single tenant"
                       + (f", {spread_errors} errors" if spread_errors else ""))
        # 3b. The same reads Zipf-like (s = 1.0: bench-1 is read most, as Oslo would be), still 64 open.
        zipf_script = write_zipf_script(folder, len(created))
        zipf_rps, zipf_p99, zipf_errors = wrk(base + "/", args, auth, script=zipf_script)
        zipf_row = (f"spread over {len(created)} tenants, cap 64, Zipf s=1.0", f"{zipf_rps:,.0f} req/s",
                    f"{zipf_p99:.2f} ms", f"{verdict(zipf_rps / read_rps, 0.7)} to single tenant"
                    + (f", {zipf_errors} errors" if zipf_errors else ""))
        memory_row = ("server memory and files", f"peak RSS {hwm} MiB", f"now {rss} MiB",
                      f"open fds peak {peak_fds}, now {fds} (cap 64 pools)")
        if raw and created:
            # The same reads from C on the same files (the server's 64 pools stay open meanwhile), beside each
            # spread row, and the cost of one open as a row of its own.
            files = [os.path.join(folder, tenant, "tenant.sqlite") for tenant in created]
            uniform_row, zipf_row, open_row, ceiling_row = raw_reference.spread_rows(
                raw, uniform_row, files, lis_key, spread_rps, read_rps, os.cpu_count(), zipf_row, zipf_rps, read_busy)
            rows += [uniform_row, zipf_row] + ([ceiling_row] if ceiling_row else []) + [open_row, memory_row]
        else:
            rows += [uniform_row, zipf_row, memory_row]
        # 3c. Uniform again, on a second server over the same files with the default cap (sized from the file
        # limit and memory): once every tenant has been opened, no read opens a file.
        if created:
            rows += spread_at_default_cap(args, folder, created, auth, script, read_rps)

        # 4. Training engine on seeded data.
        if not args.no_training:
            rows += training(server, args, folder, lis, leder, raw)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        if raw:
            raw.close()
    if not args.no_backup:
        rows += backup(args)
    print_table(rows, f"wrk -t2 -c{args.connections} -d{args.duration}s, release build, {os.cpu_count()} cores"
                + ("" if args.no_raw else f"; raw SQLite: one thread, statements prepared once, {args.raw_seconds:g} s a path"))

def print_table(rows, title):
    """Rows of 4 columns, or 6 with the raw SQLite figure and the ratio to it before the result; the two raw
    columns are printed only when some row has them."""
    print(f"\n{title}\n")
    with_raw = any(len(r) == 6 for r in rows)
    header = ("measure", "throughput / time", "p99") + (("raw SQLite", "to raw") if with_raw else ()) + ("result",)
    if with_raw:
        rows = [r if len(r) == 6 else (*r[:3], "", "", r[3]) for r in rows]
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())

if __name__ == "__main__":
    main()
