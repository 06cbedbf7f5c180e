/// Walking a search's parent links back to the initial state (shared by every search engine).
enum SearchTrace {
    /// The operator ids from the initial state to node `id`; the root's parent is negative.
    static func operatorPath(to id: Int32, parent: [Int32], parentOp: [Int32]) -> [Int32] {
        var path: [Int32] = []
        var node = id
        while parent[Int(node)] >= 0 {
            path.append(parentOp[Int(node)])
            node = parent[Int(node)]
        }
        return path.reversed()
    }
}
