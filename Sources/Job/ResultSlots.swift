/// Fixed slots that parallel workers fill, each worker its own index, so no lock is needed per write.
/// `@unchecked Sendable` is sound because indexes are disjoint and `values` is read after the workers join;
/// the buffer is raw memory so that no array exclusivity check spans two workers.
final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    func values(default fallback: Value) -> [Value] {
        storage.map { $0 ?? fallback }
    }
}
