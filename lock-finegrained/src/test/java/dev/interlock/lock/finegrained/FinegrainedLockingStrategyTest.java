package dev.interlock.lock.finegrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.StrategyPlugin;
import dev.interlock.vm.memory.BiasedMemoryManager;
import dev.interlock.vm.runtime.PluginRegistry;
import dev.interlock.vm.testing.PythonRunner;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code finegrained} strategy as a plug-in and from Python: how it is found and chosen, and
 * the behaviours that distinguish it (two containers in either order, Python code called from
 * inside a container operation, exact reference counts with threads in parallel).
 */
@DisplayName("The finegrained strategy")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FinegrainedLockingStrategyTest {

    static PythonRunner.Result run(String... lines) {
        return PythonRunner.runWithPlugin(FinegrainedPlugin.NAME, null, StrategyOptions.empty(), false,
                String.join("\n", lines) + "\n", "<test>", null);
    }

    @Nested
    @DisplayName("as a plug-in")
    class Plugin {

        @Test
        @DisplayName("is found on the class path, counts with the biased manager by default, and lets threads run in parallel")
        void registry() {
            PluginRegistry registry = PluginRegistry.load();
            StrategyPlugin plugin = registry.strategy("finegrained").orElseThrow();
            assertThat(plugin).isInstanceOf(FinegrainedPlugin.class);
            assertThat(plugin.defaultMemoryManager()).isEqualTo("biased");
            assertThat(plugin.serializesBytecode()).isFalse();
            assertThat(plugin.options()).isEmpty();
            PluginRegistry.Selection selection = registry.select("finegrained", null, StrategyOptions.empty(), false);
            assertThat(selection.memory().name()).isEqualTo("biased");
            assertThat(selection.unsafe()).isFalse();
        }

        @Test
        @DisplayName("refuses -X options and, without --allow-unsafe, the plain (non-atomic) counts")
        void refusals() {
            PluginRegistry registry = PluginRegistry.load();
            assertThatThrownBy(() -> registry.select("finegrained", null, StrategyOptions.of(Map.of("check", "calls")), false))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("unknown option -X check for strategy 'finegrained'");
            assertThatThrownBy(() -> registry.select("finegrained", "plain", StrategyOptions.empty(), false))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("--allow-unsafe");
            assertThat(registry.select("finegrained", "plain", StrategyOptions.empty(), true).unsafe()).isTrue();
        }

        @Test
        @DisplayName("names itself, polls at calls and backward jumps, and reports its slow-path counters")
        void properties() {
            LockingStrategy strategy = new FinegrainedLockingStrategy(new BiasedMemoryManager(), StrategyOptions.empty());
            assertThat(strategy.name()).isEqualTo("finegrained");
            assertThat(strategy.serializesBytecode()).isFalse();
            assertThat(strategy.checkPoints()).isEqualTo(dev.interlock.api.CheckPoints.CALLS_AND_BACKWARD_JUMPS);
            assertThat(strategy.statistics()).containsOnlyKeys("contended", "waits", "wait_nanos", "inflations", "parks", "suspensions",
                    "threads", "abandoned_sections");
        }
    }

    @Nested
    @DisplayName("two containers named in either order")
    class TwoContainers {

        @Test
        @DisplayName("a.extend(b), a == b, a + b, a[:] = b, d.update(e), d == e and set algebra on two threads in both orders finish")
        void bothOrders() {
            PythonRunner.Result r = run(
                    "import threading",
                    "a = [1, 2, 3]",
                    "b = [1, 2, 3]",
                    "d = {'x': 1}",
                    "e = {'x': 1}",
                    "s = {1, 2, 3}",
                    "t = {1, 2, 3}",
                    "start = threading.Barrier(2)",
                    "def work(x, y, m, n, p, q):",
                    "    start.wait()",
                    "    for i in range(3000):",
                    "        x.extend(y)",           // both lists only ever hold 1, 2, 3 repeated
                    "        assert len(x) % 3 == 0 and x[:3] == [1, 2, 3]",
                    "        assert (x == y) in (True, False) and len(x + y) % 3 == 0",
                    "        x[:] = y",
                    "        del x[3:]",
                    "        m.update(n)",
                    "        assert m == n",
                    "        assert p <= q and p == q and not p.isdisjoint(q)",
                    "        assert len(p & q) == 3 and len(p - q) == 0",
                    "ts = [threading.Thread(target=work, args=(a, b, d, e, s, t)),",
                    "      threading.Thread(target=work, args=(b, a, e, d, t, s))]",
                    "for th in ts: th.start()",
                    "for th in ts: th.join()",
                    "print(a, b, d, e, sorted(s), sorted(t))");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("[1, 2, 3] [1, 2, 3] {'x': 1} {'x': 1} [1, 2, 3] [1, 2, 3]\n");
        }
    }

    @Nested
    @DisplayName("Python code called from inside a container operation")
    class Callbacks {

        @Test
        @DisplayName("a key's __eq__ that spins until another thread has used the same dict does not deadlock")
        void eqWaitsForDictUser() {
            // The __eq__ spins rather than blocks, so no suspension helps: if the lookup held the
            // dict's lock across __eq__, the writer could never store and the reader would spin
            // until its deadline.
            PythonRunner.Result r = run(
                    "import threading, time",
                    "comparing = threading.Event()",
                    "stored = threading.Event()",
                    "class K:",
                    "    def __hash__(self):",
                    "        return 1",
                    "    def __eq__(self, other):",
                    "        comparing.set()",
                    "        deadline = time.monotonic() + 60",
                    "        while not stored.is_set():",
                    "            assert time.monotonic() < deadline, 'the writer never got the dict'",
                    "        return True",
                    "d = {K(): 'found'}",
                    "got = []",
                    "def reader():",
                    "    got.append(d.get(K()))",
                    "def writer():",
                    "    comparing.wait()",
                    "    d['other'] = 2",
                    "    stored.set()",
                    "ts = [threading.Thread(target=reader), threading.Thread(target=writer)]",
                    "for t in ts: t.start()",
                    "for t in ts: t.join()",
                    "print(got, len(d))");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("['found'] 2\n");
        }

        @Test
        @DisplayName("a __del__ run by clearing a list can use that list: it runs after the list's lock is released")
        void delUsesClearedList() {
            // Released front to back, as vm-core's plain list storage releases them under every
            // strategy (CPython's list_clear goes back to front and prints ['b', 'a']).
            PythonRunner.Result r = run(
                    "log = []",
                    "class Noisy:",
                    "    def __init__(self, name):",
                    "        self.name = name",
                    "    def __del__(self):",
                    "        log.append(self.name)",
                    "log.append(Noisy('a'))",
                    "log.append(Noisy('b'))",
                    "log.clear()",
                    "print(log)");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("['a', 'b']\n");
        }
    }

    @Nested
    @DisplayName("reference counts")
    class RefCounts {

        @Test
        @DisplayName("sys.getrefcount is exact after threads counted a shared object in parallel")
        void exactAfterThreads() {
            PythonRunner.Result r = run(
                    "import sys, threading",
                    "shared = []",
                    "before = sys.getrefcount(shared)",
                    "def work():",
                    "    mine = []",
                    "    for i in range(20000):",
                    "        mine.append(shared)",
                    "        if i % 3 == 0:",
                    "            mine.pop()",
                    "ts = [threading.Thread(target=work) for _ in range(4)]",
                    "for t in ts: t.start()",
                    "for t in ts: t.join()",
                    "print(before, sys.getrefcount(shared))");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("2 2\n");
        }

        @Test
        @DisplayName("the article's example: a = []; b = a; sys.getrefcount(a) is 3")
        void article() {
            PythonRunner.Result r = run("import sys", "a = []", "b = a", "print(sys.getrefcount(a))");
            assertThat(r.stdout()).isEqualTo("3\n");
        }
    }
}
