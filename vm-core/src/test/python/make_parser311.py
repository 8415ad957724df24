"""Regenerates ParserTest's oracles with CPython 3.11 (python3 on the development machine is 3.11.7).

    python3 vm-core/src/test/python/make_parser311.py ast > vm-core/src/test/resources/dev/interlock/vm/parser/ast-3.11.txt
    python3 vm-core/src/test/python/make_parser311.py errors > vm-core/src/test/resources/dev/interlock/vm/parser/syntax-errors-3.11.txt

ast: for each source, ast.dump(ast.parse(source)).
errors: for each source run as a program file (python3 FILE), the SyntaxError's type, msg, lineno
and offset, and what python3 prints to stderr, with the file's path replaced by <test>. The fields
come from PyRun_SimpleFileExFlags, which is what `python3 FILE` calls: at the end of a file they
differ from compile()'s (column 0 instead of one past the last line), and Interlock follows the file.
"""
import ctypes
import ast
import os
import subprocess
import sys
import tempfile

assert sys.version_info[:2] == (3, 11), "run this with CPython 3.11"

AST_CASES = {
    "arithmetic_precedence": "x = 1 + 2 * 3 ** -4 // 5 - (6 - 7)\n",
    "power_binds_tighter_than_unary_minus": "y = -2 ** 2\n",
    "boolean_precedence": "z = not a == b and c or d\n",
    "bitwise_precedence": "w = a | b ^ c & d << 1 >> 2 + 3\n",
    "chained_comparison": "a < b <= c != d is not e not in f\n",
    "call_with_keywords_and_unpacking": "f(1, *args, k=2, **kw)\n",
    "attribute_call_subscript_chain": "obj.method(x)[0].attr\n",
    "list_comprehension_two_fors": "[x * y for x in range(3) if x for y in xs]\n",
    "dict_comprehension": "{k: v for k, v in items}\n",
    "generator_argument": "sum(x for x in xs)\n",
    "lambda_all_parameter_kinds": "lambda a, b=1, *args, c, d=2, **kw: a + b\n",
    "slices": "s[1:2], s[::2], s[:-1, 3], s[i]\n",
    "fstring_parts": "f'a{x!r:>{w}}b{y}c'\n",
    "conditional_and_walrus": "v = (n := 10) if n else -n\n",
    "starred_assignment": "a, *b = c\n",
    "displays": "x = [1, 'a'], (2,), {'k': v, **m}, ()\n",
    "function_definition": "def f(a, /, b=2, *, c, **kw):\n    global g\n    return a\n",
    "if_elif_else": "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n",
    "for_else_while": "for i in range(3):\n    break\nelse:\n    continue\nwhile x:\n    x -= 1\n",
    "try_except_else_finally": "try:\n    f()\nexcept (KeyError, ValueError) as e:\n    raise X from e\nexcept:\n    pass\nelse:\n    g()\nfinally:\n    h()\n",
    "with_items": "with a as b, c:\n    pass\n",
    "imports": "import os.path as p, sys\nfrom . import x\nfrom .. m import (a as b, c)\n",
    "annotated_and_augmented": "x: int = 5\nx += 1\ndel x, y[0]\nassert x, 'msg'\n",
    "nonlocal_in_closure": "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n    return inner\n",
    "decorated_function": "@dec\n@mod.dec(1)\ndef f(x: int) -> str:\n    return str(x)\n",
    "string_concatenation": "s = 'a' \"b\" '''c'''\n",
    "constants": "t = (None, True, False, ..., 0x1f, 1_000, 2.5)\n",
}

