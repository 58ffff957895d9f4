package care.securebase.notifications.delivery;

import care.securebase.notifications.mail.MailComposer.RenderedMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands a composed message to the SMTP server; returns only once the server accepted it. */
@ApplicationScoped
public class MailSender {

    private final Mailer mailer;

    public MailSender(Mailer mailer) {
        this.mailer = mailer;
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
        mailer.send(message);
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
