package dev.interlock.vm.runtime;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.StrategyOptions;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * How one interpreter is set up: the names chosen at start-up, the options, {@code sys.argv}, and
 * where its standard streams go.
 *
 * @param lockName the locking strategy's name
 * @param memoryName the memory manager's name
 * @param options the {@code -X} options
 * @param argv {@code sys.argv}
 * @param scriptDirectory the directory imports look in first ({@code sys.path[0]}), or null
 * @param stdout where {@code sys.stdout} writes
 * @param stderr where {@code sys.stderr} writes
 * @param auditRefcounts recount every reference at exit and report mismatches
 * @param unsafeAllowed the user explicitly allowed an unsafe strategy/memory combination
 * @param memoryStatistics the memory manager counts its operations for
 *     {@link dev.interlock.api.memory.MemoryManager#statistics()}; when false (the usual case) it is
 *     created without any counting code on its path
 */
public record InterpreterConfig(String lockName, String memoryName, StrategyOptions options, List<String> argv,
        Path scriptDirectory, OutputStream stdout, OutputStream stderr, boolean auditRefcounts, boolean unsafeAllowed,
        boolean memoryStatistics) {

    public InterpreterConfig {
        requireNonNull(lockName, "lockName is null");
        requireNonNull(memoryName, "memoryName is null");
        requireNonNull(options, "options is null");
        argv = List.copyOf(argv);
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    /** A configuration without memory-manager statistics. */
    public InterpreterConfig(String lockName, String memoryName, StrategyOptions options, List<String> argv,
            Path scriptDirectory, OutputStream stdout, OutputStream stderr, boolean auditRefcounts, boolean unsafeAllowed) {
        this(lockName, memoryName, options, argv, scriptDirectory, stdout, stderr, auditRefcounts, unsafeAllowed, false);
    }
}
