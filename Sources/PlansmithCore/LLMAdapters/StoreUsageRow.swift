import Store

/// The Store's usage row, named apart from the LLM module's `UsageRecord` (the module `Store`
/// also has a class `Store`, so `Store.UsageRecord` cannot name it where both are imported).
public typealias StoreUsageRow = UsageRecord
