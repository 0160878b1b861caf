import Foundation

/// One entry of `actions:`: at `at` into the run, do `action`; a failure fails the run unless `continueOnFailure`.
public struct ActionSpec: Sendable, Equatable {
    public var at: Duration
    public var action: ActionKind
    public var continueOnFailure: Bool

    public init(at: Duration, action: ActionKind, continueOnFailure: Bool = false) {
        self.at = at
        self.action = action
        self.continueOnFailure = continueOnFailure
    }

    /// Whether only a bundled target can run it: model actions without `admin_url`, and `replica.restart`.
    public var needsBundledTarget: Bool {
        switch action {
        case .modelUpload(let spec): spec.admin == nil
        case .modelActivate(let spec): spec.admin == nil
        case .modelRollback(let spec): spec.admin == nil
        case .replicaRestart: true
        case .backup(let spec), .disaster(let spec), .restore(let spec): spec.command == nil
        case .http, .exec: false
        }
    }
}

/// What an action does; `do:` in the scenario file selects the case by `name`.
public enum ActionKind: Sendable, Equatable {
    case modelUpload(ModelUploadSpec)
    case modelActivate(ModelActivateSpec)
    case modelRollback(ModelRollbackSpec)
    case replicaRestart(ReplicaRestartSpec)
    case backup(RecoveryStepSpec)
    case disaster(RecoveryStepSpec)
    case restore(RecoveryStepSpec)
    case http(HTTPCallSpec)
    case exec(ExecSpec)

    /// Every `do:` value, in the order the docs list them.
    public static let names = [
        "model.upload", "model.activate", "model.rollback", "replica.restart", "backup", "disaster", "restore", "http", "exec",
    ]

    /// The `do:` value of this kind; also the name of its stored event.
    public var name: String {
        switch self {
        case .modelUpload: "model.upload"
        case .modelActivate: "model.activate"
        case .modelRollback: "model.rollback"
        case .replicaRestart: "replica.restart"
        case .backup: "backup"
        case .disaster: "disaster"
        case .restore: "restore"
        case .http: "http"
        case .exec: "exec"
        }
    }
}

/// Where the admin API of a `url` target lives; the token is read from `tokenEnvironmentVariable` when the action runs,
/// so a scenario file never holds a literal token.
public struct AdminEndpoint: Sendable, Equatable {
    public var url: String
    public var tokenEnvironmentVariable: String

    public init(url: String, tokenEnvironmentVariable: String) {
        self.url = url
        self.tokenEnvironmentVariable = tokenEnvironmentVariable
    }
}

/// `model.upload`: send a cascade file as the next version of `model` to every replica.
public struct ModelUploadSpec: Sendable, Equatable {
    public var model: String
    public var cascade: URL
    /// Detection parameters as the admin API's query names (`scale_factor`, `min_neighbors`, `min_size`, ...), in order.
    public var parameters: [(name: String, value: String)]
    /// Nil for a bundled target (loadgen knows its replicas and their token).
    public var admin: AdminEndpoint?

    public init(model: String, cascade: URL, parameters: [(name: String, value: String)] = [], admin: AdminEndpoint? = nil) {
        self.model = model
        self.cascade = cascade
        self.parameters = parameters
        self.admin = admin
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.model == rhs.model && lhs.cascade == rhs.cascade && lhs.admin == rhs.admin
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }
}

/// `model.activate`: serve a version of `model`.
public struct ModelActivateSpec: Sendable, Equatable {
    /// Which version: a number, or the one the latest earlier `model.upload` of this model got.
    public enum Version: Sendable, Equatable {
        case number(Int)
        case uploaded
    }

    public var model: String
    public var version: Version
    public var admin: AdminEndpoint?

    public init(model: String, version: Version, admin: AdminEndpoint? = nil) {
        self.model = model
        self.version = version
        self.admin = admin
    }
}

/// `model.rollback`: serve the version that was active before the current one.
public struct ModelRollbackSpec: Sendable, Equatable {
    public var model: String
    public var admin: AdminEndpoint?

    public init(model: String, admin: AdminEndpoint? = nil) {
        self.model = model
        self.admin = admin
    }
}

/// `replica.restart` (bundled only): stop a replica (SIGTERM, drain) and start a new one on the same port.
public struct ReplicaRestartSpec: Sendable, Equatable {
    /// 1-based; ignored when `rolling`.
    public var replica: Int
    /// Every replica, one at a time, each waiting for the previous one to be ready.
    public var rolling: Bool
    /// Per replica: how long the old one may drain plus how long the new one may take to be ready.
    public var timeout: Duration

    public init(replica: Int = 1, rolling: Bool = false, timeout: Duration = .seconds(30)) {
        self.replica = replica
        self.rolling = rolling
        self.timeout = timeout
    }
}

/// `backup`, `disaster` and `restore`: on a bundled target loadgen does them to its own replicas (back every data
/// directory up now; kill every replica and delete its data directory; restore each from its newest backup and
/// start it again); against a url target `command` does them (e.g. a `kubectl` or `velero` call) and must exit 0.
public struct RecoveryStepSpec: Sendable, Equatable {
    /// The command for a url target; nil on a bundled target.
    public var command: ExecSpec?
    /// How long the built-in step may take (a command has its own `timeout`).
    public var timeout: Duration

    public init(command: ExecSpec? = nil, timeout: Duration = .seconds(60)) {
        self.command = command
        self.timeout = timeout
    }
}

/// `http`: one HTTP request with an expected status.
public struct HTTPCallSpec: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: String?
    public var expect: StatusExpectation
    public var timeout: Duration

    public init(
        method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: String? = nil,
        expect: StatusExpectation = .successful, timeout: Duration = .seconds(10)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.expect = expect
        self.timeout = timeout
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body && lhs.expect == rhs.expect
            && lhs.timeout == rhs.timeout && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// `exec`: run a program (no shell) and expect an exit code.
public struct ExecSpec: Sendable, Equatable {
    public var command: String
    public var arguments: [String]
    public var timeout: Duration
    public var expectExitCode: Int32
    /// `switches_to`: the model version the command switches the target to (e.g. a `kubectl set image` to an image
    /// that serves it). The action's run is then a switch window that `version_consistency` judges responses against,
    /// as for `model.activate`.
    public var switchesTo: String?

    public init(command: String, arguments: [String] = [], timeout: Duration = .seconds(60), expectExitCode: Int32 = 0) {
        self.command = command
        self.arguments = arguments
        self.timeout = timeout
        self.expectExitCode = expectExitCode
    }
}
