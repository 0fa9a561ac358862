/*
 * The physical limit of each hot path of the benchmark: the SQL the server runs for it, on the same files,
 * from a minimal program on the SQLite C API. Each statement is prepared once and reused, every column of
 * every row is read with sqlite3_column_*, and there is no HTTP, no JSON, no Swift. Benchmarks/bench.py
 * (through raw_reference.py) prints the server's figures as a ratio to these.
 *
 *   reference read     DB KEY              the LIS reads their record (GET .../trainees/me)
 *   reference progress DB TRAINEE          one LIS's progress report, as the LIS
 *   reference overview DB LEDER-KEY NAME   a leder's overview of their LIS (one access-log line per LIS)
 *   reference activity DB TRAINEE KEY NAME PLAN VERSION OBJECTIVE
 *                                          the LIS records an activity (POST .../activities); writes: use a copy
 *   reference spread   LIST KEY            the read spread over the files named in LIST (one path a line),
 *                                          at most --cap open, least recently used closed first
 *   reference open     LIST KEY            opening one tenant file: open, the server's setup, one query, close
 *   reference parts    LIST                what an open costs, part by part: connection, WAL index, schema, close
 *
 * Options (before or after the arguments): --seconds S (default 3), --iterations N (instead of seconds),
 * --warmup S (default: a tenth of --seconds, at least 0.2 s), --cap N (spread, default 64), --zipf S (spread:
 * 0 = uniform, the default; 1.0 = Zipf-like, file i+1 chosen with probability proportional to 1/(i+1)^S).
 *
 * Prints one JSON object: ops, seconds, ops_per_second, median_ms, p99_ms (per operation), rows_per_op, and
 * path-specific fields. The SQL was taken from the source (the function each comment names) and confirmed by
 * tracing the release server's statements (sqlite3_trace_v2 through an LD_PRELOAD shim) for each request.
 *
 * Build: cc -O2 -o reference reference.c -lsqlite3 -lm
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------------------------------------------------- */
/* Plumbing                                                                                                    */

static volatile uint64_t sink; /* every value read lands here, so the compiler cannot drop a read */

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void die(sqlite3 *db, const char *what) {
    fprintf(stderr, "reference: %s: %s\n", what, db ? sqlite3_errmsg(db) : "failed");
    exit(1);
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) die(db, sql);
    return statement;
}

/* Runs a statement that returns no rows of interest (pragmas, BEGIN, COMMIT, INSERT) and resets it. */
static void run(sqlite3 *db, sqlite3_stmt *statement) {
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {}
    if (rc != SQLITE_DONE) die(db, sqlite3_sql(statement));
    sqlite3_reset(statement);
}

static void exec(sqlite3 *db, const char *sql) {
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) die(db, sql);
}

static void read_column(sqlite3_stmt *statement, int i) {
    switch (sqlite3_column_type(statement, i)) {
    case SQLITE_INTEGER: sink += (uint64_t)sqlite3_column_int64(statement, i); break;
    case SQLITE_FLOAT: sink += (uint64_t)sqlite3_column_double(statement, i); break;
    case SQLITE_TEXT: {
        const unsigned char *text = sqlite3_column_text(statement, i);
        int bytes = sqlite3_column_bytes(statement, i);
        sink += bytes ? (uint64_t)text[bytes - 1] + (uint64_t)bytes : 0;
        break;
    }
    case SQLITE_BLOB: {
        const unsigned char *blob = sqlite3_column_blob(statement, i);
        int bytes = sqlite3_column_bytes(statement, i);
        sink += bytes ? (uint64_t)blob[bytes - 1] + (uint64_t)bytes : 0;
        break;
    }
    default: sink += 1; break; /* NULL */
    }
}

/* Steps through every row, reads every column, resets; returns the number of rows. */
static long consume(sqlite3 *db, sqlite3_stmt *statement) {
    long rows = 0;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        int columns = sqlite3_column_count(statement);
        for (int i = 0; i < columns; i++) read_column(statement, i);
        rows++;
    }
    if (rc != SQLITE_DONE) die(db, sqlite3_sql(statement));
    sqlite3_reset(statement);
    return rows;
}

static void bind_text(sqlite3 *db, sqlite3_stmt *statement, int index, const char *text) {
    if (sqlite3_bind_text(statement, index, text, -1, SQLITE_STATIC) != SQLITE_OK) die(db, "bind");
}

/* xorshift64*: the same sequence on every run, so the spread's file choices are repeatable. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t next_random(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}
static double next_unit(void) { return (next_random() >> 11) * (1.0 / 9007199254740992.0); }

/* A random (version 4) UUID in lower case, as the server writes ids. */
static void new_uuid(char out[37]) {
    uint64_t a = next_random(), b = next_random();
    a = (a & ~0xF000ull) | 0x4000ull;
    b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    snprintf(out, 37, "%08x-%04x-%04x-%04x-%012llx", (unsigned)(a >> 32), (unsigned)((a >> 16) & 0xFFFF),
             (unsigned)(a & 0xFFFF), (unsigned)(b >> 48), (unsigned long long)(b & 0xFFFFFFFFFFFFull));
}

/* The two ways the server writes a time: GRDB's date column ("2026-12-05 00:49:01.658") and the JSON of a
   history step ("2026-12-05T00:49:01.658Z"). */
