package care.securebase.notifications;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.testing.BacklogMetricsContract;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A burst of due reminders, as a clinic network's morning brings: the dispatcher claims them a batch at a
 * time and sends each batch at once over pooled connections to the local GreenMail; each address must
 * get exactly one message, with the reminder's own Message-ID, each delivery its span in the reminder's
 * trace, one reminder-sent event and one count in the metrics.
 */
@QuarkusTest
class BatchDispatchTest {

    static final int REMINDERS = 300;

    @Inject
    AgroalDataSource db;
    @Inject
    EntityManager em;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void threeHundredDueRemindersAreMailedOnceEachWithTheirOwnMessageId() throws Exception {
        double sentBefore = sentCount();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<DueReminders.Due> due = DueReminders.insert(db, IntStream.range(0, REMINDERS)
                .mapToObj(i -> "batch-" + run + "-" + i + "@example.test").toList());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                DueReminders.rows(due).values().stream().allMatch(r -> r.status == DeliveryStatus.SENT));
        // A few more dispatcher rounds (1 s apart in tests) must not send any of them again.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

        Map<UUID, BoosterReminder> rows = DueReminders.rows(due);
        for (DueReminders.Due d : due) {
            BoosterReminder row = rows.get(d.reminderId());
            assertEquals(1, row.attempts, "sent at the first attempt: " + d.email());
            assertEquals(ContactChannel.EMAIL, row.channel);
            List<GreenMailApi.Received> mails = GreenMailApi.messagesFor(d.email());
            assertEquals(1, mails.size(), "exactly one message to " + d.email());
            String decoded = mails.get(0).decoded();
            String headers = decoded.substring(0, decoded.indexOf("\r\n\r\n"));
            assertTrue(headers.contains("Message-ID: " + d.messageId()), headers);
            assertEquals(1, ("\n" + headers).toLowerCase(Locale.ROOT).split("\nmessage-id:", -1).length - 1, headers);
        }

        // One reminder-sent event per reminder (each client has one), written with its row's mark.
        List<String> clients = due.stream().map(d -> d.clientId().toString()).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select event_key, count(*) from outbox_event where type = 'reminder-sent' and event_key in (:clients)
                group by event_key""").setParameter("clients", clients).getResultList());
        Map<String, Long> perClient = events.stream()
                .collect(Collectors.toMap(e -> (String) e[0], e -> ((Number) e[1]).longValue()));
        for (String client : clients) {
            assertEquals(1L, perClient.getOrDefault(client, 0L), "one reminder-sent for client " + client);
        }

        // Each delivery is a span in the trace that planned its reminder, with its SMTP hand-over inside.
        Map<String, List<SpanData>> byTrace = await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().collect(Collectors.groupingBy(SpanData::getTraceId)),
                traces -> due.stream().allMatch(d -> traces.getOrDefault(d.traceId(), List.of()).size() >= 2));
        for (DueReminders.Due d : due) {
            List<SpanData> trace = byTrace.get(d.traceId());
            SpanData delivery = trace.stream().filter(s -> s.getName().equals("deliver booster-reminder"))
                    .findFirst().orElseThrow(() -> new AssertionError("no delivery span in " + trace));
            assertEquals(d.reminderId().toString(), attribute(delivery, "securebase.delivery.id"));
            assertEquals("SENT", attribute(delivery, "securebase.delivery.status"));
            assertTrue(trace.stream().anyMatch(s -> s.getName().equals("smtp send")
                    && s.getParentSpanId().equals(delivery.getSpanId())), "smtp send inside " + delivery);
        }

        assertTrue(sentCount() - sentBefore >= REMINDERS, "counted as sent: " + (sentCount() - sentBefore));
    }

    private static double sentCount() {
        return BacklogMetricsContract.scrape().value("securebase_notifications_deliveries_total",
                Map.of("kind", "booster-reminder", "outcome", "sent")).orElseThrow();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(key))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null);
    }
}
