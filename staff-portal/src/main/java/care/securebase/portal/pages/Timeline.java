package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.SessionsApi;
import care.securebase.portal.web.Formats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An episode's course in words, from sessions-service's timeline (codes and numbers only, never
 * clinical text): what happened, when, by whom, and where to read more. The intake's entry also
 * gives the summary at the top of the episode page: priority, risk and the baseline scores.
 */
public record Timeline(Intake intake, List<String> riskFlags, List<Item> items) {

    /** @param kind a CSS-friendly group: intake, risk, phase, session, note, outcome, plan, referral, booster, flag */
    public record Item(Instant at, String kind, String title, String detail, String by, String href) {
    }

    public record Intake(Instant at, String priority, String riskLevel, String modality, List<String> scores) {
    }

    /** @param programOf the program a referral went to, by referral id (null when unknown) */
    public static Timeline of(SessionsApi.Episode episode, List<ClinicalApi.TimelineEntry> entries,
                              Function<String, String> programOf) {
        Intake intake = null;
        List<String> risks = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        String base = "/episodes/" + episode.id();
        for (ClinicalApi.TimelineEntry e : entries) {
            Map<String, Object> d = e.details();
            String by = e.by();
            switch (e.type()) {
                case "INTAKE" -> {
                    List<String> scores = scores(d.get("scores"), true);
                    intake = new Intake(e.at(), str(d, "priority"), str(d, "riskLevel"), str(d, "modality"), scores);
                    items.add(new Item(e.at(), "intake", "Intake completed", "Priority " + label(d, "priority")
                            + ", risk " + label(d, "riskLevel").toLowerCase(java.util.Locale.ROOT)
                            + (scores.isEmpty() ? "" : "; " + String.join(", ", scores)), by,
                            episode.intakeId() == null ? null
                                    : "/clients/" + episode.clientId() + "/intakes/" + episode.intakeId()));
                }
                case "RISK_FLAG" -> {
                    String words = label(d, "level") + " risk (" + label(d, "source") + ")";
                    risks.add(words);
                    items.add(new Item(e.at(), "risk", "Risk flag raised", words, by, null));
                }
                case "PHASE_CHANGE" -> items.add(new Item(e.at(), "phase", "Phase: " + label(d, "to"),
                        d.get("from") == null ? "" : "From " + label(d, "from").toLowerCase(java.util.Locale.ROOT),
                        by, null));
                case "SESSION" -> items.add(new Item(e.at(), "session", "Session " + label(d, "status")
                        .toLowerCase(java.util.Locale.ROOT), label(d, "modality") + ", " + str(d, "lengthMinutes")
                        + " minutes, " + (Boolean.TRUE.equals(d.get("telehealth")) ? "telehealth" : "in person"),
                        by, base + "#session-" + e.refId()));
                case "NOTE_SIGNED" -> items.add(new Item(e.at(), "note", "AWAITING_COSIGN".equals(str(d, "status"))
                        ? "Note signed, awaiting co-signature" : "Note signed",
                        d.get("cosignedBy") == null ? "" : "Co-signed by " + str(d, "cosignedBy"), by,
                        "/notes/" + e.refId()));
                case "OUTCOME" -> items.add(new Item(e.at(), "outcome", str(d, "instrument") + " given again",
                        String.join(", ", scores(d.get("scores"), false)), by, base + "/outcomes"));
                case "TREATMENT_PLAN_VERSION" -> items.add(new Item(e.at(), "plan", "Treatment plan version "
                        + str(d, "version"), changes(d.get("changes")), by, base + "/treatment-plan?version="
                        + str(d, "version")));
                case "SAFETY_PLAN_VERSION" -> items.add(new Item(e.at(), "plan", "Safety plan version "
                        + str(d, "version"), "", by, "/clients/" + episode.clientId() + "/safety-plan?version="
                        + str(d, "version")));
                case "REFERRAL_SENT" -> items.add(new Item(e.at(), "referral", "Referral sent", Stream.of(
                                programOf.apply(e.refId()), d.get("urgency") == null ? null
                                        : label(d, "urgency").toLowerCase(java.util.Locale.ROOT))
                        .filter(Objects::nonNull).collect(Collectors.joining(", ")), by, null));
                case "REFERRAL_STATUS_CHANGED" -> items.add(new Item(e.at(), "referral", "Referral "
                        + label(d, "status").toLowerCase(java.util.Locale.ROOT),
                        d.get("code") == null ? "" : label(d, "code"), by, null));
                case "REFERRAL_OVERDUE" -> items.add(new Item(e.at(), "referral", "Referral overdue",
                        "The partner has not answered in time", by, null));
                case "REMINDER_SENT" -> items.add(new Item(e.at(), "booster", "Booster reminder sent",
                        d.get("channel") == null ? "" : "By " + label(d, "channel").toLowerCase(java.util.Locale.ROOT),
                        by, null));
                case "BOOSTER_ATTENDED" -> items.add(new Item(e.at(), "booster", "Booster attended",
                        "Due " + when(d.get("dueAt")), by, null));
                case "BOOSTER_MISSED" -> items.add(new Item(e.at(), "booster", "Booster missed",
                        "Due " + when(d.get("dueAt")), by, null));
                case "FLAG_RAISED" -> items.add(new Item(e.at(), "flag", "Flag: " + CaseloadPages.FlagWords
                        .kind(str(d, "kind")), CaseloadPages.FlagWords.detail(str(d, "kind"), str(d, "detail")), by,
                        null));
                case "FLAG_CLEARED" -> items.add(new Item(e.at(), "flag", "Flag cleared: " + CaseloadPages.FlagWords
                        .kind(str(d, "kind")), "", by, null));
                default -> items.add(new Item(e.at(), "other", Formats.label(e.type()), "", by, null));
            }
        }
        return new Timeline(intake, risks, items);
    }

    /** "PHQ-9 total 14 (Moderate)" for each score of the intake's or an administration's list. */
    private static List<String> scores(Object list, boolean withInstrument) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> scores) {
            for (Object o : scores) {
                if (o instanceof Map<?, ?> s) {
                    String instrument = withInstrument && s.get("instrument") != null ? s.get("instrument") + " " : "";
                    out.add(instrument + s.get("scale") + " " + s.get("value")
                            + (s.get("band") == null ? "" : " (" + s.get("band") + ")"));
                }
            }
        }
        return out;
    }

    private static String changes(Object list) {
        if (list instanceof List<?> changes && !changes.isEmpty()) {
            return "Changed: " + String.join(", ", changes.stream().map(String::valueOf).toList());
        }
        return "";
    }

    private static String when(Object instant) {
        try {
            return instant == null ? Formats.text(null) : Formats.when(Instant.parse(instant.toString()));
        } catch (RuntimeException notAnInstant) {
            return Formats.text(instant);
        }
    }

    private static String str(Map<String, Object> d, String key) {
        Object v = d.get(key);
        return v == null ? "" : v.toString();
    }

    private static String label(Map<String, Object> d, String key) {
        return Formats.label(d.get(key));
    }
}
