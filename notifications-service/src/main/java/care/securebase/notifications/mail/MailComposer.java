package care.securebase.notifications.mail;

import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.settings.Settings;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes every message the service sends, from the Qute templates in {@code templates/mail} and
 * {@code templates/sms}. What a message may say is decided here and only here: who, when, where and
 * how to reschedule for a client (a session's or check-in's message: the clinic, when and the link only);
 * that something awaits, and where, for a partner or a member of staff. Never anything clinical: the models below are all a template can see.
 *
 * <p>Templates are looked up per clinic and language: {@code mail/clinic/<clinic>/<lang>/<name>}, then
 * {@code mail/<lang>/<name>}, for the wanted language, then the clinic's default language, then English.
 * Every e-mail has {@code <name>-subject.txt}, {@code <name>.txt} and {@code <name>.html}.
 */
@ApplicationScoped
public class MailComposer {

    private static final Logger LOG = Logger.getLogger(MailComposer.class);
    public static final String FALLBACK_LANGUAGE = "en";

    /**
     * @param headers extra e-mail headers (List-Unsubscribe for client messages)
     */
    public record RenderedMail(String subject, String text, String html, Map<String, String> headers) {
    }

    /** Everything a client reminder template may use. */
    @TemplateData
    public record ReminderModel(String name, String when, String day, String language, String clinicName,
                                String clinicPhone, String clinicEmail, String optOutLink) {

        /** The phone number as a tel: link wants it: digits and a leading +. */
        public String clinicPhoneLink() {
            return clinicPhone == null ? null : clinicPhone.replaceAll("[^0-9+]", "");
        }
    }

    /**
     * Everything a check-in message may use: which clinic asks, and the link. No name, no instrument,
     * nothing of what is asked (that is on the page behind the link).
     */
    @TemplateData
    public record CheckInModel(String clinicName, String link, String language, String optOutLink) {
    }

    /**
     * Everything a session reminder may use: the clinic, when (in the client's zone), the confirm / cancel
     * link and, for telehealth, the clinic's video link. No name, nothing clinical.
     */
    @TemplateData
    public record AppointmentModel(String when, String day, String language, String clinicName, String link,
                                   String videoLink, String optOutLink) {
    }

    /** Everything a partner notice template may use: no program, reason or client. */
    @TemplateData
    public record NoticeModel(String referralId, String link, String language) {
    }

    /** Everything a staff notice template may use: the clinic and a portal link; no name, nothing clinical. */
    @TemplateData
    public record StaffModel(String clinicName, String link, String language) {
    }

    private final Engine engine;
    private final ClinicsConfig clinics;
    private final LinksConfig links;
    private final String portalUrl;
    /**
     * Every template id asked for, found or not: Qute's engine caches the templates it found only, and
     * a clinic without an override of its own was looked for on the class path again for every message.
     */
    private final Map<String, Optional<Template>> templates = new ConcurrentHashMap<>();

