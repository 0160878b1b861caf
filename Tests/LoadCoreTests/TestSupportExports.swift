// The helpers every test target shares (temporary directories, polling, a manual clock) are visible in every file.
@_exported import TestSupport
