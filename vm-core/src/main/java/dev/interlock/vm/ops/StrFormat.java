package dev.interlock.vm.ops;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;

/**
 * {@code str.format}: replacement fields {@code {name!conv:spec}} with automatic or manual
 * numbering, attribute ({@code .name}) and item ({@code [key]}) access, and nested fields inside
 * the spec. Compare CPython's {@code Objects/stringlib/unicode_format.h}.
 */
public final class StrFormat {

    private StrFormat() {
    }

    /** Formats {@code template} with vectorcall-style arguments. */
    public static String format(String template, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        return new Run(template, args, start, nargs, kwnames, null).render(template, 2);
    }

    /** {@code template.format_map(mapping)}: named fields are looked up with {@code mapping[name]}. */
    public static String formatMap(String template, PyObject mapping) {
        return new Run(template, new PyObject[0], 0, 0, null, mapping).render(template, 2);
    }

    private static final class Run {
        private final PyObject[] args;
        private final int start;
        private final int nargs;
        private final PyTuple kwnames;
        private final PyObject mapping;
        private int autoIndex;
        private boolean usedAuto;
        private boolean usedManual;

        Run(String template, PyObject[] args, int start, int nargs, PyTuple kwnames, PyObject mapping) {
            this.mapping = mapping;
            this.args = args;
            this.start = start;
            this.nargs = nargs;
            this.kwnames = kwnames;
        }

        String render(String s, int depth) {
            if (depth < 0) {
                throw Errors.valueError("Max string recursion exceeded");
            }
            StringBuilder out = new StringBuilder();
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '{') {
                    if (i + 1 < n && s.charAt(i + 1) == '{') {
                        out.append('{');
                        i += 2;
                        continue;
                    }
                    int end = matchingBrace(s, i);
                    if (end < 0) {
                        throw Errors.valueError("expected '}' before end of string");
                    }
                    out.append(field(s.substring(i + 1, end), depth));
                    i = end + 1;
                } else if (c == '}') {
                    if (i + 1 < n && s.charAt(i + 1) == '}') {
                        out.append('}');
                        i += 2;
                        continue;
                    }
                    throw Errors.valueError("Single '}' encountered in format string");
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private static int matchingBrace(String s, int open) {
            int depth = 0;
            for (int i = open; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                } else if (c == '[' && depth == 1) {
                    // item keys may contain braces literally: skip to the closing bracket
                    int close = s.indexOf(']', i);
                    if (close > 0) {
                        i = close;
                    }
                }
            }
            return -1;
        }

        private String field(String body, int depth) {
            int colon = -1;
            int bang = -1;
            int bracket = 0;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '[') {
                    bracket++;
                } else if (c == ']') {
                    bracket--;
                } else if (bracket == 0 && c == '!' && bang < 0 && colon < 0) {
                    bang = i;
                } else if (bracket == 0 && c == ':' && colon < 0) {
                    colon = i;
                    break;
                }
            }
            String name = body.substring(0, bang >= 0 ? bang : colon >= 0 ? colon : body.length());
            String conversion = null;
            if (bang >= 0) {
                conversion = body.substring(bang + 1, colon >= 0 ? colon : body.length());
                if (conversion.length() != 1) {
                    throw Errors.valueError(conversion.isEmpty() && colon < 0
                            ? "end of string while looking for conversion specifier"
                            : "expected ':' after conversion specifier");
                }
            }
            String spec = colon >= 0 ? body.substring(colon + 1) : "";
            if (spec.indexOf('{') >= 0) {
                spec = render(spec, depth - 1);
            }
            PyObject value = lookup(name);
            try {
                if (conversion != null) {
                    String text;
                    switch (conversion.charAt(0)) {
                        case 'r':
                            text = value.repr();
                            break;
                        case 's':
                            text = value.str();
                            break;
                        case 'a':
                            text = Ascii.ascii(value.repr());
                            break;
                        default:
                            throw Errors.valueError("Unknown conversion specifier " + conversion);
                    }
                    return Formatter.formatString(text, spec);
                }
                return value.format(spec);
            } finally {
                Refs.decref(value);
            }
        }

        /** Resolves {@code arg_name(.attr|[key])*} to a new reference. */
        private PyObject lookup(String name) {
            int i = 0;
            int n = name.length();
            while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') {
                i++;
            }
            String first = name.substring(0, i);
            PyObject value;
            if (first.isEmpty()) {
                if (usedManual) {
                    throw Errors.valueError("cannot switch from manual field specification to automatic field numbering");
                }
                usedAuto = true;
                value = positional(autoIndex++);
            } else if (first.chars().allMatch(Character::isDigit)) {
                if (usedAuto) {
                    throw Errors.valueError("cannot switch from automatic field numbering to manual field specification");
                }
                usedManual = true;
                value = positional(Integer.parseInt(first));
            } else {
                value = keyword(first);
            }
            while (i < n) {
                char c = name.charAt(i);
                if (c == '.') {
                    int j = i + 1;
                    while (j < n && name.charAt(j) != '.' && name.charAt(j) != '[') {
                        j++;
                    }
                    String attr = name.substring(i + 1, j);
                    if (attr.isEmpty()) {
                        Refs.decref(value);
                        throw Errors.valueError("Empty attribute in format string");
                    }
                    PyStr key = PyStr.of(attr);
                    try {
                        PyObject next = value.getAttribute(key);
                        Refs.decref(value);
                        value = next;
                    } finally {
                        Refs.decref(key);
                    }
                    i = j;
                } else if (c == '[') {
                    int close = name.indexOf(']', i);
                    if (close < 0) {
                        Refs.decref(value);
                        throw Errors.valueError("Missing ']' in format string");
                    }
                    String k = name.substring(i + 1, close);
                    PyObject key = k.chars().allMatch(Character::isDigit) && !k.isEmpty()
                            ? PyInt.of(Long.parseLong(k)) : PyStr.of(k);
                    try {
                        PyObject next = value.getItem(key);
                        Refs.decref(value);
                        value = next;
                    } finally {
                        Refs.decref(key);
                    }
                    i = close + 1;
                } else {
                    Refs.decref(value);
                    throw Errors.valueError("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            return value;
        }

        private PyObject positional(int index) {
            if (index >= nargs) {
                throw Errors.of(dev.interlock.vm.objects.ExceptionTypes.INDEX_ERROR,
                        "Replacement index " + index + " out of range for positional args tuple");
            }
            return Refs.newRef(args[start + index]);
        }

        private PyObject keyword(String name) {
            if (mapping != null) {
                PyStr key = PyStr.of(name);
                try {
                    return mapping.getItem(key);
                } finally {
                    Refs.decref(key);
                }
            }
            if (kwnames != null) {
                for (int k = 0; k < kwnames.size(); k++) {
                    if (((PyStr) kwnames.get(k)).value().equals(name)) {
                        return Refs.newRef(args[start + nargs + k]);
                    }
                }
            }
            PyStr key = PyStr.of(name);
            try {
                throw Errors.keyError(key);
            } finally {
                Refs.decref(key);
            }
        }
    }
}
