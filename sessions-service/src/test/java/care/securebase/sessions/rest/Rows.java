package care.securebase.sessions.rest;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Row counts, to check that a refused request wrote nothing. */
final class Rows {

    private Rows() {
    }

    static long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}
