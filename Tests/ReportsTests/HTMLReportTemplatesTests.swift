import Foundation
import Testing
@testable import Reports

/// The template loader: any `*.mustache` file is a template by its name, values are escaped, errors say what to do.
@Suite struct HTMLReportTemplatesTests {
    @Test func theShippedTemplatesIncludeTheReportAndItsPartials() throws {
        let names = try ReportTemplates.shipped().names
        for name in [
            "report", "report-header", "report-sla", "report-requests", "report-timeline", "report-distribution",
            "report-errors", "report-events", "report-comparison", "report-style",
        ] {
            #expect(names.contains(name), "missing template \(name)")
        }
    }

    @Test func anyTemplateInTheFolderRendersByNameWithPartialsAndEscaping() throws {
        try withTemporaryDirectory { dir in
            try "<li>{{name}}</li>".write(to: dir.appendingPathComponent("item.mustache"), atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("suite"), withIntermediateDirectories: true)
            try "<ul>{{#items}}{{> item}}{{/items}}</ul>{{{raw}}}".write(
                to: dir.appendingPathComponent("suite/index.mustache"), atomically: true, encoding: .utf8)
            let templates = try ReportTemplates(directory: dir)
            #expect(templates.names == ["item", "suite/index"])
            struct Item { var name: String }
            struct Page { var items: [Item]; var raw: String }
            let html = try templates.render(
                "suite/index", Page(items: [Item(name: SampleRun.hostile), Item(name: "b")], raw: "<b>ok</b>"))
            #expect(
                html == "<ul><li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</li><li>b</li></ul><b>ok</b>"
            )
        }
    }

    @Test func anUnknownNameListsTheKnownOnes() throws {
        try withTemporaryDirectory { dir in
            try "x".write(to: dir.appendingPathComponent("only.mustache"), atomically: true, encoding: .utf8)
            let error = try #require(throws: ReportTemplatesError.self) {
                try ReportTemplates(directory: dir).render("other", [String: String]())
            }
            #expect(error.kind == .unknownTemplate)
            #expect(error.description.contains("No report template named 'other'. Known templates: only."))
        }
    }

    @Test func aFolderWithoutTemplatesSaysWhereItLooked() throws {
        try withTemporaryDirectory { dir in
            let error = try #require(throws: ReportTemplatesError.self) { try ReportTemplates(directory: dir) }
            #expect(error.kind == .missingTemplates)
            #expect(error.description.contains(dir.lastPathComponent))
            #expect(error.description.contains("resource bundle"))
        }
    }

    @Test func aBrokenTemplateIsNamed() throws {
        try withTemporaryDirectory { dir in
            try "{{#open}} never closed".write(
                to: dir.appendingPathComponent("broken.mustache"), atomically: true, encoding: .utf8)
            let error = try #require(throws: ReportTemplatesError.self) { try ReportTemplates(directory: dir) }
            #expect(error.kind == .invalidTemplate)
            #expect(error.description.hasPrefix("Report template 'broken' is not valid Mustache"))
        }
    }
}
