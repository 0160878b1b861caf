import GRDB

/// The schema of `service.sqlite`: model registry, detection log, feedback. Append-only: a migration that has shipped is never edited; change the schema
/// by adding a new one at the end.
enum RegistryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-model-registry") { db in
            try db.execute(
                sql: """
                    CREATE TABLE model_version (
                        name TEXT NOT NULL,
                        version INTEGER NOT NULL CHECK (version >= 1),
                        label TEXT NOT NULL,
                        cascade_path TEXT NOT NULL,
                        cascade_sha256 TEXT NOT NULL,
                        scale_factor REAL NOT NULL,
                        min_neighbors INTEGER NOT NULL,
                        min_size TEXT NOT NULL,
                        max_size TEXT NOT NULL,
                        created DATETIME NOT NULL,
                        state TEXT NOT NULL,
                        error_message TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (name, version)
                    );
                    -- Every switch of the served version, oldest first: the last row per name is the active version,
                    -- and rollback goes to the version active before it.
                    CREATE TABLE model_activation (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        activated DATETIME NOT NULL,
                        FOREIGN KEY (name, version) REFERENCES model_version (name, version)
                    );
                    CREATE INDEX model_activation_by_name ON model_activation (name, id);
                    """)
        }
        migrator.registerMigration("v2-detection-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE detection_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        request_id TEXT NOT NULL,
                        time DATETIME NOT NULL,
                        model TEXT NOT NULL,
                        model_version INTEGER NOT NULL,
                        box_count INTEGER NOT NULL
                    );
                    CREATE INDEX detection_log_by_time ON detection_log (time);
                    """)
        }
        migrator.registerMigration("v3-feedback") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feedback (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        email TEXT NOT NULL COLLATE NOCASE,
                        message TEXT NOT NULL,
                        created DATETIME NOT NULL
                    );
                    CREATE INDEX feedback_by_email ON feedback (email);
                    CREATE INDEX feedback_by_created ON feedback (created);
                    """)
        }
        return migrator
    }
}
