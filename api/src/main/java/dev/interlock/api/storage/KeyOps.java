package dev.interlock.api.storage;

/**
 * Python key semantics for a {@link MapStorage}: the interpreter supplies them, the storage
 * calls them. Hashes are computed by the interpreter before the storage is called (a
 * {@code __hash__} may run Python code), so storage only ever asks for equality.
 *
 * @param <K> the key type
 */
public interface KeyOps<K> {

    /**
     * Python {@code ==} between a stored key and a probe key, identity first. May run Python code
     * ({@code __eq__}) and may throw the exception that code raises.
     */
    boolean equal(K stored, K probe);

    /**
     * True when comparing this key can run Python code (a user-defined {@code __eq__}). A
     * storage that holds a lock must not hold it across such a comparison.
     */
    boolean mayCallBack(K key);
}
