import Foundation
import GRDB

/// The versions of every named model: cascade files under `DATA/models/NAME/VERSION/cascade.xml`, metadata in
/// `DATA/service.sqlite` (WAL, one writer). Without a data directory the registry lives in memory and serves the
/// catalog's cascades where they are; new versions then cannot be stored.
///
/// Cascade files are written before their row and never changed afterwards, so a copy of the database plus the
/// files it names is always a consistent backup.
public final class ModelRegistry: Sendable {
    public static let databaseFileName = "service.sqlite"
    public static let modelsFolderName = "models"

    public let dataDirectory: String?
    let database: any DatabaseWriter

    /// Opens (creating if needed) the registry in `dataDirectory`, or an in-memory one when it is nil.
    public init(dataDirectory: String?) throws(RegistryError) {
        self.dataDirectory = dataDirectory
        do {
            if let dataDirectory {
                try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
                database = try DatabasePool(path: "\(dataDirectory)/\(Self.databaseFileName)")
            } else {
                database = try DatabaseQueue()
            }
            try RegistryMigrations.migrator.migrate(database)
        } catch {
            throw RegistryError(
                "cannot open the model registry in \(dataDirectory ?? "memory"): \(error). "
                    + "Check that the data directory is writable and its service.sqlite is not damaged (restore a backup if it is)."
            )
        }
    }

    /// Where `record`'s cascade file is.
    public func resolvedPath(_ record: ModelVersionRecord) -> String {
        if record.cascadePath.hasPrefix("/") { return record.cascadePath }
        return "\(dataDirectory ?? ".")/\(record.cascadePath)"
    }

    /// Every version of every model, by name then version.
    public func allVersions() async throws(RegistryError) -> [ModelVersionRecord] {
        try await read("list model versions") { db in
            try ModelVersionRecord.order(Column("name"), Column("version")).fetchAll(db)
        }
    }

    /// The versions of `name`, oldest first (empty when the model is unknown).
    public func versions(of name: String) async throws(RegistryError) -> [ModelVersionRecord] {
        try await read("list the versions of '\(name)'") { db in
            try ModelVersionRecord.filter(Column("name") == name).order(Column("version")).fetchAll(db)
        }
    }

    /// The active version of each model that has one.
    public func activeVersions() async throws(RegistryError) -> [String: Int] {
        try await read("read the active versions") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, version FROM model_activation
                    WHERE id IN (SELECT MAX(id) FROM model_activation GROUP BY name)
                    """)
            return Dictionary(rows.map { ($0["name"] as String, $0["version"] as Int) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// The versions `name` has been switched to, oldest first; the last is the active one.
    public func activationHistory(of name: String) async throws(RegistryError) -> [Int] {
        try await read("read the activation history of '\(name)'") { db in
            try Int.fetchAll(db, sql: "SELECT version FROM model_activation WHERE name = ? ORDER BY id", arguments: [name])
        }
    }

    /// Stores `cascade` as a new version of `name` (the next number, or `version` when given) in state START.
    /// The file is written first, under a temporary name then renamed, so a row never names a partial file.
    public func store(
        name: String, label: String, cascade: [UInt8], parameters: DetectionParameters,
        version requested: Int? = nil, now: Date = Date()
    ) async throws(RegistryError) -> ModelVersionRecord {
        guard let dataDirectory else {
            throw RegistryError("model versions can only be stored with a data directory; start serve with --data DIR")
        }
        let sha = SHA256.hex(cascade)
        return try await write("store a new version of '\(name)'") { db in
            let latest =
                try Int.fetchOne(db, sql: "SELECT MAX(version) FROM model_version WHERE name = ?", arguments: [name]) ?? 0
            let version = requested ?? latest + 1
            let relative = "\(Self.modelsFolderName)/\(name)/\(version)/cascade.xml"
            let folder = "\(dataDirectory)/\(Self.modelsFolderName)/\(name)/\(version)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = "\(folder)/.cascade.xml.partial"
            try Data(cascade).write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: "\(dataDirectory)/\(relative)") {
                try FileManager.default.removeItem(atPath: "\(dataDirectory)/\(relative)")
            }
            try FileManager.default.moveItem(atPath: temporary, toPath: "\(dataDirectory)/\(relative)")
            let record = ModelVersionRecord(
                name: name, version: version, label: label, cascadePath: relative, cascadeSha256: sha,
                parameters: parameters, created: now, state: .start)
            try record.insert(db)
            return record
        }
    }

    /// Registers a cascade that stays where it is (an absolute path): the catalog's models without a data directory.
    public func registerInPlace(
        _ spec: ModelSpec, sha256: String, now: Date = Date()
    ) async throws(RegistryError) -> ModelVersionRecord {
        let record = ModelVersionRecord(
            name: spec.name, version: spec.version, label: spec.label, cascadePath: spec.cascadePath,
            cascadeSha256: sha256, parameters: spec.parameters, created: now, state: .start)
        try await write("register model '\(spec.name)'") { db in try record.insert(db) }
        return record
    }

    public func setState(_ state: ModelVersionState, name: String, version: Int, error: String = "") async throws(RegistryError) {
        try await write("set the state of '\(name)' version \(version)") { db in
            try db.execute(
                sql: "UPDATE model_version SET state = ?, error_message = ? WHERE name = ? AND version = ?",
                arguments: [state.rawValue, error, name, version])
        }
    }

    /// Marks every version END that a previous process left LOADING, AVAILABLE or UNLOADING: nothing is loaded yet.
    public func resetLoadStates() async throws(RegistryError) {
        try await write("reset load states") { db in
            try db.execute(sql: "UPDATE model_version SET state = 'END' WHERE state IN ('LOADING', 'AVAILABLE', 'UNLOADING')")
        }
    }

    /// Records that `name` now serves `version`.
    public func recordActivation(name: String, version: Int, now: Date = Date()) async throws(RegistryError) {
        try await write("activate '\(name)' version \(version)") { db in
            try db.execute(
                sql: "INSERT INTO model_activation (name, version, activated) VALUES (?, ?, ?)", arguments: [name, version, now])
        }
    }

    func read<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(RegistryError) -> T {
        do {
            return try await database.read(body)
        } catch {
            throw RegistryError("cannot \(what): \(error)")
        }
    }

    func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(RegistryError) -> T {
        do {
            return try await database.write(body)
        } catch {
            throw RegistryError("cannot \(what): \(error)")
        }
    }
}
