import ArgumentParser
import TargetService

// Lets "--min-size 30x30" parse straight into the library type.
extension PixelSize: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
