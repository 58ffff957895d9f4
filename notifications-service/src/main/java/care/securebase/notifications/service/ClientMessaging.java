package care.securebase.notifications.service;

import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ClientMessage;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.ContactConsent;
import care.securebase.notifications.ContactOptOut;
import care.securebase.notifications.delivery.DeliveryConfig;
import care.securebase.notifications.delivery.DeliveryMetrics;
import care.securebase.notifications.delivery.MailSender;
import care.securebase.notifications.delivery.ReminderRouting;
import care.securebase.notifications.mail.MailComposer.RenderedMail;
import care.securebase.notifications.optout.OptOutTokens;
import care.securebase.notifications.scheduling.RemindersConfig;
import care.securebase.notifications.settings.Settings;
import care.securebase.notifications.settings.SettingsService;
import care.securebase.notifications.sms.SmsGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Carries out the routing of one due client message, whatever it is about (a booster, a session, a
 * check-in): the same channel, consent, opt-out and quiet-hours rules ({@link ReminderRouting}), the same
 * retries, Message-ID, metrics and report of a message given up. Runs in the transaction that claimed the row.
 */
@ApplicationScoped
public class ClientMessaging {

    private static final Logger LOG = Logger.getLogger(ClientMessaging.class);

    /** What the message says; only {@link care.securebase.notifications.mail.MailComposer} writes it. */
    public interface Compose {
        RenderedMail mail(ClientContact contact, Settings clinic, String optOutLink);

        String sms(ClientContact contact, Settings clinic, String optOutLink);
    }

    private final Clock clock;
    private final SettingsService settings;
    private final DeliveryConfig delivery;
    private final RemindersConfig reminders;
    private final MailSender sender;
    private final SmsGateway sms;
    private final OptOutTokens optOut;
    private final DeliveryMetrics metrics;
    private final DeliveryFailures failures;

    public ClientMessaging(Clock clock, SettingsService settings, DeliveryConfig delivery, RemindersConfig reminders,
                           MailSender sender, SmsGateway sms, OptOutTokens optOut, DeliveryMetrics metrics,
                           DeliveryFailures failures) {
        this.clock = clock;
        this.settings = settings;
        this.delivery = delivery;
        this.reminders = reminders;
        this.sender = sender;
        this.sms = sms;
        this.optOut = optOut;
        this.metrics = metrics;
        this.failures = failures;
    }

    /**
     * @param kind    the metrics' and Message-ID's kind, e.g. {@code check-in}
     * @param logKind the delivery log's, e.g. {@code CHECK_IN}
     * @return true when the message was accepted by the mail server or SMS gateway just now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean settle(ClientMessage message, String kind, String logKind, ReminderRouting.Due due, Instant now,
                          Compose compose) {
        ClientContact contact = ClientContact.findById(message.clientId);
        Settings clinic = settings.of(message.clinicId);
        List<ContactConsent> consents = ContactConsent.of(message.clientId);
        ReminderRouting.Permissions permissions = new ReminderRouting.Permissions(
                ContactConsent.channels(consents, true), ContactConsent.channels(consents, false),
                ContactOptOut.of(message.clientId), sms.configured());
        ReminderRouting.Decision decision = ReminderRouting.decide(due, contact, permissions, clinic.quietHours(),
                now, delivery.retryDelay(), reminders.consentWait());
        if (decision instanceof ReminderRouting.SendEmail email) {
            message.channel = ContactChannel.EMAIL;
            return send(message, kind, logKind, now, () -> sender.send(email.address(),
                    compose.mail(contact, clinic, optOut.link(message.clientId, ContactChannel.EMAIL)),
                    MailSender.messageId(kind, message.id())));
        }
        if (decision instanceof ReminderRouting.SendSms text) {
            message.channel = ContactChannel.SMS;
            return send(message, kind, logKind, now, () -> sms.send(text.phone(),
                    compose.sms(contact, clinic, optOut.link(message.clientId, ContactChannel.SMS)),
                    message.id().toString()));
        }
        if (decision instanceof ReminderRouting.Skip skip) {
            message.channel = skip.channel();
            message.skip(skip.reason());
            metrics.count(kind, "skipped");
            LOG.infof("%s %s skipped: %s", kind, message.id(), skip.reason());
        } else if (decision instanceof ReminderRouting.Defer defer) {
            message.defer(defer.until(), defer.reason());
            metrics.count(kind, "deferred");
        }
        return false;
    }

    private boolean send(ClientMessage message, String kind, String logKind, Instant now, Runnable send) {
        try {
            send.run();
            message.markSent(clock.instant());
            metrics.count(kind, "sent");
            LOG.infof("%s %s sent by %s", kind, message.id(), message.channel);
            return true;
        } catch (RuntimeException e) {
            message.failedAttempt(MailSender.reasonOf(e), now, delivery.retry());
            metrics.failure(kind, message.reason, message.nextAttemptAt == null);
            LOG.warnf("%s %s not sent (attempt %d, %s)", kind, message.id(), message.attempts, message.reason);
            if (message.nextAttemptAt == null) {
                failures.report(message.id(), message.clinicId, message.clientId, logKind, message.channel.name(),
                        message.attempts);
            }
            return false;
        }
    }
}