    public MailComposer(Engine engine, ClinicsConfig clinics, LinksConfig links,
                        @ConfigProperty(name = "securebase.portal-url", defaultValue = "http://localhost:8080")
                        String portalUrl) {
        this.engine = engine;
        this.clinics = clinics;
        this.links = links;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    public String portalUrl() {
        return portalUrl;
    }

    /** The template names of every message, for tests that render them all. */
    public static final List<String> MAIL_TEMPLATES = List.of("boosterReminder", "partnerNotice", "onCallRisk",
            "missedBooster", "referralOverdue", "checkIn", "appointmentReminder", "checkInRisk");
    public static final List<String> SMS_TEMPLATES = List.of("boosterReminder", "checkIn", "appointmentReminder");

    /**
     * @param language    the client's language tag (e.g. pl-PL); the date is formatted in it
     * @param clinicLanguage the clinic's default language, used when there are no templates in the client's
     */
    public RenderedMail boosterReminder(String preferredName, Instant appointmentAt, String timeZone, String language,
                                       String clinicId, String clinicLanguage, String optOutLink) {
        String lang = chosenLanguage("mail", "boosterReminder.txt", clinicId, language, clinicLanguage);
        ReminderModel model = reminderModel(preferredName, appointmentAt, timeZone, language, clinicLanguage, lang, clinicId,
                optOutLink);
        return new RenderedMail(render("mail", "boosterReminder-subject.txt", clinicId, lang, model).strip(),
                render("mail", "boosterReminder.txt", clinicId, lang, model),
                render("mail", "boosterReminder.html", clinicId, lang, model),
                Map.of("List-Unsubscribe", "<" + optOutLink + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    public String boosterReminderSms(String preferredName, Instant appointmentAt, String timeZone, String language,
                                     String clinicId, String clinicLanguage, String optOutLink) {
        String lang = chosenLanguage("sms", "boosterReminder.txt", clinicId, language, clinicLanguage);
        ReminderModel model = reminderModel(preferredName, appointmentAt, timeZone, language, clinicLanguage, lang, clinicId,
                optOutLink);
        return render("sms", "boosterReminder.txt", clinicId, lang, model).strip();
    }

    /**
     * A check-in's link: which clinic asks and where to answer. {@code token} is the check-in's link token.
     *
     * @param language the client's language tag; the clinic's default when they have none
     */
    public RenderedMail checkIn(String token, String language, String clinicId, String clinicLanguage,
                                String optOutLink) {
        String lang = chosenLanguage("mail", "checkIn.txt", clinicId, language, clinicLanguage);
        return clientMail("checkIn", clinicId, lang, checkInModel(token, language, clinicId, clinicLanguage, lang,
                optOutLink), optOutLink);
    }

    public String checkInSms(String token, String language, String clinicId, String clinicLanguage, String optOutLink) {
        String lang = chosenLanguage("sms", "checkIn.txt", clinicId, language, clinicLanguage);
        return render("sms", "checkIn.txt", clinicId, lang, checkInModel(token, language, clinicId, clinicLanguage,
                lang, optOutLink)).strip();
    }

    private CheckInModel checkInModel(String token, String language, String clinicId, String clinicLanguage,
                                      String lang, String optOutLink) {
        ClinicsConfig.Clinic clinic = clinic(clinicId);
        return new CheckInModel(clinic == null ? null : clinic.name(), links.checkIn(token),
                AppointmentTime.locale(dateLanguage(language, clinicLanguage, lang)).toLanguageTag(), optOutLink);
    }

    /**
     * A scheduled session's reminder: the clinic, the date and time in the client's zone, the link to
     * confirm or ask to cancel, and the video link when the session has one.
     */
    public RenderedMail appointmentReminder(Instant startsAt, String timeZone, String language, String clinicId,
                                           String clinicLanguage, String token, String videoLink, String optOutLink) {
        String lang = chosenLanguage("mail", "appointmentReminder.txt", clinicId, language, clinicLanguage);
        return clientMail("appointmentReminder", clinicId, lang, appointmentModel(startsAt, timeZone, language, clinicId,
                clinicLanguage, lang, token, videoLink, optOutLink), optOutLink);
    }

    public String appointmentReminderSms(Instant startsAt, String timeZone, String language, String clinicId,
                                         String clinicLanguage, String token, String videoLink, String optOutLink) {
        String lang = chosenLanguage("sms", "appointmentReminder.txt", clinicId, language, clinicLanguage);
        return render("sms", "appointmentReminder.txt", clinicId, lang, appointmentModel(startsAt, timeZone, language,
                clinicId, clinicLanguage, lang, token, videoLink, optOutLink)).strip();
    }

    private AppointmentModel appointmentModel(Instant startsAt, String timeZone, String language, String clinicId,
                                              String clinicLanguage, String lang, String token, String videoLink,
                                              String optOutLink) {
        String dateLanguage = dateLanguage(language, clinicLanguage, lang);
        ClinicsConfig.Clinic clinic = clinic(clinicId);
        return new AppointmentModel(AppointmentTime.full(startsAt, timeZone, dateLanguage),
                AppointmentTime.shortDate(startsAt, timeZone, dateLanguage),
                AppointmentTime.locale(dateLanguage).toLanguageTag(),
                clinic == null ? null : clinic.name(), links.appointment(token), videoLink, optOutLink);
    }

    private RenderedMail clientMail(String name, String clinicId, String lang, Object model, String optOutLink) {
        return new RenderedMail(render("mail", name + "-subject.txt", clinicId, lang, model).strip(),
                render("mail", name + ".txt", clinicId, lang, model),
                render("mail", name + ".html", clinicId, lang, model),
                Map.of("List-Unsubscribe", "<" + optOutLink + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    /**
     * The date in the client's own conventions (en-GB, en-US) when the text is in their language, else in
     * the clinic's (its default language tag), else the bare language.
     */
    private static String dateLanguage(String language, String clinicLanguage, String lang) {
        return language != null && lang.equals(Settings.languageOf(language)) ? language
                : clinicLanguage != null && lang.equals(Settings.languageOf(clinicLanguage)) ? clinicLanguage : lang;
    }

    private ReminderModel reminderModel(String preferredName, Instant appointmentAt, String timeZone, String language,
                                        String clinicLanguage, String lang, String clinicId, String optOutLink) {
        String dateLanguage = dateLanguage(language, clinicLanguage, lang);
        ClinicsConfig.Clinic clinic = clinic(clinicId);
        return new ReminderModel(
                preferredName == null || preferredName.isBlank() ? null : preferredName.strip(),
                AppointmentTime.full(appointmentAt, timeZone, dateLanguage),
                AppointmentTime.shortDate(appointmentAt, timeZone, dateLanguage),
                AppointmentTime.locale(dateLanguage).toLanguageTag(),
                clinic == null ? null : clinic.name(),
                clinic == null ? null : clinic.phone().orElse(null),
                clinic == null ? null : clinic.email().orElse(null),
                optOutLink);
    }

    public RenderedMail partnerNotice(UUID referralId, String clinicId, String clinicLanguage) {
        String lang = chosenLanguage("mail", "partnerNotice.txt", clinicId, clinicLanguage, clinicLanguage);
        NoticeModel model = new NoticeModel(referralId.toString(), portalUrl + "/referrals/" + referralId, lang);
        return mail("partnerNotice", clinicId, lang, model);
    }

    /**
     * To a member of staff; the portal shows the details after login.
     *
     * @param subjectId the client (on-call, check-in risk, missed appointment) or referral (overdue) the link opens
     */
    public RenderedMail staffNotice(StaffNoticeKind kind, String clinicId, String clinicLanguage, UUID subjectId) {
        String name = switch (kind) {
            case ON_CALL_RISK -> "onCallRisk";
            case CHECK_IN_RISK -> "checkInRisk";
            case MISSED_BOOSTER -> "missedBooster";
            case REFERRAL_OVERDUE -> "referralOverdue";
            default -> throw new IllegalArgumentException(kind + " is shown in the portal only");
        };
        String path = kind == StaffNoticeKind.REFERRAL_OVERDUE ? "/referrals/" : "/clients/";
        String lang = chosenLanguage("mail", name + ".txt", clinicId, clinicLanguage, clinicLanguage);
        ClinicsConfig.Clinic clinic = clinic(clinicId);
        StaffModel model = new StaffModel(clinic == null ? null : clinic.name(), portalUrl + path + subjectId, lang);
        return mail(name, clinicId, lang, model);
    }

    private RenderedMail mail(String name, String clinicId, String lang, Object model) {
        return new RenderedMail(render("mail", name + "-subject.txt", clinicId, lang, model).strip(),
                render("mail", name + ".txt", clinicId, lang, model),
                render("mail", name + ".html", clinicId, lang, model), Map.of());
    }

    private ClinicsConfig.Clinic clinic(String clinicId) {
        ClinicsConfig.Clinic clinic = clinicId == null ? null : clinics.all().get(clinicId);
        if (clinic == null) {
            LOG.warnf("No securebase.clinics.%s configured; the message names no clinic", clinicId);
        }
        return clinic;
    }

    /** The first of (wanted, clinic default, English) that has the template, in the clinic's or the shared set. */
    String chosenLanguage(String channel, String file, String clinicId, String wanted, String clinicLanguage) {
        for (String lang : candidates(wanted, clinicLanguage)) {
            if (find(channel, file, clinicId, lang) != null) {
                return lang;
            }
        }
        return FALLBACK_LANGUAGE;
    }

    private static List<String> candidates(String wanted, String clinicLanguage) {
        Set<String> langs = new LinkedHashSet<>();
        if (wanted != null && !wanted.isBlank()) {
            langs.add(Settings.languageOf(wanted));
        }
        langs.add(Settings.languageOf(clinicLanguage));
        langs.add(FALLBACK_LANGUAGE);
        return new ArrayList<>(langs);
    }

    private Template find(String channel, String file, String clinicId, String lang) {
        if (clinicId != null && clinicId.matches("[a-z0-9-]+")) {
            Template override = template(channel + "/clinic/" + clinicId + "/" + lang + "/" + file);
            if (override != null) {
                return override;
            }
        }
        return template(channel + "/" + lang + "/" + file);
    }

    private Template template(String id) {
        Optional<Template> known = templates.get(id);
        if (known == null) {
            known = Optional.ofNullable(engine.getTemplate(id));
            if (templates.size() < 1_000) { // the language comes from an event: no unbounded growth
                templates.put(id, known);
            }
        }
        return known.orElse(null);
    }

    /** Renders one file, falling back to English for a file a language lacks. */
    String render(String channel, String file, String clinicId, String lang, Object model) {
        Template template = find(channel, file, clinicId, lang);
        if (template == null) {
            template = find(channel, file, clinicId, FALLBACK_LANGUAGE);
        }
        if (template == null) {
            throw new IllegalStateException("No template " + channel + "/" + lang + "/" + file);
        }
        return template.data("m", model).render();
    }
}
