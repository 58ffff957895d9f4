package care.securebase.notifications.delivery;

import care.securebase.notifications.mail.MailComposer.RenderedMail;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands a composed message to the SMTP server; returns only once the server accepted it. Each hand-over
 * is a client span ({@code smtp send}) in the delivery's trace, with the server and, on failure, the
 * error's type: never the recipient, the subject or the server's reply.
 */
@ApplicationScoped
public class MailSender {

    private final Mailer mailer;
    private final Tracer tracer;
    private final String host;
    private final int port;

    public MailSender(Mailer mailer, Tracer tracer, @ConfigProperty(name = "quarkus.mailer.host") String host,
                      @ConfigProperty(name = "quarkus.mailer.port") int port) {
        this.mailer = mailer;
        this.tracer = tracer;
        this.host = host;
        this.port = port;
    }

    /**
     * With a Message-ID of our own, the same for every attempt: when the SMTP server took a message
     * but its reply was lost (connection cut), the retry is the same message again, which mail
     * servers and clients recognise as one, instead of a second reminder.
     */
    public void send(String to, RenderedMail mail, String messageId) {
        Mail message = Mail.withText(to, mail.subject(), mail.text()).setHtml(mail.html());
        mail.headers().forEach(message::addHeader);
        if (messageId != null) {
            message.addHeader("Message-ID", messageId);
        }
        Span span = tracer.spanBuilder("smtp send").setSpanKind(SpanKind.CLIENT)
                .setAttribute("server.address", host).setAttribute("server.port", (long) port)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            mailer.send(message);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute("error.type", reasonOf(e).substring("send-failed:".length()));
            throw e;
        } finally {
            span.end();
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
