// The run's vocabulary (error codes, outcome counts) is LoadCore's; everything that imports LoadGen speaks it too.
@_exported import LoadCore