typedef char Stamp[48]; /* room for any int the compiler imagines in a field */
static void timestamps(Stamp column, Stamp json, Stamp day) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    struct tm utc;
    gmtime_r(&t.tv_sec, &utc);
    int ms = (int)(t.tv_nsec / 1000000);
    snprintf(column, sizeof(Stamp), "%04d-%02d-%02d %02d:%02d:%02d.%03d", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
             utc.tm_hour, utc.tm_min, utc.tm_sec, ms);
    snprintf(json, sizeof(Stamp), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
             utc.tm_hour, utc.tm_min, utc.tm_sec, ms);
    snprintf(day, sizeof(Stamp), "%04d-%02d-%02d", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Timing                                                                                                      */

typedef struct {
    double seconds, warmup;
    long iterations;
    int cap;
    double zipf;
} Options;

typedef struct {
    double *ms;
    long count, capacity;
    double elapsed_ms;
    long rows;
} Samples;

static void record(Samples *samples, double ms) {
    if (samples->count == samples->capacity) {
        samples->capacity = samples->capacity ? samples->capacity * 2 : 4096;
        samples->ms = realloc(samples->ms, samples->capacity * sizeof(double));
        if (!samples->ms) die(NULL, "out of memory");
    }
    samples->ms[samples->count++] = ms;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The same percentile as bench.py's: the value at index int(n * fraction), sorted. */
static double percentile(double *sorted, long count, double fraction) {
    long index = (long)(count * fraction);
    return sorted[index < count ? index : count - 1];
}

typedef long (*Operation)(void *context); /* one operation; returns the rows it read */

/* Runs `operation` untimed for the warm-up (caches, the file's pages, the spread's open slots), calls
   `warmed` (may be NULL) to reset the path's own counters, then runs it for --iterations or --seconds,
   timing each one. */
static Samples measure(Operation operation, void *context, const Options *options, void (*warmed)(void *)) {
    Samples samples = {0};
    double end = now_ms() + options->warmup * 1000;
    while (now_ms() < end) operation(context);
    if (warmed) warmed(context);
    double started = now_ms();
    end = started + options->seconds * 1000;
    for (long i = 0; options->iterations ? i < options->iterations : 1; i++) {
        double before = now_ms();
        samples.rows += operation(context);
        double after = now_ms();
        record(&samples, after - before);
        if (!options->iterations && after >= end) break;
    }
    samples.elapsed_ms = now_ms() - started;
    return samples;
}

/* Prints the common fields and leaves the object open for the path's own (each starts with ", "). */
static void print_samples(const char *path, Samples *samples) {
    qsort(samples->ms, samples->count, sizeof(double), by_value);
    printf("{\"path\": \"%s\", \"ops\": %ld, \"seconds\": %.3f, \"ops_per_second\": %.1f, \"median_ms\": %.4f, "
           "\"p99_ms\": %.4f, \"rows_per_op\": %.2f, \"sqlite_version\": \"%s\", \"checksum\": %llu",
           path, samples->count, samples->elapsed_ms / 1000, samples->count / (samples->elapsed_ms / 1000),
           percentile(samples->ms, samples->count, 0.5), percentile(samples->ms, samples->count, 0.99),
           (double)samples->rows / (samples->count ? samples->count : 1), sqlite3_libversion(),
           (unsigned long long)sink);
}

/* Time spent in each statement of a multi-statement path, summed over the timed operations (the warm-up's is
   cleared), so the JSON can say which statement the path's time goes to. */
#define MAX_STATEMENTS 16
typedef struct {
    const char *labels[MAX_STATEMENTS];
    double total_ms[MAX_STATEMENTS];
    int count;
} StatementClock;

static void clock_add(StatementClock *clock, int index, double since) { clock->total_ms[index] += now_ms() - since; }

static void clock_clear(StatementClock *clock) {
    for (int i = 0; i < clock->count; i++) clock->total_ms[i] = 0;
}

/* ", "statement_ms": {"label": mean ms per operation, ...}" */
static void print_clock(const StatementClock *clock, long ops) {
    printf(", \"statement_ms\": {");
    for (int i = 0; i < clock->count; i++)
        printf("%s\"%s\": %.4f", i ? ", " : "", clock->labels[i], clock->total_ms[i] / (ops ? ops : 1));
    printf("}");
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Opening a tenant file, as the server does                                                                   */

/* DatabaseSetup.openTenantQueue (Sources/Storage/SQLite/DatabaseSetup.swift) through GRDB's Database.setUp,
   then TenantDatabase.open's schema check (TenantSchema.fileVersion). Traced order:
     sqlite3_open_v2(READWRITE | CREATE | NOMUTEX | EXRESCODE); busy timeout 5 s; double-quoted strings off;
     PRAGMA foreign_keys = ON; SQLITE_LIMIT_ATTACHED 0; PRAGMA synchronous = NORMAL;
     SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE; PRAGMA cache_size = -8192; SELECT * FROM sqlite_master LIMIT 1
     (GRDB's validateFormat); PRAGMA user_version.
   Not mirrored: GRDB's authorizer, its commit hooks and its default SQL functions (layers above SQLite). */
#ifndef SQLITE_OPEN_EXRESCODE
#define SQLITE_OPEN_EXRESCODE 0x02000000
#endif
static sqlite3 *open_tenant(const char *path) {
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) die(db, path);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0);
    exec(db, "PRAGMA foreign_keys = ON");
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    exec(db, "PRAGMA synchronous = NORMAL");
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
    exec(db, "PRAGMA cache_size = -8192");
    sqlite3_stmt *check = prepare(db, "SELECT * FROM sqlite_master LIMIT 1");
    if (sqlite3_step(check) == SQLITE_ROW) read_column(check, 0);
    sqlite3_finalize(check);
    sqlite3_stmt *version = prepare(db, "PRAGMA user_version");
    if (sqlite3_step(version) != SQLITE_ROW) die(db, "PRAGMA user_version");
    sink += (uint64_t)sqlite3_column_int64(version, 0);
    sqlite3_finalize(version);
    return db;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* (a) The LIS reads their record: GET /api/v1/tenants/{t}/trainees/me                                         */

/* TenantDatabase.trainee(personKey:) (Sources/Storage/Trainees/TenantDatabase+Trainees.swift), a cached
   statement run by readNow: one SELECT in autocommit, no BEGIN/COMMIT (traced: the server runs none). */
static const char *TRAINEE_BY_PERSON_KEY =
    "SELECT id, personKey, name, hprNumber, programme, email, registeredAt FROM trainee WHERE personKey = ?";

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *select;
    const char *key;
} ReadContext;

static long read_once(void *context) {
    ReadContext *c = context;
    bind_text(c->db, c->select, 1, c->key);
    long rows = consume(c->db, c->select);
    if (rows != 1) die(NULL, "read: no trainee with that person key");
    return rows;
}

static int run_read(char **arguments, const Options *options) {
    ReadContext c = {open_tenant(arguments[0]), NULL, arguments[1]};
    c.select = prepare(c.db, TRAINEE_BY_PERSON_KEY);
    Samples samples = measure(read_once, &c, options, NULL);
    print_samples("read", &samples);
    printf("}\n");
    sqlite3_finalize(c.select);
    sqlite3_close(c.db);
    return 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* (c) One LIS's progress report, as the LIS: GET .../trainees/{id}/progress                                   */

/* TenantDatabase.progressReportAndTrainee (Sources/Storage/Training/TenantDatabase+Progress.swift): one
   queue.write, which GRDB opens with BEGIN IMMEDIATE; the LIS reading their own report writes no access-log
   line. In the order traced: */
static const char *PROGRESS_SQL[] = {
    /* TrainingAccess.check → TenantDatabase.requireTrainee (TraineeRecord.fetchOne(key:)) */
    "SELECT * FROM \"trainee\" WHERE \"id\" = ?",
    /* TrainingAccess.load → RoleAssignmentRecord.active */
    "SELECT * FROM roleAssignment WHERE traineeId = ? AND revokedAt IS NULL ORDER BY grantedAt, rowid",
    /* ProgressInputs.report → CommonInputs.assignments: live assignments (the LIS was read by the check above) */
    "SELECT * FROM planAssignment WHERE state <> 'archived' AND traineeId IN (?) ORDER BY assignedAt, id",
    /* CommonInputs.plans: the plan versions assigned (content only when not cached: the server has it cached) */
    "SELECT key, version, sha256 FROM plan\n"
    "WHERE (key, version) IN (SELECT planKey, planVersion FROM planAssignment WHERE state <> 'archived' AND "
    "traineeId IN (?))",
    /* ProgressInputs.report: activities counted per objective */
    "SELECT planKey, planVersion, objectiveId, sum(state = 'approved'), sum(state = 'submitted')\n"
    "FROM learningActivity WHERE traineeId IN (?)\n"
    "GROUP BY planKey, planVersion, objectiveId",
    /* ObjectiveProgressRecord.summaries (ObjectiveProgressRecord+Summary.swift) */
    "SELECT id, traineeId, planKey, planVersion, objectiveId, state, comment, approvedAt, approvedBy, "
    "consultedVeileder,\nconsultedSupervisors, importedFrom, importedOrganisationNumber, importedApprovers FROM "
    "objectiveProgress WHERE traineeId IN (?)",
    /* ProgressInputs.talkCounts */
    "SELECT count(*) FILTER (WHERE state = 'finalised'), count(*) FILTER (WHERE state <> 'finalised')\n"
    "FROM supervisionTalk WHERE traineeId IN (?)",
};
#define PROGRESS_COUNT (sizeof PROGRESS_SQL / sizeof PROGRESS_SQL[0])

static const char *PROGRESS_LABELS[] = {"begin", "trainee", "roles", "assignments", "plans", "activity counts",
                                         "progress rows", "talk counts", "commit"};

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *begin, *commit, *select[PROGRESS_COUNT];
    const char *trainee;
    StatementClock clock;
} ProgressContext;

static long progress_once(void *context) {
    ProgressContext *c = context;
    long rows = 0;
    double started = now_ms();
    run(c->db, c->begin);
    clock_add(&c->clock, 0, started);
    for (size_t i = 0; i < PROGRESS_COUNT; i++) {
        started = now_ms();
        bind_text(c->db, c->select[i], 1, c->trainee);
        rows += consume(c->db, c->select[i]);
        clock_add(&c->clock, (int)i + 1, started);
    }
    started = now_ms();
    run(c->db, c->commit);
    clock_add(&c->clock, PROGRESS_COUNT + 1, started);
    return rows;
}

static void progress_warmed(void *context) { clock_clear(&((ProgressContext *)context)->clock); }

static int run_progress(char **arguments, const Options *options) {
    ProgressContext c = {.db = open_tenant(arguments[0]), .trainee = arguments[1]};
    c.clock.count = PROGRESS_COUNT + 2;
    for (int i = 0; i < c.clock.count; i++) c.clock.labels[i] = PROGRESS_LABELS[i];
    c.begin = prepare(c.db, "BEGIN IMMEDIATE TRANSACTION");
    c.commit = prepare(c.db, "COMMIT TRANSACTION");
    for (size_t i = 0; i < PROGRESS_COUNT; i++) c.select[i] = prepare(c.db, PROGRESS_SQL[i]);
    if (progress_once(&c) < 3) die(NULL, "progress: no such LIS, or nothing to report");
    Samples samples = measure(progress_once, &c, options, progress_warmed);
    print_samples("progress", &samples);
    print_clock(&c.clock, samples.count);
    printf(", \"statements\": %zu}\n", PROGRESS_COUNT + 2);
    sqlite3_close_v2(c.db);
    return 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* (d) A leder's overview of their LIS: GET .../leder/overview                                                 */

/* TenantDatabase.lederOverview → countedOverview (TenantDatabase+Progress.swift): one queue.write (BEGIN
   IMMEDIATE), the LIS of the leder by ProgressInputs.Scope.leder, counted by ProgressTally.load, then one
   access-log line per LIS shown (logOverview). In the order traced: */
#define LEDER_SCOPE "SELECT traineeId FROM roleAssignment WHERE personKey = ? AND role = 'leder' AND revokedAt IS NULL"
static const char *OVERVIEW_SQL[] = {
    /* CommonInputs.load: the LIS (their ids are the access-log lines' traineeId) */
    "SELECT id, personKey, name, hprNumber, programme, email, registeredAt FROM trainee WHERE id IN (" LEDER_SCOPE
    ") ORDER BY name, id",
    /* CommonInputs.load: live assignments */
    "SELECT * FROM planAssignment WHERE state <> 'archived' AND traineeId IN (" LEDER_SCOPE ") ORDER BY assignedAt, id",
    /* CommonInputs.load: plan versions */
    "SELECT key, version, sha256 FROM plan\n"
    "WHERE (key, version) IN (SELECT planKey, planVersion FROM planAssignment WHERE state <> 'archived' AND "
    "traineeId IN (" LEDER_SCOPE "))",
    /* ProgressTally.load (ProgressTally+Load.swift): progress */
    "SELECT traineeId, planKey, planVersion, sum(state = 'approved'), sum(state = 'submitted'),\n"
    "    sum(state IN ('inProgress', 'rejected'))\n"
    "FROM objectiveProgress WHERE traineeId IN (" LEDER_SCOPE ")\n"
    "GROUP BY traineeId, planKey, planVersion",
    /* ProgressTally.load: activities signed */
    "SELECT traineeId, planKey, planVersion, sum(state = 'approved') FROM learningActivity\n"
    "WHERE traineeId IN (" LEDER_SCOPE ") GROUP BY traineeId, planKey, planVersion",
    /* ProgressTally.load: objectives worked on without a progress state */
    "SELECT traineeId, planKey, planVersion, count(*) FROM (\n"
    "    SELECT traineeId, planKey, planVersion, objectiveId FROM learningActivity\n"
    "    WHERE traineeId IN (" LEDER_SCOPE ") AND objectiveId IS NOT NULL\n"
    "    EXCEPT\n"
    "    SELECT traineeId, planKey, planVersion, objectiveId FROM objectiveProgress\n"
    "    WHERE traineeId IN (" LEDER_SCOPE ") AND state <> 'notStarted'\n"
    "    ORDER BY 1, 2, 3, 4)\n"
    "GROUP BY traineeId, planKey, planVersion",
    /* ProgressTally.load: talks held */
    "SELECT traineeId, count(*) FROM supervisionTalk WHERE traineeId IN (" LEDER_SCOPE ") AND state = 'finalised'\n"
    "GROUP BY traineeId",
};
#define OVERVIEW_COUNT (sizeof OVERVIEW_SQL / sizeof OVERVIEW_SQL[0])
/* TenantDatabase.logOverview: one prepared statement, one line per LIS */
static const char *OVERVIEW_LOG_SQL =
    "INSERT INTO accessLog (traineeId, actorKey, actorName, role, operation, object, reason, at)\n"
    "VALUES (?, ?, ?, ?, ?, ?, NULL, ?)";

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *begin, *commit, *select[OVERVIEW_COUNT], *log;
    const char *leder, *name;
    char (*trainees)[37];
    long capacity;
    StatementClock clock;
} OverviewContext;

static const char *OVERVIEW_LABELS[] = {"begin", "trainees", "assignments", "plans", "progress tally",
                                        "activity tally", "worked-on tally", "talk tally", "access log lines", "commit"};

static long overview_once(void *context) {
    OverviewContext *c = context;
    long rows = 0, shown = 0;
    double started = now_ms();
    run(c->db, c->begin);
    clock_add(&c->clock, 0, started);
    started = now_ms();
    /* The first query's rows are kept (the ids) as the server keeps them for the log lines. */
    sqlite3_stmt *first = c->select[0];
    bind_text(c->db, first, 1, c->leder);
    int rc;
    while ((rc = sqlite3_step(first)) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(first); i++) read_column(first, i);
        if (shown == c->capacity) {
            c->capacity = c->capacity ? c->capacity * 2 : 64;
            c->trainees = realloc(c->trainees, c->capacity * sizeof *c->trainees);
        }
        snprintf(c->trainees[shown++], 37, "%s", (const char *)sqlite3_column_text(first, 0));
    }
    if (rc != SQLITE_DONE) die(c->db, "overview: trainees");
    sqlite3_reset(first);
    clock_add(&c->clock, 1, started);
    rows += shown;
    for (size_t i = 1; i < OVERVIEW_COUNT; i++) {
        started = now_ms();
        /* The worked-on tally names the leder twice (both sides of its EXCEPT). */
        for (int p = 1; p <= sqlite3_bind_parameter_count(c->select[i]); p++) bind_text(c->db, c->select[i], p, c->leder);
        rows += consume(c->db, c->select[i]);
        clock_add(&c->clock, (int)i + 1, started);
    }
    started = now_ms();
    Stamp at, json, day;
    timestamps(at, json, day);
    bind_text(c->db, c->log, 2, c->leder);
    bind_text(c->db, c->log, 3, c->name);
    bind_text(c->db, c->log, 4, "leder");
    bind_text(c->db, c->log, 5, "readProgressReport");
    bind_text(c->db, c->log, 6, "leder-overview");
    bind_text(c->db, c->log, 7, at);
    for (long i = 0; i < shown; i++) {
        bind_text(c->db, c->log, 1, c->trainees[i]);
        run(c->db, c->log);
    }
    clock_add(&c->clock, OVERVIEW_COUNT + 1, started);
    started = now_ms();
    run(c->db, c->commit);
    clock_add(&c->clock, OVERVIEW_COUNT + 2, started);
    return rows;
}

