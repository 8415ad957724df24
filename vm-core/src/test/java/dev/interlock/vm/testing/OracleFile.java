package dev.interlock.vm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an oracle file written by one of the scripts under {@code src/test/python}: named cases,
 * each made of parts. A case starts with {@code ### NAME}, its first part is {@code source}, each
 * {@code ### PART} line starts another part, and {@code ### end} closes the case. Lines before the
 * first case are comments. Each part's text keeps its lines, each ended by a newline.
 */
public final class OracleFile {

    private OracleFile() {
    }

    /** The cases of the resource {@code name}, next to {@code owner}, in file order: case name to part name to text. */
    public static Map<String, Map<String, String>> read(Class<?> owner, String name) {
        String text;
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " next to " + owner.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        String current = null;
        String part = null;
        Map<String, StringBuilder> parts = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("### ")) {
                String marker = line.substring(4);
                if (current == null) {
                    current = marker;
                    part = "source";
                    parts = new LinkedHashMap<>();
                    parts.put(part, new StringBuilder());
                } else if (marker.equals("end")) {
                    Map<String, String> done = new LinkedHashMap<>();
                    parts.forEach((k, v) -> done.put(k, v.toString()));
                    cases.put(current, Collections.unmodifiableMap(done));
                    current = null;
                } else {
                    part = marker;
                    parts.put(part, new StringBuilder());
                }
            } else if (current != null) {
                parts.get(part).append(line).append('\n');
            }
        }
        if (current != null) {
            throw new IllegalStateException(name + ": case " + current + " has no '### end'");
        }
        return Collections.unmodifiableMap(cases);
    }
}
