import Foundation
import Testing
@testable import TargetService

/// The model catalog file: defaults filled in, mistakes reported with the file and what to change.
@Suite struct ModelCatalogTests {
    @Test func builtInCatalogServesTheStockCascadesWithFaceAsDefault() {
        let catalog = ModelCatalog.builtIn
        #expect(catalog.defaultModel == "face")
        #expect(catalog.models.map(\.name) == ["face", "face-alt2", "face-lbp", "fullbody", "cat"])
        #expect(catalog.models.allSatisfy { $0.version == 1 && FileManager.default.fileExists(atPath: $0.cascadePath) })
    }

    @Test func fileFillsInDefaultsAndResolvesRelativeCascades() throws {
        let json = """
            {"cascade_root": "/opt/cascades",
             "models": [
               {"name": "face", "cascade": "haar/face.xml"},
               {"name": "body", "label": "person", "version": 4, "cascade": "/abs/body.xml",
                "parameters": {"scale_factor": 1.2, "min_neighbors": 5, "min_size": "30x60"}}]}
            """
        let catalog = try ModelCatalog.parse(Data(json.utf8), source: "models.json")
        #expect(catalog.defaultModel == "face")
        #expect(
            catalog.models[0] == ModelSpec(name: "face", label: "face", version: 1, cascadePath: "/opt/cascades/haar/face.xml"))
        #expect(
            catalog.models[1]
                == ModelSpec(
                    name: "body", label: "person", version: 4, cascadePath: "/abs/body.xml",
                    parameters: DetectionParameters(scaleFactor: 1.2, minNeighbors: 5, minSize: PixelSize(width: 30, height: 60))
                ))
    }

    @Test(arguments: [
        (#"{"models": []}"#, "models.json: no models are listed; add at least one under \"models\""),
        (#"{"models": [{"name": "face"}]}"#, "models.json: missing \"cascade\" at .models[0]"),
        (
            #"{"default": "cat", "models": [{"name": "face", "cascade": "f.xml"}]}"#,
            "models.json: default model 'cat' is not among the models (face)"
        ),
        (
            #"{"models": [{"name": "Face!", "cascade": "f.xml"}]}"#,
            "models.json: model name 'Face!' must be 1-64 characters of a-z, 0-9, '.', '_' or '-'"
        ),
        (
            #"{"models": [{"name": "a", "cascade": "f.xml"}, {"name": "a", "cascade": "g.xml"}]}"#,
            "models.json: model 'a' is listed twice; names must be unique"
        ),
        (
            #"{"models": [{"name": "a", "cascade": "f.xml", "parameters": {"scale_factor": 1.0}}]}"#,
            "models.json: model 'a': scale factor must be a finite number > 1 (got 1.0)"
        ),
        (
            #"{"models": [{"name": "a", "cascade": "f.xml", "parameters": {"min_size": "big"}}]}"#,
            "models.json: model 'a': min_size must look like \"30x30\" (got \"big\")"
        ),
    ])
    func mistakesNameTheFileAndTheFix(json: String, message: String) {
        #expect(throws: ModelCatalogError.self) { try ModelCatalog.parse(Data(json.utf8), source: "models.json") }
        do {
            _ = try ModelCatalog.parse(Data(json.utf8), source: "models.json")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aMissingCascadeNamesTheModelAndThePath() {
        let catalog = try! ModelCatalog(
            defaultModel: "x", models: [ModelSpec(name: "x", label: "x", cascadePath: "/nonexistent/x.xml")])
        do {
            _ = try ModelSet.load(catalog)
            Issue.record("loading should fail")
        } catch {
            #expect(error.description.hasPrefix("cannot load model 'x' from /nonexistent/x.xml: "))
        }
    }
}