static void overview_warmed(void *context) { clock_clear(&((OverviewContext *)context)->clock); }

static int run_overview(char **arguments, const Options *options) {
    OverviewContext c = {.db = open_tenant(arguments[0]), .leder = arguments[1], .name = arguments[2]};
    c.clock.count = OVERVIEW_COUNT + 3;
    for (int i = 0; i < c.clock.count; i++) c.clock.labels[i] = OVERVIEW_LABELS[i];
    c.begin = prepare(c.db, "BEGIN IMMEDIATE TRANSACTION");
    c.commit = prepare(c.db, "COMMIT TRANSACTION");
    for (size_t i = 0; i < OVERVIEW_COUNT; i++) c.select[i] = prepare(c.db, OVERVIEW_SQL[i]);
    c.log = prepare(c.db, OVERVIEW_LOG_SQL);
    if (overview_once(&c) == 0) die(NULL, "overview: this leder leads no LIS");
    Samples samples = measure(overview_once, &c, options, overview_warmed);
    /* How many LIS one overview shows (the first query's rows), read once more outside the timing. */
    long shown = 0;
    bind_text(c.db, c.select[0], 1, c.leder);
    while (sqlite3_step(c.select[0]) == SQLITE_ROW) shown++;
    sqlite3_reset(c.select[0]);
    print_samples("overview", &samples);
    print_clock(&c.clock, samples.count);
    printf(", \"trainees\": %ld, \"access_log_lines_per_op\": %ld, \"statements\": %ld}\n", shown, shown,
           (long)OVERVIEW_COUNT + shown + 2);
    sqlite3_close_v2(c.db);
    return 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* (e) The LIS records an activity, audited: POST .../trainees/{id}/activities                                  */

/* TenantDatabase.recordActivity (Sources/Storage/Training/TenantDatabase+Activities.swift): one queue.write
   (BEGIN IMMEDIATE). What a repeated POST of the same objective runs, traced (the plan already started and
   the objective already in progress, so PlanAssignmentRecord.start and ObjectiveProgressRecord.save write
   nothing): */
static const char *ACTIVITY_SQL[] = {
    /* TrainingAccess.check → TenantDatabase.requireTrainee */
    "SELECT * FROM \"trainee\" WHERE \"id\" = ?",
    /* TrainingAccess.load → RoleAssignmentRecord.active */
    "SELECT * FROM roleAssignment WHERE traineeId = ? AND revokedAt IS NULL ORDER BY grantedAt, rowid",
    /* the engine's resolve → TraineeReader.planAssignments → PlanAssignmentRecord.all */
    "SELECT * FROM \"planAssignment\" WHERE \"traineeId\" = ? ORDER BY \"assignedAt\", \"id\"",
    /* PlanSnapshot.assigned → PlanAssignmentRecord.live (bound: trainee, plan key, plan version) */
    "SELECT * FROM planAssignment\nWHERE traineeId = ? AND planKey = ? AND planVersion = ? AND state <> 'archived'",
    /* PlanSnapshot.load (bound: plan key, plan version; the decoded plan is cached by this hash) */
    "SELECT sha256 FROM plan WHERE key = ? AND version = ?",
    /* LearningActivityRecord.insert */
    "INSERT INTO \"learningActivity\" (\"id\", \"traineeId\", \"planKey\", \"planVersion\", \"objectiveId\", "
    "\"kind\", \"recommendation\", \"documentation\", \"type\", \"signer\", \"performedOn\", \"note\", "
    "\"attachment\", \"state\", \"submittedTo\", \"submittedRole\", \"decidedBy\", \"decidedAt\", \"comment\", "
    "\"history\", \"createdAt\", \"updatedAt\") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    /* ObjectiveProgressRecord.fetchOrOpen */
    "SELECT * FROM objectiveProgress WHERE id = ?",
    /* TrainingAccess.log → AccessLogRecord.insert: the write's access-log line (the tenant's audit of the LIS) */
    "INSERT INTO \"accessLog\" (\"id\", \"traineeId\", \"actorKey\", \"actorName\", \"role\", \"operation\", "
    "\"object\", \"reason\", \"at\") VALUES (?,?,?,?,?,?,?,?,?)",
};
enum { A_TRAINEE, A_ROLES, A_ASSIGNMENTS, A_LIVE, A_PLAN, A_INSERT_ACTIVITY, A_PROGRESS, A_INSERT_LOG, A_COUNT };

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *begin, *commit, *s[A_COUNT];
    const char *trainee, *key, *name, *plan, *objective;
    int version;
    char progress_id[37];
} ActivityContext;

