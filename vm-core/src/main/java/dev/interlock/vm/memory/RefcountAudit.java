package dev.interlock.vm.memory;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recounts every reference and compares with the counts the memory manager kept: the check behind
 * {@code interlock run --audit-refcounts}.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>The walk starts from the references held outside any Python object (the roots: the
 * interpreter's own references to {@code sys.modules}, {@code builtins} and {@code sys}), then
 * from every object still alive in the threads' {@link AllocationLog}s that the roots did not
 * reach. It counts one reference per root and one per {@link ObjectHeader#traverse} visit, and
 * walks each object once, breadth first with a queue (a chain of a million nodes needs no deep
 * Java stack, and the path shown for each finding is a shortest one). Immortal objects are walked,
 * since they may hold counted references, but their own counts are not compared. Then, for every
 * object met:
 * <ul>
 *   <li>count higher than the references found: a <b>leak</b> (a reference taken and never given
 *       back, or held by something the walk cannot see);</li>
 *   <li>count lower than the references found: an <b>over-release</b> (a reference given back
 *       that was never taken: the object will be freed while still referenced);</li>
 *   <li>an object already deallocated that something still refers to: <b>freed while
 *       referenced</b> (a premature free that nothing has touched since).</li>
 * </ul>
 * Objects the roots do not reach but whose counts are exactly the references other such objects
 * hold are not errors: they are <b>garbage kept alive by reference cycles</b> (or hanging from a
 * leaked object), which CPython's cycle collector would free and Interlock, which has none, keeps.
 * The audit counts them apart, the way CPython's collector finds them: subtract the internal
 * references from each count ({@code update_refs} and {@code subtract_refs} in
 * {@code Modules/gcmodule.c}); what is left is held from outside.
 *
 * <p>Compare the reference-leak hunting of CPython's debug build ({@code sys.gettotalrefcount},
 * {@code regrtest -R}), which compares totals between runs; this audit compares object by object,
 * so it names the objects.
 *
 * <h2>Invariants</h2>
 * The walk must run while no thread changes counts (at exit, after every Python thread has ended),
 * and every object's {@code traverse} must report exactly the counted references it holds: the
 * audit is only as exact as those. Freed objects are never traversed (their contents were released
 * and their storage poisoned).
 *
 * <h2>Costs</h2>
 * One identity-map entry per live object; only when asked for, once, at exit.
 *
 * <p>Missing: objects allocated off the interpreter's threads are not logged; an unreachable
 * leaked object that holds no references and was never logged cannot be seen.
 */
public final class RefcountAudit {

    /** The exit status of a run whose audit found a problem: distinct from 0, 1 (exception), 2 (usage), 134 (fatal). */
    public static final int EXIT_STATUS = 3;

    /** What is wrong with one object. */
    public enum Kind {
        /** The count is higher than the references found. */
        LEAK("leak"),
        /** The count is lower than the references found. */
        OVER_RELEASE("over-release"),
        /** The object was deallocated although references to it remain. */
        FREED_WHILE_REFERENCED("freed while referenced");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How reports name it. */
        public String label() {
            return label;
        }
    }

    /**
     * One reference held outside the object graph, where the walk starts.
     *
     * @param name how reports name it, such as {@code sys.modules}
     * @param object the object referred to
     */
    public record Root(String name, ObjectHeader object) {

        public Root {
            requireNonNull(name, "name is null");
            requireNonNull(object, "object is null");
        }
    }

    /**
     * One object whose count does not match.
     *
     * @param kind what is wrong
     * @param object the object
     * @param found references found by the walk
     * @param count the count the memory manager kept (0 for a freed object)
     * @param root the root from which the walk first reached it, or null when no root reaches it
     * @param path the objects between that root and this one: the root's object first, the
     *     object's referrer last (empty for a root's own object and for unreachable objects)
     */
    public record Finding(Kind kind, ObjectHeader object, long found, long count, Root root, List<ObjectHeader> path) {

        public Finding {
            requireNonNull(kind, "kind is null");
            requireNonNull(object, "object is null");
            path = List.copyOf(path);
        }

        /** True when the roots reach the object. */
        public boolean reachable() {
            return root != null;
        }
    }

    /**
     * What the audit found.
     *
     * @param reachable objects reached from the roots, immortal ones included
     * @param references references counted from the roots and the reachable objects
     * @param unreachable live objects no root reaches: garbage kept alive by cycles or by leaks
     * @param findings the mismatches, reachable objects first, each group in walk order
     */
    public record Result(int reachable, long references, int unreachable, List<Finding> findings) {

        public Result {
            findings = List.copyOf(findings);
        }

        /** True when every count matched. */
        public boolean clean() {
            return findings.isEmpty();
        }

        /** How many findings are of {@code kind}. */
        public long count(Kind kind) {
            return findings.stream().filter(f -> f.kind() == kind).count();
        }
    }

    /** The walk's record of one object. */
    private static final class Node {
        final ObjectHeader parent;
        final Root root;
        final int order;
        long found;

        Node(ObjectHeader parent, Root root, int order) {
            this.parent = parent;
            this.root = root;
            this.order = order;
        }
    }

    private final MemoryManager memory;
    private final Map<ObjectHeader, Node> nodes = new IdentityHashMap<>();
    private final ArrayDeque<ObjectHeader> pending = new ArrayDeque<>();
    private long references;

    private RefcountAudit(MemoryManager memory) {
        this.memory = memory;
    }

    /**
     * Audits every object reachable from {@code roots}, each root standing for one reference held
     * outside the object graph (list an object twice for two such references), and every live
     * object of {@code allocated} that the roots do not reach.
     *
     * @throws IllegalArgumentException if {@code memory} keeps no counts
     */
    public static Result run(MemoryManager memory, Collection<Root> roots, Collection<? extends ObjectHeader> allocated) {
        requireNonNull(memory, "memory is null");
        requireNonNull(roots, "roots is null");
        requireNonNull(allocated, "allocated is null");
        if (!memory.countsReferences()) {
            throw new IllegalArgumentException("the '" + memory.name() + "' memory manager keeps no reference counts");
        }
        RefcountAudit audit = new RefcountAudit(memory);
        for (Root root : roots) {
            audit.reach(root.object(), null, root);
        }
        audit.walk();
        int reachable = audit.nodes.size();
        long reachableReferences = audit.references;
        for (ObjectHeader o : allocated) {
            // Immortal ones too: an object made immortal after it was created (the atomic manager's
            // deferred code objects, once a second thread starts) lives on when nothing reaches it,
            // and the references it holds are counted.
            if (!audit.nodes.containsKey(o) && !audit.isFreed(o)) {
                audit.nodes.put(o, new Node(null, null, audit.nodes.size()));
                audit.pending.addLast(o);
                audit.walk();
            }
        }
        return audit.compare(reachable, reachableReferences);
    }

    private void reach(ObjectHeader o, ObjectHeader from, Root root) {
        references++;
        Node node = nodes.get(o);
        if (node == null) {
            node = new Node(from, root, nodes.size());
            nodes.put(o, node);
            pending.addLast(o);
        }
        node.found++;
    }

    private void walk() {
        while (!pending.isEmpty()) {
            ObjectHeader o = pending.pollFirst();
            if (isFreed(o)) {
                continue; // its references were released with it; its storage is poisoned
            }
            Root root = nodes.get(o).root;
            o.traverse(child -> reach(child, o, root));
        }
    }

    private boolean isFreed(ObjectHeader o) {
        return o.isDeallocated() || memory.isFreed(o);
    }

    private Result compare(int reachable, long reachableReferences) {
        List<Map.Entry<ObjectHeader, Node>> entries = new ArrayList<>(nodes.entrySet());
        entries.sort((a, b) -> Integer.compare(a.getValue().order, b.getValue().order));
        List<Finding> findings = new ArrayList<>();
        int unreachable = 0;
        for (Map.Entry<ObjectHeader, Node> e : entries) {
            ObjectHeader o = e.getKey();
            Node node = e.getValue();
            List<ObjectHeader> path = node.root == null ? List.of() : pathTo(o);
            if (isFreed(o)) {
                findings.add(new Finding(Kind.FREED_WHILE_REFERENCED, o, node.found, 0, node.root, path));
                continue;
            }
            if (memory.isImmortal(o)) {
                continue;
            }
            long count = memory.refcount(o);
            if (count != node.found) {
                findings.add(new Finding(count > node.found ? Kind.LEAK : Kind.OVER_RELEASE, o, node.found, count,
                        node.root, path));
            } else if (node.root == null) {
                unreachable++;
            }
        }
        return new Result(reachable, reachableReferences, unreachable, findings);
    }

    /** The referrers through which the walk first reached {@code o}, root first. */
    private List<ObjectHeader> pathTo(ObjectHeader o) {
        ArrayDeque<ObjectHeader> path = new ArrayDeque<>();
        for (ObjectHeader p = nodes.get(o).parent; p != null; p = nodes.get(p).parent) {
            path.addFirst(p);
        }
        return new ArrayList<>(path);
    }
}
