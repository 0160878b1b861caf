/// Where a model version is in its life, named as in TensorFlow Serving's model status API.
///
/// START: stored and validated, never loaded. LOADING: being parsed and warmed. AVAILABLE: loaded and serving
/// (the active version). UNLOADING: being replaced. END: not loaded (replaced, or failed to load).
public enum ModelVersionState: String, Sendable, Codable, CaseIterable {
    case start = "START"
    case loading = "LOADING"
    case available = "AVAILABLE"
    case unloading = "UNLOADING"
    case end = "END"
}
