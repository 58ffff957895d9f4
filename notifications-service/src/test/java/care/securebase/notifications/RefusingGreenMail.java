package care.securebase.notifications;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.function.Predicate;

/**
 * GreenMail that answers {@code RCPT TO} with a transient refusal (451) for the recipients a test names,
 * as a mail server does for a mailbox it cannot take now: part of a batch fails, the rest is accepted.
 * GreenMail keeps the managers it was given before it starts; its own SMTP manager accepts everyone.
 */
final class RefusingGreenMail extends GreenMail {

    RefusingGreenMail(ServerSetup setup, Predicate<String> refuse) {
        super(setup);
        managers = new Managers() {
            private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    return refuse.test(recipient.getEmail()) ? "451 4.2.1 Mailbox busy, try again later" : null;
                }
            };

            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
            }
        };
    }
}
