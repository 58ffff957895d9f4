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
     * @param messageId the id of the row being delivered: a retry after a crash between the server's
     *                  acceptance and our commit sends the same Message-ID, which mail systems use to
     *                  drop the duplicate
     */
    public void send(String to, RenderedMail mail, java.util.UUID messageId) {
        Mail message = Mail.withText(to, mail.subject(), mail.text()).setHtml(mail.html());
        mail.headers().forEach(message::addHeader);
        message.addHeader("Message-ID", "<" + messageId + "@notifications.securebase>");
        mailer.send(message);
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
