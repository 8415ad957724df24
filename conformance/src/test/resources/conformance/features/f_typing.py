# tier: 1
# Type hints: typing names, list[int]-style generic aliases, __class_getitem__, annotations.
from typing import List, Dict, Optional, Union, Tuple, Callable, Any, TypeVar, Generic, cast
T = TypeVar("T")
def f(xs: List[int], m: Dict[str, int], o: Optional[str] = None) -> Tuple[int, ...]:
    return tuple(xs)
print(f([1, 2], {}), List[int], Dict[str, int], Optional[str], Union[int, str], Any, T)
print(Callable[[int], str], cast(int, "x"), Union[int, None], List)
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
print(Box(3).item, Box[int](4).item)
print(list[int], dict[str, list[int]], tuple[int, ...], list[int]([1]), list[int] == list[int], type(list[int]).__name__, type[int])
def g(x: list[str], *, n: int = 0) -> dict[str, int]: return {}
print(g.__annotations__)
