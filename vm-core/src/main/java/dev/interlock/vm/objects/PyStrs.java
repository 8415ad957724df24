package dev.interlock.vm.objects;

/**
 * Immortal strings for the special names the interpreter looks up often, so a lookup of
 * {@code __iter__} or {@code __init__} allocates nothing. Compare CPython's {@code _Py_ID()}.
 */
public final class PyStrs {

    public static final PyStr ITER = PyStr.immortal("__iter__");
    public static final PyStr NEXT = PyStr.immortal("__next__");
    public static final PyStr INIT = PyStr.immortal("__init__");
    public static final PyStr NEW = PyStr.immortal("__new__");
    public static final PyStr CALL = PyStr.immortal("__call__");
    public static final PyStr ENTER = PyStr.immortal("__enter__");
    public static final PyStr EXIT = PyStr.immortal("__exit__");
    public static final PyStr NAME = PyStr.immortal("__name__");
    public static final PyStr QUALNAME = PyStr.immortal("__qualname__");
    public static final PyStr MODULE = PyStr.immortal("__module__");
    public static final PyStr DOC = PyStr.immortal("__doc__");
    public static final PyStr DICT = PyStr.immortal("__dict__");
    public static final PyStr CLASS = PyStr.immortal("__class__");
    public static final PyStr ALL = PyStr.immortal("__all__");
    public static final PyStr BUILTINS = PyStr.immortal("__builtins__");
    public static final PyStr DEL = PyStr.immortal("__del__");
    public static final PyStr LEN = PyStr.immortal("__len__");
    public static final PyStr GETITEM = PyStr.immortal("__getitem__");
    public static final PyStr REPR = PyStr.immortal("__repr__");
    public static final PyStr STR = PyStr.immortal("__str__");
    public static final PyStr CLASS_GETITEM = PyStr.immortal("__class_getitem__");
    public static final PyStr HASH = PyStr.immortal("__hash__");
    public static final PyStr EQ = PyStr.immortal("__eq__");
    public static final PyStr BOOL = PyStr.immortal("__bool__");
    public static final PyStr GET = PyStr.immortal("__get__");
    public static final PyStr SET = PyStr.immortal("__set__");
    public static final PyStr DELETE = PyStr.immortal("__delete__");
    public static final PyStr GETATTR = PyStr.immortal("__getattr__");
    public static final PyStr FORMAT = PyStr.immortal("__format__");
    public static final PyStr CONTAINS = PyStr.immortal("__contains__");
    public static final PyStr INDEX = PyStr.immortal("__index__");
    public static final PyStr CLASSCELL = PyStr.immortal("__classcell__");

    private PyStrs() {
    }
}
