// Stored rows are read with LoadCore's definitions (outcome counts, the error rate); importers of Reports get them.
@_exported import LoadCore
