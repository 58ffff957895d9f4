package care.securebase.notifications.rest;

import care.securebase.kit.input.Paging;
import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import care.securebase.notifications.DeliveryStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The delivery log: "was this client reminded, when, how". Kinds, channels, times, attempts and
 * reasons; never a message's body or address.
 */
@Path("/deliveries")
@Tag(name = "Delivery log")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    /** The kinds of message the log holds (the {@code kind} column). */
    public enum Kind {
        BOOSTER_REMINDER, CHECK_IN, APPOINTMENT_REMINDER, PARTNER_NOTICE, STAFF_ON_CALL_RISK, STAFF_MISSED_BOOSTER,
        STAFF_REFERRAL_OVERDUE, STAFF_CONTACT_OPTED_OUT, STAFF_DELIVERY_FAILED, STAFF_CHECK_IN_RISK,
        STAFF_CHECK_IN_DETERIORATION, STAFF_CHECK_IN_WARNING_SIGNS, STAFF_CHECK_INS_MISSED,
        STAFF_APPOINTMENT_CANCEL_REQUESTED
    }

    @Schema(name = "Delivery", description = "One message and what became of it")
    public record DeliveryView(
            UUID id,
            @Schema(examples = "BOOSTER_REMINDER") String kind,
            String clinicId,
            UUID clientId,
            @Schema(description = "The booster, check-in, session, referral, intake or delivery it is about")
            UUID subjectId,
            @Schema(examples = "EMAIL") String channel,
            DeliveryStatus status,
            int attempts,
            @Schema(examples = "quiet-hours") String reason,
            @Schema(description = "When it was (first) due") Instant dueAt,
            @Schema(description = "When it is looked at next while pending") Instant nextAttemptAt,
            Instant sentAt,
            Instant createdAt) {
    }

    @Schema(name = "DeliveryPage")
    public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    private final EntityManager em;
    private final Caller caller;

    public DeliveryResource(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The delivery log, newest first",
            description = "Clinicians see the messages to and about their own clinic's clients (reminders, check-ins, "
                    + "partner notices); clinic-admins see everything, including staff notices. from/to bound the due time.")
    public DeliveryPage list(@QueryParam("clientId") UUID clientId,
                             @QueryParam("status") DeliveryStatus status,
                             @QueryParam("kind") Kind kind,
                             @QueryParam("from") Instant from,
                             @QueryParam("to") Instant to,
                             @Valid @BeanParam Paging.Standard paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!caller.seesAllClinics()) {
            where.append(" and clinic_id = :clinic and kind in ('BOOSTER_REMINDER', 'CHECK_IN', 'APPOINTMENT_REMINDER',"
                    + " 'PARTNER_NOTICE')");
            params.put("clinic", caller.requireClinic());
        }
        if (clientId != null) {
            where.append(" and client_id = :client");
            params.put("client", clientId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind.name());
        }
        if (from != null) {
            where.append(" and due_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and due_at < :to");
            params.put("to", Timestamp.from(to));
        }
        var count = em.createNativeQuery("select count(*) from delivery_log" + where);
        var query = em.createNativeQuery("""
                select id, kind, clinic_id, client_id, subject_id, channel, status, attempts, reason, due_at,
                    next_attempt_at, sent_at, created_at from delivery_log""" + where
                + " order by coalesce(sent_at, due_at) desc, id limit :limit offset :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        query.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        List<DeliveryView> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new DeliveryView((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (UUID) r[4],
                    (String) r[5], DeliveryStatus.valueOf((String) r[6]), ((Number) r[7]).intValue(), (String) r[8],
                    toInstant(r[9]), toInstant(r[10]), toInstant(r[11]), toInstant(r[12])));
        }
        return new DeliveryPage(items, paging.page(), paging.size(), total);
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }
}
