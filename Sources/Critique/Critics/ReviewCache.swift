import Foundation
import Planner

/// Reviews by plan, shared by critics that vote in parallel on the same edited plans.
/// `@unchecked Sendable`: the dictionary is only touched while holding `lock`.
final class ReviewCache: @unchecked Sendable {
    private let lock = NSLock()
    private var reviews: [[PlanStep]: PlanReview] = [:]

    func review(for steps: [PlanStep]) -> PlanReview? {
        lock.lock(); defer { lock.unlock() }
        return reviews[steps]
    }

    func store(_ review: PlanReview) {
        lock.lock(); defer { lock.unlock() }
        if reviews.count > 512 { reviews.removeAll() }  // sessions are short; keep memory flat anyway
        reviews[review.steps] = review
    }
}