static long activity_once(void *context) {
    ActivityContext *c = context;
    long rows = 0;
    char id[37], history[256], object[64];
    Stamp at, json, day;
    new_uuid(id);
    timestamps(at, json, day);
    run(c->db, c->begin);
    for (int i = A_TRAINEE; i <= A_ASSIGNMENTS; i++) {
        bind_text(c->db, c->s[i], 1, c->trainee);
        rows += consume(c->db, c->s[i]);
    }
    bind_text(c->db, c->s[A_LIVE], 1, c->trainee);
    bind_text(c->db, c->s[A_LIVE], 2, c->plan);
    sqlite3_bind_int(c->s[A_LIVE], 3, c->version);
    if (consume(c->db, c->s[A_LIVE]) != 1) die(NULL, "activity: the plan is not assigned to this LIS");
    bind_text(c->db, c->s[A_PLAN], 1, c->plan);
    sqlite3_bind_int(c->s[A_PLAN], 2, c->version);
    rows += 1 + consume(c->db, c->s[A_PLAN]);

    /* The row the server writes for {"recommendation": 0, "note": "Benchmark"}: a draft, its history one step. */
    snprintf(history, sizeof history, "[{\"at\":\"%s\",\"by\":\"%s\",\"kind\":\"recorded\"}]", json, c->key);
    sqlite3_stmt *insert = c->s[A_INSERT_ACTIVITY];
    sqlite3_clear_bindings(insert);
    bind_text(c->db, insert, 1, id);
    bind_text(c->db, insert, 2, c->trainee);
    bind_text(c->db, insert, 3, c->plan);
    sqlite3_bind_int(insert, 4, c->version);
    bind_text(c->db, insert, 5, c->objective);
    bind_text(c->db, insert, 6, "recommended");
    sqlite3_bind_int(insert, 7, 0);
    bind_text(c->db, insert, 9, "procedure");
    bind_text(c->db, insert, 10, "supervisor");
    bind_text(c->db, insert, 11, day);
    bind_text(c->db, insert, 12, "Benchmark");
    bind_text(c->db, insert, 14, "draft");
    bind_text(c->db, insert, 20, history);
    bind_text(c->db, insert, 21, at);
    bind_text(c->db, insert, 22, at);
    run(c->db, insert);

    bind_text(c->db, c->s[A_PROGRESS], 1, c->progress_id);
    rows += consume(c->db, c->s[A_PROGRESS]);

    snprintf(object, sizeof object, "activity:%s recorded", id);
    sqlite3_stmt *log = c->s[A_INSERT_LOG];
    sqlite3_clear_bindings(log);
    bind_text(c->db, log, 2, c->trainee);
    bind_text(c->db, log, 3, c->key);
    bind_text(c->db, log, 4, c->name);
    bind_text(c->db, log, 5, "lis");
    bind_text(c->db, log, 6, "submitActivity");
    bind_text(c->db, log, 7, object);
    bind_text(c->db, log, 9, at);
    run(c->db, log);
    run(c->db, c->commit);
    return rows;
}

