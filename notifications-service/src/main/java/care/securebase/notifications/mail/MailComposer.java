package care.securebase.notifications.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes every message the service sends, from the Qute templates in {@code templates/mail}. What
 * a message may say is decided here and only here: who, when, where and how to reschedule for a
 * client; that something awaits, and where, for a partner; for the on-call clinician, that a new
 * client at their clinic needs contact today, and where to open the record. Never anything clinical
 * beyond that (no answers, scores, instruments or names): the inputs below are all a template can see.
 */
@ApplicationScoped
public class MailComposer {

    private static final Logger LOG = Logger.getLogger(MailComposer.class);

    public record RenderedMail(String subject, String text, String html) {
    }

    /** Everything a reminder template may use. */
    public record ReminderModel(String name, String when, String language, String clinicName, String clinicPhone,
                                String clinicEmail) {

        /** The phone number as a tel: link wants it: digits and a leading +. */
        public String clinicPhoneLink() {
            return clinicPhone == null ? null : clinicPhone.replaceAll("[^0-9+]", "");
        }
    }

    /** Everything a partner notice template may use. */
    public record NoticeModel(String referralId, String link) {
    }

    /** Everything an on-call notice template may use: no client name, nothing from the assessment. */
    public record OnCallModel(String clinicName, String link) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance boosterReminderText(ReminderModel m);

        static native TemplateInstance boosterReminderHtml(ReminderModel m);

        static native TemplateInstance partnerNoticeText(NoticeModel m);

        static native TemplateInstance partnerNoticeHtml(NoticeModel m);

        static native TemplateInstance onCallRiskText(OnCallModel m);

        static native TemplateInstance onCallRiskHtml(OnCallModel m);
    }

    private final ClinicsConfig clinics;
    private final String portalUrl;

    public MailComposer(ClinicsConfig clinics,
                        @ConfigProperty(name = "securebase.portal-url", defaultValue = "http://localhost:8080")
                        String portalUrl) {
        this.clinics = clinics;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    public RenderedMail boosterReminder(String preferredName, Instant appointmentAt, String timeZone, String language,
                                       String clinicId) {
        ClinicsConfig.Clinic clinic = clinics.all().get(clinicId);
        if (clinic == null) {
            LOG.warnf("No securebase.clinics.%s configured; the reminder names no clinic", clinicId);
        }
        String clinicName = clinic == null ? "your clinic" : clinic.name();
        ReminderModel model = new ReminderModel(
                preferredName == null || preferredName.isBlank() ? null : preferredName.strip(),
                AppointmentTime.full(appointmentAt, timeZone, language),
                AppointmentTime.locale(language).toLanguageTag(),
                clinicName,
                clinic == null ? null : clinic.phone().orElse(null),
                clinic == null ? null : clinic.email().orElse(null));
        String subject = "Reminder: your appointment at " + clinicName + " on "
                + AppointmentTime.shortDate(appointmentAt, timeZone, language);
        return new RenderedMail(subject, Templates.boosterReminderText(model).render(),
                Templates.boosterReminderHtml(model).render());
    }

    public RenderedMail partnerNotice(UUID referralId) {
        NoticeModel model = new NoticeModel(referralId.toString(), portalUrl + "/referrals/" + referralId);
        return new RenderedMail("A new referral awaits you in SecureBase",
                Templates.partnerNoticeText(model).render(), Templates.partnerNoticeHtml(model).render());
    }

    /** To the on-call clinician; the portal shows who the client is, after login. */
    public RenderedMail onCallRisk(String clinicId, UUID clientId) {
        ClinicsConfig.Clinic clinic = clinics.all().get(clinicId);
        if (clinic == null) {
            LOG.warnf("No securebase.clinics.%s configured; the on-call notice names no clinic", clinicId);
        }
        String clinicName = clinic == null ? "your clinic" : clinic.name();
        OnCallModel model = new OnCallModel(clinicName, portalUrl + "/clients/" + clientId);
        return new RenderedMail("Urgent: a new client at " + clinicName + " needs contact today",
                Templates.onCallRiskText(model).render(), Templates.onCallRiskHtml(model).render());
    }
}
