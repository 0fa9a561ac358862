"""The physical limit beside each hot path of the benchmark (issue 15, item 1).

`Benchmarks/raw/reference.c` runs the SQL the server runs for a hot path, on the same files, through the SQLite
C API alone (statements prepared once, every column of every row read, no HTTP). This module compiles it, runs
it against the files of the server that bench.py measures, and formats the figures for bench.py's table: the
raw figure and our figure as a ratio to it, beside the ratio to /health/live.

Reads run on the live files (the server is idle between its measurements, and a read changes nothing); paths
that write (the leder overview writes its access-log lines, the activity write) run on a copy taken with
SQLite's backup API, so the server's data is never changed.
"""
import json, os, shutil, sqlite3, subprocess, tempfile

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "raw", "reference.c")


class RawReference:
    """The compiled reference program in a temporary folder of its own, and what runs it."""

    def __init__(self, seconds, parent=None):
        self.seconds = seconds
        self.folder = tempfile.mkdtemp(prefix="kp-bench-raw-", dir=parent)
        self.binary = os.path.join(self.folder, "reference")
        try:
            compile_reference(self.binary)
        except Exception:
            self.close()
            raise

    def close(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def run(self, *arguments):
        """Runs one path of the program; returns its JSON as a dict."""
        done = subprocess.run([self.binary, *map(str, arguments), "--seconds", str(self.seconds)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"raw SQLite reference {arguments[0]}: {done.stderr.strip() or done.returncode}")
        return json.loads(done.stdout)

    def file_list(self, paths, name):
        """Writes the paths one a line (a thousand tenants would be a long command line); returns the list's path."""
        listing = os.path.join(self.folder, name)
        with open(listing, "w") as f:
            f.write("\n".join(paths) + "\n")
        return listing

    def copy(self, database, name):
        """A consistent copy of a live WAL database (the backup API reads one snapshot), in WAL mode like the
        original, for the paths that write."""
        target = os.path.join(self.folder, name)
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = WAL")
        finally:
            copy.close()
            source.close()
        return target

    # The hot paths. Each returns the program's figures.

    def read(self, database, person_key):
        return self.run("read", database, person_key)

    def progress(self, database, trainee):
        return self.run("progress", database, trainee)

    def overview(self, database, leder_key, leder_name):
        return self.run("overview", database, leder_key, leder_name)

    def activity(self, database, trainee, plan, objective):
        lis = lookup(database, "SELECT personKey, name FROM trainee WHERE id = ?", trainee)
        version = lookup(database, "SELECT planVersion FROM planAssignment WHERE traineeId = ? AND planKey = ? "
                         "AND state <> 'archived'", trainee, plan)[0]
        return self.run("activity", database, trainee, lis[0], lis[1], plan, version, objective)

    def spread(self, databases, person_key, zipf=0.0, cap=64):
        listing = self.file_list(databases, "spread.list")
        return self.run("spread", listing, person_key, "--cap", cap, "--zipf", zipf)

    def open_cost(self, databases, person_key):
        listing = self.file_list(databases, "open.list")
        return self.run("open", listing, person_key)

    def open_parts(self, databases):
        """The open's cost part by part (reference.c's `parts`): connection, WAL index, schema, close."""
        return self.run("parts", self.file_list(databases, "parts.list"))


def compile_reference(binary):
    """cc -O2 reference.c -lsqlite3, with an error that says what to install when it cannot be built."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise RuntimeError("the raw SQLite reference needs a C compiler (cc): apt-get install gcc libsqlite3-dev "
                           "(Benchmarks/run installs both), or run bench.py with --no-raw")
    done = subprocess.run([compiler, "-O2", "-o", binary, SOURCE, "-lsqlite3", "-lm"], capture_output=True, text=True)
    if done.returncode == 0:
        return
    if "sqlite3.h" in done.stderr:
        raise RuntimeError("the raw SQLite reference needs SQLite's header (sqlite3.h): apt-get install "
                           "libsqlite3-dev, or run bench.py with --no-raw")
    if "lsqlite3" in done.stderr:
        raise RuntimeError("the raw SQLite reference cannot link -lsqlite3: apt-get install libsqlite3-dev, or run "
                           "bench.py with --no-raw")
    raise RuntimeError(f"compiling {SOURCE} failed:\n{done.stderr.strip()}")


def lookup(database, sql, *arguments):
    """One row of a live database, read-only: the ids the reference program binds."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = connection.execute(sql, arguments).fetchone()
    finally:
        connection.close()
    if row is None:
        raise RuntimeError(f"raw SQLite reference: nothing found in {database} for {sql} {arguments}")
    return row


def person_key(database, trainee):
    """The LIS's person key (what the server binds for GET …/trainees/me), by the id the API returned."""
    return lookup(database, "SELECT personKey FROM trainee WHERE id = ?", trainee)[0]


def leder_of(database, trainee):
    """The person key and name of the LIS's leder now: whose overview the benchmark reads."""
    return lookup(database, "SELECT personKey, personName FROM roleAssignment WHERE traineeId = ? AND role = 'leder' "
                  "AND revokedAt IS NULL", trainee)


# The table's two columns. Throughput rows: ours / raw (the fraction of the raw rate we reach); time rows:
# ours / raw (how many times the raw time we take).

def rate_columns(ours_per_second, raw):
    return (f"{raw['ops_per_second']:,.0f} op/s", f"{ours_per_second / raw['ops_per_second']:.3f} of raw")


def time_columns(ours_median, ours_p99, raw):
    return (f"{raw['median_ms']:.3f} / {raw['p99_ms']:.3f} ms",
            f"{ours_median / raw['median_ms']:.1f}x / {ours_p99 / raw['p99_ms']:.1f}x")


def beside(row, columns):
    """A 4-column row of bench.py's table with the raw figure and the ratio to it before its result."""
    label, figure, p99, result = row
    return (label, figure, p99, *columns, result)


def zipf_share_beyond(count, cap, s=1.0):
    """The share of Zipf-like reads (tenant k read in proportion to 1/k^s) over `count` tenants that fall outside the
    `cap` most-read ones. Each read is drawn on its own, so no policy that cannot see the coming reads lets fewer
    reads open a file in the long run than keeping the `cap` likeliest open (Aho, Denning and Ullman, 1971): this
    share."""
    weights = [1 / k ** s for k in range(1, count + 1)]
    return sum(weights[cap:]) / sum(weights)


def zipf_ceiling_row(parts, single_rps, single_busy, cores, count, cap=64, s=1.0, target=0.7):
    """How near one tenant's rate Zipf-like reads at `cap` open could come on this machine at best, from figures of
    the same run.

    A read of one open tenant costs `single_busy x cores / single_rps` seconds of the machine (the server's and wrk's
    together, `single_busy` the share of the cores in use meanwhile). A spread read costs that, plus an open and a
    close of a file for the reads that need one. Counting only SQLite's own open and close (`parts`: connection, WAL
    index, schema, close; nothing of the server) and only the reads outside the `cap` most-read tenants
    (`zipf_share_beyond`) gives the most the spread could reach: 1 / (busy + single x share x open / cores)."""
    beyond = zipf_share_beyond(count, cap, s)
    if beyond <= 0:
        return None
    least_open = sum(parts[key] for key in ("connect_median_ms", "wal_median_ms", "schema_median_ms", "close_median_ms"))
    ceiling = min(1.0, 1 / (single_busy + single_rps * beyond * least_open / 1000 / cores))
    budget = (1 / target - single_busy) * cores / (single_rps * beyond) * 1000
    reach = "target out of reach on this machine" if ceiling < target else "target within reach"
    return (f"Zipf s={s} at cap {cap}: ceiling (no server cost)", f"{ceiling:.2f} of single", "-",
            f"{reach} ({target}): it allows {budget:.3f} ms per open all told; SQLite alone takes {least_open:.3f} ms "
            f"to open and close a file, and {beyond:.0%} of reads fall outside the {cap} most-read of {count} tenants "
            f"(cores {single_busy:.0%} busy at {single_rps:,.0f} single-tenant reads/s, {cores} cores)")


def spread_rows(raw, spread_row, databases, person_key, spread_rps, single_rps, cores, zipf_row, zipf_rps,
                single_busy):
    """The spread rows (uniform, Zipf-like) with the raw figures beside them, a row for the cost of opening one
    tenant file, and the Zipf-like spread's ceiling on this machine (`zipf_ceiling_row`; None with no more tenants
    than open files).

    The server's cost of an open is not measured directly; it is estimated from the two rows it already has: at
    saturation a request costs `cores / rate` seconds of CPU, so a spread read costs
    cores x (1/spread - 1/single) more than a read of one open tenant, and that extra is paid by the share of
    spread reads that open a file (the raw uniform run counts it: 1 - 64/N).
    """
    uniform = raw.spread(databases, person_key)
    zipf = raw.spread(databases, person_key, zipf=1.0)
    opening = raw.open_cost(databases, person_key)
    parts = raw.open_parts(databases)
    count = len(databases)
    label, figure, p99, result = zipf_row
    zipf_row = (label, figure, p99, *rate_columns(zipf_rps, zipf),
                f"{result}; raw: {zipf['open_fraction']:.0%} of reads open a file (uniform: {uniform['open_fraction']:.0%})")
    # With no more tenants than open slots nothing is opened once warm, and there is nothing to estimate.
    extra = cores * (1 / spread_rps - 1 / single_rps)
    per_open = extra / uniform["open_fraction"] * 1000 if uniform["open_fraction"] > 0 else 0
    ours = (f"~{per_open:.2f} ms CPU", f"{per_open / opening['median_ms']:.1f}x") if per_open > 0 else ("-", "-")
    open_row = (f"open one tenant file (n={opening['ops']})", ours[0], "-",
                f"{opening['median_ms']:.3f} / {opening['p99_ms']:.3f} ms", ours[1],
                f"raw: open + setup {opening['open_median_ms']:.3f}, first read {opening['query_median_ms']:.3f}, "
                f"close {opening['close_median_ms']:.3f} ms (medians) over {count} files; part by part: connection "
                f"{parts['connect_median_ms']:.3f}, WAL index {parts['wal_median_ms']:.3f}, schema "
                f"{parts['schema_median_ms']:.3f}, close {parts['close_median_ms']:.3f} ms; ours estimated: "
                f"{cores} cores x (1/spread - 1/single) / reads that open")
    ceiling_row = zipf_ceiling_row(parts, single_rps, single_busy, cores, count)
    return beside(spread_row, rate_columns(spread_rps, uniform)), zipf_row, open_row, ceiling_row