static int run_activity(char **arguments, const Options *options) {
    ActivityContext c = {.db = open_tenant(arguments[0]), .trainee = arguments[1], .key = arguments[2],
                         .name = arguments[3], .plan = arguments[4], .version = atoi(arguments[5]),
                         .objective = arguments[6]};
    c.begin = prepare(c.db, "BEGIN IMMEDIATE TRANSACTION");
    c.commit = prepare(c.db, "COMMIT TRANSACTION");
    for (int i = 0; i < A_COUNT; i++) c.s[i] = prepare(c.db, ACTIVITY_SQL[i]);
    /* The progress row's id is a hash the server computes (ObjectiveProgressRecord.id); looked up once here. */
    sqlite3_stmt *lookup = prepare(c.db, "SELECT id FROM objectiveProgress WHERE traineeId = ? AND planKey = ? AND "
                                         "planVersion = ? AND objectiveId = ?");
    bind_text(c.db, lookup, 1, c.trainee);
    bind_text(c.db, lookup, 2, c.plan);
    sqlite3_bind_int(lookup, 3, c.version);
    bind_text(c.db, lookup, 4, c.objective);
    if (sqlite3_step(lookup) == SQLITE_ROW)
        snprintf(c.progress_id, sizeof c.progress_id, "%s", (const char *)sqlite3_column_text(lookup, 0));
    else
        new_uuid(c.progress_id); /* the first activity for the objective: the server finds no row either */
    sqlite3_finalize(lookup);
    Samples samples = measure(activity_once, &c, options, NULL);
    print_samples("activity", &samples);
    printf(", \"statements\": %d, \"rows_written_per_op\": 2}\n", A_COUNT + 2);
    sqlite3_close_v2(c.db);
    return 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* (b) Reads spread over many tenant files, at most --cap open, least recently used closed (the server's store  */
/*     closes by adaptive replacement since 59465f7, which opens fewer files on Zipf-like reads)                */

typedef struct {
    char **files;
    long count;
} FileList;

static FileList read_list(const char *path) {
    FileList list = {0};
    FILE *f = fopen(path, "r");
    if (!f) die(NULL, path);
    char line[4096];
    long capacity = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0]) continue;
        if (list.count == capacity) {
            capacity = capacity ? capacity * 2 : 1024;
            list.files = realloc(list.files, capacity * sizeof(char *));
        }
        list.files[list.count++] = strdup(line);
    }
    fclose(f);
    if (list.count == 0) die(NULL, "the list names no file");
    return list;
}

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *select;
    long file;
    uint64_t last_use;
} Slot;

