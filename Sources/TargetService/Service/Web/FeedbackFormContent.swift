/// The feedback form: the values as submitted (so nothing typed is lost) and each field's problems beside it.
struct FeedbackFormContent: Sendable {
    /// One input: its value and the rules it broke.
    struct Field: Sendable {
        var value = ""
        var problems: [String] = [] {
            didSet { invalid = !problems.isEmpty }
        }
        /// Stored rather than computed: templates read stored properties only.
        private(set) var invalid = false
    }

    var name = Field()
    var email = Field()
    var message = Field()
    /// A problem with the form as a whole (wrong encoding, too long, storage failure).
    var formError: String?

    init() {}

    init(formError: String) {
        self.formError = formError
    }

    /// The submitted values with `problems` (from `FeedbackSubmission.problems`) sorted to their fields: each
    /// problem names its field first ("name must be …"), so the rules stay written in one place.
    init(submission: FeedbackSubmission, problems: [String]) {
        name.value = submission.name
        email.value = submission.email
        message.value = submission.message
        for problem in problems {
            switch problem.split(separator: " ", maxSplits: 1).first {
            case "name": name.problems.append(problem)
            case "email": email.problems.append(problem)
            case "message": message.problems.append(problem)
            default: formError = problem
            }
        }
    }
}

/// The thank-you page after feedback was stored.
struct FeedbackSentContent: Sendable {
    var name: String
    var id: Int64
}