ERROR_CASES = {
    "assignment_in_if": "if x = 1:\n    pass\n",
    "assign_to_call": "f() = 1\n",
    "print_statement": "print \"x\"\n",
    "bad_parameter_list": "def f(:\n    pass\n",
    "missing_colon": "if x\n    pass\n",
    "missing_colon_before_statement": "for x in range(3) print(x)\n",
    "unexpected_indent": "x = 1\n    y = 2\n",
    "expected_indented_block": "if x:\npass\n",
    "expected_indented_block_after_def": "def f():\n\nx = 1\n",
    "expected_indented_block_at_eof": "while x:\n",
    "two_names": "a b\n",
    "assign_to_literal": "1 = x\n",
    "delete_call": "del f()\n",
    "positional_after_keyword": "f(a=1, b)\n",
    "iterable_unpacking_after_keyword_unpacking": "f(**k, *a)\n",
    "unclosed_bracket": "x = (1, 2\ny = 3\n",
    "else_without_if": "else:\n    pass\n",
    "double_comma": "x = [1, 2,, 3]\n",
    "tuple_augmented_assignment": "(a, b) += 1\n",
    "unparenthesized_generator": "f(x for x in y, 1)\n",
    "try_without_handlers": "try:\n    pass\nx = 1\n",
    "import_nothing": "import\n",
    "incomplete_expression": "x = 1 +\n",
    "bare_star": "def f(*):\n    pass\n",
    "dict_missing_colon": "x = {1: 2, 3}\n",
    "assign_to_true": "True = 1\n",
    "double_equals": "x.y = = 2\n",
    "missing_return_annotation": "def f() -> :\n    pass\n",
    "forgot_comma": "print(\"a\" \"b\" c)\n",
    "no_comma_hint_outside_brackets": "x = a b\n",
    "if_header_then_statement": "if x print(1)\n",
    "while_header_then_name": "while x y\n",
    "for_header_then_name": "for x in y z\n",
    "with_header_then_name": "with a b\n",
    "class_header_then_name": "class C x\n",
    "def_forced_colon": "def f() x\n",
    "try_forced_colon": "try x\n",
    "finally_forced_colon": "try:\n    pass\nfinally x\n",
    "else_forced_colon": "if x:\n    pass\nelse x\n",
    "bare_except_missing_colon": "try:\n    pass\nexcept\n",
    "except_type_then_name": "try:\n    pass\nexcept E x\n",
    "lambda_missing_colon": "lambda x 1\n",
    "dict_missing_colon_longer_key": "x = {1: 2, 3 + 4}\n",
    "positional_after_keyword_then_more": "f(a=1, b, c=2)\n",
    "positional_after_keyword_unpacking": "f(**k, b)\n",
    "assign_to_none": "None = 1\n",
    "if_expression_without_else": "x = 1 if y\n",
    "unindent_mismatch_before_elif": "if x:\n    pass\n  elif y:\n",
    "expected_indented_block_at_eof_after_blank_lines": "while x:\n\n\n",
    "expected_indented_block_at_eof_nested": "def f():\n    if x:\n",
}


def dump_ast():
    print("# Generated by vm-core/src/test/python/make_parser311.py with CPython", sys.version.split()[0])
    for name, source in AST_CASES.items():
        print(f"### {name}")
        print(source, end="")
        print("### ast")
        print(ast.dump(ast.parse(source)))
        print("### end")


def file_mode_error(path):
    """The SyntaxError python3 reports for the program file at path (via PyRun_SimpleFileExFlags)."""
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    run = ctypes.pythonapi.PyRun_SimpleFileExFlags
    run.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
    seen = []
    saved = sys.excepthook
    sys.excepthook = lambda t, v, tb: seen.append(v)
    try:
        run(libc.fopen(path.encode(), b"r"), path.encode(), 1, None)
    finally:
        sys.excepthook = saved
    assert len(seen) == 1 and isinstance(seen[0], SyntaxError), seen
    return seen[0]


def dump_errors():
    print("# Generated by vm-core/src/test/python/make_parser311.py with CPython", sys.version.split()[0])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "prog.py")
        for name, source in ERROR_CASES.items():
            with open(path, "w") as f:
                f.write(source)
            e = file_mode_error(path)
            run = subprocess.run([sys.executable, path], capture_output=True, text=True)
            print(f"### {name}")
            print(source, end="")
            print("### error")
            print(f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}")
            print("### stderr")
            print(run.stderr.replace(path, "<test>"), end="")
            print("### end")


{"ast": dump_ast, "errors": dump_errors}[sys.argv[1]]()