typedef struct {
    FileList list;
    const char *key;
    Slot *slots;
    long *slot_of; /* file index → slot, -1 when closed */
    int cap, used;
    uint64_t tick;
    double *cdf; /* Zipf: cumulative probability by file index; NULL for uniform */
    long opens;
} SpreadContext;

static long pick_file(SpreadContext *c) {
    if (!c->cdf) return (long)(next_random() % (uint64_t)c->list.count);
    double u = next_unit();
    long low = 0, high = c->list.count - 1;
    while (low < high) {
        long middle = (low + high) / 2;
        if (c->cdf[middle] < u) low = middle + 1; else high = middle;
    }
    return low;
}

/* The open file's slot; opens it (closing the least recently used when all slots are taken) when it is not. */
static Slot *lease(SpreadContext *c, long file) {
    long index = c->slot_of[file];
    if (index < 0) {
        if (c->used < c->cap) {
            index = c->used++;
        } else {
            index = 0;
            for (int i = 1; i < c->cap; i++)
                if (c->slots[i].last_use < c->slots[index].last_use) index = i;
            sqlite3_finalize(c->slots[index].select);
            sqlite3_close(c->slots[index].db);
            c->slot_of[c->slots[index].file] = -1;
        }
        c->slots[index].db = open_tenant(c->list.files[file]);
        c->slots[index].select = prepare(c->slots[index].db, TRAINEE_BY_PERSON_KEY);
        c->slots[index].file = file;
        c->slot_of[file] = index;
        c->opens++;
    }
    c->slots[index].last_use = ++c->tick;
    return &c->slots[index];
}

