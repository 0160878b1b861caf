/// What every page template sees: the title and navigation for the shared layout, and the page's own content.
struct PageContext<Content: Sendable>: Sendable {
    var title: String
    var nav: [NavLink]
    var content: Content
}

/// One entry of the navigation bar; `current` marks the page being shown.
struct NavLink: Sendable {
    enum Section: String, Sendable, CaseIterable {
        case home, detect, about, feedback, contact
    }

    var href: String
    var label: String
    var current: Bool

    static func all(current: Section) -> [NavLink] {
        Section.allCases.map { section in
            NavLink(
                href: section == .home ? "/" : "/\(section.rawValue)", label: section.rawValue.capitalized,
                current: section == current)
        }
    }
}

/// A page with nothing to fill in.
struct EmptyContent: Sendable {}

/// The home page's model table.
struct HomeContent: Sendable {
    struct ModelRow: Sendable {
        var name: String
        var label: String
        var version: Int
        var isDefault: Bool
        var scaleFactor: String
        var minNeighbors: Int
    }

    var models: [ModelRow]
    /// True while the models are still loading (the table is empty then).
    var loading: Bool
}

/// The about page's limits.
struct AboutContent: Sendable {
    var maxUpload: String
    var maxPixels: Int
}
