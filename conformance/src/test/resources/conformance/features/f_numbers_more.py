# tier: 1
# Numbers beyond the corpus: big ints, true/floor division and modulo signs, float formatting
# and rounding, int(), float(), conversions, bit operations, comparisons across types.
import math

big = 2 ** 100 + 12345
print(big, -big, big // 7, big % 7, -big // 7, -big % 7, divmod(big, -13), big.bit_length())
print(big >> 50, big << 3, big & 0xFFFF, big | 1, big ^ big, ~big, -(2 ** 63), 2 ** 63 - 1 + 1)
print(10 ** 20 / 3, 7 / 2, -7 / 2, 7 // -2, 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -3.0)
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324, float("1.7976931348623157e308"), 0.1 * 3, 1 / 3 * 3)
print(round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5), round(-1.5), round(123.456, -1), round(5, -1))
print(int(1e20), int(-2.9), int("  0b1010  ", 0), int("-0o17", 0), int("+42"), int("1" * 30), int(True) + True)
print(float("inf") > 10 ** 400, 10 ** 400 > 1e308, 2 ** 53 + 1 == float(2 ** 53 + 1), 0.1 + 0.2 == 0.3, -0.0 == 0.0)
print(abs(-2 ** 70), pow(3, -2), pow(10, 3, 7), pow(-3, 3, 5), 3 ** 40, (-2) ** 3, 2 ** -2, 0.5 ** -1)
print(hex(2 ** 64), oct(-(2 ** 40)), bin(2 ** 10 - 1), f"{2 ** 70:,}", f"{-1234567:_}", f"{255:o}", f"{3.5e-5:.3e}")
print(f"{1.5:g} {1e16:g} {1.23456789e-5:g} {123456789.0:g} {0.0001:g} {100000.0:g} {1e6:g}")
print(f"{3.14159:10.4f}|{-3.14159:<10.2f}|{3.14159:^+10.1f}|{1234.5:010,.1f}|{0.5:.0%}|{2/3:.3%}")
print(repr(1e22), repr(1e-7), repr(123456789012345678.0), repr(0.1), str(1.0e16), str(123.0), repr(-0.0))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.fabs(-3))
print(math.sqrt(16), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.inf, -math.inf, math.isnan(math.nan))
print(max(1, 2.5), min(-1, -1.0), sorted([3, 1.5, 2, -0.5]), sum([0.1] * 3), 3 * True, True / 2)
print(complex if False else "", isinstance(1, int), isinstance(1.0, int), (5).bit_length(), (-5).bit_length())
print(int.from_bytes if False else "", (1024).to_bytes if False else "", 17 .real, 17 .imag if False else "", float.is_integer(2.0))
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print(e)
try:
    int("12a")
except ValueError as e:
    print(e)
try:
    int("5", 1)
except ValueError as e:
    print(e)
try:
    2 ** 10000.0
except OverflowError as e:
    print(e)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