static long spread_once(void *context) {
    SpreadContext *c = context;
    Slot *slot = lease(c, pick_file(c));
    bind_text(slot->db, slot->select, 1, c->key);
    return consume(slot->db, slot->select);
}

static void spread_warmed(void *context) { ((SpreadContext *)context)->opens = 0; }

static int run_spread(char **arguments, const Options *options) {
    SpreadContext c = {.list = read_list(arguments[0]), .key = arguments[1], .cap = options->cap};
    c.slots = calloc(c.cap, sizeof(Slot));
    c.slot_of = malloc(c.list.count * sizeof(long));
    for (long i = 0; i < c.list.count; i++) c.slot_of[i] = -1;
    if (options->zipf > 0) {
        /* The first file is the most popular (the biggest kommune), the next half as often at s = 1, … */
        c.cdf = malloc(c.list.count * sizeof(double));
        double total = 0, running = 0;
        for (long i = 0; i < c.list.count; i++) total += 1.0 / pow(i + 1, options->zipf);
        for (long i = 0; i < c.list.count; i++) {
            running += 1.0 / pow(i + 1, options->zipf) / total;
            c.cdf[i] = running;
        }
        c.cdf[c.list.count - 1] = 1.0;
    }
    Samples samples = measure(spread_once, &c, options, spread_warmed);
    print_samples(c.cdf ? "spread-zipf" : "spread-uniform", &samples);
    printf(", \"files\": %ld, \"cap\": %d, \"zipf_s\": %.2f, \"opens\": %ld, \"open_fraction\": %.3f}\n",
           c.list.count, c.cap, options->zipf, c.opens, (double)c.opens / (samples.count ? samples.count : 1));
    for (int i = 0; i < c.used; i++) {
        sqlite3_finalize(c.slots[i].select);
        sqlite3_close(c.slots[i].db);
    }
    return 0;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* (f) Opening one tenant file: open + the server's setup + the first query + close                            */

/* TenantStore.openAndLease → TenantDatabase.open → DatabaseSetup.openTenantQueue (open_tenant above), then the
   request's first statement (the read of (a), prepared on the new connection), then the close the store does
   when the pool is evicted (TenantStore.closeInBackground: no checkpoint, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE).
   The files are taken in turn, so each is opened again only after every other one was. */
typedef struct {
    FileList list;
    const char *key;
    long next;
    Samples open, query, close;
} OpenContext;

static long open_once(void *context) {
    OpenContext *c = context;
    const char *path = c->list.files[c->next++ % c->list.count];
    double started = now_ms();
    sqlite3 *db = open_tenant(path);
    double opened = now_ms();
    sqlite3_stmt *select = prepare(db, TRAINEE_BY_PERSON_KEY);
    bind_text(db, select, 1, c->key);
    long rows = consume(db, select);
    sqlite3_finalize(select);
    double queried = now_ms();
    if (sqlite3_close(db) != SQLITE_OK) die(db, "close");
    double closed = now_ms();
    record(&c->open, opened - started);
    record(&c->query, queried - opened);
    record(&c->close, closed - queried);
    return rows;
}

static void open_warmed(void *context) {
    OpenContext *c = context;
    c->open.count = c->query.count = c->close.count = 0;
}

static double median_of(Samples *samples) {
    qsort(samples->ms, samples->count, sizeof(double), by_value);
    return samples->count ? percentile(samples->ms, samples->count, 0.5) : 0;
}

static int run_open(char **arguments, const Options *options) {
    OpenContext c = {.list = read_list(arguments[0]), .key = arguments[1]};
    Samples samples = measure(open_once, &c, options, open_warmed);
    print_samples("open", &samples);
    printf(", \"files\": %ld, \"open_median_ms\": %.4f, \"query_median_ms\": %.4f, \"close_median_ms\": %.4f}\n",
           c.list.count, median_of(&c.open), median_of(&c.query), median_of(&c.close));
    return 0;
}

/* (g) What an open costs, part by part: the connection (open(2) of the file, the configuration), the first read
   transaction (the WAL index: the -shm file set up again, the WAL read back into it), the schema (every CREATE of
   sqlite_master parsed), and the close. Not the server's order (its first PRAGMA reads the schema): each part on
   its own, so that the sum says what any opener pays before its first row. */
typedef struct {
    FileList list;
    long next;
    Samples connect, wal, schema, close;
} PartsContext;

static long parts_once(void *context) {
    PartsContext *c = context;
    const char *path = c->list.files[c->next++ % c->list.count];
    double started = now_ms();
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) die(db, path);
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
    double connected = now_ms();
    exec(db, "PRAGMA schema_version");
    double walled = now_ms();
    sqlite3_stmt *check = prepare(db, "SELECT * FROM sqlite_master LIMIT 1");
    if (sqlite3_step(check) == SQLITE_ROW) read_column(check, 0);
    sqlite3_finalize(check);
    double parsed = now_ms();
    if (sqlite3_close(db) != SQLITE_OK) die(db, "close");
    double closed = now_ms();
    record(&c->connect, connected - started);
    record(&c->wal, walled - connected);
    record(&c->schema, parsed - walled);
    record(&c->close, closed - parsed);
    return 1;
}

