package care.securebase.notifications.delivery;

import care.securebase.notifications.mail.MailComposer.RenderedMail;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands composed messages to the SMTP server, a batch at a time, several at once over the mailer's pool
 * of kept-alive connections; a batch returns only once the server accepted or refused each message (or
 * it timed out). Each hand-over is a client span ({@code smtp send}) in its delivery's trace, with the
 * server and, on failure, the error's type: never the recipient, the subject or the server's reply.
 */
@ApplicationScoped
public class MailSender {

    private final ReactiveMailer mailer;
    private final Tracer tracer;
    private final DeliveryConfig config;
    private final String host;
    private final int port;
    private final Duration timeout;

    public MailSender(ReactiveMailer mailer, Tracer tracer, DeliveryConfig config,
                      @ConfigProperty(name = "quarkus.mailer.host") String host,
                      @ConfigProperty(name = "quarkus.mailer.port") int port,
                      @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.mailer = mailer;
        this.tracer = tracer;
        this.config = config;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** What became of one message of a batch; told on the thread that sent the batch. */
    public interface Outcome {
        void sent();

        void failed(Throwable failure);
    }

    public Batch batch() {
        return new Batch();
    }

    /** The messages of one dispatcher transaction. */
    public final class Batch {

        private record Outgoing(int index, Mail mail, Context trace, Outcome outcome) {
        }

        private record Result(Outgoing message, Throwable failure, boolean tried) {
        }

        private final List<Outgoing> messages = new ArrayList<>();

        /**
         * With a Message-ID of our own, the same for every attempt: when the SMTP server took a message
         * but its reply was lost (connection cut, or a crash before the batch's transaction committed),
         * the retry is the same message again, which mail servers and clients recognise as one, instead
         * of a second reminder. Its {@code smtp send} span is a child of the span current now.
         */
        public void add(String to, RenderedMail rendered, String messageId, Outcome outcome) {
            Mail mail = Mail.withText(to, rendered.subject(), rendered.text()).setHtml(rendered.html());
            rendered.headers().forEach(mail::addHeader);
            if (messageId != null) {
                mail.addHeader("Message-ID", messageId);
            }
            messages.add(new Outgoing(messages.size(), mail, Context.current(), outcome));
        }

        /**
         * Sends them all, {@code securebase.delivery.concurrency} at a time, then tells each outcome in the
         * order they were added. A message not started within the mailer's timeout of the first (a server
         * that hangs) is not tried now and told nothing: its row stays as it was for a later round, so a
         * batch ends within two timeouts, well inside its transaction's.
         */
        public void send() {
            if (messages.isEmpty()) {
                return;
            }
            Instant deadline = Instant.now().plus(timeout);
            List<Result> results = new ArrayList<>(Multi.createFrom().iterable(messages)
                    .onItem().transformToUni(message -> attempt(message, deadline))
                    .merge(config.concurrency())
                    .collect().asList()
                    .await().indefinitely());
            results.sort(Comparator.comparingInt(r -> r.message().index()));
            for (Result result : results) {
                if (!result.tried()) {
                    continue;
                }
                if (result.failure() == null) {
                    result.message().outcome().sent();
                } else {
                    result.message().outcome().failed(result.failure());
                }
            }
        }

        private Uni<Result> attempt(Outgoing message, Instant deadline) {
            return Uni.createFrom().deferred(() -> {
                if (Instant.now().isAfter(deadline)) {
                    return Uni.createFrom().item(new Result(message, null, false));
                }
                Span span = tracer.spanBuilder("smtp send").setParent(message.trace()).setSpanKind(SpanKind.CLIENT)
                        .setAttribute("server.address", host).setAttribute("server.port", (long) port)
                        .startSpan();
                return Uni.createFrom().deferred(() -> mailer.send(message.mail()))
                        .ifNoItem().after(timeout).fail()
                        .onItemOrFailure().transform((ignored, failure) -> {
                            if (failure != null) {
                                span.setStatus(StatusCode.ERROR);
                                span.setAttribute("error.type", reasonOf(failure).substring("send-failed:".length()));
                            }
                            span.end();
                            return new Result(message, failure, true);
                        });
            });
        }
    }

    /** A stable Message-ID for one message of ours: {@code <kind.id@securebase.test>}. */
    public static String messageId(String kind, java.util.UUID id) {
        return "<" + kind + "." + id + "@securebase.test>";
    }

    /**
     * A failure as stored in a row's reason: the root cause's type only. Messages are left out: an
     * SMTP server's reply can echo the recipient address.
     */
    public static String reasonOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = "send-failed:" + root.getClass().getSimpleName();
        return reason.length() > 40 ? reason.substring(0, 40) : reason;
    }
}
