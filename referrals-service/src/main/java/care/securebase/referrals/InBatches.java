package care.securebase.referrals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Rows looked up by many ids, a hundred ids per statement. With one list of thousands (a board of a
 * clinic's open referrals) PostgreSQL reads the whole table rather than its index.
 */
final class InBatches {

    static final int SIZE = 100;

    private InBatches() {
    }

    static <K, T> List<T> list(Collection<K> ids, Function<List<K>, List<T>> query) {
        List<K> all = List.copyOf(ids);
        List<T> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + SIZE))));
        }
        return found;
    }
}
