package care.securebase.notifications.service;

import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ClientMessage;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.ContactConsent;
import care.securebase.notifications.ContactOptOut;
import care.securebase.notifications.delivery.DeliveryConfig;
import care.securebase.notifications.delivery.DeliveryMetrics;
import care.securebase.notifications.delivery.DeliveryTracing;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Carries out the routing of due client messages, whatever they are about (a booster, a session, a
 * check-in): the same channel, consent, opt-out and quiet-hours rules ({@link ReminderRouting}), the same
 * retries, Message-ID, metrics and report of a message given up. Runs in the transaction that claimed the rows.
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
    private final DeliveryTracing tracing;

    public ClientMessaging(Clock clock, SettingsService settings, DeliveryConfig delivery, RemindersConfig reminders,
                           MailSender sender, SmsGateway sms, OptOutTokens optOut, DeliveryMetrics metrics,
                           DeliveryFailures failures, DeliveryTracing tracing) {
        this.clock = clock;
        this.settings = settings;
        this.delivery = delivery;
        this.reminders = reminders;
        this.sender = sender;
        this.sms = sms;
        this.optOut = optOut;
        this.metrics = metrics;
        this.failures = failures;
        this.tracing = tracing;
    }

    /**
     * Settles a batch of claimed messages: each is routed and composed in its own delivery span, the
     * e-mails among them go to the SMTP server together ({@link MailSender.Batch}), and each row is marked
     * with its outcome, all in the transaction that claimed them. The rows stay locked until it commits,
     * so no other instance sends them meanwhile; a crash after the server accepted some and before the
     * commit sends those again (at most one batch), each with its own Message-ID as before.
     *
     * @param kind    the metrics' and Message-ID's kind, e.g. {@code check-in}
     * @param logKind the delivery log's, e.g. {@code CHECK_IN}
     * @param due     each message's time frame
     * @param compose what each message says
     * @param settled what follows once a message was tried (true: accepted by the mail server or SMS
     *                gateway just now), in its delivery's span and this transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <M extends ClientMessage> void settle(List<M> messages, String kind, String logKind, Instant now,
                                                 Function<M, ReminderRouting.Due> due, Function<M, Compose> compose,
                                                 BiConsumer<M, Boolean> settled) {
        if (messages.isEmpty()) {
            return;
        }
        Set<UUID> clients = messages.stream().map(m -> m.clientId).collect(Collectors.toSet());
        Map<UUID, ClientContact> contacts = ClientContact.of(clients);
        Map<UUID, List<ContactConsent>> consents = ContactConsent.of(clients);
        Map<UUID, Set<ContactChannel>> optOuts = ContactOptOut.of(clients);
        Map<String, Settings> clinics = new HashMap<>();
        MailSender.Batch mails = sender.batch();
        tracing.each(kind, messages, ClientMessage::id, (message, attempt) -> {
            List<ContactConsent> recorded = consents.getOrDefault(message.clientId, List.of());
            ReminderRouting.Permissions permissions = new ReminderRouting.Permissions(
                    ContactConsent.channels(recorded, true), ContactConsent.channels(recorded, false),
                    optOuts.getOrDefault(message.clientId, Set.of()), sms.configured());
            route(message, kind, logKind, now, due.apply(message), contacts.get(message.clientId),
                    clinics.computeIfAbsent(message.clinicId, settings::of), permissions, compose.apply(message), mails,
                    attempt, sent -> settled.accept(message, sent));
        }, mails::send);
    }

    private void route(ClientMessage message, String kind, String logKind, Instant now, ReminderRouting.Due due,
                       ClientContact contact, Settings clinic, ReminderRouting.Permissions permissions, Compose compose,
                       MailSender.Batch mails, DeliveryTracing.Attempt attempt, Consumer<Boolean> settled) {
        ReminderRouting.Decision decision = ReminderRouting.decide(due, contact, permissions, clinic.quietHours(),
                now, delivery.retryDelay(), reminders.consentWait());
        if (decision instanceof ReminderRouting.SendEmail email) {
            message.channel = ContactChannel.EMAIL;
            RenderedMail mail;
            try {
                mail = compose.mail(contact, clinic, optOut.link(message.clientId, ContactChannel.EMAIL));
            } catch (RuntimeException e) {
                settled.accept(markFailed(message, kind, logKind, now, e)); // as a failed send: retried, then given up
                return;
            }
            mails.add(email.address(), mail, MailSender.messageId(kind, message.id()), new MailSender.Outcome() {
                @Override
                public void sent() {
                    attempt.run(() -> settled.accept(markSent(message, kind)));
                }

                @Override
                public void failed(Throwable failure) {
                    attempt.run(() -> settled.accept(markFailed(message, kind, logKind, now, failure)));
                }
            });
            return;
        }
        if (decision instanceof ReminderRouting.SendSms text) {
            message.channel = ContactChannel.SMS;
            boolean sent;
            try {
                sms.send(text.phone(), compose.sms(contact, clinic, optOut.link(message.clientId, ContactChannel.SMS)),
                        message.id().toString());
                sent = markSent(message, kind);
            } catch (RuntimeException e) {
                sent = markFailed(message, kind, logKind, now, e);
            }
            settled.accept(sent);
            return;
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
        settled.accept(false);
    }

    private boolean markSent(ClientMessage message, String kind) {
        message.markSent(clock.instant());
        metrics.count(kind, "sent");
        LOG.infof("%s %s sent by %s", kind, message.id(), message.channel);
        return true;
    }

    private boolean markFailed(ClientMessage message, String kind, String logKind, Instant now, Throwable failure) {
        message.failedAttempt(MailSender.reasonOf(failure), now, delivery.retry());
        metrics.failure(kind, message.reason, message.nextAttemptAt == null);
        LOG.warnf("%s %s not sent (attempt %d, %s)", kind, message.id(), message.attempts, message.reason);
        if (message.nextAttemptAt == null) {
            failures.report(message.id(), message.clinicId, message.clientId, logKind, message.channel.name(),
                    message.attempts);
        }
        return false;
    }
}
