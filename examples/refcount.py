# The classic GIL article's reference-count example: the argument passed to
# sys.getrefcount is itself one more reference, so a list held by two names shows 3.
import sys

a = []
b = a
print(sys.getrefcount(a))
