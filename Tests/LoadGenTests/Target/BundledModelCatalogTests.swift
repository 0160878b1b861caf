import Foundation
import Testing
@testable import LoadGen

@Suite struct BundledModelCatalogTests {
    @Test func catalogForOneModelListsOnlyThatModel() throws {
        let json = try BundledModelCatalog.catalogJSON(forModel: "face-lbp")
        let catalog = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(catalog["default"] as? String == "face-lbp")
        let models = try #require(catalog["models"] as? [[String: Any]])
        #expect(models.count == 1)
        #expect(models[0]["name"] as? String == "face-lbp")
        #expect(models[0]["cascade"] as? String == "lbpcascades/lbpcascade_frontalface_improved.xml")
    }

    @Test func unknownModelListsTheKnownOnes() throws {
        let error = try #require(throws: BundledTargetError.self) { try BundledModelCatalog.catalogJSON(forModel: "eye") }
        #expect(error.kind == .unknownModel)
        #expect(
            error.description == """
                unknown bundled model 'eye': the bundled targetservice knows face, face-alt2, face-lbp, fullbody, cat. \
                Set target.bundled.model to one of them, or leave it out to load them all.
                """)
    }
}
