import Store

/// The Store's manual clock. Named apart because another module in the server's graph also
/// exports a `ManualClock`, and `Store.ManualClock` means the class `Store`, not the module.
typealias InjectedClock = ManualClock
