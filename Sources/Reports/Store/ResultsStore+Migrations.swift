import GRDB

extension ResultsStore {
    /// The schema, as append-only migrations. A migration is never modified once it has shipped: stored runs in
    /// existing files were created by it. Change the schema by appending a new migration ("v2-...") below.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs-phases-seconds-stats-sla-errors-events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        description TEXT NOT NULL,
                        scenario_file TEXT NOT NULL,
                        scenario_text TEXT NOT NULL,
                        target TEXT NOT NULL,
                        git_revision TEXT,
                        host TEXT NOT NULL,
                        command_line TEXT NOT NULL,
                        started_at DATETIME NOT NULL,
                        ended_at DATETIME,
                        status TEXT NOT NULL,
                        exit_code INTEGER,
                        duration_scale DOUBLE NOT NULL
                    );
                    CREATE INDEX runs_status ON runs(status);

                    CREATE TABLE phases (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        idx INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        load TEXT NOT NULL,
                        started_at_ms INTEGER NOT NULL,
                        ended_at_ms INTEGER,
                        PRIMARY KEY (run_id, idx)
                    );

                    CREATE TABLE seconds (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        second INTEGER NOT NULL,
                        phase TEXT NOT NULL,
                        sent INTEGER NOT NULL,
                        completed INTEGER NOT NULL,
                        errors INTEGER NOT NULL,
                        dropped INTEGER NOT NULL,
                        errors_by_code TEXT NOT NULL,
                        p50_us INTEGER NOT NULL,
                        p90_us INTEGER NOT NULL,
                        p99_us INTEGER NOT NULL,
                        max_us INTEGER NOT NULL,
                        connections INTEGER NOT NULL,
                        users INTEGER NOT NULL,
                        PRIMARY KEY (run_id, second, phase)
                    );

                    CREATE TABLE request_stats (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        phase TEXT NOT NULL,
                        request TEXT NOT NULL,
                        sent INTEGER NOT NULL,
                        completed INTEGER NOT NULL,
                        errors INTEGER NOT NULL,
                        checks_passed INTEGER NOT NULL,
                        checks_failed INTEGER NOT NULL,
                        dropped INTEGER NOT NULL,
                        errors_by_code TEXT NOT NULL,
                        p50_us INTEGER NOT NULL,
                        p90_us INTEGER NOT NULL,
                        p95_us INTEGER NOT NULL,
                        p99_us INTEGER NOT NULL,
                        p999_us INTEGER NOT NULL,
                        max_us INTEGER NOT NULL,
                        mean_us DOUBLE NOT NULL,
                        uncorrected_p50_us INTEGER NOT NULL,
                        uncorrected_p90_us INTEGER NOT NULL,
                        uncorrected_p95_us INTEGER NOT NULL,
                        uncorrected_p99_us INTEGER NOT NULL,
                        uncorrected_p999_us INTEGER NOT NULL,
                        uncorrected_max_us INTEGER NOT NULL,
                        uncorrected_mean_us DOUBLE NOT NULL,
                        corrected_histogram BLOB NOT NULL,
                        uncorrected_histogram BLOB NOT NULL,
                        PRIMARY KEY (run_id, phase, request)
                    );

                    CREATE TABLE sla_results (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        phase TEXT NOT NULL,
                        request TEXT,
                        threshold TEXT NOT NULL,
                        limit_text TEXT NOT NULL,
                        limit_value DOUBLE NOT NULL,
                        observed DOUBLE NOT NULL,
                        observed_text TEXT NOT NULL,
                        uncorrected_observed DOUBLE,
                        unit TEXT NOT NULL,
                        passed BOOLEAN NOT NULL
                    );
                    CREATE INDEX sla_results_run ON sla_results(run_id);

                    CREATE TABLE errors (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        phase TEXT NOT NULL,
                        request TEXT NOT NULL,
                        code TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        samples TEXT NOT NULL,
                        PRIMARY KEY (run_id, phase, request, code)
                    );

                    CREATE TABLE events (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        at_ms INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        duration_ms INTEGER,
                        outcome TEXT
                    );
                    CREATE INDEX events_run ON events(run_id, at_ms);
                    """)
        }
        migrator.registerMigration("v2-second-histograms-and-tags") { db in
            // Runs stored before v2 keep 0 and NULL here: charts skip the dashed line, the gate falls back to
            // the per-second p50/p90/p99 columns.
            try db.execute(
                sql: """
                    ALTER TABLE seconds ADD COLUMN uncorrected_p99_us INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE seconds ADD COLUMN latency_histogram BLOB;

                    CREATE TABLE tags (
                        name TEXT PRIMARY KEY,
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        tagged_at DATETIME NOT NULL
                    );
                    CREATE INDEX tags_run ON tags(run_id);
                    """)
        }
        migrator.registerMigration("v3-run-process-id") { db in
            // Lets a store opened while another process is writing a run tell that run from one whose process died.
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN pid INTEGER")
        }
        migrator.registerMigration("v4-second-model-versions") { db in
            // Runs stored before v4 read as "no version tracked".
            try db.execute(sql: "ALTER TABLE seconds ADD COLUMN model_versions TEXT NOT NULL DEFAULT '{}';")
        }
        migrator.registerMigration("v5-latency-of-every-attempt-and-by-outcome") { db in
            // From v5 the corrected/uncorrected histograms hold successful responses only; these columns add every
            // attempt (failures at their elapsed time, drops at the top of the range) and each outcome. Runs stored
            // before keep NULL and read as "not measured". `retried` counts requests sent again after a server's
            // idle close that they provably never reached.
            try db.execute(
                sql: """
                    ALTER TABLE request_stats ADD COLUMN attempts_histogram BLOB;
                    ALTER TABLE request_stats ADD COLUMN error_status_histogram BLOB;
                    ALTER TABLE request_stats ADD COLUMN no_response_histogram BLOB;
                    ALTER TABLE request_stats ADD COLUMN clamped_latencies INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE request_stats ADD COLUMN retried INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE seconds ADD COLUMN attempts_histogram BLOB;
                    """)
        }
        migrator.registerMigration("v6-tag-sets-and-load-fingerprints") { db in
            // A tag names a set of runs (a gate's baseline history), not one run: each existing tag becomes a set of
            // one. Runs stored before v6 have no load fingerprint and compare as "unknown".
            try db.execute(
                sql: """
                    CREATE TABLE tag_runs (
                        name TEXT NOT NULL,
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        tagged_at DATETIME NOT NULL,
                        PRIMARY KEY (name, run_id)
                    );
                    CREATE INDEX tag_runs_run ON tag_runs(run_id);
                    INSERT INTO tag_runs (name, run_id, tagged_at) SELECT name, run_id, tagged_at FROM tags ORDER BY tagged_at;
                    DROP TABLE tags;
                    ALTER TABLE runs ADD COLUMN load_fingerprint TEXT;
                    """)
        }
        migrator.registerMigration("v7-segments") { db in
            // A run of one segment of a split scenario (`--segment K/N`) records which; runs stored before v7, and
            // whole runs, have NULL. Each second also keeps its uncorrected histogram, so segments merge exactly.
            try db.execute(
                sql: """
                    ALTER TABLE runs ADD COLUMN segment TEXT;
                    ALTER TABLE seconds ADD COLUMN uncorrected_histogram BLOB;
                    """)
        }
        return migrator
    }
}
