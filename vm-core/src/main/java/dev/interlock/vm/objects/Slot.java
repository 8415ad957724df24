package dev.interlock.vm.objects;

/**
 * The special methods a class defined in Python may provide, which the interpreter calls on its
 * behalf ({@code __repr__}, {@code __add__}, {@code __getitem__}...). A heap type resolves each
 * along its MRO once and caches the result, as CPython fills a type's slots when the class is
 * created (and again when it changes).
 */
public enum Slot {
    NEW("__new__"),
    INIT("__init__"),
    DEL("__del__"),
    REPR("__repr__"),
    STR("__str__"),
    FORMAT("__format__"),
    HASH("__hash__"),
    BOOL("__bool__"),
    LEN("__len__"),
    GETATTRIBUTE("__getattribute__"),
    GETATTR("__getattr__"),
    SETATTR("__setattr__"),
    DELATTR("__delattr__"),
    GET("__get__"),
    SET("__set__"),
    DELETE("__delete__"),
    CALL("__call__"),
    ITER("__iter__"),
    NEXT("__next__"),
    REVERSED("__reversed__"),
    CONTAINS("__contains__"),
    GETITEM("__getitem__"),
    SETITEM("__setitem__"),
    DELITEM("__delitem__"),
    MISSING("__missing__"),
    ENTER("__enter__"),
    EXIT("__exit__"),
    LT("__lt__"),
    LE("__le__"),
    EQ("__eq__"),
    NE("__ne__"),
    GT("__gt__"),
    GE("__ge__"),
    NEG("__neg__"),
    POS("__pos__"),
    INVERT("__invert__"),
    ABS("__abs__"),
    INDEX("__index__"),
    INT("__int__"),
    FLOAT("__float__"),
    ROUND("__round__"),
    INIT_SUBCLASS("__init_subclass__"),
    SET_NAME("__set_name__"),
    CLASS_GETITEM("__class_getitem__");

    private final String method;
    private final PyStr name;

    Slot(String method) {
        this.method = method;
        this.name = PyStr.immortal(method);
    }

    /** The special method's name. */
    public String method() {
        return method;
    }

    /** The name as an immortal str. */
    public PyStr pyName() {
        return name;
    }

    private static final Slot[] COMPARE = {LT, LE, EQ, NE, GT, GE};

    /** The rich-comparison slot for a {@code Compare} operator code. */
    public static Slot forCompare(int op) {
        return COMPARE[op];
    }
}
