# tier: 1
# Strings beyond the corpus: slicing, methods with their edge cases, formatting corners.
s = "Hello, World! Hello!"
print(s[::2], s[-6:], s[100:], s[-100:3], s[5:1], s[::-3], len(s), s * 0, "" * 5)
print(s.split("Hello"), s.split(" ", 1), s.rsplit(" ", 1), "a  b".split(" "), "  a b  ".split(), "".split(), "".split(","))
print(s.replace("Hello", "Bye"), s.replace("l", "", 2), s.replace("", "-")[:12], "aaa".replace("a", "b", 0))
print(s.find("o", 5), s.find("o", 5, 7), s.rfind("Hello"), s.index("World"), s.count("l", 3, 12), s.count(""))
print("abc".startswith("b", 1), "abc".endswith(("x", "bc")), "abc".startswith(""), "x".join("abc"), ",".join([]))
print("  \t spaced \n".strip(), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "..a..".strip("."), "abc".strip("cab"))
print("hello world".title(), "HELLO".lower(), "MiXeD".swapcase(), "ß".lower(), "ǅ".upper(), "straße".upper())
print("a\tb\tc".expandtabs(), "x".center(6, "*"), "x".center(5), "42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2))
print("one\ntwo\r\nthree\rfour".splitlines(), "a,b;c".split(";"), "k=v=w".partition("="), "k=v=w".rpartition("="), "kv".partition("="))
print("%-6s|%6s|%.2s|%c|%5.1f|%+d|%x|%X|%o|%e|%g|%%" % ("ab", "cd", "xyz", "q", 2.25, 5, 255, 255, 8, 1234.5, 0.00001))
print("%(a)s-%(b)d" % {"a": "x", "b": 3}, "%s" % (1,), "%r %a" % ("é", "é"), "%5s|%-5s|" % ("α", "β"))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:,}|{:.2e}|{:b}|{:#o}|{:#X}".format("r", "l", "c", "s", 3.14159, 1234567, 12345.678, 10, 8, 255))
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3), "{!s:>5}{!r:<6}|".format(1, "x"), "{{}}".format())
print(str(None), str(True), repr(None), repr("a'b\"c"), repr("\\"), repr("\x07\x1b"), ascii("日本"), str([1, "a"]))
print("abc" < "abd", "Z" < "a", "abc" < "ab", sorted(["b", "B", "a", "A"]), max("hello"), min("hello"), "b" in "abc")
print("".join(reversed("stressed")), "abc"[1], "abc"[-1], list("hi"), tuple("hi"), set("aab") == {"a", "b"})
print("x".isalpha(), "".isalpha(), "3".isnumeric(), "³".isdigit(), "½".isnumeric(), "A1".isupper(), "a b".islower(), "\n".isprintable())
print(f"{'nested {braces}'}", f"{3 + 4 = }", f"{'q'!r:>5}", f"{[1, 2]!s}", f"{12:{'>'}{6}}", f"{'%'}")
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "abc"[5]
except IndexError as e:
    print(e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print(e)
