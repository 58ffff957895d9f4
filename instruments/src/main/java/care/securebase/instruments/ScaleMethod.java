package care.securebase.instruments;

/** How a scale combines its items, after reverse keying. */
public enum ScaleMethod {
    /** The sum of the item values (a count of "yes" answers for yes/no items scored 0/1). */
    SUM,
    /** The arithmetic mean of the item values. */
    MEAN
}