static void parts_warmed(void *context) {
    PartsContext *c = context;
    c->connect.count = c->wal.count = c->schema.count = c->close.count = 0;
}

static int run_parts(char **arguments, const Options *options) {
    PartsContext c = {.list = read_list(arguments[0])};
    Samples samples = measure(parts_once, &c, options, parts_warmed);
    print_samples("parts", &samples);
    printf(", \"files\": %ld, \"connect_median_ms\": %.4f, \"wal_median_ms\": %.4f, \"schema_median_ms\": %.4f, "
           "\"close_median_ms\": %.4f}\n",
           c.list.count, median_of(&c.connect), median_of(&c.wal), median_of(&c.schema), median_of(&c.close));
    return 0;
}

/* ---------------------------------------------------------------------------------------------------------- */

static const struct {
    const char *name;
    int arguments;
    int (*run)(char **, const Options *);
} PATHS[] = {
    {"read", 2, run_read},         {"progress", 2, run_progress}, {"overview", 3, run_overview},
    {"activity", 7, run_activity}, {"spread", 2, run_spread},     {"open", 2, run_open},
    {"parts", 1, run_parts},
};

static void usage(void) {
    fprintf(stderr,
            "usage: reference read DB KEY | progress DB TRAINEE | overview DB LEDER-KEY LEDER-NAME |\n"
            "       activity DB TRAINEE KEY NAME PLAN VERSION OBJECTIVE | spread LIST KEY | open LIST KEY |\n"
            "       parts LIST\n"
            "       [--seconds S] [--iterations N] [--warmup S] [--cap N] [--zipf S]\n");
    exit(2);
}

int main(int argc, char **argv) {
    Options options = {.seconds = 3, .warmup = -1, .cap = 64};
    char *positional[16];
    int count = 0;
    for (int i = 1; i < argc; i++) {
        const char *option = argv[i];
        if (strncmp(option, "--", 2) == 0) {
            if (i + 1 >= argc) usage();
            const char *value = argv[++i];
            if (!strcmp(option, "--seconds")) options.seconds = atof(value);
            else if (!strcmp(option, "--iterations")) options.iterations = atol(value);
            else if (!strcmp(option, "--warmup")) options.warmup = atof(value);
            else if (!strcmp(option, "--cap")) options.cap = atoi(value);
            else if (!strcmp(option, "--zipf")) options.zipf = atof(value);
            else usage();
        } else if (count < 16) {
            positional[count++] = argv[i];
        } else {
            usage();
        }
    }
    if (options.warmup < 0) options.warmup = options.seconds / 10 > 0.2 ? options.seconds / 10 : 0.2;
    if (count == 0 || options.cap < 1) usage();
    for (size_t p = 0; p < sizeof PATHS / sizeof PATHS[0]; p++) {
        if (strcmp(positional[0], PATHS[p].name) != 0) continue;
        if (count - 1 != PATHS[p].arguments) usage();
        return PATHS[p].run(positional + 1, &options);
    }
    usage();
    return 2;
}
